// Small DOM helpers shared by the widgets. Data from the checker is only ever set as text
// (textContent, attribute values), never parsed as HTML: a hostile key cannot inject markup.
import { LIKELY_CAUSES, retry, stoppedAfterReady } from "./runtime.js";

// The site root, from this script's URL (assets/checker/dom.js): works under any base path.
export const SITE_ROOT = new URL("../../", import.meta.url);

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") for (const [type, fn] of Object.entries(value)) element.addEventListener(type, fn);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function siteUrl(path) {
  return new URL(path, SITE_ROOT).href;
}

// A page's title as the site's navigation names it ("Register an instance"): links read the
// title, never the path. The navigation is built from mkdocs.yml, the titles' one source.
export function pageTitle(href) {
  const target = new URL(href, location.href).pathname;
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")) {
    if (new URL(link.getAttribute("href"), location.href).pathname !== target) continue;
    const title = link.textContent.replace(/\s+/g, " ").trim();
    if (title) return title;
  }
  return null;
}

// A link to a page of the help centre, named by its title; null (nothing to show) when it
// would lead to the page the reader is already on.
export function docLink(path, label) {
  const href = siteUrl(path);
  const target = new URL(href);
  if (target.origin === location.origin && target.pathname === location.pathname) return null;
  return h("a", { href, class: "kc-more" }, label || pageTitle(href) || target.pathname);
}

export const STATUS_LABELS = { ok: "OK", warning: "Warning", error: "Error", info: "Info", skipped: "Skipped" };

function badge(status) {
  return h("span", { class: `kc-badge kc-badge--${status}` }, STATUS_LABELS[status] || status);
}

export function findingItem(finding) {
  const item = h("li", { class: `kc-finding kc-finding--${finding.severity}`, "data-finding": finding.code,
                         "data-severity": finding.severity },
    h("p", { class: "kc-finding__title" }, badge(finding.severity), " ", h("strong", {}, finding.title),
      " ", h("code", { class: "kc-code" }, finding.code)),
    h("p", { class: "kc-finding__detail" }, finding.detail));
  if (finding.show_fix) {
    item.append(h("p", { class: "kc-finding__fix" }, h("strong", {}, "Fix: "), finding.fix));
  }
  if (finding.explanation) {
    item.append(h("details", { class: "kc-finding__why" }, h("summary", {}, "Why?"),
      h("p", {}, finding.explanation)));
  }
  const links = [docLink(finding.doc, "About this finding"), ...seeAlso(finding)].filter(Boolean);
  if (links.length) {
    item.append(h("p", { class: "kc-finding__links" }, links.flatMap((link, i) => (i ? [" · ", link] : [link]))));
  }
  return item;
}

// Links to the pages a finding names (site-relative URLs, from the core), each named by its
// title; none to the page the reader is on.
export function seeAlso(finding, label) {
  return (finding.see_also || []).map((page) => docLink(page, label)).filter(Boolean);
}

export function findingList(findings) {
  return h("ul", { class: "kc-findings" }, findings.map(findingItem));
}

// The runtime's state, shown next to a widget: loading, ready, or an error with Retry.
export function renderState(element, state, message, what) {
  element.replaceChildren();
  if (state === "idle") {
    element.append(`The ${what} starts when you reach it.`);
  } else if (state === "loading") {
    element.append(h("span", { class: "kc-spinner", "aria-hidden": "true" }),
      `Loading the ${what} (Python, run by your browser; about 13 MB the first time)…`,
      message ? h("span", { class: "kc-progress", "data-progress": true }, ` ${message}`) : "");
  } else if (state === "ready") {
    element.append(`The ${what} is ready.`);
  } else if (stoppedAfterReady()) {
    element.append(
      h("p", {}, h("strong", {}, `The ${what} stopped. `), message, " Retry starts it again; what you typed stays."),
      h("button", { type: "button", class: "md-button", "data-checker-retry": true, on: { click: retry } }, "Retry"),
    );
  } else {
    element.append(
      h("p", {}, h("strong", {}, `The ${what} could not start. `), message),
      h("p", {}, "Likely causes:"),
      h("ul", {}, LIKELY_CAUSES.map((cause) => h("li", {}, cause))),
      h("p", {}, docLink("howto/deploy-offline/")),
      h("button", { type: "button", class: "md-button", "data-checker-retry": true, on: { click: retry } }, "Retry"),
    );
  }
}

export async function copyText(text, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No clipboard API (a plain-http intranet is not a secure context): use a selection.
    const area = h("textarea", { class: "kc-offscreen", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    try { copied = document.execCommand("copy"); } catch { copied = false; }
    area.remove();
  }
  if (button) {
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = copied ? "Copied" : "Copy failed: select the text and copy it";
    setTimeout(() => { button.textContent = label; }, 2000);
  }
  return copied;
}

export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function errorBox(message) {
  return h("p", { class: "kc-error", role: "alert" }, message);
}
