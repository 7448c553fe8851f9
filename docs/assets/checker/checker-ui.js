// The key checker: a live verdict on whatever is pasted, as you type.
// The verdict's words (headline, findings, fixes) come from the checker's report: this file
// lays them out and decides none of them.
import { copyText, docLink, errorBox, findingList, h, renderState, seeAlso, siteUrl } from "./dom.js";
import { isReady, request, watch } from "./runtime.js";
import { lastSimulation } from "./simulator-ui.js";

const DEBOUNCE_MS = 16; // one frame: a check takes milliseconds; stale answers are dropped below

function fieldsTable(fields) {
  const rows = Object.entries(fields).map(([name, value]) =>
    h("tr", {}, h("th", { scope: "row" }, name),
      h("td", {}, h("code", {}, typeof value === "string" ? value : JSON.stringify(value)))));
  return h("div", { class: "kc-fields" },
    h("p", {}, h("strong", {}, "Other members of the key"),
      " (GLPI does not check them; only GLPI Network reads them):"),
    h("table", {}, h("tbody", {}, rows)));
}

function keyVsKeyfile(finding) {
  return h("div", { class: "admonition info kc-key-vs-keyfile", "data-checker-key-vs-keyfile": true },
    h("p", { class: "admonition-title" }, finding.title),
    h("p", {}, finding.explanation || finding.detail),
    h("p", {}, seeAlso(finding, finding.title)));
}

// --- GLPI's own messages, pasted (kind glpi-message): each with its page and its scenario ---

// Plays the scenario in this page's simulator, or opens the message's page, which has one.
function playScenario(found, note) {
  const simulator = document.querySelector("[data-simulator]");
  const version = simulator && simulator.querySelector("[data-simulator-version]");
  const scenario = simulator && simulator.querySelector("[data-simulator-scenario]");
  if (!version || !scenario) {
    window.location.assign(siteUrl(found.page));
    return;
  }
  if (scenario.disabled) {
    note.textContent = "The simulator is still loading; try again in a moment.";
    return;
  }
  version.value = found.scenario.glpi_version;
  version.dispatchEvent(new Event("change"));
  scenario.value = found.scenario.id;
  scenario.dispatchEvent(new Event("change"));
  note.textContent = "";
  simulator.scrollIntoView({ block: "start" });
  simulator.querySelector("[data-simulator-run]").click();
}

function glpiMessages(messages) {
  const items = messages.map((found) => {
    const lang = found.language.replace("_", "-");
    const parts = [h("p", {}, h("q", { lang, "data-checker-message-text": true }, found.text),
      ` (${found.language})`)];
    if (found.language !== "en_GB") {
      parts.push(h("p", {}, "In English: ", h("q", { lang: "en" }, found.message)));
    }
    parts.push(h("p", {}, docLink(found.page, "The page for this message")));
    if (found.scenario) {
      const note = h("span", { class: "kc-note", role: "status" });
      const play = h("button", { type: "button", class: "md-button", "data-checker-play-scenario": found.scenario.id },
        `Simulate it in GLPI ${found.scenario.glpi_version}`);
      play.addEventListener("click", () => playScenario(found, note));
      parts.push(h("p", {}, play, " ", note));
    }
    return h("li", { "data-checker-message": found.message }, ...parts);
  });
  return h("div", { class: "kc-glpi-messages" }, h("ol", {}, items));
}

function renderReport(result, report, text) {
  result.dataset.kind = report.kind;
  result.dataset.status = report.status;
  const parts = [h("p", { class: `kc-verdict kc-verdict--${report.status}`, "data-checker-verdict": true },
    report.headline)];
  if (report.normalized) {
    const changed = report.normalized !== text;
    const copy = h("button", { type: "button", class: "md-button kc-copy", "data-checker-copy": true },
      changed ? "Copy the repaired key" : "Copy the key");
    copy.addEventListener("click", () => copyText(report.normalized, copy));
    parts.push(h("div", { class: "kc-normalized" },
      h("p", {}, h("strong", {}, changed ? "Repaired key" : "Key"),
        changed ? " (paste this one into GLPI):" : ":"),
      // Focusable: a long key scrolls sideways, and keyboard users must be able to scroll it.
      h("pre", {}, h("code", { "data-checker-normalized": true, tabindex: 0 }, report.normalized)), copy));
  }
  const explained = report.findings.find((finding) => finding.code === "key-vs-keyfile");
  if (explained) parts.push(keyVsKeyfile(explained));
  parts.push(findingList(report.findings.filter((finding) => finding.code !== "key-vs-keyfile")));
  if (report.kind === "glpi-message") parts.push(glpiMessages(report.fields.messages));
  else if (report.fields && Object.keys(report.fields).length) parts.push(fieldsTable(report.fields));
  result.replaceChildren(...parts);
  result.shown = { text, report }; // "Copy report" reuses it: the check is not run again
  result.dataset.renders = String(Number(result.dataset.renders || 0) + 1); // tests wait on this
}

function reportTools(input, result, check) {
  const area = h("textarea", { class: "kc-report", readonly: true, rows: 10, "data-checker-report": true,
                                "aria-label": "Report to paste in a forum post or ticket" });
  const button = h("button", { type: "button", class: "md-button", "data-checker-copy-report": true },
    "Copy a report (key redacted)");
  // Nothing to report until something is pasted.
  const enable = () => { button.disabled = input.value.trim() === ""; };
  input.addEventListener("input", enable);
  enable();
  button.addEventListener("click", async () => {
    const simulation = lastSimulation();
    try {
      if (!result.shown || result.shown.text !== input.value) await check(); // clicked before the check ended
      const report = result.shown ? result.shown.report : null;
      const { markdown } = await request({ op: "report", text: input.value, report, ...(simulation || {}) });
      area.value = markdown;
      details.open = true;
      await copyText(markdown, button);
    } catch (error) {
      area.value = `The report could not be made: ${error.message}`;
    }
  });
  const details = h("details", { class: "kc-report-box" },
    h("summary", {}, "Report for a forum post or ticket"),
    h("p", {}, "Shows the key's first characters and its length only; review it before you post it."),
    area);
  return h("div", { class: "kc-report-tools" }, button, details);
}

export function bindChecker(root) {
  const input = root.querySelector("[data-checker-input]");
  if (!input) return;
  const status = root.querySelector("[data-checker-status]") ||
    root.appendChild(h("div", { class: "kc-status", "data-checker-status": true, role: "status" }));
  const result = root.querySelector("[data-checker-result]") ||
    root.appendChild(h("div", { "data-checker-result": true, "aria-live": "polite" }));

  let timer = null;
  let sequence = 0;
  async function update() {
    const text = input.value;
    const mine = ++sequence;
    if (text === "") {
      if (isReady()) status.textContent = "The checker is ready: paste a key above.";
      result.shown = null;
      delete result.dataset.kind;
      delete result.dataset.status;
      result.replaceChildren();
      return;
    }
    if (!isReady()) {
      result.replaceChildren(h("p", { class: "kc-waiting" }, "Your key will be checked as soon as the checker has loaded."));
      return;
    }
    try {
      const report = await request({ op: "check", text });
      if (mine === sequence) {
        renderReport(result, report, text);
        // Say what happened, not "ready": the verdict itself is read from the result below.
        status.textContent = `Checked ${text.length} character${text.length === 1 ? "" : "s"}; the verdict is below.`;
      }
    } catch (error) {
      if (mine === sequence) result.replaceChildren(errorBox(`The check failed: ${error.message}`));
    }
  }
  root.append(reportTools(input, result, update));
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  watch(root, (state, message) => {
    root.dataset.state = state;
    renderState(status, state, message, "checker");
    if (state === "ready" && input.value) update();
  });
  if (input.value) update();
}
