"""The one convention for links: the catalogues name docs source paths, the faces show site URLs."""

from __future__ import annotations

import pytest

from checker.pages import is_page_path, page_url


@pytest.mark.parametrize(("path", "url"), [
    ("howto/set-key-cli.md", "howto/set-key-cli/"),
    ("reference/findings.md#paste-quotes", "reference/findings/#paste-quotes"),
    ("index.md", ""),
    ("index.md#checker", "#checker"),
    ("troubleshooting/index.md", "troubleshooting/"),
    ("troubleshooting/index.md#marketplace", "troubleshooting/#marketplace"),
    # Only a whole "index" segment is the section's home page.
    ("reference/reindex.md", "reference/reindex/"),
    ("reindex.md", "reindex/"),
])
def test_a_docs_source_path_becomes_its_site_url(path, url):
    assert page_url(path) == url


@pytest.mark.parametrize("path", ["", "https://github.com/glpi-project/glpi/pull/11567", "howto/set-key-cli/"])
def test_what_is_not_a_docs_source_path_is_shown_as_it_is(path):
    assert page_url(path) == path


@pytest.mark.parametrize("path", [
    "howto/set-key-cli.md",
    "reference/findings.md#paste-quotes",
    "index.md",
])
def test_catalogues_may_name_relative_markdown_pages_with_an_anchor(path):
    assert is_page_path(path) is True


@pytest.mark.parametrize("path", [
    "/howto/set-key-cli.md",          # absolute: the strict build cannot check it
    "howto//set-key-cli.md",          # an empty segment
    "https://example.org/page.md",   # a URL, not a source path
    "howto/set-key-cli/",             # already a site URL
    "howto/set-key-cli.md.bak",
    "reference/findings#x.md",        # ".md" only in the anchor
])
def test_anything_else_is_not_a_page_path(path):
    assert is_page_path(path) is False
