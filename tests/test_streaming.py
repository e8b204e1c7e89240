"""Streaming runs: the result store, resuming, the one-switch output folder, its lock, run.json,
and readers that take whichever format a run wrote."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import extract
from extract.cli import EXIT_OUTPUT, app
from extract.models import TABLES
from extract.output.folder import OutputError, OutputFolder
from extract.run import corpus as corpus_module
from extract.run import tasks
from extract.run.cache import ResultCache
from extract.run.corpus import run

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds" / "raw"
CHANGED = "004_3d712fba48472300.txt"


def tables_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "run.json"}


@pytest.fixture()
def seeds(tmp_path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "in")
    return tmp_path / "in"


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    """A result cache of this test's own, so what it stores and finds is its doing alone."""
    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def clean(nlp, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    run(SEEDS, out, nlp, formats=("csv", "jsonl", "parquet"))
    return out


# --- the store and resuming ---------------------------------------------------------------------

def test_an_interrupted_run_keeps_the_old_tables_and_the_next_one_resumes(nlp, seeds, cache_dir, tmp_path):
    out = tmp_path / "out"
    run(SEEDS / "000_7ae1732cb7fd648e.txt", out, nlp)
    before = tables_of(out)
    seen = []

    def stop_after_three(path):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(seeds, out, nlp, on_file=stop_after_three)
    assert tables_of(out) == before, "an interrupted run switches nothing in"
    again = run(seeds, out, nlp)
    assert (again.files, again.cached) == (5, 3), "the three finished files come from the store"
    run(seeds, tmp_path / "clean", nlp, use_cache=False)
    assert tables_of(out) == tables_of(tmp_path / "clean")


def test_the_cache_holds_the_bytes_processed_not_those_read_first(nlp, seeds, cache_dir, tmp_path, monkeypatch):
    """A file rewritten between the cache lookup and processing must not poison the cache."""
    target = seeds / CHANGED
    original = target.read_text(encoding="utf-8")
    assert "2360万元" in original
    real_lookup = tasks.lookup

    def lookup_then_edit(cache, path, root=None):
        found = real_lookup(cache, path, root)
        if path.name == CHANGED:
            path.write_text(original.replace("2360万元", "2460万元"), encoding="utf-8")
        return found

    monkeypatch.setattr(tasks, "lookup", lookup_then_edit)
    run(seeds, tmp_path / "out", nlp)
    amounts = (tmp_path / "out" / "amounts.jsonl").read_text(encoding="utf-8")
    assert '"value_yuan": 24600000.0' in amounts, "the tables show what was processed"
    monkeypatch.setattr(tasks, "lookup", real_lookup)
    target.write_text(original, encoding="utf-8")  # back to the first content
    run(seeds, tmp_path / "out", nlp)
    amounts = (tmp_path / "out" / "amounts.jsonl").read_text(encoding="utf-8")
    assert '"value_yuan": 23600000.0' in amounts and '"value_yuan": 24600000.0' not in amounts


DAMAGE = ['{"path": 1}', "not json", '{"path": "x", "rows": {"amounts": [{"a": 1}]}, "errors": []}',
          '{"path": "x", "rows": {"nonsense": []}, "errors": []}', '[]']


def test_wrong_shaped_cache_entries_are_recomputed(nlp, seeds, cache_dir, tmp_path):
    out = tmp_path / "out"
    run(seeds, out, nlp)
    expected = tables_of(out)
    entries = sorted(cache_dir.rglob("*.json"))
    assert len(entries) == len(DAMAGE) == 5
    for entry, damage in zip(entries, DAMAGE):
        entry.write_text(damage, encoding="utf-8")
    again = run(seeds, out, nlp)
    assert again.cached == 0 and again.documents == 5
    assert tables_of(out) == expected


def test_parquet_is_written_in_row_groups_with_the_rows_of_jsonl(nlp, clean, tmp_path, monkeypatch):
    from extract.output import stream

    monkeypatch.setattr(stream, "ROW_GROUP_ROWS", 7)
    run(SEEDS, tmp_path / "out", nlp, formats=("jsonl", "parquet"))
    amounts = pq.ParquetFile(tmp_path / "out" / "amounts.parquet")
    jsonl = [json.loads(line) for line in (clean / "amounts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert amounts.metadata.num_row_groups == -(-len(jsonl) // 7) > 1
    assert amounts.read().to_pylist() == jsonl
    assert pq.read_table(clean / "documents.parquet").num_rows == pq.read_table(tmp_path / "out" / "documents.parquet").num_rows


def test_a_large_parquet_table_is_a_folder_of_parts_read_as_one_table(nlp, clean, tmp_path):
    import duckdb
    import pandas as pd

    from extract.analyst.evaluate import evaluate

    jsonl = {name: [json.loads(line) for line in (clean / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
             for name in TABLES}
    out = tmp_path / "out"
    run(SEEDS, out, nlp, formats=("csv", "parquet"), parquet_rows=10)
    for name, rows in jsonl.items():
        parts = sorted((out / name).glob("*"))
        if len(rows) > 10:
            assert not (out / f"{name}.parquet").exists()
            assert [p.name for p in parts] == [f"part-{i:05d}.parquet" for i in range(-(-len(rows) // 10))]
            assert all(pq.read_metadata(p).num_rows <= 10 for p in parts)
            assert pq.read_table(out / name).num_rows == len(pd.read_parquet(out / name)) == len(rows), name
        else:
            assert (out / f"{name}.parquet").is_file() and not parts, name
        assert extract.load(out, table=name).equals(extract.load(clean, table=name)), name
    assert len(jsonl["amounts"]) > 10 and pq.read_table(out / "amounts").to_pylist() == jsonl["amounts"]
    query = "select count(*), sum(value_yuan) from read_parquet('{}')"
    assert duckdb.sql(query.format(out / "amounts" / "*.parquet")).fetchall() == \
        duckdb.sql(query.format(clean / "amounts.parquet")).fetchall()
    gold = FIXTURES / "seeds" / "gold"
    assert {t: s.as_dict() for t, s in evaluate(gold, out).items()} == \
        {t: s.as_dict() for t, s in evaluate(gold, clean).items()}
    result = CliRunner().invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output


def test_a_table_of_exactly_the_part_size_stays_one_file(nlp, clean, tmp_path):
    n = len((clean / "amounts.jsonl").read_text(encoding="utf-8").splitlines())
    run(SEEDS, tmp_path / "same", nlp, formats=("parquet",), parquet_rows=n)
    run(SEEDS, tmp_path / "less", nlp, formats=("parquet",), parquet_rows=n - 1)
    assert (tmp_path / "same" / "amounts.parquet").is_file() and not (tmp_path / "same" / "amounts").exists()
    assert [pq.read_metadata(p).num_rows for p in sorted((tmp_path / "less" / "amounts").iterdir())] == [n - 1, 1]


def test_stored_rows_whose_csv_and_jsonl_disagree_are_recomputed(nlp, seeds, cache_dir, tmp_path):
    out = tmp_path / "out"
    run(seeds, out, nlp)
    expected = tables_of(out)
    for entry in cache_dir.rglob("*.json"):
        stored = json.loads(entry.read_text(encoding="utf-8"))
        stored["tables"]["documents"]["csv"] += stored["tables"]["documents"]["csv"]  # one row in JSONL, two in CSV
        entry.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    again = run(seeds, out, nlp)
    assert again.cached == 0 and tables_of(out) == expected


# --- the output folder ----------------------------------------------------------------------------

def test_tables_switch_all_at_once_and_a_reader_keeps_its_set(nlp, tmp_path):
    out = tmp_path / "out"
    run(SEEDS / "000_7ae1732cb7fd648e.txt", out, nlp)
    assert out.is_symlink(), "--out is a link to the run's directory: one rename switches every table"
    reading = out.resolve()
    old = tables_of(reading)
    run(SEEDS, out, nlp)
    assert out.resolve() != reading and tables_of(reading) == old, "a reader of the old set still has all of it"
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) > len(
        (reading / "documents.jsonl").read_text(encoding="utf-8").splitlines())
    run(SEEDS, out, nlp)
    runs = [p for p in (tmp_path / ".out.runs").iterdir() if p.is_dir()]
    assert len(runs) == 2, "the current run and the one before it are kept, older ones removed"
    assert not reading.exists()


def test_an_older_output_folder_is_taken_over_and_a_foreign_one_refused(nlp, tmp_path):
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    for name in ("documents.jsonl", "amounts.csv", "review.html", ".gitkeep", ".amounts.csv.x1.tmp"):
        (legacy / name).write_text("old", encoding="utf-8")
    run(SEEDS / "000_7ae1732cb7fd648e.txt", legacy, nlp)
    assert legacy.is_symlink() and not (legacy / "review.html").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("my notes", encoding="utf-8")
    with pytest.raises(OutputError, match="notes.md"):
        run(SEEDS / "000_7ae1732cb7fd648e.txt", mine, nlp)
    assert (mine / "notes.md").read_text(encoding="utf-8") == "my notes"


def test_a_second_run_into_a_busy_folder_stops_with_one_line(tmp_path):
    out = tmp_path / "out"
    (tmp_path / ".notes.tmp").write_text("the user's", encoding="utf-8")
    with OutputFolder(out):
        result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out)])
    assert result.exit_code == EXIT_OUTPUT == 5, result.output
    assert "another extract run" in result.output and len(result.output.strip().splitlines()) == 1
    assert (tmp_path / ".notes.tmp").read_text(encoding="utf-8") == "the user's"


def test_out_that_is_a_file_is_one_line_exit_5(tmp_path):
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_OUTPUT, result.output
    assert "is a file" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_run_json_says_what_the_run_was(nlp, tmp_path):
    out = tmp_path / "out"
    summary = run(SEEDS, out, nlp, formats=("csv", "parquet"))
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["extract_version"] == extract.__version__
    assert info["formats"] == ["csv", "parquet"] == info["arguments"]["formats"]
    assert info["counts"]["documents"] == summary.documents == 5
    assert info["counts"]["rows"] == summary.rows and summary.rows["amounts"] > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{n}.{f}" for n in TABLES for f in ("csv", "parquet")] + ["errors.jsonl", "run.json"])


def test_a_new_run_leaves_the_analyst_files_of_the_old_one_behind(nlp, tmp_path):
    from extract.analyst.review import write_review

    out = tmp_path / "out"
    run(SEEDS, out, nlp)
    write_review(out)
    (out / "eval.json").write_text("{}", encoding="utf-8")
    run(SEEDS, out, nlp)
    assert not (out / "review.html").exists() and not (out / "eval.json").exists()


def test_output_inside_the_input_is_never_read_as_input(nlp, tmp_path):
    from extract.analyst.review import write_review

    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    out = corpus / "out"
    first = run(corpus, out, nlp, use_cache=False)
    write_review(out, page_articles=2)  # review.html and review/page-N.html inside the input
    (out / "eval.txt").write_text("in a run folder, so not input", encoding="utf-8")
    second = run(corpus, out, nlp, use_cache=False)
    assert (second.files, second.documents) == (first.files, first.documents) == (5, 5)


def test_jobs_above_the_cores_are_capped_with_a_note(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    result = CliRunner().invoke(app, ["run", str(SEEDS / "003_f0fd3b87765ce243.txt"), "--out", str(tmp_path / "o"),
                                      "--jobs", "64"])
    assert result.exit_code == 0, result.output
    assert "--jobs 64 is more than the 1 cores here; using 1" in result.output
    assert json.loads((tmp_path / "o" / "run.json").read_text(encoding="utf-8"))["arguments"]["jobs"] == 1


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"extract {extract.__version__}"


# --- readers take whichever format was written ----------------------------------------------------

@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_load_eval_and_review_read_a_run_without_jsonl(nlp, clean, tmp_path, fmt):
    from extract.analyst.evaluate import evaluate
    from extract.analyst.review import write_review

    out = tmp_path / "out"
    run(SEEDS, out, nlp, formats=(fmt,))
    assert not list(out.glob("*.jsonl"))[1:], "only errors.jsonl"
    for name in TABLES:
        got, want = extract.load(out, table=name), extract.load(clean, table=name)
        assert got.equals(want), name
    gold = FIXTURES / "seeds" / "gold"
    assert {t: s.as_dict() for t, s in evaluate(gold, out).items()} == \
        {t: s.as_dict() for t, s in evaluate(gold, clean).items()}
    result = CliRunner().invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "review.html").read_text(encoding="utf-8").count("<article id=") == 12


def test_review_is_split_into_pages_of_whole_documents(clean, tmp_path):
    import re

    from extract.analyst.review import write_review

    out = tmp_path / "out"
    shutil.copytree(clean, out)
    first = write_review(out, page_articles=2)
    pages = [first] + sorted((out / "review").glob("page-*.html"))
    assert len(pages) == 4  # documents of 7, 1, 1, 2 and 1 articles
    htmls = [p.read_text(encoding="utf-8") for p in pages]
    assert sum(h.count("<article id=") for h in htmls) == 12
    rows = sum(len((clean / f"{n}.jsonl").read_text(encoding="utf-8").splitlines()) for n in TABLES if n != "documents")
    assert sum(len(re.findall(r"<mark [^>]*data-row=", h)) for h in htmls) == rows
    assert 'href="review/page-2.html"' in htmls[0] and 'href="../review.html"' in htmls[1]
    assert "Rows whose article is not in documents" not in "".join(htmls)


def test_tables_come_in_document_order_whatever_order_files_finish(nlp, tmp_path, monkeypatch):
    run(SEEDS, tmp_path / "a", nlp)
    real = corpus_module.results
    monkeypatch.setattr(corpus_module, "results", lambda *a, **k: reversed(list(real(*a, **k))))
    run(SEEDS, tmp_path / "b", nlp)
    assert tables_of(tmp_path / "b") == tables_of(tmp_path / "a")
    keys = [(r["doc_id"], int(r["article_id"].rsplit("-", 1)[1]), r["start"], r["end"])
            for r in map(json.loads, (tmp_path / "b" / "amounts.jsonl").read_text(encoding="utf-8").splitlines())]
    assert len({k[0] for k in keys}) == 5 and keys == sorted(keys)


def test_a_cache_that_cannot_be_written_falls_back_to_the_runs_own_store(nlp, tmp_path, monkeypatch):
    (tmp_path / "cache-is-a-file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "cache-is-a-file"))
    summary = run(SEEDS, tmp_path / "out", nlp)
    assert summary.documents == 5 and summary.errors == 0
    assert not list((tmp_path / ".out.runs").glob("*.store")), "the run's own store is removed"


def test_out_in_a_read_only_folder_is_one_line_exit_5(tmp_path, monkeypatch):
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real(p, mode))
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_OUTPUT, result.output
    assert "read-only or no permission" in result.output and len(result.output.strip().splitlines()) == 1


def test_the_stream_writes_the_bytes_the_model_writers_write(clean, tmp_path):
    """Streaming JSON-shaped rows gives the same CSV and JSONL as writing the models' rows, and
    Parquet with the same rows and types."""
    from extract.output.writers import write_table

    for name, model in TABLES.items():
        rows = [model.model_validate_json(line) for line in (clean / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        write_table(tmp_path, name, model, rows, formats=("csv", "jsonl", "parquet"))
        for fmt in ("csv", "jsonl"):
            assert (tmp_path / f"{name}.{fmt}").read_bytes() == (clean / f"{name}.{fmt}").read_bytes(), (name, fmt)
        assert pq.read_table(tmp_path / f"{name}.parquet").equals(pq.read_table(clean / f"{name}.parquet")), name


@pytest.mark.parametrize("scheme", ["memory", "file"])
def test_the_store_may_be_an_fsspec_url(nlp, seeds, tmp_path, monkeypatch, scheme):
    """Object storage for Dask workers that share no file system: an fsspec URL as the store."""
    url = f"memory://extract-test-{tmp_path.name}" if scheme == "memory" else (tmp_path / "store").as_uri()
    monkeypatch.setenv("EXTRACT_CACHE_DIR", url)
    first = run(seeds, tmp_path / "out", nlp)
    run(seeds, tmp_path / "clean", nlp, use_cache=False)
    assert first.documents == 5 and tables_of(tmp_path / "out") == tables_of(tmp_path / "clean")
    again = run(seeds, tmp_path / "out", nlp)
    assert again.cached == 5, "entries written through fsspec are found again"
    if scheme == "file":
        assert len(list((tmp_path / "store").rglob("*.json"))) == 5
