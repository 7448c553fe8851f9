"""glpi-keycheck.pyz, the CLI the help centre ships (issue 15 item 5).

The zip application is downloaded from a locally served build and run as an admin would on a
GLPI server: in a fresh virtual environment without `cryptography` (check, keyfile and simulate
work; decrypt, encrypt and verify say in one line how to get it) and with it (decrypt works).
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import urllib.request
from urllib.parse import urljoin
from pathlib import Path

import pytest

from docs_site import REPO

sys.path.insert(0, str(REPO / "scripts"))
from local_site import free_port, serve  # noqa: E402

PYZ = "downloads/glpi-keycheck.pyz"
PAGE = "howto/run-checks-on-server/"
GLPI_KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
PASSWORD_VALUE = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="  # MyP4ssw0rD
KEY = "eyJzaWduYXR1cmUiOiJjMmxuIiwiZW1haWwiOiJhZG1pbkBleGFtcGxlLm9yZyJ9"  # {"signature":"c2ln",…}
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/usr/local/bin") or sys.executable


def _hook():
    loader = importlib.util.spec_from_file_location("cli_zipapp", REPO / "scripts/hooks/cli_zipapp.py")
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def downloaded(site, tmp_path_factory) -> Path:
    """The .pyz as a browser gets it from the served site."""
    target = tmp_path_factory.mktemp("download") / "glpi-keycheck.pyz"
    port = free_port()
    with serve(site, port):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{PYZ}", timeout=30) as response:
            target.write_bytes(response.read())
    return target


@pytest.fixture(scope="module")
def key_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("server") / "glpicrypt.key"
    path.write_bytes(GLPI_KEY)
    path.chmod(0o600)
    return path


def _venv(tmp_path_factory, name: str, *options: str) -> Path:
    folder = tmp_path_factory.mktemp(name)
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", *options, str(folder)], check=True, timeout=300)
    return folder / "bin" / "python"


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory) -> Path:
    python = _venv(tmp_path_factory, "bare")
    lacks = subprocess.run([python, "-c", "import cryptography"], capture_output=True, timeout=60)
    assert lacks.returncode != 0, "the fresh virtual environment must not have cryptography"
    return python


@pytest.fixture(scope="module")
def crypto_python(tmp_path_factory) -> Path:
    python = _venv(tmp_path_factory, "system-site", "--system-site-packages")
    if subprocess.run([python, "-c", "import cryptography"], timeout=60).returncode != 0:
        return Path(sys.executable)  # the project's environment has it (pyproject dependency)
    return python


def run(python, pyz, *args, stdin=b""):
    result = subprocess.run([str(python), str(pyz), *map(str, args)], input=stdin, capture_output=True,
                            timeout=120, cwd="/")
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result


def test_the_page_shows_the_fingerprint_of_the_file_it_offers(site, pages):
    data = (site / PYZ).read_bytes()
    text = pages[PAGE].text
    assert hashlib.sha256(data).hexdigest() in text
    assert f"{len(data):,} bytes" in text
    assert "@@" not in text
    assert "python3 glpi-keycheck.pyz keyfile /etc/glpi/glpicrypt.key" in text
    assert "apt install python3-cryptography" in text and "dnf install python3-cryptography" in text
    links = [e.attrs.get("href", "") for e in pages[PAGE].elements if e.tag == "a"]
    assert "../../downloads/glpi-keycheck.pyz" in links


def test_the_build_is_reproducible(site):
    hook = _hook()
    first, second = hook.build_zipapp(), hook.build_zipapp()
    assert first == second == (site / PYZ).read_bytes()
    import zipfile, io  # noqa: E401
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == sorted(names) and "__main__.py" in names and "checker/cli/__init__.py" in names
    assert "checker/glpi_messages.json" in names and not any("__pycache__" in n for n in names)


def test_without_cryptography_check_keyfile_and_simulate_work(downloaded, bare_python, key_file):
    result = run(bare_python, downloaded, "keyfile", key_file)
    assert result.returncode == 0 and b"GLPI can use this key file" in result.stdout
    result = run(bare_python, downloaded, "check", KEY)
    assert result.returncode == 0 and b"Well-formed" in result.stdout
    result = run(bare_python, downloaded, "simulate", "--scenario", "dns-failure", "--glpi-version", "10.0")
    assert result.returncode == 1 and b"services.glpi-network.com" in result.stdout
    assert run(bare_python, downloaded, "simulate", "--list").returncode == 0


@pytest.mark.parametrize("args", [("decrypt", "--key-file", "KEY", PASSWORD_VALUE),
                                  ("encrypt", "--key-file", "KEY", "s3cret"),
                                  ("verify", "--key-file", "KEY", PASSWORD_VALUE)])
def test_without_cryptography_crypto_commands_say_how_to_get_it(downloaded, bare_python, key_file, args):
    result = run(bare_python, downloaded, *[key_file if a == "KEY" else a for a in args])
    assert result.returncode == 1 and result.stdout == b""
    message = result.stderr.decode().strip()
    assert len(message.splitlines()) == 1
    assert "apt install python3-cryptography" in message and "dnf install python3-cryptography" in message


def test_with_cryptography_decrypt_works(downloaded, crypto_python, key_file):
    result = run(crypto_python, downloaded, "decrypt", "--key-file", key_file, PASSWORD_VALUE)
    assert result.returncode == 0 and result.stdout == b"MyP4ssw0rD"
    result = run(crypto_python, downloaded, "verify", "--key-file", key_file, PASSWORD_VALUE)
    assert result.returncode == 0


def test_an_old_python_gets_one_line(downloaded):
    pretend = ("import runpy, sys; sys.version_info = (3, 8, 10, 'final', 0); "
               f"runpy.run_path({str(downloaded)!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", pretend, "keyfile", "x"], capture_output=True, timeout=60)
    assert result.returncode == 1 and result.stdout == b""
    message = result.stderr.decode()
    assert re.fullmatch(r"glpi-keycheck: needs Python 3\.11 or later; this is Python 3\.8 \(.*\)\. "
                        r"Run it with a newer python3, for example python3\.11 glpi-keycheck\.pyz \.\.\.\n", message)


def test_the_version_check_reads_as_python_2(downloaded):
    """__main__.py uses no syntax newer than Python 2.7 and 3.0 (no f-strings, no print)."""
    import zipfile
    source = zipfile.ZipFile(downloaded).read("__main__.py").decode()
    head = source.split("from checker.cli import main")[0]
    compile(head, "__main__.py", "exec")
    assert 'f"' not in head and "print" not in head and ":=" not in head


def test_every_page_with_a_command_links_to_the_download_page(pages):
    from test_docs_commands import PAGES, commands_in
    missing = []
    for source in PAGES:
        relative = source.relative_to(REPO / "docs").as_posix()
        if relative == "howto/run-checks-on-server.md" or not _uses_commands(source.read_text("utf-8")):
            continue
        url = relative[:-3] + "/" if not relative.endswith("index.md") else relative[:-8]
        page = pages.get(url)
        if page is None:  # a page outside the nav, or a snippet
            continue
        hrefs = [urljoin(f"http://site/{url}", e.attrs.get("href", "")) for e in page.elements if e.tag == "a"]
        if f"http://site/{PAGE}" not in hrefs:
            missing.append(url)
    assert not missing, missing
    assert commands_in  # the same scan as the command check


def _uses_commands(markdown: str) -> bool:
    return bool(re.search(r"glpi-keycheck\s+[a-z-]", markdown) or '--8<-- "cli/' in markdown)
