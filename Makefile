# The two commands a newcomer needs: `make run` and `make test`. Both create .venv on first use.
# `run` installs only what the app needs; `test` adds the test tools. Nothing is compiled.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(APP_STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(APP_STAMP) $(TEST_STAMP)

run: $(APP_STAMP)
	$(BIN)/plumbline

# Lint and type-check first (pyproject's [tool.ruff] and [tool.mypy]): quick, and a finding
# fails the run as a test would.
test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

screenshots: $(TEST_STAMP)
	$(BIN)/python scripts/export_screenshots.py
	$(BIN)/python scripts/export_report_screenshot.py

clean:
	rm -rf $(VENV) .pytest_cache

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py
