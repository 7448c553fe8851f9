// Put in the <head> of pages that hold a checker (scripts/hooks/pyodide_assets.py): creates
// the Web Worker while the page is still parsing, so Python's downloads start at once instead
// of after Material's bundle and the UI modules. checker.js binds the widgets later; both
// share runtime.js, so there is still one worker.
import { ensureStarted } from "./runtime.js";

ensureStarted();
