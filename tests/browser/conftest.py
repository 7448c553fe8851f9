"""Browser tests: the built help centre, served on 127.0.0.1, driven in Debian's Chromium.

Fixtures for every browser test (reuse them, do not rebuild the site):
- `site` (session): `Site(dir, url)`, the site built ONCE with `SITE_URL` equal to the URL it is
  served at (instant navigation only works then), served by a threaded http.server. Building
  and serving live in scripts/local_site.py (shared with tests/docs and scripts/bench_browser.py);
  pytest's `pythonpath` (pyproject.toml) puts scripts/ on sys.path, so tests `import local_site`.
- `base_url` (session): `site.url`, so `page.goto("/checker/")` works (pytest-playwright).
- `browser_type_launch_args` (session): Debian's /usr/bin/chromium (`playwright install` cannot
  run offline).
- `open_page` (function): `open_page(path="/checker/", *, init_script=None, wait_ready=True,
  route=None)` opens a fresh context and returns a `Watched` page: `.page`, `.context`,
  `.requests` (every URL requested, workers included), `.console` (console texts),
  `.wasm_loads()`. Each one pays a cold Pyodide start (~4 s): prefer `checker_page`.
- `checker_page` (module): one `Watched` /checker/ page whose runtime is ready, shared by the
  tests of a module. Tests using it leave the page on /checker/.
- `check_key` (fixture returning a function): `check_key(page, text) -> dict` fills the checker
  and returns the verdict shown: kind, status, text, finding codes, normalized key.
- `wait_ready` (fixture returning a function): `wait_ready(page, selector="[data-checker]")`.

Environment: KEYCHECK_MKDOCS_CONFIG picks another mkdocs.yml (default: the repository's).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from local_site import build_site, free_port, serve
READY_TIMEOUT_MS = 60_000  # a cold Pyodide start takes ~4 s; leave room for a loaded CI box
WIDGETS = "[data-checker], [data-keyfile], [data-simulator]"


@dataclass(frozen=True)
class Site:
    dir: Path
    url: str


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("site")
    config = os.environ.get("KEYCHECK_MKDOCS_CONFIG", str(ROOT / "mkdocs.yml"))
    built = build_site(site_dir, url, config=config)
    if built.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{built.stderr[-3000:]}", pytrace=False)
    with serve(site_dir, port):
        yield Site(site_dir, url)


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium") or "/usr/bin/chromium",
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


@dataclass
class Watched:
    page: object
    context: object
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def wasm_loads(self) -> int:
        return sum(1 for url in self.requests if url.endswith("/pyodide.asm.wasm"))


def wait_ready(page, selector: str = "[data-checker]") -> None:
    # :is(): `selector` may be a list ("a, b"); the state must apply to each of its members.
    page.wait_for_selector(f":is({selector})[data-state=ready]", timeout=READY_TIMEOUT_MS)


def _open(browser, site: Site, path: str, *, init_script=None, wait_ready_for=True, route=None) -> Watched:
    context = browser.new_context(base_url=site.url)
    page = context.new_page()
    watched = Watched(page, context)
    # context-level events include requests made by the Web Worker
    context.on("request", lambda request: watched.requests.append(request.url))
    page.on("console", lambda message: watched.console.append(message.text))
    if init_script:
        context.add_init_script(init_script)
    if route:
        pattern, handler = route
        context.route(pattern, handler)
    page.goto(path)
    if wait_ready_for:
        selector = WIDGETS if wait_ready_for is True else wait_ready_for
        # A page whose only widgets are simulators starts Python when one comes near the
        # viewport: go to it, as a reader would (on /checker/ the checker is already in view).
        page.locator(selector).first.scroll_into_view_if_needed()
        wait_ready(page, selector)
    return watched


@pytest.fixture
def open_page(browser, site):
    opened: list[Watched] = []

    def opener(path: str = "/checker/", *, init_script=None, wait_ready=True, route=None) -> Watched:
        watched = _open(browser, site, path, init_script=init_script, wait_ready_for=wait_ready, route=route)
        opened.append(watched)
        return watched

    yield opener
    for watched in opened:
        watched.context.close()


@pytest.fixture(scope="module")
def checker_page(browser, site):
    watched = _open(browser, site, "/checker/", wait_ready_for="[data-checker]")
    yield watched
    watched.context.close()


def check_key(page, text: str) -> dict:
    """Fill the checker with `text`; wait for its verdict; return what the page shows."""
    result = page.locator("[data-checker-result]")
    before = result.get_attribute("data-renders") or "0"
    page.fill("[data-checker-input]", text)
    # Selector waits, not wait_for_function: the site's CSP forbids the eval() it would need.
    page.wait_for_selector(f"[data-checker-result][data-renders]:not([data-renders='{before}'])",
                           timeout=READY_TIMEOUT_MS)
    normalized = page.locator("[data-checker-normalized]")
    return {
        "kind": result.get_attribute("data-kind"),
        "status": result.get_attribute("data-status"),
        "text": result.inner_text(),
        "codes": page.eval_on_selector_all("[data-checker-result] [data-finding]",
                                           "items => items.map(item => item.dataset.finding)"),
        "normalized": normalized.inner_text() if normalized.count() else None,
    }


@pytest.fixture(name="check_key")
def check_key_fixture():
    return check_key


@pytest.fixture(name="wait_ready")
def wait_ready_fixture():
    return wait_ready
