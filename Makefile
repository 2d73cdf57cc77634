# The two commands of the README: `make site` and `make test`. Both set everything up first.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Material prints a banner about its future on every build; it says nothing about ours.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test setup build check serve bench bench-pathological fuzz golden lint clean browser npm

site: setup ## Set up, generate the pages and schemas, build every language of the site into site/
	$(BIN)/eventdocs site

test: setup browser npm lint ## Set up (Python, Chromium, npm tools), lint, run every test
	$(BIN)/eventdocs check
	$(BIN)/pytest

setup: $(VENV)/.synced

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

build: setup ## Regenerate docs/ from schema/, locales/, templates/
	$(BIN)/eventdocs build

check: setup ## What CI runs: translation drift and generated files up to date
	$(BIN)/eventdocs check

serve: setup ## Live preview of one language (SERVE_LANG=fr; default: the source language)
	$(BIN)/eventdocs serve $(if $(SERVE_LANG),--lang $(SERVE_LANG))

golden: setup ## Refresh tests/snapshots/ (the golden fixture's outputs) after an intended change
	$(BIN)/pytest tests/acceptance/test_golden.py --update-golden -q

lint: setup ## ruff (lint and format), strict mypy, and the import layers (import-linter)
	$(BIN)/ruff check src tests benchmarks action
	$(BIN)/ruff format --check src tests benchmarks action
	$(BIN)/mypy
	$(BIN)/lint-imports

browser: ## Debian's Chromium for the browser tests, installed when missing
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

npm: node_modules/.installed ## Ajv, ajv-formats and the other Node.js tools the tests run (package-lock.json)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf $(VENV) $(TOOLS) site node_modules .pytest_cache

fuzz: setup ## Hostile translations through the real site build, with a large example budget
	EVENTDOCS_FUZZ_EXAMPLES=$${EVENTDOCS_FUZZ_EXAMPLES:-200} $(BIN)/pytest -q \
		tests/acceptance/test_hostile_site.py tests/unit/render/test_prose.py \
		tests/unit/render/test_markdown.py

bench: setup ## 250 events × 30 languages, then pathological input: medians, ratios, peak RSS (see BENCHMARKS.md)
	$(BIN)/python benchmarks/bench.py

bench-pathological: setup ## Pathological strings and inputs at the limits against ordinary ones (about a minute)
	$(BIN)/python benchmarks/bench.py --only pathological

.PHONY: bench-serve
bench-serve: setup ## How soon an edit shows under `eventdocs serve` at 250 events × 4 languages (median of 5)
	$(BIN)/python benchmarks/bench_serve.py

.PHONY: bench-site
bench-site: setup ## The whole site at 50 × 4, 50 × 16, 50 × 30, 250 × 4 against per-language plain MkDocs (BENCH_SITE_ARGS=--large adds 250 × 30)
	$(BIN)/python benchmarks/bench_site.py $(BENCH_SITE_ARGS)
