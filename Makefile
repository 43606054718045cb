# jobgraph: `make run` starts the whole system on embedded defaults; `make test` installs and checks everything.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install services lint typecheck pytest bench clean chaos web webtest chromium compiled clean-compiled

run: install web
	$(PY) -m jobgraph dev

test: install services web lint typecheck webtest chromium pytest

# Re-installs only when the dependency list or the pinned versions change.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "jobgraph needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# PostgreSQL and RabbitMQ are real services in the tests: start them, or install them from Debian, if missing.
services:
	bash infra/dev/ensure-services.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy

pytest: install web chromium
	$(VENV)/bin/pytest -q

# The chaos checks on the real RabbitMQ and PostgreSQL, long versions included (minutes), figures printed;
# `make test` runs only the short ones (the long ones are marked `chaos`, which pytest skips by default).
chaos: install services
	$(VENV)/bin/pytest -q -s -p no:cacheprovider --timeout 0 -m 'chaos or not chaos' tests/chaos

# The web app (web/): node_modules follow the lockfile; the build is re-made only when a source changes.
WEB_MODULES := web/node_modules/.lockfile-stamp
WEB_BUILD := web/dist/.build-stamp
WEB_SOURCES := $(shell find web/src web/index.html web/graphiql.html web/vite.config.ts web/tsconfig.json -type f 2>/dev/null)

$(WEB_MODULES): web/package.json web/package-lock.json
	bash web/scripts/ensure-node-modules.sh

$(WEB_BUILD): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npx vite build --logLevel warn
	touch $(WEB_BUILD)

web: $(WEB_BUILD)

# The generated operation types must match schema/supergraph.graphql and the documents; then types and unit tests.
webtest: web
	cd web && npm run --silent codegen:check && npm run --silent typecheck && npx vitest run

# The browser tests (tests/web) drive Debian's Chromium: Playwright cannot download browsers here.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# wrk generates the router benchmark's load (an httpx generator stands in without it, costing the router CPU).
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) || true
	$(PY) -m bench

# Optional: the router's hot modules (router/compiled.py) compiled with mypyc, as C extensions beside the sources
# (gcc and the Python headers needed). Importing `router` refuses while any router source differs from what was
# compiled: run `make compiled` again after an edit, or `make clean-compiled` to go back to plain Python.
compiled: install clean-compiled
	$(PY) -c "from router.compiled import build; build()"

clean-compiled:
	find router -name '*.so' -delete
	rm -rf router/compiled-build.json build/compiled

clean: clean-compiled
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache web/dist web/node_modules web/test-results
