"""The installed console script works from a shell, as an admin runs it on the GLPI server."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from samples import KEY

SCRIPT = shutil.which("glpi-keycheck") or str(Path(sys.executable).with_name("glpi-keycheck"))


def run(*args, stdin=b""):
    return subprocess.run([SCRIPT, *args], input=stdin, capture_output=True, timeout=60)


@pytest.mark.skipif(not Path(SCRIPT).exists(), reason="console script not installed")
def test_console_script_checks_a_piped_key():
    result = run("check", "--json", "-", stdin=b"  " + KEY.encode() + b"\r\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["normalized"] == KEY


@pytest.mark.skipif(not Path(SCRIPT).exists(), reason="console script not installed")
def test_console_script_binary_stdin_has_no_traceback():
    result = run("check", stdin=b"\x00\xff" * 20)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"not UTF-8" in result.stderr


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "checker", "check", KEY], capture_output=True, timeout=60)
    assert result.returncode == 0 and b"Well-formed" in result.stdout
