"""Records: a processed article (spaCy Doc + metadata) → table rows with provenance."""
from __future__ import annotations

import math

from spacy.tokens import Doc

from ..models import TABLES, Document, Table
from ..nlp.doc import doc_text, mentions
from ..nlp.sentences import sentences_of
from ..read.articles import Article
from ..read.clean import CleanPage


def document_row(article: Article, page: CleanPage, path: str, place: dict | None = None) -> Document:
    """The article's row; `place`: province, city, county, county_code of what it is about."""
    return Document(doc_id=article.doc_id, article_id=article.article_id, path=path, title=article.title,
                    published=page.meta.published, source=page.meta.source, authors=article.authors,
                    script=page.script, n_chars=len(article.text), **(place or {}), article_text=article.text)


def record_rows(doc: Doc, article: Article, offset: int = 0) -> dict[str, list[Table]]:
    """Rows of every record table from the Doc's mentions; `offset` is where the Doc's text
    starts in the article (an article read in pieces)."""
    rows: dict[str, list[Table]] = {name: [] for name in TABLES if name != "documents"}
    text, sentences = doc_text(doc), sentences_of(doc)
    for m in sorted(mentions(doc), key=lambda m: (m.start, m.end)):
        s, e = sentences.window(m.start, m.end)
        rows[m.table].append(TABLES[m.table](doc_id=article.doc_id, article_id=article.article_id,
                                             text=text[m.start:m.end], sentence=text[s:e].strip(),
                                             start=m.start + offset, end=m.end + offset, **m.fields))
    return rows


# Numbers no article means: more yuan than a thousand trillion (China's GDP is about 1.3e14),
# more people or households than China has. They come from digit runs (a 400-digit "amount"
# is float infinity, invalid in JSON) and would break the writers (Parquet's int64).
MAX_NUMBER = 1e15
MAX_PEOPLE = 2e9
MAIN_VALUE = {"amounts": "value_yuan", "household_counts": "value", "quantities": "value"}
PEOPLE_FIELDS = {("household_counts", "value"), ("household_counts", "value_max"), ("cooperatives", "households")}


def drop_implausible(rows: dict[str, list[Table]]) -> list[str]:
    """Remove rows whose figure is no plausible number (infinite, NaN, beyond MAX_NUMBER, or
    more people than MAX_PEOPLE) and blank such a number in any other field; returns one
    sentence per change, for the error rows."""
    notes = []
    for table, found in rows.items():
        kept = []
        for row in found:
            bad = [name for name, value in row if _implausible(table, name, value)]
            if MAIN_VALUE.get(table) in bad:
                notes.append(f"{table} row {row.text[:40]!r} at {row.article_id}:{row.start} dropped: "
                             f"{_shown(getattr(row, MAIN_VALUE[table]))} is beyond any plausible figure")
                continue
            for name in bad:
                notes.append(f"{table} row {getattr(row, 'text', '')[:40]!r} at {row.article_id}: "
                             f"{name} {_shown(getattr(row, name))} is beyond any plausible figure, left empty")
                setattr(row, name, None)
            kept.append(row)
        found[:] = kept
    return notes


def _implausible(table: str, name: str, value) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or name in ("start", "end", "n_chars", "mentions"):
        return False
    limit = MAX_PEOPLE if (table, name) in PEOPLE_FIELDS else MAX_NUMBER
    return not math.isfinite(value) or abs(value) > limit


def _shown(value) -> str:
    if not isinstance(value, int) and not math.isfinite(value) or abs(value) >= 1e300:
        return "a number too long to hold"
    text = repr(value)
    return text if len(text) <= 30 else f"{text[:12]}... ({len(text)} digits)"
