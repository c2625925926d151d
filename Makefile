# `make build` builds the site; `make test` runs every test. Both create .venv/
# with the pinned dependencies on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: build test serve check status bench lint clean

build: $(RUNTIME)
	$(BIN)/mkdocs build --strict
	@echo "The site is in site/ (Korean at site/index.html, English at site/en/). Preview it with: make serve"

# Two workers: most tests wait on MkDocs builds and Chromium in subprocesses.
PYTEST_ARGS ?= -n 2
test: $(DEV)
	$(BIN)/pytest $(PYTEST_ARGS)

# --dirty: only pages whose content or inputs changed are rendered again (briefkit/staging.py).
serve: $(RUNTIME)
	$(BIN)/mkdocs serve --dirty

check: $(RUNTIME)
	$(BIN)/briefs check

status: $(RUNTIME)
	$(BIN)/briefs status

bench: $(DEV)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(DEV)
	$(BIN)/ruff check briefkit hooks tests bench
	$(BIN)/mypy

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
	if [ -f package.json ] && command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts; fi
	touch $@

clean:
	rm -rf site .cache
