"""The help centre, built once per test session with `mkdocs build --strict` into a temp dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docs_site import REPO, SITE_URL, Build, HtmlPage, parse_page


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(result.returncode, result.stdout, result.stderr, out)


@pytest.fixture(scope="session")
def site(build) -> Path:
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stderr[-4000:]}")
    return build.site


@pytest.fixture(scope="session")
def pages(site) -> dict[str, HtmlPage]:
    """Every built HTML page, keyed by its site-relative URL ("" for the home page)."""
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        page = parse_page(site, path)
        parsed[page.url] = page
    return parsed


