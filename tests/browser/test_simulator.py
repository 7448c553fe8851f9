"""The simulator in the page: the same runs as checker.simulation.simulate, shown as a timeline."""

from __future__ import annotations

import base64
import json

import pytest

from checker.glpi_versions import releases
from checker.simulation import SCENARIOS, VERSIONS, simulate

pytestmark = pytest.mark.browser

SIMULATOR = "[data-simulator]"


def run_simulation(page, scenario: str, version: str, root: str = SIMULATOR) -> dict:
    simulator = page.locator(root).first
    simulator.locator("select[data-simulator-version]").select_option(version)
    simulator.locator("select[data-simulator-scenario]").select_option(scenario)
    simulator.locator("[data-simulator-run]").click()  # clears the previous run at once
    outcome = simulator.locator("[data-simulator-outcome]")
    outcome.wait_for()
    steps = simulator.locator("[data-simulator-step]")
    return {
        "steps": [(steps.nth(i).get_attribute("data-name"), steps.nth(i).get_attribute("data-status"))
                  for i in range(steps.count())],
        "outcome": (outcome.get_attribute("data-status"), outcome.inner_text()),
    }


def expected(scenario: str, version: str, key: str | None = None) -> dict:
    run = simulate(scenario, version, key=key).to_dict()
    return {"steps": [(step["name"], step["status"]) for step in run["steps"]],
            "outcome": (run["outcome"]["status"], run["outcome"]["message"])}


def test_scenario_options_are_the_catalogue_ids(checker_page):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR}[data-state=ready] select[data-simulator-scenario]:not([disabled])")
    ids = page.eval_on_selector_all("select[data-simulator-scenario] option", "items => items.map(o => o.value)")
    assert ids == list(SCENARIOS)
    versions = page.eval_on_selector_all("select[data-simulator-version] option", "items => items.map(o => o.value)")
    assert versions == list(VERSIONS) + [r for branch in VERSIONS for r in releases(branch)]


@pytest.mark.parametrize("scenario, version", [
    ("valid", "11.0"), ("invalid-key", "10.0"), ("keyfile-wrong-size", "9.5"), ("rate-limited", "10.0"),
])
def test_runs_show_each_step_and_glpis_message(checker_page, scenario, version):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    assert run_simulation(page, scenario, version) == expected(scenario, version)


def test_http_detail_is_behind_a_toggle(checker_page):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    run_simulation(page, "http-400-html", "10.0")
    step = page.locator("[data-simulator-step][data-name=registration-info]")
    detail = step.locator("details pre")
    assert detail.is_hidden()
    step.locator("details summary").click()
    assert "GET /api/registration/info" in detail.inner_text()


def test_my_key_runs_the_pasted_key(checker_page, check_key):
    page = checker_page.page
    key = base64.b64encode(json.dumps({"signature": "c2ln" * 30}).encode()).decode()
    check_key(page, key)
    assert run_simulation(page, "my-key", "11.0") == expected("my-key", "11.0", key=key)


def test_scenarios_missing_from_a_version_cannot_be_picked(checker_page):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    page.select_option("select[data-simulator-version]", "9.5")
    disabled = page.eval_on_selector_all("select[data-simulator-scenario] option:disabled", "items => items.map(o => o.value)")
    assert disabled == [s.id for s in SCENARIOS.values() if "9.5" not in s.versions]


def test_troubleshooting_page_preset(open_page, wait_ready):
    page = open_page("/troubleshooting/unable-to-fetch/", wait_ready=False).page
    preset = page.locator("[data-simulator-preset]").first
    preset.scroll_into_view_if_needed()  # Python starts when the simulator comes near the viewport
    wait_ready(page, "[data-simulator]")
    scenario = preset.get_attribute("data-simulator-preset")
    preset.locator("select[data-simulator-scenario]:not([disabled])").wait_for()
    assert preset.locator("select[data-simulator-scenario]").input_value() == scenario
    version = preset.locator("select[data-simulator-version]").input_value()
    assert version == SCENARIOS[scenario].versions[-1]
    assert run_simulation(page, scenario, version, root="[data-simulator-preset]") == expected(scenario, version)


@pytest.mark.parametrize("scenario, version", [("dns-failure", "10.0"), ("keyfile-missing", "9.5"), ("valid", "11.0")])
def test_the_answer_comes_first_then_the_diagram(checker_page, scenario, version):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    run_simulation(page, scenario, version)
    summary = simulate(scenario, version).to_dict()["summary"]
    result = page.locator(f"{SIMULATOR} [data-simulator-result]").first
    # The first lines the reader sees: GLPI's message, then the step where it goes wrong.
    first_lines = [line for line in result.inner_text().splitlines() if line.strip()][:4]
    assert summary["glpi_shows"].splitlines()[0] in first_lines[1]
    failing = summary["failing_step"]
    assert first_lines[2] == summary["failing_line"]
    if failing:
        assert first_lines[2] == f"Goes wrong at step {failing['number']}: {failing['title']}"
        assert result.locator("[data-simulator-summary] .kc-sim-fix").inner_text() == f"Fix: {summary['fix']}"
    else:
        assert first_lines[2] == "Every step goes as it should."
    # The fix is said once: the scenario's own Fix line gives way to the summary's.
    scenario_fix = page.locator(f"{SIMULATOR} [data-scenario-fix]").first
    assert scenario_fix.is_hidden() == bool(summary["fix"])
    # Then the diagram, drawn: an SVG with a size, one group per step.
    children = result.evaluate("el => [...el.children].map(c => c.getAttribute('data-simulator-summary') !== null ? 'summary' : c.tagName.toLowerCase())")
    assert children[:2] == ["summary", "figure"]
    svg = result.locator("[data-simulator-diagram] svg[role=img]")
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200
    assert svg.get_attribute("aria-label").count(summary["headline"]) == 1
    assert svg.locator("g.kc-d-step").count() == len(simulate(scenario, version).steps)
    # Screen readers are told the summary, not the trace.
    announce = page.locator(f"{SIMULATOR} [data-simulator-announce]").first
    assert announce.get_attribute("aria-live") == "polite"
    assert announce.inner_text() == summary["announcement"]
    assert result.get_attribute("aria-live") is None


def test_ok_and_skipped_steps_fold_into_one_line_each(checker_page):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    run_simulation(page, "keyfile-missing", "9.5")
    groups = page.locator(f"{SIMULATOR} [data-simulator-group]")
    assert groups.count() == 1
    line = groups.first.locator("summary")
    assert line.inner_text().startswith("– 10 steps not reached: GLPI decrypts the stored key")
    assert groups.first.locator("[data-simulator-step]").first.is_hidden()
    line.click()
    assert groups.first.locator("[data-simulator-step]").first.is_visible()
    # The fix is shown once, at the top: not again on each failing step.
    fix = SCENARIOS["keyfile-missing"].fix
    assert page.locator(f"{SIMULATOR} [data-simulator-result]").first.inner_text().count(fix) == 1


@pytest.mark.parametrize("scenario, version", [(s.id, v) for s in SCENARIOS.values() for v in s.versions
                                               if s.id != "my-key"])
def test_every_scenario_and_version_draws_its_diagram(checker_page, scenario, version):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    run_simulation(page, scenario, version)
    svg = page.locator(f"{SIMULATOR} [data-simulator-diagram] svg").first
    assert svg.get_attribute("data-scenario") == scenario and svg.get_attribute("data-glpi-version") == version
    assert svg.bounding_box()["width"] > 200


def test_my_key_diagram_never_shows_the_key(checker_page, check_key):
    page = checker_page.page
    key = base64.b64encode(json.dumps({"signature": "c2ln" * 30, "x": "<img src=x onerror=alert(1)>"}).encode()).decode()
    check_key(page, key)
    run_simulation(page, "my-key", "11.0")
    markup = page.locator(f"{SIMULATOR} [data-simulator-diagram]").first.evaluate("el => el.innerHTML")
    assert key[:12] not in markup and "<img" not in markup


def test_explanation_page_shows_the_diagram(open_page):
    page = open_page("/explanation/key-vs-keyfile/", wait_ready=False).page
    svg = page.locator("figure.kc-sim-diagram svg[role=img]")
    assert svg.count() == 1 and svg.get_attribute("data-scenario") == "key-regenerated"
    assert svg.bounding_box()["width"] > 200


def test_unknown_preset_shows_an_error_instead_of_playing_another(open_page):
    def rename_preset(route):
        response = route.fetch()
        body = response.text().replace('data-simulator-preset="http-400-html"',
                                       'data-simulator-preset="no-such-scenario"')
        route.fulfill(response=response, body=body)

    page = open_page("/troubleshooting/unable-to-fetch/", wait_ready=False,
                     route=("**/troubleshooting/unable-to-fetch/", rename_preset)).page
    preset = page.locator("[data-simulator-preset]").first
    preset.scroll_into_view_if_needed()  # Python starts when the simulator comes near the viewport
    preset.locator("select[data-simulator-scenario]:not([disabled])").wait_for()
    error = preset.locator("[data-simulator-result]")
    error.get_by_text("no-such-scenario").wait_for()
    assert "does not have" in error.inner_text()
    assert preset.locator("[data-simulator-run]").is_disabled()  # nothing plays in its place
    assert preset.locator("[data-simulator-outcome]").count() == 0
    preset.locator("select[data-simulator-scenario]").select_option("dns-failure")
    assert preset.locator("[data-simulator-run]").is_enabled()


def test_a_release_can_be_picked_and_plays_that_release(checker_page):
    page = checker_page.page
    page.wait_for_selector(f"{SIMULATOR} select[data-simulator-scenario]:not([disabled])")
    page.select_option("select[data-simulator-version]", "11.0.1")
    disabled = page.eval_on_selector_all("select[data-simulator-scenario] option:disabled",
                                         "items => items.map(o => o.value)")
    assert "marketplace-upgrade-unregistered" in disabled  # 11.0.2 and later only
    assert run_simulation(page, "keyfile-missing", "11.0.1") == expected("keyfile-missing", "11.0.1")
    assert run_simulation(page, "valid", "11.0.3") == expected("valid", "11.0.3")
