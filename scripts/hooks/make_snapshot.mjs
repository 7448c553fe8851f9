// A memory snapshot of Pyodide with the checker imported, made at build time (Node).
//
//   node scripts/hooks/make_snapshot.mjs PYODIDE_DIR CHECKER.whl OUT.bin
//
// The browser restores it with loadPyodide({_loadSnapshot}) in ~0.5 s instead of starting
// Python and importing the checker (~4 s). The worker (docs/assets/checker/worker.js) must
// restore it with the same pyodide.asm.wasm: Pyodide checks the build id and refuses others.
//
// Reproducible: the same runtime and wheel give the same bytes. Python's state holds clocks
// and random numbers, so while the snapshot is made the clock is frozen and the entropy is a
// fixed stream; PYTHONHASHSEED=0 fixes str hashes. The worker reseeds `random` after restoring
// (nothing in the checker uses `random`; `secrets` and os.urandom ask the browser each time).
// The fixed hash seed only matters against hash flooding, and the page only hashes what the
// reader typed into their own tab.
//
// The snapshot must hold no JavaScript object: the crypto library (glpi_keycheck_noble) is
// registered by the worker after restoring, and nothing here imports it.
// Prints one JSON line: {"bytes", "skipped", "ms"}.
import { createHash } from "node:crypto";
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node make_snapshot.mjs PYODIDE_DIR CHECKER.whl OUT.bin");
  process.exit(2);
}
const started = performance.now();

// --- determinism: frozen clock, fixed entropy (only for this build process) -----------------
const FROZEN_MS = Date.UTC(2000, 0, 1);
Date.now = () => FROZEN_MS;
let block = 0;
function fixedEntropy(view) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let offset = 0; offset < bytes.length; offset += 32) {
    const digest = createHash("sha256").update(`glpi-keycheck snapshot ${block++}`).digest();
    bytes.set(digest.subarray(0, Math.min(32, bytes.length - offset)), offset);
  }
  return view;
}
nodeCrypto.randomFillSync = fixedEntropy;                       // Emscripten's entropy under Node
Object.defineProperty(globalThis, "crypto", { value: { getRandomValues: fixedEntropy }, configurable: true });
const realNow = performance.now.bind(performance);
performance.now = () => 0;

const output = [];
const { loadPyodide } = await import(pathToFileURL(join(resolve(pyodideDir), "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: resolve(pyodideDir) + "/",
  _makeSnapshot: true,
  env: { PYTHONHASHSEED: "0" },
  stdout: (line) => output.push(line),
  stderr: (line) => output.push(line),
});
const purelib = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: purelib });

// Import every module of the package: after restoring, the wheel's files are not on the
// virtual disk any more, so a module imported later could not be found.
let skipped;
try {
  skipped = pyodide.runPython(`
import importlib, json, pkgutil, sys
importlib.invalidate_caches()        # the frozen clock hides the new files from the import cache
import checker
skipped = []
for info in pkgutil.walk_packages(checker.__path__, "checker."):
    if info.name.endswith(".__main__"):
        continue                     # runs the CLI when imported
    try:
        importlib.import_module(info.name)
    except ImportError as error:     # CPython-only modules (the cryptography backend)
        skipped.append(f"{info.name}: {error}")
import checker.bridge, pyodide.ffi
# A few answers, so that lazily compiled regexes and stdlib imports are in the snapshot too.
for request in ({"op": "check", "text": "eyJzdWJzY3JpcHRpb24iOiAiYmFzaWMiLCAic2lnbmF0dXJlIjogImFiYyJ9"},
                {"op": "check", "text": " x eyJhIjoxfQ%3D%3D "}, {"op": "scenarios"}):
    answer = json.loads(checker.bridge.handle(json.dumps(request)))
    assert answer["ok"], answer
assert "glpi_keycheck_noble" not in sys.modules, "the snapshot must hold no JavaScript module"
json.dumps(skipped)
`);
} catch (error) {
  console.error(String(error.message || error).split("\n").slice(-3).join("\n"));
  process.exit(1);
}
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outPath, snapshot);
console.log(JSON.stringify({ bytes: snapshot.length, skipped: JSON.parse(skipped),
                             ms: Math.round(realNow() - started) }));
