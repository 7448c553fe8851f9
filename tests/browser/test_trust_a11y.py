"""Accessibility: axe-core finds no serious or critical problem on any page, in the light and the
dark palette (widgets included, in their loaded and answered states); the checker and the
simulator work from the keyboard alone; verdicts reach screen readers through live regions."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BLOCKING = ("serious", "critical")
READY_TIMEOUT_MS = 60_000
MAX_TABS = 250  # the nav lists every page; the checker comes after it

KEY = base64.b64encode(json.dumps({"subscription": "standard", "email": "admin@example.org",
                                   "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()
AXE = Axe()


def sitemap_paths(site) -> list[str]:
    tree = ElementTree.parse(site.dir / "sitemap.xml")
    return ["/" + element.text.strip()[len(site.url):] for element in tree.iter(f"{SITEMAP_NS}loc")]


WIDGETS = {"include": [["[data-checker]"], ["[data-keyfile]"], ["[data-simulator]"]]}


def blocking_violations(page, context=None) -> list[str]:
    results = AXE.run(page, context=context)
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                        for node in violation["nodes"][:5])
            for violation in results.response["violations"] if violation["impact"] in BLOCKING]


# Every page is built from one template: its header, tabs, navigation, search and footer are
# audited in full on these pages, and every page's own content on its own.
WHOLE_PAGES = ("/", "/checker/", "/troubleshooting/unable-to-fetch/", "/404.html")
CONTENT = {"include": [[".md-content"]]}


# Material follows the system's light or dark preference: both palettes are audited.
PALETTES = {"light": "default", "dark": "slate"}


def palette_context(browser, site, scheme: str):
    return browser.new_context(base_url=site.url, color_scheme=scheme)


def assert_palette(page, scheme: str) -> None:
    assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[scheme]


@pytest.mark.parametrize("scheme", PALETTES)
def test_no_serious_or_critical_violation_on_any_page(browser, site, scheme):
    context = palette_context(browser, site, scheme)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    paths = sitemap_paths(site) + ["/404.html"]
    assert set(WHOLE_PAGES) <= set(paths)
    try:
        for path in paths:
            page.goto(path, wait_until="load")
            assert_palette(page, scheme)
            problems = blocking_violations(page, None if path in WHOLE_PAGES else CONTENT)
            if problems:
                found[path] = problems
    finally:
        context.close()
    by_rule: dict[str, list[str]] = {}
    for path, problems in found.items():
        for problem in problems:
            rule, _, where = problem.partition(" — ")
            by_rule.setdefault(rule, []).append(f"{path} {where}")
    assert found == {}, f"{len(found)} of {len(paths)} pages:\n" + "\n".join(
        f"{rule} on {len(places)} pages, e.g. {places[0]}" for rule, places in by_rule.items())


@pytest.mark.parametrize("scheme", PALETTES)
def test_no_serious_or_critical_violation_in_answered_widgets(browser, site, check_key, scheme):
    context = palette_context(browser, site, scheme)
    try:
        answered_widgets_are_clean(context.new_page(), check_key, scheme)
    finally:
        context.close()


def answered_widgets_are_clean(page, check_key, scheme):
    page.goto("/checker/")
    assert_palette(page, scheme)
    page.wait_for_selector("[data-checker][data-state=ready]", timeout=READY_TIMEOUT_MS)
    check_key(page, "Registration key: " + KEY[:70] + "\n" + KEY[70:])  # a repaired key: the fullest verdict
    page.locator("[data-checker-result] details summary").first.click()
    page.locator("[data-simulator-run]").click()
    page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
    page.locator("[data-checker-copy-report]").click()
    page.wait_for_function("() => document.querySelector('[data-checker-report]').value.length > 0")
    assert blocking_violations(page, WIDGETS) == []
    page.goto("/troubleshooting/unable-to-fetch/")
    page.locator("[data-simulator-preset]").scroll_into_view_if_needed()  # starts Python when reached
    page.wait_for_selector("[data-simulator][data-state=ready]", timeout=READY_TIMEOUT_MS)
    page.locator("[data-simulator-preset] [data-simulator-run]:not([disabled])").click()
    page.locator("[data-simulator-preset] [data-simulator-outcome]").wait_for()
    assert blocking_violations(page, WIDGETS) == []


def test_error_state_has_no_serious_violation(open_page):
    watched = open_page("/checker/", init_script="window.glpiKeycheckConfig = {timeoutMs: 3000};",
                        wait_ready=False, route=("**/pyodide.asm.wasm", lambda route: route.abort()))
    watched.page.wait_for_selector("[data-checker][data-state=error]", timeout=20_000)
    assert blocking_violations(watched.page, WIDGETS) == []


# --- keyboard only ----------------------------------------------------------------------------

def tab_to(page, selector: str) -> int:
    """Press Tab until `selector` has the focus; returns how many presses it took."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return presses
    raise AssertionError(f"{selector} cannot be reached with Tab ({MAX_TABS} presses)")


def test_checker_and_simulator_work_from_the_keyboard_alone(open_page):
    page = open_page("/checker/").page
    page.wait_for_selector("select[data-simulator-version]:not([disabled])")  # scenarios loaded
    page.locator("body").focus()
    tab_to(page, "[data-checker-input]")
    page.keyboard.insert_text(KEY)  # what a paste (Ctrl+V) does
    result = page.locator("[data-checker-result]")
    page.wait_for_selector("[data-checker-result][data-status=ok]")
    assert "Well-formed" in result.inner_text()

    # The copy button and a finding's "Why?" are reachable and work with Enter and Space.
    tab_to(page, "[data-checker-copy]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /Copied|Copy failed/.test(document.querySelector('[data-checker-copy]').textContent)")
    tab_to(page, "[data-checker-result] details summary")
    page.keyboard.press("Space")
    assert page.locator("[data-checker-result] details").first.evaluate("element => element.open") is True

    # The simulator: choose the version and the scenario with the arrow keys, run with Space.
    tab_to(page, "select[data-simulator-version]")
    page.keyboard.press("Home")
    version = page.locator("select[data-simulator-version]").input_value()
    tab_to(page, "select[data-simulator-scenario]")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowDown")
    scenario = page.locator("select[data-simulator-scenario]").input_value()
    assert scenario != page.locator("select[data-simulator-scenario] option").first.get_attribute("value")
    tab_to(page, "[data-simulator-run]")
    page.keyboard.press("Space")
    outcome = page.locator("[data-simulator] [data-simulator-outcome]")
    outcome.wait_for()
    assert outcome.inner_text().strip()
    assert f"GLPI {version}" in page.locator("[data-simulator] .kc-sim-title").inner_text()
    assert page.locator("[data-simulator-step]").count() >= 1


def test_focus_is_always_visible_on_the_widgets(open_page):
    page = open_page("/checker/").page
    page.wait_for_selector("select[data-simulator-version]:not([disabled])")
    page.locator("body").focus()
    for selector in ("[data-checker-input]", "select[data-simulator-version]", "[data-simulator-run]"):
        tab_to(page, selector)
        outline = page.evaluate("""() => { const style = getComputedStyle(document.activeElement);
            return [style.outlineStyle, style.outlineWidth, style.boxShadow]; }""")
        assert outline[0] != "none" and outline[1] != "0px" or outline[2] != "none", (selector, outline)


# --- screen readers ---------------------------------------------------------------------------

def test_verdicts_are_announced_through_live_regions(open_page, check_key):
    page = open_page("/checker/").page
    result = page.locator("[data-checker-result]")
    assert result.get_attribute("aria-live") in ("polite", "assertive")
    assert page.locator("[data-checker-status]").get_attribute("role") == "status"
    verdict = check_key(page, KEY)
    assert "Well-formed GLPI Network registration key." in verdict["text"]
    # The verdict is inside the live region (not beside it), so it is read when it changes.
    assert page.locator("[data-checker-result][aria-live] [data-checker-verdict]").count() == 1
    page.locator("[data-simulator-run]").click()
    outcome = page.locator("[data-simulator-outcome]")
    outcome.wait_for()
    # The simulator's live region is told the summary (GLPI's message first), not the trace.
    announced = page.locator("[data-simulator-announce][aria-live]").inner_text()
    assert announced.startswith("GLPI ") and outcome.inner_text().strip().splitlines()[0] in announced
    assert page.locator("[aria-live] [data-simulator-step]").count() == 0
    # The input is labelled and tied to the privacy note.
    assert page.locator("label[for='kc-key']").inner_text().strip()
    assert page.locator("[data-checker-input]").get_attribute("aria-describedby") == "kc-privacy"
