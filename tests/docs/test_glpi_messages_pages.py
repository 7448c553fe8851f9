"""Every GLPI message in the catalogue names a page of the help centre that exists."""

from __future__ import annotations

from checker.glpi_texts import BY_ID
from docs_site import REPO


def test_every_message_page_exists():
    missing = [f"{entry.id}: {entry.doc}" for entry in BY_ID.values()
               if not (REPO / "docs" / entry.doc).is_file()]
    assert not missing, missing
