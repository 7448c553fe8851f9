// The checker's entry point, loaded on every page (Material runs it once per tab).
// It stays tiny: only a page holding a checker, key-file panel or simulator loads the UI
// modules. A checker or key-file panel starts Python at once (on /checker/, start.js in the
// page's <head> has usually started it already); a page whose only widgets are simulators
// (the troubleshooting pages) downloads nothing of the runtime until one of them comes near
// the viewport or the reader reaches for it.
const WIDGETS = "[data-checker], [data-keyfile], [data-simulator]";
const STARTS_AT_ONCE = "[data-checker], [data-keyfile]";
const NEAR = "400px 0px";  // start a little before the simulator scrolls into view

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

function startPython() {
  return import("./runtime.js").then((runtime) => runtime.ensureStarted()).catch(showLoadFailure);
}

// Start when a widget comes near the viewport, or is pointed at, focused or touched.
function startWhenNear(widgets) {
  let started = false;
  const observer = "IntersectionObserver" in window ? new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) once();
  }, { rootMargin: NEAR }) : null;
  const events = ["pointerover", "pointerdown", "focusin", "keydown"];
  function once() {
    if (started) return;
    started = true;
    if (observer) observer.disconnect();
    for (const widget of widgets) for (const type of events) widget.removeEventListener(type, once);
    startPython();
  }
  for (const widget of widgets) {
    if (observer) observer.observe(widget);
    for (const type of events) widget.addEventListener(type, once);
  }
  if (!observer) once();
}

function bindPage() {
  const widgets = [...document.querySelectorAll(WIDGETS)];
  if (!widgets.length) return;
  // Python starts while the UI modules load (both share runtime.js).
  if (document.querySelector(STARTS_AT_ONCE)) startPython();
  else startWhenNear(widgets);
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
