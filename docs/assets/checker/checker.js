// The checker's entry point, loaded on every page (Material runs it once per tab).
// It stays tiny: only a page holding a checker, key-file panel or simulator loads the UI
// modules, and only they start the Web Worker that loads Pyodide.
const WIDGETS = "[data-checker], [data-keyfile], [data-simulator]";

function bindPage() {
  if (!document.querySelector(WIDGETS)) return;
  // Start Python at once; the UI modules load meanwhile (both share runtime.js).
  import("./runtime.js").then((runtime) => runtime.ensureStarted());
  import("./ui.js").then((ui) => ui.bindAll(document));
}

// Material's document$ emits on first load and after every instant navigation; binding on
// DOMContentLoaded alone would leave widgets dead on pages reached by instant navigation.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(bindPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", bindPage);
} else {
  bindPage();
}
