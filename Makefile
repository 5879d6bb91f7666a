# `make run` starts the whole platform; `make test` runs every test. Both install what is missing.
VENV   := .venv
PYTHON := $(VENV)/bin/python
PIP    := $(PYTHON) -m pip install --quiet --disable-pip-version-check
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false

.PHONY: run test test-cluster bench lint format chromium nginx test-services api-descriptions clean

run: $(VENV)/.installed linters
	$(PYTHON) -m review_app run

test: $(VENV)/.installed-dev chromium test-services linters api-descriptions lint test-cluster
	$(PYTHON) -m pytest

# The multi-host tests (network namespaces, as root) in a pytest of their own, alone on the machine.
test-cluster: $(VENV)/.installed-dev chromium nginx test-services linters
	$(PYTHON) -m pytest tests/e2e/cluster

bench: $(VENV)/.installed-dev chromium nginx test-services linters
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

$(VENV)/.installed: $(VENV)/bin/python requirements.txt requirements-engines.txt constraints.txt pyproject.toml
	$(PIP) -r requirements.txt -c constraints.txt
	$(PIP) --no-deps -r requirements-engines.txt -c constraints.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) -r requirements-dev.txt -c constraints.txt
	touch $@

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

# The multi-host tests' proxy (tests/e2e/cluster), started by the tests in a namespace of theirs.
nginx:
	@test -x /usr/sbin/nginx || { \
	  echo "installing Debian's nginx-light for the multi-host tests' proxy"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y nginx-light; }

# GitHub's published API descriptions (npm), which the tests' GitHub stand-in checks against,
# and a real OpenID Connect provider (npm oidc-provider) the single sign-on tests sign in at;
# the Compose file format's published schema (in PyPI's docker-compose), which
# deploy/compose/compose.yaml is checked against.
OCTOKIT := support/octokit
OIDC    := support/oidc
COMPOSE_SPEC := support/compose_spec/compose_spec.json
api-descriptions: $(OCTOKIT)/node_modules/.package-lock.json $(OIDC)/node_modules/.package-lock.json $(COMPOSE_SPEC)

$(COMPOSE_SPEC): | $(VENV)/.installed
	$(PYTHON) -m pip download --quiet --no-deps --disable-pip-version-check -d $(@D) docker-compose==1.29.2
	$(PYTHON) -c "import sys, zipfile; open(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read('compose/config/compose_spec.json'))" $(@D)/docker_compose-1.29.2-py2.py3-none-any.whl $@
	rm $(@D)/docker_compose-1.29.2-py2.py3-none-any.whl

$(OCTOKIT)/node_modules/.package-lock.json: $(OCTOKIT)/package-lock.json | $(VENV)/.installed
	npm ci --prefix $(OCTOKIT) --no-audit --no-fund

$(OIDC)/node_modules/.package-lock.json: $(OIDC)/package-lock.json | $(VENV)/.installed
	npm ci --prefix $(OIDC) --no-audit --no-fund

# Linters the review runs on JavaScript/TypeScript (oxlint, pinned by its npm lock), Go and Java.
NODE_LINTERS := review_app/review/toolchains/node
.PHONY: linters golang jdk

linters: $(NODE_LINTERS)/node_modules/.package-lock.json golang jdk

$(NODE_LINTERS)/node_modules/.package-lock.json: $(NODE_LINTERS)/package-lock.json | $(VENV)/.installed
	npm ci --prefix $(NODE_LINTERS) --no-audit --no-fund

golang:
	@command -v go >/dev/null && command -v gofmt >/dev/null || { \
	  echo "installing Debian's golang-go for go vet"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y golang-go; }

jdk:
	@command -v javac >/dev/null || { \
	  echo "installing Debian's default-jdk-headless for javac's lint"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y default-jdk-headless; }

test-services: $(VENV)/.installed
	scripts/test-services.sh

clean:
	rm -rf $(VENV) .web .web-test .states .states-test
