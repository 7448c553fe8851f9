"""MkDocs hook: every page that explains one of GLPI's messages shows that message as GLPI shows
it in each language it ships, from checker/glpi_texts.py (never typed by hand).

Admins search for the exact words GLPI showed them, in their interface language. Under the
page's title, a line names the languages and links to a section, "In GLPI's languages", placed
before "## Sources" (or at the end). On troubleshooting pages each translation is a heading of
its own: the site's search weighs headings far above body text, so a pasted translation finds
its page first.
A page may place that section itself with a `<!-- glpi-messages -->` line.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

MARKER = "<!-- glpi-messages -->"
SECTION_ID = "in-glpis-languages"
TRANSLATION_ID = "glpi-tr-"  # prefix of the translation headings' ids (kept out of the page's TOC)
TITLE = re.compile(r"^# (.*)$", re.M)
SOURCES = re.compile(r"^## Sources\b.*$", re.M)
# Characters Markdown would read as syntax in a heading or a table cell.
ESCAPES = {"|": "&#124;", "*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;",
           "\\": "&#92;", "#": "&#35;", "~": "&#126;", "{": "&#123;", "}": "&#125;"}


def on_config(config):
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:  # `checker` importable without an install, as the other hooks do
        sys.path.insert(0, root)
    return config


def text(value: str) -> str:
    return "".join(ESCAPES.get(ch, ch) for ch in html.escape(value, quote=False))


def messages_for(page_path: str) -> list:
    from checker.glpi_texts import BY_ID

    return [entry for entry in BY_ID.values() if entry.doc == page_path and entry.recognisable]


def _translations(entry) -> list[tuple[str, str, str]]:
    """(language, text GLPI shows, note) for each supported language, English first."""
    from checker.glpi_texts import ENGLISH, LANGUAGES

    rows = [(ENGLISH, entry.msgid, "")]
    for language in LANGUAGES:
        shown = entry.template(language)
        if entry.logged_only:
            rows.append((language, entry.msgid, "logged in English whatever the interface language"))
        elif shown is None:
            rows.append((language, "", "not found in GLPI's translation file"))
        elif entry.translations.get(language) is None:
            rows.append((language, shown, "not translated: GLPI shows the English"))
        else:
            rows.append((language, shown, ""))
    return rows


def summary(entries) -> str:
    """The line under the title: which languages, and where the texts are."""
    from checker.glpi_texts import LANGUAGE_NAMES, LANGUAGES

    names = ", ".join(LANGUAGE_NAMES[language] for language in LANGUAGES)
    what = "these messages" if len(entries) > 1 else "this message"
    # Out of the search index: the same words on every page ("read", "interface", "shows")
    # matched plain questions in each page's opening, where the search weighs words most.
    return (f"<div data-search-exclude markdown>\n\n"
            f"!!! quote \"In your language\"\n    GLPI shows {what} in the language of its "
            f"interface. Read {what} as GLPI shows {'them' if len(entries) > 1 else 'it'} in "
            f"{names}: [in GLPI's languages](#{SECTION_ID}).\n\n</div>\n")


def table(entries) -> str:
    """Other pages (how-to, reference, tutorial): the texts in a table. As headings they would
    crowd the search: its query words end in a wildcard, so "a" or "do" would match the foreign
    words of every heading."""
    from checker.glpi_texts import LANGUAGE_NAMES

    lines = [f"## In GLPI's languages {{#{SECTION_ID}}}", ""]
    for entry in entries:
        lines += [f"**{text(entry.msgid)}**", "", "| Language | GLPI shows |", "|---|---|"]
        for language, shown, note in _translations(entry):
            cell = (text(shown) + (f" *({note})*" if note else "")) if shown else f"*({note})*"
            lines.append(f"| {LANGUAGE_NAMES[language]} (`{language}`) | {cell} |")
        lines.append("")
    return "\n".join(lines)


def section(entries, page_title: str) -> str:
    """One heading per distinct text GLPI shows, each language's own, with its English."""
    from checker.glpi_texts import ENGLISH, LANGUAGE_NAMES, LANGUAGES

    several = len(entries) > 1
    lines = [f"## In GLPI's languages {{#{SECTION_ID}}}", "",
             "GLPI's own words, copied from its translation files (`locales/*.po`), typos "
             "included. `%s` and `%1$s` stand for what GLPI fills in: a name, a path, an error.", ""]
    level = "####" if several else "###"
    for entry in entries:
        if several:
            lines += [f"### {text(entry.msgid)} {{#glpi-{entry.id}}}", ""]
        rows = _translations(entry)
        seen: dict[str, str] = {}
        for language, shown, note in rows:
            label = f"{LANGUAGE_NAMES[language]} (`{language}`)"
            if shown and shown not in seen and not (language == ENGLISH and shown.strip() == page_title):
                seen[shown] = language
                lines += [f"{level} {text(shown)} {{#{TRANSLATION_ID}{entry.id}-{language}}}", ""]
                lines += [f"{label}" + (f": {note}." if note else ".") + (
                    f" In English: {text(entry.msgid)}" if language != ENGLISH else ""), ""]
            elif shown in seen and language != ENGLISH:
                first = LANGUAGE_NAMES[seen[shown]]
                lines += [f"{label}: the same text as {first}" + (f" ({note})." if note else "."), ""]
            elif not shown:
                lines += [f"{label}: {note}.", ""]
    sources = sorted({f"[`{source.path}` at `{source.commit[:10]}`]({source.url})"
                      for entry in entries for language in LANGUAGES
                      if (source := entry.provenance(language))})
    if sources:
        lines += ["Read from GLPI's repository: " + ", ".join(sources) + ".", ""]
    return "\n".join(lines)


def before_sources(markdown: str, body: str) -> str:
    """The page with `body` placed before its "## Sources" section, or at its end."""
    sources = SOURCES.search(markdown)
    at = sources.start() if sources else len(markdown)
    return markdown[:at].rstrip("\n") + "\n\n" + body + "\n" + markdown[at:]


def on_page_markdown(markdown, page, config, files):
    entries = messages_for(page.file.src_uri)
    if not entries:
        return markdown
    title = TITLE.search(markdown)
    page_title = title.group(1).strip() if title else ""
    troubleshooting = page.file.src_uri.startswith("troubleshooting/")
    body = section(entries, page_title) if troubleshooting else table(entries)
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, body, 1)
    else:
        markdown = before_sources(markdown, body)
    if title:
        end = title.end()
        markdown = markdown[:end] + "\n\n" + summary(entries) + markdown[end:]
    return markdown
