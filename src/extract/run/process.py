"""The whole pipeline for one file: ingest → clean → articles → spaCy → records."""
from __future__ import annotations

from pathlib import Path

from ..models import TABLES, ErrorRow, Table
from ..output.records import document_row, drop_implausible, record_rows
from ..places.official import article_place
from ..read.articles import Article, split_articles
from ..read.clean import clean_page
from ..read.ingest import IngestError, display_path, read_document
from .results import FileResult

PIECE_CHARS = 100_000  # longer articles go through spaCy in pieces: memory stays bounded


def process_file(path: Path, nlp, root: Path | None = None, data: bytes | None = None) -> FileResult:
    """One input file → its rows in every table, or error rows saying why not. `root`, the input
    folder, gives the doc_id; `data`, the file's bytes when the caller has read them already (so
    the result is of those bytes).

    Never raises for a file: an unexpected error in any stage (a library bug on odd text)
    becomes an error row naming the stage and the exception, the file's rows are dropped
    and the run goes on with the next file.
    """
    result = FileResult(display_path(path))
    stage = ["ingest"]  # the stage running, for the error row
    try:
        _process(path, nlp, root, data, result, stage)
    except Exception as exc:  # noqa: BLE001 - one file never stops a run
        result.rows = FileResult(result.path).rows
        result.errors = [e for e in result.errors if not e.skipped]
        result.errors.append(ErrorRow(path=result.path, stage=stage[0],
                                      reason=f"unexpected error, file skipped: {type(exc).__name__}: {exc}"[:500]))
    return result


def _process(path: Path, nlp, root: Path | None, data: bytes | None, result: FileResult, stage: list[str]) -> None:
    try:
        raw = read_document(path, root, data)
    except IngestError as exc:
        result.errors.append(ErrorRow(path=result.path, stage="ingest", reason=exc.reason))
        return
    if raw.warning:
        result.errors.append(ErrorRow(path=result.path, stage="ingest", reason=raw.warning, skipped=False))
    stage[0] = "clean"
    page = clean_page(raw.text)
    articles = [a for a in split_articles(page, raw.doc_id) if a.text.strip()]
    if not articles:
        result.errors.append(ErrorRow(path=result.path, stage="clean", reason="no article text left after cleaning"))
        return
    for article in articles:
        stage[0] = "nlp"
        rows, place = article_rows(article, nlp)
        result.rows["documents"].append(document_row(article, page, result.path, place))
        for note in drop_implausible(rows):
            result.errors.append(ErrorRow(path=result.path, stage="nlp", reason=note, skipped=False))
        for name, found in rows.items():
            result.rows[name].extend(found)


def article_rows(article: Article, nlp) -> tuple[dict[str, list[Table]], dict]:
    """Record rows of one article and the place it is about (read from its first piece); a very
    long one is read in pieces cut at paragraph or sentence ends."""
    rows: dict[str, list[Table]] = {name: [] for name in TABLES if name != "documents"}
    starts = pieces(article.text)
    texts = [article.text[s:e] for s, e in starts]
    place = {}
    for (offset, _), doc in zip(starts, nlp.pipe(texts)):
        place = place or article_place(doc._.geography)
        for name, found in record_rows(doc, article, offset).items():
            rows[name].extend(found)
    if len(starts) > 1:
        rows["villages"] = _merge_villages(rows["villages"])
        for name in ("cooperatives", "projects"):
            rows[name] = list({r.name: r for r in reversed(rows[name])}.values())[::-1]
    return rows, place


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
