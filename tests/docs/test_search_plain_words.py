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
# FRESH_J to FRESH_M (and OTHER_HELD, in GLPI's five other languages): written by a helper who
# never ran a search nor saw the pages' descriptions or these tests, from the page titles and the
# problems admins report; measured once on main before the descriptions (19, 17, 17, 17 of 24;
# other languages 14 of 60) and once after them, at the description weight chosen on the tuned
# sets and pools (20, 17, 20, 19; other languages 15 of 60).
FRESH_J = [
    ("glpi marketplace wants me to register before I can see any plugins", "troubleshooting/registration-required/"),
    ("registration key rejected by glpi network", "troubleshooting/key-invalid/"),
    ("ldap login broken after moving glpi to a new server", "troubleshooting/unable-to-decrypt/"),
    ("can prod and test share one registration key", "troubleshooting/same-key-several-instances/"),
    ("key field is blank again after I click save", "troubleshooting/saved-key-empty/"),
    ("one plugin won't download from the marketplace, the others install fine", "troubleshooting/plugin-download-fails/"),
    ("glpi network rate limit", "troubleshooting/too-many-attempts/"),
    ("white page after saving the registration key on 9.5", "troubleshooting/blank-page-on-save/"),
    ("what happens to my plugins when the glpi network subscription expires", "troubleshooting/terminated-subscription/"),
    ("glpi can't connect to services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("cannot fetch registration information glpi 10", "troubleshooting/unable-to-fetch/"),
    ("failed to connect to proxy after changing proxy password", "troubleshooting/proxy-connect-failed/"),
    ("log keeps saying create a security key", "troubleshooting/create-security-key/"),
    ("glpicrypt.key permission denied for www-data", "troubleshooting/keyfile-unreadable/"),
    ("GLPI 11 error 500 kernel.secret after upgrade from 10", "troubleshooting/kernel-secret/"),
    ("plugin needs a higher subscription level than mine", "troubleshooting/superior-offer/"),
    ("marketplace folder not writable chown", "troubleshooting/marketplace-not-writable/"),
    ("set up an outgoing http proxy so glpi can reach glpi network", "howto/proxy/"),
    ("docker compose glpicrypt.key changes every time the container restarts", "howto/docker/"),
    ("migrate glpi to another server without losing stored passwords", "howto/move-glpicrypt-key/"),
    ("how much does a GLPI Network subscription cost", "reference/tiers/"),
    ("does glpi send data about my instance to teclib", "reference/http-calls/"),
    ("is glpicrypt.key the same thing as my registration key?", "explanation/key-vs-keyfile/"),
    ("where do I get a registration key for a new glpi install", "tutorials/register/"),
]
FRESH_K = [
    ("marketplace discover tab empty, says register on glpi network", "troubleshooting/registration-required/"),
    ("key copied from the portal but glpi says not valid", "troubleshooting/key-invalid/"),
    ("mail collector says wrong password right after glpi update", "troubleshooting/unable-to-decrypt/"),
    ("copy registration key from production to staging instance", "troubleshooting/same-key-several-instances/"),
    ("glpi 11 registration key not saved, no error shown", "troubleshooting/saved-key-empty/"),
    ("404 when downloading plugin archive from marketplace", "troubleshooting/plugin-download-fails/"),
    ("php-errors.log too many attempts unable to fetch offers", "troubleshooting/too-many-attempts/"),
    ("blank screen SodiumException when saving on the GLPI Network tab", "troubleshooting/blank-page-on-save/"),
    ("key belongs to a subscription that ended, need to renew", "troubleshooting/terminated-subscription/"),
    ("resolving timed out 5000 milliseconds, marketplace empty", "troubleshooting/services-unreachable/"),
    ("apache 400 bad request html in the log when glpi checks registration", "troubleshooting/unable-to-fetch/"),
    ("glpi 11 network tab says security key file does not exist", "troubleshooting/create-security-key/"),
    ("SELinux stops glpi reading glpicrypt.key", "troubleshooting/keyfile-unreadable/"),
    ("glpicrypt.key corrupted, wrong size", "troubleshooting/invalid-key-file/"),
    ("ParameterNotFoundException kernel.secret when running php bin/console", "troubleshooting/kernel-secret/"),
    ("marketplace cannot install plugins, no write permission on its folder", "troubleshooting/marketplace-not-writable/"),
    ("glpi behind a corporate proxy, marketplace doesn't load", "howto/proxy/"),
    ("marketplace plugins vanish when the docker container is recreated", "howto/docker/"),
    ("upgrading glpi into a fresh directory, which config files to copy", "howto/move-glpicrypt-key/"),
    ("lost glpicrypt.key and have no backup", "howto/secrets-after-key-loss/"),
    ("basic standard advanced plans, which plugins does each include", "reference/tiers/"),
    ("what headers does glpi send to services.glpi-network.com", "reference/http-calls/"),
    ("set the registration key with php bin/console config:set", "howto/set-key-cli/"),
    ("turn off the marketplace completely", "howto/restrict-marketplace/"),
]
FRESH_L = [
    ("network tab shows key valid but marketplace still says not registered", "troubleshooting/registration-required/"),
    ("red message under the key on GLPI Network tab: invalid", "troubleshooting/key-invalid/"),
    ("crypted with another key warning in php-errors.log", "troubleshooting/unable-to-decrypt/"),
    ("does glpi network limit how many instances can use a key", "troubleshooting/same-key-several-instances/"),
    ("registration key disappears after saving on 10.0.7", "troubleshooting/saved-key-empty/"),
    ("marketplace says plugin not available for your glpi version", "troubleshooting/plugin-download-fails/"),
    ("glpi network blocking us after too many requests", "troubleshooting/too-many-attempts/"),
    ("glpi 9.5 page goes white when I save the key", "troubleshooting/blank-page-on-save/"),
    ("marketplace only shows installed plugins since subscription ended", "troubleshooting/terminated-subscription/"),
    ("unable to fetch registration informations after upgrading to 9.5", "troubleshooting/unable-to-fetch/"),
    ("curl error could not connect to proxy server glpi network tab", "troubleshooting/proxy-connect-failed/"),
    ("deleted glpicrypt.key by mistake, can the passwords be recovered", "howto/secrets-after-key-loss/"),
    ("glpicrypt.key has a trailing newline, 33 bytes", "troubleshooting/invalid-key-file/"),
    ("you need a superior offer to get this plugin", "troubleshooting/superior-offer/"),
    ("error setting certificate file curl.cainfo wamp", "troubleshooting/tls-certificate-file/"),
    ("item not found when opening setup general", "troubleshooting/item-not-found/"),
    ("marketplace catalogue broken after redeploying the docker stack", "troubleshooting/marketplace-after-redeploy/"),
    ("which volume keeps glpi keys across docker image upgrades", "howto/docker/"),
    ("backup glpicrypt.key and oauth.pem before updating glpi", "howto/move-glpicrypt-key/"),
    ("retype ldap and smtp passwords after generating a new key", "howto/secrets-after-key-loss/"),
    ("glpi network pricing plans", "reference/tiers/"),
    ("does glpi phone home", "reference/http-calls/"),
    ("which of my old glpicrypt.key backups matches the database", "howto/check-keyfile-and-database/"),
    ("does glpi check the registration key offline or ask a server", "explanation/how-the-check-works/"),
]
FRESH_M = [
    ("marketplace won't open until I register glpi network", "troubleshooting/registration-required/"),
    ("\"registration key is invalid\" on glpi 11", "troubleshooting/key-invalid/"),
    ("passwords stopped working after restoring a backup on a new server", "troubleshooting/unable-to-decrypt/"),
    ("cloned production database into a test server, same instance uuid", "troubleshooting/same-key-several-instances/"),
    ("glpi forgets the registration key as soon as I save it", "troubleshooting/saved-key-empty/"),
    ("marketplace plugin install fails although registration is valid", "troubleshooting/plugin-download-fails/"),
    ("marketplace banner: your registration is not valid", "troubleshooting/registration-required/"),
    ("glpi network services unavailable warning in the marketplace", "troubleshooting/services-unreachable/"),
    ("ran security:change_key on 9.5.0 and now the registration key is broken", "troubleshooting/change-key-registration-key-95/"),
    ("glpi 9.5 marketplace empty, uncaught RuntimeException in glpikey.class.php", "troubleshooting/marketplace-no-keyfile-95/"),
    ("marketplace stopped working after docker redeploy glpi 11", "troubleshooting/marketplace-after-redeploy/"),
    ("list of glpi error messages about registration and marketplace", "troubleshooting/"),
    ("proxy configured for glpi breaks connections to agents", "howto/proxy/"),
    ("automate registration key deployment with ansible", "howto/set-key-cli/"),
    ("stop admins installing plugins from the web interface", "howto/restrict-marketplace/"),
    ("run the key checker on a server with no browser", "howto/run-checks-on-server/"),
    ("host this help site on our intranet with nginx", "howto/deploy-offline/"),
    ("registration key format, base64 string starting with eyJ", "reference/registration-key/"),
    ("which passwords does glpicrypt.key encrypt", "reference/glpicrypt-key/"),
    ("marketplace:download and marketplace:search console commands", "reference/console-commands/"),
    ("GLPI_MARKETPLACE_DIR default path", "reference/marketplace-constants/"),
    ("glpi-keycheck exit status codes", "reference/cli/"),
    ("paste my registration key to see if it is well formed", "checker/"),
    ("where to paste the registration key in glpi 10", "tutorials/register/"),
]
OTHER_HELD = [
    ("GLPI dit que ma clé d'enregistrement est invalide", "troubleshooting/key-invalid/"),
    ("le marketplace demande d'enregistrer l'instance", "troubleshooting/registration-required/"),
    ("mot de passe LDAP ne marche plus après migration du serveur", "troubleshooting/unable-to-decrypt/"),
    ("j'ai perdu le fichier glpicrypt.key et pas de sauvegarde", "howto/secrets-after-key-loss/"),
    ("page blanche quand j'enregistre la clé", "troubleshooting/blank-page-on-save/"),
    ("la clé disparaît après avoir cliqué sur sauvegarder", "troubleshooting/saved-key-empty/"),
    ("configurer un proxy sortant pour GLPI Network", "howto/proxy/"),
    ("même clé d'enregistrement sur la prod et la recette", "troubleshooting/same-key-several-instances/"),
    ("abonnement GLPI Network expiré, marketplace hors ligne", "troubleshooting/terminated-subscription/"),
    ("combien coûte un abonnement GLPI Network", "reference/tiers/"),
    ("docker : glpicrypt.key perdu à chaque redémarrage du conteneur", "howto/docker/"),
    ("quelles données GLPI envoie à Teclib", "reference/http-calls/"),
    ("GLPI diz que a chave de registro é inválida", "troubleshooting/key-invalid/"),
    ("marketplace pede cadastro no GLPI Network para funcionar", "troubleshooting/registration-required/"),
    ("senhas do LDAP pararam de funcionar depois de atualizar o GLPI", "troubleshooting/unable-to-decrypt/"),
    ("plugin não baixa do marketplace", "troubleshooting/plugin-download-fails/"),
    ("marketplace lento, muitas tentativas no log", "troubleshooting/too-many-attempts/"),
    ("a chave some depois de salvar", "troubleshooting/saved-key-empty/"),
    ("servidor GLPI não acessa services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("migrar o GLPI para outro servidor sem perder as senhas", "howto/move-glpicrypt-key/"),
    ("como conseguir a chave de registro do GLPI Network", "tutorials/register/"),
    ("usar a mesma chave na homologação e na produção", "troubleshooting/same-key-several-instances/"),
    ("permissão negada no arquivo glpicrypt.key", "troubleshooting/keyfile-unreadable/"),
    ("assinatura do GLPI Network acabou, como renovar", "troubleshooting/terminated-subscription/"),
    ("GLPI dice que mi clave de registro no vale", "troubleshooting/key-invalid/"),
    ("el marketplace exige registrarse en GLPI Network", "troubleshooting/registration-required/"),
    ("las contraseñas LDAP dejaron de funcionar tras actualizar", "troubleshooting/unable-to-decrypt/"),
    ("perdí glpicrypt.key, qué hago", "howto/secrets-after-key-loss/"),
    ("configurar proxy para el marketplace de GLPI", "howto/proxy/"),
    ("pantalla en blanco al guardar la clave de registro", "troubleshooting/blank-page-on-save/"),
    ("GLPI Network me bloquea por demasiadas peticiones", "troubleshooting/too-many-attempts/"),
    ("no puedo descargar un plugin del marketplace", "troubleshooting/plugin-download-fails/"),
    ("precio de la suscripción GLPI Network y sus niveles", "reference/tiers/"),
    ("falta el archivo glpicrypt.key, hay que crear una clave de seguridad", "troubleshooting/create-security-key/"),
    ("GLPI en docker pierde la clave al recrear el contenedor", "howto/docker/"),
    ("el plugin requiere una suscripción superior a la mía", "troubleshooting/superior-offer/"),
    ("GLPI meldet Registrierungsschlüssel ungültig", "troubleshooting/key-invalid/"),
    ("Marketplace verlangt eine Registrierung", "troubleshooting/registration-required/"),
    ("LDAP Passwort geht nach Serverumzug nicht mehr, Entschlüsselung fehlgeschlagen", "troubleshooting/unable-to-decrypt/"),
    ("glpicrypt.key verloren, kein Backup", "howto/secrets-after-key-loss/"),
    ("Proxy für GLPI Network einrichten", "howto/proxy/"),
    ("Schlüssel ist nach dem Speichern wieder leer", "troubleshooting/saved-key-empty/"),
    ("ein Schlüssel für Test- und Produktivsystem", "troubleshooting/same-key-several-instances/"),
    ("Abonnement abgelaufen, Marketplace zeigt nur lokale Plugins", "troubleshooting/terminated-subscription/"),
    ("Verbindung zum Proxyserver klappt nicht, Proxy-Passwort geändert", "troubleshooting/proxy-connect-failed/"),
    ("welche Daten schickt GLPI an GLPI Network, Datenschutz", "reference/http-calls/"),
    ("glpicrypt.key beschädigt, falsche Dateigröße", "troubleshooting/invalid-key-file/"),
    ("Marketplace-Verzeichnis nicht beschreibbar, Rechte", "troubleshooting/marketplace-not-writable/"),
    ("GLPI dice chiave di registrazione non valida", "troubleshooting/key-invalid/"),
    ("il marketplace chiede di registrarsi", "troubleshooting/registration-required/"),
    ("password LDAP non funzionano più dopo l'aggiornamento, errore di decifratura", "troubleshooting/unable-to-decrypt/"),
    ("ho perso glpicrypt.key e non ho backup", "howto/secrets-after-key-loss/"),
    ("pagina bianca dopo aver salvato la chiave", "troubleshooting/blank-page-on-save/"),
    ("la chiave non resta salvata, il campo torna vuoto", "troubleshooting/saved-key-empty/"),
    ("impostare un proxy per GLPI Network", "howto/proxy/"),
    ("troppi tentativi, marketplace lentissimo", "troubleshooting/too-many-attempts/"),
    ("stessa chiave su più istanze GLPI", "troubleshooting/same-key-several-instances/"),
    ("abbonamento GLPI Network scaduto", "troubleshooting/terminated-subscription/"),
    ("spostare GLPI su un nuovo server senza perdere le password", "howto/move-glpicrypt-key/"),
    ("impossibile scaricare un plugin dal marketplace", "troubleshooting/plugin-download-fails/"),
]
# FRESH_N to FRESH_P: written by another helper who never ran a search nor saw the pages'
# descriptions, these tests or the other sets, after the fifth pass below; measured once then
# (21, 22, 24 of 24) and once on the final main after the summaries in GLPI's languages (21, 22,
# 23). Nothing was tuned on them.
FRESH_N = [
    ("marketplace says registration required but I already registered", "troubleshooting/registration-required/"),
    ("registration key is invalid after pasting it", "troubleshooting/key-invalid/"),
    ("LDAP bind password not working after upgrading to 10.0", "troubleshooting/unable-to-decrypt/"),
    ("deleted glpicrypt.key by mistake, no backup", "howto/secrets-after-key-loss/"),
    ("can I use one key for prod and test servers", "troubleshooting/same-key-several-instances/"),
    ("set up a proxy with username and password for glpi network", "howto/proxy/"),
    ("docker compose which volume keeps glpicrypt.key", "howto/docker/"),
    ("Too Many Attempts", "troubleshooting/too-many-attempts/"),
    ("white page after clicking save on registration key", "troubleshooting/blank-page-on-save/"),
    ("key field empty again after save", "troubleshooting/saved-key-empty/"),
    ("Unable to download plugin archive", "troubleshooting/plugin-download-fails/"),
    ("subscription expired marketplace only shows installed plugins", "troubleshooting/terminated-subscription/"),
    ("how much does GLPI Network cost basic standard advanced", "reference/tiers/"),
    ("privacy: what data does glpi send to glpi network servers", "reference/http-calls/"),
    ("Unable to fetch registration information", "troubleshooting/unable-to-fetch/"),
    ("glpicrypt.key not found in config directory GLPI 10", "troubleshooting/create-security-key/"),
    ("Invalid security key file contents", "troubleshooting/invalid-key-file/"),
    ("kernel.secret non-existent parameter", "troubleshooting/kernel-secret/"),
    ("how do I move glpi to a new server keeping passwords", "howto/move-glpicrypt-key/"),
    ("how do I set the registration key from php bin/console", "howto/set-key-cli/"),
    ("disable marketplace plugin installs for web users", "howto/restrict-marketplace/"),
    ("difference between registration key and glpicrypt.key", "explanation/key-vs-keyfile/"),
    ("where do I get a GLPI Network registration key", "tutorials/register/"),
    ("is it safe to paste my key in the online checker", "checker/"),
]
FRESH_O = [
    ("marketplace banner: Your GLPI Network registration is not valid", "troubleshooting/registration-required/"),
    ("GLPI network refuses my key", "troubleshooting/key-invalid/"),
    ("mail collector cannot login after migration, password unchanged", "troubleshooting/unable-to-decrypt/"),
    ("recover encrypted passwords without glpicrypt.key", "howto/secrets-after-key-loss/"),
    ("clone production database to staging, what about the registration key", "troubleshooting/same-key-several-instances/"),
    ("Failed to connect to the proxy server", "troubleshooting/proxy-connect-failed/"),
    ("keys lost every time the docker container restarts", "howto/docker/"),
    ("HTTP 429 from services.glpi-network.com", "troubleshooting/too-many-attempts/"),
    ("GLPI 9.5 blank screen when saving GLPI Network tab", "troubleshooting/blank-page-on-save/"),
    ("registration key not saved glpi 11", "troubleshooting/saved-key-empty/"),
    ("plugin not available for your GLPI version", "troubleshooting/plugin-download-fails/"),
    ("registration key refers to a terminated subscription", "troubleshooting/terminated-subscription/"),
    ("You need a superior GLPI-Network offer to access to this plugin", "troubleshooting/superior-offer/"),
    ("does GLPI phone home", "reference/http-calls/"),
    ("GLPI Network services website seems not available from your network", "troubleshooting/services-unreachable/"),
    ("glpicrypt.key permission denied www-data", "troubleshooting/keyfile-unreadable/"),
    ("error setting certificate file curl.cainfo", "troubleshooting/tls-certificate-file/"),
    ("We can't write on the markeplace directory", "troubleshooting/marketplace-not-writable/"),
    ("which of my old glpicrypt.key files matches the database", "howto/check-keyfile-and-database/"),
    ("host the keycheck help site on an intranet with no internet", "howto/deploy-offline/"),
    ("GLPI_MARKETPLACE_DIR constant", "reference/marketplace-constants/"),
    ("registration key format base64 length", "reference/registration-key/"),
    ("does GLPI check the registration key offline", "explanation/how-the-check-works/"),
    ("run the key checks on the server over ssh without a browser", "howto/run-checks-on-server/"),
]
FRESH_P = [
    ("A registration, at least a free one, is required to use marketplace", "troubleshooting/registration-required/"),
    ("key invalid even though I copied it from the portal", "troubleshooting/key-invalid/"),
    ("Unable to decrypt string crypted with another key", "troubleshooting/unable-to-decrypt/"),
    ("lost glpicrypt.key what now", "howto/secrets-after-key-loss/"),
    ("same registration key on two GLPI instances", "troubleshooting/same-key-several-instances/"),
    ("marketplace behind corporate firewall, outgoing proxy setup", "howto/proxy/"),
    ("official glpi/glpi image persistent volume /var/glpi", "howto/docker/"),
    ("glpi-keycheck exit status 70", "reference/cli/"),
    ("GLPI 9.5 plugins page crashes uncaught RuntimeException glpikey.class.php", "troubleshooting/marketplace-no-keyfile-95/"),
    ("glpi forgets the registration key after saving", "troubleshooting/saved-key-empty/"),
    ("marketplace 404 when downloading one plugin, other plugins work", "troubleshooting/plugin-download-fails/"),
    ("which plugins need a paid GLPI Network plan", "reference/tiers/"),
    ("php bin/console install plugin from the shell", "reference/console-commands/"),
    ("firewall rule: which URLs does glpi contact", "reference/http-calls/"),
    ("server can't resolve services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("Unable to get security key file contents", "troubleshooting/keyfile-unreadable/"),
    ("GLPI rejects glpicrypt.key 33 bytes trailing newline", "troubleshooting/invalid-key-file/"),
    ("GLPI 11 HTTP 500 on every page after upgrade ParameterNotFoundException", "troubleshooting/kernel-secret/"),
    ("Item not found opening setup general 9.5", "troubleshooting/item-not-found/"),
    ("9.5.0 registration key broken after glpi:security:change_key", "troubleshooting/change-key-registration-key-95/"),
    ("marketplace catalogue empty after docker stack redeploy", "troubleshooting/marketplace-after-redeploy/"),
    ("how to script setting the registration key with ansible", "howto/set-key-cli/"),
    ("glpicrypt.key format cipher", "reference/glpicrypt-key/"),
    ("activate GLPI with a free registration for the first time", "tutorials/register/"),
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
# Fifth pass: every page got a `description` in its readers' words, searched as a field of its
#   own (weight 1, chosen on the tuned sets and the two pools of tests/docs/search_pool_*.json:
#   0.5, 0.75, 1 and 1.5 measured), and "--option" no longer voids a query. Main before -> after:
#   ENGLISH 24 -> 23, FRESH_A 24 -> 23, FRESH_B 24, FRESH_C 23, FRESH_D 24, FRESH_E 23, FRESH_F
#   24 -> 23, FRESH_G 20 -> 23, FRESH_H 19 -> 23, FRESH_I 15 -> 23 (G to I guided some
#   descriptions), OTHER_LANGUAGES 4 -> 6 of 6; held out: FRESH_J 19 -> 20, FRESH_K 17 -> 17,
#   FRESH_L 17 -> 20, FRESH_M 17 -> 19, OTHER_HELD 14 -> 15 of 60.
# Sixth pass: every page says what it answers in fr_FR, pt_BR, es_ES, de_DE and it_IT (front
#   matter `summaries`, scripts/hooks/page_summaries.py) and the separator drops those languages'
#   commonest function words: OTHER_HELD 15 -> 39 of 60, OTHER_LANGUAGES 6 -> 5, FRESH_G 23 ->
#   22, FRESH_K 17 -> 18, the rest unchanged.
# Issue #12 aims at 23 of 24 on queries nobody tuned for: reached on one set of three written after
# the fifth pass (FRESH_N 21, FRESH_O 22, FRESH_P 23 on the final main); the first held-out sets,
# written before it, were at 17 to 20 after it.
# What held-out questions still miss on: near-ties with a page whose title holds the query's main
# word ("register" in the tutorial's title against the Marketplace's registration banner, tiers
# against superior-offer, the proxy how-to against proxy-connect-failed), questions whose answer
# two pages share (a symptom page and its how-to), the stemmer joining senses ("what can be
# saved" meets the saved-key page), and, in GLPI's other languages, reader words the English
# pages do not have (only GLPI's own messages are there in every language).
# Each floor is one below the set's figure: it stops the search from getting worse.
FLOORS = {"english": 22, "fresh_a": 22, "fresh_b": 23, "fresh_c": 22, "fresh_d": 23,
          "fresh_e": 22, "fresh_f": 22, "fresh_g": 21, "fresh_h": 22, "fresh_i": 22,
          "fresh_j": 19, "fresh_k": 17, "fresh_l": 19, "fresh_m": 18, "fresh_n": 20, "fresh_o": 21,
          "fresh_p": 22}
OTHER_FLOOR = 4
OTHER_HELD_FLOOR = 38


@pytest.fixture(scope="module")
def results(site):
    queries = (ENGLISH + FRESH_A + FRESH_B + FRESH_C + FRESH_D + FRESH_E + FRESH_F + FRESH_G
               + FRESH_H + FRESH_I + FRESH_J + FRESH_K + FRESH_L + FRESH_M + FRESH_N + FRESH_O
               + FRESH_P + OTHER_LANGUAGES + OTHER_HELD)
    return dict(zip([query for query, _ in queries], search(site, [query for query, _ in queries])))


def _firsts(results, queries):
    return [query for query, page in queries if results[query][:1] == [page]]


@pytest.mark.parametrize(("name", "queries"), [
    ("english", ENGLISH), ("fresh_a", FRESH_A), ("fresh_b", FRESH_B), ("fresh_c", FRESH_C),
    ("fresh_d", FRESH_D), ("fresh_e", FRESH_E), ("fresh_f", FRESH_F), ("fresh_g", FRESH_G),
    ("fresh_h", FRESH_H), ("fresh_i", FRESH_I), ("fresh_j", FRESH_J), ("fresh_k", FRESH_K),
    ("fresh_l", FRESH_L), ("fresh_m", FRESH_M), ("fresh_n", FRESH_N), ("fresh_o", FRESH_O),
    ("fresh_p", FRESH_P)])
def test_plain_english_questions_find_their_page(results, name, queries):
    firsts = _firsts(results, queries)
    misses = {query: results[query][:3] for query, _ in queries if query not in firsts}
    assert len(firsts) >= FLOORS[name], misses


def test_questions_in_glpis_other_languages_find_their_page(results):
    firsts = _firsts(results, OTHER_LANGUAGES)
    misses = {query: results[query][:3] for query, _ in OTHER_LANGUAGES if query not in firsts}
    assert len(firsts) >= OTHER_FLOOR, misses
    assert all(page in results[query][:3] for query, page in OTHER_LANGUAGES), misses


def test_held_out_questions_in_glpis_other_languages(results):
    # Admins' own words in French, Portuguese, Spanish, German and Italian: GLPI's translated
    # messages and each page's summaries in those languages find them.
    firsts = _firsts(results, OTHER_HELD)
    misses = {query: results[query][:3] for query, _ in OTHER_HELD if query not in firsts}
    assert len(firsts) >= OTHER_HELD_FLOOR, misses


def test_each_pages_description_is_searched_and_is_its_meta_description(site, pages):
    # The description is the page's summary in its readers' words: the search box reads it (a
    # field of the page's first entry) and outside search engines show it (the meta tag).
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert "description" in index["config"]["fields"]
    described = {doc["location"]: doc["description"] for doc in index["docs"] if "description" in doc}
    pages_in_index = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
    assert sorted(pages_in_index - set(described)) == [], "every page needs a description"
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
