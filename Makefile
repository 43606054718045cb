# jobgraph: `make run` starts the whole system on embedded defaults; `make test` installs and checks everything.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install services lint typecheck pytest bench clean chaos

run: install
	$(PY) -m jobgraph dev

test: install services lint typecheck pytest

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

typecheck: install
	$(VENV)/bin/mypy

pytest: install
	$(VENV)/bin/pytest -q

# The chaos checks on the real RabbitMQ and PostgreSQL, long versions included (minutes), figures printed;
# `make test` runs only the short ones (the long ones are marked `chaos`, which pytest skips by default).
chaos: install services
	$(VENV)/bin/pytest -q -s -p no:cacheprovider -m 'chaos or not chaos' tests/chaos

bench: install
	$(PY) -m bench

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
