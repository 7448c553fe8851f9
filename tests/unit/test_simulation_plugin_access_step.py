"""The plugin card's step word for word: what GLPI compares (the plugin's required_offers and the
subscription), the tooltip for a higher offer, the Download button's archive request to the
plugin's own host, and the manual download when the marketplace directory is not writable.
Pure: also runs in Pyodide."""

import pytest

from checker import glpi_texts as texts
from checker.simulation import simulate
from checker.simulation.lanes import Message
from checker.simulation.world import INSTANCE_UID

ARCHIVE = "https://github.com/example/exampleplugin/releases/download/1.0.0/glpi-exampleplugin-1.0.0.tar.bz2"
RULE_SINCE_10_0_8 = ("Controller::requiresHigherOffer(): no required_offers (absent, null or an empty list, "
                     "since 10.0.8) means no; a running subscription whose offer_reference is listed means "
                     "no; anything else means a higher offer is needed.")
RULE_BEFORE = ("Controller::requiresHigherOffer(): no required_offers (absent or null; before 10.0.8 an "
               "empty list still counts as a requirement) means no; a running subscription whose "
               "offer_reference is listed means no; anything else means a higher offer is needed.")


def step(scenario, version):
    return simulate(scenario, version).step("plugin-access")


def test_download_button_sends_the_key_to_the_archives_host():
    access = step("valid", "10.0")
    assert access.status == "ok"
    assert access.explanation == (
        f"{RULE_SINCE_10_0_8} The plugin is downloadable with the Download button. The archive request "
        "goes through the same Plugins::request() as the list: GLPI's proxy, and the registration key and "
        "the UID sent to the plugin's download_url host, which may be another server.")
    assert access.detail.splitlines() == [
        "plugin exampleplugin: required_offers = null",
        'subscription: offer_reference = "STANDARD", is_running = true',
        "",
        "# The Download button (Controller::downloadPlugin(), then Plugins::downloadArchive()); "
        "array_merge_recursive() keeps both Accept values on one line:",
        f"# GLPI sends (Guzzle): {ARCHIVE}",
        "GET /example/exampleplugin/releases/download/1.0.0/glpi-exampleplugin-1.0.0.tar.bz2 HTTP/1.1",
        "Host: github.com",
        "Accept: application/json, */*",
        "User-Agent: GLPI/10.0.25 (installation-mode:TARBALL)",
        "X-Registration-Key: eyJhY2…[redacted, 172 characters]",
        f"X-Glpi-Network-Uid: {INSTANCE_UID}",
    ]
    assert access.messages == (
        Message("glpi", "admin", "plugin card", "Download button"),
        Message("glpi", "plugins", "GET /example/exampleplugin/releases/download/1.0.0/glpi-exampleplugin-1.0.0.tar.bz2",
                "X-Registration-Key"),
        Message("plugins", "glpi", "200 OK", "application/octet-stream"))


def test_before_10_0_8_the_rule_says_an_empty_list_still_requires_an_offer():
    assert step("valid", "10.0.7").explanation.startswith(RULE_BEFORE)


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_not_writable_directory_offers_a_manual_download_and_sends_nothing(version):
    access = step("marketplace-dir-not-writable", version)
    assert access.explanation.endswith(
        "The plugin is offered as an archive to download by hand (the directory is not writable).")
    assert access.messages == (Message("glpi", "admin", "plugin card", "manual download"),)


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_plugin_for_a_higher_offer_shows_glpis_tooltip(version):
    access = step("higher-offer-required", version)
    assert access.status == "error"
    assert access.detail == ('plugin exampleadvanced: required_offers = ["ADVANCED"]\n'
                             'subscription: offer_reference = "STANDARD", is_running = true')
    assert access.shows == texts.HIGHER_OFFER % "Advanced"  # the model's offer title
    assert access.shown_on == "Marketplace > Discover (tooltip of the warning button on the plugin's card)"
    assert access.explanation.endswith(
        "Here the subscription's offer is not listed, so the card gets a warning button with this tooltip, "
        "next to its download button. The offer names are the model's.")
    assert access.messages == (Message("glpi", "admin", "plugin card", "a superior offer is needed", fails=True),)
