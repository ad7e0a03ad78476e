# Two commands for a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
WORKSPACE ?= demo-workspace

.PHONY: run test lint sysdeps venv bench bundle clean

run: sysdeps $(STAMP)
	@test -f "$(WORKSPACE)/workspace.db" || $(PY) -m slq_desk demo-workspace --panel "$(WORKSPACE)"
	$(PY) -m slq_desk gui "$(WORKSPACE)"

test: sysdeps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 --dist loadgroup

# The gate, run first by `make test` (so CI runs it): lint (ruff), types (mypy) and the layer
# contract (import-linter), all configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check slq_desk tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

sysdeps:
	@bash scripts/sysdeps.sh

venv: $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,bench,package]'
	@touch $(STAMP)

# A one-folder Linux bundle in /tmp/slq-desk-dist (see packaging/README.md).
bundle: $(STAMP)
	bash packaging/build.sh

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
