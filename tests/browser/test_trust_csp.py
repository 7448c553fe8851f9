"""Every built page carries the Content-Security-Policy, and nothing on any page breaks it.

A violation means either a hole (something the policy had to block) or a broken feature, so
both count: zero `securitypolicyviolation` events and zero console errors, on every page of
the sitemap, on the 404 page, and on /checker/ after Pyodide is ready and has worked.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def make_key(**members) -> str:
    document = {"subscription": "standard", **members, "signature": "c2lnbmF0dXJl" * 20}
    return base64.b64encode(json.dumps(document).encode()).decode()


KEY = make_key()
HOSTILE_KEY = make_key(name='<img src=x onerror="window.__pwned=1">', note="<script>window.__pwned=2</script>")

# Recorded in every document (and frame) before any page script runs.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber} ${event.sample || ""}`);
});
"""


def load_hook():
    spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "scripts/hooks/csp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CSP = load_hook()


def sitemap_paths(site) -> list[str]:
    tree = ElementTree.parse(site.dir / "sitemap.xml")
    urls = [element.text.strip() for element in tree.iter(f"{SITEMAP_NS}loc")]
    assert urls and all(url.startswith(site.url) for url in urls), urls[:3]
    return ["/" + url[len(site.url):] for url in urls]


def built_pages(site) -> list[Path]:
    return sorted(site.dir.rglob("*.html"))


class Recorder:
    """Console errors, uncaught exceptions and failed requests of one browser context."""

    def __init__(self, context, page):
        self.errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console: {message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        # Leaving a page aborts its pending downloads (ERR_ABORTED): not a fault. A blocked
        # request fails with another reason (ERR_BLOCKED_BY_CSP, ERR_FILE_NOT_FOUND...).
        context.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED" and self.errors.append(
            f"request failed: {request.url} {request.failure}"))
        context.on("response", lambda response: response.status >= 400 and self.errors.append(
            f"HTTP {response.status}: {response.url}"))

    def take(self) -> list[str]:
        taken, self.errors[:] = list(self.errors), []
        return taken


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || ['violation recorder missing']")


# --- static: the policy is in every built page -------------------------------------------------

def test_every_built_page_starts_with_the_policy_and_holds_no_inline_script(site):
    pages = built_pages(site)
    assert len(pages) >= len(sitemap_paths(site)), "fewer HTML files than sitemap entries"
    meta = re.compile(r'<head[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
    inline_script = re.compile(r"<script\b(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = meta.search(text)
        where = path.relative_to(site.dir)
        assert found, f"{where}: no Content-Security-Policy <meta> first in <head>"
        assert html.unescape(found.group(1)) == CSP.POLICY, where
        assert not inline_script.search(text), f"{where}: inline script left: {inline_script.search(text).group(0)}"
        assert '<meta name="referrer" content="no-referrer">' in text, where


def test_the_policy_forbids_what_a_hostile_key_would_need():
    directives = dict(part.split(" ", 1) for part in CSP.POLICY.split("; "))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"
    for directive, sources in directives.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, directive
        assert "*" not in sources and "http" not in sources, directive
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["connect-src"] == directives["worker-src"] == "'self'"
    assert "frame-ancestors" not in directives  # ignored in <meta>: sent as a header instead
    assert CSP.HEADER_POLICY == CSP.POLICY + "; frame-ancestors 'none'"


def test_the_build_refuses_an_inline_event_handler():
    with pytest.raises(CSP.PluginError, match="inline event handler"):
        CSP.secure('<html><head></head><body><img src="x" onerror="alert(1)"></body></html>', "", "page.md")
    with pytest.raises(CSP.PluginError, match="javascript: URL"):
        CSP.secure('<html><head></head><body><a href="javascript:alert(1)">x</a></body></html>', "", "page.md")


def test_inline_scripts_move_to_files_in_place():
    page = ('<html><head><script>var a=1</script></head><body><script type="application/json">{}</script>'
            '<script type="module">import "./x.js"</script></body></html>')
    output, files = CSP.externalize(page, "../")
    assert list(files.values()) == ["var a=1", 'import "./x.js"']
    names = list(files)
    assert output == (f'<html><head><script src="../assets/inline/{names[0]}"></script></head><body>'
                      '<script type="application/json">{}</script>'
                      f'<script type="module" src="../assets/inline/{names[1]}"></script></body></html>')


# --- in the browser: zero violations, zero errors ---------------------------------------------

def test_every_page_loads_without_a_violation_or_an_error(browser, site):
    context = browser.new_context(base_url=site.url)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    recorder = Recorder(context, page)
    # Every request too (worker's included): the policy would block another host, but say so plainly.
    context.on("request", lambda request: request.url.startswith((site.url, "about:", "data:")) or
               recorder.errors.append(f"request to another host: {request.url}"))
    problems: dict[str, list[str]] = {}
    paths = sitemap_paths(site) + ["/404.html"]
    try:
        for path in paths:
            page.goto(path, wait_until="load")
            # Let the page's scripts (and, on widget pages, the runtime) get going.
            page.wait_for_timeout(150)
            found = violations(page) + recorder.take()
            if found:
                problems[path] = found
            page.goto("about:blank")  # leaving a widget page must not log errors either
            if recorder.errors:
                problems.setdefault(path, []).extend(recorder.take())
    finally:
        context.close()
    assert problems == {}, f"{len(problems)} of {len(paths)} pages: {problems}"


def test_checker_page_with_a_running_runtime_breaks_no_policy(browser, site, check_key, wait_ready):
    context = browser.new_context(base_url=site.url)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    recorder = Recorder(context, page)
    try:
        page.goto("/checker/")
        wait_ready(page)
        assert check_key(page, KEY)["status"] == "ok"
        assert check_key(page, HOSTILE_KEY)["kind"] == "registration-key"
        # The simulator, the report tools and a troubleshooting page reached by instant navigation.
        page.locator("[data-simulator-run]").click()
        page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
        page.locator("[data-checker-copy-report]").click()
        page.wait_for_function("() => document.querySelector('[data-checker-report]').value.length > 0")
        page.evaluate("window.__sameDocument = true")
        page.locator("a[href$='troubleshooting/unable-to-fetch/']").first.evaluate("link => link.click()")
        page.wait_for_url(lambda url: "/troubleshooting/unable-to-fetch/" in url)  # toc may add a #fragment
        page.locator("[data-simulator-preset] [data-simulator-run]:not([disabled])").click()
        page.locator("[data-simulator-preset] [data-simulator-outcome]").wait_for()
        assert page.evaluate("window.__sameDocument") is True, "instant navigation did not happen"
        assert violations(page) == []
        assert recorder.take() == []
        # Control: the policy is live in this document, and the recorder sees what it blocks.
        page.evaluate("""() => { const script = document.createElement("script");
                                 script.textContent = "window.__inlineRan = true"; document.body.append(script); }""")
        assert page.evaluate("window.__inlineRan") is None
        page.wait_for_function("() => window.__cspViolations.length > 0")
        assert [v.split(" ")[0] for v in violations(page)] == ["script-src-elem"]
    finally:
        context.close()
