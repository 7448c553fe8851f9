"""The run's shape as the CLI and the page read it: a step's JSON, what the timeline keeps of a
fix and a page link per status, the one outcome GLPI shows (a blank page first, then the GLPI
Network tab's status line, then the first error, then the first warning), and skipping.
Pure: also runs in Pyodide."""

import pytest

from checker.simulation.lanes import Message, ROUTES, STEP_TITLES
from checker.simulation.steps import (BLANK_PAGE, CONSOLE_UPGRADE_ORDER, STEP_ORDER, STEP_STATUSES, Outcome,
                                      SimulationRun, Step, Timeline)

DOC = "troubleshooting/index.md"


def test_step_json_carries_its_title_page_url_and_arrows():
    step = Step("registration-info", "error", "GLPI asks.", "GET …", "Fix it.", "troubleshooting/unable-to-fetch.md",
                "Unable to fetch registration information.", "GLPI Network tab",
                (Message("glpi", "network", "GET /api/registration/info", "X-Registration-Key", fails=True),))
    assert step.to_dict() == {
        "name": "registration-info", "title": "GLPI asks GLPI Network about the key", "status": "error",
        "explanation": "GLPI asks.", "detail": "GET …", "fix": "Fix it.",
        "doc": "troubleshooting/unable-to-fetch/", "shows": "Unable to fetch registration information.",
        "shown_on": "GLPI Network tab",
        "messages": [{"source": "glpi", "target": "network", "label": "GET /api/registration/info",
                      "note": "X-Registration-Key", "fails": True}],
    }


def test_run_json_and_step_lookup():
    steps = (Step("save-key", "ok", "Saved."), Step("cache", "warning", "Cached.", shows="Hm", shown_on="tab"))
    run = SimulationRun("valid", "A valid key", "10.0", "10.0.25", steps, Outcome("warning", "Hm", "tab"),
                        "tutorials/register.md", "A model.")
    data = run.to_dict()
    assert {key: data[key] for key in data if key not in ("steps", "summary")} == {
        "scenario": "valid", "title": "A valid key", "glpi_version": "10.0", "glpi_release": "10.0.25",
        "outcome": {"status": "warning", "message": "Hm", "shown_on": "tab"},
        "doc": "tutorials/register/", "notice": "A model."}
    assert [step["name"] for step in data["steps"]] == ["save-key", "cache"]
    assert data["summary"]["failing_step"]["name"] == "cache"
    assert run.step("cache") is steps[1]
    with pytest.raises(KeyError) as missing:
        run.step("offers")
    assert missing.value.args == ("offers",)  # names the step asked for


def test_an_ok_step_keeps_no_fix_and_no_page_a_skipped_one_no_page():
    timeline = Timeline(DOC)
    ok = timeline.add("save-key", "ok", "Saved.", fix="A fix", doc="troubleshooting/x.md")
    skipped = timeline.add("cache", "skipped", "Not reached.", fix="A fix")
    warning = timeline.add("decrypt-key", "warning", "Hm.", fix="A fix")
    error = timeline.add("offers", "error", "No.", fix="Another", doc="troubleshooting/y.md")
    assert (ok.fix, ok.doc) == ("", "")
    assert (skipped.fix, skipped.doc) == ("A fix", "")
    assert (warning.fix, warning.doc) == ("A fix", DOC)  # the scenario's page by default
    assert (error.fix, error.doc) == ("Another", "troubleshooting/y.md")
    assert timeline.names() == ["save-key", "cache", "decrypt-key", "offers"]


def test_a_step_without_messages_draws_its_usual_route():
    timeline = Timeline(DOC)
    drawn = timeline.add("save-key", "ok", "Saved.")
    own = (Message("admin", "glpi", "php bin/console config:set"),)
    console = timeline.add("decrypt-key", "ok", "Read.", messages=own)
    assert drawn.messages == ROUTES["save-key"] and console.messages == own
    assert timeline.add("no-such-step", "ok", "x").messages == ()


def test_a_step_is_added_once():
    timeline = Timeline(DOC)
    timeline.add("cache", "ok", "x")
    with pytest.raises(AssertionError):
        timeline.add("cache", "error", "y")


def test_skip_adds_only_the_steps_not_taken_with_the_reason():
    timeline = Timeline(DOC)
    timeline.add("save-key", "error", "No.")
    timeline.skip(["save-key", "cache", "offers"], "Not reached: save-key failed.")
    assert [(s.name, s.status, s.explanation) for s in timeline.steps] == [
        ("save-key", "error", "No."), ("cache", "skipped", "Not reached: save-key failed."),
        ("offers", "skipped", "Not reached: save-key failed.")]


def outcome_of(*steps, default="GLPI shows nothing"):
    timeline = Timeline(DOC)
    for name, status, shows, shown_on in steps:
        timeline.add(name, status, "e", shows=shows, shown_on=shown_on)
    return timeline.outcome(default)


def test_a_blank_page_wins_over_everything():
    outcome = outcome_of(("read-keyfile", "error", "Key missing", "Setup page"),
                         ("build-message", "error", "Unable", "GLPI Network tab"),
                         ("decrypt-key", "warning", "Fatal error", f"{BLANK_PAGE} (PHP fatal error)"))
    assert outcome == Outcome("error", "Fatal error", f"{BLANK_PAGE} (PHP fatal error)")


def test_the_tabs_status_line_wins_among_errors_then_the_first_error():
    assert outcome_of(("read-keyfile", "error", "Key missing", "log"),
                      ("build-message", "error", "Unable", "tab")) == Outcome("error", "Unable", "tab")
    assert outcome_of(("read-keyfile", "error", "Key missing", "log"),
                      ("decrypt-key", "error", "Other", "page")) == Outcome("error", "Key missing", "log")


def test_an_error_wins_over_a_warning_and_a_warning_over_nothing():
    assert outcome_of(("save-key", "warning", "Careful", "a"), ("offers", "error", "Broken", "b")) == \
        Outcome("error", "Broken", "b")
    assert outcome_of(("save-key", "warning", "Careful", "a"), ("offers", "warning", "Later", "b"),
                      ("build-message", "warning", "Tab", "c")) == Outcome("warning", "Tab", "c")
    assert outcome_of(("save-key", "warning", "Careful", "a"), ("offers", "warning", "Later", "b")) == \
        Outcome("warning", "Careful", "a")


def test_when_nothing_failing_is_shown_the_tab_line_carries_the_worst_status():
    # An error step that shows nothing: GLPI's tab still says what it says, marked as a warning.
    assert outcome_of(("offers", "error", "", ""), ("build-message", "ok", "Valid", "tab")) == \
        Outcome("warning", "Valid", "tab")
    assert outcome_of(("offers", "skipped", "", ""), ("build-message", "ok", "Valid", "tab")) == \
        Outcome("ok", "Valid", "tab")
    assert outcome_of(("save-key", "ok", "", ""), default="Nothing") == Outcome("ok", "Nothing")
    assert outcome_of(("save-key", "warning", "", ""), default="Nothing") == Outcome("warning", "Nothing")


def test_outcome_json():
    assert Outcome("error", "Unable", "tab").to_dict() == {"status": "error", "message": "Unable", "shown_on": "tab"}


def test_glpis_order_of_steps_per_branch():
    tab_95_10 = ["read-keyfile", "save-key", "decrypt-key", "services-check", "registration-info",
                 "build-message", "cache"]
    market = ["marketplace-status", "marketplace-plugins", "marketplace-dir", "offers", "plugin-access"]
    assert list(STEP_ORDER["9.5"]) == ["check-key"] + tab_95_10 + market
    assert list(STEP_ORDER["10.0"]) == ["check-key"] + tab_95_10 + ["marketplace-enabled"] + market
    # GLPI 11 asks /info before the services check, and boots its kernel first.
    assert list(STEP_ORDER["11.0"]) == ["check-key", "boot-kernel", "read-keyfile", "save-key", "decrypt-key",
                                        "registration-info", "services-check", "build-message", "cache",
                                        "marketplace-enabled"] + market
    assert CONSOLE_UPGRADE_ORDER == ("check-key", "marketplace-enabled", "read-keyfile", "decrypt-key",
                                     "registration-info", "cache", "marketplace-upgrade")
    assert STEP_STATUSES == ("ok", "warning", "error", "skipped")
    assert all(name in STEP_TITLES for order in STEP_ORDER.values() for name in order)


def test_a_step_added_with_nothing_but_its_words_shows_nothing_and_fixes_nothing():
    step = Timeline(DOC).add("decrypt-key", "warning", "Hm.")
    assert (step.fix, step.shows, step.shown_on, step.detail, step.doc) == ("", "", "", "", DOC)
