"""Records: a processed article (spaCy Doc + metadata) → table rows with provenance."""
from __future__ import annotations

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
        s, e = sentences.around(m.start)
        rows[m.table].append(TABLES[m.table](doc_id=article.doc_id, article_id=article.article_id,
                                             text=text[m.start:m.end], sentence=text[s:e].strip(),
                                             start=m.start + offset, end=m.end + offset, **m.fields))
    return rows
