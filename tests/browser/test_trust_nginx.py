"""The documented nginx configuration, exactly as docs/deploy/nginx.conf holds it, serves the
help centre under a sub-path of a GLPI-like server, and the checker works through it.

nginx runs unprivileged-friendly: a generated main config (pid, logs and temp files in a tmp
dir, one worker, foreground) holds a GLPI-like server block that `include`s the snippet. The
only change to the snippet is where the built site lives (`root /var/www;`).
"""

from __future__ import annotations

import base64
import gzip
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SNIPPET = ROOT / "docs/deploy/nginx.conf"
SUB_PATH = "/keycheck/"
DOCUMENTED_ROOT = "root /var/www;"
READY_TIMEOUT_MS = 60_000

_spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "scripts/hooks/csp.py")
CSP = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CSP)

KEY = base64.b64encode(json.dumps({"subscription": "standard", "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()


@dataclass(frozen=True)
class Served:
    url: str       # http://127.0.0.1:PORT/keycheck/
    origin: str    # http://127.0.0.1:PORT
    site_dir: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: scripts/ensure-system-packages.sh installs it (make system-deps)")
        pytest.skip("nginx is not installed and cannot be here; run scripts/ensure-system-packages.sh")
    return found


def main_config(work: Path, port: int, snippet: Path) -> str:
    # As root, workers would switch to "nobody" and fail to read the tmp dirs (mode 0700).
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {name}_temp_path {work / name};" for name in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}worker_processes 1;
daemon off;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
{temp}
    # A stand-in for the server block that serves GLPI.
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {work / 'glpi'};
        location ~ \\.php$ {{ return 418; }}
        location ~* \\.(js|css|png|jpg|gif|svg|ico|wasm|mjs)$ {{ expires 7d; }}
        include {snippet};
    }}
}}
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Served:
    nginx = _nginx()
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = work / "www" / SUB_PATH.strip("/")
    env = {**os.environ, "SITE_URL": origin + SUB_PATH, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    if built.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{built.stderr[-3000:]}", pytrace=False)
    documented = SNIPPET.read_text()
    assert documented.count(DOCUMENTED_ROOT) == 1, f"{SNIPPET.name} no longer holds {DOCUMENTED_ROOT!r}"
    snippet = work / "glpi-keycheck.conf"
    snippet.write_text(documented.replace(DOCUMENTED_ROOT, f"root {work / 'www'};"))
    (work / "glpi").mkdir()
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / name).mkdir()
    config = work / "nginx.conf"
    config.write_text(main_config(work, port, snippet))
    command = [nginx, "-e", str(work / "error.log"), "-p", str(work), "-c", str(config)]
    tested = subprocess.run(command + ["-t"], capture_output=True, text=True)
    assert tested.returncode == 0, f"nginx -t rejects the documented configuration:\n{tested.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode()[-2000:]}"
                                f"{(work / 'error.log').read_text()[-2000:]}")
                time.sleep(0.05)
        yield Served(origin + SUB_PATH, origin, site_dir)
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, gzip_ok: bool = True):
    """(status, headers, body as sent) without following redirects."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# --- the headers the documentation promises --------------------------------------------------

def test_pages_carry_the_policy_header_and_revalidate(served):
    status, headers, body = fetch(served.url + "checker/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Encoding"] == "gzip"
    assert b"data-checker" in gzip.decompress(body)


JAVASCRIPT = ("text/javascript", "application/javascript")  # .js: whatever mime.types says


@pytest.mark.parametrize("path, content_types", [
    ("assets/pyodide/pyodide.asm.wasm", ("application/wasm",)),
    ("assets/pyodide/pyodide.asm.mjs", ("text/javascript",)),
    ("assets/pyodide/pyodide.mjs", ("text/javascript",)),
    ("assets/checker/worker.js", JAVASCRIPT),
    ("assets/vendor/noble-ciphers/chacha.js", JAVASCRIPT),
])
def test_runtime_files_have_their_type_and_are_gzipped(served, path, content_types):
    status, headers, body = fetch(served.url + path)
    assert status == 200
    assert headers["Content-Type"] in content_types
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (served.site_dir / path).read_bytes()
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY  # the worker runs under it too
    assert headers["Cache-Control"] == "no-cache"
    # Without Accept-Encoding: gzip, the same bytes, uncompressed.
    assert fetch(served.url + path, gzip_ok=False)[2] == (served.site_dir / path).read_bytes()


def test_hashed_material_bundles_are_cached_for_a_year(served):
    bundles = sorted((served.site_dir / "assets/javascripts").glob("bundle.*.min.js"))
    assert bundles
    status, headers, _ = fetch(served.url + f"assets/javascripts/{bundles[0].name}")
    assert status == 200 and headers["Cache-Control"] == "max-age=31536000"


def test_sub_path_redirects_and_404_page(served):
    status, headers, _ = fetch(served.origin + SUB_PATH.rstrip("/"))
    assert (status, headers["Location"]) == (301, SUB_PATH)
    status, headers, _ = fetch(served.url + "checker")
    assert (status, headers["Location"]) == (301, SUB_PATH + "checker/")
    status, headers, body = fetch(served.url + "no-such-page/", gzip_ok=False)
    assert status == 404
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert f'href="{SUB_PATH}assets/stylesheets/' in body.decode()  # the site's own 404 page
    # GLPI's own locations keep working beside it.
    assert fetch(served.origin + "/index.php")[0] == 418


# --- the checker through nginx, in the browser ------------------------------------------------

def test_the_checker_works_through_nginx(browser, served):
    context = browser.new_context(base_url=served.origin)
    context.add_init_script("""window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation",
            (event) => window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI));""")
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    wasm_encodings: list[str | None] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: response.url.endswith(".wasm") and wasm_encodings.append(
        response.headers.get("content-encoding")))
    try:
        page.goto(SUB_PATH + "checker/")
        page.wait_for_selector("[data-checker][data-state=ready]", timeout=READY_TIMEOUT_MS)
        page.fill("[data-checker-input]", KEY)
        page.wait_for_selector("[data-checker-result][data-status=ok][data-kind=registration-key]")
        page.locator("[data-simulator-run]").click()
        page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
        # Instant navigation works under the sub-path (the sitemap matches the served URL).
        page.evaluate("window.__sameDocument = true")
        page.locator("a[href$='troubleshooting/unable-to-fetch/']").first.evaluate("link => link.click()")
        page.wait_for_url(lambda url: f"{SUB_PATH}troubleshooting/unable-to-fetch/" in url)  # toc may add a #fragment
        page.locator("[data-simulator-preset] [data-simulator-run]:not([disabled])").click()
        page.locator("[data-simulator-preset] [data-simulator-outcome]").wait_for()
        assert page.evaluate("window.__sameDocument") is True
        assert page.evaluate("window.__cspViolations") == []
        assert problems == []
        assert wasm_encodings == ["gzip"]
        assert all(url.startswith(served.url) for url in requests), \
            [url for url in requests if not url.startswith(served.url)]
        # The 404 page, served at any depth, finds its scripts under the sub-path.
        page.goto(SUB_PATH + "no/such/page/")
        assert page.evaluate("() => typeof window.__md_get") == "function"
        assert page.locator("[data-md-component=search]").count() == 1
        assert page.evaluate("window.__cspViolations") == []
    finally:
        context.close()


# --- the page shows exactly these files -------------------------------------------------------

@pytest.mark.parametrize("name", ["nginx.conf", "apache.conf"])
def test_the_how_to_shows_the_tested_files_verbatim(name):
    page = (ROOT / "docs/howto/deploy-offline.md").read_text()
    config = (ROOT / "docs/deploy" / name).read_text()
    block = f'title="{name}"'
    assert block in page, f"docs/howto/deploy-offline.md has no code block titled {name}"
    start = page.index("\n", page.index(block)) + 1
    shown = page[start:page.index("\n```", start) + 1]
    assert shown == config, f"the {name} block in deploy-offline.md differs from docs/deploy/{name}"
    assert f'"{CSP.HEADER_POLICY}"' in config
