"""Helpers for the docs tests: where things are, and a small parser for built pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
# Built as it is served in the browser tests: instant navigation needs site_url == served URL.
SITE_URL = "http://127.0.0.1:8765/"


@dataclass
class Build:
    returncode: int
    stdout: str
    stderr: str
    site: Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class HtmlPage:
    """What the tests need from one built page: ids, elements with their attributes, text."""

    path: Path
    url: str  # site-relative URL, e.g. "reference/findings/"
    ids: set[str] = field(default_factory=set)
    elements: list[Element] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # contents of <style> elements
    text: str = ""


class _Collector(HTMLParser):
    def __init__(self, page: HtmlPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.text: list[str] = []
        self._in_style = False
        self._skip_depth = 0  # inside <script>: not text a reader sees

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.page.elements.append(Element(tag, attributes))
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.page.ids.add(attributes["name"])
        self._in_style = tag == "style"
        if tag == "script":
            self._skip_depth += 1

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "script" and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data):
        if self._in_style:
            self.page.styles.append(data)
        elif not self._skip_depth:
            self.text.append(data)


def parse_page(site: Path, path: Path) -> HtmlPage:
    relative = path.relative_to(site).as_posix()
    url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    page = HtmlPage(path=path, url=url)
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(" ".join(collector.text).split())
    return page


def site_host() -> str:
    return urlsplit(SITE_URL).netloc
