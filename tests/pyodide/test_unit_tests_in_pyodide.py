"""The unit tests pass inside Pyodide (Python 3.14 in WebAssembly), on the wheel the site ships.

Runs tests/pyodide/run_unit_tests.mjs with Node. pytest and hypothesis come from PyPI as
pure-Python wheels, downloaded once into build/pyodide-wheels/ (Pyodide's own lockfile packages
are not in the npm package). hypothesis 6.156 and later ship only compiled wheels, so Pyodide
gets the last pure-Python release, HYPOTHESIS_FOR_PYODIDE; the property tests run on it.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]
WHEEL_CACHE = ROOT / "build" / "pyodide-wheels"
HYPOTHESIS_FOR_PYODIDE = "6.155.7"
REQUIREMENTS = ["pytest==9.2.0", f"hypothesis=={HYPOTHESIS_FOR_PYODIDE}"]


def _hook():
    spec = importlib.util.spec_from_file_location("pyodide_assets", ROOT / "scripts/hooks/pyodide_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _test_wheels() -> Path:
    stamp = WHEEL_CACHE / "requirements.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == REQUIREMENTS:
        return WHEEL_CACHE
    shutil.rmtree(WHEEL_CACHE, ignore_errors=True)
    WHEEL_CACHE.mkdir(parents=True)
    download = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--python-version", "3.14",
         "--implementation", "py", "--abi", "none", "--platform", "any", "-d", str(WHEEL_CACHE), *REQUIREMENTS],
        capture_output=True, text=True)
    if download.returncode != 0:
        pytest.fail(f"could not download pure-Python wheels for Pyodide from PyPI:\n{download.stderr[-2000:]}")
    stamp.write_text(json.dumps(REQUIREMENTS))
    return WHEEL_CACHE


def test_unit_tests_pass_in_pyodide(tmp_path):
    if shutil.which("node") is None:
        pytest.fail("node is required to run Pyodide outside a browser")
    hook = _hook()
    name, data = hook.build_wheel(hook.checker_version())
    wheel = tmp_path / name
    wheel.write_bytes(data)
    run = subprocess.run(["node", str(ROOT / "tests/pyodide/run_unit_tests.mjs"), "--wheel", str(wheel),
                          "--wheels", str(_test_wheels())],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    lines = run.stdout.strip().splitlines()
    try:
        summary = json.loads(lines[-1])
    except (IndexError, ValueError):
        pytest.fail(f"the Pyodide run crashed (exit {run.returncode}):\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    assert summary["python"].startswith("3.14"), summary
    assert summary["failed"] == 0 and run.returncode == 0, run.stdout[-5000:]
    assert summary["passed"] > 0, summary
