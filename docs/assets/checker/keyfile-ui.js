// The key-file panel: inspect a local glpicrypt.key, and test whether it decrypts a value
// from GLPI's database. The file is read by the browser and never leaves the page; the
// decrypted secret stays hidden until asked for.
import { errorBox, findingItem, findingList, h, renderState, toBase64 } from "./dom.js";
import { request, watch } from "./runtime.js";
import { loadCatalogue } from "./simulator-ui.js";

// The checker's input limit, from the build (checker.limits.MAX_INPUT in build.json).
let limit = null;
function maxInputBytes() {
  if (!limit) {
    limit = fetch(new URL("build.json", import.meta.url), { cache: "no-cache" })
      .then((response) => { if (!response.ok) throw new Error(`build.json answered HTTP ${response.status}`); return response.json(); })
      .then((build) => build.max_input_bytes)
      .catch((error) => { limit = null; throw error; });
  }
  return limit;
}

const FACT_LABELS = { path: "File", size: "Size (bytes)", sha256: "SHA-256 (compare copies without showing the key)",
                      mode_text: "Permissions", owner: "Owner", group: "Group" };

function facts(fields) {
  const rows = Object.entries(FACT_LABELS).filter(([name]) => fields && fields[name] !== null && fields[name] !== undefined)
    .map(([name, label]) => h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, h("code", {}, String(fields[name])))));
  return rows.length ? h("table", { class: "kc-facts", "data-keyfile-facts": true }, h("tbody", {}, rows)) : "";
}

export function bindKeyfile(root) {
  const input = root.querySelector("[data-keyfile-input]");
  if (!input) return;
  const status = h("div", { class: "kc-status", "data-keyfile-status": true, role: "status" });
  const result = h("div", { "data-keyfile-result": true, "aria-live": "polite" });
  const value = root.querySelector("[data-keyfile-value]");
  const decrypt = root.querySelector("[data-keyfile-decrypt]");
  const decrypted = root.querySelector("[data-keyfile-decrypt-result]");
  const version = h("select", { id: "kc-keyfile-version", "data-keyfile-version": true },
    h("option", { value: "" }, "any version"));
  input.after(h("label", { class: "kc-inline kc-keyfile-version", for: "kc-keyfile-version" }, " for GLPI "), version,
    status, result);
  version.addEventListener("change", () => { if (input.files && input.files.length) inspect(); });

  let chosen = false; // the checker holds the chosen file's bytes (in memory only) to decrypt with
  let plaintext = null;

  async function inspect() {
    const file = input.files && input.files[0];
    chosen = false;
    delete result.dataset.status; // set again when the verdict is shown (tests wait on it)
    decrypted.replaceChildren();
    delete decrypted.dataset.status;
    if (!file) { // cleared: the worker forgets the key it held for decrypting
      result.replaceChildren(); delete result.dataset.status;
      request({ op: "forget-keyfile" }).catch(() => {});
      return;
    }
    let readLimit;
    try {
      readLimit = (await maxInputBytes()) + 1; // one byte past the limit, so the checker can say "too large"
    } catch (error) {
      result.dataset.status = "error";
      result.replaceChildren(errorBox(`The checker's build information could not be read (${error.message}).`));
      return;
    }
    let payload;
    try {
      const bytes = new Uint8Array(await file.slice(0, readLimit).arrayBuffer());
      payload = { op: "keyfile", name: file.name, content_b64: toBase64(bytes) };
    } catch {
      payload = { op: "keyfile", name: file.name, read_error: "unreadable" };
    }
    payload.glpi_version = version.value || null;
    result.replaceChildren(h("p", { class: "kc-waiting" }, "Reading the file…"));
    try {
      const report = await request(payload);
      chosen = Boolean(payload.content_b64); // sent once: each decryption uses it
      result.dataset.status = report.status;
      result.dataset.kind = report.kind;
      result.replaceChildren(h("p", { class: `kc-verdict kc-verdict--${report.status}` }, report.headline),
        facts(report.fields), findingList(report.findings));
    } catch (error) {
      result.dataset.status = "error";
      result.replaceChildren(errorBox(error.message));
    }
  }

  function showPlaintext(answer) {
    plaintext = answer.plaintext;
    const shown = h("code", { "data-keyfile-plaintext": true, hidden: true });
    const toggle = h("button", { type: "button", class: "md-button", "data-keyfile-show": true,
                                 "aria-pressed": "false" }, "Show the decrypted value");
    toggle.addEventListener("click", () => {
      const showing = toggle.getAttribute("aria-pressed") === "true";
      toggle.setAttribute("aria-pressed", String(!showing));
      toggle.textContent = showing ? "Show the decrypted value" : "Hide the decrypted value";
      shown.hidden = showing;
      shown.textContent = showing ? "" : plaintext; // not in the page while hidden
    });
    const what = answer.plaintext_is_utf8 ? `${answer.plaintext_length} bytes of text`
      : `${answer.plaintext_length} bytes of binary data (shown in hex)`;
    return [h("p", { class: "kc-verdict kc-verdict--ok" }, `This key file decrypts the value: it holds ${what}.`),
      toggle, " ", shown];
  }

  // A fresh worker (after Retry) no longer holds the chosen file: send it again, once.
  async function decryptWithChosenFile() {
    const payload = { op: "decrypt", value: value.value };
    try {
      return await request(payload);
    } catch (error) {
      if (error.code !== "no-keyfile" || !(input.files && input.files[0])) throw error;
      await inspect();
      if (!chosen) throw error;
      return request(payload);
    }
  }

  decrypt.addEventListener("click", async () => {
    delete decrypted.dataset.status;
    decrypted.replaceChildren();
    plaintext = null;
    if (!chosen) { decrypted.dataset.status = "error"; decrypted.append(errorBox("Choose a glpicrypt.key file first.")); return; }
    if (!value.value.trim()) { decrypted.dataset.status = "error"; decrypted.append(errorBox("Paste an encrypted value first.")); return; }
    try {
      const answer = await decryptWithChosenFile();
      decrypted.dataset.status = answer.ok ? "ok" : "error";
      decrypted.dataset.errorCode = answer.error_code || "";
      decrypted.replaceChildren(...(answer.ok ? showPlaintext(answer)
        : [h("p", { class: "kc-verdict kc-verdict--error" }, "GLPI would say: ",
             h("span", { "data-keyfile-glpi-message": true }, answer.message)),
           h("ul", { class: "kc-findings" }, findingItem(answer.finding))]));
    } catch (error) {
      decrypted.dataset.status = "error";
      decrypted.replaceChildren(errorBox(error.message));
    }
  });
  input.addEventListener("change", inspect);
  watch(root, (state, message) => {
    root.dataset.state = state;
    renderState(status, state, message, "key-file checker");
    if (state === "ready" && version.options.length === 1) {
      loadCatalogue().then((data) => version.append(...data.versions.map((v) => h("option", { value: v }, v))), () => {});
    }
  });
}
