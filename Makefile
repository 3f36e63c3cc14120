# docparse — two commands for a fresh machine with Python ≥ 3.10 and make:
#   make demo   set up .venv with every input format, convert examples/ (text, Word, .doc, HTML,
#               PDF, OFD) to JSON in out/, print the outline of the Word example
#   make test   set up .venv with the dev tools, run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench fuzz clean schema

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The demo needs the readers of every format (extras html, docx, doc, pdf, ofd), not the test tools.
DEMO_STAMP := $(VENV)/.demo-installed
$(DEMO_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[html,docx,doc,pdf,ofd]"
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/docparse convert $(filter-out examples/README.md,$(wildcard examples/*)) --out out
	@ls out/*.json
	$(BIN)/docparse outline examples/001_efdfc4879b8da8ba_word.docx

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The published JSON Schema of the Document JSON, one file per schema version (schemas/README.md);
# tests/test_published_schema.py fails until this is run after a change of the models.
schema: $(STAMP)
	@version=$$($(BIN)/python -c "import docparse; print(docparse.SCHEMA_VERSION)") && \
		$(BIN)/docparse schema > "schemas/document-$$version.json" && echo "schemas/document-$$version.json"

lint: $(STAMP)
	$(BIN)/ruff check docparse tests benchmarks fuzz
	$(BIN)/mypy

# docs/benchmarks.md: MB/s, import time, peak memory, --jobs speed-up, each beside a bare reference.
# Measured in a venv with docparse as users install it (no dev tools): with interegular (a dev
# tool, for the strict grammar test) installed, lark validates its own grammar lexer at start-up,
# 0.09 s more per process.
# BENCH_PYTHON picks the interpreter to measure with, in a venv of its own, e.g.
#   make bench BENCH_PYTHON=/usr/bin/python3 BENCH_VENV=.venv-bench-system
# (how the interpreter was built moves the figures by ~9 %: docs/benchmarks.md, "The interpreter").
BENCH_PYTHON ?= $(PYTHON)
BENCH_VENV ?= .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
$(BENCH_STAMP): pyproject.toml
	$(BENCH_PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e ".[html]"
	touch $(BENCH_STAMP)

# compileall: the bytecode an installed wheel has (pip compiles it), also where
# PYTHONDONTWRITEBYTECODE keeps imports from caching it: else every process of the batch
# runs compiles docparse's modules from source again (+0.035 s each)
bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python -m compileall -q docparse
	$(BENCH_VENV)/bin/python benchmarks/run.py --json out/bench.json
	$(BENCH_VENV)/bin/python benchmarks/formats.py

# Coverage-guided fuzzing (atheris, the `fuzz` extra): seeds from examples/ and the kept crashes;
# a crash lands in fuzz/crash-*: copy it to tests/fixtures/fuzz/ as a regression fixture.
FUZZ_RUNS ?= 20000
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[fuzz]"
	@mkdir -p fuzz/corpus
	$(BIN)/python fuzz/fuzz_parse.py fuzz/corpus examples tests/fixtures/fuzz \
		-runs=$(FUZZ_RUNS) -max_len=65536 -timeout=30 -artifact_prefix=fuzz/

clean:
	rm -rf $(VENV) $(BENCH_VENV) out build *.egg-info
