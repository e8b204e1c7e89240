"""Run the pipeline over a corpus and write the tables.

`run` applies `process.process_file` to every file under a folder — in this process, in worker
processes or on a Dask cluster (executors.py), skipping files whose result is cached (cache.py) —
and writes the tables all together at the end.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..models import TABLES, ErrorRow, Table
from ..output.writers import TableSet
from ..read.ingest import Selection, display_path, doc_id_of, scan
from .cache import ResultCache
from .executors import results


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
    errors_path: Path | None = None
    not_taken: dict[str, int] = field(default_factory=dict)  # files left out, by extension

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def run(root: Path, out: Path, nlp=None, *, jobs: int = 1, scheduler: str | None = None,
        use_cache: bool = True, formats: Sequence[str] = ("csv", "jsonl"),
        on_file: Callable[[str], None] | None = None, selection: Selection = Selection()) -> RunSummary:
    """Process every input file under root and write all tables and errors.jsonl into out.

    The tables replace the previous ones only once everything is written (TableSet), so an
    interrupted run leaves the previous tables as they were.
    """
    started = time.perf_counter()
    found = scan(root, selection)
    paths, errors = _unique_doc_ids(found.files, root)
    summary = RunSummary(files=len(paths) + len(errors), not_taken=dict(sorted(found.not_taken.items())))
    errors += found.errors
    cache = ResultCache.for_run() if use_cache else None
    tables: dict[str, list[Table]] = {name: [] for name in TABLES}
    for result, cached in results(paths, cache, nlp=nlp, jobs=jobs, scheduler=scheduler, root=root):
        summary.cached += cached
        errors += result.errors
        for name, rows in result.rows.items():
            tables[name] += rows
        if on_file:
            on_file(result.path)
    with TableSet(out, formats) as writer:
        for name, model in TABLES.items():
            rows = sorted(tables[name], key=_row_order)
            writer.table(name, model, rows)
            summary.rows[name] = len(rows)
        summary.errors_path = writer.errors(sorted(errors, key=lambda e: (e.path, e.stage)))
    summary.documents = len({r.doc_id for r in tables["documents"]})
    summary.articles = len(tables["documents"])
    summary.chars = sum(r.n_chars for r in tables["documents"])
    summary.errors, summary.skipped = len(errors), sum(e.skipped for e in errors)
    summary.seconds = time.perf_counter() - started
    return summary


def _unique_doc_ids(paths: list[Path], root: Path | None = None) -> tuple[list[Path], list[ErrorRow]]:
    """Two files in one folder with one stem (a.txt, a.html) would share a doc_id: the first
    path keeps it."""
    owner: dict[str, Path] = {}
    kept, errors = [], []
    for path in paths:
        doc_id = doc_id_of(path, root)
        first = owner.setdefault(doc_id, path)
        if first is path:
            kept.append(path)
        else:
            errors.append(ErrorRow(path=display_path(path), stage="ingest",
                                   reason=f"doc_id {doc_id!r} already taken by {display_path(first)}; "
                                          "files in one folder must differ without their extension"))
    return kept, errors


def _row_order(row: Table):
    article_no = int(row.article_id.rsplit("-", 1)[1])
    return (row.doc_id, article_no, getattr(row, "start", 0), getattr(row, "end", 0))
