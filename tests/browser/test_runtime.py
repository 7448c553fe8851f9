"""The runtime as a reader meets it: loads only where needed, accepts typing at once, survives
instant navigation without reloading, and fails visibly (with Retry) instead of hanging."""

from __future__ import annotations

import base64
import json

import pytest

pytestmark = pytest.mark.browser

KEY = base64.b64encode(json.dumps({"subscription": "basic", "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()
SHORT_TIMEOUT = "window.glpiKeycheckConfig = {timeoutMs: 4000};"


def pyodide_requests(watched) -> list[str]:
    return [url for url in watched.requests if "/assets/pyodide/" in url or "/assets/py/" in url]


def test_the_site_ships_only_the_runtime_files_it_needs(site):
    shipped = sorted(path.name for path in (site.dir / "assets/pyodide").iterdir())
    assert shipped == sorted(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                              "pyodide-lock.json"])
    build = json.loads((site.dir / "assets/checker/build.json").read_text())
    assert (site.dir / "assets/py" / build["wheel"]).is_file()
    assert (site.dir / "assets/vendor/noble-ciphers/chacha.js").is_file()


def test_a_page_without_widgets_loads_no_pyodide_bytes(open_page):
    watched = open_page("/", wait_ready=False)
    watched.page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/checker/checker.js") for url in watched.requests)
    assert pyodide_requests(watched) == []
    assert watched.page.evaluate("window.__glpiKeycheck ? window.__glpiKeycheck.workerStarts : 0") == 0


def test_typing_before_ready_gets_a_verdict_once_ready(open_page, wait_ready):
    watched = open_page("/checker/", wait_ready=False)
    page = watched.page
    page.wait_for_selector("[data-checker][data-state=loading]")
    page.fill("[data-checker-input]", KEY)
    assert page.get_attribute("[data-checker]", "data-state") == "loading"
    assert "loading" in page.inner_text("[data-checker-status]").lower()
    page.wait_for_selector("[data-checker-result] .kc-waiting")  # the typed key is waiting, not lost
    wait_ready(page)
    page.wait_for_selector("[data-checker-result][data-status=ok][data-kind=registration-key]")


def test_instant_navigation_keeps_one_runtime(open_page, check_key, site):
    watched = open_page("/checker/")
    page = watched.page
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-tabs__link", has_text="Home").click()          # home, by instant navigation
    page.wait_for_url(site.url)
    page.locator("a.md-tabs__link", has_text="Checker").click() # and back
    page.wait_for_url(f"{site.url}checker/")
    page.wait_for_selector("[data-checker][data-bound][data-state=ready]")
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page"
    assert check_key(page, KEY)["status"] == "ok"                # the new DOM is bound and works
    assert page.evaluate("window.__glpiKeycheck.workerStarts") == 1
    assert watched.wasm_loads() == 1
    assert all(url.startswith(site.url) for url in watched.requests)


def _fail_with_retry(open_page, wait_ready, route_handler):
    watched = open_page("/checker/", init_script=SHORT_TIMEOUT, wait_ready=False,
                        route=("**/pyodide.asm.wasm", route_handler))
    page = watched.page
    page.wait_for_selector("[data-checker][data-state=error]", timeout=20_000)
    status = page.inner_text("[data-checker-status]")
    assert "application/wasm" in status and "wasm-unsafe-eval" in status
    watched.context.unroute("**/pyodide.asm.wasm")
    page.evaluate("window.glpiKeycheckConfig.timeoutMs = 60000")  # a cold start can exceed 4 s
    page.click("[data-checker-retry]")
    assert page.get_attribute("[data-checker]", "data-state") == "loading"
    wait_ready(page)
    assert page.evaluate("window.__glpiKeycheck.workerStarts") == 2
    return page


def test_blocked_wasm_shows_the_error_and_retry_recovers(open_page, wait_ready, check_key):
    page = _fail_with_retry(open_page, wait_ready, lambda route: route.abort())
    assert check_key(page, KEY)["status"] == "ok"


def test_wasm_with_a_wrong_mime_type_times_out_instead_of_hanging(open_page, wait_ready, site):
    wasm = (site.dir / "assets/pyodide/pyodide.asm.wasm").read_bytes()
    _fail_with_retry(open_page, wait_ready,
                     lambda route: route.fulfill(status=200, body=wasm, content_type="text/plain"))


def test_ui_scripts_that_cannot_load_show_an_error_instead_of_spinning(open_page):
    # A web server or proxy that blocks part of assets/checker/: no runtime timeout can fire,
    # so the entry script itself must say what went wrong.
    watched = open_page("/checker/", wait_ready=False,
                        route=("**/assets/checker/ui.js", lambda route: route.fulfill(status=404, body="")))
    page = watched.page
    page.wait_for_selector("[data-checker][data-state=error] [data-load-error]", timeout=30_000)
    message = page.locator("[data-checker] [data-load-error]").inner_text()
    assert "could not be loaded" in message and "assets/checker/" in message
    assert page.locator("[data-checker] [role=alert]").count() == 1
