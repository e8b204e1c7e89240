"""Tables: the Pydantic models are the one definition of the columns; SPEC is the contract;
schemas/*.json are generated from the models; the writers produce Excel-friendly CSV and
JSONL and replace files atomically."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from spec_contract import PROVENANCE, SPEC_COLUMNS
import regex as re

from extract.output import writers
from extract.cli import schema_text
from extract.models import TABLES, Amount, Document, ErrorRow, HouseholdCount
from extract.output.writers import TableSet, columns, write_jsonl, write_table

ROOT = Path(__file__).resolve().parents[1]
SPEC_MD = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"  # ../shared beside the clone


# --- columns ---------------------------------------------------------------------------------

def test_the_tables_are_spec_tables_in_spec_order():
    assert list(TABLES) == list(SPEC_COLUMNS)


@pytest.mark.parametrize("name", list(SPEC_COLUMNS))
def test_model_columns_are_spec_columns(name):
    assert columns(TABLES[name]) == SPEC_COLUMNS[name]


def test_error_rows_have_path_stage_reason_skipped():
    assert columns(ErrorRow) == ["path", "stage", "reason", "skipped"]


@pytest.mark.skipif(not SPEC_MD.is_file(), reason="SPEC.md not available")
def test_the_contract_written_here_is_what_spec_md_says():
    """Guards this file's copy of the contract against SPEC.md changing under it."""
    spec = SPEC_MD.read_text(encoding="utf-8")
    assert "`doc_id, article_id, text, sentence, start, end`" in spec
    rows = dict(re.findall(r"^\|\s*`(\w+)`\s*\|\s*(.+?)\s*\|\s*$", spec, flags=re.M))
    assert set(rows) == set(SPEC_COLUMNS)
    for name, cell in rows.items():
        listed = [c.strip() for c in re.search(r"`([^`]+)`", cell).group(1).split(",")]
        expected = SPEC_COLUMNS[name] if name == "documents" else SPEC_COLUMNS[name][len(PROVENANCE):]
        assert listed == expected, name


# --- schemas ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(TABLES))
def test_checked_in_schema_is_generated_from_the_model(name):
    path = ROOT / "schemas" / f"{name}.json"
    assert path.read_text(encoding="utf-8") == schema_text(TABLES[name]), (
        f"{path} is stale: run `make schemas`")


def test_there_is_one_schema_per_table():
    assert sorted(p.stem for p in (ROOT / "schemas").glob("*.json")) == sorted(TABLES)


@pytest.mark.parametrize("name", list(TABLES))
def test_schema_properties_are_the_columns_in_order(name):
    schema = json.loads(schema_text(TABLES[name]))
    assert list(schema["properties"]) == SPEC_COLUMNS[name]


# --- writers ---------------------------------------------------------------------------------

ARTICLE_TEXT = ("乐陵开发区党建引领创新发展\n“如今,党员已成为我们公司科技研发的‘主力军’。”\n"
                "(通讯员 贾鹏 段秀菲)")


def _documents():
    return [
        Document(doc_id="000_7ae1732cb7fd648e", article_id="000_7ae1732cb7fd648e-0",
                 path="data/raw/000_7ae1732cb7fd648e.txt", title="乐陵开发区党建引领创新发展",
                 published=dt.date(2020, 7, 2), source="长城网", authors=["贾鹏", "段秀菲"],
                 script="simplified", n_chars=len(ARTICLE_TEXT), article_text=ARTICLE_TEXT),
        Document(doc_id="004_3d712fba48472300", article_id="004_3d712fba48472300-0",
                 path="data/raw/004_3d712fba48472300.txt", title=None, published=None, source=None,
                 authors=[], script="traditional", n_chars=3, article_text="惠民生"),
    ]


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with the UTF-8 BOM"
    assert not raw[3:].startswith(b"\xef\xbb\xbf"), "exactly one BOM"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_documents_csv_has_bom_header_and_excel_friendly_cells(tmp_path):
    write_table(tmp_path, "documents", Document, _documents())

    header, full, empty = _read_csv(tmp_path / "documents.csv")

    assert header == SPEC_COLUMNS["documents"]
    row = dict(zip(header, full))
    assert row["authors"] == "贾鹏;段秀菲"
    assert row["published"] == "2020-07-02"
    assert row["n_chars"] == str(len(ARTICLE_TEXT))
    assert row["article_text"] == ARTICLE_TEXT  # newlines, commas and quotes survive quoting
    row = dict(zip(header, empty))
    assert (row["title"], row["published"], row["source"], row["authors"]) == ("", "", "", "")
    assert row["script"] == "traditional"


def test_documents_jsonl_has_null_and_list(tmp_path):
    write_table(tmp_path, "documents", Document, _documents())

    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()

    assert len(lines) == 2
    full, empty = (json.loads(line) for line in lines)
    assert list(full) == SPEC_COLUMNS["documents"]
    assert full["authors"] == ["贾鹏", "段秀菲"]
    assert full["published"] == "2020-07-02"
    assert full["article_text"] == ARTICLE_TEXT
    assert empty["title"] is None and empty["published"] is None and empty["source"] is None
    assert empty["authors"] == []
    assert "乐陵" in lines[0]  # written as UTF-8, not \\u escapes


def test_record_table_csv_and_jsonl(tmp_path):
    text = "每亩收益较往年增收1000余元。"
    rows = [
        Amount(doc_id="d", article_id="d-0", text="1000余元", sentence=text, start=9, end=15,
               value_yuan=1000.0, approx="over", per="亩", role="income_increase"),
        Amount(doc_id="d", article_id="d-0", text="48.75萬元", sentence="", start=20, end=27,
               value_yuan=487500.5, value_max_yuan=None),
    ]
    write_table(tmp_path, "amounts", Amount, rows)

    header, first, second = _read_csv(tmp_path / "amounts.csv")
    assert header == SPEC_COLUMNS["amounts"]
    first, second = dict(zip(header, first)), dict(zip(header, second))
    assert first["value_yuan"] == "1000"
    assert first["start"] == "9" and first["end"] == "15"
    assert first["value_max_yuan"] == "" and first["year"] == "" and first["village"] == ""
    assert second["value_yuan"] == "487500.5"
    jsonl = [json.loads(line) for line in (tmp_path / "amounts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert jsonl[0]["value_max_yuan"] is None and jsonl[0]["year"] is None
    assert jsonl[0]["value_yuan"] == 1000 and jsonl[0]["approx"] == "over"


def test_boolean_cells(tmp_path):
    rows = [HouseholdCount(doc_id="d", article_id="d-0", text="78户", sentence="78户入社贫困户", start=0,
                           end=3, value=78, unit="户", group="入社贫困户", poor=True),
            HouseholdCount(doc_id="d", article_id="d-0", text="30名", sentence="", start=5, end=8,
                           value=30, unit="人", poor=None)]
    write_table(tmp_path, "household_counts", HouseholdCount, rows)
    header, first, second = _read_csv(tmp_path / "household_counts.csv")
    assert dict(zip(header, first))["poor"] == "true"
    assert dict(zip(header, second))["poor"] == ""
    jsonl = [json.loads(line) for line in (tmp_path / "household_counts.jsonl").read_text().splitlines()]
    assert [r["poor"] for r in jsonl] == [True, None]


def test_empty_table_still_gets_its_header(tmp_path):
    write_table(tmp_path, "villages", TABLES["villages"], [])
    assert _read_csv(tmp_path / "villages.csv") == [SPEC_COLUMNS["villages"]]
    assert (tmp_path / "villages.jsonl").read_text(encoding="utf-8") == ""


def test_writer_creates_the_output_folder(tmp_path):
    out = tmp_path / "a" / "b"
    write_table(out, "documents", Document, _documents())
    assert (out / "documents.csv").is_file() and (out / "documents.jsonl").is_file()


def test_written_tables_are_readable_by_others(tmp_path):
    write_table(tmp_path, "documents", Document, _documents())
    umask = os.umask(0)
    os.umask(umask)
    for name in ("documents.csv", "documents.jsonl"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~umask


def test_errors_jsonl(tmp_path):
    errors = [ErrorRow(path="data/raw/empty.txt", stage="ingest", reason="empty file"),
              ErrorRow(path="data/raw/t.txt", stage="ingest", reason="truncated", skipped=False)]
    with TableSet(tmp_path) as tables:
        path = tables.errors(errors)
        assert not path.exists(), "nothing replaces the previous files before the whole set is written"
    assert path == tmp_path / "errors.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"path": "data/raw/empty.txt", "stage": "ingest", "reason": "empty file", "skipped": True},
                    {"path": "data/raw/t.txt", "stage": "ingest", "reason": "truncated", "skipped": False}]


# --- atomic replacement ----------------------------------------------------------------------

def test_a_failing_table_leaves_every_previous_table_in_place(tmp_path):
    """A run killed or failing while writing table N must not leave tables 1..N-1 replaced."""
    from extract.models import Amount

    write_jsonl(tmp_path / "amounts.jsonl", [])
    (tmp_path / "amounts.jsonl").write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with TableSet(tmp_path) as tables:
            tables.table("amounts", Amount, [])
            raise RuntimeError("killed while writing the next table")
    assert (tmp_path / "amounts.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob(".*.tmp"))


class Exploding(Document):
    """A row that fails while being written: in every dump, or only in the JSON dump."""

    def model_dump(self, *args, **kwargs):
        if self.title == "boom" or kwargs.get("mode") == "json":
            raise RuntimeError("disk full, say")
        return super().model_dump(*args, **kwargs)


def _exploding(title: str) -> Exploding:
    return Exploding(**{**_documents()[1].model_dump(), "title": title})


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a good documents table; returns the files' bytes."""
    write_table(tmp_path, "documents", Document, _documents())
    return {p.name: p.read_bytes() for p in tmp_path.iterdir()}


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_failure_while_writing_csv_leaves_previous_files_and_no_temp(tmp_path, previous):
    with pytest.raises(RuntimeError):
        write_table(tmp_path, "documents", Document, [_documents()[0], _exploding("boom")])
    assert _state(tmp_path) == previous


def test_failure_while_writing_jsonl_leaves_previous_jsonl_and_no_temp(tmp_path, previous):
    with pytest.raises(RuntimeError):
        write_table(tmp_path, "documents", Document, [_documents()[0], _exploding("fine in csv")])
    state = _state(tmp_path)
    assert sorted(state) == ["documents.csv", "documents.jsonl"]
    assert state["documents.jsonl"] == previous["documents.jsonl"]


def test_failure_at_rename_leaves_previous_file_and_no_temp(tmp_path, previous, monkeypatch):
    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_table(tmp_path, "documents", Document, [_documents()[1]])
    assert _state(tmp_path) == previous


def test_interrupt_while_writing_leaves_no_temp(tmp_path, previous):
    def rows():
        yield _documents()[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_jsonl(tmp_path / "documents.jsonl", rows())
    assert _state(tmp_path) == previous


def test_successful_rewrite_replaces_content(tmp_path, previous):
    write_table(tmp_path, "documents", Document, _documents()[1:])
    state = _state(tmp_path)
    assert sorted(state) == ["documents.csv", "documents.jsonl"]
    assert len(state["documents.jsonl"].decode("utf-8").splitlines()) == 1
    assert state["documents.csv"] != previous["documents.csv"]
