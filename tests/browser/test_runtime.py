"""The runtime as a reader meets it: loads only where needed, starts from the build's memory
snapshot (or the ordinary way when the snapshot cannot be used), accepts typing at once,
survives instant navigation without reloading, and fails visibly (with Retry) instead of
hanging, before it is ready and after."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

pytestmark = pytest.mark.browser

KEY = base64.b64encode(json.dumps({"subscription": "basic", "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()
SHORT_TIMEOUT = "window.glpiKeycheckConfig = {timeoutMs: 4000};"


# Keeps each Worker the page creates, so a test can break it the way a browser might.
KEEP_WORKERS = """window.__workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) { super(...args); window.__workers.push(this); }
};"""


def pyodide_requests(watched) -> list[str]:
    return [url for url in watched.requests if "/assets/pyodide/" in url or "/assets/py/" in url]


def build_info(site) -> dict:
    return json.loads((site.dir / "assets/checker/build.json").read_text())


def test_the_site_ships_only_the_runtime_files_it_needs(site):
    shipped = sorted(path.name for path in (site.dir / "assets/pyodide").iterdir())
    assert shipped == sorted(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                              "pyodide-lock.json"])
    build = build_info(site)
    assert (site.dir / "assets/py" / build["wheel"]).is_file()
    assert (site.dir / "assets/vendor/noble-ciphers/chacha.js").is_file()
    # The snapshot: named by its digest, as recorded.
    snapshot = site.dir / "assets/py" / build["snapshot"]["name"]
    data = snapshot.read_bytes()
    digest = hashlib.sha256(data).digest()
    assert snapshot.name == f"snapshot-{digest.hex()[:16]}.bin"
    assert build["snapshot"]["integrity"] == "sha256-" + base64.b64encode(digest).decode()
    assert build["snapshot"]["bytes"] == len(data)


def test_the_checker_page_starts_from_the_snapshot(open_page, check_key, site):
    watched = open_page("/checker/")
    stats = watched.page.evaluate("window.__glpiKeycheck")
    assert stats["path"] == "snapshot" and stats["fallbackReason"] is None
    assert stats["workerStarts"] == 1
    build = build_info(site)
    assert any(url.endswith("/assets/py/" + build["snapshot"]["name"]) for url in watched.requests)
    assert not any(url.endswith("/assets/py/" + build["wheel"]) for url in watched.requests)  # not needed
    # The snapshot is undone with the runtime's bytes (snapshot-delta.mjs): one download serves both.
    assert watched.wasm_loads() == 1
    assert check_key(watched.page, KEY)["status"] == "ok"


def test_the_checker_page_starts_python_from_its_head_without_waiting_for_the_ui(open_page, site):
    # Without the entry script (and so without any UI module), start.js in <head> has already
    # created the worker, and the runtime downloads.
    watched = open_page("/checker/", wait_ready=False,
                        route=("**/assets/checker/checker.js", lambda route: route.fulfill(status=404, body="")))
    page = watched.page
    snapshot = build_info(site)["snapshot"]["name"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__glpiKeycheckBoot.worker") == "object"
    assert any(url.endswith("/assets/py/" + snapshot) for url in watched.requests)
    assert not any(url.endswith("/assets/checker/ui.js") for url in watched.requests)


def _falls_back(open_page, check_key, site, body: bytes, *, integrity: str | None = None) -> str:
    """Serve `body` as the snapshot (and, when given, a build.json recording `integrity` for
    it); the page must start the ordinary way and work. Returns the recorded reason."""
    build = build_info(site)
    routes = {build["snapshot"]["name"]: body}
    if integrity:
        build["snapshot"]["integrity"] = integrity
        routes["build.json"] = json.dumps(build).encode()

    def handler(route):
        name = route.request.url.rsplit("/", 1)[-1]
        if name in routes:
            route.fulfill(status=200, body=routes[name], content_type="application/octet-stream")
        else:
            route.continue_()

    watched = open_page("/checker/", route=("**/assets/{py,checker}/*", handler))
    stats = watched.page.evaluate("window.__glpiKeycheck")
    assert stats["path"] == "ordinary", stats
    assert any(url.endswith("/assets/py/" + build["wheel"]) for url in watched.requests)
    assert check_key(watched.page, KEY)["status"] == "ok"
    return stats["fallbackReason"]


def test_a_damaged_snapshot_falls_back_to_the_ordinary_start(open_page, check_key, site):
    # A download cut short (64 KiB of 31 MB; a small body also keeps the route fast): its
    # integrity does not match the record, so Pyodide never sees it.
    data = bytearray((site.dir / "assets/py" / build_info(site)["snapshot"]["name"]).read_bytes()[:65536])
    data[100] ^= 0xFF
    reason = _falls_back(open_page, check_key, site, bytes(data))
    assert "integrity" in reason.lower() or "fetch" in reason.lower(), reason


def test_a_snapshot_pyodide_refuses_falls_back_to_the_ordinary_start(open_page, check_key, site):
    # Intact as recorded, but not a snapshot of this runtime: restoring it fails.
    bogus = b"not a snapshot of this runtime" * 1000
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(bogus).digest()).decode()
    reason = _falls_back(open_page, check_key, site, bogus, integrity=integrity)
    assert "snapshot" in reason.lower(), reason


def test_a_troubleshooting_simulator_loads_nothing_until_it_is_reached(open_page, wait_ready):
    watched = open_page("/troubleshooting/unable-to-fetch/", wait_ready=False)
    page = watched.page
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert pyodide_requests(watched) == []
    assert page.evaluate("window.__glpiKeycheck ? window.__glpiKeycheck.workerStarts : 0") == 0
    assert page.get_attribute("[data-simulator-preset]", "data-state") == "idle"
    page.locator("[data-simulator-preset]").scroll_into_view_if_needed()
    wait_ready(page, "[data-simulator-preset]")
    assert page.evaluate("window.__glpiKeycheck.path") == "snapshot"


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
    # Progress in steps, not only "loading" (the worker reports each step as it starts it).
    assert "step " in page.locator("[data-checker-status] [data-progress]").inner_text(timeout=20_000)
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


# --- after ready: a broken worker never strands a request ---------------------------------------

def _append_to_worker(code: str):
    """A route handler serving worker.js with `code` appended (it runs after the real script)."""
    def handler(route):
        response = route.fetch()
        route.fulfill(status=200, body=response.text() + "\n" + code, content_type="text/javascript")
    return handler


def _retry_recovers(watched, wait_ready, check_key, *, pending=True):
    page = watched.page
    page.wait_for_selector("[data-checker][data-state=error] [data-checker-retry]", timeout=30_000)
    status = page.inner_text("[data-checker-status]")
    assert "stopped" in status and "application/wasm" not in status  # not a start-up problem
    if pending:   # the check was rejected, not stranded
        page.wait_for_selector("[data-checker-result] .kc-error")
    else:         # typed after the failure: waits for the next start
        page.wait_for_selector("[data-checker-result] .kc-waiting")
    watched.context.unroute("**/assets/checker/worker.js")
    page.click("[data-checker-retry]")
    wait_ready(page)
    assert page.evaluate("window.__glpiKeycheck.workerStarts") == 2
    assert check_key(page, KEY + " ")["status"] in ("ok", "warning")  # a fresh worker answers
    page.wait_for_selector("[data-simulator] select[data-simulator-scenario]:not([disabled])")


@pytest.mark.parametrize("broken_worker", [
    pytest.param("self.onmessage = () => { throw new Error('simulated crash'); };", id="crash"),
    pytest.param("self.onmessage = () => { for (;;) {} };", id="python-hangs"),
])
def test_a_worker_that_breaks_after_ready_rejects_pending_requests_and_retry_recovers(
        open_page, wait_ready, check_key, broken_worker):
    # The worker starts fine, then breaks on the first request: the simulator's scenario list
    # (asked for as soon as Python is ready) and the key typed before ready are both pending.
    watched = open_page("/checker/", init_script="window.glpiKeycheckConfig = {requestTimeoutMs: 3000};",
                        wait_ready=False, route=("**/assets/checker/worker.js", _append_to_worker(broken_worker)))
    watched.page.fill("[data-checker-input]", KEY)
    watched.page.wait_for_selector("[data-simulator-result] .kc-error", timeout=60_000)
    assert watched.page.evaluate("window.__glpiKeycheck.readyAt") is not None  # it broke after ready
    _retry_recovers(watched, wait_ready, check_key)


@pytest.mark.parametrize("how", ["terminate", "messageerror"])
def test_a_dead_or_unreadable_worker_rejects_requests_and_retry_recovers(open_page, wait_ready, check_key, how):
    watched = open_page("/checker/", init_script=KEEP_WORKERS + "window.glpiKeycheckConfig = {requestTimeoutMs: 3000};")
    page = watched.page
    page.wait_for_selector("[data-simulator] select[data-simulator-scenario]:not([disabled])")
    if how == "terminate":     # no event at all: only the per-request timeout can notice
        page.evaluate("window.__workers[0].terminate()")
    else:
        page.evaluate("window.__workers[0].dispatchEvent(new MessageEvent('messageerror'))")
    page.fill("[data-checker-input]", KEY)
    page.wait_for_selector("[data-checker][data-state=error]", timeout=30_000)
    assert page.locator("[data-simulator] [data-checker-retry]").count() == 1  # every widget offers Retry
    _retry_recovers(watched, wait_ready, check_key, pending=how == "terminate")


def test_after_retry_the_chosen_key_file_still_decrypts(open_page, wait_ready):
    # The fresh worker never saw the file chosen before the crash: the panel sends it again.
    from test_keyfile_panel import KEY as GLPI_KEY, T5
    watched = open_page("/checker/", init_script=KEEP_WORKERS + "window.glpiKeycheckConfig = {requestTimeoutMs: 3000};")
    page = watched.page
    page.set_input_files("[data-keyfile-input]", files=[{"name": "glpicrypt.key", "mimeType": "application/octet-stream",
                                                          "buffer": GLPI_KEY}])
    page.wait_for_selector("[data-keyfile-result][data-status=ok]")
    page.evaluate("window.__workers[0].terminate()")
    page.fill("[data-checker-input]", KEY)  # only the per-request timeout can notice a terminated worker
    page.wait_for_selector("[data-checker][data-state=error] [data-checker-retry]", timeout=30_000)
    page.click("[data-checker-retry]")
    wait_ready(page)
    value, secret = T5[0]
    page.fill("[data-keyfile-value]", value)
    page.click("[data-keyfile-decrypt]")
    page.wait_for_selector("[data-keyfile-decrypt-result][data-status]")
    assert page.locator("[data-keyfile-decrypt-result]").get_attribute("data-status") == "ok"
    page.click("[data-keyfile-show]")
    assert page.inner_text("[data-keyfile-plaintext]") == secret
