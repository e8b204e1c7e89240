"""Scale benchmark: `extract run` at several corpus sizes and --jobs, next to pkuseg alone on the
same text; writes bench/RESULTS.md.

    .venv/bin/python bench/bench_scale.py [--sizes 1,10] [--jobs 1,2] [--stages 1,10]

For each size: a crawl-shaped corpus (the seeds replicated into nested site/year folders with
distinct names), one `extract run --no-cache` per --jobs value (wall time, chars/s, peak RSS
of the largest process, and from run.json the parent's CPU seconds against its workers'),
pkuseg segmentation alone on the same cleaned text, and (for the --stages sizes) seconds per
stage: read+clean+split, the pkuseg tokenizer and each spaCy component, writing the tables.
Not a test: the numbers belong to the machine they were taken on.
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
from bench_run import pkuseg_seconds, time_stages  # noqa: E402  (shared with the one-run benchmark)
EXTRACT = Path(sys.executable).with_name("extract")


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


def run_once(corpus: Path, out: Path, jobs: int) -> dict:
    """Wall seconds, peak RSS (MB) of the largest process, and run.json's counts."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", script, str(EXTRACT), "run", str(corpus), "--out", str(out),
                           "--jobs", str(jobs), "--no-cache"], check=True, capture_output=True, text=True)
    seconds, rss_kb = done.stdout.split()
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    return {"seconds": float(seconds), "rss": int(rss_kb) // 1024, **counts}


def stage_times(corpus: Path, out: Path) -> dict[str, float]:
    """Seconds per stage over the corpus, in this process (model already loaded)."""
    from extract.nlp import pipeline as nlp_module
    from extract.read.articles import split_articles
    from extract.read.clean import clean_page
    from extract.read.ingest import iter_files, read_document
    from extract.run.corpus import run

    nlp = nlp_module.load()
    t = time.perf_counter()
    texts = []
    for path in iter_files(corpus):
        raw = read_document(path)
        texts += [a.text for a in split_articles(clean_page(raw.text), raw.doc_id) if a.text.strip()]
    times = {"read + clean + split articles": time.perf_counter() - t}
    times.update(time_stages(texts))  # the tokenizer and each component
    run(corpus, out, nlp, use_cache=True)  # fills the store
    t = time.perf_counter()
    run(corpus, out, nlp, use_cache=True)  # every file from the store: lookup + streaming the tables
    times["store lookup + stream tables (all cached)"] = time.perf_counter() - t
    return times


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10", help="megabytes of text, comma-separated")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--stages", default="1,10", help="sizes to time stage by stage")
    ap.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    os.environ.setdefault("EXTRACT_CACHE_DIR", tempfile.mkdtemp(prefix="bench-cache-"))
    stages_for = set(map(float, args.stages.split(","))) if args.stages else set()
    rows, stages = [], {}
    for mb in map(float, args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "in"
            files = crawl_corpus(args.seeds, corpus, mb)
            runs = {j: run_once(corpus, Path(tmp) / f"out{j}", j) for j in map(int, args.jobs.split(","))}
            texts = [json.loads(line)["article_text"]
                     for line in (Path(tmp) / f"out{min(runs)}" / "documents.jsonl").open(encoding="utf-8")]
            chars = sum(map(len, texts))
            seg = pkuseg_seconds(texts)
            if seg is None:
                raise SystemExit("pkuseg alone needs its model: run `extract fetch-model` first")
            del texts
            if mb in stages_for:
                stages[mb] = stage_times(corpus, Path(tmp) / "stages")
        rows.append((mb, files, chars, seg, runs))
        print(f"{mb:g} MB done: {runs}", flush=True)
    write_results(args.out, rows, stages)
    print(args.out.read_text(encoding="utf-8"))


def write_results(path: Path, rows, stages) -> None:
    jobs_list = sorted(rows[0][4])
    lines = [f"# Scale benchmark ({time.strftime('%Y-%m-%d')})", "",
             f"Machine: {machine()}. Produced by `bench/bench_scale.py`.", "",
             "`extract run CORPUS --jobs N --no-cache` on a crawl-shaped corpus (the seeds copied into "
             "nested site/year folders), wall time including worker start-up and model load. pkuseg alone = "
             "pkuseg segmentation (the design's word layer, default model) of the same cleaned text in a process "
             "of its own, model loaded; the pipeline itself tokenizes characters. Peak RSS = the "
             "largest process (the single process at --jobs 1, else one worker or the parent). Parent CPU / "
             "workers CPU from run.json (getrusage of the parent and of its reaped workers).", "",
             "| text | files | chars | jobs | wall s | chars/s | peak RSS MB | parent CPU s | workers CPU s | "
             "parent / workers | chars/s ÷ pkuseg alone |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for mb, files, chars, seg, runs in rows:
        for j, r in sorted(runs.items()):
            workers = r.get("cpu_workers")
            share = f"1/{workers / r['cpu_parent']:.0f}" if j > 1 and workers and r["cpu_parent"] else "—"
            lines.append(f"| {mb:g} MB | {files} | {chars:,} | {j} | {r['seconds']:.1f} | {chars / r['seconds']:,.0f} "
                         f"| {r['rss']} | {r['cpu_parent']:.1f} | {workers:.1f} | {share} "
                         f"| {(chars / r['seconds']) / (chars / seg):.2f}x |")
        lines.append(f"| {mb:g} MB | | | pkuseg alone | {seg:.1f} | {chars / seg:,.0f} | | | | | 1.00x |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        lines += ["", f"Memory at --jobs 1: {first[4][1]['rss']} MB at {first[0]:g} MB of text, "
                      f"{last[4][1]['rss']} MB at {last[0]:g} MB ({last[0] / first[0]:g}x the input): "
                      f"{last[4][1]['rss'] - first[4][1]['rss']:+d} MB."]
    for mb, times in stages.items():
        lines += ["", f"Seconds per stage at {mb:g} MB (one process, model loaded):", "",
                  "| stage | s |", "|---|---|"]
        lines += [f"| {name} | {s:.2f} |" for name, s in times.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
