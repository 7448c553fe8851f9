"""The build hook that ships the offline runtime: verified files, a reproducible checker wheel.

CPython only, no browser: it calls the hook's functions on the real node_modules and on a
tampered copy, and fails if a tampered or missing runtime file would still be shipped.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("pyodide_assets_under_test", ROOT / "scripts/hooks/pyodide_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def manifest(hook):
    return json.loads(hook.MANIFEST.read_text())


@pytest.fixture
def fake_root(hook, tmp_path, monkeypatch):
    """A copy of the repository's lockfile and shipped node_modules files (big ones linked)."""
    shutil.copy(ROOT / "package-lock.json", tmp_path / "package-lock.json")
    for package, (files, _) in hook.SHIPPED.items():
        folder = tmp_path / "node_modules" / package
        folder.mkdir(parents=True)
        shutil.copy(ROOT / "node_modules" / package / "package.json", folder / "package.json")
        for name in files:
            (folder / name).symlink_to(ROOT / "node_modules" / package / name)
    monkeypatch.setattr(hook, "ROOT", tmp_path)
    return tmp_path


def test_the_installed_runtime_matches_the_manifest(hook, manifest):
    hook.verify_runtime(manifest)


def test_manifest_describes_the_locked_versions(hook, manifest):
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for package, (files, _) in hook.SHIPPED.items():
        assert manifest[package]["version"] == lock[f"node_modules/{package}"]["version"]
        assert manifest[package]["tarball_integrity"] == lock[f"node_modules/{package}"]["integrity"]
        assert sorted(manifest[package]["files"]) == sorted(files)


def test_a_tampered_runtime_file_fails_the_build(hook, manifest, fake_root):
    loader = fake_root / "node_modules/pyodide/pyodide.mjs"
    content = loader.read_bytes()
    loader.unlink()
    loader.write_bytes(content.replace(b"pyodide", b"pyodidE", 1))
    with pytest.raises(hook.PluginError, match="pyodide.mjs does not match the sha256"):
        hook.verify_runtime(manifest)


def test_a_missing_runtime_file_fails_the_build(hook, manifest, fake_root):
    (fake_root / "node_modules/@noble/ciphers/chacha.js").unlink()
    with pytest.raises(hook.PluginError, match="chacha.js is missing"):
        hook.verify_runtime(manifest)


def test_another_installed_version_fails_the_build(hook, manifest, fake_root):
    package_json = fake_root / "node_modules/pyodide/package.json"
    package_json.write_text(json.dumps({"name": "pyodide", "version": "0.29.0"}))
    with pytest.raises(hook.PluginError, match="is 0.29.0, package-lock.json pins"):
        hook.verify_runtime(manifest)


def test_a_manifest_for_another_lock_fails_the_build(hook, manifest):
    stale = json.loads(json.dumps(manifest))
    stale["pyodide"]["tarball_integrity"] = "sha512-stale"
    with pytest.raises(hook.PluginError, match="--refresh-manifest"):
        hook.verify_runtime(stale)


def test_the_checker_wheel_is_reproducible_and_complete(hook):
    name, first = hook.build_wheel("0.1.0")
    assert first == hook.build_wheel("0.1.0")[1]
    assert name == "glpi_keycheck-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(io.BytesIO(first)) as wheel:
        names = wheel.namelist()
        for needed in ("checker/bridge.py", "checker/browser_backend.py", "checker/check.py",
                       "checker/keyfile.py", "checker/crypto/glpi.py", "checker/simulation/engine.py",
                       "glpi_keycheck-0.1.0.dist-info/METADATA", "glpi_keycheck-0.1.0.dist-info/WHEEL"):
            assert needed in names
        assert not [n for n in names if "__pycache__" in n]
        record = wheel.read("glpi_keycheck-0.1.0.dist-info/RECORD").decode().splitlines()
        for line in record:
            path, digest, size = line.rsplit(",", 2)
            if digest:
                data = wheel.read(path)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == f"sha256={expected}" and int(size) == len(data)
        assert len(record) == len(names)
