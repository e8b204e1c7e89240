"""Hostile and unlucky input (issue 13): nothing stops the run, nothing leaks, nothing is lost.

Every input here is generated in the test; the whole hostile corpus, run end to end through the
command line, is in test_scale.py.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.read.ingest import read_document
from extract.run.corpus import run

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds" / "raw"
GOOD = "000_7ae1732cb7fd648e.txt"


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def good_text() -> str:
    return (SEEDS / GOOD).read_text(encoding="utf-8")


# --- 1: one file never stops a run ------------------------------------------------------------

def test_colloquial_amount_is_read_in_a_run(nlp, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某县扶贫产业园开工\n该项目总投资一亿五，带动300户贫困户增收。\n", encoding="utf-8")
    summary = run(src, tmp_path / "out", nlp, use_cache=False)
    assert summary.documents == 1
    values = {a["text"]: a["value_yuan"] for a in jsonl(tmp_path / "out" / "amounts.jsonl")}
    assert values == {"一亿五": 150_000_000}


def test_an_unexpected_error_in_one_file_is_an_error_row_and_the_rest_is_written(nlp, tmp_path, monkeypatch):
    from extract.run import process

    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "poison.txt").write_text("毒药\n" + good_text(), encoding="utf-8")
    real = process.clean_page

    def clean_or_fail(text):
        if text.startswith("毒药"):
            raise KeyError(10_000_000)  # what cn2an raised on 一亿五
        return real(text)

    monkeypatch.setattr(process, "clean_page", clean_or_fail)
    summary = run(src, tmp_path / "out", nlp, use_cache=False)
    assert summary.documents == 5
    errors = jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(Path(e["path"]).name, e["stage"], e["skipped"]) for e in errors] == [("poison.txt", "clean", True)]
    assert "KeyError" in errors[0]["reason"]
    assert "poison" not in {d["doc_id"] for d in jsonl(tmp_path / "out" / "documents.jsonl")}
