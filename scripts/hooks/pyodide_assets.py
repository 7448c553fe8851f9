"""MkDocs hook: put the offline checker runtime into the built site, verified.

After each build it writes into the site:
- assets/pyodide/: the five Pyodide runtime files, from node_modules/pyodide;
- assets/vendor/noble-ciphers/: the ESM files of @noble/ciphers that XChaCha20-Poly1305 needs;
- assets/py/glpi_keycheck-<version>-py3-none-any.whl: the `checker` package as a pure-Python
  wheel, built deterministically (fixed dates and order);
- assets/py/snapshot-<sha256 prefix>.bin: a memory snapshot of Python with the checker imported, made with Node by make_snapshot.mjs from
  exactly these runtime files and this wheel, shipped as its difference with the memory
  pyodide.asm.wasm starts with (docs/assets/checker/snapshot-delta.mjs; the worker undoes it). The browser restores it in a fraction of the
  ordinary start. Its name carries its digest, so servers may cache it for a year. It is
  reproducible (same inputs, same bytes) and kept in build/snapshot-cache/, keyed by its
  inputs, so rebuilding the site does not make it again. If it cannot be made (no Node, an
  error), the build warns why and the site starts Python the ordinary way;
- assets/checker/build.json: the wheel's and the snapshot's names and SRI integrity, which the
  worker checks, and the checker's input limit, which the page reads (`checker.limits.MAX_INPUT`).

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
import logging
import os
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
SNAPSHOT_MAKER = Path(__file__).with_name("make_snapshot.mjs")
# The snapshot is shipped as its difference with the runtime's initial memory; the worker
# imports the same module to undo it.
SNAPSHOT_DELTA = ROOT / "docs" / "assets" / "checker" / "snapshot-delta.mjs"
# KEYCHECK_SNAPSHOT_CACHE=DIR keeps snapshots elsewhere (the benchmark times a fresh one).
SNAPSHOT_CACHE = Path(os.environ.get("KEYCHECK_SNAPSHOT_CACHE") or ROOT / "build" / "snapshot-cache")
SNAPSHOTS_KEPT = 3  # the cache keeps the newest few: one per recent version of the checker
SNAPSHOT_TIMEOUT_S = 300
# KEYCHECK_SNAPSHOT=0 builds without a snapshot (the ordinary start only), e.g. to compare.
SNAPSHOT_SWITCH = "KEYCHECK_SNAPSHOT"

log = logging.getLogger("mkdocs.plugins.pyodide_assets")


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


def _integrity(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def write_wheel(site_dir: Path) -> tuple[dict, bytes]:
    """Write the wheel; return build.json's entries for it and the wheel's bytes."""
    name, data = build_wheel(checker_version())
    (site_dir / WHEEL_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / WHEEL_DIR / name).write_bytes(data)
    from checker.limits import MAX_INPUT  # the repository is importable: catalogue_pages sees to it

    return {"wheel": name, "integrity": _integrity(data), "pyodide": _locked("pyodide")["version"],
            "max_input_bytes": MAX_INPUT}, data


def write_build_info(site_dir: Path, info: dict) -> None:
    (site_dir / BUILD_INFO).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / BUILD_INFO).write_text(json.dumps(info, indent=2) + "\n")


# --- the memory snapshot ----------------------------------------------------------------------

class SnapshotUnavailable(Exception):
    """Why no snapshot could be made; the build warns with this and goes on without one."""


def snapshot_key(wheel: bytes, node_version: str) -> str:
    """The digest of everything the snapshot is made from: same key, same bytes."""
    digest = hashlib.sha256()
    folder = ROOT / "node_modules" / "pyodide"
    for name in SHIPPED["pyodide"][0]:
        digest.update(name.encode() + b"\0" + hashlib.sha256((folder / name).read_bytes()).digest())
    for part in (wheel, SNAPSHOT_MAKER.read_bytes(), SNAPSHOT_DELTA.read_bytes(), node_version.encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def make_snapshot(wheel: bytes) -> bytes:
    """The snapshot for this wheel and the installed runtime (from the cache when it was made
    before); raises SnapshotUnavailable saying why it cannot be made."""
    node = shutil.which("node")
    if node is None:
        raise SnapshotUnavailable("Node.js (`node`) is not on PATH")
    try:
        node_version = subprocess.run([node, "--version"], capture_output=True, text=True,
                                      check=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise SnapshotUnavailable(f"`node --version` failed: {error}") from None
    cached = SNAPSHOT_CACHE / f"{snapshot_key(wheel, node_version)}.bin"
    if cached.is_file():
        return cached.read_bytes()
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=SNAPSHOT_CACHE) as tmp:
        wheel_path, out = Path(tmp) / "checker.whl", Path(tmp) / "snapshot.bin"
        wheel_path.write_bytes(wheel)
        try:
            made = subprocess.run([node, str(SNAPSHOT_MAKER), str(ROOT / "node_modules" / "pyodide"),
                                   str(wheel_path), str(out)],
                                  capture_output=True, text=True, timeout=SNAPSHOT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise SnapshotUnavailable(f"{SNAPSHOT_MAKER.name} took more than {SNAPSHOT_TIMEOUT_S} s") from None
        if made.returncode != 0 or not out.is_file():
            why = (made.stderr.strip() or made.stdout.strip() or "no output").splitlines()[-3:]
            raise SnapshotUnavailable(f"{SNAPSHOT_MAKER.name} failed (exit {made.returncode}): " + " / ".join(why))
        data = out.read_bytes()
        os.replace(out, cached)  # atomic: a parallel build sees all of it or nothing
    _prune_cache()
    return data


def _prune_cache() -> None:
    made = sorted(SNAPSHOT_CACHE.glob("*.bin"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in made[SNAPSHOTS_KEPT:]:
        old.unlink(missing_ok=True)


def write_snapshot(site_dir: Path, data: bytes) -> dict:
    """Write the snapshot under a name that carries its digest; return build.json's entry."""
    name = f"snapshot-{hashlib.sha256(data).hexdigest()[:16]}.bin"
    (site_dir / WHEEL_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / WHEEL_DIR / name).write_bytes(data)
    return {"name": name, "integrity": _integrity(data), "bytes": len(data)}


# --- early start on pages that hold a checker ------------------------------------------------

# A widget that starts Python as soon as its page loads (simulators alone wait to be reached).
STARTS_AT_ONCE = re.compile(r"<[a-z]+\b[^>]*\sdata-(?:checker|keyfile)(?=[\s=>/])", re.IGNORECASE)
HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def on_post_page(output: str, page, config, **kwargs) -> str:
    """Create the worker from <head> on pages holding a checker or key-file panel (a classic
    script of a few hundred bytes, run before the rest of the page is parsed): the runtime's
    downloads then start within ~100 ms of navigation instead of after Material's bundle and
    the UI modules."""
    if not STARTS_AT_ONCE.search(output):
        return output
    from mkdocs.utils import get_relative_url

    def asset(name: str) -> str:
        return get_relative_url(f"assets/checker/{name}", page.url)

    tags = (f'<script src="{asset("start.js")}"></script>'
            f'<link rel="modulepreload" href="{asset("runtime.js")}">')
    # First in <head> (the csp hook then puts its policy before them), so the browser asks for
    # them before Material's stylesheets.
    return HEAD_OPEN.sub(lambda match: match.group(0) + tags, output, count=1)


# --- MkDocs entry point -----------------------------------------------------------------------

def on_post_build(config, **kwargs) -> None:
    try:
        manifest = json.loads(MANIFEST.read_text())
    except (OSError, ValueError) as error:
        raise PluginError(f"pyodide_assets: cannot read {MANIFEST.name}: {error}") from None
    verify_runtime(manifest)
    site_dir = Path(config["site_dir"])
    copy_runtime(site_dir)
    info, wheel = write_wheel(site_dir)
    if os.environ.get(SNAPSHOT_SWITCH, "1") == "0":
        log.info("pyodide_assets: %s=0, no memory snapshot: Python starts the ordinary way", SNAPSHOT_SWITCH)
    else:
        try:
            info["snapshot"] = write_snapshot(site_dir, make_snapshot(wheel))
        except SnapshotUnavailable as why:
            log.warning("pyodide_assets: no memory snapshot, the checker will start Python the ordinary "
                        "way (about 4 s instead of 0.5 s): %s", why)
    write_build_info(site_dir, info)


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
