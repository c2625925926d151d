# `make build` builds the site; `make test` runs every test. Both create .venv/
# with the pinned dependencies on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: build test test-fast serve check status bench lint clean fonts

build: $(RUNTIME)
	$(BIN)/mkdocs build --strict
	@echo "The site is in site/ (Korean at site/index.html, English at site/en/). Preview it with: make serve"

# Two workers: most tests wait on MkDocs builds and Chromium in subprocesses.
PYTEST_ARGS ?= -n 2
# The whole suite, as CI runs it; says how long it took and which tests were slowest.
test: $(DEV)
	@start=$$(date +%s); $(BIN)/pytest $(PYTEST_ARGS) --durations=10; status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s (goal: under 8 minutes on two cores)"; exit $$status

# Everyday work: no site build and no browser (tests marked build or browser are left out;
# an unmarked test that builds or opens Chromium fails and names its marker: tests/conftest.py).
test-fast: $(DEV)
	@start=$$(date +%s); BRIEFS_TEST_FAST=1 $(BIN)/pytest $(PYTEST_ARGS) -m "not build and not browser"; \
	status=$$?; echo "make test-fast: $$(( $$(date +%s) - start )) s (goal: under 60 s)"; exit $$status

# --dirty: only pages whose content or inputs changed are rendered again (briefkit/staging.py).
serve: $(RUNTIME)
	$(BIN)/mkdocs serve --dirty

check: $(RUNTIME)
	$(BIN)/briefs check

status: $(RUNTIME)
	$(BIN)/briefs status

BENCH_ARGS ?= --media 1000  # the photo lines (bench/media_bench.py) at 1,000 pairs
bench: $(DEV)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(DEV)
	$(BIN)/ruff check briefkit briefkit_mkdocs hooks tests bench scripts
	$(BIN)/mypy
	node_modules/.bin/tsc -p jsconfig.json

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt $(wildcard package-lock.json)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@# axe-core and the Nu HTML Checker (vnu-jar) for the browser and markup tests; no install scripts
	@# (the jar ships in the package; vnu-jar's postinstall would fetch a Java runtime).
	if [ -f package.json ] && command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --omit=optional; fi
	touch $@

# Refresh fonts/ (Pretendard GOV, committed; the build links them into site/assets/fonts/) from the npm package pinned in package.json.
# Not part of the build: only when that pin changes.
fonts: $(DEV)
	npm ci --no-audit --no-fund --ignore-scripts --include=optional
	$(BIN)/python scripts/refresh_fonts.py

clean:
	rm -rf site .cache
