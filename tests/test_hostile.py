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


# --- 3: CSV cells that spreadsheets would run as formulas ------------------------------------

@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"点我\")", "+86 电话", "-列表项", "@人民日报 消息",
                                  "\t缩进", "\r回车"])
def test_csv_cell_neutralises_formula_starts(text):
    from extract.output.writers import csv_cell

    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value, cell", [(-5, "-5"), (-2.5, "-2.5"), (3.0, "3"), ("普通文字", "普通文字"),
                                         (["=张三", "李四"], "'=张三;李四"), (None, "")])
def test_csv_cell_leaves_numbers_and_plain_text(value, cell):
    from extract.output.writers import csv_cell

    assert csv_cell(value) == cell


def test_formula_text_is_neutral_in_csv_and_exact_in_jsonl_and_parquet(nlp, tmp_path):
    import csv

    import pyarrow.parquet as pq

    src = tmp_path / "in"
    src.mkdir()
    title = '=HYPERLINK("http://evil.example","点此查看")'
    (src / "f.txt").write_text(f"{title}\n@人民日报 某村合作社带动农户增收，投资50万元。\n", encoding="utf-8")
    out = tmp_path / "out"
    run(src, out, nlp, use_cache=False, formats=("csv", "jsonl", "parquet"))
    doc = jsonl(out / "documents.jsonl")[0]
    assert doc["title"] == title and doc["article_text"].startswith(title)
    assert pq.read_table(out / "documents.parquet").column("title").to_pylist() == [title]
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'" + title and row["article_text"].startswith("'=")
    for table in out.glob("*.csv"):
        with table.open(encoding="utf-8-sig", newline="") as fh:
            for cells in csv.reader(fh):
                assert not any(c[:1] in ("=", "+", "@", "\t", "\r") for c in cells), (table.name, cells)
