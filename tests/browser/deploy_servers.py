"""Start nginx or Apache with the documented configuration (docs/deploy/*.conf) in front of a
sub-path build of the help centre, for test_trust_deploy.py.

Each server runs from a generated main config that stands in for the server block or virtual
host serving GLPI, and includes the documented snippet with one change: where the built site
lives. Both run in the foreground from a tmp dir (pid, logs, temp files) on a free port.

- nginx: the snippet's `root /var/www;` points at a pytest tmp dir; one worker.
- Apache: only the modules the how-to enables. Apache will not serve pages as root, so under
  root its children run as www-data and the tmp dir is made world-readable (it holds a built
  site and nothing secret); it is removed afterwards.

A missing server skips its tests, except on CI (CI set), where it fails them.
Imports local_site from scripts/, which conftest.py puts on sys.path.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from local_site import build_site, free_port

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "/keycheck/"
NGINX_SNIPPET = ROOT / "docs/deploy/nginx.conf"
NGINX_DOCUMENTED_ROOT = "root /var/www;"
NGINX_TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
APACHE_SNIPPET = ROOT / "docs/deploy/apache.conf"
APACHE_DOCUMENTED_DIR = "/var/www/keycheck"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
# What `a2enmod alias dir mime headers deflate` gives (deflate needs filter), plus the basics.
APACHE_LOADED = ("mpm_event", "authz_core", "alias", "dir", "mime", "headers", "filter", "deflate")


@dataclass(frozen=True)
class Served:
    server: str    # "nginx" or "apache"
    url: str       # http://127.0.0.1:PORT/keycheck/
    origin: str    # http://127.0.0.1:PORT
    site_dir: Path


def _missing(program: str, skip_reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{program} is missing: scripts/ensure-system-packages.sh installs it (make system-deps)")
    pytest.skip(skip_reason)


def _build(site_dir: Path, origin: str) -> None:
    built = build_site(site_dir, origin + SUB_PATH)
    if built.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{built.stderr[-3000:]}", pytrace=False)


def _wait_listening(process: subprocess.Popen, port: int, name: str, error_log: Path) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log = error_log.read_text() if error_log.exists() else ""
                pytest.fail(f"{name} did not start: {process.stderr.read().decode()[-2000:]}{log[-2000:]}")
            time.sleep(0.05)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)
    process.stderr.close()


# --- nginx -------------------------------------------------------------------------------------

def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        _missing("nginx", "nginx is not installed and cannot be here; run scripts/ensure-system-packages.sh")
    return found


def nginx_main_config(work: Path, port: int, snippet: Path) -> str:
    # As root, workers would switch to "nobody" and fail to read the tmp dirs (mode 0700).
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {name}_temp_path {work / name};" for name in NGINX_TEMP_DIRS)
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


@contextmanager
def serve_with_nginx(work: Path) -> Iterator[Served]:
    """nginx in `work` (a pytest tmp dir, left for pytest to clean)."""
    nginx = _nginx()
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = work / "www" / SUB_PATH.strip("/")
    _build(site_dir, origin)
    documented = NGINX_SNIPPET.read_text()
    assert documented.count(NGINX_DOCUMENTED_ROOT) == 1, \
        f"{NGINX_SNIPPET.name} no longer holds {NGINX_DOCUMENTED_ROOT!r}"
    snippet = work / "glpi-keycheck.conf"
    snippet.write_text(documented.replace(NGINX_DOCUMENTED_ROOT, f"root {work / 'www'};"))
    (work / "glpi").mkdir()
    for name in NGINX_TEMP_DIRS:
        (work / name).mkdir()
    config = work / "nginx.conf"
    config.write_text(nginx_main_config(work, port, snippet))
    command = [nginx, "-e", str(work / "error.log"), "-p", str(work), "-c", str(config)]
    tested = subprocess.run(command + ["-t"], capture_output=True, text=True)
    assert tested.returncode == 0, f"nginx -t rejects the documented configuration:\n{tested.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_listening(process, port, "nginx", work / "error.log")
        yield Served("nginx", origin + SUB_PATH, origin, site_dir)
    finally:
        _stop(process)


# --- Apache ------------------------------------------------------------------------------------

def _apache() -> str:
    found = shutil.which("apache2") or ("/usr/sbin/apache2" if os.access("/usr/sbin/apache2", os.X_OK) else None)
    if not found or not APACHE_MODULES.is_dir():
        _missing("apache2", "apache2 is not installed; run scripts/ensure-system-packages.sh")
    return found


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def apache_main_config(work: Path, port: int, snippet: Path) -> str:
    user = ""
    if os.geteuid() == 0:
        account = "www-data" if _has_user("www-data") else "nobody"
        user = f"User {account}\nGroup #{pwd.getpwnam(account).pw_gid}\n"
    modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES / f'mod_{name}.so'}" for name in APACHE_LOADED)
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


@contextmanager
def serve_with_apache() -> Iterator[Served]:
    """Apache in its own world-readable tmp dir (its children may not run as root), removed after."""
    apache = _apache()
    work = Path(tempfile.mkdtemp(prefix="keycheck-apache-"))
    work.chmod(0o755)
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = work / "www" / SUB_PATH.strip("/")
    process = None
    try:
        _build(site_dir, origin)
        (work / "www").chmod(0o755)
        (work / "glpi").mkdir(mode=0o755)
        lines = APACHE_SNIPPET.read_text().splitlines(keepends=True)
        moved = [line.replace(APACHE_DOCUMENTED_DIR, str(site_dir)) if not line.lstrip().startswith("#") else line
                 for line in lines]
        changed = sum(old != new for old, new in zip(lines, moved))
        assert changed == 2, f"{APACHE_SNIPPET.name}: expected {APACHE_DOCUMENTED_DIR} in Alias and <Directory> only"
        snippet = work / "glpi-keycheck.conf"
        snippet.write_text("".join(moved))
        config = work / "httpd.conf"
        config.write_text(apache_main_config(work, port, snippet))
        command = [apache, "-f", str(config)]
        tested = subprocess.run(command + ["-t"], capture_output=True, text=True)
        assert tested.returncode == 0, f"apache2 -t rejects the documented configuration:\n{tested.stderr}"
        process = subprocess.Popen(command + ["-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_listening(process, port, "apache2", work / "error.log")
        yield Served("apache", origin + SUB_PATH, origin, site_dir)
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(work, ignore_errors=True)

