"""Records: a processed article (spaCy Doc + metadata) → table rows with provenance."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from .articles import Article
from .clean import CleanPage
from .components.mention import mentions
from .models import TABLES, Document, Table


def document_row(article: Article, page: CleanPage, path: str) -> Document:
    return Document(doc_id=article.doc_id, article_id=article.article_id, path=path, title=article.title,
                    published=page.meta.published, source=page.meta.source, authors=article.authors,
                    script=page.script, n_chars=len(article.text), article_text=article.text)


def record_rows(doc: Doc, article: Article) -> dict[str, list[Table]]:
    rows: dict[str, list[Table]] = {name: [] for name in TABLES if name != "documents"}
    sentence_of = _sentence_finder(doc)
    for m in sorted(mentions(doc), key=lambda m: (m.start, m.end)):
        model = TABLES[m.table]
        rows[m.table].append(model(doc_id=article.doc_id, article_id=article.article_id,
                                   text=doc.text[m.start:m.end], sentence=sentence_of(m.start),
                                   start=m.start, end=m.end, **m.fields))
    return rows


def _sentence_finder(doc: Doc):
    spans = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else [(0, len(doc.text))]
    starts = [s for s, _ in spans]

    def sentence_of(char: int) -> str:
        s, e = spans[max(bisect_right(starts, char) - 1, 0)]
        return doc.text[s:e].strip()

    return sentence_of
