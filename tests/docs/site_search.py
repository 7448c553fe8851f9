"""Queries through the built site's own search (Material's worker and lunr, run under Node by
scripts/search_query.mjs), as an admin types them into the search box."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from docs_site import REPO


def search(site: Path, queries: list[str]) -> list[list[str]]:
    """For each query, the result pages (site-relative URLs) in ranking order."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the site's search (make deps installs the rest)")
    result = subprocess.run([node, str(REPO / "scripts" / "search_query.mjs"), str(site)],
                            input=json.dumps(queries), capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"search_query.mjs failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)
