"""`php bin/console marketplace:upgrade` (GLPI 11.0.2+, PR #21521): what the console prints and
the steps the simulator shows, registered or not, with plugins from the Marketplace or by hand."""

import pytest

from simulation_view import order, played, step

UNREGISTERED = "The GLPI Network registration key is missing or invalid"  # GLPI's words
DISALLOWED = "Access to the marketplace CLI commands is disallowed by the GLPI configuration"
REGISTERED_EXPLANATION = (
    "Registered: the command updates every plugin installed from the Marketplace to its latest "
    "compatible version and reactivates the active ones. A plugin whose directory is not in "
    "GLPI_MARKETPLACE_DIR was installed by hand: the command says so and leaves it alone.")
CONSOLE_STEPS = ["marketplace-enabled", "read-keyfile", "decrypt-key", "registration-info", "cache",
                 "marketplace-upgrade"]


def test_console_bit_allowed_is_the_first_step():
    assert step(played("marketplace-upgrade-manual-plugin", "11.0.2"), "marketplace-enabled") == {
        "name": "marketplace-enabled", "status": "ok",
        "explanation": "GLPI_MARKETPLACE_ENABLE allows the console commands (bit 1).",
        "detail": "GLPI_MARKETPLACE_ENABLE = 3\nweb: True, console: True",
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("glpi", "glpi", "GLPI_MARKETPLACE_ENABLE = 3", "console commands allowed",
                      False)]}


@pytest.mark.parametrize("version", ["11.0.2", "11.0.4", "11.0"])
def test_unregistered_instance_stops_the_command_with_glpis_message(version):
    steps = played("marketplace-upgrade-unregistered", version)
    assert order(steps) == [("marketplace-enabled", "ok"), ("read-keyfile", "ok"),
                            ("decrypt-key", "ok"), ("registration-info", "ok"), ("cache", "ok"),
                            ("marketplace-upgrade", "error")]
    assert step(steps, "marketplace-upgrade") == {
        "name": "marketplace-upgrade", "status": "error",
        "explanation": (
            "UpgradeCommand checks GLPINetwork::isRegistered() before anything else. It is false, "
            "so the command stops at once with this message and exit status 1: no plugin is "
            "downloaded or updated (marketplace:download, by contrast, prints the same message and "
            "carries on, then fails per plugin)."),
        "detail": f"$ php bin/console marketplace:upgrade\n{UNREGISTERED}",
        "fix": ("Register the instance first: paste a valid key in Setup > General > GLPI Network "
                "(opening the tab also refreshes the cached answer), then run the command again."),
        "shows": UNREGISTERED,
        "shown_on": "the console: php bin/console marketplace:upgrade, exit status 1",
        "messages": [("admin", "glpi", "php bin/console marketplace:upgrade", "", False),
                     ("glpi", "glpi", "isRegistered()", "false", True),
                     ("glpi", "admin", "missing or invalid key", "exit status 1", True)]}


def test_unregistered_console_run_ends_on_glpis_message():
    from checker.simulation import simulate
    outcome = simulate("marketplace-upgrade-unregistered", "11.0").outcome
    assert (outcome.status, outcome.message, outcome.shown_on) == (
        "error", UNREGISTERED, "the console: php bin/console marketplace:upgrade, exit status 1")


def test_plugin_installed_by_hand_is_named_and_left_alone():
    steps = played("marketplace-upgrade-manual-plugin", "11.0.2")
    assert [name for name, _ in order(steps)] == CONSOLE_STEPS
    manual = ('Plugin "handmadeplugin" was installed manually and therefore has not been updated '
              'automatically.')
    assert step(steps, "marketplace-upgrade") == {
        "name": "marketplace-upgrade", "status": "warning",
        "explanation": REGISTERED_EXPLANATION,
        "detail": ('$ php bin/console marketplace:upgrade\n'
                   'Plugin "exampleplugin" is already up-to-date.\n' + manual),
        "fix": ("Update that plugin by hand (download its new archive and unpack it over the old "
                "directory), or remove it and install it from the Marketplace so the command "
                "manages it."),
        "shows": manual,
        "shown_on": "the console: php bin/console marketplace:upgrade",
        "messages": [("admin", "glpi", "php bin/console marketplace:upgrade", "", False),
                     ("glpi", "admin", "installed manually: not updated", "", True)]}


def test_every_plugin_from_the_marketplace_is_brought_up_to_date():
    steps = played("marketplace-upgrade-manual-plugin", "11.0",
                   installed_plugins=(("exampleplugin", True), ("otherplugin", True)))
    assert order(steps)[-1] == ("marketplace-upgrade", "ok")
    assert step(steps, "marketplace-upgrade") == {
        "name": "marketplace-upgrade", "status": "ok",
        "explanation": REGISTERED_EXPLANATION,
        "detail": ('$ php bin/console marketplace:upgrade\n'
                   'Plugin "exampleplugin" is already up-to-date.\n'
                   'Plugin "otherplugin" is already up-to-date.'),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("admin", "glpi", "php bin/console marketplace:upgrade", "", False),
                     ("glpi", "admin", "plugins up to date", "", False)]}


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
