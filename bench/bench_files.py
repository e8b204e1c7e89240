"""Many small files, shaped like a crawl: N pages in nested site/year/month/folder directories,
one `index.html` in every folder beside `content_N.shtml`, `.htm` and `.txt` pages, an empty
page and a binary one every 1,000 files, and an image in some folders (not taken, counted).

    .venv/bin/python bench/bench_files.py [--files 1000,100000] [--jobs 1,2]

For each run: wall seconds, files/s, peak RSS, the main process's CPU against its workers', and
whether every file taken became a document or an error row. Results go into bench/results.json
(`bench_scale.py --write` renders bench/RESULTS.md from it). Not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from bench_scale import RECORD, record, run_once  # noqa: E402  (one way to run and measure)

FILES_PER_FOLDER = 10


def sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt")))
    return re.findall(r"[^。\n]{12,80}。", text)


def page(i: int, pool: list[str]) -> str:
    body = "".join(f"<p>{pool[(i * 3 + k) % len(pool)]}</p>" for k in range(2))
    return (f"<html><head><title>第{i}期简讯</title></head><body><div class=\"nav\">首页 | 新闻</div>"
            f"<div class=\"content\"><h1>第{i}期简讯</h1>{body}</div><div class=\"footer\">版权所有</div></body></html>")


def crawl(into: Path, n: int) -> int:
    """Writes n pages to take (and some images not to); returns how many of the n are bad."""
    pool, bad = sentences(), 0
    for i in range(n):
        f = i // FILES_PER_FOLDER
        folder = into / f"site{f % 20}" / str(2010 + (f // 20) % 13) / f"{(f // 260) % 12 + 1:02d}" / f"{f:05d}"
        kind = i % FILES_PER_FOLDER
        if kind == 0:
            folder.mkdir(parents=True, exist_ok=True)
            name = "index.html"
            if f % 100 == 0:
                (folder / "logo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
        else:
            name = {1: f"list_{i}.htm", 2: f"content_{i}.txt"}.get(kind, f"content_{i}.shtml")
        if i % 1000 == 999:
            (folder / name).write_bytes(b"")  # empty: an error row
            bad += 1
        elif i % 1000 == 499:
            (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))  # binary: an error row
            bad += 1
        elif kind == 2:
            (folder / name).write_text(f"第{i}期简讯\n{pool[i % len(pool)]}{pool[(i + 7) % len(pool)]}\n",
                                       encoding="utf-8")
        else:
            (folder / name).write_text(page(i, pool), encoding="utf-8")
    return bad


def accounted(out: Path, n: int) -> dict:
    """Files that became documents, files that became skipped error rows, and whether that is all n."""
    docs = {json.loads(line)["path"] for line in (out / "documents.jsonl").open(encoding="utf-8")}
    skipped = {e["path"] for e in map(json.loads, (out / "errors.jsonl").open(encoding="utf-8")) if e["skipped"]}
    return {"documents_files": len(docs), "error_files": len(skipped),
            "every_file_accounted": len(docs) + len(skipped) == n and not docs & skipped}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", default="1000,100000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--record", type=Path, default=RECORD)
    args = ap.parse_args()
    for n in map(int, args.files.split(",")):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            corpus = Path(tmp) / "in"
            bad = crawl(corpus, n)
            for jobs in map(int, args.jobs.split(",")):
                out = Path(tmp) / f"out{jobs}"
                result = {**run_once(corpus, out, jobs, keep=True), **accounted(out, n), "files": n, "bad": bad}
                record(args.record, ["files", str(n), str(jobs)], result)
                print(f"{n:,} files, --jobs {jobs}: {result['seconds']:.1f} s, {n / result['seconds']:,.0f} files/s, "
                      f"{result['rss']} MB, every file accounted: {result['every_file_accounted']}", flush=True)


if __name__ == "__main__":
    main()
