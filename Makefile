# Two entry points for a fresh machine with Python 3.11+ and make:
#   make run    set up .venv if needed, then open the app on the bundled articles/
#   make test   set up .venv if needed, then run the whole test suite
#   make test-fast   the core without the app's Pilot/UI suite and the slow tests (seconds, not minutes)
#   make lint   the house rules: ruff check, ruff format --check, mypy (configured in pyproject.toml)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint setup model bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/reader --library .

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 -m "not ui and not slow"

LINTED := reader tests benchmarks training
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do PYTHONPATH=benchmarks $(BIN)/python $$script || exit 1; done

# Rebuild the shipped German pipeline (reader/nlp/model/) with the code in training/ from the corpora in
# ../shared/data (override: make model DATA=/path or READER_TRAINING_DATA).
# ABLATE=1 also runs the corpus ablation (about an hour more on 2 cores).
DATA ?= $(if $(READER_TRAINING_DATA),$(READER_TRAINING_DATA),../shared/data)
model: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	$(BIN)/python -m pip install --quiet --no-deps 'german-nouns>=1.2,<2'
	$(BIN)/python -m training.build all --data $(DATA) $(if $(ABLATE),--ablate,)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
