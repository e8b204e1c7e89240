"""Run the stages over a corpus: ingest → clean → articles → spaCy → records → tables."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .articles import split_articles
from .clean import clean_page
from .ingest import IngestError, iter_files, read_document
from .models import TABLES, ErrorRow, Table
from .records import document_row, record_rows
from .writers import write_errors, write_table


@dataclass
class FileResult:
    path: Path
    rows: dict[str, list[Table]] = field(default_factory=lambda: {name: [] for name in TABLES})
    errors: list[ErrorRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows["documents"])


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    articles: int = 0
    chars: int = 0
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
    result = FileResult(path)
    try:
        raw = read_document(path)
    except IngestError as exc:
        result.errors.append(ErrorRow(path=str(path), stage="ingest", reason=exc.reason))
        return result
    if raw.warning:
        result.errors.append(ErrorRow(path=str(path), stage="ingest", reason=raw.warning, skipped=False))
    page = clean_page(raw.text)
    articles = [a for a in split_articles(page, raw.doc_id) if a.text.strip()]
    if not articles:
        result.errors.append(ErrorRow(path=str(path), stage="clean", reason="no article text left after cleaning"))
        return result
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        result.rows["documents"].append(document_row(article, page, str(path)))
        for name, rows in record_rows(doc, article).items():
            result.rows[name].extend(rows)
    return result


def run(root: Path, out: Path, nlp, on_file: Callable[[Path], None] | None = None,
        formats: Sequence[str] = ("csv", "jsonl")) -> RunSummary:
    """Process every input file under root and write all tables and errors.jsonl into out."""
    started = time.perf_counter()
    paths, errors = _unique_doc_ids(list(iter_files(root)))
    summary = RunSummary(files=len(paths) + len(errors))
    tables: dict[str, list[Table]] = {name: [] for name in TABLES}
    for result in _results(paths, nlp, on_file):
        errors += result.errors
        for name, rows in result.rows.items():
            tables[name] += rows
    for name, model in TABLES.items():
        rows = sorted(tables[name], key=_row_order)
        write_table(out, name, model, rows, formats)
        summary.rows[name] = len(rows)
    summary.errors_path = write_errors(out, errors)
    summary.documents = len({r.doc_id for r in tables["documents"]})
    summary.articles = len(tables["documents"])
    summary.chars = sum(r.n_chars for r in tables["documents"])
    summary.errors, summary.skipped = len(errors), sum(e.skipped for e in errors)
    summary.seconds = time.perf_counter() - started
    return summary


def _results(paths: list[Path], nlp, on_file) -> Iterable[FileResult]:
    for path in paths:
        if on_file:
            on_file(path)
        yield process_file(path, nlp)


def _unique_doc_ids(paths: list[Path]) -> tuple[list[Path], list[ErrorRow]]:
    """Two files with one stem (a.txt, a.html) would share a doc_id: the first path keeps it."""
    owner: dict[str, Path] = {}
    kept, errors = [], []
    for path in paths:
        first = owner.setdefault(path.stem, path)
        if first is path:
            kept.append(path)
        else:
            errors.append(ErrorRow(path=str(path), stage="ingest", reason=f"doc_id {path.stem!r} already "
                                   f"taken by {first}; file names must be unique without their extension"))
    return kept, errors


def _row_order(row: Table):
    article_no = int(row.article_id.rsplit("-", 1)[1])
    return (row.doc_id, article_no, getattr(row, "start", 0), getattr(row, "end", 0))
