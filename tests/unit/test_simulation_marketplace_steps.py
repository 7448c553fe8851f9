"""The Marketplace as the simulator shows it, per GLPI release: GLPI_MARKETPLACE_ENABLE (10.0.1+),
the plugin list (API v2 per key from 10.0.8), the marketplace directory, the offers call, and
whether a plugin card offers a download or says a superior offer is needed."""

import pytest

from simulation_view import order, played, step

PLUGIN_ARCHIVE = ("https://github.com/example/exampleplugin/releases/download/1.0.0/"
                  "glpi-exampleplugin-1.0.0.tar.bz2")
OFFERS_EXPLANATION = (
    "Each plugin card looks up offer titles: GLPINetwork::getOffers() calls "
    "…/api/registration/offers with only Accept and Accept-Language: no registration key, no "
    "instance UID. A good answer is cached for one hour (glpi_network_offers_en).")
REQUIRES_BEFORE_10_0_8 = (
    "Controller::requiresHigherOffer(): no required_offers (absent or null; before 10.0.8 an "
    "empty list still counts as a requirement) means no; a running subscription whose "
    "offer_reference is listed means no; anything else means a higher offer is needed.")
REQUIRES_FROM_10_0_8 = (
    "Controller::requiresHigherOffer(): no required_offers (absent, null or an empty list, since "
    "10.0.8) means no; a running subscription whose offer_reference is listed means no; anything "
    "else means a higher offer is needed.")
DOWNLOAD_BUTTON = (
    " The plugin is downloadable with the Download button. The archive request goes through the "
    "same Plugins::request() as the list: GLPI's proxy, and the registration key and the UID sent "
    "to the plugin's download_url host, which may be another server.")
MARKETPLACE_STEPS = ["marketplace-status", "marketplace-plugins", "marketplace-dir", "offers",
                     "plugin-access"]
DISABLED_FIX = ("If this is not intended, set GLPI_MARKETPLACE_ENABLE to 3 (or 2 for the web "
                "only) in config/local_define.php or the environment.")
DISALLOWED = "Access to the marketplace CLI commands is disallowed by the GLPI configuration"


# --- GLPI_MARKETPLACE_ENABLE (10.0.1+, PR #11650) ---------------------------------------------

@pytest.mark.parametrize("version, checked", [("9.5", False), ("10.0.0", False), ("10.0.1", True),
                                              ("10.0", True), ("11.0", True)])
def test_the_enable_constant_is_read_from_10_0_1(version, checked):
    steps = played("valid", version)
    names = [name for name, _ in order(steps)]
    assert ("marketplace-enabled" in names) is checked
    assert names[-len(MARKETPLACE_STEPS):] == MARKETPLACE_STEPS
    if checked:
        assert names.index("marketplace-enabled") == names.index("marketplace-status") - 1
        assert step(steps, "marketplace-enabled") == {
            "name": "marketplace-enabled", "status": "ok",
            "explanation": "GLPI_MARKETPLACE_ENABLE allows the web Marketplace (bit 2).",
            "detail": "GLPI_MARKETPLACE_ENABLE = 3\nweb: True, console: True",
            "fix": "", "shows": "", "shown_on": "",
            "messages": [("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 3", "web Marketplace allowed",
                          False)]}


@pytest.mark.parametrize("version", ["10.0.1", "10.0", "11.0.4"])
def test_marketplace_off_redirects_silently_and_the_console_says_why(version):
    steps = played("marketplace-disabled", version)
    assert order(steps)[0] == ("marketplace-enabled", "warning")
    assert {status for _, status in order(steps)[1:]} == {"skipped"}
    assert {s.explanation for s in steps[1:]} == {"Not reached: the Marketplace is turned off."}
    assert step(steps, "marketplace-enabled") == {
        "name": "marketplace-enabled", "status": "warning",
        "explanation": ("GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console "
                        "commands, 2 the web Marketplace. Without the web bit, "
                        "front/marketplace.php sends you to the classic plugins page without a "
                        "word, and marketplace console commands stop with this message (exit "
                        "status 1)."),
        "detail": ("GLPI_MARKETPLACE_ENABLE = 0\nweb: False, console: False\n"
                   f"$ php bin/console marketplace:download exampleplugin\n{DISALLOWED}"),
        "fix": DISABLED_FIX, "shows": DISALLOWED,
        "shown_on": ("the console (php bin/console marketplace:…); the web Marketplace silently "
                     "redirects to Setup > Plugins"),
        "messages": [("admin", "glpi", "open the Marketplace", "", False),
                     ("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 0", "the web bit is off", True),
                     ("glpi", "admin", "redirect to Setup > Plugins", "", False)]}


def test_console_only_marketplace_redirects_the_web_without_a_message():
    steps = played("marketplace-disabled", "11.0", marketplace_enable=1)
    assert step(steps, "marketplace-enabled") == {
        "name": "marketplace-enabled", "status": "warning",
        "explanation": ("GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console "
                        "commands, 2 the web Marketplace. Without the web bit, "
                        "front/marketplace.php sends you to the classic plugins page without a "
                        "word."),
        "detail": "GLPI_MARKETPLACE_ENABLE = 1\nweb: False, console: True",
        "fix": DISABLED_FIX, "shows": "",
        "shown_on": "the web Marketplace silently redirects to Setup > Plugins",
        "messages": [("admin", "glpi", "open the Marketplace", "", False),
                     ("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 1", "the web bit is off", True),
                     ("glpi", "admin", "redirect to Setup > Plugins", "", False)]}


# --- the plugin list and the marketplace directory --------------------------------------------

@pytest.mark.parametrize("version, path, per_key", [
    ("9.5", "/api/glpi-plugins/plugins", False), ("10.0.7", "/api/glpi-plugins/plugins", False),
    ("10.0.8", "/api/marketplace/plugins", True), ("11.0", "/api/marketplace/plugins", True)])
def test_plugin_list_request_per_release(version, path, per_key):
    seen = step(played("valid", version), "marketplace-plugins")
    assert seen["status"] == "ok" and seen["fix"] == "" and seen["shows"] == ""
    assert seen["explanation"] == (
        "The Discover tab asks the marketplace API for the plugin list, 200 per page, with the key "
        "and the UID in headers, through GLPI's proxy when one is set (cached for one hour"
        + (", per registration key" if per_key else "") + ").")
    lines = seen["detail"].splitlines()
    assert lines[:2] == [f"# GLPI sends (Guzzle): https://services.glpi-network.com{path}",
                         f"GET {path} HTTP/1.1"]
    assert "X-Range: 0-199" in lines and "HTTP/1.1 200 OK" in lines
    assert seen["messages"] == [("glpi", "network", f"GET {path}", "X-Registration-Key", False),
                                ("network", "glpi", "200 OK", "application/json", False)]


def test_writable_marketplace_directory():
    assert step(played("valid", "10.0"), "marketplace-dir") == {
        "name": "marketplace-dir", "status": "ok",
        "explanation": ("GLPI_MARKETPLACE_DIR exists and the web server can write to it, so GLPI "
                        "can download and extract plugins there."),
        "detail": "/var/www/glpi/marketplace: directory, writable",
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("glpi", "glpi", "is marketplace/ writable?", "yes", False)]}


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_unwritable_marketplace_directory_shows_glpis_warning_and_manual_download(version):
    steps = played("marketplace-dir-not-writable", version)
    assert step(steps, "marketplace-dir") == {
        "name": "marketplace-dir", "status": "warning",
        "explanation": ("Controller::hasWriteAccess() checks that GLPI_MARKETPLACE_DIR is a "
                        "directory the web server can write to. It is not, so GLPI shows this "
                        "warning and offers plugin archives for manual download only."),
        "detail": "/var/www/glpi/marketplace: not writable by the web server user",
        "fix": ("Create the directory and give the web server user write access (chown/chmod), "
                "or download and unzip plugin archives by hand."),
        # GLPI's own words, its "markeplace" typo included.
        "shows": ("We can't write on the markeplace directory (/var/www/glpi/marketplace).\n"
                  "If you want to ease the plugins download, please check permissions and "
                  "ownership of this directory.\n"
                  "Otherwise, you will need to download and unzip the plugins archives manually."),
        "shown_on": "Marketplace",
        "messages": [("glpi", "glpi", "is marketplace/ writable?", "no", True),
                     ("glpi", "admin", "Marketplace", "a warning", False)]}
    access = step(steps, "plugin-access")
    assert access["status"] == "ok"
    assert access["explanation"].endswith(
        " The plugin is offered as an archive to download by hand (the directory is not "
        "writable).")
    assert access["messages"] == [("glpi", "admin", "plugin card", "manual download", False)]


# --- offers -------------------------------------------------------------------------------------

def test_offers_are_asked_without_key_or_uid():
    seen = step(played("valid", "11.0"), "offers")
    assert (seen["status"], seen["explanation"], seen["fix"], seen["shows"]) == (
        "ok", OFFERS_EXPLANATION, "", "")
    assert seen["detail"].splitlines()[:5] == [
        "# GLPI sends (cURL): https://services.glpi-network.com/api/registration/offers",
        "GET /api/registration/offers HTTP/1.1", "Host: services.glpi-network.com",
        "Accept:application/json", "Accept-Language: en"]
    assert "X-Registration-Key" not in seen["detail"]
    assert seen["messages"] == [("glpi", "network", "GET /api/registration/offers", "", False),
                                ("network", "glpi", "200 OK", "application/json", False)]


@pytest.mark.parametrize("version, log", [
    ("9.5.0", 'Unable to fetch offers informations. NULL {\n    "message": "Too Many Attempts."\n}'),
    ("9.5", 'Unable to fetch offers information. NULL {\n    "message": "Too Many Attempts."\n}'),
    ("11.0", 'Unable to fetch offers information.\nError message:\nResponse:\n'
             '{\n    "message": "Too Many Attempts."\n}')])
def test_offers_answer_that_is_not_a_list_is_logged_and_not_cached(version, log):
    seen = step(played("rate-limited", version), "offers")
    assert seen["status"] == "warning"
    assert seen["explanation"] == OFFERS_EXPLANATION + (
        " This answer is not a list, so GLPI logs a warning, shows no offer badges, and caches "
        "nothing: the next card asks again, which makes the Marketplace slow.")
    assert seen["detail"].endswith("HTTP/1.1 429 Too Many Requests\nContent-Type: application/json"
                                   '\n\n{\n    "message": "Too Many Attempts."\n}\n\n'
                                   f"# GLPI logs (files/_log/php-errors.log):\n{log}")
    assert seen["fix"] == ("Wait and reload: a successful answer is cached for one hour. Make sure "
                           "several GLPI instances or scripts do not share one public address and "
                           "hammer the API.")
    assert seen["shows"] == "Unable to fetch offers information."
    assert seen["shown_on"] == ("files/_log/php-errors.log (the Marketplace shows no offer badges "
                                "and is slow)")
    assert seen["messages"] == [("glpi", "network", "GET /api/registration/offers", "", False),
                                ("network", "glpi", "429 Too Many Requests", "not a list", True)]


def test_every_marketplace_call_goes_through_the_configured_proxy():
    steps = played("valid", "10.0", proxy=True)
    via = "via the proxy proxy.example.lan:3128"
    plugins, offers, access = (step(steps, name) for name in ("marketplace-plugins", "offers",
                                                                 "plugin-access"))
    assert plugins["detail"].startswith("# GLPI sends (Guzzle through the proxy "
                                        "proxy.example.lan:3128): ")
    assert plugins["messages"][0][3] == f"X-Registration-Key · {via}"
    assert offers["detail"].startswith("# GLPI sends (cURL through the proxy "
                                       "proxy.example.lan:3128): ")
    assert offers["messages"][0][3] == via
    assert "# GLPI sends (Guzzle through the proxy proxy.example.lan:3128): " in access["detail"]
    assert access["messages"][1][3] == f"X-Registration-Key · {via}"


# --- plugin access --------------------------------------------------------------------------------

@pytest.mark.parametrize("version, release, explanation", [
    ("9.5", "9.5.13", REQUIRES_BEFORE_10_0_8), ("10.0.7", "10.0.7", REQUIRES_BEFORE_10_0_8),
    ("10.0.8", "10.0.8", REQUIRES_FROM_10_0_8), ("11.0", "11.0.8", REQUIRES_FROM_10_0_8)])
def test_free_plugin_is_downloadable_with_key_and_uid_sent_to_its_host(version, release,
                                                                        explanation):
    assert step(played("valid", version), "plugin-access") == {
        "name": "plugin-access", "status": "ok",
        "explanation": explanation + DOWNLOAD_BUTTON,
        "detail": ("plugin exampleplugin: required_offers = null\n"
                   'subscription: offer_reference = "STANDARD", is_running = true\n\n'
                   "# The Download button (Controller::downloadPlugin(), then "
                   "Plugins::downloadArchive()); array_merge_recursive() keeps both Accept values "
                   "on one line:\n"
                   f"# GLPI sends (Guzzle): {PLUGIN_ARCHIVE}\n"
                   "GET /example/exampleplugin/releases/download/1.0.0/"
                   "glpi-exampleplugin-1.0.0.tar.bz2 HTTP/1.1\n"
                   "Host: github.com\n"
                   "Accept: application/json, */*\n"
                   f"User-Agent: GLPI/{release} (installation-mode:TARBALL)\n"
                   "X-Registration-Key: eyJhY2…[redacted, 172 characters]\n"
                   "X-Glpi-Network-Uid: be902ac2e1eaabcff5eae3131efc786f51ac4a93"),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("glpi", "admin", "plugin card", "Download button", False),
                     ("glpi", "plugins", "GET /example/exampleplugin/releases/download/1.0.0/"
                      "glpi-exampleplugin-1.0.0.tar.bz2", "X-Registration-Key", False),
                     ("plugins", "glpi", "200 OK", "application/octet-stream", False)]}


@pytest.mark.parametrize("version, explanation", [
    ("9.5", REQUIRES_BEFORE_10_0_8), ("10.0.7", REQUIRES_BEFORE_10_0_8),
    ("10.0.8", REQUIRES_FROM_10_0_8), ("11.0.4", REQUIRES_FROM_10_0_8)])
def test_plugin_for_a_higher_offer_shows_glpis_tooltip_with_the_offer_name(version, explanation):
    steps = played("higher-offer-required", version)
    assert order(steps)[-1] == ("plugin-access", "error")
    assert step(steps, "plugin-access") == {
        "name": "plugin-access", "status": "error",
        "explanation": explanation + (
            " Here the subscription's offer is not listed, so the card gets a warning button "
            "with this tooltip, next to its download button. The offer names are the model's."),
        "detail": ('plugin exampleadvanced: required_offers = ["ADVANCED"]\n'
                   'subscription: offer_reference = "STANDARD", is_running = true'),
        "fix": ("Subscribe to one of the offers named in the message on GLPI Network, then open "
                "the GLPI Network tab so GLPI fetches the new subscription."),
        "shows": "You need a superior GLPI-Network offer to access to this plugin (Advanced)",
        "shown_on": "Marketplace > Discover (tooltip of the warning button on the plugin's card)",
        "messages": [("glpi", "admin", "plugin card", "a superior offer is needed", True)]}
