"""MkDocs hook: the site's search also reads each page's `description`.

A page's `description` (front matter) is its summary in the words its readers type: "is it
free", "lost the key file", "licence", "two servers". Material puts it in the page's
`<meta name="description">` for outside search engines, but its own search box indexes only
titles and body text, so a question in everyday words missed the page that answers it. This
hook adds the description to the page's first entry in `search/search_index.json`, as the
`description` field that `plugins.search.fields` in mkdocs.yml declares and weighs. The page
text and the result previews are unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

FIELD = "description"
_descriptions: dict[str, str] = {}  # page URL -> description, filled as the pages render


def on_pre_build(config):
    _descriptions.clear()


def on_page_context(context, page, config, nav):
    description = page.meta.get("description")
    if isinstance(description, str) and description.strip():
        _descriptions[page.url] = " ".join(description.split())
    return context


def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.exists():  # search disabled, or a dirty rebuild that skipped it
        return
    index = json.loads(index_path.read_text("utf-8"))
    fields = index.get("config", {}).get("fields", {})
    if FIELD not in fields:
        raise SystemExit(f"search_description hook: add `{FIELD}` to plugins.search.fields in mkdocs.yml")
    for entry in index["docs"]:
        # A page's first entry has the page's own URL; its sections add "#anchor".
        description = _descriptions.get(entry["location"])
        if description is not None:
            entry[FIELD] = description
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
