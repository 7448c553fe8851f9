// The simulator: how GLPI's registration check goes, step by step, for a version and a
// scenario (or the admin's own key, taken from the checker on the same page).
import { docLink, errorBox, h, renderState, STATUS_LABELS } from "./dom.js";
import { request, watch } from "./runtime.js";

const MY_KEY = "my-key";
let catalogue = null; // one request per runtime: {versions, scenarios}
let last = null;      // the last run on the current page, for the copy-report button

// {simulation, key?}: the last run's answer as it is, so the report does not run it again.
export function lastSimulation() {
  return last && last.element.isConnected ? last.shared : null;
}

export function loadCatalogue() {
  if (!catalogue) catalogue = request({ op: "scenarios" }).catch((error) => { catalogue = null; throw error; });
  return catalogue;
}

function checkerInput() {
  return document.querySelector("[data-checker-input]");
}

const FOLD_MARKS = { ok: "✓", skipped: "–" };

// The step list, as the core grouped it: each fix and page link where the core says it applies.
function stepItem(step, number, options) {
  const item = h("li", { class: `kc-step kc-step--${step.status}`, "data-simulator-step": true,
                         "data-name": step.name, "data-status": step.status },
    h("p", { class: "kc-step__title" },
      h("span", { class: `kc-badge kc-badge--${step.status}` }, STATUS_LABELS[step.status] || step.status),
      " ", h("strong", {}, `${number}. ${step.title || step.name}`), " ", h("code", { class: "kc-code" }, step.name),
      options.failing ? h("span", { class: "kc-step__here" }, " ← goes wrong here") : null),
    h("p", {}, step.explanation));
  if (step.shows) {
    item.append(h("p", { class: "kc-step__shows" }, h("strong", {}, `GLPI shows${step.shown_on ? ` (${step.shown_on})` : ""}: `),
      ...inLanguage(step.shows, step.shows_in_language, options.language)));
  }
  if (step.detail) {
    item.append(h("details", { class: "kc-step__detail" }, h("summary", {}, "HTTP request and response, and other detail"),
      h("pre", {}, h("code", { tabindex: 0 }, step.detail))));
  }
  if (step.fix && options.showFix) item.append(h("p", {}, h("strong", {}, "Fix: "), step.fix));
  const doc = step.doc && options.showDoc && docLink(step.doc); // named by its title; none to this page
  if (doc) item.append(h("p", {}, doc));
  return item;
}

// GLPI's text in the chosen interface language, with its English next to it.
function inLanguage(english, translated, language) {
  if (!translated || translated === english) return [h("q", {}, english)];
  return [h("q", { lang: language.replace("_", "-"), "data-simulator-translated": true }, translated),
    h("span", { class: "kc-sim-english" }, " (English: ", h("q", { lang: "en" }, english), ")")];
}

function groupItem(group, run, failing) {
  const items = group.steps.map((number, index) => stepItem(run.steps[number - 1], number, {
    language: run.glpi_language || "en_GB", failing: number === failing, showFix: group.show_fix[index], showDoc: group.show_doc[index] }));
  if (!group.folded) return items;
  const titles = group.steps.map((number) => run.steps[number - 1].title).join(" · ");
  return h("li", { class: `kc-step-group kc-step-group--${group.status}`, "data-simulator-group": group.status },
    h("details", {},
      h("summary", {}, h("span", { "aria-hidden": "true" }, `${FOLD_MARKS[group.status] || ""} `),
        h("strong", {}, group.label), `: ${titles}`),
      h("ol", { class: "kc-timeline" }, items)));
}

// The diagram comes from Python as SVG text; parse it as XML (never as HTML) and keep only
// drawing elements, so nothing in it can run.
function diagramFigure(svgText) {
  if (!svgText) return null;
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = doc.documentElement;
  if (!svg || svg.localName !== "svg" || doc.getElementsByTagName("parsererror").length) return null;
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    if (["script", "foreignObject", "a", "use", "image"].includes(element.localName)) { element.remove(); continue; }
    for (const attribute of [...element.attributes]) {
      if (/^on|href$/i.test(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  return h("figure", { class: "kc-sim-diagram", "data-simulator-diagram": true, tabindex: 0 },
    document.importNode(svg, true),
    h("figcaption", {}, "Who talks to whom, step by step. ✗ and a thick dashed arrow: where it goes wrong; faded: not reached."));
}

function summaryBlock(run) {
  const summary = run.summary;
  const failing = summary.failing_step;
  const page = summary.doc && docLink(summary.doc); // named by its title; none to this page
  return h("div", { class: `kc-sim-summary kc-outcome--${summary.status}`, "data-simulator-summary": true },
    h("p", { class: "kc-outcome__label" },
      h("span", { class: `kc-badge kc-badge--${summary.status}` }, STATUS_LABELS[summary.status] || summary.status),
      ` ${summary.shows_line}`),
    h("p", { "data-simulator-outcome": true, "data-status": summary.status,
             ...(summary.glpi_shows_in_language ? { lang: run.glpi_language.replace("_", "-") } : {}) },
      summary.glpi_shows_in_language || summary.glpi_shows),
    summary.glpi_shows_in_language && summary.glpi_shows_in_language !== summary.glpi_shows
      ? h("p", { class: "kc-sim-english", "data-simulator-outcome-english": true }, "In English: ",
          h("q", { lang: "en" }, summary.glpi_shows))
      : null,
    h("p", { class: "kc-sim-failing", "data-simulator-failing": failing ? failing.name : "" }, summary.failing_line),
    summary.fix ? h("p", { class: "kc-sim-fix" }, h("strong", {}, "Fix: "), summary.fix) : null,
    page ? h("p", {}, page) : null);
}

function renderRun(output, announce, run) {
  const release = run.glpi_release || run.glpi_version;
  const failing = run.summary.failing_step ? run.summary.failing_step.number : 0;
  output.replaceChildren(
    summaryBlock(run),
    diagramFigure(run.diagram) || "",
    h("p", { class: "kc-sim-title" }, h("strong", {}, run.title || run.scenario), ` — GLPI ${release}`),
    run.notice ? h("p", { class: "kc-sim-notice" }, run.notice) : "",
    h("ol", { class: "kc-timeline", "aria-label": "Steps of GLPI's check" },
      run.summary.groups.flatMap((group) => groupItem(group, run, failing))));
  // Screen readers hear the answer, not the whole trace.
  announce.textContent = run.summary.announcement;
}

function option(value, label, selected) {
  const element = h("option", { value }, label);
  element.selected = Boolean(selected);
  return element;
}

function describe(about, scenario) {
  if (!scenario) { about.replaceChildren(); return; }
  about.replaceChildren(
    h("p", {}, h("strong", {}, "Cause: "), scenario.cause),
    h("p", { "data-scenario-fix": true }, h("strong", {}, "Fix: "), scenario.fix, " ",
      scenario.doc ? docLink(scenario.doc) : ""));
}

export function bindSimulator(root) {
  root.classList.add("kc-widget"); // presets on troubleshooting pages come as a bare <div>
  const preset = root.dataset.simulatorPreset || "";
  const version = h("select", { "data-simulator-version": true, disabled: true });
  const scenario = h("select", { "data-simulator-scenario": true, disabled: true });
  const language = h("select", { "data-simulator-language": true, disabled: true });
  const useKey = checkerInput()
    ? h("input", { type: "checkbox", "data-simulator-my-key": true })
    : null;
  const run = h("button", { type: "button", class: "md-button md-button--primary", "data-simulator-run": true,
                            disabled: true }, "Simulate");
  const status = h("div", { class: "kc-status", "data-simulator-status": true, role: "status" });
  const about = h("div", { class: "kc-scenario-about" });
  const output = h("div", { class: "kc-simulation", "data-simulator-result": true });
  const announce = h("p", { class: "kc-sr-only", "aria-live": "polite", "data-simulator-announce": true });
  const id = `kc-sim-${Math.random().toString(36).slice(2, 8)}`;
  root.replaceChildren(
    h("div", { class: "kc-sim-controls" },
      h("label", { for: `${id}-version` }, "GLPI version"), version,
      h("label", { for: `${id}-scenario` }, "Scenario"), scenario,
      h("label", { for: `${id}-language` }, "GLPI language"), language,
      useKey ? h("label", { class: "kc-inline" }, useKey, " Use my key (from the checker above)") : null,
      run),
    about, status, announce, output);
  version.id = `${id}-version`;
  scenario.id = `${id}-scenario`;
  language.id = `${id}-language`;

  let scenarios = [];
  async function fill() {
    try {
      const data = await loadCatalogue();
      // "my-key" needs the checker's input: offered only where the page has one.
      scenarios = data.scenarios.filter((s) => s.id !== MY_KEY || checkerInput());
      const wanted = scenarios.find((s) => s.id === preset);
      const releases = data.releases || {};
      const offered = data.versions.concat(...data.versions.map((b) => releases[b] || []));
      const pinned = offered.includes(root.dataset.simulatorPresetVersion) && root.dataset.simulatorPresetVersion;
      const latest = pinned || (wanted ? wanted.versions[wanted.versions.length - 1] : data.versions[data.versions.length - 1]);
      // A branch plays its latest release; a release plays what changed up to it.
      version.replaceChildren(...data.versions.map((v) => option(v, `GLPI ${v}`, v === latest)),
        ...data.versions.map((b) => h("optgroup", { label: `GLPI ${b} releases` },
          (releases[b] || []).map((r) => option(r, `GLPI ${r}`, r === latest)))));
      scenario.replaceChildren(...scenarios.map((s) => option(s.id, s.title, s.id === preset)));
      language.replaceChildren(...(data.languages || []).map((l) => option(l.id, l.name, l.id === "en_GB")));
      version.disabled = scenario.disabled = language.disabled = run.disabled = false;
      applicable();
      if (preset && !wanted) { // say so; never play another scenario in its place
        run.disabled = true;
        scenario.addEventListener("change", () => { run.disabled = false; }, { once: true });
        output.replaceChildren(errorBox(`This page asks for the scenario "${preset}", which the simulator does not have. Pick a scenario above.`));
      }
    } catch (error) {
      output.replaceChildren(errorBox(`The scenarios could not be loaded: ${error.message}`));
    }
  }
  // Scenarios that do not exist in the chosen GLPI version cannot be picked.
  function applicable() {
    for (const item of scenario.options) {
      const known = scenarios.find((s) => s.id === item.value);
      item.disabled = Boolean(known && !(known.applies_to || known.versions).includes(version.value));
    }
    if (scenario.selectedOptions[0] && scenario.selectedOptions[0].disabled) {
      const first = [...scenario.options].find((item) => !item.disabled);
      if (first) scenario.value = first.value;
    }
    describe(about, scenarios.find((s) => s.id === scenario.value));
  }
  version.addEventListener("change", applicable);
  scenario.addEventListener("change", applicable);
  run.addEventListener("click", async () => {
    const wantsKey = scenario.value === MY_KEY || (useKey && useKey.checked);
    const key = wantsKey && checkerInput() ? checkerInput().value : null;
    if (scenario.value === MY_KEY && !key) {
      output.replaceChildren(errorBox("Paste your key in the checker above first."));
      return;
    }
    const payload = { op: "simulate", scenario: scenario.value, glpi_version: version.value, key,
                      language: language.value || "en_GB" };
    run.disabled = true;
    output.replaceChildren(h("p", { class: "kc-waiting" }, "Simulating…"));
    announce.textContent = "";
    try {
      const result = await request(payload);
      renderRun(output, announce, result);
      // The run's summary now gives the fix where GLPI goes wrong: say it once, not twice.
      const scenarioFix = about.querySelector("[data-scenario-fix]");
      if (scenarioFix) scenarioFix.hidden = Boolean(result.summary && result.summary.fix);
      status.textContent = `Simulated GLPI ${result.glpi_release || result.glpi_version}: GLPI's message and the steps are below.`;
      const { diagram, ...simulation } = result; // the report needs the run, not the picture
      last = { element: root, shared: { simulation, ...(key ? { key } : {}) } };
    } catch (error) {
      output.replaceChildren(errorBox(`The simulation failed: ${error.message}`));
    } finally {
      run.disabled = false;
    }
  });
  watch(root, (state, message) => {
    root.dataset.state = state;
    renderState(status, state, message, "simulator");
    if (state === "ready" && !scenarios.length) fill();
  });
}
