"""Accuracy against the hand-labelled sets, scored as SPEC's "Gold files and scoring" says.

A ratchet: tests/fixtures/floors.json records the lowest F1, attribute accuracy and `sums` share
accepted per table and labelled set. Raise a floor when quality rises; never lower one to pass.
The `dev` set is read from ../shared/dev (third-party pages stay out of the repository); its
cases skip, saying so, when that folder is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import fixture_set
from extract.analyst.evaluate import evaluate, sums
from extract.run.corpus import run

FIXTURES = Path(__file__).parent / "fixtures"
EPSILON = 1e-9  # a score of exactly the floor computes as 0.9599999999999999
FLOORS = json.loads((FIXTURES / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(nlp, tmp_path_factory):
    """scores(set) -> {table: TableScore}, one pipeline run per labelled set."""
    done = {}

    def get(name: str):
        if name not in done:
            folder = fixture_set(name)
            out = tmp_path_factory.mktemp(f"out-{name}-")  # the trailing dash keeps blind1 + its number apart from blind10
            run(folder / "raw", out, nlp)
            done[name] = {**evaluate(folder / "gold", out), "sums": sums(folder / "gold", out)}
        return done[name]

    return get


CASES = [(fixture, table, metric, floor)
         for fixture, tables in FLOORS.items()
         for table, metrics in tables.items()
         for metric, floor in metrics.items()]


@pytest.mark.parametrize("fixture,table,metric,floor", CASES,
                         ids=[f"{f}-{t}-{m}" for f, t, m, _ in CASES])
def test_score_at_or_above_floor(scores, fixture, table, metric, floor):
    if table == "sums":  # share of file x role totals of summable amounts within 1% of gold's
        value = scores(fixture)["sums"].within_1pct
        assert value >= floor - EPSILON, f"{fixture} sums {value:.3f} < floor {floor}"
        return
    score = scores(fixture)[table]
    value = score.f1 if metric == "f1" else score.accuracy(metric)
    assert value is not None, f"{fixture}/{table}: no gold item fills {metric}"
    misses = [e for e in score.errors if metric == "f1" or e["kind"] == f"wrong {metric}"][:8]
    assert value >= floor - EPSILON, f"{fixture} {table} {metric} = {value:.3f} < floor {floor}; first errors: {misses}"
