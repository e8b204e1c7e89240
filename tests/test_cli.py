"""End to end through the real command line: `extract run` on the seeds plus broken files."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import opencc
import pytest
from spec_contract import SPEC_COLUMNS
from typer.testing import CliRunner

from extract.cli import EXIT_MODEL_MISSING, EXIT_NO_INPUT, EXIT_NONE_SUCCEEDED, app, schema_text
from extract.models import TABLES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEEDS = sorted(RAW.glob("[0-9][0-9][0-9]_*.txt"))
SEED_ARTICLES = {"000": 7, "001": 1, "002": 1, "003": 2, "004": 1}

RECORD_TABLES = [name for name in SPEC_COLUMNS if name != "documents"]

EMPTY, PNG, TRUNCATED = "empty_page.txt", "scanned_page.txt", "gbk_truncated.txt"
TRUNC_ID = "gbk_truncated"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def _truncated_gbk() -> tuple[bytes, str]:
    """Seed 000 up to the byline of its second article, in GBK, cut inside the final "。"."""
    text = (RAW / "000_7ae1732cb7fd648e.txt").read_text(encoding="utf-8")
    end = text.index("(通讯员 周宁宁)")
    data = text[:end].encode("gbk")
    assert text[end - 1] == "。" and len("。".encode("gbk")) == 2
    return data[:-1], text[:end - 1]


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} lacks the UTF-8 BOM"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def run(nlp, tmp_path_factory):
    """`extract run` once over the 5 seeds + an empty file + a PNG + a truncated GBK file."""
    assert len(SEEDS) == 5
    base = tmp_path_factory.mktemp("cli")
    src, out = base / "in", base / "out"
    (src / "nested").mkdir(parents=True)
    for path in SEEDS:
        shutil.copy(path, src / path.name)
    (src / EMPTY).write_bytes(b"")
    (src / "nested" / PNG).write_bytes(PNG_BYTES)  # a picture saved with a .txt name, one folder down
    (src / TRUNCATED).write_bytes(_truncated_gbk()[0])

    result = _invoke("run", str(src), "--out", str(out))
    assert (out / "errors.jsonl").is_file(), result.output

    tables = {name: _jsonl(out / f"{name}.jsonl") for name in SPEC_COLUMNS}
    return SimpleNamespace(result=result, src=src, out=out, tables=tables,
                           errors=_jsonl(out / "errors.jsonl"),
                           docs={d["article_id"]: d for d in tables["documents"]})


def test_run_exits_0(run):
    assert run.result.exit_code == 0, run.result.output


@pytest.mark.parametrize("name", list(SPEC_COLUMNS))
def test_every_table_is_written_as_csv_with_bom_and_jsonl_with_spec_columns(run, name):
    rows = _csv(run.out / f"{name}.csv")
    assert rows[0] == SPEC_COLUMNS[name]
    assert all(len(row) == len(SPEC_COLUMNS[name]) for row in rows)
    jsonl = run.tables[name]
    assert len(rows) - 1 == len(jsonl)
    for row in jsonl:
        assert list(row) == SPEC_COLUMNS[name]


def test_documents_hold_every_seed_article_and_the_readable_part_of_the_truncated_file(run):
    per_doc = Counter(d["doc_id"] for d in run.tables["documents"])
    seeds = {path.stem: SEED_ARTICLES[path.stem[:3]] for path in SEEDS}
    assert {k: v for k, v in per_doc.items() if k != TRUNC_ID} == seeds
    assert sum(seeds.values()) == 12
    # the truncated copy of seed 000 keeps its first two articles, the second cut at the truncation
    assert per_doc[TRUNC_ID] == 2
    first, second = run.docs[f"{TRUNC_ID}-0"], run.docs[f"{TRUNC_ID}-1"]
    assert first["article_text"] == run.docs["000_7ae1732cb7fd648e-0"]["article_text"]
    assert first["title"] == "乐陵开发区党建引领创新发展"
    assert second["title"] == "乐陵朱集镇枣企业助力精准扶贫"
    assert second["article_text"] + "。(通讯员 周宁宁)" == run.docs["000_7ae1732cb7fd648e-1"]["article_text"]
    assert len(run.tables["documents"]) == 14


def test_errors_list_the_unreadable_files_and_the_truncation(run):
    by_name = {Path(e["path"]).name: e for e in run.errors}
    assert sorted(by_name) == sorted([EMPTY, PNG, TRUNCATED])
    assert len(run.errors) == 3
    assert by_name[EMPTY]["skipped"] is True and "empty" in by_name[EMPTY]["reason"]
    assert by_name[PNG]["skipped"] is True and "binary" in by_name[PNG]["reason"]
    assert by_name[TRUNCATED]["skipped"] is False and "truncat" in by_name[TRUNCATED]["reason"]
    assert all(e["stage"] == "ingest" for e in run.errors)
    assert Path(by_name[PNG]["path"]) == run.src / "nested" / PNG


def test_documents_rows_are_consistent(run):
    counts = Counter()
    for doc in run.tables["documents"]:
        assert doc["n_chars"] == len(doc["article_text"])
        assert doc["article_text"].strip()
        assert doc["article_id"] == f"{doc['doc_id']}-{counts[doc['doc_id']]}"
        counts[doc["doc_id"]] += 1
        assert doc["script"] in ("simplified", "traditional", "mixed")
        assert Path(doc["path"]).stem == doc["doc_id"]
        assert Path(doc["path"]).is_file()
        assert isinstance(doc["authors"], list)


def test_documents_csv_agrees_with_jsonl(run):
    rows = _csv(run.out / "documents.csv")
    header, body = rows[0], rows[1:]
    for row, doc in zip(body, run.tables["documents"], strict=True):
        row = dict(zip(header, row))
        assert row["article_id"] == doc["article_id"]
        assert row["authors"] == ";".join(doc["authors"])
        assert row["published"] == (doc["published"] or "")
        assert row["article_text"] == doc["article_text"]
        assert int(row["n_chars"]) == doc["n_chars"]


def test_documents_metadata_of_the_seeds(run):
    d002 = run.docs["002_21d98ef2e5f3f12f-0"]
    assert (d002["published"], d002["source"]) == ("2020-07-02", "长城网")
    d004 = run.docs["004_3d712fba48472300-0"]
    assert (d004["published"], d004["source"], d004["authors"]) == ("2021-07-08", "齐鲁晚报", [])
    assert run.docs["000_7ae1732cb7fd648e-0"]["authors"] == ["贾鹏", "段秀菲"]
    assert run.docs["003_f0fd3b87765ce243-1"]["authors"] == ["臧怀生"]


def test_traditional_seed_is_stored_simplified_and_marked_traditional(run):
    doc = run.docs["001_da736f400649c7b9-0"]
    assert doc["script"] == "traditional"
    text = doc["article_text"]
    for traditional in "鎮貧莊劉黨領戶個":
        assert traditional not in text
    assert "刘垓子镇" in text and "贫困户" in text
    t2s = opencc.OpenCC("t2s")
    assert {c for c in text if t2s.convert(c) != c} == set()
    assert all(run.docs[a]["script"] == "simplified" for a in run.docs if not a.startswith("001_"))


@pytest.mark.parametrize("name", RECORD_TABLES)
def test_every_record_points_at_its_text_in_the_article(run, name):
    """article_text[start:end] == text (vacuous for a table the pipeline does not fill yet)."""
    for row in run.tables[name]:
        doc = run.docs.get(row["article_id"])
        assert doc is not None, f"{name} row of unknown article {row['article_id']}"
        assert doc["doc_id"] == row["doc_id"]
        assert 0 <= row["start"] < row["end"] <= doc["n_chars"]
        assert doc["article_text"][row["start"]:row["end"]] == row["text"], row
        assert row["text"] in row["sentence"], row
        assert row["sentence"] in doc["article_text"]


@pytest.mark.parametrize("name", list(SPEC_COLUMNS))
def test_rows_are_in_document_order(run, name):
    def key(row):
        doc_id, n = row["article_id"].rsplit("-", 1)
        return doc_id, int(n), row.get("start", 0), row.get("end", 0)

    rows = run.tables[name]
    assert [key(r) for r in rows] == sorted(key(r) for r in rows)


def test_rerun_replaces_the_tables(run, tmp_path):
    """A second run into the same folder rewrites every table (no appending, no temp files left)."""
    out = tmp_path / "out"
    shutil.copytree(run.out, out)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "003_f0fd3b87765ce243.txt", src)

    result = _invoke("run", str(src), "--out", str(out))

    assert result.exit_code == 0, result.output
    docs = _jsonl(out / "documents.jsonl")
    assert [d["article_id"] for d in docs] == ["003_f0fd3b87765ce243-0", "003_f0fd3b87765ce243-1"]
    assert _jsonl(out / "errors.jsonl") == []
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{n}.{ext}" for n in SPEC_COLUMNS for ext in ("csv", "jsonl")] + ["errors.jsonl", "run.json"])


# --- exit codes ------------------------------------------------------------------------------

def test_run_on_only_bad_files_exits_1_keeps_the_previous_tables_and_reports_them(run, tmp_path):
    """An unmounted share or a wrong path must not replace good tables with empty ones."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / EMPTY).write_bytes(b"")
    (src / PNG).write_bytes(PNG_BYTES)
    shutil.copytree(run.out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    result = _invoke("run", str(src), "--out", str(out))

    assert result.exit_code == EXIT_NONE_SUCCEEDED == 1, result.output
    assert "no document was processed" in result.output and "empty file" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    errors_path = Path(result.output.replace("\n", "").split("all problems: ")[1].split()[0])
    errors = _jsonl(errors_path)
    assert sorted(Path(e["path"]).name for e in errors) == sorted([EMPTY, PNG])
    assert all(e["skipped"] for e in errors)


@pytest.mark.parametrize("other_files", [[], ["notes.md", "photo.png", "sub/data.json"]])
def test_run_on_a_folder_without_inputs_exits_2(nlp, tmp_path, other_files):
    (tmp_path / "in").mkdir()
    for name in other_files:
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("not an input", encoding="utf-8")
    result = _invoke("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == EXIT_NO_INPUT == 2, result.output
    assert not (tmp_path / "out").exists()


def test_run_on_a_missing_path_exits_2(tmp_path):
    result = _invoke("run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()


def _run_without_model(tmp_path) -> subprocess.CompletedProcess:
    """The real console script in a fresh process (the in-process pipeline is cached)."""
    empty_model = tmp_path / "no-model"
    empty_model.mkdir()
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "003_f0fd3b87765ce243.txt", src)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["EXTRACT_PKUSEG_MODEL"] = str(empty_model)
    env["EXTRACT_SEGMENTER"] = "pkuseg"  # the default tokenizer needs no model
    exe = Path(sys.executable).with_name("extract")
    return subprocess.run([str(exe), "run", str(src), "--out", str(tmp_path / "out")], env=env,
                          capture_output=True, text=True, timeout=300)


def test_missing_model_exits_3_naming_the_fix_without_traceback(tmp_path):
    proc = _run_without_model(tmp_path)
    assert proc.returncode == EXIT_MODEL_MISSING == 3, proc.stderr
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert "fetch-model" in output
    assert "pkuseg model missing" in output
    assert not (tmp_path / "out").exists()


def test_missing_model_message_is_one_line(tmp_path):
    proc = _run_without_model(tmp_path)
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "make setup" in lines[0] and "extract fetch-model" in lines[0]


def test_schemas_command_writes_the_checked_in_schemas(tmp_path):
    result = _invoke("schemas", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for name, model in TABLES.items():
        written = (tmp_path / f"{name}.json").read_text(encoding="utf-8")
        assert written == schema_text(model) == (ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8")


def test_the_default_run_needs_no_segmentation_model(tmp_path):
    """Character tokens by default: a machine without the pkuseg model runs and writes tables."""
    empty_model = tmp_path / "no-model"
    empty_model.mkdir()
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "003_f0fd3b87765ce243.txt", src)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "EXTRACT_SEGMENTER")}
    env["EXTRACT_PKUSEG_MODEL"] = str(empty_model)
    exe = Path(sys.executable).with_name("extract")
    proc = subprocess.run([str(exe), "run", str(src), "--out", str(tmp_path / "out")], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "amounts.csv").is_file()
