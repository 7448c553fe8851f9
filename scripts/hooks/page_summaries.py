"""MkDocs hook: each page says what it answers in GLPI's other interface languages.

The pages are English, but an admin whose GLPI speaks French, Portuguese, Spanish, German or
Italian searches in that language, and only GLPI's own translated messages matched. A page's
front matter may carry `summaries:`, one or two sentences per language (fr_FR, pt_BR, es_ES,
de_DE, it_IT): the question the page answers and its short answer, in that language's everyday
words. This hook shows them in a section of their own, "In short, in your language", before
"## Sources" (or at the end), each paragraph marked with its language (`lang`) for screen
readers and the browser's hyphenation; the site's search reads them like any text.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

# MkDocs puts a hook's folder on sys.path while it loads it: the sibling hook that places GLPI's
# messages before "## Sources" places these summaries there too.
from glpi_messages_block import before_sources

SECTION_ID = "in-short"
# Each language named in itself: the reader looks for their own.
NAMES = {"fr_FR": "Français", "pt_BR": "Português (Brasil)", "es_ES": "Español", "de_DE": "Deutsch",
         "it_IT": "Italiano"}


def on_config(config):
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:  # `checker` importable without an install, as the other hooks do
        sys.path.insert(0, root)
    return config


def section(summaries: dict, where: str) -> str:
    from checker.glpi_texts import LANGUAGES

    unknown = sorted(set(summaries) - set(LANGUAGES))
    missing = [language for language in LANGUAGES if not str(summaries.get(language) or "").strip()]
    if unknown or missing:
        raise SystemExit(f"page_summaries hook: {where}: summaries need exactly {', '.join(LANGUAGES)}"
                         f" (missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'})")
    lines = [f"## In short, in your language {{#{SECTION_ID}}}", ""]
    for language in LANGUAGES:
        code = language.replace("_", "-")
        text = html.escape(" ".join(str(summaries[language]).split()), quote=False)
        lines += [f'<p lang="{code}"><strong>{NAMES[language]}</strong> · {text}</p>', ""]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    summaries = page.meta.get("summaries")
    if summaries is None:
        return markdown
    if not isinstance(summaries, dict):
        raise SystemExit(f"page_summaries hook: {page.file.src_uri}: `summaries` must map a language to a text")
    return before_sources(markdown, section(summaries, page.file.src_uri))
