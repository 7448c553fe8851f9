"""Search the built site for GLPI's message, in any language GLPI shows it in: its page first."""

from __future__ import annotations

import re

import pytest

from checker.glpi_texts import BY_ID, ENGLISH, LANGUAGES
from checker.message_report import page_url
from site_search import search

# What a placeholder becomes in a query. Material's search reads text in ASCII double quotes as
# a phrase whose words must all be on the page: a plugin name or a path in quotes finds no page
# at all (pasting the message into the checker handles those). Unquoted, most of GLPI's
# placeholders are its product name.
QUOTED_PLACEHOLDER = re.compile(r'["\u00ab\u201e\u201c]\s*%(?:\d+\$)?[sdu]\s*["\u00bb\u201c\u201d]')
PLACEHOLDER = re.compile(r"%(?:\d+\$)?[sdu]")
FIRST_SHARE = 0.95  # bag-of-words search: a few messages share all their words with another one


def as_typed(template: str) -> str:
    query = QUOTED_PLACEHOLDER.sub(" ", template)
    return " ".join(PLACEHOLDER.sub("GLPI Network", query).split())


def translated_queries() -> dict[str, set[str]]:
    """Each text GLPI shows in a supported language other than English, for the messages a
    troubleshooting page answers, with its page(s)."""
    queries: dict[str, set[str]] = {}
    for entry in BY_ID.values():
        if not entry.recognisable or entry.logged_only or not entry.doc.startswith("troubleshooting/"):
            continue
        for language in LANGUAGES:
            if entry.translations.get(language) is None:
                continue
            query = as_typed(entry.translations[language])
            # Material reads "-word" as "pages without this word": "--force" excludes every page.
            if " -" not in query:
                queries.setdefault(query, set()).add(page_url(entry.doc))
    return queries


@pytest.fixture(scope="module")
def ranked(site):
    queries = translated_queries()
    return {query: (pages, results) for (query, pages), results
            in zip(queries.items(), search(site, list(queries)))}


def test_every_page_shows_its_messages_in_each_language(pages):
    for entry in BY_ID.values():
        if not entry.recognisable or entry.logged_only:
            continue
        page = pages[page_url(entry.doc)]
        for language in (ENGLISH, *LANGUAGES):
            shown = entry.template(language)
            if shown is not None:
                assert " ".join(shown.split()) in page.text, (entry.id, language)


def test_a_translated_message_finds_its_page_first(ranked):
    french = "La clé d'enregistrement est invalide."
    assert ranked[french][1][0] == "troubleshooting/key-invalid/"
    misses = {query: results[:3] for query, (pages, results) in ranked.items()
              if not results or results[0] not in pages}
    assert len(misses) <= (1 - FIRST_SHARE) * len(ranked), misses


def test_a_translated_message_finds_its_page_in_the_first_three(ranked):
    misses = {query: results[:3] for query, (pages, results) in ranked.items()
              if not pages & set(results[:3])}
    assert not misses, misses
