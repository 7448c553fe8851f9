// Put first in the <head> of pages that hold a checker (scripts/hooks/pyodide_assets.py), as a
// small classic script: it creates the Web Worker before the browser parses the rest of the
// page or runs Material's bundle, so Python's downloads start within ~100 ms of navigation.
// runtime.js adopts this worker when the UI modules load, and replays what it said meanwhile.
(function () {
  if (!window.Worker || window.__glpiKeycheckBoot) return;
  var worker;
  try {
    worker = new Worker(new URL("worker.js", document.currentScript.src), { type: "module" });
  } catch (error) {
    return; // runtime.js starts one itself, and reports what goes wrong
  }
  var early = [];
  var keep = function (event) { early.push(event); };
  var types = ["message", "error", "messageerror"];
  types.forEach(function (type) { worker.addEventListener(type, keep); });
  window.__glpiKeycheckBoot = {
    worker: worker,
    startedAt: performance.now(),
    // Hands the worker over: no more buffering; returns the events received so far.
    adopt: function () {
      types.forEach(function (type) { worker.removeEventListener(type, keep); });
      return early.splice(0);
    },
  };
})();
