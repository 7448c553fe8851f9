// One Pyodide runtime per tab, in a module Web Worker, kept across Material's instant
// navigation (this module is evaluated once per tab, so `current` survives page swaps).
// Widgets call `request()` and watch the state: loading -> ready, or error (with Retry).
const DEFAULT_TIMEOUT_MS = 30000;

// Counters for tests and the benchmark; they never hold user data.
// readyMs: worker start to ready; readyAt: ready, in ms since navigation start.
export const stats = (window.__glpiKeycheck = window.__glpiKeycheck || { workerStarts: 0, readyMs: null, readyAt: null });

const watchers = new Set();
let current = null;

// A .wasm served with the wrong MIME type makes loadPyodide hang forever: give up after
// a while. Tests shorten the wait with window.glpiKeycheckConfig = {timeoutMs}.
function timeoutMs() {
  const configured = window.glpiKeycheckConfig && Number(window.glpiKeycheckConfig.timeoutMs);
  return configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

export const LIKELY_CAUSES = [
  "the web server sends .wasm files with a MIME type other than application/wasm (or .mjs files with one other than text/javascript)",
  "WebAssembly is blocked by the browser or by a company policy",
  "a Content-Security-Policy without 'wasm-unsafe-eval' in script-src",
  "the assets/pyodide/ files are missing from the server",
];

function start() {
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  stats.workerStarts += 1;
  stats.startedAt = Math.round(performance.now());
  const runtime = { worker, state: "loading", message: "", pending: new Map(), nextId: 1 };
  const started = performance.now();
  runtime.ready = new Promise((resolve, reject) => {
    const seconds = Math.round(timeoutMs() / 1000);
    const timer = setTimeout(
      () => reject(new Error(`Python did not start within ${seconds} s.`)),
      timeoutMs(),
    );
    worker.addEventListener("message", (event) => {
      const data = event.data || {};
      if (data.type === "ready") {
        clearTimeout(timer);
        stats.workerTimings = data.timings;
        resolve();
      } else if (data.type === "failed") {
        clearTimeout(timer);
        reject(new Error(data.message));
      } else if (data.id && runtime.pending.has(data.id)) {
        runtime.pending.get(data.id).resolve(data.answer);
        runtime.pending.delete(data.id);
      }
    });
    worker.addEventListener("error", (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || "The checker's worker script could not be loaded."));
    });
  });
  runtime.ready.then(
    () => {
      stats.readyMs = Math.round(performance.now() - started);
      stats.readyAt = Math.round(performance.now());
      setState(runtime, "ready", "");
    },
    (error) => {
      worker.terminate();
      for (const waiting of runtime.pending.values()) waiting.reject(error);
      runtime.pending.clear();
      setState(runtime, "error", error.message);
    },
  );
  return runtime;
}

function setState(runtime, state, message) {
  if (runtime !== current) return;
  runtime.state = state;
  runtime.message = message;
  for (const watcher of [...watchers]) {
    if (!watcher.element.isConnected) watchers.delete(watcher); // page swapped away
    else watcher.notify(state, message);
  }
}

export function ensureStarted() {
  if (!current) current = start();
  return current;
}

export function retry() {
  if (current && current.state !== "error") return;
  current = start();
  setState(current, "loading", "");
}

// Call `notify(state, message)` now and on each change while `element` is on the page.
export function watch(element, notify) {
  const runtime = ensureStarted();
  watchers.add({ element, notify });
  notify(runtime.state, runtime.message);
}

export function isReady() {
  return Boolean(current && current.state === "ready");
}

// Send one request to the bridge; resolves with its `result`, rejects with its error.
export async function request(payload, transfer = []) {
  const runtime = ensureStarted();
  await runtime.ready;
  const answer = await new Promise((resolve, reject) => {
    const id = runtime.nextId++;
    runtime.pending.set(id, { resolve, reject });
    runtime.worker.postMessage({ id, request: payload }, transfer);
  });
  if (!answer.ok) {
    const error = new Error(answer.error.message);
    error.code = answer.error.code;
    throw error;
  }
  return answer.result;
}
