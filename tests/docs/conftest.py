"""The help centre, built once per test session with `mkdocs build --strict` into a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_site import REPO, SITE_URL, Build, HtmlPage, parse_page

from local_site import build_site


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp("site")
    # Not quiet: test_strict_build_succeeds_without_warnings reads the warnings in stderr.
    result = build_site(out, SITE_URL, quiet=False, strict=True, timeout=300)
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


