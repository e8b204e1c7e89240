"""Scale and reliability: workers, a Dask cluster, the result cache, a hostile corpus, crashes."""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DEV_RAW
from extract.run.corpus import run
from test_cluster import cluster  # noqa: F401  (`dask scheduler` + two `dask worker` processes)

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds" / "raw"
EXTRACT = Path(sys.executable).with_name("extract")


def extract_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXTRACT), *args], capture_output=True, text=True, **kwargs)


def files_of(out: Path) -> dict[str, bytes]:
    """The tables and errors.jsonl (run.json says how and when: it differs between runs)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "run.json"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and dev pages in nested folders."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    if DEV_RAW.is_dir():
        shutil.copytree(DEV_RAW, root / "dev" / "raw")
    return root


@pytest.fixture(scope="module")
def serial_out(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    done = extract_cli("run", str(corpus), "--out", str(out), "--jobs", "1", "--no-cache")
    assert done.returncode == 0, done.stderr
    return out


def test_two_workers_write_the_same_bytes_as_one(corpus, serial_out, tmp_path):
    done = extract_cli("run", str(corpus), "--out", str(tmp_path), "--jobs", "2", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert files_of(tmp_path) == files_of(serial_out)


def test_rows_are_ordered_by_doc_article_and_offset(serial_out):
    rows = [json.loads(line) for line in (serial_out / "amounts.jsonl").read_text(encoding="utf-8").splitlines()]
    keys = [(r["doc_id"], int(r["article_id"].rsplit("-", 1)[1]), r["start"]) for r in rows]
    assert len(keys) > 100 and keys == sorted(keys)


def test_two_dask_worker_processes_write_the_tables_of_a_local_run(cluster, corpus, serial_out, tmp_path):  # noqa: F811
    """Workers write each file's rows into the store; the client only streams the tables."""
    out = tmp_path / "dask"
    done = extract_cli("run", str(corpus), "--out", str(out), "--scheduler", cluster, "--no-cache")
    assert done.returncode == 0, done.stderr
    assert files_of(out) == files_of(serial_out) and len(files_of(out)) == 15
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["arguments"]["scheduler"] == cluster and info["counts"]["documents"] == len(list(corpus.rglob("*.txt")))
    assert not list((tmp_path / ".dask.runs").glob("*.store")), "the run's private store is removed"
    store = (tmp_path / "store").as_uri()  # an fsspec URL, as object storage would be
    done = extract_cli("run", str(corpus), "--out", str(tmp_path / "via-url"), "--scheduler", cluster,
                       env={**os.environ, "EXTRACT_CACHE_DIR": store})
    assert done.returncode == 0, done.stderr
    assert files_of(tmp_path / "via-url") == files_of(serial_out)
    assert len(list((tmp_path / "store").rglob("*.json"))) == len(list(corpus.rglob("*.txt"))), "the workers wrote every entry"


def test_rerun_reprocesses_only_changed_files_and_matches_a_clean_run(nlp, tmp_path):
    corpus, out, clean = tmp_path / "in", tmp_path / "out", tmp_path / "clean"
    shutil.copytree(SEEDS, corpus)
    first = run(corpus, out, nlp)
    assert first.cached == 0
    again = run(corpus, out, nlp)
    assert again.cached == 5, "unchanged files come from the cache"
    changed = corpus / "004_3d712fba48472300.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("2360万元", "2460万元"), encoding="utf-8")
    (corpus / "d03.txt").write_text("新增一篇:某村合作社分红3万元。", encoding="utf-8")
    third = run(corpus, out, nlp)
    assert (third.files, third.cached) == (6, 4), "only the changed and the new file are processed"
    run(corpus, clean, nlp, use_cache=False)
    assert files_of(out) == files_of(clean)
    amounts = (out / "amounts.jsonl").read_text(encoding="utf-8")
    assert '"value_yuan": 24600000.0' in amounts and '"value_yuan": 23600000.0' not in amounts


# --- a hostile corpus, generated here ---------------------------------------------------------

def hostile_corpus(root: Path) -> dict[str, str]:
    """Writes every kind of bad input next to good ones; returns {bad file name: reason words}."""
    good = (SEEDS / "000_7ae1732cb7fd648e.txt").read_text(encoding="utf-8")
    trad = (SEEDS / "001_da736f400649c7b9.txt").read_text(encoding="utf-8")
    root.mkdir()
    (root / "good.txt").write_text(good, encoding="utf-8")
    (root / "gbk.txt").write_bytes(good.encode("gbk"))
    (root / "big5.txt").write_bytes(trad[:2000].encode("big5", errors="ignore"))
    (root / "broken.html").write_text("<html><body><div><p>" + good[:3000] + "<p><b>未闭合的标签", encoding="utf-8")
    (root / "one_line.txt").write_text(good.replace("\n", "") * 700, encoding="utf-8")  # ~5 MB, one line
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (root / "archive.htm").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    (root / "nul.txt").write_bytes(good.encode("utf-8")[:300] + b"\x00" * 50 + b"tail")
    with (root / "huge.txt").open("wb") as fh:  # 50 MB
        block = good.encode("utf-8")
        for _ in range(50_000_000 // len(block) + 1):
            fh.write(block)
    os.mkfifo(root / "pipe.txt")  # a reader would block on it forever
    loop = root / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(root, target_is_directory=True)
    bad_name = os.fsencode(root) + b"/bad\xff\xfename.txt"
    with open(bad_name, "wb") as fh:
        fh.write(good.encode("utf-8"))
    # issue 13, round two
    (root / "colloquial.txt").write_text("产业园开工\n该项目总投资一亿五，年产值两亿三。\n", encoding="utf-8")  # 1
    (root / "stats.txt").write_text("各村收入统计\n" + "，".join(f"第{i}村收入{i % 90 + 1}万元" for i in range(4000))
                                    + "。\n", encoding="utf-8")  # 2: 4,000 clauses in one sentence
    (root / "run_on.txt").write_text("标题\n" + "3元" * 5000 + "\n", encoding="utf-8")  # 2: no break at all
    (root / "formula.txt").write_text('=HYPERLINK("http://evil.example","点此")\n@人民日报 某村合作社投资50万元。\n'
                                      "- 带动30户贫困户增收。\n", encoding="utf-8")  # 3
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密\n" + good, encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")  # 4
    (root / "machine").symlink_to("/", target_is_directory=True)  # 4: would walk the machine
    for name in ("乐陵新闻", "德州新闻"):  # 5: GBK bytes in names, as a Windows zip leaves them
        with open(os.fsencode(root) + b"/" + name.encode("gbk") + b".txt", "wb") as fh:
            fh.write(good.encode("utf-8"))
    for site in ("site1", "site2"):  # 5: a crawl's repeated index pages
        (root / site / "2021").mkdir(parents=True)
        (root / site / "2021" / "index.html").write_text(
            f"<html><body><article><p>{site}：{good[:800]}</p></article></body></html>", encoding="utf-8")
    (root / "site1" / "content_1.shtml").write_text(f"<html><body><p>{good[:800]}</p></body></html>", encoding="utf-8")
    (root / "site1" / "logo.png").write_bytes(b"\x89PNG\r\n")  # 5: not taken, counted
    (root / "numbers.txt").write_text("标题\n投资" + "9" * 400 + "元，带动9223372036854775808人。\n正常投资50万元。\n",
                                      encoding="utf-8")  # 13
    (root / "utf16.txt").write_bytes(b"\xff\xfe" + good.encode("utf-16-le"))  # 14
    lines = good.splitlines()
    (root / "mixed.txt").write_bytes("\n".join(lines[:4]).encode("utf-8") + b"\n" + lines[4].encode("gbk")
                                     + b"\n" + "\n".join(lines[5:]).encode("utf-8"))  # 14
    (root / "deep.html").write_text("<html><body>" + "<div>" * 3000 + f"<p>{good[:800]}</p>" + "</div>" * 3000
                                    + "</body></html>", encoding="utf-8")  # 14
    (root / "mac.txt").write_bytes(good.replace("\n", "\r").encode("utf-8"))  # 14
    folder = root / "nested"  # 15: deeper than Python's recursion limit
    os.mkdir(folder)
    for _ in range(1100):
        folder = folder / "d"
        os.mkdir(folder)
    (folder / "bottom.txt").write_text(good, encoding="utf-8")
    fd = os.open(root, os.O_RDONLY)  # 15: a path longer than PATH_MAX
    for _ in range(25):
        os.mkdir("x" * 200, dir_fd=fd)
        inner = os.open("x" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(os.open("lost.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    os.close(fd)
    return {"empty.txt": "empty", "image.txt": "binary", "archive.htm": "binary", "nul.txt": "binary",
            "huge.txt": "limit", "pipe.txt": "not a regular file", "leak.txt": "outside the input",
            "machine": "outside the input", "x" * 200: "too long"}


def test_hostile_corpus_loses_nothing_and_stays_bounded(tmp_path):
    try:
        _hostile_corpus_run(tmp_path)
    finally:  # pytest's own clean-up recurses and would fail on the 1,100-level folder
        subprocess.run(["rm", "-rf", str(tmp_path / "in")], check=True)


def _hostile_corpus_run(tmp_path):
    bad = hostile_corpus(tmp_path / "in")
    out = tmp_path / "out"
    done = extract_cli("run", str(tmp_path / "in"), "--out", str(out), "--jobs", "1",
                       "--format", "csv,jsonl,parquet", timeout=900)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2_500_000, "peak RSS above 2.5 GB"

    def strict(name):
        raise ValueError(f"{name} in JSONL")

    tables = {p.stem: [json.loads(line, parse_constant=strict) for line in p.read_text(encoding="utf-8").splitlines()]
              for p in out.glob("*.jsonl")}  # 13: always valid JSON
    docs = tables["documents"]
    doc_ids = {d["doc_id"] for d in docs}
    gbk_ids = {"".join(f"\\x{b:02x}" for b in name.encode("gbk")) for name in ("乐陵新闻", "德州新闻")}
    assert {"good", "gbk", "big5", "broken", "one_line", "bad\\xff\\xfename", "colloquial", "stats", "run_on",
            "formula", "numbers", "utf16", "mixed", "deep", "mac", "site1/2021/index", "site2/2021/index",
            "site1/content_1", "nested/" + "d/" * 1100 + "bottom", *gbk_ids} <= doc_ids  # 5, 14, 15
    assert not any("机密" in d["article_text"] or d["path"].startswith(("/etc", "/proc")) for d in docs)  # 4
    by_id = {d["doc_id"]: d for d in docs if d["article_id"].endswith("-0")}
    assert by_id["mac"]["title"] == by_id["good"]["title"] is not None  # 14
    assert by_id["utf16"]["article_text"] == by_id["good"]["article_text"]  # 14
    assert "not taken: 1 .png" in done.stderr  # 5
    all_errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = {Path(e["path"]).name: e for e in all_errors}
    for name, words in bad.items():
        assert name in errors and errors[name]["skipped"], f"{name} not reported: {sorted(errors)}"
        assert words in errors[name]["reason"], errors[name]
    assert "mixed encodings" in errors["mixed.txt"]["reason"] and not errors["mixed.txt"]["skipped"]  # 14
    assert sum("plausible" in e["reason"] for e in all_errors if e["path"].endswith("numbers.txt")) == 2  # 13
    assert [a["value_yuan"] for a in tables["amounts"] if a["doc_id"] == "numbers"] == [500_000]
    assert {a["text"]: a["value_yuan"] for a in tables["amounts"] if a["doc_id"] == "colloquial"} == {
        "一亿五": 150_000_000, "两亿三": 230_000_000}  # 1
    import pyarrow.parquet as pq

    assert pq.read_table(out / "amounts.parquet").num_rows == len(tables["amounts"])  # 13
    rows = [r for name, rs in tables.items() if name not in ("documents", "errors") for r in rs]
    assert all(len(r["sentence"]) <= 500 and r["text"] in r["sentence"] for r in rows)  # 2
    assert sum(1 for a in tables["amounts"] if a["doc_id"] == "stats") >= 4000
    import csv

    csv.field_size_limit(sys.maxsize)
    for table in out.glob("*.csv"):  # 2, 3: no cell over Excel's limit, none a formula
        with table.open(encoding="utf-8-sig", newline="") as fh:
            for cells in csv.reader(fh):
                assert all(len(c) <= 32_767 and c[:1] not in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert by_id["formula"]["title"].startswith("=HYPERLINK")  # 3: JSONL keeps the text
    one_line = next(d for d in docs if d["doc_id"] == "one_line")
    assert one_line["n_chars"] > 1_500_000, "the 5 MB line is processed whole, in pieces, not cut"
    amounts = [json.loads(line) for line in (out / "amounts.jsonl").read_text(encoding="utf-8").splitlines()]
    from_line = [a for a in amounts if a["doc_id"] == "one_line"]
    assert len(from_line) >= 700 * 5, "figures are found all along the long line"
    assert all(one_line["article_text"][a["start"]:a["end"]] == a["text"] for a in from_line)
    symlinked = [d for d in docs if "loop" in d["path"]]
    assert not symlinked or len(doc_ids) == len(docs), "a symlink loop is walked once"


def test_unreadable_file_is_reported(nlp, tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    locked = corpus / "locked.txt"
    shutil.copy(SEEDS / "000_7ae1732cb7fd648e.txt", locked)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail the way it would for a user
        real = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(
            PermissionError(13, "Permission denied")) if self.name == "locked.txt" else real(self))
    summary = run(corpus, tmp_path / "out", nlp, use_cache=False)
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert summary.documents == 5
    assert [e["reason"] for e in errors if e["path"].endswith("locked.txt")] == ["cannot read file: Permission denied"]


# --- interrupted runs -------------------------------------------------------------------------

@pytest.fixture()
def slow_corpus(tmp_path) -> Path:
    root = tmp_path / "slow"
    root.mkdir()
    for i in range(300):  # ~20 MB: minutes of work even at character-token speed
        for src in SEEDS.iterdir():
            shutil.copy(src, root / f"{src.stem}_{i:03d}.txt")
    return root


def start_run(corpus: Path, out: Path, jobs: int = 1) -> subprocess.Popen:
    return subprocess.Popen([str(EXTRACT), "run", str(corpus), "--out", str(out), "--jobs", str(jobs), "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_until_processing(proc: subprocess.Popen, out: Path, files: int = 2, limit: float = 120) -> None:
    """Until `files` files are in the run's store (the model is loaded and work is under way)."""
    store = out.parent / f".{out.name}.runs"
    deadline = time.monotonic() + limit
    while len(list(store.glob("*.store/*/*.json"))) < files:
        assert proc.poll() is None, "the run finished before it could be interrupted"
        assert time.monotonic() < deadline, "no file processed in time"
        time.sleep(0.1)
    assert proc.poll() is None, "the run finished before it could be interrupted"


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigkill_leaves_the_previous_tables_intact_and_no_worker_behind(nlp, slow_corpus, tmp_path):
    out = tmp_path / "out"
    assert run(SEEDS, out, nlp).documents == 5
    before = files_of(out)
    proc = start_run(slow_corpus, out, jobs=2)
    wait_until_processing(proc, out)
    workers = children_of(proc.pid)
    assert len(workers) >= 2, workers
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert files_of(out) == before
    deadline = time.monotonic() + 15
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if alive(w)], "workers outlived their killed parent"


def test_sigint_stops_cleanly_with_a_message(nlp, slow_corpus, tmp_path):
    out = tmp_path / "out"
    assert run(SEEDS, out, nlp).documents == 5
    before = files_of(out)
    proc = start_run(slow_corpus, out)
    wait_until_processing(proc, out)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert files_of(out) == before


def test_ctrl_c_to_the_process_group_stops_workers_too(slow_corpus, tmp_path):
    """Ctrl-C in a terminal signals the run and its workers: one message, no worker tracebacks."""
    out = tmp_path / "out"
    proc = start_run(slow_corpus, out, jobs=2)
    wait_until_processing(proc, out)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert stderr.count("interrupted") == 1 and "Traceback" not in stderr
    assert not out.exists() or not any(out.iterdir())
