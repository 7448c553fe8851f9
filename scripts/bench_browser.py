"""Browser benchmark: what the checker costs a reader, measured in Debian's Chromium.

Builds the site twice (SITE_URL = the local server): as shipped, with Python's memory snapshot
made afresh (not from the build cache, so the build time includes it), and with
KEYCHECK_SNAPSHOT=0 (the ordinary start only, for comparison). Serves both on 127.0.0.1 and
prints, in one run:
- `mkdocs build` wall time with the snapshot, and without it;
- cold and warm time-to-ready of /checker/ and of a bare page that only loads Pyodide in a
  module worker (same runtime, no checker wheel, no UI), and their ratios; the start path
  ("snapshot" or "ordinary"); when the worker was created, and its milestones;
- bytes for /checker/ (cold): as sent by http.server (raw) and as the documented nginx
  configuration would send them (gzip level 5 for its gzip_types and the snapshot), with and without the snapshot; and for the home page and a troubleshooting page
  whose simulator stays out of view (both must load no runtime bytes);
- main-thread long tasks (>50 ms) while /checker/ loads;
- the verdict latency after a keystroke.

Usage: .venv/bin/python scripts/bench_browser.py [--runs N]
Cold = a fresh browser context (empty cache); warm = a reload in the same context. Times are
from navigation start. On a loaded machine the figures move: read them as orders of magnitude.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

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


def build(site_dir: Path, url: str, **env: str) -> float:
    """The site for `url`, plus the bare Pyodide page under bench/; exits if mkdocs fails.
    Returns the build's wall time in seconds."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        started = time.monotonic()
        built = build_site(site_dir, url)
        seconds = time.monotonic() - started
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if built.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{built.stderr[-3000:]}")
    (site_dir / "bench").mkdir()
    (site_dir / "bench/bare.html").write_text(BARE_PAGE)
    (site_dir / "bench/bare-worker.js").write_text(BARE_WORKER)
    return seconds


# What the documented nginx configuration compresses (docs/deploy/nginx.conf).
NGINX_CONF = Path(__file__).resolve().parents[1] / "docs/deploy/nginx.conf"
NGINX_GZIP_TYPES = set(re.search(r"gzip_types([^;]+);", NGINX_CONF.read_text()).group(1).split())
NGINX_MIN_LENGTH = 1024
TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
         ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml",
         ".xml": "application/xml", ".txt": "text/plain"}


class Sizes:
    """Body sizes of the site's files: raw, and as the documented nginx config sends them."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.cache: dict[Path, tuple[int, int]] = {}

    def of(self, url: str) -> tuple[int, int]:
        path = self.site_dir / urlsplit(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path not in self.cache:
            data = path.read_bytes() if path.is_file() else b""
            sent = len(data)
            snapshot = path.name.startswith("snapshot-") and path.suffix == ".bin"  # its own gzip_types
            if snapshot or TYPES.get(path.suffix) in NGINX_GZIP_TYPES | {"text/html"} and len(data) >= NGINX_MIN_LENGTH:
                sent = len(gzip.compress(data, compresslevel=5))
            self.cache[path] = (len(data), sent)
        return self.cache[path]

    def total(self, urls: list[str]) -> tuple[int, int]:
        pairs = [self.of(url) for url in urls]
        return sum(raw for raw, _ in pairs), sum(sent for _, sent in pairs)


def runtime_urls(urls: list[str]) -> list[str]:
    return [url for url in urls if "/assets/pyodide/" in url or "/assets/py/" in url]


def transferred(context) -> list:
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    return finished


def page_bytes(browser, url: str, sizes: Sizes, *, wait_checker: bool) -> dict:
    """Cold load of `url`: requests, raw and nginx-gzip body bytes, runtime URLs, stats."""
    context = browser.new_context()
    requests = transferred(context)
    page = context.new_page()
    page.goto(url)
    if wait_checker:
        checker_ready(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    urls = [request.url for request in requests]
    raw, sent = sizes.total(urls)
    stats = page.evaluate("() => window.__glpiKeycheck || null")
    context.close()
    return {"requests": len(urls), "raw": raw, "gzip": sent, "runtime": runtime_urls(urls), "stats": stats}


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


def mb(count: int) -> str:
    return f"{count / 1e6:6.2f} MB ({count:,} bytes)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold/warm runs per page (default 3)")
    args = parser.parse_args()
    port, plain_port = free_port(), free_port()
    url, plain_url = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{plain_port}/"
    site_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
    plain_dir = Path(tempfile.mkdtemp(prefix="bench-site-plain-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="bench-snapshot-cache-"))
    try:
        build_with = build(site_dir, url, KEYCHECK_SNAPSHOT_CACHE=str(cache_dir))  # a fresh snapshot
        build_without = build(plain_dir, plain_url, KEYCHECK_SNAPSHOT="0")
        with ExitStack() as stack:
            stack.enter_context(serve(site_dir, port))
            stack.enter_context(serve(plain_dir, plain_port))
            playwright = stack.enter_context(sync_playwright())
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            checker_cold, checker_warm = time_to_ready(browser, url + "checker/", checker_ready, args.runs)
            bare_cold, bare_warm = time_to_ready(browser, url + "bench/bare.html", bare_ready, args.runs)
            ordinary_cold, _ = time_to_ready(browser, plain_url + "checker/", checker_ready, 1)

            context = browser.new_context()
            context.add_init_script(LONG_TASKS)
            page = context.new_page()
            page.goto(url + "checker/")
            checker_ready(page)
            page.wait_for_load_state("networkidle")
            long_tasks = page.evaluate("() => window.__longTasks")
            stats = page.evaluate("() => window.__glpiKeycheck")
            latencies = keystroke_latency(page, 10)
            context.close()

            sizes, plain_sizes = Sizes(site_dir), Sizes(plain_dir)
            checker = page_bytes(browser, url + "checker/", sizes, wait_checker=True)
            ordinary = page_bytes(browser, plain_url + "checker/", plain_sizes, wait_checker=True)
            home = page_bytes(browser, url, sizes, wait_checker=False)
            trouble = page_bytes(browser, url + "troubleshooting/unable-to-fetch/", sizes, wait_checker=False)
            browser.close()
    finally:
        for folder in (site_dir, plain_dir, cache_dir):
            shutil.rmtree(folder, ignore_errors=True)

    timings = stats["workerTimings"] or {}
    print(f"Browser benchmark, Chromium headless, site served by http.server on 127.0.0.1, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine moves these figures)")
    print(f"  mkdocs build:                    {build_with:5.1f} s with a fresh memory snapshot, "
          f"{build_without:5.1f} s without (KEYCHECK_SNAPSHOT=0): the snapshot adds {build_with - build_without:.1f} s")
    print(f"  /checker/ time-to-ready, cold:   {ms(checker_cold)}")
    print(f"  /checker/ time-to-ready, warm:   {ms(checker_warm)}")
    print(f"  bare Pyodide page, cold:         {ms(bare_cold)}")
    print(f"  bare Pyodide page, warm:         {ms(bare_warm)}")
    print(f"  ratio checker / bare (medians):  cold {statistics.median(checker_cold) / statistics.median(bare_cold):.2f}, "
          f"warm {statistics.median(checker_warm) / statistics.median(bare_warm):.2f}   (goal: <= 0.50)")
    print(f"  /checker/ without the snapshot:  cold {ordinary_cold[0]:.0f} ms (ordinary start, one run)")
    print(f"  start path: {stats['path']}" + (f" (fell back: {stats['fallbackReason']})" if stats["fallbackReason"] else ""))
    print(f"  worker created {stats['startedAt']} ms after navigation start (goal: <= 100); then, in ms since it "
          f"started: loader imported {timings.get('loader')}, snapshot downloaded {timings.get('snapshotFetched')}, "
          f"Python up {timings.get('python')}, checker ready {timings.get('imported')}")
    print(f"  bytes, /checker/ cold, raw:      {mb(checker['raw'])} in {checker['requests']} requests "
          f"(without the snapshot: {mb(ordinary['raw'])})")
    print(f"  bytes, /checker/ cold, gzip:     {mb(checker['gzip'])} as the documented nginx config sends them "
          f"(without the snapshot: {mb(ordinary['gzip'])}; the snapshot adds {(checker['gzip'] - ordinary['gzip']) / 1e6:.2f} MB, goal: <= 7)")
    print(f"  bytes, home page (no checker):   {mb(home['raw'])} raw in {home['requests']} requests; "
          f"runtime files requested: {len(home['runtime'])}")
    print(f"  bytes, troubleshooting page, simulator out of view: {mb(trouble['raw'])} raw; "
          f"runtime files requested: {len(trouble['runtime'])}")
    print(f"  main-thread long tasks while /checker/ loads: {len(long_tasks)}"
          + (f", longest {max(long_tasks):.0f} ms, total {sum(long_tasks):.0f} ms" if long_tasks else "")
          + "   (goal: none over 200 ms)")
    print(f"  verdict after a keystroke:       {ms(latencies)}   (goal: <= 50 ms)")


if __name__ == "__main__":
    main()
