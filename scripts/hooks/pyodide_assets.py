"""MkDocs hook: put the offline checker runtime into the built site, verified.

After each build it writes into the site:
- assets/pyodide/: the five Pyodide runtime files, from node_modules/pyodide;
- assets/vendor/noble-ciphers/: the ESM files of @noble/ciphers that XChaCha20-Poly1305 needs;
- assets/py/glpi_keycheck-<version>-py3-none-any.whl: the `checker` package as a pure-Python
  wheel, built deterministically (fixed dates and order);
- assets/checker/build.json: the wheel's name and SRI integrity, which the worker checks, and
  the checker's input limit, which the page reads (`checker.limits.MAX_INPUT`).

Integrity, honestly: package-lock.json pins each npm tarball by sha512, but npm does not
record hashes of the files inside it, and node_modules can be edited after install. So
`runtime-files.json` (next to this hook, checked in) records the sha256 of every file we ship,
computed from the tarball that `npm pack` fetched and whose sha512 matched package-lock.json.
The build fails (PluginError) unless node_modules holds the locked version and every shipped
file has the recorded sha256. Regenerate the manifest after changing a pinned version:

    python scripts/hooks/pyodide_assets.py --refresh-manifest
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # run as a script for --refresh-manifest
    PluginError = RuntimeError  # type: ignore[misc,assignment]

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path(__file__).with_name("runtime-files.json")

# npm package -> (files shipped, destination under the site)
SHIPPED = {
    "pyodide": (("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json"), "assets/pyodide"),
    "@noble/ciphers": (("chacha.js", "_arx.js", "_poly1305.js", "utils.js", "LICENSE"),
                       "assets/vendor/noble-ciphers"),
}
WHEEL_DIR = "assets/py"
BUILD_INFO = "assets/checker/build.json"
DIST_NAME = "glpi_keycheck"
# The CLI stays in (a few KB): tests/pyodide runs the unit tests, CLI ones included, on this wheel.
WHEEL_EXCLUDE: tuple[str, ...] = ()
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _locked(package: str) -> dict:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    entry = lock["packages"].get(f"node_modules/{package}")
    if not entry:
        raise PluginError(f"pyodide_assets: {package} is not in package-lock.json.")
    return entry


# --- verification and copy --------------------------------------------------------------------

def verify_runtime(manifest: dict) -> None:
    """Raise PluginError unless node_modules holds exactly the files recorded in the manifest."""
    for package, (files, _) in SHIPPED.items():
        locked = _locked(package)
        recorded = manifest.get(package)
        if not recorded or recorded["version"] != locked["version"] \
                or recorded["tarball_integrity"] != locked["integrity"]:
            raise PluginError(
                f"pyodide_assets: {MANIFEST.name} does not describe {package} {locked['version']} "
                f"as pinned in package-lock.json; run `python scripts/hooks/pyodide_assets.py "
                f"--refresh-manifest`.")
        folder = ROOT / "node_modules" / package
        try:
            installed = json.loads((folder / "package.json").read_text())["version"]
        except (OSError, ValueError, KeyError):
            raise PluginError(f"pyodide_assets: node_modules/{package} is missing; run `npm ci`.") from None
        if installed != locked["version"]:
            raise PluginError(f"pyodide_assets: node_modules/{package} is {installed}, package-lock.json "
                              f"pins {locked['version']}; run `npm ci`.")
        for name in files:
            path = folder / name
            if not path.is_file():
                raise PluginError(f"pyodide_assets: node_modules/{package}/{name} is missing; run `npm ci`.")
            if _sha256(path.read_bytes()) != recorded["files"].get(name):
                raise PluginError(f"pyodide_assets: node_modules/{package}/{name} does not match the "
                                  f"sha256 recorded for {package} {locked['version']}; run `npm ci`.")


def copy_runtime(site_dir: Path) -> None:
    for package, (files, destination) in SHIPPED.items():
        target = site_dir / destination
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            shutil.copyfile(ROOT / "node_modules" / package / name, target / name)


# --- the checker wheel ------------------------------------------------------------------------

def checker_version() -> str:
    text = (ROOT / "checker" / "__init__.py").read_text()
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise PluginError("pyodide_assets: no __version__ in checker/__init__.py.")
    return match.group(1)


def _wheel_files() -> list[tuple[str, bytes]]:
    package = ROOT / "checker"
    files = []
    # Python sources and the package's data (glpi_messages.json, GLPI's messages).
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        relative = path.relative_to(package).as_posix()
        if "__pycache__" in relative or (WHEEL_EXCLUDE and relative.startswith(WHEEL_EXCLUDE)):
            continue
        files.append((f"checker/{relative}", path.read_bytes()))
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest},{len(data)}"


def build_wheel(version: str) -> tuple[str, bytes]:
    """The `checker` package as a pure-Python wheel; the same sources give the same bytes."""
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files = _wheel_files()
    files.append((f"{dist_info}/METADATA", (
        f"Metadata-Version: 2.1\nName: glpi-keycheck\nVersion: {version}\n"
        "Summary: GLPI registration key, glpicrypt.key and encrypted value checker (browser build)\n"
        "Requires-Python: >=3.11\n").encode()))
    files.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: glpi-keycheck pyodide_assets hook\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n").encode()))
    record = "".join(f"{name},{_record_hash(data)}\n" for name, data in files)
    record += f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return f"{DIST_NAME}-{version}-py3-none-any.whl", buffer.getvalue()


def write_wheel(site_dir: Path) -> None:
    name, data = build_wheel(checker_version())
    (site_dir / WHEEL_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / WHEEL_DIR / name).write_bytes(data)
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    from checker.limits import MAX_INPUT  # the repository is importable: catalogue_pages sees to it

    info = {"wheel": name, "integrity": integrity, "pyodide": _locked("pyodide")["version"],
            "max_input_bytes": MAX_INPUT}
    (site_dir / BUILD_INFO).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / BUILD_INFO).write_text(json.dumps(info, indent=2) + "\n")


# --- MkDocs entry point -----------------------------------------------------------------------

def on_post_build(config, **kwargs) -> None:
    try:
        manifest = json.loads(MANIFEST.read_text())
    except (OSError, ValueError) as error:
        raise PluginError(f"pyodide_assets: cannot read {MANIFEST.name}: {error}") from None
    verify_runtime(manifest)
    site_dir = Path(config["site_dir"])
    copy_runtime(site_dir)
    write_wheel(site_dir)


# --- manifest refresh (run by hand, needs the npm registry) -----------------------------------

def refresh_manifest() -> dict:
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package, (files, _) in SHIPPED.items():
            locked = _locked(package)
            spec = f"{package}@{locked['version']}"
            output = subprocess.run(["npm", "pack", spec, "--json", "--pack-destination", tmp],
                                    check=True, capture_output=True, text=True, cwd=tmp).stdout
            packed = json.loads(output)[0]
            tarball = Path(tmp) / packed["filename"]
            integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if integrity != locked["integrity"]:
                raise SystemExit(f"{spec}: tarball sha512 {integrity} != package-lock.json {locked['integrity']}")
            hashes = {}
            with tarfile.open(tarball) as archive:
                for name in files:
                    member = archive.extractfile(f"package/{name}")
                    hashes[name] = _sha256(member.read())
            manifest[package] = {"version": locked["version"], "tarball_integrity": integrity,
                                 "files": hashes}
    return manifest


if __name__ == "__main__":
    if sys.argv[1:] != ["--refresh-manifest"]:
        raise SystemExit("usage: python scripts/hooks/pyodide_assets.py --refresh-manifest")
    MANIFEST.write_text(json.dumps(refresh_manifest(), indent=2) + "\n")
    print(f"wrote {MANIFEST}")
