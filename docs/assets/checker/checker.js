// The checker's entry point, loaded on every page (Material runs it once per tab).
// It stays tiny: only a page holding a checker, key-file panel or simulator loads the UI
// modules, and only they start the Web Worker that loads Pyodide.
const WIDGETS = "[data-checker], [data-keyfile], [data-simulator]";

// When the UI modules themselves cannot load (missing files, a proxy or policy blocking
// them), the runtime's timeout never starts: say so on each widget instead of spinning.
function showLoadFailure(error) {
  for (const widget of document.querySelectorAll(`:is(${WIDGETS}):not([data-bound])`)) {
    widget.setAttribute("data-state", "error");
    const message = document.createElement("p");
    message.className = "kc-error";
    message.setAttribute("role", "alert");
    message.setAttribute("data-load-error", "");
    message.textContent = "The checker's scripts could not be loaded (" + error.message + "). " +
      "Reload the page; if this stays, the site's assets/checker/ files are missing or blocked " +
      "by the web server, a proxy or a browser policy.";
    widget.prepend(message);
  }
}

function bindPage() {
  if (!document.querySelector(WIDGETS)) return;
  // Start Python at once; the UI modules load meanwhile (both share runtime.js).
  import("./runtime.js").then((runtime) => runtime.ensureStarted()).catch(showLoadFailure);
  import("./ui.js").then((ui) => ui.bindAll(document)).catch(showLoadFailure);
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
