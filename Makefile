# `make run` starts the whole platform; `make test` runs every test. Both install what is missing.
VENV   := .venv
PYTHON := $(VENV)/bin/python
PIP    := $(PYTHON) -m pip install --quiet --disable-pip-version-check
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false

.PHONY: run test bench lint format chromium test-services clean

run: $(VENV)/.installed
	$(PYTHON) -m review_app run

test: $(VENV)/.installed-dev chromium test-services lint
	$(PYTHON) -m pytest

bench: $(VENV)/.installed-dev chromium test-services
	$(PYTHON) -m bench.run_all

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

$(VENV)/bin/python:
	python3 -m venv $(VENV) || { \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && python3 -m venv $(VENV); }

$(VENV)/.installed: $(VENV)/bin/python requirements.txt constraints.txt pyproject.toml
	$(PIP) -r requirements.txt -c constraints.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) -r requirements-dev.txt -c constraints.txt
	touch $@

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

test-services: $(VENV)/.installed
	scripts/test-services.sh

clean:
	rm -rf $(VENV) .web .web-test .states .states-test
