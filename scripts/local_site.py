"""Build the help centre for a given URL and serve it on 127.0.0.1: shared by the test suites
(tests/browser, tests/docs) and scripts/bench_browser.py.

- `free_port()`: a TCP port on 127.0.0.1 that nothing listens on right now.
- `build_site(site_dir, url, ...)`: `mkdocs build` with SITE_URL=url (instant navigation only
  works when the site is served at the URL it was built for); returns the CompletedProcess
  with its output captured and leaves failure handling to the caller.
- `serve(site_dir, port)`: a context manager serving site_dir from a threaded http.server with
  the MIME types Pyodide needs and no request logs.
"""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(site_dir: Path, url: str, *, config: str | Path | None = None, quiet: bool = True,
               strict: bool = False, timeout: float | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of the repository into site_dir. `config` picks another mkdocs.yml;
    `quiet=False` keeps mkdocs's warnings in stderr (-q silences them)."""
    command = [sys.executable, "-m", "mkdocs", "build"]
    if quiet:
        command.append("-q")
    if strict:
        command.append("--strict")
    if config is not None:
        command += ["-f", str(config)]
    command += ["-d", str(site_dir)]
    # NO_MKDOCS_2_WARNING: Material's end-of-life notice would fill stderr on every build.
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Pyodide's loader is an ES module and its runtime a .wasm: browsers check both types.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, format, *args):  # keep test and benchmark output clean
        pass


@contextmanager
def serve(site_dir: Path, port: int) -> Iterator[http.server.ThreadingHTTPServer]:
    """Serve site_dir at http://127.0.0.1:port/ from a daemon thread until the block ends."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
