# Two entry points for people: `make serve` and `make test`. Both install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build deps system-deps unit docs-test browser-test pyodide-test bench bench-browser fuzz mutate clean

# Python environment: rebuilt when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[docs,test]'
	touch $@

# Front-end runtime (Pyodide, the browser crypto library), pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

system-deps:
	scripts/ensure-system-packages.sh

deps: $(BIN)/.installed node_modules/.package-lock.json

build: deps
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs build --strict --quiet

# A dated archive of the site built for its address, with its SHA-256 (printed and written
# next to it), to carry to a server without Internet access. Needs the address:
#     make dist SITE_URL=https://glpi.example.org/keycheck/
.PHONY: dist
dist: deps
	@test -n "$(SITE_URL)" || { echo "make dist: give the address the site will have, e.g. make dist SITE_URL=https://glpi.example.org/keycheck/" >&2; exit 2; }
	$(BIN)/python scripts/dist_site.py "$(SITE_URL)" --out dist

serve: build
	@echo "Serving the help centre at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind $(HOST) --directory site

test: deps system-deps
	$(BIN)/python -m pytest

unit: deps
	$(BIN)/python -m pytest tests/unit

bench: deps
	$(BIN)/python scripts/bench_core.py

# The checker in Chromium against the built site (builds it once, serves it on 127.0.0.1).
browser-test: deps system-deps
	$(BIN)/python -m pytest tests/browser

# The unit tests inside Pyodide under Node, on the wheel the site ships.
pyodide-test: deps
	$(BIN)/python -m pytest tests/pyodide

bench-browser: deps system-deps
	$(BIN)/python scripts/bench_browser.py

# 100,000 generated and damaged inputs through the checker, then 100,000 hostile runs of the
# CLI (arguments, input, files, locales, closed/full stdout); FUZZ_ARGS="--count N --seed S".
fuzz: deps
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)
	$(BIN)/python scripts/fuzz_cli.py $(FUZZ_ARGS)

# Mutation testing of the pure core with the unit tests (slow: not part of `make test`).
# Results are cached in mutants/: a second run only retries what changed. Prints the score per
# module, equivalent mutants (tests/mutation_equivalents.txt) left out.
mutate: deps
	$(BIN)/mutmut run --max-children $(or $(MUTATE_JOBS),2) > mutants.log 2>&1 || { tail -n 40 mutants.log; exit 1; }
	$(BIN)/python scripts/mutation_score.py

clean:
	rm -rf site build *.egg-info .pytest_cache mutants mutants.log
