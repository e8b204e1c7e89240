"""Many small files: `extract run --jobs 1 --no-cache` on N tiny pages in nested folders, for the
per-file cost (the store writes one entry per file and streams them back) and the memory of
the main process as the number of files grows.

    .venv/bin/python bench/bench_files.py [--files 1000,10000]

Prints files, wall seconds, files/s and peak RSS per run. Not a test.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = Path(sys.executable).with_name("extract")


def sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt")))
    return [s for s in re.findall(r"[^。\n]{12,80}。", text)]


def tiny_corpus(into: Path, n: int) -> None:
    pool = sentences()
    for i in range(n):
        folder = into / f"site{i % 10}" / f"{2015 + i % 7}" / f"{i % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "".join(pool[(i * 3 + k) % len(pool)] for k in range(2))
        (folder / f"content_{i}.txt").write_text(f"第{i}期简讯\n{body}\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", default="1000,10000")
    args = ap.parse_args()
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    for n in map(int, args.files.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            tiny_corpus(Path(tmp) / "in", n)
            out = Path(tmp) / "out"
            done = subprocess.run([sys.executable, "-c", script, str(EXTRACT), "run", str(Path(tmp) / "in"),
                                   "--out", str(out), "--jobs", "1", "--no-cache"],
                                  check=True, capture_output=True, text=True)
            seconds, rss_kb = done.stdout.split()
            counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
            print(f"| {n:,} | {counts['documents']:,} | {counts['chars']:,} | {float(seconds):.1f} | "
                  f"{n / float(seconds):,.0f} | {int(rss_kb) // 1024} |", flush=True)


if __name__ == "__main__":
    main()
