# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    install, run `extract run data/raw`
#   make test   install, run the whole test suite
# (`make model` fetches the optional pkuseg model, for EXTRACT_SEGMENTER=pkuseg.)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup model browser run test schemas bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel numpy
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

model: $(STAMP)
	$(BIN)/extract fetch-model

run: setup
	$(BIN)/extract run data/raw

# Best effort: Debian's Chromium (and a CJK font for readable screenshots) for the review
# page's browser test; without root it is skipped, and that test skips with the reason.
browser:
	@[ -x /usr/bin/chromium ] || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei; } || echo "chromium not installed: browser tests will be skipped"

test: setup browser
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/extract schemas --out schemas

bench: setup
	$(BIN)/python bench/bench_run.py
