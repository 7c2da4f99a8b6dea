# newsline: `make demo` and `make test` work on a fresh machine with Python 3.11 and PyPI.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
DEMO_OUT ?= out/demo

.PHONY: install demo test test-fast t17 clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/newsline run examples --out $(DEMO_OUT)
	@echo "Open $(DEMO_OUT)/report.html in a browser; the store is $(DEMO_OUT)/newsline.db (try: $(VENV)/bin/newsline show $(DEMO_OUT)/newsline.db)"

test: $(VENV)/.test-installed
	$(PY) -m pytest

test-fast: $(VENV)/.test-installed
	$(PY) -m pytest -m "not slow"

# The issue-2 scale check: one Timeline17 topic, with wall time and peak memory.
t17: $(VENV)/.installed
	/usr/bin/time -v $(VENV)/bin/newsline run ../shared/data/t17/bpoil_bbc/InputDocs --out out/t17-bpoil-bbc -q 2>&1 \
	  | grep -E "Elapsed|Maximum resident|Exit status"

clean:
	rm -rf out build dist src/*.egg-info .pytest_cache
