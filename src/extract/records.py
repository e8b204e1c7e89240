"""Records: a processed article (spaCy Doc + metadata) → table rows with provenance."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from .articles import Article
from .clean import CleanPage
from .components.mention import doc_text, mentions
from .components.sentences import sentence_bounds
from .models import TABLES, Document, Table


def document_row(article: Article, page: CleanPage, path: str) -> Document:
    return Document(doc_id=article.doc_id, article_id=article.article_id, path=path, title=article.title,
                    published=page.meta.published, source=page.meta.source, authors=article.authors,
                    script=page.script, n_chars=len(article.text), article_text=article.text)


def record_rows(doc: Doc, article: Article, offset: int = 0) -> dict[str, list[Table]]:
    """Rows of every record table from the Doc's mentions; `offset` is where the Doc's text
    starts in the article (an article read in pieces)."""
    rows: dict[str, list[Table]] = {name: [] for name in TABLES if name != "documents"}
    text = doc_text(doc)
    sentence_of = _sentence_finder(text, sentence_bounds(doc))
    for m in sorted(mentions(doc), key=lambda m: (m.start, m.end)):
        model = TABLES[m.table]
        rows[m.table].append(model(doc_id=article.doc_id, article_id=article.article_id,
                                   text=text[m.start:m.end], sentence=sentence_of(m.start),
                                   start=m.start + offset, end=m.end + offset, **m.fields))
    return rows


def _sentence_finder(text: str, spans: list[tuple[int, int]]):
    starts = [s for s, _ in spans]

    def sentence_of(char: int) -> str:
        s, e = spans[max(bisect_right(starts, char) - 1, 0)]
        return text[s:e].strip()

    return sentence_of
