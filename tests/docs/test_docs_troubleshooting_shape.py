"""Every troubleshooting page has the same shape, so a stuck admin finds the fix at once:
the heading (GLPI's message or the symptom), the GLPI versions, "Where you see it", then a short
"Quick fix" of at most three steps that includes the checker or the simulator, then the causes
by version, the full fix and the sources."""

from __future__ import annotations

import re

import pytest

from docs_site import DOCS

PAGES = sorted(p.name for p in (DOCS / "troubleshooting").glob("*.md") if p.name != "index.md")
TOOL_LINK = re.compile(r"\]\((?:\.\./checker\.md[^)]*|#see-it-in-the-simulator)\)")


def sections(text: str) -> list[tuple[str, str]]:
    """(h2 title, body) in order; the part before the first h2 has the title ""."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return [("", parts[0])] + list(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_with_versions_where_and_a_quick_fix(name):
    text = (DOCS / "troubleshooting" / name).read_text(encoding="utf-8")
    parts = sections(text)
    intro = parts[0][1]
    assert "**GLPI versions:**" in intro, f"{name}: no GLPI versions before the first section"
    assert "**Where you see it" in intro, f"{name}: no 'Where you see it' before the first section"
    assert intro.index("**GLPI versions:**") < intro.index("**Where you see it"), name
    assert parts[1][0] == "Quick fix", f"{name}: the first section is {parts[1][0]!r}, not 'Quick fix'"


@pytest.mark.parametrize("name", PAGES)
def test_quick_fix_is_three_steps_at_most_and_names_a_tool(name):
    text = (DOCS / "troubleshooting" / name).read_text(encoding="utf-8")
    quick = dict(sections(text))["Quick fix"]
    steps = re.findall(r"^\d+\. ", quick, flags=re.M)
    assert 1 <= len(steps) <= 3, f"{name}: {len(steps)} steps in the quick fix"
    assert TOOL_LINK.search(quick), f"{name}: the quick fix links neither the checker nor the simulator"
    if "#see-it-in-the-simulator" in quick:
        assert "## See it in the simulator" in text, f"{name}: links a simulator section it does not have"


@pytest.mark.parametrize("name", PAGES)
def test_causes_by_version_and_sources_follow(name):
    titles = [title for title, _ in sections((DOCS / "troubleshooting" / name).read_text(encoding="utf-8"))]
    assert "Sources" in titles, name
    assert titles[-1] == "Sources", f"{name}: 'Sources' is not the last section"
    if name != "same-key-several-instances.md":  # a question, not a failure: known and unknown
        assert "Causes by GLPI version" in titles, name
