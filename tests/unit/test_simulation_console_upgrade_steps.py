"""`php bin/console marketplace:upgrade` (GLPI 11.0.2+, PR #21521): the run's outcome, and
GLPI_MARKETPLACE_ENABLE's console bit off (0 or 2) stopping it before anything else. (The steps
word for word: test_simulation_console_upgrade_step.py, test_simulation_marketplace_switch.py.)"""

import pytest

from checker.simulation import simulate
from simulation_view import order, played, step

UNREGISTERED = "The GLPI Network registration key is missing or invalid"  # GLPI's words
DISALLOWED = "Access to the marketplace CLI commands is disallowed by the GLPI configuration"
CONSOLE_STEPS = ["marketplace-enabled", "read-keyfile", "decrypt-key", "registration-info", "cache",
                 "marketplace-upgrade"]


@pytest.mark.parametrize("version", ["11.0.2", "11.0.4", "11.0"])
def test_unregistered_console_run_ends_on_glpis_message(version):
    outcome = simulate("marketplace-upgrade-unregistered", version).outcome
    assert (outcome.status, outcome.message, outcome.shown_on) == (
        "error", UNREGISTERED, "the console: php bin/console marketplace:upgrade, exit status 1")


@pytest.mark.parametrize("enable, web", [(0, False), (2, True)])
def test_console_bit_off_stops_the_command_before_anything_else(enable, web):
    steps = played("marketplace-upgrade-manual-plugin", "11.0", marketplace_enable=enable)
    assert order(steps) == [("marketplace-enabled", "error")] + [
        (name, "skipped") for name in CONSOLE_STEPS[1:]]
    assert {s.explanation for s in steps[1:]} == {"Not reached: the Marketplace is turned off."}
    seen = step(steps, "marketplace-enabled")
    assert seen == {
        "name": "marketplace-enabled", "status": "error",
        "explanation": ("GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console "
                        "commands, 2 the web Marketplace. Without the console bit, marketplace "
                        "console commands stop with this message (exit status 1)."),
        "detail": (f"GLPI_MARKETPLACE_ENABLE = {enable}\nweb: {web}, console: False\n"
                   f"$ php bin/console marketplace:upgrade\n{DISALLOWED}"),
        "fix": seen["fix"],  # the scenario's own fix: this situation is not in the catalogue
        "shows": DISALLOWED,
        "shown_on": "the console: php bin/console marketplace:upgrade, exit status 1",
        "messages": [("admin", "glpi", "php bin/console marketplace:upgrade", "", False),
                     ("glpi", "glpi", f"GLPI_MARKETPLACE_ENABLE = {enable}",
                      "the console bit is off", True),
                     ("glpi", "admin", "exit status 1", "", False)]}


def test_each_plugin_installed_by_hand_gets_its_own_line():
    steps = played("marketplace-upgrade-manual-plugin", "11.0",
                   installed_plugins=(("exampleplugin", True), ("handmadeplugin", False),
                                      ("oldplugin", False)))
    upgrade = step(steps, "marketplace-upgrade")
    assert upgrade["status"] == "warning"
    assert upgrade["shows"] == (
        'Plugin "handmadeplugin" was installed manually and therefore has not been updated '
        'automatically.\n'
        'Plugin "oldplugin" was installed manually and therefore has not been updated '
        'automatically.')
    assert upgrade["detail"] == ('$ php bin/console marketplace:upgrade\n'
                                 'Plugin "exampleplugin" is already up-to-date.\n' + upgrade["shows"])
