// The Web Worker that runs the checker in Pyodide, so the page never freezes while the
// 10 MB runtime starts. Messages in: {id, request}; out: {type: "ready"|"failed"} once, then
// {id, answer} per request. Requests received before Python is ready wait for it.
// Nothing here logs: requests carry keys and key files.
const ASSETS = new URL("../", import.meta.url);

async function loadBridge() {
  // The wheel and the crypto library download while the runtime starts.
  const wheel = fetchWheel();
  const noble = import(new URL("vendor/noble-ciphers/chacha.js", ASSETS).href);
  wheel.catch(() => {});
  noble.catch(() => {});
  const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", ASSETS).href);
  timings.loader = since();
  const pyodide = await loadPyodide({
    indexURL: new URL("pyodide/", ASSETS).href,
    // Never Pyodide's default package CDN: packages could only come from this site.
    packageBaseUrl: new URL("pyodide/", ASSETS).href,
    stdout: () => {},
    stderr: () => {},
  });
  // The browser crypto backend (checker/browser_backend.py) imports this module.
  timings.python = since();
  pyodide.registerJsModule("glpi_keycheck_noble", { xchacha20poly1305: (await noble).xchacha20poly1305 });
  const purelib = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: purelib });
  timings.wheel = since();
  const bridge = pyodide.pyimport("checker.bridge");
  timings.imported = since();
  return bridge;
}

// The checker wheel, checked against the integrity the build recorded (assets/checker/build.json).
async function fetchWheel() {
  const build = await fetchOk(new URL("checker/build.json", ASSETS), { cache: "no-cache" });
  const info = await build.json();
  const wheel = await fetchOk(new URL("py/" + info.wheel, ASSETS), { integrity: info.integrity });
  return wheel.arrayBuffer();
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url.pathname} answered HTTP ${response.status}`);
  return response;
}

// Milestones in ms since the worker started, for the benchmark (no user data).
const started = performance.now();
const timings = {};
const since = () => Math.round(performance.now() - started);
const bridge = loadBridge();
bridge.then(
  () => postMessage({ type: "ready", timings }),
  (error) => postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.onmessage = async (event) => {
  const { id, request } = event.data;
  let answer;
  try {
    const handle = await bridge;
    answer = JSON.parse(handle.handle(JSON.stringify(request)));
  } catch (error) {
    answer = { ok: false, error: { code: "runtime", message: String((error && error.message) || error) } };
  }
  postMessage({ id, answer });
};
