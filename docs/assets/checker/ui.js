// Binds every widget on the current page, once: Material's instant navigation calls this
// again for each new page, and the data-bound marker keeps binding idempotent.
import { bindChecker } from "./checker-ui.js";
import { bindKeyfile } from "./keyfile-ui.js";
import { bindSimulator } from "./simulator-ui.js";

const BINDERS = [["[data-checker]", bindChecker], ["[data-keyfile]", bindKeyfile], ["[data-simulator]", bindSimulator]];

export function bindAll(root) {
  for (const [selector, bind] of BINDERS) {
    for (const element of root.querySelectorAll(`${selector}:not([data-bound])`)) {
      element.setAttribute("data-bound", "");
      bind(element);
    }
  }
}
