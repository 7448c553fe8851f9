"""Python's memory snapshot, made at build time by scripts/hooks/make_snapshot.mjs (Node):
reproducible, restorable with the crypto library registered afterwards, and optional (a build
that cannot make one says why and ships the ordinary start). The browser's use of it, and its
fallback, are tested in tests/browser/test_runtime.py."""

from __future__ import annotations

import ast
import base64
import gzip
import hashlib
import importlib.util
import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]

# Restores a snapshot under Node as the worker does (undoing its difference with the runtime's
# memory first), then answers a check and a decryption
# (the crypto library is registered only after restoring, as in the browser).
RESTORE = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [root, snapshotPath, keyB64, value] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(root + "/node_modules/pyodide/pyodide.mjs").href);
const { xchacha20poly1305 } = await import(pathToFileURL(root + "/node_modules/@noble/ciphers/chacha.js").href);
const { toggleDelta } = await import(pathToFileURL(root + "/docs/assets/checker/snapshot-delta.mjs").href);
const wasm = new Uint8Array(readFileSync(root + "/node_modules/pyodide/pyodide.asm.wasm"));
const snapshot = toggleDelta(new Uint8Array(readFileSync(snapshotPath)), wasm);  // as shipped -> as made
const pyodide = await loadPyodide({ indexURL: root + "/node_modules/pyodide/", _loadSnapshot: snapshot });
pyodide.registerJsModule("glpi_keycheck_noble", { xchacha20poly1305 });
const bridge = pyodide.pyimport("checker.bridge");
const answers = [JSON.stringify({op: "check", text: "eyJzaWduYXR1cmUiOiJhYmMifQ=="}),
                 JSON.stringify({op: "decrypt", keyfile_b64: keyB64, value})].map((r) => JSON.parse(bridge.handle(r)));
console.log(JSON.stringify({answers, hashSeed: pyodide.runPython("import sys; sys.flags.hash_randomization")}));
"""


@pytest.fixture
def hook(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("pyodide_assets_snapshot", ROOT / "scripts/hooks/pyodide_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def wheel(hook) -> bytes:
    return hook.build_wheel(hook.checker_version())[1]


def _need_node():
    if shutil.which("node") is None:
        pytest.fail("node is required to make Pyodide snapshots")


def test_the_snapshot_is_reproducible(hook, wheel, tmp_path, monkeypatch):
    _need_node()
    made = []
    for name in ("first", "second"):  # two empty caches: the snapshot is made twice
        monkeypatch.setattr(hook, "SNAPSHOT_CACHE", tmp_path / name)
        made.append(hook.make_snapshot(wheel))
    assert len(made[0]) > 10_000_000
    assert made[0] == made[1], "the same runtime and wheel gave different snapshots"
    # Cached by its inputs: asking again does not run Node.
    monkeypatch.setattr(hook, "SNAPSHOT_MAKER", tmp_path / "absent.mjs")
    monkeypatch.setattr(hook, "snapshot_key", lambda wheel, node: next((tmp_path / "second").glob("*.bin")).stem)
    assert hook.make_snapshot(wheel) == made[1]


def test_the_snapshot_restores_and_decrypts_with_crypto_registered_after(hook, wheel, tmp_path):
    _need_node()
    snapshot = tmp_path / "snapshot.bin"
    snapshot.write_bytes(hook.make_snapshot(wheel))  # from the build cache when the site was built
    script = tmp_path / "restore.mjs"
    script.write_text(RESTORE)
    # A value encrypted with this key by the CPython backend (cryptography), as GLPI stores it.
    from checker.crypto.glpi import encrypt_value

    key = bytes(range(32))
    value = encrypt_value(b"s3cret", key)
    run = subprocess.run(["node", str(script), str(ROOT), str(snapshot), base64.b64encode(key).decode(), value],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    check, decrypt = out["answers"]
    assert check["ok"] and check["result"]["kind"] == "registration-key"
    assert decrypt["ok"] and decrypt["result"]["ok"], decrypt
    assert decrypt["result"]["plaintext"] == "s3cret"
    assert out["hashSeed"] == 0  # PYTHONHASHSEED=0, recorded in the snapshot: see make_snapshot.mjs


def test_the_snapshot_downloads_small(hook, wheel):
    # Freed memory zeroed, the command line left out (make_snapshot.mjs), the static data sent as
    # a difference (snapshot-delta.mjs): gzipped as the documented nginx configuration sends it,
    # the snapshot costs a reader at most 7 MB more than the wheel it replaces (issue #14's goal;
    # 7.4 MB before those three, 4.7 MB after).
    _need_node()
    sent = len(gzip.compress(hook.make_snapshot(wheel), compresslevel=5))
    assert sent - len(wheel) <= 7_000_000, f"the snapshot adds {sent - len(wheel):,} bytes gzipped"


# Runs snapshot-delta.mjs on a WebAssembly module given in hex, over a 16-byte header and 32
# bytes of memory; prints the memory in hex, or the error.
DELTA = """
import { pathToFileURL } from "node:url";
const [root, wasmHex] = process.argv.slice(2);
const { toggleDelta } = await import(pathToFileURL(root + "/docs/assets/checker/snapshot-delta.mjs").href);
const snapshot = new Uint8Array(48);
new DataView(snapshot.buffer).setUint32(4, 16, true);
snapshot[16 + 31] = 0x5a;
try {
  toggleDelta(snapshot, Uint8Array.from(Buffer.from(wasmHex, "hex")));
  console.log(Buffer.from(snapshot.subarray(16)).toString("hex"));
} catch (error) { console.log("error: " + error.message); }
"""


def _wasm_with_data(*segments: bytes) -> str:
    """A WebAssembly module holding only a data section with these segments, in hex."""
    section = bytes([len(segments)]) + b"".join(segments)
    return (b"\0asm\1\0\0\0" + bytes([11, len(section)]) + section).hex()


@pytest.mark.parametrize("segment, memory", [
    (b"\x00\x41\x04\x0b\x03abc", "00000000616263" + "00" * 24 + "5a"),        # active, at offset 4
    (b"\x02\x00\x41\x1d\x0b\x03abc", "00" * 29 + "616239"),                   # memory index 0, at 29: XOR
    (b"\x01\x03abc", "error: pyodide.asm.wasm: data segment of kind 1 (passive)"),
    (b"\x00\x23\x00\x0b\x03abc", "error: pyodide.asm.wasm: data segment at an offset that is not a constant"),
    (b"\x00\x41\x1e\x0b\x03abc", "error: snapshot: smaller than the runtime's memory"),
])
def test_the_snapshot_is_shipped_as_its_difference_with_the_runtime_data(tmp_path, segment, memory):
    _need_node()
    script = tmp_path / "delta.mjs"
    script.write_text(DELTA)
    run = subprocess.run(["node", str(script), str(ROOT), _wasm_with_data(segment)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().startswith(memory)


def test_the_shipped_snapshot_holds_zeros_where_the_runtime_data_is_unchanged(hook, wheel):
    # Undone, the first 3.8 MB of memory are pyodide.asm.wasm's static data; as shipped, most of
    # it is zeros (which is what makes it compress).
    _need_node()
    shipped = hook.make_snapshot(wheel)
    start = int.from_bytes(shipped[4:8], "little")
    static = shipped[start:start + 3_800_000]
    assert static.count(0) > 0.95 * len(static)


def _imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function, as absolute names."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_no_module_the_browser_can_reach_imports_the_command_line():
    # The snapshot leaves out checker.cli and checker.__main__, and after restoring, the wheel's
    # files are not on the browser's disk: a module that imported them would fail there.
    offenders = {}
    for path in sorted((ROOT / "checker").rglob("*.py")):
        relative = path.relative_to(ROOT / "checker").as_posix()
        if relative.startswith("cli/") or relative == "__main__.py":
            continue
        bad = sorted(name for name in _imported_modules(path)
                     if name.startswith(("checker.cli", "checker.__main__")))
        if bad:
            offenders[relative] = bad
    assert not offenders


def _post_build(hook, tmp_path) -> dict:
    site = tmp_path / "site"
    site.mkdir()
    hook.on_post_build({"site_dir": str(site)})
    return json.loads((site / hook.BUILD_INFO).read_text())


def test_without_node_the_build_warns_and_ships_the_ordinary_start(hook, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(hook.shutil, "which", lambda name: None)
    with caplog.at_level(logging.WARNING):
        info = _post_build(hook, tmp_path)
    assert "snapshot" not in info and info["wheel"]
    assert "no memory snapshot" in caplog.text and "Node.js (`node`) is not on PATH" in caplog.text


def test_a_failing_snapshot_maker_warns_with_its_reason(hook, tmp_path, monkeypatch, caplog):
    _need_node()
    broken = tmp_path / "broken.mjs"
    broken.write_text('console.error("Snapshot build id mismatch"); process.exit(3);\n')
    monkeypatch.setattr(hook, "SNAPSHOT_MAKER", broken)
    monkeypatch.setattr(hook, "SNAPSHOT_CACHE", tmp_path / "cache")
    with caplog.at_level(logging.WARNING):
        info = _post_build(hook, tmp_path)
    assert "snapshot" not in info
    assert "exit 3" in caplog.text and "Snapshot build id mismatch" in caplog.text


def test_the_snapshot_can_be_switched_off(hook, tmp_path, monkeypatch):
    monkeypatch.setenv(hook.SNAPSHOT_SWITCH, "0")
    monkeypatch.setattr(hook, "make_snapshot", lambda wheel: pytest.fail("made a snapshot"))
    assert "snapshot" not in _post_build(hook, tmp_path)


def test_the_snapshot_is_named_by_its_digest(hook, tmp_path):
    data = b"snapshot bytes" * 1000
    entry = hook.write_snapshot(tmp_path, data)
    digest = hashlib.sha256(data).digest()
    assert entry == {"name": f"snapshot-{digest.hex()[:16]}.bin", "bytes": len(data),
                     "integrity": "sha256-" + base64.b64encode(digest).decode()}
    assert (tmp_path / hook.WHEEL_DIR / entry["name"]).read_bytes() == data


class _Page:
    def __init__(self, url):
        self.url = url


@pytest.mark.parametrize("body, url, starts", [
    ('<div class="kc-widget" data-checker markdown="0">', "checker/", True),
    ('<section data-keyfile>', "howto/check-keyfile-and-database/", True),
    ('<div data-simulator data-simulator-preset="dns-failure">', "troubleshooting/x/", False),
    ("<p>The attribute data-checker-input names the field.</p>", "explanation/x/", False),
])
def test_only_pages_with_a_checker_start_python_from_their_head(hook, body, url, starts):
    page = f"<html><head><title>t</title></head><body>{body}</body></html>"
    out = hook.on_post_page(page, page=_Page(url), config={})
    assert ("start.js" in out) is starts
    if starts:
        depth = "../" * url.count("/")
        head = out[:out.index("</head>")]
        assert f'<script src="{depth}assets/checker/start.js"></script>' in head
        assert f'<link rel="modulepreload" href="{depth}assets/checker/runtime.js">' in head
