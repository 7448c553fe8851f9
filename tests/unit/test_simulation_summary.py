"""The answer first: the summary the CLI and the page both lead with, computed once."""

import pytest

from checker.cli import main
from checker import glpi_texts as texts
from checker.simulation import SCENARIOS, simulate
from checker.simulation.lanes import STEP_TITLES
from checker.simulation.summary import summarize

A_WELL_FORMED_KEY = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="  # {"owner":"x","signature":"c2ln"}
ALL_RUNS = [(sid, v) for sid, s in SCENARIOS.items() for v in s.versions]


def run(scenario, version, key=None):
    return simulate(scenario, version, key if key is not None or scenario != "my-key" else "not a key")


@pytest.mark.parametrize("scenario, version, message, failing, stops", [
    ("dns-failure", "10.0", texts.UNABLE_TO_FETCH, "services-check", "marketplace-status"),
    ("dns-failure", "11.0", texts.UNABLE_TO_FETCH, "registration-info", "marketplace-status"),
    ("invalid-key", "9.5", texts.INVALID, "build-message", "marketplace-status"),
    ("keyfile-missing", "9.5", texts.KEYFILE_95_MISSING, "read-keyfile", "save-key"),
    ("key-regenerated", "11.0", texts.NO_KEY_INTRO["11.0"], "decrypt-key", "marketplace-status"),
    # The root cause, not the first red line: the console kept the line end, then the call failed.
    ("cli-trailing-newline", "10.0", texts.UNABLE_TO_FETCH, "save-key", "marketplace-status"),
    ("http-400-html", "10.0", texts.UNABLE_TO_FETCH, "decrypt-key", "marketplace-status"),
    ("higher-offer-required", "11.0", "You need a superior GLPI-Network offer", "plugin-access", None),
])
def test_glpis_message_and_the_failing_step_come_first(scenario, version, message, failing, stops):
    result = run(scenario, version)
    summary = summarize(result)
    assert message in summary.glpi_shows and summary.glpi_shows == result.outcome.message
    assert summary.headline.startswith(f"GLPI {version} shows “")
    assert summary.failing_step.name == failing
    step = result.step(failing)
    assert summary.failing_step.number == result.steps.index(step) + 1
    assert summary.failing_step.title == STEP_TITLES[failing]
    assert summary.failing_line == f"Goes wrong at step {summary.failing_step.number}: {STEP_TITLES[failing]}"
    assert summary.shows_line.startswith(f"GLPI {version} shows") and summary.shows_line.endswith(":")
    assert summary.fix == step.fix and summary.fix
    assert (summary.stops_at and summary.stops_at.name) == stops
    # What a screen reader hears: GLPI's words, the step, the fix; not the whole trace.
    assert summary.announcement.startswith(summary.headline)
    assert STEP_TITLES[failing] in summary.announcement and summary.fix in summary.announcement
    assert not any(s.explanation in summary.announcement for s in result.steps)


def test_a_valid_run_says_every_step_went_fine():
    summary = summarize(simulate("valid", "11.0"))
    assert summary.status == "ok" and summary.failing_step is None and summary.stops_at is None
    assert summary.glpi_shows == texts.VALID and "Every step goes as it should." in summary.verdict
    assert [g.label for g in summary.groups] == [f"{len(simulate('valid', '11.0').steps)} steps OK"]


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_groups_fold_runs_of_ok_and_skipped_steps_and_keep_every_step_once(scenario, version):
    result = run(scenario, version)
    groups = summarize(result).groups
    assert [n for g in groups for n in g.numbers] == list(range(1, len(result.steps) + 1))
    for group in groups:
        statuses = {result.steps[n - 1].status for n in group.numbers}
        assert statuses == {group.status}
        if group.folded:
            assert group.status in ("ok", "skipped")
            word = "OK" if group.status == "ok" else "not reached"
            assert group.label == f"{len(group.numbers)} step{'s' if len(group.numbers) > 1 else ''} {word}"
        else:
            assert len(group.numbers) == 1 and group.label == result.steps[group.numbers[0] - 1].title
    for before, after in zip(groups, groups[1:]):
        assert not (before.folded and after.folded and before.status == after.status)


def test_skipped_steps_fold_into_one_line():
    groups = summarize(simulate("keyfile-missing", "9.5")).groups
    assert groups[-1].folded and groups[-1].label == "10 steps not reached"


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_each_fix_is_shown_once(scenario, version):
    result = run(scenario, version)
    summary = summarize(result)
    shown = [summary.fix] if summary.fix else []
    for group in summary.groups:
        shown += [result.steps[n - 1].fix for n, show in zip(group.numbers, group.show_fix) if show]
    assert len(shown) == len(set(shown))
    assert set(shown) == {step.fix for step in result.steps if step.fix}


def test_cli_output_leads_with_the_summary(capsys):
    assert main(["simulate", "--scenario", "dns-failure", "--glpi-version", "10.0"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("✗ GLPI 10.0 shows")
    assert lines[1].strip() == f"» {texts.UNABLE_TO_FETCH}"
    assert "Goes wrong at step 4: GLPI checks that GLPI Network is reachable" in lines[2]
    assert lines[3] == f"  Fix: {SCENARIOS['dns-failure'].fix}"
    assert out.count(SCENARIOS["dns-failure"].fix) == 1  # the same fix, printed once
    assert "GLPI asks GLPI Network about the key  [registration-info]" in out


def test_json_carries_the_summary_and_step_titles(capsys):
    main(["simulate", "--scenario", "valid", "--json"])
    import json
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["glpi_shows"] == texts.VALID and data["summary"]["failing_step"] is None
    assert all(step["title"] == STEP_TITLES[step["name"]] for step in data["steps"])


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_every_step_has_a_readable_title(scenario, version):
    for step in run(scenario, version).steps:
        assert step.name in STEP_TITLES, step.name
