"""bench/RESULTS.md from bench/results.json (written by bench_scale.py and bench_files.py); the
text after the `<!-- notes -->` line of the existing RESULTS.md is kept."""
from __future__ import annotations

import json
from pathlib import Path

NOTES = "<!-- notes -->"


def render(record: Path, results: Path) -> None:
    data = json.loads(record.read_text(encoding="utf-8"))
    sizes = sorted(data.get("sizes", {}).items(), key=lambda kv: float(kv[0]))
    kept = results.read_text(encoding="utf-8").split(NOTES, 1)[1] if results.exists() and NOTES in \
        results.read_text(encoding="utf-8") else "\n"
    lines = [f"# Scale benchmark", "", f"Machine: {data.get('machine', '?')}. Produced by `bench/bench_scale.py` "
             "and `bench/bench_files.py` (`bench/results.json` holds every figure, with when it was taken).", "",
             *_runs(sizes), *_ratios(sizes), *_memory(sizes), *_stages(sizes), *_files(data.get("files", {})), NOTES]
    results.write_text("\n".join(lines) + kept, encoding="utf-8")


def _jobs1(size: dict) -> dict | None:
    """The --jobs 1 run of a size: the plain one, else the timed one."""
    return size.get("runs", {}).get("1") or size.get("timed")


def _runs(sizes) -> list[str]:
    lines = ["## Runs", "",
             "`extract run CORPUS --jobs N --no-cache` on the seeds copied into site/year folders, in a fresh "
             "process; wall time from its start to its exit. Peak RSS: the largest process. CPU: run.json's "
             "getrusage of the main process and of its reaped workers. Others' CPU: what other processes on "
             "the machine used during the run (it was shared); the fastest of the repetitions is shown. "
             "pkuseg alone: pkuseg segmentation (the design's word layer) of the same cleaned text in a process "
             "of its own, model loaded; the pipeline itself cuts characters. (timed): the run of bench/stages.py, "
             "a timer around every stage.", "",
             "| text | files | chars | jobs | wall s | chars/s | peak RSS MB | main CPU s | workers CPU s | "
             "main / workers | others' CPU s | ÷ pkuseg alone |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for mb, size in sizes:
        seg = size.get("pkuseg")
        runs = sorted(size.get("runs", {}).items())
        if "1" not in size.get("runs", {}) and size.get("timed"):
            runs = [("1 (timed)", size["timed"])] + runs
        for jobs, r in runs:
            workers = r.get("cpu_workers") or 0.0
            share = f"1/{workers / r['cpu_parent']:.0f}" if workers and r["cpu_parent"] else "—"
            speed = r["chars"] / r["seconds"]
            lines.append(f"| {mb} MB | {r['files']:,} | {r['chars']:,} | {jobs} | {r['seconds']:.1f} | {speed:,.0f} | "
                         f"{r['rss']} | {r['cpu_parent']:.1f} | {workers:.1f} | {share} | {r['others_cpu']:.1f} | "
                         f"{speed / (r['chars'] / seg):.2f}x |" if seg else
                         f"| {mb} MB | {r['files']:,} | {r['chars']:,} | {jobs} | {r['seconds']:.1f} | {speed:,.0f} | "
                         f"{r['rss']} | {r['cpu_parent']:.1f} | {workers:.1f} | {share} | {r['others_cpu']:.1f} | — |")
        if seg:
            chars = next(iter(size["runs"].values()))["chars"]
            lines.append(f"| {mb} MB | | | pkuseg alone | {seg:.1f} | {chars / seg:,.0f} | | | | | | 1.00x |")
    return lines + [""]


def _ratios(sizes) -> list[str]:
    lines = ["## --jobs 2 against --jobs 1 (goal: 1.8x the chars/s)", "",
             "| text | --jobs 1 chars/s | --jobs 2 chars/s | ratio | main CPU / workers CPU at --jobs 2 (goal < 1/16) |",
             "|---|---|---|---|---|"]
    for mb, size in sizes:
        one, two = _jobs1(size), size.get("runs", {}).get("2")
        if one and two:
            a, b = one["chars"] / one["seconds"], two["chars"] / two["seconds"]
            lines.append(f"| {mb} MB | {a:,.0f} | {b:,.0f} | {b / a:.2f}x | 1/{two['cpu_workers'] / two['cpu_parent']:.0f} |")
    return lines + [""]


def _memory(sizes) -> list[str]:
    lines = ["## Memory at --jobs 1 (goal: at most 50 MB more at 10x the input)", "",
             "| text | files | peak RSS MB | against 1/10 of the input |", "|---|---|---|---|"]
    rss = {float(mb): _jobs1(size) for mb, size in sizes if _jobs1(size)}
    for mb, r in sorted(rss.items()):
        tenth = rss.get(mb / 10)
        more = f"{r['rss'] - tenth['rss']:+d} MB" if tenth else "—"
        lines.append(f"| {mb:g} MB | {r['files']:,} | {r['rss']} | {more} |")
    return lines + [""]


def _stages(sizes) -> list[str]:
    timed = [(mb, size["timed"]) for mb, size in sizes if size.get("timed")]
    if not timed:
        return []
    names = list(dict.fromkeys(name for _, t in timed for name in t["stages"]))
    lines = ["## Seconds per stage (--jobs 1, one process; bench/stages.py)", "",
             "| stage | " + " | ".join(f"{mb} MB" for mb, _ in timed) + " |", "|---|" + "---|" * len(timed)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{t['stages'].get(name, 0):.2f}" for _, t in timed) + " |")
    lines.append("| whole run (wall, process start to exit) | " + " | ".join(f"{t['seconds']:.2f}" for _, t in timed) + " |")
    return lines + [""]


def _files(files: dict) -> list[str]:
    if not files:
        return []
    lines = ["## Many small files (bench/bench_files.py)", "",
             "A crawl-shaped corpus: nested site/year/month/folder directories, an `index.html` in every folder "
             "beside `.shtml`, `.htm` and `.txt` pages, an empty and a binary page every 1,000 files, images in "
             "some folders (not taken). Every file taken must become a document or a skipped error row.", "",
             "| files | jobs | wall s | files/s | peak RSS MB | main CPU s | workers CPU s | main / workers | "
             "others' CPU s | files with documents | files with error rows | every file accounted |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for n, runs in sorted(files.items(), key=lambda kv: int(kv[0])):
        for jobs, r in sorted(runs.items()):
            workers = r.get("cpu_workers") or 0.0
            share = f"1/{workers / r['cpu_parent']:.0f}" if workers and r["cpu_parent"] else "—"
            lines.append(f"| {int(n):,} | {jobs} | {r['seconds']:.1f} | {int(n) / r['seconds']:,.0f} | {r['rss']} | "
                         f"{r['cpu_parent']:.1f} | {workers:.1f} | {share} | {r['others_cpu']:.1f} | "
                         f"{r['documents_files']:,} | {r['error_files']:,} | {'yes' if r['every_file_accounted'] else 'NO'} |")
    return lines + [""]
