"""The Marketplace's steps word for word: the plugin list (cached per key from 10.0.8), the
marketplace directory check and GLPI's warning when it is not writable, the offers call without
key or UID, and the arrows each step draws. Pure: also runs in Pyodide."""

import pytest

from checker.simulation import simulate
from checker.simulation.lanes import Message

OK_JSON = Message("network", "glpi", "200 OK", "application/json")
LIST = ("The Discover tab asks the marketplace API for the plugin list, 200 per page, with the key and "
        "the UID in headers, through GLPI's proxy when one is set (cached for one hour")


@pytest.mark.parametrize("version, path, per_key", [("10.0", "/api/marketplace/plugins", ", per registration key"),
                                                    ("10.0.7", "/api/glpi-plugins/plugins", ""),
                                                    ("9.5", "/api/glpi-plugins/plugins", "")])
def test_plugin_list_per_release(version, path, per_key):
    plugins = simulate("valid", version).step("marketplace-plugins")
    assert plugins.explanation == f"{LIST}{per_key})."
    assert plugins.detail.splitlines()[:2] == [
        f"# GLPI sends (Guzzle): https://services.glpi-network.com{path}", f"GET {path} HTTP/1.1"]
    assert plugins.messages == (Message("glpi", "network", f"GET {path}", "X-Registration-Key"), OK_JSON)


def test_a_writable_marketplace_directory():
    directory = simulate("valid", "10.0").step("marketplace-dir")
    assert directory.explanation == ("GLPI_MARKETPLACE_DIR exists and the web server can write to it, so GLPI "
                                     "can download and extract plugins there.")
    assert directory.detail == "/var/www/glpi/marketplace: directory, writable"
    assert directory.messages == (Message("glpi", "glpi", "is marketplace/ writable?", "yes"),)


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_marketplace_directory_the_web_server_cannot_write_to(version):
    directory = simulate("marketplace-dir-not-writable", version).step("marketplace-dir")
    assert directory.status == "warning"
    assert directory.explanation == (
        "Controller::hasWriteAccess() checks that GLPI_MARKETPLACE_DIR is a directory the web server can write "
        "to. It is not, so GLPI shows this warning and offers plugin archives for manual download only.")
    assert directory.shown_on == "Marketplace"
    assert directory.detail == "/var/www/glpi/marketplace: not writable by the web server user"
    assert directory.messages == (Message("glpi", "glpi", "is marketplace/ writable?", "no", fails=True),
                                  Message("glpi", "admin", "Marketplace", "a warning"))


def test_offers_are_asked_without_key_or_uid_and_cached_per_language():
    offers = simulate("valid", "11.0").step("offers")
    assert offers.explanation == (
        "Each plugin card looks up offer titles: GLPINetwork::getOffers() calls …/api/registration/offers with "
        "only Accept and Accept-Language: no registration key, no instance UID. A good answer is cached for "
        "one hour (glpi_network_offers_en).")
    assert offers.messages == (Message("glpi", "network", "GET /api/registration/offers"), OK_JSON)


def test_the_marketplace_checks_the_services_then_the_registration():
    status = simulate("valid", "10.0").step("marketplace-status")
    assert status.messages == (Message("admin", "glpi", "open the Marketplace"),
                               Message("glpi", "network", "GET /api/registration/"), OK_JSON)
    assert simulate("valid", "11.0").step("marketplace-status").messages[1] == \
        Message("glpi", "network", "GET /api/ping")


BODY = '{\n    "message": "Too Many Attempts."\n}'


@pytest.mark.parametrize("version, logged", [
    ("9.5", f"Unable to fetch offers information. NULL {BODY}"),  # Toolbox::logError(): no labels
    ("10.0", f"Unable to fetch offers information.\nError message:\nResponse:\n{BODY}"),
    ("11.0", f"Unable to fetch offers information.\nError message:\nResponse:\n{BODY}"),
])
def test_rate_limited_offers_are_logged_and_slow_the_marketplace(version, logged):
    offers = simulate("rate-limited", version).step("offers")
    assert offers.status == "warning"
    assert offers.explanation.endswith(
        "(glpi_network_offers_en). This answer is not a list, so GLPI logs a warning, shows no offer badges, "
        "and caches nothing: the next card asks again, which makes the Marketplace slow.")
    assert offers.shown_on == "files/_log/php-errors.log (the Marketplace shows no offer badges and is slow)"
    assert offers.detail.endswith(f"\n\n# GLPI logs (files/_log/php-errors.log):\n{logged}")
    assert offers.messages == (Message("glpi", "network", "GET /api/registration/offers"),
                               Message("network", "glpi", "429 Too Many Requests", "not a list", fails=True))
