"""Run the pipeline over a corpus and write the tables.

`run` applies `process.process_file` to every file under a folder — in this process, in worker
processes or on a Dask cluster (executors.py). Each file's rows go into the result store
(cache.py) as the file completes; this process keeps only each file's store key, and only
until the file's turn: files are handed out in document order (by doc_id), and each file's
rows are streamed from the store into the tables of a new run directory as soon as every file
before it is done (`InOrder`), while the workers go on. When all are written, the run
directory replaces the previous tables in one switch (output/folder.py). A run killed
half-way leaves the previous tables; the next run takes what finished from the store.
"""
from __future__ import annotations

import datetime as dt
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from ..models import TABLES, ErrorRow
from ..output.folder import OutputFolder, is_run_folder, write_run_json
from ..output.stream import PART_ROWS, TableStream, write_errors
from ..read.ingest import Selection, display_path, doc_id_of, scan
from .cache import ResultCache, pipeline_version
from .executors import local_workers, results


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    articles: int = 0
    chars: int = 0
    cached: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    cpu_parent: float = 0.0  # CPU seconds of this process
    cpu_workers: float | None = None  # CPU seconds of its worker processes (None on Dask)
    errors_path: Path | None = None
    kept_previous: bool = False  # nothing succeeded: the previous tables were kept
    first_error: str | None = None
    not_taken: dict[str, int] = field(default_factory=dict)  # files left out, by extension

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def input_files(root: Path, out: Path | None = None, found: list[Path] | None = None) -> list[Path]:
    """The files `run` reads under root (or of `found`, a walk already made): never a run's
    output (a folder holding our run.json, or the output folder's run directories), even when
    the output folder lies inside root."""
    runs = os.path.join(OutputFolder(out).runs.resolve(), "") if out is not None else None
    verdict: dict[str, bool] = {}
    real: dict[str, str] = {}

    def output(path: Path) -> bool:
        parent = os.path.dirname(path)
        for folder in (parent, os.path.dirname(parent)):
            if folder not in verdict:
                verdict[folder] = is_run_folder(Path(folder or "."))
            if verdict[folder]:
                return True
        if runs is None:
            return False
        if os.path.islink(path):  # a link may lead anywhere
            return os.path.realpath(path).startswith(runs)
        if parent not in real:  # else the file is where its folder really is: one realpath a folder
            real[parent] = os.path.realpath(parent or ".")
        return os.path.join(real[parent], "").startswith(runs)

    return [p for p in (scan(root).files if found is None else found) if not output(p)]


def run(root: Path, out: Path, nlp=None, *, jobs: int = 1, scheduler: str | None = None,
        use_cache: bool = True, formats: Sequence[str] = ("csv", "jsonl"),
        on_file: Callable[[str], None] | None = None, arguments: dict | None = None,
        selection: Selection = Selection(), parquet_rows: int = PART_ROWS) -> RunSummary:
    """Process every input file under root and write all tables and errors.jsonl into out.

    The tables replace the previous ones only once everything is written, all in one switch,
    and only when at least one document succeeded (else the previous ones stay). A Parquet
    table of more than `parquet_rows` rows is a folder of parts.
    """
    started, cpu0 = time.perf_counter(), _cpu()
    folder = OutputFolder(out)
    with folder:
        with local_workers(1 if scheduler else jobs) as pool:  # they load the pipeline while this process scans
            found = scan(root, selection)
            paths, errors = _unique_doc_ids(input_files(root, out, found.files), root)
            summary = RunSummary(files=len(paths) + len(errors), not_taken=dict(sorted(found.not_taken.items())))
            errors += found.errors
            del found
            store = ResultCache.for_run() if use_cache else ResultCache(folder.store)
            if use_cache and store.is_local and not _writable(store.folder):  # a read-only cache: this run's own store
                store, use_cache = ResultCache(folder.store), False
            tables = TableStream(folder.partial, formats, parquet_rows)
            try:
                errors += _stream(paths, store, tables, summary, on_file, nlp=nlp, jobs=jobs, scheduler=scheduler,
                                  reuse=use_cache, root=root, pool=pool)
            except BaseException:
                tables.abort()
                raise
        tables.close()
        summary.rows = dict(tables.counts)
        errors.sort(key=lambda e: (e.path, e.stage))
        write_errors(folder.partial / "errors.jsonl", errors)
        summary.errors, summary.skipped = len(errors), sum(e.skipped for e in errors)
        summary.seconds = time.perf_counter() - started
        summary.cpu_parent, summary.cpu_workers = _cpu_since(cpu0, scheduler)
        info = _run_info(root, out, formats, jobs, scheduler, use_cache, arguments, summary)
        write_run_json(folder.partial, info)
        if summary.documents == 0:
            summary.kept_previous = True
            summary.first_error = next((f"{e.path}: {e.reason}" for e in errors), None)
            summary.errors_path = folder.keep_failed() / "errors.jsonl"
        else:
            folder.commit()
            summary.errors_path = Path(out) / "errors.jsonl"
    return summary


def _stream(paths: list[bytes], store: ResultCache, tables: TableStream, summary: RunSummary,
            on_file: Callable[[str], None] | None, **how) -> list[ErrorRow]:
    """Process `paths` (in document order) and write their rows into `tables` as they come;
    returns the error rows."""
    merge, errors = InOrder(store, tables), []
    for done in results(paths, store, **how):
        summary.cached += done.cached
        errors += done.errors
        if done.key:
            summary.documents += 1
            summary.articles += done.articles
            summary.chars += done.chars
        merge.finished(done.index, done.key)
        if on_file:
            on_file(done.path)
    return errors


class InOrder:
    """Writes each file's stored rows into the tables as soon as every file before it is done,
    so the tables come in document order whatever order files finish in, and this process
    holds only the store keys of files finished ahead of their turn."""

    def __init__(self, store: ResultCache, tables: TableStream):
        self.store, self.tables = store, tables
        self.ahead: dict[int, str | None] = {}  # index of a file done before its turn → its store key
        self.next = 0  # index of the first file not yet written

    def finished(self, index: int, key: str | None) -> None:
        """File `index` is done; its rows, if any, are in the store under `key`."""
        self.ahead[index] = key
        while self.next in self.ahead:
            key = self.ahead.pop(self.next)
            if key:
                for name, part in self.store.tables(key).items():
                    self.tables.extend(name, part)
            self.next += 1


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _cpu_since(start: tuple[float, float], scheduler: str | None) -> tuple[float, float | None]:
    now = _cpu()
    return now[0] - start[0], (None if scheduler else now[1] - start[1])


def _run_info(root, out, formats, jobs, scheduler, use_cache, arguments, summary: RunSummary) -> dict:
    counts = {k: v for k, v in asdict(summary).items() if k not in ("errors_path", "kept_previous", "first_error")}
    return {"extract_version": __version__, "pipeline_version": pipeline_version(),
            "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "status": "ok" if summary.documents else "no document succeeded; previous tables kept",
            "arguments": arguments or {"path": str(root), "out": str(out), "formats": list(formats), "jobs": jobs,
                                       "scheduler": scheduler, "cache": use_cache},
            "formats": list(formats), "tables": list(TABLES), "counts": counts}


def _unique_doc_ids(paths: list[Path], root: Path | None = None) -> tuple[list[bytes], list[ErrorRow]]:
    """The paths in document order (by doc_id), as bytes (a crawl has ~10^5 files: a Path
    object costs three times the memory). Two files in one folder with one stem (a.txt,
    a.html) would share a doc_id: the first path keeps it."""
    owner: dict[str, Path] = {}
    errors = []
    for path in paths:
        doc_id = doc_id_of(path, root)
        first = owner.setdefault(doc_id, path)
        if first is not path:
            errors.append(ErrorRow(path=display_path(path), stage="ingest",
                                   reason=f"doc_id {doc_id!r} already taken by {display_path(first)}; "
                                          "files in one folder must differ without their extension"))
    return [os.fsencode(owner[doc_id]) for doc_id in sorted(owner)], errors
