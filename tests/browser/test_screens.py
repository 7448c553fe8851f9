"""Every screen, theme and medium: the checker and a troubleshooting page fit a 390 px phone and
a 1280 px desktop in the light and the dark palette; paper gets the text and the addresses,
not the widgets; the 404 page leads somewhere; links name their target; the status line and
the report button follow what the reader did.

Screenshots of /checker/ (a verdict and a simulator run, at both widths, in both palettes) are
written to test-results/screens/ (pytest-playwright's --output folder, emptied at the start of
each session) for a person to review.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from checker.findings import CATALOGUE

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 60_000
KEY = base64.b64encode(json.dumps({"subscription": "standard", "email": "admin@example.org",
                                   "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()
# A label, a line break and quotes: the fullest verdict (repaired key, several findings).
DAMAGED = "Registration key: \u201c" + KEY[:70] + "\n" + KEY[70:] + "\u201d"
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
SIMULATED = ("dns-failure", "10.0")  # a failing run: error badges, fix, HTTP detail

# Elements of the content that stick out of the viewport, or of the widget card they belong to.
# Content inside a scrolling box (Material's table and code wrappers) scrolls there instead.
OVERFLOW = """() => {
  const viewport = document.documentElement.clientWidth;
  const scrolls = (element, stop) => {
    for (let box = element.parentElement; box && box !== stop; box = box.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase() +
    [...element.attributes].filter((a) => a.name.startsWith("data-") || a.name === "class")
      .map((a) => `[${a.name}="${a.value.slice(0, 40)}"]`).join("");
  const problems = [];
  if (document.documentElement.scrollWidth > viewport) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport`);
  }
  for (const element of document.querySelectorAll(".md-content *")) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > viewport + 0.5 && !scrolls(element, null)) {
      problems.push(`${name(element)} ends at ${Math.round(box.right)} px, past the viewport (${viewport} px)`);
    }
  }
  for (const widget of document.querySelectorAll(".kc-widget")) {
    const card = widget.getBoundingClientRect();
    for (const element of widget.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width && box.right > card.right + 0.5 && !scrolls(element, widget)) {
        problems.push(`${name(element)} ends at ${Math.round(box.right)} px, past its card (${Math.round(card.right)} px)`);
      }
    }
  }
  return problems.slice(0, 15);
}"""


@pytest.fixture(scope="session")
def screens_dir(pytestconfig) -> Path:
    folder = Path(pytestconfig.getoption("--output")) / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_screen(browser, site, path: str, width: int, scheme: str, widget: str | None = "[data-checker]"):
    context = browser.new_context(base_url=site.url, viewport={"width": width, "height": 900},
                                  color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    # The palette follows the system's preference unless the reader picked one.
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    if widget:
        page.locator(widget).first.scroll_into_view_if_needed()  # a simulator alone starts Python when reached
        page.wait_for_selector(f"{widget}[data-state=ready]", timeout=READY_TIMEOUT_MS)
    return context, page


def run_simulator(page, scenario: str, version: str, root: str = "[data-simulator]"):
    simulator = page.locator(root).first
    simulator.locator("select[data-simulator-scenario]:not([disabled])").wait_for(timeout=READY_TIMEOUT_MS)
    simulator.locator("select[data-simulator-version]").select_option(version)
    simulator.locator("select[data-simulator-scenario]").select_option(scenario)
    simulator.locator("[data-simulator-run]").click()
    simulator.locator("[data-simulator-outcome]").wait_for()
    return simulator


def shoot(page, element, path: Path) -> None:
    """The element as laid out in the whole page: an element screenshot would scroll it under
    Material's sticky header, which then covers its top."""
    box = element.evaluate("""element => { const r = element.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }""")
    page.screenshot(path=path, full_page=True, clip=box)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_checker_fits_the_screen_in_both_palettes(browser, site, check_key, screens_dir, width, scheme):
    context, page = open_screen(browser, site, "/checker/", width, scheme)
    try:
        assert page.evaluate(OVERFLOW) == [], "before any input"
        shown = check_key(page, DAMAGED)
        assert shown["status"] == "warning" and shown["normalized"] == KEY
        assert page.evaluate(OVERFLOW) == [], "with a repaired key shown"
        shoot(page, page.locator("[data-checker]"), screens_dir / f"checker-verdict-{width}-{scheme}.png")

        simulator = run_simulator(page, *SIMULATED)
        simulator.locator("details").first.evaluate("element => { element.open = true; }")
        assert page.evaluate(OVERFLOW) == [], "with a simulator run shown"
        shoot(page, simulator, screens_dir / f"checker-simulation-{width}-{scheme}.png")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_troubleshooting_page_fits_a_phone(browser, site, scheme):
    context, page = open_screen(browser, site, "/troubleshooting/unable-to-fetch/", 390, scheme, "[data-simulator]")
    try:
        assert page.evaluate(OVERFLOW) == []
        preset = page.locator("[data-simulator-preset]").first
        preset.locator("[data-simulator-run]:not([disabled])").click()
        preset.locator("[data-simulator-outcome]").wait_for()
        assert page.evaluate(OVERFLOW) == []
    finally:
        context.close()


def test_no_page_is_wider_than_a_phone(browser, site):
    """Every page of the sitemap at 390 px: long addresses and commands in the text wrap, tables
    and code blocks scroll inside their own box."""
    from test_trust_a11y import sitemap_paths

    context = browser.new_context(base_url=site.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    found = {}
    try:
        for path in sitemap_paths(site) + ["/404.html"]:
            page.goto(path, wait_until="load")
            problems = page.evaluate(OVERFLOW)
            if problems:
                found[path] = problems
    finally:
        context.close()
    assert found == {}


def test_the_repaired_key_wraps_on_a_phone(browser, site, check_key):
    context, page = open_screen(browser, site, "/checker/", 390, "light")
    try:
        check_key(page, DAMAGED)
        key = page.locator("[data-checker-normalized]")
        lines = key.evaluate("element => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight))")
        assert lines > 1, "a 300-character key cannot fit one line of a phone"
        assert key.inner_text() == KEY  # wrapped on screen only: the text is still one line
    finally:
        context.close()


# --- paper ------------------------------------------------------------------------------------

def test_print_hides_the_widgets_and_writes_link_addresses(open_page, site):
    page = open_page("/checker/", wait_ready=False).page
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    for widget in ("[data-checker]", "[data-keyfile]", "[data-simulator]"):
        assert page.locator(widget).evaluate("element => getComputedStyle(element).display") == "none", widget
    link = page.locator(".md-content a[href$='reference/findings/']").first
    after = link.evaluate("element => getComputedStyle(element, '::after').content")
    assert f"{site.url}reference/findings/" in after
    # Links inside the page itself get no address: it would only repeat the page's own.
    for anchor in page.locator(".md-content a.headerlink").all()[:3]:
        assert anchor.evaluate("element => getComputedStyle(element).display") == "none"
    page.emulate_media(media="screen")
    assert page.locator("[data-checker]").evaluate("element => getComputedStyle(element).display") != "none"


# --- the 404 page -----------------------------------------------------------------------------

def test_404_page_offers_search_troubleshooting_and_the_checker(browser, site):
    context = browser.new_context(base_url=site.url)
    page = context.new_page()
    try:
        page.goto("/404.html")
        content = page.locator(".md-content")
        assert content.locator("a[href$='/troubleshooting/']").count() == 1
        assert content.locator("a[href$='/checker/']").count() == 1
        page.fill("[role=search] input[name=q]", "registration key is invalid")
        page.locator("[role=search] button[type=submit]").click()
        # Material opens its search with the words, and finds GLPI's message.
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        assert page.locator(".md-search__input").input_value() == "registration key is invalid"
        assert "The registration key is invalid" in page.locator(".md-search-result").inner_text()
    finally:
        context.close()


# --- links, status line, report button ------------------------------------------------------

def widget_links(page) -> list[dict]:
    return page.eval_on_selector_all(
        "[data-checker] a, [data-simulator] a, [data-keyfile] a",
        "links => links.map(a => ({text: a.textContent.trim(), href: a.href}))")


def test_links_name_their_target_and_never_the_page_itself(checker_page, open_page, check_key, site):
    page = checker_page.page
    check_key(page, KEY)
    register = page.locator("[data-finding=key-well-formed] a[href$='tutorials/register/']")
    assert register.inner_text() == "Register an instance"  # the page's title, as the sidebar says it
    run_simulator(page, *SIMULATED)
    links = widget_links(page)
    assert links
    for link in links:
        assert link["text"] and link["text"] != "Read more", link
        assert "/" not in link["text"], f"a path, not a title: {link}"
        assert not link["href"].startswith(f"{site.url}checker/"), f"points to the page itself: {link}"

    page = open_page("/troubleshooting/unable-to-fetch/", wait_ready="[data-simulator]").page
    preset = page.locator("[data-simulator-preset]").first
    preset.locator("[data-simulator-run]:not([disabled])").click()
    preset.locator("[data-simulator-outcome]").wait_for()
    this_page = f"{site.url}troubleshooting/unable-to-fetch/"
    for link in widget_links(page):
        assert link["text"] != "Read more", link
        assert link["href"].split("#")[0] != this_page, f"points to the page itself: {link}"


def test_status_line_says_what_happened_and_report_needs_input(checker_page, check_key):
    page = checker_page.page
    page.fill("[data-checker-input]", "")
    report = page.locator("[data-checker-copy-report]")
    page.wait_for_selector("[data-checker-copy-report][disabled]")  # nothing to report yet
    check_key(page, KEY)
    assert report.is_enabled()
    status = page.locator("[data-checker-status]").inner_text()
    assert "ready" not in status and f"Checked {len(KEY)} characters" in status
    page.fill("[data-checker-input]", "")
    page.wait_for_selector("[data-checker-copy-report][disabled]")
    run_simulator(page, *SIMULATED)
    assert "GLPI 10.0" in page.locator("[data-simulator-status]").inner_text()


def test_hello_world_is_text_not_several_values(checker_page, check_key):
    shown = check_key(checker_page.page, "hello world")
    assert shown["kind"] == "unknown"
    assert "paste-several-values" not in shown["codes"]
    assert CATALOGUE["paste-several-values"].title not in shown["text"]


@pytest.mark.parametrize("text", [KEY, DAMAGED, KEY[:-7], "hello world"])
def test_copied_report_uses_the_verdict_words_of_the_screen(checker_page, check_key, text):
    page = checker_page.page
    check_key(page, text)
    verdict = page.locator("[data-checker-verdict]").inner_text().strip()
    area = page.locator("[data-checker-report]")
    before = area.input_value()
    page.locator("[data-checker-copy-report]").click()
    page.wait_for_function("before => document.querySelector('[data-checker-report]').value !== before", arg=before)
    assert verdict in area.input_value()
