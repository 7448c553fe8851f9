"""The scenarios catalogue as the CLI, the browser and the reference page read it: each entry's
JSON, the error for an unknown id, and the guards that keep a new entry sound (a duplicate id, a
branch GLPI does not have, a page that does not exist, a first release on another branch).
Pure: also runs in Pyodide."""

import pytest

from checker.simulation import scenarios
from checker.simulation.scenarios import SCENARIOS, VERSIONS, Scenario, _define, get_scenario
from checker.simulation.world import Situation


def test_catalogue_entry_as_json_names_every_release_it_applies_to():
    assert SCENARIOS["marketplace-upgrade-manual-plugin"].to_dict() == {
        "id": "marketplace-upgrade-manual-plugin",
        "title": "`marketplace:upgrade` leaves a plugin installed by hand",
        "versions": ["11.0"],
        "since": "11.0.2",
        "applies_to": ["11.0", "11.0.2", "11.0.3", "11.0.4", "11.0.5", "11.0.6", "11.0.7", "11.0.8"],
        "needs_key": False,
        "cause": "`php bin/console marketplace:upgrade` (GLPI 11, PR #21521) only updates plugins "
                 "whose directory is in GLPI_MARKETPLACE_DIR. A plugin unpacked by hand into "
                 "plugins/ is skipped with 'Plugin \"…\" was installed manually and therefore has "
                 "not been updated automatically.'",
        "fix": "Update that plugin by hand (download its new archive and unpack it over the old "
               "directory), or remove it and install it from the Marketplace so the command "
               "manages it.",
        "sources": ["https://github.com/glpi-project/glpi/pull/21521",
                    "https://github.com/glpi-project/glpi/blob/0949fcadd479310603719f8244fdde75aff4a37c/"
                    "src/Glpi/Console/Marketplace/UpgradeCommand.php"],
        "doc": "troubleshooting/plugin-download-fails/",
    }


def test_my_key_needs_a_key_and_applies_to_every_branch():
    entry = SCENARIOS["my-key"].to_dict()
    assert entry["needs_key"] is True and entry["since"] == ""
    assert entry["versions"] == ["9.5", "10.0", "11.0"]
    assert {"9.5", "9.5.0", "10.0.0", "11.0.8"} <= set(entry["applies_to"])


@pytest.mark.parametrize("unknown, shown", [
    ("nope", "'nope'"),
    ("x" * 40, "'" + "x" * 40 + "'"),
    ("y" * 41, "'" + "y" * 40 + "…'"),
])
def test_unknown_scenario_is_quoted_at_most_40_characters_and_the_valid_ids_listed(unknown, shown):
    with pytest.raises(ValueError) as error:
        get_scenario(unknown)
    assert str(error.value) == f"Unknown scenario {shown}. Valid scenarios: {', '.join(SCENARIOS)}."


@pytest.fixture
def empty_catalogue(monkeypatch):
    catalogue: dict = {}
    monkeypatch.setattr(scenarios, "SCENARIOS", catalogue)
    return catalogue


def define(id="new-one", versions=VERSIONS, doc="troubleshooting/index.md", **extra):
    return _define(id, "A title", versions, "A cause.", "A fix.", ("https://example.org/a",), doc,
                   **extra)


def test_a_new_entry_keeps_every_field_and_is_registered_under_its_id(empty_catalogue):
    situation = Situation(journey="open", keyfile="missing")
    scenario = _define("new-one", "A title", ("10.0", "11.0"), "A cause.", "A fix.",
                       ("https://example.org/a",), "troubleshooting/index.md", situation,
                       needs_key=True, since="10.0.8")
    assert scenario == Scenario("new-one", "A title", ("10.0", "11.0"), "A cause.", "A fix.",
                                ("https://example.org/a",), "troubleshooting/index.md", situation,
                                True, "10.0.8")
    assert empty_catalogue == {"new-one": scenario}


def test_a_new_entry_defaults_to_the_usual_situation_no_key_and_whole_branches(empty_catalogue):
    scenario = define()
    assert (scenario.situation, scenario.needs_key, scenario.since) == (Situation(), False, "")
    assert scenario.versions == VERSIONS and empty_catalogue["new-one"] is scenario


def test_a_duplicate_id_is_refused(empty_catalogue):
    define()
    with pytest.raises(AssertionError):
        define()


@pytest.mark.parametrize("versions", [(), ("12.0",), ("10.0", "10.1")])
def test_versions_must_be_glpi_branches(empty_catalogue, versions):
    with pytest.raises(AssertionError):
        define(versions=versions)
    assert empty_catalogue == {}


def test_doc_must_be_a_page_of_the_help_centre(empty_catalogue):
    with pytest.raises(AssertionError):
        define(doc="https://example.org/page")


def test_first_release_must_be_on_the_first_branch(empty_catalogue):
    assert define("on-10", versions=("10.0", "11.0"), since="10.0.1").since == "10.0.1"
    with pytest.raises(AssertionError):
        define("on-11", versions=("10.0", "11.0"), since="11.0.2")
    with pytest.raises(AssertionError):
        define("on-9", versions=("10.0",), since="9.5.3")
