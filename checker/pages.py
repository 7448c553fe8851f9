"""Links to the help centre's pages, in one convention.

The catalogues name a page by its source path under docs/, with an optional anchor
("howto/set-key-cli.md", "reference/findings.md#paste-quotes"): the strict MkDocs build checks
those paths. JSON answers and the command line show the page's site-relative URL instead
("howto/set-key-cli/"), made by `page_url`, the one converter.
"""

from __future__ import annotations

FINDINGS_PAGE = "reference/findings.md"    # generated from checker.findings
SCENARIOS_PAGE = "reference/scenarios.md"  # generated from checker.simulation.scenarios


def is_page_path(path: str) -> bool:
    """A docs source path as the catalogues write it: relative, ending in .md before any anchor."""
    page = path.partition("#")[0]
    return page.endswith(".md") and not page.startswith("/") and "//" not in page


def page_url(path: str) -> str:
    """"howto/a.md#x" -> "howto/a/#x"; "index.md" -> ""; "troubleshooting/index.md" -> "troubleshooting/".

    Anything that is not a docs source path (an empty string, a URL already) is returned as it is.
    """
    page, hash_, anchor = path.partition("#")
    if not page.endswith(".md"):
        return path
    stem = page[: -len(".md")]
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/"
    return url + hash_ + anchor
