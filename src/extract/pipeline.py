"""Run the stages over a corpus: ingest → clean → articles → spaCy → records → tables.

`process_file` is the whole pipeline for one file; `run` applies it to every file under a
folder — in this process, in worker processes or on a Dask cluster (executors.py), skipping
files whose result is cached (cache.py) — and writes the tables all together at the end.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .articles import Article, split_articles
from .cache import ResultCache
from .clean import clean_page
from .ingest import IngestError, display_path, iter_files, read_document
from .models import TABLES, ErrorRow, Table
from .records import document_row, record_rows
from .writers import TableSet

PIECE_CHARS = 100_000  # longer articles go through spaCy in pieces: memory stays bounded


@dataclass
class FileResult:
    path: str
    rows: dict[str, list[Table]] = field(default_factory=lambda: {name: [] for name in TABLES})
    errors: list[ErrorRow] = field(default_factory=list)


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

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def process_file(path: Path, nlp) -> FileResult:
    """One input file → its rows in every table, or error rows saying why not."""
    result = FileResult(display_path(path))
    try:
        raw = read_document(path)
    except IngestError as exc:
        result.errors.append(ErrorRow(path=result.path, stage="ingest", reason=exc.reason))
        return result
    if raw.warning:
        result.errors.append(ErrorRow(path=result.path, stage="ingest", reason=raw.warning, skipped=False))
    page = clean_page(raw.text)
    articles = [a for a in split_articles(page, raw.doc_id) if a.text.strip()]
    if not articles:
        result.errors.append(ErrorRow(path=result.path, stage="clean", reason="no article text left after cleaning"))
        return result
    for article in articles:
        result.rows["documents"].append(document_row(article, page, result.path))
        for name, rows in article_rows(article, nlp).items():
            result.rows[name].extend(rows)
    return result


def article_rows(article: Article, nlp) -> dict[str, list[Table]]:
    """Record rows of one article; a very long one is read in pieces cut at paragraph or sentence ends."""
    rows: dict[str, list[Table]] = {name: [] for name in TABLES if name != "documents"}
    starts = pieces(article.text)
    texts = [article.text[s:e] for s, e in starts]
    for (offset, _), doc in zip(starts, nlp.pipe(texts)):
        for name, found in record_rows(doc, article, offset).items():
            rows[name].extend(found)
    if len(starts) > 1:
        rows["villages"] = _merge_villages(rows["villages"])
        for name in ("cooperatives", "projects"):
            rows[name] = list({r.name: r for r in reversed(rows[name])}.values())[::-1]
    return rows


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of at most `limit` chars, cut after a line break or
    a sentence end where there is one."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n"), window.rfind("。"))
        end = start + (cut + 1 if cut > limit // 2 else limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _merge_villages(rows: list[Table]) -> list[Table]:
    merged: dict[str, Table] = {}
    for row in rows:
        if row.name in merged:
            merged[row.name].mentions += row.mentions
        else:
            merged[row.name] = row
    return list(merged.values())


def run(root: Path, out: Path, nlp=None, *, jobs: int = 1, scheduler: str | None = None,
        use_cache: bool = True, formats: Sequence[str] = ("csv", "jsonl"),
        on_file: Callable[[str], None] | None = None) -> RunSummary:
    """Process every input file under root and write all tables and errors.jsonl into out.

    The tables replace the previous ones only once everything is written (TableSet), so an
    interrupted run leaves the previous tables as they were.
    """
    from .executors import results

    started = time.perf_counter()
    paths, errors = _unique_doc_ids(iter_files(root))
    summary = RunSummary(files=len(paths) + len(errors))
    cache = ResultCache.for_run() if use_cache else None
    tables: dict[str, list[Table]] = {name: [] for name in TABLES}
    for result, cached in results(paths, cache, nlp=nlp, jobs=jobs, scheduler=scheduler):
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


def _unique_doc_ids(paths: list[Path]) -> tuple[list[Path], list[ErrorRow]]:
    """Two files with one stem (a.txt, a.html) would share a doc_id: the first path keeps it."""
    owner: dict[str, Path] = {}
    kept, errors = [], []
    for path in paths:
        first = owner.setdefault(path.stem, path)
        if first is path:
            kept.append(path)
        else:
            errors.append(ErrorRow(path=display_path(path), stage="ingest",
                                   reason=f"doc_id {display_path(Path(path.stem))!r} already taken by "
                                          f"{display_path(first)}; file names must be unique without extension"))
    return kept, errors


def _row_order(row: Table):
    article_no = int(row.article_id.rsplit("-", 1)[1])
    return (row.doc_id, article_no, getattr(row, "start", 0), getattr(row, "end", 0))
