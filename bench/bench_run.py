"""Benchmark: `extract run` on the seeds replicated to >= 1 MB of text, next to pkuseg alone.

    .venv/bin/python bench/bench_run.py [--mb 1] [--seeds data/raw]

Prints end-to-end chars/s and peak RSS of a real `extract run` (subprocess), pkuseg
segmentation alone on the same cleaned text, and the share of each pipeline component in
the spaCy stage. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def replicate(seeds: Path, into: Path, megabytes: float) -> int:
    """Copies of the seeds with varied doc ids until the corpus holds `megabytes` of text (UTF-8 bytes)."""
    files = sorted(seeds.glob("*.txt"))
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        src = files[n % len(files)]
        shutil.copy(src, into / f"{src.stem}_{n:05d}.txt")
        size += src.stat().st_size
        n += 1
    return n


def run_extract(corpus: Path, out: Path) -> tuple[float, float, int]:
    """(wall seconds, seconds after the model loaded, peak RSS in kB) of `extract run` as a user runs it."""
    exe = Path(sys.executable).with_name("extract")
    started = time.perf_counter()
    done = subprocess.run([str(exe), "run", str(corpus), "--out", str(out)], check=True, capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "200"})
    seconds = time.perf_counter() - started
    processing = float(re.search(r"chars in ([\d.]+) s", done.stderr).group(1))
    return seconds, processing, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def article_texts(out: Path) -> list[str]:
    import json

    return [json.loads(line)["article_text"] for line in (out / "documents.jsonl").open(encoding="utf-8")]


def pkuseg_seconds(texts: list[str]) -> float | None:
    """Seconds of pkuseg segmentation alone (the design's word layer) over the same texts, in a
    fresh process with the default model; None when the model is not fetched."""
    code = ("import json,sys,time,spacy_pkuseg\n"
            "from extract.nlp.segmenter import model_dir\n"
            "seg = spacy_pkuseg.pkuseg(model_name=str(model_dir()))\n"
            "texts = json.load(sys.stdin); t = time.perf_counter()\n"
            "[seg.cut(line) for text in texts for line in text.split('\\n') if line]\n"
            "print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True)
    return float(done.stdout) if done.returncode == 0 else None


def time_stages(texts: list[str]) -> dict[str, float]:
    """Seconds of the tokenizer in use and of each pipeline component over the same texts."""
    from extract.nlp import pipeline as nlp_module

    nlp = nlp_module.load()
    timings = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    timings[f"tokenizer ({nlp_module.segmenter()})"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        timings[name] = time.perf_counter() - started
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="megabytes of text to process")
    ap.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "in", Path(tmp) / "out"
        corpus.mkdir()
        files = replicate(args.seeds, corpus, args.mb)
        seconds, processing, rss_kb = run_extract(corpus, out)
        texts = article_texts(out)
    chars = sum(map(len, texts))
    timings = time_stages(texts)
    pkuseg = pkuseg_seconds(texts)
    print(f"corpus: {files} files, {chars:,} cleaned chars")
    print(f"extract run, wall:      {seconds:.1f} s, {chars / seconds:,.0f} chars/s, peak RSS {rss_kb / 1024:,.0f} MB")
    print(f"extract run, processing (after the pipeline load): {processing:.1f} s, {chars / processing:,.0f} chars/s")
    if pkuseg is None:
        print("pkuseg alone:           not measured (run `extract fetch-model` first)")
    else:
        print(f"pkuseg alone:           {pkuseg:.1f} s, {chars / pkuseg:,.0f} chars/s "
              f"(the whole run = {pkuseg / seconds:.2f}x pkuseg's throughput, wall clock)")
    spacy_total = sum(timings.values())
    print("spaCy stage by component (share of end-to-end time):")
    for name, t in timings.items():
        print(f"  {name:28} {t:6.2f} s  {100 * t / processing:5.1f}% of processing  "
              f"({100 * t / spacy_total:.1f}% of spaCy stage)")


if __name__ == "__main__":
    main()
