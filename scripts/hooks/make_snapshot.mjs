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
// The file written is the snapshot XOR the runtime's initial memory (docs/assets/checker/
// snapshot-delta.mjs): unchanged static data becomes zeros, 1.5 MB less to download gzipped.
// Prints one JSON line: {"bytes", "skipped", "ms"}.
import { createHash } from "node:crypto";
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

// The snapshot is the whole WebAssembly memory. Memory that Python freed (the wheel's sources
// and their syntax trees, unpacking...) still holds its old bytes, which compress badly: fill
// every free block of the C heap and the unused stack with zeros (a fifth less to download
// gzipped). malloc may not grow the memory meanwhile, so only free blocks are handed out.
function zeroFreeMemory(module) {
  const limit = module._malloc_footprint_limit() >>> 0;
  module._malloc_set_footprint_limit(module._malloc_footprint() >>> 0);
  const held = [];
  try {
    for (let size = 1 << 24; size >= 8; size >>>= 1) {
      for (let block = module._malloc(size); block; block = module._malloc(size)) {
        module.HEAPU8.fill(0, block, block + (module._malloc_usable_size(block) >>> 0));
        held.push(block);
      }
    }
  } finally {
    for (const block of held.reverse()) module._free(block);
    module._malloc_set_footprint_limit(limit);
  }
  // Below the stack pointer: no frame is live there (no Python runs now).
  module.HEAPU8.fill(0, module._emscripten_stack_get_end() >>> 0, (module._emscripten_stack_get_current() >>> 0) - 1024);
}

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
import importlib, importlib.machinery, json, os, pkgutil, sys
# The frozen clock hides the new files from the folders' import caches. (Not
# importlib.invalidate_caches(): it imports importlib.metadata and email into the snapshot.)
for finder in sys.path_importer_cache.values():
    if isinstance(finder, importlib.machinery.FileFinder):
        finder.invalidate_caches()
import checker
# The command line (checker.cli, checker.__main__) never runs in the browser: leaving it out
# leaves out argparse, gettext, getpass... (tests/pyodide/test_snapshot.py checks that no
# other module imports it).
BROWSER_NEVER = ("checker.cli", "checker.__main__")

def modules(path, prefix):
    for info in pkgutil.iter_modules(path, prefix):
        if info.name in BROWSER_NEVER:
            continue
        yield info.name
        if info.ispkg:
            yield from modules([os.path.join(path[0], info.name.rpartition(".")[2])], info.name + ".")

skipped = []
for name in modules(checker.__path__, "checker."):
    try:
        importlib.import_module(name)
    except ImportError as error:     # CPython-only modules (the cryptography backend)
        skipped.append(f"{name}: {error}")
import checker.bridge, pyodide.ffi
# A few answers, so that lazily compiled regexes and stdlib imports are in the snapshot too.
for request in ({"op": "check", "text": "eyJzdWJzY3JpcHRpb24iOiAiYmFzaWMiLCAic2lnbmF0dXJlIjogImFiYyJ9"},
                {"op": "check", "text": " x eyJhIjoxfQ%3D%3D "}, {"op": "scenarios"}):
    answer = json.loads(checker.bridge.handle(json.dumps(request)))
    assert answer["ok"], answer
assert "glpi_keycheck_noble" not in sys.modules, "the snapshot must hold no JavaScript module"
assert not [name for name in sys.modules if name.startswith(BROWSER_NEVER)], "the CLI is in the snapshot"
json.dumps(skipped)
`);
} catch (error) {
  console.error(String(error.message || error).split("\n").slice(-3).join("\n"));
  process.exit(1);
}
pyodide.runPython("import gc; gc.collect()");
zeroFreeMemory(pyodide._module);
const snapshot = pyodide.makeMemorySnapshot();
// Shipped as its difference with the memory pyodide.asm.wasm starts with: the worker undoes it.
const delta = join(dirname(fileURLToPath(import.meta.url)), "../../docs/assets/checker/snapshot-delta.mjs");
const { toggleDelta } = await import(pathToFileURL(delta).href);
toggleDelta(snapshot, new Uint8Array(readFileSync(join(pyodideDir, "pyodide.asm.wasm"))));
writeFileSync(outPath, snapshot);
console.log(JSON.stringify({ bytes: snapshot.length, skipped: JSON.parse(skipped),
                             ms: Math.round(realNow() - started) }));
