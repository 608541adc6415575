# Tansiq: `make demo` sets everything up and runs the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: docs demo test lint typecheck contracts pytest pytest-sqlite pytest-postgresql bench system-deps clean help

help:
	@echo "make demo    set up, load the fictional demo world and serve it on http://127.0.0.1:8000"
	@echo "make test    set up and run ruff, mypy --strict, import-linter and pytest (SQLite + PostgreSQL)"
	@echo "make bench   run the benchmarks (prints tables; see docs/benchmarks.md)"

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,extract,train]"
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	bash scripts/install-system-deps

demo: $(STAMP)
	$(BIN)/tansiq demo

lint: $(STAMP)
	$(BIN)/ruff check tansiq tests bench scripts
	$(BIN)/ruff format --check tansiq tests bench

typecheck: $(STAMP)
	$(BIN)/mypy --strict tansiq

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest-sqlite: $(STAMP)
	TANSIQ_TEST_DATABASE=sqlite $(BIN)/pytest -n $(PYTEST_WORKERS) -q

pytest-postgresql: $(STAMP) system-deps
	TANSIQ_TEST_DATABASE=postgresql bash scripts/with-postgres $(BIN)/pytest -n $(PYTEST_WORKERS) -q

pytest: pytest-sqlite pytest-postgresql

test: system-deps lint typecheck contracts pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,extract,train,bench]"
	bash scripts/with-postgres $(BIN)/python -m bench

docs: $(STAMP)
	$(BIN)/typer tansiq.interfaces.cli.main utils docs --name tansiq --title "CLI reference" --output docs/reference/cli.md

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache tansiq.db tansiq.db-* var
