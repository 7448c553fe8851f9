"""The documented Apache configuration, exactly as docs/deploy/apache.conf holds it, serves the
help centre under /keycheck/ and the checker works through it.

Apache runs from a generated main config (pid, logs and mutexes in a tmp dir, only the modules
the how-to enables, foreground). The only change to the snippet is where the site lives.
Apache will not serve pages as root, so under root its children run as www-data and the tmp
dir is made world-readable (it holds a built site and nothing secret).
"""

from __future__ import annotations

import gzip
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from test_trust_nginx import CSP, KEY, READY_TIMEOUT_MS, SUB_PATH, Served, _free_port, fetch

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SNIPPET = ROOT / "docs/deploy/apache.conf"
DOCUMENTED_DIR = "/var/www/keycheck"
MODULES = Path("/usr/lib/apache2/modules")
# What `a2enmod alias dir mime headers deflate` gives (deflate needs filter), plus the basics.
LOADED = ("mpm_event", "authz_core", "alias", "dir", "mime", "headers", "filter", "deflate")


def _apache() -> str:
    found = shutil.which("apache2") or ("/usr/sbin/apache2" if os.access("/usr/sbin/apache2", os.X_OK) else None)
    if not found or not MODULES.is_dir():
        if os.environ.get("CI"):
            pytest.fail("apache2 is missing: scripts/ensure-system-packages.sh installs it (make system-deps)")
        pytest.skip("apache2 is not installed; run scripts/ensure-system-packages.sh")
    return found


def main_config(work: Path, port: int, snippet: Path) -> str:
    user = ""
    if os.geteuid() == 0:
        account = "www-data" if _has_user("www-data") else "nobody"
        user = f"User {account}\nGroup #{pwd.getpwnam(account).pw_gid}\n"
    modules = "\n".join(f"LoadModule {name}_module {MODULES / f'mod_{name}.so'}" for name in LOADED)
    return f"""ServerRoot {work}
{modules}
{user}Listen 127.0.0.1:{port}
ServerName 127.0.0.1
PidFile {work / 'httpd.pid'}
ErrorLog {work / 'error.log'}
LogLevel warn
Mutex file:{work} default
DefaultRuntimeDir {work}
TypesConfig /etc/mime.types
# A stand-in for the virtual host that serves GLPI.
DocumentRoot {work / 'glpi'}
<Directory />
    Require all denied
    AllowOverride None
</Directory>
<Directory {work / 'glpi'}>
    Require all granted
</Directory>
Include {snippet}
"""


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture(scope="module")
def served() -> Served:
    apache = _apache()
    work = Path(tempfile.mkdtemp(prefix="keycheck-apache-"))
    work.chmod(0o755)
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = work / "www" / SUB_PATH.strip("/")
    env = {**os.environ, "SITE_URL": origin + SUB_PATH, "NO_MKDOCS_2_WARNING": "1"}
    process = None
    try:
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
                               cwd=ROOT, env=env, capture_output=True, text=True)
        if built.returncode != 0:
            pytest.fail(f"mkdocs build failed:\n{built.stderr[-3000:]}", pytrace=False)
        (work / "www").chmod(0o755)
        (work / "glpi").mkdir(mode=0o755)
        lines = SNIPPET.read_text().splitlines(keepends=True)
        moved = [line.replace(DOCUMENTED_DIR, str(site_dir)) if not line.lstrip().startswith("#") else line
                 for line in lines]
        changed = sum(old != new for old, new in zip(lines, moved))
        assert changed == 2, f"{SNIPPET.name}: expected {DOCUMENTED_DIR} in Alias and <Directory> only"
        snippet = work / "glpi-keycheck.conf"
        snippet.write_text("".join(moved))
        config = work / "httpd.conf"
        config.write_text(main_config(work, port, snippet))
        command = [apache, "-f", str(config)]
        tested = subprocess.run(command + ["-t"], capture_output=True, text=True)
        assert tested.returncode == 0, f"apache2 -t rejects the documented configuration:\n{tested.stderr}"
        process = subprocess.Popen(command + ["-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (work / "error.log").read_text() if (work / "error.log").exists() else ""
                    pytest.fail(f"apache2 did not start: {process.stderr.read().decode()[-2000:]}{log[-2000:]}")
                time.sleep(0.05)
        yield Served(origin + SUB_PATH, origin, site_dir)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
            process.stderr.close()
        shutil.rmtree(work, ignore_errors=True)


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


@pytest.mark.parametrize("path, content_type", [
    ("assets/pyodide/pyodide.asm.wasm", "application/wasm"),
    ("assets/pyodide/pyodide.asm.mjs", "text/javascript"),
    ("assets/pyodide/pyodide.mjs", "text/javascript"),
    ("assets/checker/worker.js", "text/javascript"),
])
def test_runtime_files_have_their_type_and_are_gzipped(served, path, content_type):
    status, headers, body = fetch(served.url + path)
    assert status == 200
    assert headers["Content-Type"] == content_type
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == (served.site_dir / path).read_bytes()
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert headers["Cache-Control"] == "no-cache"


def test_hashed_material_bundles_are_cached_for_a_year(served):
    bundle = next((served.site_dir / "assets/javascripts").glob("bundle.*.min.js"))
    status, headers, _ = fetch(served.url + f"assets/javascripts/{bundle.name}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_sub_path_redirects_and_404_page(served):
    status, headers, _ = fetch(served.origin + SUB_PATH.rstrip("/"))
    assert status == 301 and headers["Location"].endswith(SUB_PATH)
    status, headers, body = fetch(served.url + "no-such-page/", gzip_ok=False)
    assert status == 404
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert f'href="{SUB_PATH}assets/stylesheets/' in body.decode()


def test_the_checker_works_through_apache(browser, served):
    context = browser.new_context(base_url=served.origin)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    context.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(SUB_PATH + "checker/")
        page.wait_for_selector("[data-checker][data-state=ready]", timeout=READY_TIMEOUT_MS)
        page.fill("[data-checker-input]", KEY)
        page.wait_for_selector("[data-checker-result][data-status=ok][data-kind=registration-key]")
        page.locator("[data-simulator-run]").click()
        page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
        assert problems == []
        assert all(url.startswith(served.url) for url in requests)
    finally:
        context.close()
