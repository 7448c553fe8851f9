// One Pyodide runtime per tab, in a module Web Worker, kept across Material's instant
// navigation (this module is evaluated once per tab, so `current` survives page swaps).
// Widgets call `request()` and watch the state: idle (not started yet) -> loading (with a
// progress message) -> ready, or error (with Retry). A runtime that fails after it was ready
// (the worker crashed, a message could not be read, a request got no answer in time) rejects
// every pending request and goes to error too: nothing is left waiting forever.
const DEFAULT_TIMEOUT_MS = 60000;          // to start Python, downloads included
const DEFAULT_REQUEST_TIMEOUT_MS = 20000;  // per request; answers take milliseconds

// Counters and milestones for tests and the benchmark; they never hold user data.
// startedAt / readyAt: ms since navigation start (worker created / Python ready); readyMs: between;
// path: "snapshot" or "ordinary" (and fallbackReason when the snapshot was not used).
export const stats = (window.__glpiKeycheck = window.__glpiKeycheck ||
  { workerStarts: 0, startedAt: null, readyMs: null, readyAt: null, path: null, fallbackReason: null,
    workerTimings: null, failures: [] });

const watchers = new Set();
let current = null;

// A .wasm served with the wrong MIME type makes loadPyodide hang forever: give up after a
// while. Tests shorten the waits with window.glpiKeycheckConfig = {timeoutMs, requestTimeoutMs}.
function configured(name, fallback) {
  const value = window.glpiKeycheckConfig && Number(window.glpiKeycheckConfig[name]);
  return value > 0 ? value : fallback;
}

export const LIKELY_CAUSES = [
  "the web server sends .wasm files with a MIME type other than application/wasm (or .mjs files with one other than text/javascript)",
  "WebAssembly is blocked by the browser or by a company policy",
  "a Content-Security-Policy without 'wasm-unsafe-eval' in script-src",
  "the assets/pyodide/ files are missing from the server",
];

// The worker start.js created from the page's <head>, once (a Retry makes a new one).
function bootWorker() {
  const boot = window.__glpiKeycheckBoot;
  if (!boot || boot.adopted) return null;
  boot.adopted = true;
  return boot;
}

function start() {
  const boot = bootWorker();
  const worker = boot ? boot.worker : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  stats.workerStarts += 1;
  stats.startedAt = Math.round(boot ? boot.startedAt : performance.now());
  const runtime = { worker, state: "loading", message: "", pending: new Map(), nextId: 1, failed: null };
  let settle;
  runtime.ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  runtime.ready.catch(() => {});
  const seconds = Math.round(configured("timeoutMs", DEFAULT_TIMEOUT_MS) / 1000);
  const timer = setTimeout(() => fail(runtime, new Error(`Python did not start within ${seconds} s.`)),
                           configured("timeoutMs", DEFAULT_TIMEOUT_MS));
  runtime.fail = (error) => { clearTimeout(timer); settle.reject(error); };

  function onMessage(event) {
    const data = event.data || {};
    if (data.type === "progress") {
      if (runtime.state === "loading") setState(runtime, "loading", `step ${data.step} of ${data.of}: ${data.text}`);
    } else if (data.type === "ready") {
      clearTimeout(timer);
      const readyAt = Math.round(event.timeStamp || performance.now());  // replayed events keep their time
      Object.assign(stats, { workerTimings: data.timings, path: data.path, fallbackReason: data.fallbackReason,
                             readyMs: readyAt - stats.startedAt, readyAt });
      runtime.wasReady = true;
      settle.resolve();
      setState(runtime, "ready", "");
    } else if (data.type === "failed") {
      fail(runtime, new Error(data.message));
    } else if (data.id && runtime.pending.has(data.id)) {
      const waiting = runtime.pending.get(data.id);
      runtime.pending.delete(data.id);
      waiting.settle(data.answer);
    }
  }
  function onError(event) {
    event.preventDefault();
    fail(runtime, new Error(runtime.wasReady
      ? `The checker stopped (${event.message || "its worker crashed"}).`
      : event.message || "The checker's worker script could not be loaded."));
  }
  function onMessageError() {
    fail(runtime, new Error("The checker sent a message the page could not read."));
  }
  const handlers = { message: onMessage, error: onError, messageerror: onMessageError };
  for (const [type, handler] of Object.entries(handlers)) worker.addEventListener(type, handler);
  // What the worker said before this module loaded, in order, once the caller has made this
  // runtime the current one (a microtask: no new worker event can come in between).
  if (boot) queueMicrotask(() => { for (const event of boot.adopt()) handlers[event.type](event); });
  return runtime;
}

// The runtime is unusable: stop its worker, reject everything waiting on it, show the error.
function fail(runtime, error) {
  if (runtime.failed) return;
  runtime.failed = error;
  runtime.fail(error);
  runtime.worker.terminate();
  stats.failures.push(error.message);
  for (const waiting of runtime.pending.values()) waiting.reject(error);
  runtime.pending.clear();
  setState(runtime, "error", error.message);
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
  if (!current) {
    current = start();
    setState(current, "loading", "");
  }
  return current;
}

export function retry() {
  if (current && current.state !== "error") return;
  current = start();
  setState(current, "loading", "");
}

// Call `notify(state, message)` now and on each change while `element` is on the page.
// Watching does not start Python: a page starts it (ensureStarted) or a request does.
export function watch(element, notify) {
  watchers.add({ element, notify });
  notify(current ? current.state : "idle", current ? current.message : "");
}

// True when the current runtime was ready and then broke (its error is not a start-up problem).
export function stoppedAfterReady() {
  return Boolean(current && current.failed && current.wasReady);
}

export function isReady() {
  return Boolean(current && current.state === "ready");
}

// Send one request to the bridge; resolves with its `result`, rejects with its error. The
// request and the answer cross the worker boundary as JSON text, parsed once here.
export async function request(payload) {
  const runtime = ensureStarted();
  await runtime.ready;
  if (runtime.failed) throw runtime.failed;
  const text = await new Promise((resolve, reject) => {
    const id = runtime.nextId++;
    const limit = configured("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS);
    const timer = setTimeout(() => fail(runtime, new Error(
      `The checker did not answer within ${Math.round(limit / 1000)} s.`)), limit);
    runtime.pending.set(id, {
      settle: (answer) => { clearTimeout(timer); resolve(answer); },
      reject: (error) => { clearTimeout(timer); reject(error); },
    });
    runtime.worker.postMessage({ id, request: JSON.stringify(payload) });
  });
  const answer = JSON.parse(text);
  if (!answer.ok) {
    const error = new Error(answer.error.message);
    error.code = answer.error.code;
    throw error;
  }
  return answer.result;
}
