"""The built help centre: strict build, complete tree, working links, nothing fetched elsewhere."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from checker.pages import page_url
from docs_site import DOCS, SITE_URL, site_host

# Every page of the docs tree: docs/ holds all but the pages generated from the catalogues.
DOCS_PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")
                    if path.relative_to(DOCS).parts[0] != "assets")

# Messages GLPI shows that issue #5 asks the search to find (users paste them into the search box).
KEY_MESSAGES = [
    "Unable to fetch registration information.",
    "The registration key is invalid.",
    "refers to a terminated subscription",
    "Connection failed. If you use a proxy, please configure it.",
    "Failed to connect to the proxy server",
    "Unable to decrypt string. It may have been crypted with another key.",
    "You must create a security key",
    "Invalid security key file contents.",
    "A registration, at least a free one, is required to use marketplace!",
    "You need a superior GLPI-Network offer",
    "We can't write on the markeplace directory",
    "Too Many Attempts",
    'The parameter "kernel.secret" has a dependency on a non-existent parameter',
    "Unable to download plugin archive.",
    "error setting certificate file",
    "Item not found",
    "You must create a security key, see glpi:security:change_key command.",
    "The GLPI Network registration key is missing or invalid",
]

# The one scan for loads from another host (the browser tests record real requests).
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


def test_strict_build_succeeds_without_warnings(build):
    assert build.returncode == 0, build.stderr[-4000:]
    assert "WARNING" not in build.stderr, build.stderr


def test_every_page_is_in_the_nav(pages):
    home = pages[""]
    nav_links = {urljoin(SITE_URL, element.attrs["href"]) for element in home.elements
                 if element.tag == "a" and "md-nav__link" in element.attrs.get("class", "")
                 and "href" in element.attrs}
    missing = [md for md in DOCS_PAGES if urljoin(SITE_URL, page_url(md) or "./") not in nav_links]
    assert not missing, f"not in the navigation: {missing}"


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = []
    for page in pages.values():
        here = urljoin(SITE_URL, page.url)
        for element in page.elements:
            if element.tag != "a" or not element.attrs.get("href"):
                continue
            target = urljoin(here, element.attrs["href"])
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != site_host():
                continue
            path = unquote(parts.path)[len(urlsplit(SITE_URL).path):]
            file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
            if not file.is_file():
                broken.append(f"{page.url or '/'}: {element.attrs['href']} (no {path or 'index.html'})")
                continue
            if parts.fragment and file.suffix == ".html":
                target_page = pages[str(PurePosixPath(file.relative_to(site)).as_posix()).removesuffix("index.html")]
                if unquote(parts.fragment) not in target_page.ids:
                    broken.append(f"{page.url or '/'}: {element.attrs['href']} (no id {parts.fragment!r})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    """Every HTML attribute that makes the browser load something, every style and every
    stylesheet's url() and @import stay on the site; plain <a href> links to sources are reading."""
    offenders = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        relative = path.relative_to(site).as_posix()
        page_url = SITE_URL + relative
        parser = LoadingAttributes()
        parser.feed(path.read_text("utf-8"))
        offenders += [f"{relative}: <{tag} {name}={url}>" for tag, name, url in parser.found
                      if foreign(url, page_url, SITE_URL)]
        for style in parser.styles:
            offenders += [f"{relative}: style url({url})" for pair in CSS_URL.findall(style)
                          for url in pair if url and foreign(url, page_url, SITE_URL)]
    sheets = sorted(site.rglob("*.css"))
    assert any(sheet.name.startswith("main.") for sheet in sheets)
    for sheet in sheets:
        relative = sheet.relative_to(site).as_posix()
        for pair in CSS_URL.findall(sheet.read_text("utf-8")):
            offenders += [f"{relative}: {url}" for url in pair if url and foreign(url, SITE_URL + relative, SITE_URL)]
    assert offenders == [], "requests to other hosts:\n" + "\n".join(offenders)


def test_the_scanner_catches_a_foreign_load():
    parser = LoadingAttributes()
    parser.feed('<script src="https://cdn.example.com/x.js"></script><a href="https://github.com/x">'
                '<link rel="stylesheet" href="//fonts.example.com/a.css"><img srcset="a.png 1x, https://x.org/b.png 2x">')
    site_url = "http://127.0.0.1:1/"
    assert [url for _, _, url in parser.found if foreign(url, site_url, site_url)] == [
        "https://cdn.example.com/x.js", "//fonts.example.com/a.css", "https://x.org/b.png"]


def test_no_google_fonts_or_cdn_anywhere(site):
    # Material only links fonts or a CDN when configured to; catch any such string in the pages.
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "api.github.com"):
            assert host not in text, f"{path.relative_to(site)} mentions {host}"


@pytest.fixture(scope="module")
def search_text(site) -> str:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    texts = [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in index["docs"]]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts))).split())


@pytest.mark.parametrize("message", KEY_MESSAGES)
def test_search_finds_each_key_glpi_message(search_text, message):
    assert message in search_text


TROUBLESHOOTING_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "troubleshooting").glob("*.md")
                               if p.name != "index.md")
GLPI_VERSION = re.compile(r"\b(?:9\.5|10\.0|11\.0|11\.x)(?:\.\d+)?\b")


@pytest.mark.parametrize("md_path", TROUBLESHOOTING_PAGES)
def test_troubleshooting_page_names_glpi_versions_and_sources(pages, md_path):
    page = pages[page_url(md_path)]
    assert GLPI_VERSION.search(page.text), f"{md_path} names no GLPI version (9.5, 10.0, 11.0…)"
    elements = page.elements
    starts = [i for i, element in enumerate(elements) if element.tag == "h2" and element.attrs.get("id") == "sources"]
    assert starts, f"{md_path} has no '## Sources' section"
    section = []
    for element in elements[starts[0] + 1:]:
        if element.tag in ("h1", "h2"):
            break
        section.append(element)
    links = [e.attrs["href"] for e in section if e.tag == "a" and e.attrs.get("href", "").startswith("https://")]
    assert links, f"{md_path}: the Sources section links to no source"
