"""Findable in plain words: questions admins type into the search box, and the page that
answers each. Each set was written before the pages were tuned for it; keep it that way (add
queries, do not reword them to fit the pages)."""

from __future__ import annotations

import json

import pytest

from site_search import search

ENGLISH = [
    ("is GLPI Network registration free", "troubleshooting/registration-required/"),
    ("what does GLPI send to GLPI Network", "reference/http-calls/"),
    ("I lost glpicrypt.key", "howto/secrets-after-key-loss/"),
    ("same registration key on two servers", "troubleshooting/same-key-several-instances/"),
    ("move GLPI to a new server without losing passwords", "howto/move-glpicrypt-key/"),
    ("where do I paste the registration key", "tutorials/register/"),
    ("plugin download fails", "troubleshooting/plugin-download-fails/"),
    ("marketplace behind a proxy", "howto/proxy/"),
    ("set the registration key from the command line", "howto/set-key-cli/"),
    ("docker container loses the key file after restart", "howto/docker/"),
    ("what is glpicrypt.key", "reference/glpicrypt-key/"),
    ("difference between registration key and glpicrypt.key", "explanation/key-vs-keyfile/"),
    ("disable the marketplace", "howto/restrict-marketplace/"),
    ("marketplace folder permissions", "troubleshooting/marketplace-not-writable/"),
    ("too many attempts", "troubleshooting/too-many-attempts/"),
    ("blank page after saving the key", "troubleshooting/blank-page-on-save/"),
    ("key field is empty after saving", "troubleshooting/saved-key-empty/"),
    ("decrypt a password stored in the database", "howto/check-keyfile-and-database/"),
    ("subscription expired", "troubleshooting/terminated-subscription/"),
    ("which plugins need a paid subscription", "reference/tiers/"),
    ("GLPI cannot reach services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("how does GLPI check the registration key", "explanation/how-the-check-works/"),
    ("host this help centre on our intranet", "howto/deploy-offline/"),
    ("security:change_key regenerate the key file", "troubleshooting/create-security-key/"),
]
# The same kind of question in GLPI's other interface languages, in the admin's own words.
OTHER_LANGUAGES = [
    ("clé d'enregistrement invalide", "troubleshooting/key-invalid/"),
    ("chave de registro inválida", "troubleshooting/key-invalid/"),
    ("clave de registro incorrecta", "troubleshooting/key-invalid/"),
    ("Registrierungsschlüssel ungültig", "troubleshooting/key-invalid/"),
    ("chiave di registrazione non valida", "troubleshooting/key-invalid/"),
    ("fichier de clé de sécurité manquant", "troubleshooting/create-security-key/"),
]
# More sets of 24, each written before its first measurement (different words for the same
# topics, and more of the site). FRESH_A and FRESH_B were written after tuning on half of ENGLISH;
# FRESH_A then guided the title weight and FRESH_B was measured once and not tuned for.
FRESH_A = [
    ("do I have to pay for a GLPI Network registration key", "troubleshooting/registration-required/"),
    ("what data does my GLPI server send to Teclib", "reference/http-calls/"),
    ("deleted the key file by mistake, secrets unreadable", "howto/secrets-after-key-loss/"),
    ("can I reuse one registration key for test and production", "troubleshooting/same-key-several-instances/"),
    ("copy glpicrypt.key when migrating GLPI to another machine", "howto/move-glpicrypt-key/"),
    ("how to register my GLPI instance", "tutorials/register/"),
    ("outgoing proxy settings for GLPI Network", "howto/proxy/"),
    ("glpi:marketplace console command to install a plugin", "reference/console-commands/"),
    ("keep keys when GLPI runs in a docker volume", "howto/docker/"),
    ("where is the encryption key file stored", "reference/glpicrypt-key/"),
    ("turn off the marketplace for my users", "howto/restrict-marketplace/"),
    ("check that my key file matches the encrypted values in the database", "howto/check-keyfile-and-database/"),
    ("Unable to decrypt string error in the logs", "troubleshooting/unable-to-decrypt/"),
    ("run the help centre without internet access", "howto/deploy-offline/"),
    ("glpi-keycheck command line options", "reference/cli/"),
    ("registration key rejected as invalid", "troubleshooting/key-invalid/"),
    ("GLPI says unable to fetch registration information", "troubleshooting/unable-to-fetch/"),
    ("marketplace shows superior offer required for a plugin", "troubleshooting/superior-offer/"),
    ("marketplace plugins disappeared after redeploying the container", "troubleshooting/marketplace-after-redeploy/"),
    ("curl error setting certificate file", "troubleshooting/tls-certificate-file/"),
    ("what do the subscription levels include", "reference/tiers/"),
    ("what is the difference between the two keys", "explanation/key-vs-keyfile/"),
    ("registration key format and length", "reference/registration-key/"),
    ("GLPI cannot read the glpicrypt.key file permission denied", "troubleshooting/keyfile-unreadable/"),
]
FRESH_B = [
    ("is the Marketplace free to use", "troubleshooting/registration-required/"),
    ("which information about my instance goes to GLPI Network", "reference/http-calls/"),
    ("key file gone, no backup, how do I recover", "howto/secrets-after-key-loss/"),
    ("one GLPI Network key shared by staging and prod", "troubleshooting/same-key-several-instances/"),
    ("restore GLPI backup on new server passwords unreadable", "howto/move-glpicrypt-key/"),
    ("first time setup of GLPI Network registration", "tutorials/register/"),
    ("configure http proxy for marketplace downloads", "howto/proxy/"),
    ("bin/console commands for the marketplace", "reference/console-commands/"),
    ("docker volume for glpi config directory", "howto/docker/"),
    ("encryption algorithm used by glpicrypt.key", "reference/glpicrypt-key/"),
    ("GLPI_MARKETPLACE_ENABLE", "reference/marketplace-constants/"),
    ("verify which key file encrypted my database", "howto/check-keyfile-and-database/"),
    ("unable to decrypt LDAP password after upgrade", "troubleshooting/unable-to-decrypt/"),
    ("serve the documentation with nginx on an intranet", "howto/deploy-offline/"),
    ("exit codes of glpi-keycheck", "reference/cli/"),
    ("GLPI says my registration key is invalid", "troubleshooting/key-invalid/"),
    ("cannot fetch registration information from GLPI Network", "troubleshooting/unable-to-fetch/"),
    ("need a higher subscription to download this plugin", "troubleshooting/superior-offer/"),
    ("key saved but the field is blank again", "troubleshooting/saved-key-empty/"),
    ("kernel.secret non-existent parameter after upgrade to 11", "troubleshooting/kernel-secret/"),
    ("marketplace says too many attempts", "troubleshooting/too-many-attempts/"),
    ("proxy connection failed when checking registration", "troubleshooting/proxy-connect-failed/"),
    ("run the checker on the server itself", "howto/run-checks-on-server/"),
    ("white screen when saving the GLPI Network key", "troubleshooting/blank-page-on-save/"),
]
# FRESH_C: written after the last change to the pages and the search settings, measured once.
FRESH_C = [
    ("free registration enough for the marketplace", "troubleshooting/registration-required/"),
    ("does GLPI phone home with my instance details", "reference/http-calls/"),
    ("glpicrypt.key missing and no backup what now", "howto/secrets-after-key-loss/"),
    ("license key used on a cloned test instance", "troubleshooting/same-key-several-instances/"),
    ("upgrade GLPI keep the key files", "howto/move-glpicrypt-key/"),
    ("get a registration key from GLPI Network", "tutorials/register/"),
    ("set proxy address so GLPI can reach the internet", "howto/proxy/"),
    ("php bin/console security:change_key", "reference/console-commands/"),
    ("persistent storage for the glpi container", "howto/docker/"),
    ("xchacha20 key file format", "reference/glpicrypt-key/"),
    ("block plugin installs from the web interface", "howto/restrict-marketplace/"),
    ("test a candidate glpicrypt.key against the database", "howto/check-keyfile-and-database/"),
    ("Unable to decrypt content. It may have been crypted with another key", "troubleshooting/unable-to-decrypt/"),
    ("offline copy of this site for a server without internet", "howto/deploy-offline/"),
    ("glpi-keycheck decrypt command", "reference/cli/"),
    ("invalid registration key after copy paste", "troubleshooting/key-invalid/"),
    ("GLPI Network tab unable to fetch information", "troubleshooting/unable-to-fetch/"),
    ("plugin requires a superior GLPI Network offer", "troubleshooting/superior-offer/"),
    ("registration key disappears after clicking save", "troubleshooting/saved-key-empty/"),
    ("security key file contents invalid", "troubleshooting/invalid-key-file/"),
    ("marketplace directory is not writable", "troubleshooting/marketplace-not-writable/"),
    ("failed to connect to the proxy server", "troubleshooting/proxy-connect-failed/"),
    ("what GLPI Network subscription levels exist", "reference/tiers/"),
    ("registration key is it base64 json", "reference/registration-key/"),
]
# FRESH_D: written by a second pass before its first measurement and before any of that pass's
# changes, from the page list and the problems admins report (shorter, vaguer wording; the
# first four are the examples issue #12 gives).
FRESH_D = [
    ("is it free", "troubleshooting/registration-required/"),
    ("what does GLPI send", "reference/http-calls/"),
    ("what to do after losing a file", "howto/secrets-after-key-loss/"),
    ("same key on two servers", "troubleshooting/same-key-several-instances/"),
    ("how much does a GLPI Network subscription cost", "reference/tiers/"),
    ("LDAP password stopped working after the upgrade", "troubleshooting/unable-to-decrypt/"),
    ("which files to back up before updating GLPI", "howto/move-glpicrypt-key/"),
    ("docker compose volumes for glpi", "howto/docker/"),
    ("does the checker send my key anywhere", "checker/"),
    ("GLPI can't connect to the internet to verify the registration", "troubleshooting/services-unreachable/"),
    ("my subscription ended", "troubleshooting/terminated-subscription/"),
    ("field blank again after I click save", "troubleshooting/saved-key-empty/"),
    ("white page when I save the key", "troubleshooting/blank-page-on-save/"),
    ("plugin not available for my GLPI version", "troubleshooting/plugin-download-fails/"),
    ("stop admins installing plugins from the web interface", "howto/restrict-marketplace/"),
    ("what is inside a registration key", "reference/registration-key/"),
    ("how does GLPI validate my key", "explanation/how-the-check-works/"),
    ("marketplace says my registration is not valid", "troubleshooting/registration-required/"),
    ("set the key in a provisioning script", "howto/set-key-cli/"),
    ("which file encrypts the passwords in GLPI", "reference/glpicrypt-key/"),
    ("error 500 after upgrading to GLPI 11 kernel secret", "troubleshooting/kernel-secret/"),
    ("copy one file to the server and run the checks", "howto/run-checks-on-server/"),
    ("GLPI Network tab item not found", "troubleshooting/item-not-found/"),
    ("permission denied reading the key file", "troubleshooting/keyfile-unreadable/"),
]
# FRESH_E: written after the second pass's last change to pages and settings, without looking at
# any result, then measured once.
FRESH_E = [
    ("do we need to buy anything to use the marketplace", "troubleshooting/registration-required/"),
    ("what information leaves our network when GLPI checks its licence", "reference/http-calls/"),
    ("someone deleted glpicrypt.key", "howto/secrets-after-key-loss/"),
    ("can our test server use the production registration key", "troubleshooting/same-key-several-instances/"),
    ("migrating GLPI to new hardware", "howto/move-glpicrypt-key/"),
    ("how do I activate GLPI Network", "tutorials/register/"),
    ("plugin archive download error 404", "troubleshooting/plugin-download-fails/"),
    ("GLPI server has no direct internet only a proxy", "howto/proxy/"),
    ("script the registration key with ansible", "howto/set-key-cli/"),
    ("which volumes to mount for the official glpi docker image", "howto/docker/"),
    ("glpicrypt.key size and format", "reference/glpicrypt-key/"),
    ("registration key or glpicrypt.key which one do I need", "explanation/key-vs-keyfile/"),
    ("prevent plugin installation through the web UI", "howto/restrict-marketplace/"),
    ("chown marketplace directory www-data", "troubleshooting/marketplace-not-writable/"),
    ("GLPI Network rate limit", "troubleshooting/too-many-attempts/"),
    ("white screen after clicking save on GLPI Network tab", "troubleshooting/blank-page-on-save/"),
    ("registration key not saved, field stays blank", "troubleshooting/saved-key-empty/"),
    ("my subscription expired what happens to plugins", "troubleshooting/terminated-subscription/"),
    ("difference between BASIC STANDARD and ADVANCED", "reference/tiers/"),
    ("DNS cannot resolve services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("does GLPI check the key offline", "explanation/how-the-check-works/"),
    ("nginx config to serve the help centre", "howto/deploy-offline/"),
    ("key file missing after upgrade, must run security:change_key", "troubleshooting/create-security-key/"),
    ("mail collector cannot login after migration", "troubleshooting/unable-to-decrypt/"),
]
# FRESH_F: written after the third pass (which was decided on FRESH_E's misses, among others),
# without looking at any result, then measured once.
FRESH_F = [
    ("GLPI Network pricing", "reference/tiers/"),
    ("privacy what does the marketplace transmit", "reference/http-calls/"),
    ("glpicrypt.key overwritten by accident no backup", "howto/secrets-after-key-loss/"),
    ("two GLPI instances one licence", "troubleshooting/same-key-several-instances/"),
    ("copy GLPI to another server keep encrypted passwords", "howto/move-glpicrypt-key/"),
    ("where to enter the GLPI Network key", "tutorials/register/"),
    ("marketplace says unable to download plugin archive", "troubleshooting/plugin-download-fails/"),
    ("configure proxy for GLPI Network registration", "howto/proxy/"),
    ("set registration key without the web form", "howto/set-key-cli/"),
    ("glpi docker keys lost on every restart", "howto/docker/"),
    ("what cipher does GLPI use to encrypt passwords", "reference/glpicrypt-key/"),
    ("confused between the GLPI Network key and the key file", "explanation/key-vs-keyfile/"),
    ("turn the marketplace off", "howto/restrict-marketplace/"),
    ("marketplace cannot write plugins folder permission", "troubleshooting/marketplace-not-writable/"),
    ("too many requests from GLPI Network", "troubleshooting/too-many-attempts/"),
    ("blank page when saving registration key GLPI 9.5", "troubleshooting/blank-page-on-save/"),
    ("key disappears after save", "troubleshooting/saved-key-empty/"),
    ("renew GLPI Network subscription", "troubleshooting/terminated-subscription/"),
    ("which tier do I need for a plugin", "reference/tiers/"),
    ("firewall blocks services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("is the registration key verified locally", "explanation/how-the-check-works/"),
    ("install this documentation site on an air-gapped network", "howto/deploy-offline/"),
    ("GLPI says you must create a security key", "troubleshooting/create-security-key/"),
    ("LDAP sync fails after moving GLPI unable to decrypt", "troubleshooting/unable-to-decrypt/"),
]
# FRESH_G: written by a third pass after its last change to the pages and the search settings
# (decided on FRESH_F's misses, among others), without looking at any result, then measured once.
FRESH_G = [
    ("marketplace asks me to register first", "troubleshooting/registration-required/"),
    ("which URLs does GLPI contact on the internet", "reference/http-calls/"),
    ("restored from backup but glpicrypt.key was not in it", "howto/secrets-after-key-loss/"),
    ("prod and preprod share the same GLPI Network key", "troubleshooting/same-key-several-instances/"),
    ("I just bought GLPI Network, how do I register", "tutorials/register/"),
    ("decode a registration key to see what it contains", "reference/registration-key/"),
    ("register GLPI from a shell script", "howto/set-key-cli/"),
    ("which directories must persist for a glpi container", "howto/docker/"),
    ("how long is the glpicrypt.key file", "reference/glpicrypt-key/"),
    ("is the registration key the same thing as the security key", "explanation/key-vs-keyfile/"),
    ("upload the checker to a server that has no browser", "howto/run-checks-on-server/"),
    ("our GLPI Network subscription was not renewed", "troubleshooting/terminated-subscription/"),
    ("how does the key validation work behind the scenes", "explanation/how-the-check-works/"),
    ("glpicrypt.key is there but GLPI cannot open it", "troubleshooting/keyfile-unreadable/"),
    ("marketplace empty after recreating the container", "troubleshooting/marketplace-after-redeploy/"),
    ("list of marketplace constants for local_define.php", "reference/marketplace-constants/"),
    ("glpi-keycheck json output", "reference/cli/"),
    ("change_key broke the registration key on 9.5.0", "troubleshooting/change-key-registration-key-95/"),
    ("plugin says our offer level is too low", "troubleshooting/superior-offer/"),
    ("mail receiver password cannot be decrypted", "troubleshooting/unable-to-decrypt/"),
    ("the registration information could not be retrieved", "troubleshooting/unable-to-fetch/"),
    ("proxy refuses the connection when GLPI checks the key", "troubleshooting/proxy-connect-failed/"),
    ("glpicrypt.key looks corrupted or truncated", "troubleshooting/invalid-key-file/"),
    ("try several key files to see which one decrypts our database", "howto/check-keyfile-and-database/"),
]
# FRESH_H: written after the changes decided on FRESH_G's misses, without looking at any result,
# then measured once.
FRESH_H = [
    ("marketplace won't open until the instance is registered", "troubleshooting/registration-required/"),
    ("what headers does GLPI send with the registration key", "reference/http-calls/"),
    ("server rebuilt and the old glpicrypt.key is gone", "howto/secrets-after-key-loss/"),
    ("cloned our GLPI VM for testing, is the GLPI Network key a problem", "troubleshooting/same-key-several-instances/"),
    ("move GLPI install to a different directory during upgrade", "howto/move-glpicrypt-key/"),
    ("first steps after receiving a GLPI Network registration key", "tutorials/register/"),
    ("http proxy with authentication for GLPI Network", "howto/proxy/"),
    ("automate GLPI Network registration in our deployment", "howto/set-key-cli/"),
    ("glpi docker image loses config after update", "howto/docker/"),
    ("what does glpicrypt.key protect", "reference/glpicrypt-key/"),
    ("why two different keys in GLPI", "explanation/key-vs-keyfile/"),
    ("only super-admins should install plugins", "howto/restrict-marketplace/"),
    ("web server user cannot write to marketplace folder", "troubleshooting/marketplace-not-writable/"),
    ("GLPI Network blocked us for a while after several tries", "troubleshooting/too-many-attempts/"),
    ("GLPI 9.5 page goes blank when I save GLPI Network settings", "troubleshooting/blank-page-on-save/"),
    ("GLPI 10 forgets the registration key", "troubleshooting/saved-key-empty/"),
    ("registration key belongs to an ended contract", "troubleshooting/terminated-subscription/"),
    ("what do BASIC subscribers get", "reference/tiers/"),
    ("services.glpi-network.com times out from our server", "troubleshooting/services-unreachable/"),
    ("what happens when I click save on the GLPI Network tab", "explanation/how-the-check-works/"),
    ("serve the keycheck site under /keycheck with apache", "howto/deploy-offline/"),
    ("bin/console says create a security key first", "troubleshooting/create-security-key/"),
    ("imap password decryption failure after server change", "troubleshooting/unable-to-decrypt/"),
    ("GLPI 11 error after upgrade about kernel secret missing key", "troubleshooting/kernel-secret/"),
]
# FRESH_I: written after the changes decided on FRESH_H's misses, without looking at any result,
# then measured once.
FRESH_I = [
    ("can I use the marketplace without paying anything", "troubleshooting/registration-required/"),
    ("does the registration check send our instance UID", "reference/http-calls/"),
    ("no copy of the old key file anywhere, what can be saved", "howto/secrets-after-key-loss/"),
    ("one subscription for several GLPI servers", "troubleshooting/same-key-several-instances/"),
    ("checklist before moving GLPI to another host", "howto/move-glpicrypt-key/"),
    ("how to activate the GLPI Network subscription in GLPI", "tutorials/register/"),
    ("marketplace shows an error when downloading a plugin", "troubleshooting/plugin-download-fails/"),
    ("where to configure the outbound proxy in GLPI setup", "howto/proxy/"),
    ("non-interactive way to store the registration key", "howto/set-key-cli/"),
    ("bind mount config and files folders in docker", "howto/docker/"),
    ("find the right key file among several backups", "howto/check-keyfile-and-database/"),
    ("registration key vs encryption key", "explanation/key-vs-keyfile/"),
    ("stop users from installing plugins", "howto/restrict-marketplace/"),
    ("list of php bin/console commands for GLPI Network", "reference/console-commands/"),
    ("HTTP 429 from GLPI Network", "troubleshooting/too-many-attempts/"),
    ("GLPI 9.5 blank screen registration", "troubleshooting/blank-page-on-save/"),
    ("registration key not kept after saving in GLPI 10", "troubleshooting/saved-key-empty/"),
    ("what happens to our plugins when the subscription lapses", "troubleshooting/terminated-subscription/"),
    ("compare GLPI Network offers", "reference/tiers/"),
    ("GLPI cannot resolve the GLPI Network host name", "troubleshooting/services-unreachable/"),
    ("does GLPI cache the registration check result", "explanation/how-the-check-works/"),
    ("mirror this help site inside our company network", "howto/deploy-offline/"),
    ("certificate file error curl GLPI Network", "troubleshooting/tls-certificate-file/"),
    ("which database columns are encrypted by GLPI", "reference/glpicrypt-key/"),
]
# Measured on the built site (Material's search: lunr, a trailing wildcard on every word; stop
# words, GLPI and regular English endings handled by the separator in mkdocs.yml). Right page
# first on the main before the second pass -> after it:
#   ENGLISH 19 -> 22, FRESH_A 18 -> 22, FRESH_B 16 -> 23, FRESH_C 16 -> 22 (all four had guided
#   the first pass), FRESH_D 14 -> 22 (its baseline was taken first; the second pass was then
#   decided on ENGLISH and FRESH_A to D), FRESH_E 12 -> 18 at its one held-out measurement, 22
#   after a third pass that used its misses, FRESH_F 16 -> 18 (held out: measured once, after).
# Fourth pass (the separator's stemmer, title weight 4, the checker page's boost, reader words),
# main before it -> after it: ENGLISH 22 -> 23, FRESH_A 22 -> 24, FRESH_B 23 -> 24, FRESH_C
#   22 -> 23, FRESH_D 22 -> 24, FRESH_E 22 -> 23, FRESH_F 18 -> 24 (its misses guided this pass),
#   FRESH_G 11 -> 14 at its one held-out measurement, then 21 after reader words for its misses,
#   FRESH_H 15 -> 17 held out, then 19 after reader words for its misses, FRESH_I 12 -> 15 (held
#   out: written after the last change, measured once).
# Issue #12 aims at 23 of 24 on queries nobody tuned for: NOT reached (14, 17 and 15 on FRESH_G,
# H and I; a set reaches 21-24 only once its own misses have been worked on). What held-out
# questions still miss on: words the right page lacks ("forgets", "lapses", "429", "non-
# interactive"), a title word of another page ("register" in the tutorial's title, "protected",
# "HTTP", "offer"), the stemmer joining senses ("what can be saved" meets the saved-key page),
# and near-ties on words every page uses (key, registration, GLPI Network).
# Each floor is one below the set's figure: it stops the search from getting worse.
FLOORS = {"english": 22, "fresh_a": 23, "fresh_b": 23, "fresh_c": 22, "fresh_d": 23,
          "fresh_e": 22, "fresh_f": 23, "fresh_g": 20, "fresh_h": 18, "fresh_i": 14}
OTHER_FLOOR = 4


@pytest.fixture(scope="module")
def results(site):
    queries = (ENGLISH + FRESH_A + FRESH_B + FRESH_C + FRESH_D + FRESH_E + FRESH_F + FRESH_G
               + FRESH_H + FRESH_I + OTHER_LANGUAGES)
    return dict(zip([query for query, _ in queries], search(site, [query for query, _ in queries])))


def _firsts(results, queries):
    return [query for query, page in queries if results[query][:1] == [page]]


@pytest.mark.parametrize(("name", "queries"), [
    ("english", ENGLISH), ("fresh_a", FRESH_A), ("fresh_b", FRESH_B), ("fresh_c", FRESH_C),
    ("fresh_d", FRESH_D), ("fresh_e", FRESH_E), ("fresh_f", FRESH_F), ("fresh_g", FRESH_G),
    ("fresh_h", FRESH_H), ("fresh_i", FRESH_I)])
def test_plain_english_questions_find_their_page(results, name, queries):
    firsts = _firsts(results, queries)
    misses = {query: results[query][:3] for query, _ in queries if query not in firsts}
    assert len(firsts) >= FLOORS[name], misses


def test_questions_in_glpis_other_languages_find_their_page(results):
    firsts = _firsts(results, OTHER_LANGUAGES)
    misses = {query: results[query][:3] for query, _ in OTHER_LANGUAGES if query not in firsts}
    assert len(firsts) >= OTHER_FLOOR, misses
    assert all(page in results[query][:3] for query, page in OTHER_LANGUAGES), misses


def test_each_pages_description_is_searched_and_is_its_meta_description(site, pages):
    # The description is the page's summary in its readers' words: the search box reads it (a
    # field of the page's first entry) and outside search engines show it (the meta tag).
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert "description" in index["config"]["fields"]
    described = {doc["location"]: doc["description"] for doc in index["docs"] if "description" in doc}
    assert described, "no page's description reached the search index"
    for url, description in described.items():
        metas = [element.attrs.get("content") for element in pages[url].elements
                 if element.tag == "meta" and element.attrs.get("name") == "description"]
        assert metas == [description], url
    sections = [doc for doc in index["docs"] if "#" in doc["location"] and "description" in doc]
    assert not sections, "only a page's first entry carries its description"


@pytest.mark.parametrize(("typed", "page_url"), [
    ("php bin/console glpi:marketplace:download --force", "reference/console-commands/"),
    ("php bin/console glpi:marketplace:upgrade", "reference/console-commands/"),
    ("security:change_key --no-interaction", "troubleshooting/create-security-key/"),
])
def test_commands_with_options_are_searched_as_words(site, typed, page_url):
    # lunr's query syntax read "--force" as an error: the search box found nothing at all.
    [found] = search(site, [typed])
    assert page_url in found[:3], found[:5]
