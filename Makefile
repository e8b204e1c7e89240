# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    install, fetch the segmentation model once, run `extract run data/raw`
#   make test   install, fetch the model once, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup model run test schemas bench

setup: $(STAMP) model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel numpy
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

model: $(STAMP)
	$(BIN)/extract fetch-model

run: setup
	$(BIN)/extract run data/raw

test: setup
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/extract schemas --out schemas

bench: setup
	$(BIN)/python bench/bench_run.py
