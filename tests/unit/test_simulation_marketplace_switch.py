"""GLPI_MARKETPLACE_ENABLE (10.0.1+), read bit by bit (1 the console, 2 the web Marketplace),
word for word: what the step says, what GLPI prints on the console, where the web Marketplace
goes, and the arrows. Pure: also runs in Pyodide."""

from dataclasses import replace

import pytest

from checker import glpi_texts as texts
from checker.simulation import SCENARIOS, simulate
from checker.simulation.lanes import Message

BITS = ("GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console commands, 2 the web "
        "Marketplace. ")
WHERE = "the console (php bin/console marketplace:…); the web Marketplace silently redirects to Setup > Plugins"


def switch(scenario, version, enable=None, monkeypatch=None):
    if enable is not None:
        base = SCENARIOS[scenario]
        scenario = f"{scenario}-{enable}"
        monkeypatch.setitem(SCENARIOS, scenario, replace(
            base, id=scenario, situation=replace(base.situation, marketplace_enable=enable)))
    return simulate(scenario, version).step("marketplace-enabled")


@pytest.mark.parametrize("version", ["10.0", "11.0"])
def test_both_bits_off(version):
    step = switch("marketplace-disabled", version)
    assert step.status == "warning"
    assert step.explanation == (BITS + "Without the web bit, front/marketplace.php sends you to the classic "
                                "plugins page without a word, and marketplace console commands stop with "
                                "this message (exit status 1).")
    assert step.detail == ("GLPI_MARKETPLACE_ENABLE = 0\nweb: False, console: False\n"
                           f"$ php bin/console marketplace:download exampleplugin\n{texts.CLI_DISALLOWED}")
    assert (step.shows, step.shown_on) == (texts.CLI_DISALLOWED, WHERE)
    assert step.messages == (Message("admin", "glpi", "open the Marketplace"),
                             Message("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 0", "the web bit is off", fails=True),
                             Message("glpi", "admin", "redirect to Setup > Plugins"))


def test_web_bit_off_console_bit_on_redirects_without_a_word(monkeypatch):
    step = switch("marketplace-disabled", "10.0", enable=1, monkeypatch=monkeypatch)
    assert step.status == "warning" and step.shows == ""
    assert step.explanation == (BITS + "Without the web bit, front/marketplace.php sends you to the classic "
                                "plugins page without a word.")
    # The console bit is on, so no console refusal is shown.
    assert step.detail == "GLPI_MARKETPLACE_ENABLE = 1\nweb: False, console: True"
    assert step.shown_on == "the web Marketplace silently redirects to Setup > Plugins"


def test_console_bit_off_stops_marketplace_upgrade(monkeypatch):
    step = switch("marketplace-upgrade-manual-plugin", "11.0", enable=2, monkeypatch=monkeypatch)
    assert step.status == "error"
    assert step.explanation == (BITS + "Without the console bit, marketplace console commands stop with this "
                                "message (exit status 1).")
    # The refusal comes from the command the admin ran, on the console only.
    assert step.detail == ("GLPI_MARKETPLACE_ENABLE = 2\nweb: True, console: False\n"
                           f"$ php bin/console marketplace:upgrade\n{texts.CLI_DISALLOWED}")
    assert (step.shows, step.shown_on) == (
        texts.CLI_DISALLOWED, "the console: php bin/console marketplace:upgrade, exit status 1")
    assert step.messages == (Message("admin", "glpi", "php bin/console marketplace:upgrade"),
                             Message("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 2", "the console bit is off",
                                     fails=True),
                             Message("glpi", "admin", "exit status 1"))


@pytest.mark.parametrize("scenario, version, allows, note", [
    ("valid", "10.0", "the web Marketplace (bit 2).", "web Marketplace allowed"),
    ("marketplace-upgrade-manual-plugin", "11.0", "the console commands (bit 1).", "console commands allowed"),
])
def test_allowed(scenario, version, allows, note):
    step = switch(scenario, version)
    assert step.status == "ok" and step.explanation == f"GLPI_MARKETPLACE_ENABLE allows {allows}"
    assert step.detail == "GLPI_MARKETPLACE_ENABLE = 3\nweb: True, console: True"
    assert step.messages == (Message("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 3", note),)
