"""The summary's exact words, on runs built step by step: the headline, where it goes wrong or
only needs attention, where GLPI stops, the fix once, and the folded timeline. The CLI prints
these strings and the page shows them as they are. Pure: also runs in Pyodide."""

import pytest

from checker.simulation.lanes import STEP_TITLES
from checker.simulation.steps import Outcome, SimulationRun, Step
from checker.simulation.summary import failing_index, stop_index, summarize

FIX_A, FIX_B = "Fix the key file.", "Fix the network."
DOC_A, DOC_B = "troubleshooting/keyfile.md", "troubleshooting/services-unreachable.md"


def step(name, status, fix="", doc=""):
    return Step(name, status, f"{name} explained", fix=fix, doc=doc)


def make_run(steps, outcome, version="10.0", doc="troubleshooting/index.md"):
    return SimulationRun("demo", "A demo", version, version + ".7", tuple(steps), outcome, doc, "")


MIXED = make_run([
    step("read-keyfile", "ok"), step("save-key", "ok"),
    step("decrypt-key", "warning", FIX_A, DOC_A),
    step("services-check", "error", FIX_B, DOC_B),
    step("registration-info", "error", FIX_A, DOC_A),
    step("build-message", "error", FIX_B, DOC_A),
    step("cache", "skipped"), step("offers", "skipped"),
], Outcome("error", "First line of GLPI's words\nsecond line", "Setup > General > GLPI Network tab"))


def test_summary_of_a_failing_run_word_for_word():
    assert summarize(MIXED).to_dict() == {
        "status": "error",
        "glpi_shows": "First line of GLPI's words\nsecond line",
        "shown_on": "Setup > General > GLPI Network tab",
        "headline": "GLPI 10.0 shows “First line of GLPI's words …”",
        "shows_line": "GLPI 10.0 shows (Setup > General > GLPI Network tab):",
        "failing_line": f"Goes wrong at step 3: {STEP_TITLES['decrypt-key']}",
        "failing_step": {"number": 3, "name": "decrypt-key", "title": STEP_TITLES["decrypt-key"],
                         "status": "warning"},
        "stops_at": {"number": 6, "name": "build-message", "title": STEP_TITLES["build-message"],
                     "status": "error"},
        "fix": FIX_A,
        "doc": "troubleshooting/keyfile/",
        "verdict": "GLPI 10.0 shows “First line of GLPI's words …” It goes wrong at step 3 of 8: "
                   f"{STEP_TITLES['decrypt-key']} (warning). GLPI stops after step 6; 2 steps are "
                   "not reached.",
        "announcement": "GLPI 10.0 shows “First line of GLPI's words …” It goes wrong at step 3 of "
                        f"8: {STEP_TITLES['decrypt-key']} (warning). GLPI stops after step 6; 2 "
                        f"steps are not reached. Fix: {FIX_A}",
        "groups": [
            {"status": "ok", "steps": [1, 2], "label": "2 steps OK", "folded": True,
             "show_fix": [False, False], "show_doc": [False, False]},
            # The top already shows FIX_A and DOC_A: only what is new is shown again.
            {"status": "warning", "steps": [3], "label": STEP_TITLES["decrypt-key"], "folded": False,
             "show_fix": [False], "show_doc": [False]},
            {"status": "error", "steps": [4], "label": STEP_TITLES["services-check"], "folded": False,
             "show_fix": [True], "show_doc": [True]},
            {"status": "error", "steps": [5], "label": STEP_TITLES["registration-info"],
             "folded": False, "show_fix": [False], "show_doc": [False]},
            {"status": "error", "steps": [6], "label": STEP_TITLES["build-message"], "folded": False,
             "show_fix": [False], "show_doc": [False]},
            {"status": "skipped", "steps": [7, 8], "label": "2 steps not reached", "folded": True,
             "show_fix": [False, False], "show_doc": [False, False]},
        ],
    }


def test_a_warning_glpi_only_warns_about_needs_attention():
    run = make_run([step("read-keyfile", "ok"), step("save-key", "warning", FIX_A, DOC_A),
                    step("decrypt-key", "ok")], Outcome("warning", "A warning", ""), version="11.0")
    summary = summarize(run)
    assert summary.failing_line == f"Needs attention at step 2: {STEP_TITLES['save-key']}"
    assert summary.verdict == ("GLPI 11.0 shows “A warning” It needs attention at step 2 of 3: "
                               f"{STEP_TITLES['save-key']} (warning).")
    assert summary.shows_line == "GLPI 11.0 shows:"  # no place named: no brackets
    assert summary.stops_at is None  # GLPI goes to the end
    assert [group.label for group in summary.groups] == ["1 step OK", STEP_TITLES["save-key"], "1 step OK"]


def test_a_warning_step_in_a_run_glpi_reports_as_an_error_goes_wrong():
    run = make_run([step("save-key", "warning", FIX_A)], Outcome("error", "Broken", ""))
    assert summarize(run).failing_line == f"Goes wrong at step 1: {STEP_TITLES['save-key']}"


def test_an_error_step_goes_wrong_even_when_glpi_only_warns():
    run = make_run([step("save-key", "error", FIX_A)], Outcome("warning", "Hmm", ""))
    assert summarize(run).failing_line.startswith("Goes wrong at step 1:")


def test_a_run_where_every_step_goes_fine():
    run = make_run([step("read-keyfile", "ok"), step("offers", "ok")],
                   Outcome("ok", "", ""), doc="tutorials/register.md")
    summary = summarize(run)
    assert summary.headline == "GLPI 10.0 shows “”"
    assert summary.failing_line == "Every step goes as it should."
    assert summary.verdict == summary.announcement == "GLPI 10.0 shows “” Every step goes as it should."
    assert (summary.fix, summary.doc, summary.failing_step) == ("", "tutorials/register.md", None)
    assert summary.to_dict()["doc"] == "tutorials/register/"
    assert summary.to_dict()["failing_step"] is None and summary.to_dict()["stops_at"] is None


def test_a_failing_step_without_a_page_links_the_scenarios_page():
    run = make_run([step("save-key", "error", FIX_A)], Outcome("error", "x", ""),
                   doc="troubleshooting/index.md")
    summary = summarize(run)
    assert summary.doc == "troubleshooting/index.md" and summary.fix == FIX_A
    # The step's own doc is "" and the top shows the scenario's page: nothing to show again.
    assert summary.groups[0].show_doc == (False,)


def test_a_failing_step_without_a_fix_announces_the_verdict_alone():
    run = make_run([step("save-key", "error"), step("cache", "skipped")], Outcome("error", "x", ""))
    summary = summarize(run)
    assert summary.fix == "" and summary.announcement == summary.verdict
    assert summary.verdict.endswith("GLPI stops after step 1; 1 step is not reached.")


def test_the_same_fix_twice_in_the_list_is_shown_the_first_time_only():
    run = make_run([step("save-key", "error", FIX_A, DOC_A), step("decrypt-key", "error", FIX_B, DOC_B),
                    step("cache", "warning", FIX_B, DOC_B)], Outcome("error", "x", ""))
    show = [(group.show_fix, group.show_doc) for group in summarize(run).groups]
    assert show == [((False,), (False,)), ((True,), (True,)), ((False,), (False,))]


@pytest.mark.parametrize("statuses, failing, stop", [
    ((), None, None),
    (("ok", "ok"), None, None),
    (("ok", "warning", "error"), 1, None),
    (("ok", "error", "skipped"), 1, 1),
    (("error", "skipped", "skipped"), 0, 0),
    (("skipped", "skipped"), None, None),  # never started: no step to stop after
    (("skipped", "ok", "skipped"), None, 1),
])
def test_where_it_goes_wrong_and_where_glpi_stops(statuses, failing, stop):
    steps = tuple(step(f"s{index}", status) for index, status in enumerate(statuses))
    assert failing_index(steps) == failing
    assert stop_index(steps) == stop


def test_a_step_without_a_title_keeps_its_id_in_the_summary():
    run = make_run([step("some-new-step", "error", FIX_A)], Outcome("error", "x", ""))
    summary = summarize(run)
    assert summary.failing_step.title == "some-new-step"
    assert summary.groups[0].label == "some-new-step"
