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
    shutil.copytree(FIXTURES / "dev" / "raw", root / "dev" / "raw")
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
    assert info["arguments"]["scheduler"] == cluster and info["counts"]["documents"] == 25
    assert not list((tmp_path / ".dask.runs").glob("*.store")), "the run's private store is removed"
    store = (tmp_path / "store").as_uri()  # an fsspec URL, as object storage would be
    done = extract_cli("run", str(corpus), "--out", str(tmp_path / "via-url"), "--scheduler", cluster,
                       env={**os.environ, "EXTRACT_CACHE_DIR": store})
    assert done.returncode == 0, done.stderr
    assert files_of(tmp_path / "via-url") == files_of(serial_out)
    assert len(list((tmp_path / "store").rglob("*.json"))) == 25, "the workers wrote every entry"


def test_rerun_reprocesses_only_changed_files_and_matches_a_clean_run(nlp, tmp_path):
    corpus, out, clean = tmp_path / "in", tmp_path / "out", tmp_path / "clean"
    shutil.copytree(SEEDS, corpus)
    first = run(corpus, out, nlp)
    assert first.cached == 0
    again = run(corpus, out, nlp)
    assert again.cached == 5, "unchanged files come from the cache"
    changed = corpus / "004_3d712fba48472300.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("2360万元", "2460万元"), encoding="utf-8")
    shutil.copy(FIXTURES / "dev" / "raw" / "d03.txt", corpus / "d03.txt")
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
    return {"empty.txt": "empty", "image.txt": "binary", "archive.htm": "binary", "nul.txt": "binary",
            "huge.txt": "limit", "pipe.txt": "not a regular file"}


def test_hostile_corpus_loses_nothing_and_stays_bounded(tmp_path):
    bad = hostile_corpus(tmp_path / "in")
    out = tmp_path / "out"
    done = extract_cli("run", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", timeout=900)
    assert done.returncode == 0, done.stderr
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2_500_000, "peak RSS above 2.5 GB"
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    doc_ids = {d["doc_id"] for d in docs}
    assert {"good", "gbk", "big5", "broken", "one_line", "bad\ufffd\ufffdname"} <= doc_ids
    errors = {Path(e["path"]).name: e for e in
              map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())}
    for name, words in bad.items():
        assert name in errors and errors[name]["skipped"], f"{name} not reported: {sorted(errors)}"
        assert words in errors[name]["reason"], errors[name]
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
    for i in range(40):
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
