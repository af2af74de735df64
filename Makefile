# newsflow — the two set-up commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test test-unit test-integration test-faults lint typecheck format up schemas bench quality clean vendor

$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The live page's front-end libraries and map data, pinned by package-lock.json: `npm ci`, then
# the files the page loads are copied into the query service's static folder. They are build
# products (.gitignore'd), made again whenever the lock changes; nothing is fetched at run time.
VENDOR := services/query/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed
NPM_MODULES := node_modules

$(VENDOR_STAMP): package.json package-lock.json deploy/vendor-assets.sh
	@command -v npm >/dev/null || { echo "make vendor needs npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	sh deploy/vendor-assets.sh $(NPM_MODULES) $(VENDOR)
	touch $@

vendor: $(VENDOR_STAMP)  ## the live page's map and chart libraries (npm ci) → services/query/static/vendor/

demo: $(STAMP) $(VENDOR_STAMP)  ## run the whole pipeline on the embedded stack and show what it extracted
	$(VENV)/bin/newsflow demo

test: $(STAMP) $(VENDOR_STAMP)  ## unit, integration (real broker + Postgres) and end-to-end tests
	$(PY) -m pytest -q -p no:cacheprovider tests/unit tests/integration tests/e2e

test-unit: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider tests/unit

test-integration: $(STAMP) $(VENDOR_STAMP)
	$(PY) -m pytest -q -p no:cacheprovider tests/integration tests/e2e

test-faults: $(STAMP)  ## crash (SIGKILL), poison and fuzz tests on the real broker + Postgres
	$(PY) -m pytest -q -p no:cacheprovider -s tests/faults

lint: $(STAMP)
	$(VENV)/bin/ruff check shared services tests
	$(VENV)/bin/ruff format --check shared services tests
	$(VENV)/bin/mypy

typecheck: $(STAMP)
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format shared services tests
	$(VENV)/bin/ruff check --fix shared services tests

up: $(STAMP) $(VENDOR_STAMP)  ## the embedded all-in-one stack, in the foreground
	$(VENV)/bin/newsflow up

schemas: $(STAMP)  ## export the JSON Schemas of the Kafka messages into docs/schemas/
	$(VENV)/bin/newsflow schemas --out docs/schemas

bench: $(STAMP)  ## throughput and latency of every stage → docs/benchmarks.md/.json/.png (~10–15 min)
	$(VENV)/bin/newsflow bench

QUALITY_OUT ?= /tmp/newsflow-quality
quality: $(STAMP)  ## extraction figures on the tune and confirm halves of ../shared/data (docs/quality.md) → $(QUALITY_OUT)
	$(PY) -m tests.quality.halves $(QUALITY_OUT)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info $(NPM_MODULES) $(VENDOR)

.PHONY: browser-deps
browser-deps:  ## headless Chromium + chromedriver for tests/e2e/test_live_page.py (Debian, as root; CI runs it)
	apt-get update -qq
	apt-get install -y chromium chromium-driver
