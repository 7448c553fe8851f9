"""The built help centre: strict build, complete tree, working links, nothing fetched elsewhere."""

from __future__ import annotations

import html
import json
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from docs_site import DOCS, SITE_URL, md_to_url, site_host

# The docs tree every engineer codes against (/tmp/contracts.md, "Docs tree").
CONTRACT_PAGES = [
    "index.md", "checker.md", "tutorials/register.md",
    *(f"howto/{name}.md" for name in (
        "set-key-cli", "docker", "move-glpicrypt-key", "secrets-after-key-loss", "proxy",
        "restrict-marketplace", "check-keyfile-and-database", "deploy-offline")),
    *(f"troubleshooting/{name}.md" for name in (
        "index", "blank-page-on-save", "saved-key-empty", "unable-to-fetch", "key-invalid",
        "terminated-subscription", "services-unreachable", "proxy-connect-failed",
        "unable-to-decrypt", "create-security-key", "keyfile-unreadable", "invalid-key-file",
        "registration-required", "superior-offer", "marketplace-not-writable",
        "too-many-attempts", "same-key-several-instances", "plugin-download-fails")),
    *(f"reference/{name}.md" for name in (
        "registration-key", "http-calls", "glpicrypt-key", "tiers", "console-commands",
        "marketplace-constants", "findings", "scenarios", "cli")),
    "explanation/key-vs-keyfile.md", "explanation/how-the-check-works.md",
]

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

# Elements whose URL the browser fetches by itself, and the attributes holding it.
FETCHING = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
    "frame": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "embed": ("src",), "object": ("data",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "input": ("src",), "form": ("action",),
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)


def is_foreign(url: str) -> bool:
    """True for a URL on another host than the help centre (absolute or protocol-relative)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "about", "javascript", "mailto"):
        return False
    return bool(parts.netloc) and parts.netloc != site_host()


def test_strict_build_succeeds_without_warnings(build):
    assert build.returncode == 0, build.stderr[-4000:]
    assert "WARNING" not in build.stderr, build.stderr


@pytest.mark.parametrize("md_path", CONTRACT_PAGES)
def test_every_contract_page_is_built(site, md_path):
    assert (site / md_to_url(md_path) / "index.html").is_file(), f"{md_path} is missing from the site"


def test_every_contract_page_is_in_the_nav(pages):
    home = pages[""]
    nav_links = {urljoin(SITE_URL, element.attrs["href"]) for element in home.elements
                 if element.tag == "a" and "md-nav__link" in element.attrs.get("class", "")
                 and "href" in element.attrs}
    missing = [md for md in CONTRACT_PAGES if urljoin(SITE_URL, md_to_url(md) or "./") not in nav_links]
    assert not missing, f"not in the navigation: {missing}"


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = []
    for page in pages.values():
        page_url = urljoin(SITE_URL, page.url)
        for element in page.elements:
            if element.tag != "a" or not element.attrs.get("href"):
                continue
            target = urljoin(page_url, element.attrs["href"])
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


def test_no_page_fetches_anything_from_another_host(site, pages):
    offenders = []
    for page in pages.values():
        for element in page.elements:
            for attribute in FETCHING.get(element.tag, ()):
                value = element.attrs.get(attribute, "")
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in attribute else [value]
                offenders += [f"{page.url or '/'}: <{element.tag} {attribute}={url}>" for url in urls if url and is_foreign(url)]
            offenders += [f"{page.url or '/'}: style attribute url({url})"
                          for url in CSS_URL.findall(element.attrs.get("style", "")) if is_foreign(url)]
        offenders += [f"{page.url or '/'}: <style> url({url})" for style in page.styles
                      for url in CSS_URL.findall(style) if is_foreign(url)]
    for css in site.rglob("*.css"):
        offenders += [f"{css.relative_to(site)}: url({url})" for url in CSS_URL.findall(css.read_text("utf-8")) if is_foreign(url)]
    assert not offenders, "requests to other hosts:\n" + "\n".join(offenders)


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
    page = pages[md_to_url(md_path)]
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
