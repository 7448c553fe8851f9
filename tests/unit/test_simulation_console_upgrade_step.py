"""`php bin/console marketplace:upgrade` (GLPI 11.0.2+) word for word: it stops at once when the
instance is not registered, updates what the Marketplace installed, and names each plugin
installed by hand. Pure: also runs in Pyodide."""

from dataclasses import replace

from checker import glpi_texts as texts
from checker.simulation import SCENARIOS, simulate
from checker.simulation.lanes import Message
from checker.simulation.world import Situation

COMMAND = Message("admin", "glpi", "php bin/console marketplace:upgrade")
REGISTERED = ("Registered: the command updates every plugin installed from the Marketplace to its latest "
              "compatible version and reactivates the active ones. A plugin whose directory is not in "
              "GLPI_MARKETPLACE_DIR was installed by hand: the command says so and leaves it alone.")


def upgrade(scenario, version="11.0"):
    return simulate(scenario, version).step("marketplace-upgrade")


def test_not_registered_stops_at_once_with_exit_status_1():
    step = upgrade("marketplace-upgrade-unregistered")
    assert step.status == "error"
    assert step.explanation == (
        "UpgradeCommand checks GLPINetwork::isRegistered() before anything else. It is false, so the command "
        "stops at once with this message and exit status 1: no plugin is downloaded or updated "
        "(marketplace:download, by contrast, prints the same message and carries on, then fails per plugin).")
    assert step.detail == f"$ php bin/console marketplace:upgrade\n{texts.UPGRADE_NOT_REGISTERED}"
    assert (step.shows, step.shown_on) == (texts.UPGRADE_NOT_REGISTERED,
                                           "the console: php bin/console marketplace:upgrade, exit status 1")
    assert step.fix == SCENARIOS["marketplace-upgrade-unregistered"].fix
    assert step.messages == (COMMAND, Message("glpi", "glpi", "isRegistered()", "false", fails=True),
                             Message("glpi", "admin", "missing or invalid key", "exit status 1", fails=True))


def test_a_plugin_installed_by_hand_is_named_and_left_alone():
    step = upgrade("marketplace-upgrade-manual-plugin", "11.0.2")
    manual = texts.UPGRADE_MANUAL % "handmadeplugin"
    assert step.status == "warning" and step.explanation == REGISTERED
    assert step.detail.splitlines() == ["$ php bin/console marketplace:upgrade",
                                        texts.UPGRADE_UP_TO_DATE % "exampleplugin", manual]
    assert (step.shows, step.shown_on) == (manual, "the console: php bin/console marketplace:upgrade")
    assert step.fix == SCENARIOS["marketplace-upgrade-manual-plugin"].fix
    assert step.messages == (COMMAND, Message("glpi", "admin", "installed manually: not updated", fails=True))


def test_every_plugin_from_the_marketplace_is_brought_up_to_date(monkeypatch):
    # Not a catalogue scenario (nothing goes wrong), but the command's usual run.
    base = SCENARIOS["marketplace-upgrade-manual-plugin"]
    monkeypatch.setitem(SCENARIOS, "upgrade-all", replace(base, id="upgrade-all", situation=Situation(
        journey="console-upgrade", installed_plugins=(("exampleplugin", True), ("otherplugin", True)))))
    run = simulate("upgrade-all", "11.0")
    step = run.step("marketplace-upgrade")
    assert step.status == "ok" and step.explanation == REGISTERED
    assert step.detail.splitlines() == ["$ php bin/console marketplace:upgrade",
                                        texts.UPGRADE_UP_TO_DATE % "exampleplugin",
                                        texts.UPGRADE_UP_TO_DATE % "otherplugin"]
    assert (step.fix, step.shows, step.shown_on) == ("", "", "")
    assert step.messages == (COMMAND, Message("glpi", "admin", "plugins up to date"))
    assert [s.name for s in run.steps] == ["marketplace-enabled", "read-keyfile", "decrypt-key",
                                          "registration-info", "cache", "marketplace-upgrade"]
