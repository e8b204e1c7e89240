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


# --- 4: links out of the input folder ----------------------------------------------------------

@pytest.fixture()
def linked(tmp_path) -> Path:
    """in/ with a good page, a link to a secret file outside, a link to a folder outside, a
    link inside and a broken link."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密\n" + good_text(), encoding="utf-8")
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(good_text(), encoding="utf-8")
    (src / "leak.txt").symlink_to(outside / "secret.txt")
    (src / "machine").symlink_to(outside, target_is_directory=True)
    (src / "sub" / "again.txt").symlink_to(src / "good.txt")
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    return src


def test_links_leaving_the_input_are_reported_not_followed(linked):
    from extract.read.ingest import scan

    found = scan(linked)
    assert [p.relative_to(linked).as_posix() for p in found.files] == ["good.txt", "sub/again.txt"]
    reasons = {Path(e.path).name: e.reason for e in found.errors}
    assert set(reasons) == {"leak.txt", "machine", "gone.txt"}
    assert "outside the input" in reasons["leak.txt"] and "outside the input" in reasons["machine"]
    assert "broken" in reasons["gone.txt"]


def test_follow_links_is_an_opt_in(linked):
    from extract.read.ingest import Selection, scan

    found = scan(linked, Selection(follow_links=True))
    assert {p.relative_to(linked).as_posix() for p in found.files} >= {"leak.txt", "machine/secret.txt"}


def test_a_run_never_reads_outside_the_input(nlp, linked, tmp_path):
    out = tmp_path / "out"
    run(linked, out, nlp, use_cache=False)
    texts = " ".join(d["article_text"] for d in jsonl(out / "documents.jsonl"))
    assert "机密" not in texts
    assert {Path(e["path"]).name for e in jsonl(out / "errors.jsonl")} == {"leak.txt", "machine", "gone.txt"}


# --- 5 (and the scale issue's ids): every file kept, with a stable id -------------------------

def crawl(root: Path) -> None:
    page = good_text()
    for site in ("site1", "site2"):
        (root / site / "2021").mkdir(parents=True)
        (root / site / "2021" / "index.html").write_text(
            f"<html><head><title>{site}标题</title></head><body><article><p>{page[:600]}</p>"
            f"<p>{page[600:1200]}</p></article></body></html>", encoding="utf-8")
    (root / "site1" / "content_123.shtml").write_text(
        f"<html><body><article><p>{page[:800]}</p></article></body></html>", encoding="utf-8")
    (root / "site1" / "page.xhtml").write_text(
        f"<html><body><article><p>{page[800:1600]}</p></article></body></html>", encoding="utf-8")
    (root / "flat.txt").write_text(page, encoding="utf-8")
    (root / "site1" / "logo.png").write_bytes(b"\x89PNG\r\n")
    (root / "site1" / "style.css").write_text("p{}", encoding="utf-8")
    (root / "site2" / "notes.md").write_text("x", encoding="utf-8")
    (root / "site2" / "README").write_text("x", encoding="utf-8")


def test_doc_id_is_the_relative_path_without_extension(tmp_path):
    from extract.read.ingest import doc_id_of, scan

    crawl(tmp_path / "a")
    found = scan(tmp_path / "a")
    ids = [doc_id_of(p, tmp_path / "a") for p in found.files]
    assert ids == ["flat", "site1/2021/index", "site1/content_123", "site1/page", "site2/2021/index"]
    assert dict(found.not_taken) == {".png": 1, ".css": 1, ".md": 1, "(none)": 1}
    assert doc_id_of(tmp_path / "a" / "flat.txt") == "flat", "a file given alone: its name"


def test_doc_ids_are_stable_across_runs_and_places(nlp, tmp_path):
    crawl(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "elsewhere" / "b")
    first = run(tmp_path / "a", tmp_path / "out1", nlp, use_cache=False)
    run(tmp_path / "elsewhere" / "b", tmp_path / "out2", nlp)
    assert first.documents == 5 and first.not_taken == {"(none)": 1, ".css": 1, ".md": 1, ".png": 1}
    ids = [d["article_id"] for d in jsonl(tmp_path / "out1" / "documents.jsonl")]
    assert {i.rsplit("-", 1)[0] for i in ids} == {"flat", "site1/2021/index", "site1/content_123", "site1/page",
                                                  "site2/2021/index"}
    assert ids == [d["article_id"] for d in jsonl(tmp_path / "out2" / "documents.jsonl")]
    for table in ("amounts", "villages"):
        strip = lambda rows: [{k: v for k, v in r.items()} for r in rows]  # noqa: E731
        assert strip(jsonl(tmp_path / "out1" / f"{table}.jsonl")) == strip(jsonl(tmp_path / "out2" / f"{table}.jsonl"))


def test_undecodable_names_keep_distinct_lossless_ids(nlp, tmp_path):
    from extract.read.ingest import doc_id_of

    src = tmp_path / "in"
    src.mkdir()
    names = ["乐陵新闻", "德州新闻"]
    for name in names:  # file names in GBK bytes, as a Windows zip leaves them
        with open(os.fsencode(src) + b"/" + name.encode("gbk") + b".txt", "wb") as fh:
            fh.write((name + "\n" + good_text()).encode("utf-8"))
    ids = sorted(doc_id_of(p, src) for p in src.iterdir())
    assert ids == sorted("".join(f"\\x{b:02x}" for b in n.encode("gbk")) for n in names)
    assert doc_id_of(Path("a\\xc0.txt")) != doc_id_of(Path(os.fsdecode(b"a\xc0.txt"))), "a backslash is escaped too"
    summary = run(src, tmp_path / "out", nlp, use_cache=False)
    docs = jsonl(tmp_path / "out" / "documents.jsonl")
    assert summary.documents == 2 and sorted({d["doc_id"] for d in docs}) == ids
    assert all(d["path"].endswith(f"/{d['doc_id']}.txt") for d in docs), "rows point at their own file"


def test_glob_and_exclude_choose_files(tmp_path):
    from extract.read.ingest import Selection, scan

    crawl(tmp_path)
    pick = lambda **kw: [p.relative_to(tmp_path).as_posix() for p in scan(tmp_path, Selection(**kw)).files]  # noqa: E731
    assert pick(globs=("*.shtml",)) == ["site1/content_123.shtml"]
    assert pick(globs=("site2/*",)) == ["site2/2021/index.html", "site2/README", "site2/notes.md"]
    assert pick(excludes=("site1/*",)) == ["flat.txt", "site2/2021/index.html"]
    assert pick(globs=("index.*",), excludes=("site2/*",)) == ["site1/2021/index.html"]


def test_cli_takes_glob_and_reports_files_not_taken(nlp, tmp_path):
    crawl(tmp_path / "in")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--exclude", "site2/*", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "not taken:" in result.output and "1 .png" in result.output and "2021/index" not in result.output
    assert {d["doc_id"] for d in jsonl(tmp_path / "out" / "documents.jsonl")} == {
        "flat", "site1/2021/index", "site1/content_123", "site1/page"}


# --- 14: encodings and shapes that lost text ---------------------------------------------------

@pytest.mark.parametrize("data", [
    pytest.param(lambda t: b"\xff\xfe" + t.encode("utf-16-le"), id="utf16-le-bom"),
    pytest.param(lambda t: b"\xfe\xff" + t.encode("utf-16-be"), id="utf16-be-bom"),
    pytest.param(lambda t: t.encode("utf-16-le"), id="utf16-le-no-bom"),
    pytest.param(lambda t: t.encode("utf-16-be"), id="utf16-be-no-bom"),
])
def test_utf16_files_are_read(tmp_path, data):
    text = good_text()
    path = tmp_path / "u16.txt"
    path.write_bytes(data(text))
    doc = read_document(path)
    assert doc.text == text and doc.encoding.startswith("utf-16") and doc.warning is None


def test_utf8_file_with_one_gbk_line_is_decoded_line_by_line(tmp_path):
    lines = good_text().splitlines()
    gbk_line = "乐陵市朱集镇王双志村合作社带动78户贫困户增收。"
    data = "\n".join(lines[:5]).encode("utf-8") + b"\n" + gbk_line.encode("gbk") + b"\n" + \
        "\n".join(lines[5:]).encode("utf-8")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == "\n".join([*lines[:5], gbk_line, *lines[5:]])
    assert doc.encoding == "utf-8" and "mixed encodings" in doc.warning and "line 6" in doc.warning


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_html_is_read(tmp_path, depth):
    body = "<p>乐陵市朱集镇王双志村党支部领办合作社，流转土地1260亩，带动78户贫困户增收。</p>"
    html = ("<html><head><title>深层页面</title></head><body>" + "<div>" * depth + body
            + "</div>" * depth + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path)
    assert "流转土地1260亩" in doc.text


def test_html_without_text_says_so_even_when_deep(tmp_path):
    from extract.read.ingest import IngestError

    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 400 + "</div>" * 400 + "</body></html>", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "levels deep" in info.value.reason and int(info.value.reason.split()[3]) >= 400


def test_cr_only_line_ends_keep_the_title(nlp, tmp_path):
    text = good_text()
    src = tmp_path / "in"
    src.mkdir()
    (src / "mac.txt").write_bytes(text.replace("\n", "\r").encode("utf-8"))
    (src / "unix.txt").write_bytes(text.encode("utf-8"))
    run(src, tmp_path / "out", nlp, use_cache=False)
    docs = {d["doc_id"]: d for d in jsonl(tmp_path / "out" / "documents.jsonl") if d["article_id"].endswith("-0")}
    assert docs["mac"]["title"] == docs["unix"]["title"] is not None
    assert docs["mac"]["article_text"] == docs["unix"]["article_text"]


# --- 15: every file not read is an error row; any depth ----------------------------------------

def remove_tree(path: Path) -> None:
    import subprocess

    subprocess.run(["rm", "-rf", str(path)], check=True)  # shutil.rmtree recurses: not at this depth


def test_the_walk_goes_deeper_than_python_recursion(tmp_path):
    from extract.read.ingest import doc_id_of, scan

    root = folder = tmp_path / "deep"
    root.mkdir()
    for _ in range(1100):  # Path.mkdir(parents=True) recurses: one level at a time
        folder = folder / "d"
        os.mkdir(folder)
    (folder / "bottom.txt").write_text(good_text(), encoding="utf-8")
    try:
        found = scan(root)
        assert found.files == [folder / "bottom.txt"] and not found.errors
        assert doc_id_of(found.files[0], root) == "d/" * 1100 + "bottom"
    finally:
        remove_tree(root)


def test_paths_too_long_to_open_are_error_rows(tmp_path):
    from extract.read.ingest import scan

    root = tmp_path / "long"
    root.mkdir()
    (root / "top.txt").write_text(good_text(), encoding="utf-8")
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(30):  # 30 x 201 bytes: beyond PATH_MAX (4096)
            os.mkdir("x" * 200, dir_fd=fd)
            inner = os.open("x" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        os.close(os.open("lost.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    finally:
        os.close(fd)
    try:
        found = scan(root)
        assert found.files == [root / "top.txt"]
        assert len(found.errors) == 1 and "folder not read" in found.errors[0].reason
        assert "too long" in found.errors[0].reason.lower()
    finally:
        remove_tree(root)


def test_unreadable_folder_is_an_error_row(nlp, tmp_path, monkeypatch):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "good.txt").write_text(good_text(), encoding="utf-8")
    (src / "locked" / "hidden.txt").write_text(good_text(), encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # chmod 0 does not stop root: fail the way it would for a user
        if not isinstance(path, int) and Path(path).name == "locked":  # rmtree scans by descriptor
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = run(src, tmp_path / "out", nlp, use_cache=False)
    assert summary.documents == 1
    errors = jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(Path(e["path"]).name, e["reason"]) for e in errors] == [("locked", "folder not read: Permission denied")]


# --- 16: one line naming the problem, the documented exit code ---------------------------------

@pytest.mark.parametrize("content, words", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"doc_id": "x", "amounts": {"text": "5元"}}', "'amounts' must be a list"),
    ('{"doc_id": "x", "amounts": [1]}', "'amounts' must be a list of objects"),
])
def test_eval_names_a_bad_gold_file(tmp_path, content, words):
    gold, out = tmp_path / "gold", tmp_path / "out"
    gold.mkdir()
    out.mkdir()
    (out / "documents.jsonl").write_text("", encoding="utf-8")
    shutil.copy(FIXTURES / "seeds" / "gold" / "000_7ae1732cb7fd648e.json", gold)
    (gold / "broken.json").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "broken.json" in result.output and words in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("value", ["abc", "-5", "0", "inf", "nan", ""])
def test_a_bad_max_file_size_is_one_line_and_exit_4(tmp_path, monkeypatch, value):
    monkeypatch.setenv("EXTRACT_MAX_FILE_MB", value)
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out")])
    assert result.exit_code == 4, result.output
    assert "EXTRACT_MAX_FILE_MB" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [
    ["run", str(SEEDS), "--bogus"],
    ["run"],
    ["run", str(SEEDS), "--jobs", "-1"],
    ["run", str(SEEDS), "--jobs", "many"],
    ["no-such-command"],
    ["eval"],
])
def test_usage_errors_exit_4_as_documented(args):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 4, result.output
