"""Browser benchmark: what the checker costs a reader, measured in Debian's Chromium.

Builds the site once (SITE_URL = the local server), serves it on 127.0.0.1 and prints:
- cold and warm time-to-ready of /checker/ and of a bare page that only loads Pyodide in a
  module worker (same runtime, no checker wheel, no UI), and their ratio;
- bytes transferred by /checker/ (cold) and by a page without a checker (the home page);
- main-thread long tasks (>50 ms) while /checker/ loads;
- the verdict latency after a keystroke (includes the UI's 150 ms debounce).

Usage: .venv/bin/python scripts/bench_browser.py [--runs N]
Cold = a fresh browser context (empty cache); warm = a reload in the same context. Times are
from navigation start. On a loaded machine the figures move: read them as orders of magnitude.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_site import build_site, free_port, serve  # scripts/ is on sys.path when run as a script

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 120_000

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare Pyodide</title>
<script type="module">
const worker = new Worker(new URL("bare-worker.js", import.meta.url), {type: "module"});
worker.onmessage = () => { window.__bareReady = performance.now(); document.body.dataset.ready = "1"; };
</script><body></body>"""
BARE_WORKER = """const assets = new URL("../assets/", import.meta.url);
const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", assets).href);
await loadPyodide({ indexURL: new URL("pyodide/", assets).href });
postMessage("ready");
"""
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
  .observe({ type: "longtask", buffered: true });"""


def build(site_dir: Path, url: str) -> None:
    """The site for `url`, plus the bare Pyodide page under bench/; exits if mkdocs fails."""
    built = build_site(site_dir, url)
    if built.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{built.stderr[-3000:]}")
    (site_dir / "bench").mkdir()
    (site_dir / "bench/bare.html").write_text(BARE_PAGE)
    (site_dir / "bench/bare-worker.js").write_text(BARE_WORKER)


def transferred(context) -> list:
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    return finished


def byte_total(requests) -> int:
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def checker_ready(page) -> float:
    page.wait_for_selector("[data-checker][data-state=ready]", timeout=TIMEOUT_MS)
    return page.evaluate("() => window.__glpiKeycheck.readyAt")


def bare_ready(page) -> float:
    page.wait_for_selector("body[data-ready]", state="attached", timeout=TIMEOUT_MS)
    return page.evaluate("() => window.__bareReady")


def time_to_ready(browser, url: str, ready, runs: int) -> tuple[list[float], list[float]]:
    cold, warm = [], []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        cold.append(ready(page))
        page.reload()
        warm.append(ready(page))
        context.close()
    return cold, warm


def keystroke_latency(page, samples: int) -> list[float]:
    page.evaluate("""() => {
        const input = document.querySelector('[data-checker-input]');
        const result = document.querySelector('[data-checker-result]');
        input.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
        new MutationObserver(() => { window.__shownAt = performance.now(); })
            .observe(result, { attributes: true, attributeFilter: ['data-renders'] });
    }""")
    page.fill("[data-checker-input]", "eyJzaWduYXR1cmUiOiJhYmMifQ")
    page.wait_for_selector("[data-checker-result][data-renders]", timeout=TIMEOUT_MS)
    latencies = []
    for index in range(samples):
        before = page.get_attribute("[data-checker-result]", "data-renders")
        page.focus("[data-checker-input]")
        page.keyboard.press("End")
        page.keyboard.type("=" if index % 2 == 0 else "x")
        page.wait_for_selector(f"[data-checker-result]:not([data-renders='{before}'])", timeout=TIMEOUT_MS)
        latencies.append(page.evaluate("() => window.__shownAt - window.__keyAt"))
        page.keyboard.press("Backspace")
        page.wait_for_selector(f"[data-checker-result]:not([data-renders='{int(before) + 1}'])", timeout=TIMEOUT_MS)
    return latencies


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values):7.0f} ms  (min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold/warm runs per page (default 3)")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        build(site_dir, url)
        with serve(site_dir, port), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            checker_cold, checker_warm = time_to_ready(browser, url + "checker/", checker_ready, args.runs)
            bare_cold, bare_warm = time_to_ready(browser, url + "bench/bare.html", bare_ready, args.runs)

            context = browser.new_context()
            context.add_init_script(LONG_TASKS)
            requests = transferred(context)
            page = context.new_page()
            page.goto(url + "checker/")
            checker_ready(page)
            page.wait_for_load_state("networkidle")
            checker_bytes, checker_requests = byte_total(requests), len(requests)
            long_tasks = page.evaluate("() => window.__longTasks")
            worker = page.evaluate("() => ({...window.__glpiKeycheck.workerTimings, startedAt: window.__glpiKeycheck.startedAt})")
            latencies = keystroke_latency(page, 10)
            context.close()

            context = browser.new_context()
            requests = transferred(context)
            page = context.new_page()
            page.goto(url)
            page.wait_for_load_state("networkidle")
            plain_bytes, plain_requests = byte_total(requests), len(requests)
            pyodide_on_plain = [r.url for r in requests if "/assets/pyodide/" in r.url]
            context.close()
            browser.close()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)

    print(f"Browser benchmark, Chromium headless, site served by http.server on 127.0.0.1 (no gzip), {os.cpu_count()} CPUs")
    print(f"  /checker/ time-to-ready, cold:   {ms(checker_cold)}")
    print(f"  /checker/ time-to-ready, warm:   {ms(checker_warm)}")
    print(f"  bare Pyodide page, cold:         {ms(bare_cold)}")
    print(f"  bare Pyodide page, warm:         {ms(bare_warm)}")
    print(f"  ratio checker / bare (medians):  cold {statistics.median(checker_cold) / statistics.median(bare_cold):.2f}, "
          f"warm {statistics.median(checker_warm) / statistics.median(bare_warm):.2f}")
    print(f"  worker created {worker['startedAt']} ms after navigation start; then, in ms since it started: "
          f"loader imported {worker['loader']}, "
          f"Python up {worker['python']}, wheel unpacked {worker['wheel']}, checker imported {worker['imported']}")
    print(f"  bytes, /checker/ (cold):         {checker_bytes:,} in {checker_requests} requests")
    print(f"  bytes, home page (no checker):   {plain_bytes:,} in {plain_requests} requests; "
          f"Pyodide files requested: {len(pyodide_on_plain)}")
    print(f"  main-thread long tasks while /checker/ loads: {len(long_tasks)}"
          + (f", longest {max(long_tasks):.0f} ms, total {sum(long_tasks):.0f} ms" if long_tasks else ""))
    print(f"  verdict after a keystroke:       {ms(latencies)} (includes the 150 ms debounce)")


if __name__ == "__main__":
    main()
