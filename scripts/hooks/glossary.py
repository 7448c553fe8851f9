"""MkDocs hook: the glossary's terms explained where they are written as code too.

docs_src/glossary.md (appended to every page by pymdownx.snippets) gives each term a tooltip
through Markdown's abbr extension, which leaves code alone: `is_valid` in backticks would get
none. This hook wraps each inline `<code>TERM</code>` whose text is exactly a glossary term in
the same `<abbr title>`, so one file explains a term in prose and in code alike.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

GLOSSARY = "glossary.md"
ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+?)\s*$", re.MULTILINE)

_terms: dict[str, str] = {}
_pattern: re.Pattern[str] | None = None


def read_glossary(path: Path) -> dict[str, str]:
    return {match["term"]: match["definition"] for match in ENTRY.finditer(path.read_text(encoding="utf-8"))}


def on_config(config):
    global _pattern
    root = Path(config.config_file_path).resolve().parent
    _terms.clear()
    _terms.update(read_glossary(root / "docs_src" / GLOSSARY))
    names = sorted((re.escape(html.escape(term, quote=False)) for term in _terms), key=len, reverse=True)
    # Only a code element holding exactly the term: never a code block (those hold <span>s).
    _pattern = re.compile(r"<code>(" + "|".join(names) + r")</code>") if names else None
    return config


def abbreviate_code(content: str) -> str:
    if _pattern is None:
        return content

    def wrap(match: re.Match[str]) -> str:
        definition = _terms[html.unescape(match.group(1))]
        return f'<abbr title="{html.escape(definition)}">{match.group(0)}</abbr>'

    return _pattern.sub(wrap, content)


def on_page_content(content, page, config, files):
    return abbreviate_code(content)
