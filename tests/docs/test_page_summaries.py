"""Each page says what it answers in GLPI's other interface languages (front matter
`summaries:`, shown by scripts/hooks/page_summaries.py), marked with its language."""

from __future__ import annotations

import re

import pytest
import yaml

from checker.glpi_texts import LANGUAGES
from docs_site import DOCS

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(path) -> dict:
    found = FRONT_MATTER.match(path.read_text("utf-8"))
    return yaml.safe_load(found.group(1)) or {} if found else {}


SUMMARISED = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")
                    if "summaries" in front_matter(path))


def test_every_written_page_carries_summaries():
    written = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
    assert SUMMARISED == written


@pytest.mark.parametrize("md_path", SUMMARISED)
def test_summaries_are_shown_in_each_language_marked_with_it(pages, md_path):
    summaries = front_matter(DOCS / md_path)["summaries"]
    assert list(summaries) == list(LANGUAGES), "one text per language, in GLPI's order"
    url = md_path[: -len("index.md")] if md_path.endswith("index.md") else md_path[: -len(".md")] + "/"
    page = pages[url]
    assert "in-short" in page.ids
    marked = [element.attrs["lang"] for element in page.elements if element.tag == "p" and "lang" in element.attrs]
    assert marked == [language.replace("_", "-") for language in LANGUAGES]
    for text in summaries.values():
        assert " ".join(text.split()) in page.text
