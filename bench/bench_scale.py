"""Scale benchmark: `extract run` at several corpus sizes and --jobs, next to pkuseg alone on the
same text, with the seconds of every stage.

    .venv/bin/python bench/bench_scale.py --sizes 1,10 --reps 3 --stages 1,10 --pkuseg 1,10
    .venv/bin/python bench/bench_scale.py --sizes 1000 --reps 1 --stages 1000   # ~1 h on 2 cores
    .venv/bin/python bench/bench_scale.py --write                               # RESULTS.md only

Corpus: the seeds copied into site/year folders until N MB of text (UTF-8 bytes). Each run is a
real `extract run CORPUS --jobs N --no-cache` in a fresh process: wall time from its start to its
exit (interpreter start, worker start-up, model load included), peak RSS of the largest process,
the CPU of the main process and of its workers (run.json, getrusage), and the CPU that *other*
processes on the machine used meanwhile (/proc/stat less the run's own) — a machine shared with
others makes a run slower, and this says by how much it was disturbed. With --reps R each run is
made R times (interleaving --jobs) and the fastest kept (also against one already recorded). The stage times come from a --jobs 1 run
with a timer around each stage (bench/stages.py); from --stages sizes upwards that run is the
--jobs 1 run. Results accumulate in bench/results.json; bench/RESULTS.md is rendered from it
(the text after its `<!-- notes -->` line is kept). Not a test: numbers belong to the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from bench_run import pkuseg_seconds  # noqa: E402  (shared with the one-run benchmark)

EXTRACT = Path(sys.executable).with_name("extract")
STAGES = Path(__file__).with_name("stages.py")
RECORD = Path(__file__).with_name("results.json")
RESULTS = Path(__file__).with_name("RESULTS.md")
NOTES = "<!-- notes -->"
# A fresh process runs the command and reports its wall time, the peak RSS and CPU of its
# process tree, and the busy CPU of the whole machine meanwhile.
MEASURE = ("import resource, subprocess, sys, time\n"
           "def busy():\n"
           "    f = open('/proc/stat').readline().split()\n"
           "    return sum(map(int, f[1:4] + f[6:8])) / 100\n"
           "b, t = busy(), time.perf_counter()\n"
           "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
           "t, b = time.perf_counter() - t, busy() - b\n"
           "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(t, r.ru_maxrss, r.ru_utime + r.ru_stime, b)\n")


def crawl_corpus(seeds: Path, into: Path, megabytes: float) -> int:
    """Copies of the seeds in site/year folders, until `megabytes` of text (UTF-8 bytes)."""
    files = sorted(seeds.glob("*.txt"))
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        src = files[n % len(files)]
        folder = into / f"site{n % 7}" / str(2015 + n % 6)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, folder / f"{src.stem}_{n:06d}.txt")
        size += src.stat().st_size
        n += 1
    return n


def run_once(corpus: Path, out: Path, jobs: int, stages: Path | None = None, keep: bool = False) -> dict:
    """One `extract run --no-cache` (through bench/stages.py when `stages` is a path for its
    timings): wall seconds, peak RSS (MB) of the largest process, others' CPU, run.json's counts.
    The tables are removed unless `keep`."""
    command = [sys.executable, str(STAGES)] if stages else [str(EXTRACT)]
    env = {**os.environ, "BENCH_STAGES": str(stages)} if stages else None
    done = subprocess.run([sys.executable, "-c", MEASURE, *command, "run", str(corpus), "--out", str(out),
                           "--jobs", str(jobs), "--no-cache"], check=True, capture_output=True, text=True, env=env)
    seconds, rss_kb, own_cpu, busy = map(float, done.stdout.split())
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    result = {**counts, "run_seconds": counts["seconds"], "seconds": seconds, "rss": int(rss_kb) // 1024,
              "others_cpu": max(0.0, busy - own_cpu), "when": time.strftime("%Y-%m-%d %H:%M")}
    if stages:
        result["stages"] = json.loads(stages.read_text(encoding="utf-8"))
    if not keep:  # GBs at 1 GB of text
        shutil.rmtree(out.parent / f".{out.name}.runs", ignore_errors=True)
        out.unlink(missing_ok=True)
    return result


def record(path: Path, keys: list[str], value) -> None:
    """Sets results[keys...] = value in the JSON file at `path` (written whole, then renamed)."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    data["machine"] = machine()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def measure(mb: float, corpus: Path, tmp: Path, args) -> None:
    """Every run at one size, each kept in the record as soon as it is made."""
    timed = mb in args.stages
    jobs = [j for j in args.jobs if not (timed and mb >= args.timed_from and j == 1)]  # the timed run is --jobs 1
    for rep in range(args.reps):
        for j in jobs:
            result = run_once(corpus, tmp / f"out{j}", j)
            print(f"{mb:g} MB --jobs {j} rep {rep + 1}: {result['seconds']:.1f} s, others' CPU "
                  f"{result['others_cpu']:.1f} s", flush=True)
            best = _recorded(args.record, ["sizes", f"{mb:g}", "runs", str(j)])
            if not best or result["seconds"] < best["seconds"]:  # the fastest, over earlier invocations too
                record(args.record, ["sizes", f"{mb:g}", "runs", str(j)], result)
    if timed:
        result = run_once(corpus, tmp / "timed", 1, stages=tmp / "stages.json")
        record(args.record, ["sizes", f"{mb:g}", "timed"], result)
        print(f"{mb:g} MB timed --jobs 1: {result['seconds']:.1f} s", flush=True)
    if mb in args.pkuseg:
        record(args.record, ["sizes", f"{mb:g}", "pkuseg"], pkuseg_alone(corpus))


def pkuseg_alone(corpus: Path) -> float:
    """Seconds of pkuseg segmentation alone over the cleaned article texts the pipeline reads."""
    from extract.read.articles import split_articles
    from extract.read.clean import clean_page
    from extract.read.ingest import read_document, scan

    texts = []
    for path in scan(corpus).files:
        raw = read_document(path, corpus)
        texts += [a.text for a in split_articles(clean_page(raw.text), raw.doc_id) if a.text.strip()]
    seconds = pkuseg_seconds(texts)
    if seconds is None:
        raise SystemExit("pkuseg alone needs its model: run `extract fetch-model` first")
    return seconds


def _recorded(path: Path, keys: list[str]):
    node = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for key in keys:
        node = node.get(key, {})
    return node


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10", help="megabytes of text, comma-separated")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--reps", type=int, default=3, help="runs of each --jobs per size; the fastest is kept")
    ap.add_argument("--stages", default="1,10", help="sizes to time stage by stage (a --jobs 1 run)")
    ap.add_argument("--timed-from", type=float, default=1000, help="from this size the timed run is the --jobs 1 run")
    ap.add_argument("--pkuseg", default="1,10", help="sizes to time pkuseg alone on (~40k chars/s)")
    ap.add_argument("--corpus", type=Path, help="an existing corpus for the (one) size given, instead of a new one")
    ap.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--out", type=Path, default=RESULTS, help="the Markdown rendered from the record")
    ap.add_argument("--write", action="store_true", help="only render --out from the record")
    args = ap.parse_args()
    floats = lambda text: [float(x) for x in text.split(",") if x]  # noqa: E731
    args.stages, args.pkuseg, args.jobs = floats(args.stages), floats(args.pkuseg), [int(j) for j in args.jobs.split(",")]
    os.environ.setdefault("EXTRACT_CACHE_DIR", tempfile.mkdtemp(prefix="bench-cache-"))
    for mb in ([] if args.write else floats(args.sizes)):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            corpus = args.corpus or Path(tmp) / "in"
            if args.corpus is None:
                crawl_corpus(args.seeds, corpus, mb)
            measure(mb, corpus, Path(tmp), args)
    from bench_render import render  # noqa: E402

    render(args.record, args.out)
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
