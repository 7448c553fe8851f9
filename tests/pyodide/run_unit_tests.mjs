// Run tests/unit inside Pyodide (Python 3.14 compiled to WebAssembly), under Node.
//
//   node tests/pyodide/run_unit_tests.mjs --wheel CHECKER.whl --wheels DIR [pytest args...]
//
// The checker comes from the same pure-Python wheel the site ships (not from the source tree);
// pytest and its dependencies from pure-Python wheels in DIR (PyPI wheels; the Pyodide lockfile
// packages are not in the npm package). The crypto backend is the one the browser uses:
// @noble/ciphers registered as `glpi_keycheck_noble`. Files named *_cpython.py are skipped:
// they need CPython (subprocesses, the installed CLI, `cryptography`).
// The last line printed is a JSON summary: {"exit": N, "passed": N, "failed": N, "skipped": N}.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function parseArgs(argv) {
  const options = { wheel: null, wheels: null, pytest: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--wheel") options.wheel = argv[++i];
    else if (argv[i] === "--wheels") options.wheels = argv[++i];
    else options.pytest.push(argv[i]);
  }
  if (!options.wheel || !options.wheels) {
    console.error("usage: node tests/pyodide/run_unit_tests.mjs --wheel CHECKER.whl --wheels DIR [pytest args]");
    process.exit(2);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const pyodide = await loadPyodide({ indexURL: join(ROOT, "node_modules/pyodide/") });
pyodide.registerJsModule("glpi_keycheck_noble", { xchacha20poly1305 });

const purelib = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
const wheels = readdirSync(options.wheels).filter((name) => name.endsWith(".whl")).map((name) => join(options.wheels, name));
for (const wheel of [options.wheel, ...wheels]) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: purelib });
}

// The repository, read-only in spirit: tests are read from it, nothing is written to it.
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: ROOT }, "/repo");

pyodide.globals.set("pytest_args", pyodide.toPy(options.pytest));
const summary = await pyodide.runPythonAsync(`
import json, os, sys
sys.dont_write_bytecode = True          # no __pycache__ in the mounted repository
os.chdir("/tmp")                        # .hypothesis and friends go to Pyodide's memory FS

import sysconfig
import checker
purelib = "/" + sysconfig.get_paths()["purelib"].lstrip("/")
assert checker.__file__.startswith(purelib), (checker.__file__, purelib)   # the wheel, not the tree
from checker.browser_backend import install
install()

import pytest

class Count:
    def __init__(self):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0}
    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.counts[report.outcome] = self.counts.get(report.outcome, 0) + 1

count = Count()
args = ["/repo/tests/unit", "/repo/tests/pyodide/test_noble_backend_in_pyodide.py", "--rootdir=/repo",
        "-c", "/repo/pyproject.toml", "-p", "no:cacheprovider",
        "--ignore-glob=/repo/tests/unit/*_cpython.py", "-q", *pytest_args]
code = pytest.main(args, plugins=[count])
json.dumps({"exit": int(code), **count.counts, "python": sys.version.split()[0],
            "checker": checker.__file__})
`);
console.log(summary);
process.exit(JSON.parse(summary).exit);
