"""The generated reference pages cover both catalogues, and every page the catalogues name exists."""

from __future__ import annotations

import argparse
import re
from urllib.parse import urljoin

from checker.cli import build_parser
from checker.findings import CATALOGUE
from checker.pages import FINDINGS_PAGE, SCENARIOS_PAGE, page_url
from checker.simulation.scenarios import SCENARIOS
from docs_site import REPO, SITE_URL


def _letters(text: str) -> str:
    """Text as a reader sees it, without the code spans' back quotes and without whitespace
    (the page's text joins its text nodes with spaces, e.g. after a <code>)."""
    return "".join(text.replace("`", "").split())


def test_findings_page_has_an_anchor_per_code(pages):
    page = pages[page_url(FINDINGS_PAGE)]
    missing = [code for code in CATALOGUE if code not in page.ids]
    assert not missing, f"no heading for: {missing}"


def test_findings_page_shows_each_fix_from_the_catalogue(pages):
    page = pages[page_url(FINDINGS_PAGE)]
    shown = _letters(page.text)
    # Titles and fixes are catalogue text: the page must show them, not a paraphrase.
    for spec in CATALOGUE.values():
        assert spec.title in page.text, spec.code
        assert _letters(spec.fix) in shown, f"{spec.code}: fix not shown"


def test_each_finding_doc_points_at_its_anchor(pages):
    for spec in CATALOGUE.values():
        url, _, anchor = page_url(spec.doc).partition("#")
        assert anchor in pages[url].ids, spec.doc


def test_every_see_also_page_exists(site):
    missing = [f"{spec.code}: {path}" for spec in CATALOGUE.values() for path in spec.see_also
               if not (site / page_url(path).partition("#")[0] / "index.html").is_file()]
    assert not missing, missing


def test_scenarios_page_has_an_anchor_per_scenario(pages):
    page = pages[page_url(SCENARIOS_PAGE)]
    missing = [scenario_id for scenario_id in SCENARIOS if scenario_id not in page.ids]
    assert not missing, f"no heading for: {missing}"


def test_every_scenario_doc_page_exists(pages):
    missing = []
    for scenario in SCENARIOS.values():
        url, _, anchor = page_url(scenario.doc).partition("#")
        if url not in pages:
            missing.append(f"{scenario.id}: {scenario.doc}")
        elif anchor and anchor not in pages[url].ids:
            missing.append(f"{scenario.id}: {scenario.doc} (no anchor)")
    assert not missing, missing


def test_scenarios_page_links_each_scenario_to_its_troubleshooting_page(pages):
    page = pages[page_url(SCENARIOS_PAGE)]
    links = {urljoin(SITE_URL + page.url, e.attrs["href"]) for e in page.elements
             if e.tag == "a" and "href" in e.attrs}
    for scenario in SCENARIOS.values():
        assert urljoin(SITE_URL, page_url(scenario.doc)) in links, scenario.id


def test_cli_reference_documents_every_command(pages):
    commands = next(action.choices for action in build_parser()._actions
                    if isinstance(action, argparse._SubParsersAction))
    page = pages["reference/cli/"]
    for command in commands:
        assert command in page.ids, f"reference/cli.md has no `{command}` section"
        assert f"usage: glpi-keycheck {command}" in page.text, f"no usage block for {command}"


def test_http_calls_page_is_generated_from_the_simulators_requests(pages):
    """Each release range has its section, and every request line and header GLPI sets is on
    the page exactly as the simulator sends it (Accept:application/json, no space)."""
    import sys

    sys.path.insert(0, str(REPO / "scripts" / "hooks"))
    from catalogue_pages import release_ranges

    from checker.simulation.calls import glpi_calls

    assert not (REPO / "docs" / "reference" / "http-calls.md").exists()  # generated, never stored
    page = pages["reference/http-calls/"]
    ranges = release_ranges()
    assert [first for first, _, _ in ranges] == ["9.5.0", "10.0.0", "10.0.8", "11.0.0", "11.0.2", "11.0.4"]
    for first, last, version in ranges:
        assert "glpi-" + first.replace(".", "-") in page.ids
        for call in glpi_calls(version):
            assert f"GET {call.request.url}" in page.text, (first, call.name)
            for line in call.request.header_lines:
                assert line in page.text, (first, call.name, line)
    assert "Accept:application/json" in page.text and "Accept: application/json" in page.text
    assert "GET https://services.glpi-network.com/api/ping" in page.text


PRESET = re.compile(r'<div data-simulator([^>]*)>')
ATTRIBUTE = re.compile(r'data-simulator-(preset|preset-version)="([^"]*)"')


def test_every_simulator_preset_names_a_real_scenario_and_version():
    from checker.glpi_versions import parse_glpi_version

    found = []
    for path in sorted((REPO / "docs").rglob("*.md")):
        for match in PRESET.finditer(path.read_text(encoding="utf-8")):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            if "preset" not in attributes:
                continue
            name = f"{path.relative_to(REPO)}: {attributes}"
            scenario = SCENARIOS.get(attributes["preset"])
            assert scenario is not None, f"{name}: no such scenario"
            version = attributes.get("preset-version")
            if version:
                assert scenario.applies_to(parse_glpi_version(version)), name
            found.append(name)
    assert len(found) >= 10, found  # the troubleshooting pages do carry presets
