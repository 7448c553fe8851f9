// The Web Worker that runs the checker in Pyodide, so the page never freezes while Python
// starts. Messages in: {id, request: JSON text}; out: {type: "progress", step, of, text} while
// starting, {type: "ready", path, timings} or {type: "failed", message} once, then {id, answer:
// JSON text} per request (the bridge's text as is: parsed once, by the page). Requests received
// before Python is ready wait for it. Nothing here logs: requests carry keys and key files.
//
// Two ways to start, both checked against assets/checker/build.json (no-cache; it names the
// files and their SRI integrity):
// - "snapshot": restore the memory snapshot made at build time (Python with the checker already
//   imported): about 0.5 s of work instead of 4 s. It is shipped as its difference with the
//   memory pyodide.asm.wasm starts with (snapshot-delta.mjs), so the worker reads the runtime's
//   bytes too, from the one download that Pyodide then compiles;
// - "ordinary": start Python, unpack the checker wheel, import it. Used when the build has no
//   snapshot or restoring fails for any reason (integrity, memory, a browser that refuses).
const ASSETS = new URL("../", import.meta.url);
const PYODIDE = new URL("pyodide/", ASSETS).href;
const WASM = new URL("pyodide.asm.wasm", PYODIDE).href;
const started = performance.now();
const timings = {};                      // milestones, ms since the worker started (no user data)
const since = () => Math.round(performance.now() - started);
const quiet = () => {};

function progress(step, text) {
  postMessage({ type: "progress", step, of: 3, text });
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url.pathname} answered HTTP ${response.status}`);
  return response;
}

// Everything starts downloading now, in parallel: the runtime's WebAssembly, the build info,
// then the snapshot (or the wheel), the loader, the crypto library.
// Pyodide fetches pyodide.asm.wasm itself, with the global fetch: its first request for it gets
// this response, so the 9.6 MB are downloaded once, and the snapshot path can read them.
const networkFetch = self.fetch.bind(self);
const wasm = networkFetch(WASM);
let wasmUnclaimed = true;
self.fetch = (input, init) => {
  if (wasmUnclaimed && String(input) === WASM) {
    wasmUnclaimed = false;
    return wasm;
  }
  return networkFetch(input, init);
};
const build = fetchOk(new URL("checker/build.json", ASSETS), { cache: "no-cache" }).then((r) => r.json());
const snapshot = build.then((info) => {
  if (!info.snapshot) throw new Error("this build has no snapshot");
  return fetchOk(new URL("py/" + info.snapshot.name, ASSETS), { integrity: info.snapshot.integrity })
    .then((response) => response.arrayBuffer())
    .then((bytes) => { timings.snapshotFetched = since(); return new Uint8Array(bytes); });
});
const loader = import(new URL("pyodide.mjs", PYODIDE).href);
const noble = import(new URL("vendor/noble-ciphers/chacha.js", ASSETS).href);
const delta = import("./snapshot-delta.mjs");  // not a static import: it would hold back the rest
for (const promise of [wasm, build, snapshot, loader, noble, delta]) promise.catch(quiet);
progress(1, "downloading Python");

function options(extra) {
  return {
    indexURL: PYODIDE,
    // Never Pyodide's default package CDN: packages could only come from this site.
    packageBaseUrl: PYODIDE,
    stdout: quiet,
    stderr: quiet,
    ...extra,
  };
}

async function registerCrypto(pyodide) {
  // The browser crypto backend (checker/browser_backend.py) imports this module. Registered
  // after the start: a snapshot must hold no JavaScript object.
  pyodide.registerJsModule("glpi_keycheck_noble", { xchacha20poly1305: (await noble).xchacha20poly1305 });
}

async function fromSnapshot() {
  // A copy of the runtime's bytes, taken before Pyodide reads the response (it waits for the
  // snapshot before it compiles).
  const runtime = wasm.then((response) => {
    if (!response.ok) throw new Error(`${new URL(WASM).pathname} answered HTTP ${response.status}`);
    return response.clone().arrayBuffer();
  });
  const restored = Promise.all([snapshot, runtime, delta])
    .then(([data, bytes, { toggleDelta }]) => toggleDelta(data, new Uint8Array(bytes)));
  restored.catch(quiet);
  const { loadPyodide } = await loader;
  timings.loader = since();
  snapshot.then(() => progress(2, "starting Python from the snapshot"), quiet);
  // Pyodide fetches its other runtime files now and waits for the snapshot before it instantiates.
  const pyodide = await loadPyodide(options({ _loadSnapshot: restored }));
  timings.python = since();
  progress(3, "restoring the checker");
  await registerCrypto(pyodide);
  // The snapshot's random state is the same for everyone: draw a fresh one.
  pyodide.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
  const bridge = pyodide.pyimport("checker.bridge");
  timings.imported = since();
  return bridge;
}

async function ordinaryStart() {
  const wheel = build.then((info) =>
    fetchOk(new URL("py/" + info.wheel, ASSETS), { integrity: info.integrity }).then((r) => r.arrayBuffer()));
  wheel.catch(quiet);
  const { loadPyodide } = await loader;
  timings.loader = since();
  const pyodide = await loadPyodide(options({}));
  timings.python = since();
  progress(3, "importing the checker");
  await registerCrypto(pyodide);
  const purelib = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: purelib });
  timings.wheel = since();
  const bridge = pyodide.pyimport("checker.bridge");
  timings.imported = since();
  return bridge;
}

let path = "snapshot";
let fallbackReason = null;

async function loadBridge() {
  try {
    // No snapshot in this build: start the ordinary way at once (no runtime fetched twice).
    if (!(await build).snapshot) throw new Error("this build has no snapshot");
    // A snapshot that fails its integrity check rejects before Pyodide sees a byte of it.
    return await fromSnapshot();
  } catch (error) {
    path = "ordinary";
    fallbackReason = String((error && error.message) || error).split("\n")[0];
    progress(2, "starting Python");
    return ordinaryStart();
  }
}

const bridge = loadBridge();
bridge.then(
  () => postMessage({ type: "ready", path, fallbackReason, timings }),
  (error) => postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.onmessage = async (event) => {
  const { id, request } = event.data;
  let answer;
  try {
    answer = (await bridge).handle(request);
  } catch (error) {
    answer = JSON.stringify({ ok: false, error: { code: "runtime", message: String((error && error.message) || error) } });
  }
  postMessage({ id, answer });
};
