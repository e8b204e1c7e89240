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


# --- 2: output linear in input ----------------------------------------------------------------

def test_a_short_sentence_is_its_own_window():
    from extract.nlp.sentences import Sentences

    text = "标题\n合作社带动78户贫困户，每户年增收3000元。第二句话。"
    sentences = Sentences.of(text)
    start = text.index("3000元")
    assert sentences.window(start, start + 5) == sentences.around(start)


def test_a_long_run_is_split_at_commas_and_the_window_holds_the_span():
    from extract.nlp.sentences import MAX_SENTENCE, WINDOW, Sentences

    text = "，".join(f"第{i}村收入{i}万元" for i in range(4000)) + "。"
    sentences = Sentences.of(text)
    assert max(e - s for s, e in sentences.spans) <= MAX_SENTENCE
    assert all(text[s - 1] == "，" for s in sentences.starts[1:]), "cut after a comma"
    for start in (0, len(text) // 2, len(text) - 9):
        s, e = sentences.window(start, start + 3)
        assert s <= start < start + 3 <= e and e - s <= WINDOW
        assert s == 0 or text[s - 1] == "，", "the window starts at a clause"


def test_a_line_without_any_break_is_cut_hard():
    from extract.nlp.sentences import MAX_SENTENCE, WINDOW, Sentences

    text = "3元" * 5000
    sentences = Sentences.of(text)
    assert max(e - s for s, e in sentences.spans) <= MAX_SENTENCE
    assert max(e - s for s, e in sentences._quoted[1]) <= MAX_SENTENCE
    s, e = sentences.window(5000, 5002)
    assert s <= 5000 and 5002 <= e and e - s <= WINDOW


def test_statistics_page_output_is_linear_and_no_csv_cell_exceeds_excel(nlp, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    page = "各村收入统计\n" + "，".join(f"第{i}村收入{i % 90 + 1}万元" for i in range(4000)) + "。\n"
    (src / "stats.txt").write_text(page, encoding="utf-8")
    (src / "run_on.txt").write_text("标题\n" + "3元" * 3000 + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run(src, out, nlp, use_cache=False)
    amounts = jsonl(out / "amounts.jsonl")
    assert len(amounts) >= 4000 + 3000
    assert all(a["text"] in a["sentence"] and len(a["sentence"]) <= 500 for a in amounts)
    written = sum(p.stat().st_size for p in out.iterdir())
    assert written < 200 * len(page.encode("utf-8")) * 2, "output grows with the input, not its square"
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    for table in out.glob("*.csv"):
        with table.open(encoding="utf-8-sig", newline="") as fh:
            assert max(len(cell) for row in csv.reader(fh) for cell in row) <= 32_767, table.name


def test_a_csv_cell_longer_than_excel_takes_is_cut_and_says_so():
    from extract.output.writers import csv_cell

    cell = csv_cell("乐" * 40_000)
    assert len(cell) == 32_767 and cell.endswith("JSONL/Parquet table]") and "40000" in cell


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


# --- 13: numbers no article means -------------------------------------------------------------

def test_implausible_numbers_are_dropped_per_row_and_every_writer_succeeds(nlp, tmp_path):
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    src.mkdir()
    (src / "n.txt").write_text("标题\n投资" + "9" * 400 + "元，带动9223372036854775808人，共" + "1" * 400
                               + "人，种植" + "5" * 400 + "亩。\n正常投资50万元，带动30户贫困户。\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run(src, out, nlp, use_cache=False, formats=("csv", "jsonl", "parquet"))
    assert summary.documents == 1

    def no_constants(name):
        raise ValueError(f"{name} is not JSON")

    for table in out.glob("*.jsonl"):
        for line in table.read_text(encoding="utf-8").splitlines():
            json.loads(line, parse_constant=no_constants)
    assert [a["value_yuan"] for a in jsonl(out / "amounts.jsonl")] == [500_000]
    assert [c["value"] for c in jsonl(out / "household_counts.jsonl")] == [30]
    assert pq.read_table(out / "household_counts.parquet").column("value").to_pylist() == [30]
    notes = [e for e in jsonl(out / "errors.jsonl") if "plausible" in e["reason"]]
    assert len(notes) == 4 and not any(e["skipped"] for e in notes)
