# gongkai: `make serve` runs the portal with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: serve test install messages lint pytest bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "gongkai needs Python 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev,server]"
	touch $@

install: $(VENV)/.installed messages

# Compile every django.po to .mo with Babel (no GNU gettext needed).
messages: $(VENV)/.installed
	$(BIN)/python -m gongkai.i18n compile

serve: install
	$(BIN)/gongkai migrate --noinput -v0
	$(BIN)/gongkai demo
	@$(BIN)/python -m gongkai.core.demo_accounts $(HOST)
	@# The background worker beside the web server; it stops when the server does.
	$(BIN)/gongkai worker -v0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/gongkai runserver $(HOST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src bench
	$(BIN)/lint-imports --no-cache  # the app layers (pyproject.toml, [tool.importlinter])
	@# Types (pyproject.toml, [tool.mypy]): the whole package, zero errors; core, privacy and
	@# every app's services and selectors with --strict's flags.
	$(BIN)/mypy src/gongkai
	$(BIN)/gongkai makemigrations --check --dry-run -v0
	$(BIN)/python -m gongkai.i18n check
	@# No code words on pages: msgids, ledger codes, admin labels and rule sources in Chinese.
	$(BIN)/python -m gongkai.i18n words

# pytest exits 5 when it collects nothing; that is a failure here too.
pytest: install
	$(BIN)/pytest -q

test: lint pytest

bench: install
	$(BIN)/python bench/workdays.py

clean:
	rm -rf $(VENV) var/test-*.sqlite3*
