"""Scale benchmark: `extract run` on 1, 4 and 16 MB of text at --jobs 1 and --jobs 2, next to
pkuseg segmentation alone on the same text; writes bench/RESULTS.md.

    .venv/bin/python bench/bench_scale.py [--sizes 1,4,16] [--jobs 1,2]

Corpora are the seeds replicated with varied doc ids; runs use --no-cache so every file is
processed. Wall times include starting the workers and loading the model (~5 s each).
Not a test: the numbers belong to the machine they were taken on.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_run import ROOT, replicate

EXTRACT = Path(sys.executable).with_name("extract")


def run_once(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    """(wall seconds, peak RSS of the largest process in MB) of one `extract run`."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", script, str(EXTRACT), "run", str(corpus), "--out", str(out),
                           "--jobs", str(jobs), "--no-cache"], check=True, capture_output=True, text=True)
    seconds, rss_kb = done.stdout.split()
    return float(seconds), int(rss_kb) // 1024


def pkuseg_alone(texts: list[str]) -> float:
    from extract.nlp import pipeline as nlp_module

    tokenizer = nlp_module.load().tokenizer
    started = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return time.perf_counter() - started


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,4,16", help="corpus sizes in MB of UTF-8 text")
    ap.add_argument("--jobs", default="1,2", help="worker counts to compare")
    ap.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    rows = []
    for mb in map(float, args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "in"
            corpus.mkdir()
            files = replicate(args.seeds, corpus, mb)
            timings = {}
            for jobs in map(int, args.jobs.split(",")):
                timings[jobs] = run_once(corpus, Path(tmp) / f"out{jobs}", jobs)
            out = Path(tmp) / f"out{jobs}"
            texts = [json.loads(line)["article_text"] for line in (out / "documents.jsonl").open(encoding="utf-8")]
        chars = sum(map(len, texts))
        seg = pkuseg_alone(texts)
        rows.append((mb, files, chars, seg, timings))
        print(f"{mb:g} MB done", flush=True)
    write_results(args.out, rows)
    print(args.out.read_text(encoding="utf-8"))


def write_results(path: Path, rows) -> None:
    jobs_list = sorted(rows[0][4])
    lines = [f"# Scale benchmark ({time.strftime('%Y-%m-%d')})", "",
             f"Machine: {machine()}.", "",
             "`extract run CORPUS --jobs N --no-cache`, wall time including worker start-up and model "
             "load; pkuseg alone = the Chinese tokenizer of the same pipeline on the same cleaned text in one "
             "process, model already loaded. RSS = peak of the largest process (one worker, or the single "
             "process at --jobs 1).", "",
             "| text | files | chars | pkuseg alone chars/s | "
             + " | ".join(f"--jobs {j} s | --jobs {j} chars/s | --jobs {j} peak RSS MB" for j in jobs_list)
             + " | jobs 1 / pkuseg | jobs 2 / jobs 1 |",
             "|" + "---|" * (5 + 3 * len(jobs_list) + 1)]
    for mb, files, chars, seg, timings in rows:
        cells = [f"{mb:g} MB", str(files), f"{chars:,}", f"{chars / seg:,.0f}"]
        for j in jobs_list:
            seconds, rss = timings[j]
            cells += [f"{seconds:.1f}", f"{chars / seconds:,.0f}", str(rss)]
        t1 = timings[jobs_list[0]][0]
        ratio = (t1 / timings[jobs_list[-1]][0]) if len(jobs_list) > 1 else 1.0
        cells += [f"{(chars / t1) / (chars / seg):.2f}x", f"{ratio:.2f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    first, last = rows[0], rows[-1]
    scale = last[0] / first[0]
    for j in jobs_list:
        lines.append("")
        lines.append(f"Linearity at --jobs {j}: {last[0]:g} MB took {last[4][j][0]:.1f} s = "
                     f"{last[4][j][0] / (scale * first[4][j][0]):.2f}x of {scale:g} x the {first[0]:g} MB time.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
