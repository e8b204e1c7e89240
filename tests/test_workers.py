"""Worker processes: batches of consecutive files, tables streamed in document order as files
finish, and a main process that loads no pipeline and does no per-row work."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from extract.output.stream import Serialised
from extract.run.corpus import InOrder
from extract.run.executors import BATCH_BYTES, BATCH_FILES, BATCHES_PER_WORKER, batches

SEEDS = Path(__file__).parent / "fixtures" / "seeds" / "raw"


def test_batches_are_consecutive_bounded_and_shrink_towards_the_end(tmp_path):
    paths = []
    for i in range(400):
        path = tmp_path / f"{i:03d}.txt"
        path.write_bytes(b"x" * (5_000 if i % 3 else 20_000))
        paths.append(os.fsencode(path))
    work = batches(paths, jobs=2)
    assert [p for batch in work for p in batch] == paths, "every file once, in the order given"
    sizes = [sum(os.stat(p).st_size for p in batch) for batch in work]
    assert all(len(b) <= BATCH_FILES and (s <= BATCH_BYTES or len(b) == 1) for b, s in zip(work, sizes))
    assert len(work) >= 2 * BATCHES_PER_WORKER
    assert sizes[-1] <= sum(sizes) // 16 and sizes[-1] < max(sizes), "the last batches are short"
    assert batches([], jobs=2) == []


class _Tables:
    def __init__(self):
        self.written = []

    def extend(self, name, part):
        self.written.append(part.jsonl)


class _Store:
    def tables(self, key):
        return {"amounts": Serialised(1, f"{key}\n", "")}


def test_each_file_is_written_as_soon_as_every_file_before_it_is_done():
    tables = _Tables()
    merge = InOrder(_Store(), tables)
    merge.finished(2, "key-c")
    assert tables.written == [], "file 2 waits for files 0 and 1"
    merge.finished(0, "key-a")
    assert tables.written == ["key-a\n"], "file 0 is written at once"
    merge.finished(1, None)  # a file without rows (an error row only)
    assert tables.written == ["key-a\n", "key-c\n"] and merge.ahead == {}, "nothing held once written"
    merge.finished(3, "key-d")
    assert tables.written == ["key-a\n", "key-c\n", "key-d\n"]


def test_the_main_process_of_a_two_worker_run_loads_no_pipeline_and_workers_reuse_the_store(tmp_path):
    """Workers look files up in the store and process them; the main process only streams."""
    code = ("import json, sys\n"
            "from pathlib import Path\n"
            "from extract.run.corpus import run\n"
            "if __name__ == '__main__':\n"
            "    first = run(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2)\n"
            "    again = run(Path(sys.argv[1]), Path(sys.argv[3]), jobs=2)\n"
            "    print(json.dumps([first.documents, first.cached, again.cached, first.cpu_workers > 0,\n"
            "                      'spacy' in sys.modules]))\n")
    script = tmp_path / "two.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "EXTRACT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, str(script), str(SEEDS), str(tmp_path / "a"), str(tmp_path / "b")],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [5, 0, 5, True, False]
    for name in ("documents.jsonl", "amounts.csv", "errors.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
