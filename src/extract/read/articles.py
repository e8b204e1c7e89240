"""Articles: split a cleaned page into its articles and read each one's title and authors.

A newspaper page runs headline, body, byline `(通讯员 周宁宁)`, next headline... A new article
starts at a headline that follows a byline, or whose first body paragraph opens with a
dateline (`本报讯(通讯员 ...)`); sub-headings inside one article do neither.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from .clean import BYLINE, SENTENCE_END, CleanPage, split_names

DATELINE = re.compile(r"^(本报讯|本报记者|\p{Han}{0,8}讯\s*[(（]|[(（](通讯员|记者))")
BYLINES = (
    re.compile(r"[(（]([^()（）]{0,30}(?:通讯员|记者|实习生|特约)[^()（）]{0,40})[)）]"),
    re.compile(r"电\s*[(（]((?:\p{Han}{2,4}[\s、]*){1,5})[)）]"),
    re.compile(r"^\p{Han}{0,10}讯\s+((?:\p{Han}{2,4}\s*){1,4})报道"),
)
TITLE_MAX_CHARS = 40


@dataclass(frozen=True)
class Article:
    doc_id: str
    article_id: str
    title: str | None
    authors: list[str]
    text: str


def split_articles(page: CleanPage, doc_id: str) -> list[Article]:
    groups = _group(page.paragraphs)
    articles = []
    for n, paragraphs in enumerate(groups):
        authors = _authors(paragraphs) or (page.meta.authors if len(groups) == 1 else [])
        articles.append(Article(doc_id, f"{doc_id}-{n}", _title(paragraphs), authors, "\n".join(paragraphs)))
    return articles


def is_heading(paragraph: str) -> bool:
    """Short, not closing a sentence (a headline may end in a quote: 大棚成了“聚宝盆”), not a byline."""
    return (len(paragraph) <= TITLE_MAX_CHARS and not SENTENCE_END.search(paragraph)
            and not BYLINE.search(paragraph))


def _group(paragraphs: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for i, paragraph in enumerate(paragraphs):
        if _starts_article(paragraphs, i) and any(not is_heading(p) for p in groups[-1]):
            groups.append([])
        groups[-1].append(paragraph)
    return [g for g in groups if g]


def _starts_article(paragraphs: list[str], i: int) -> bool:
    if not is_heading(paragraphs[i]) or (i and is_heading(paragraphs[i - 1])):
        return False
    after_byline = i > 0 and bool(BYLINE.search(paragraphs[i - 1]))
    body = next((p for p in paragraphs[i + 1:] if not is_heading(p)), "")
    return after_byline or bool(DATELINE.search(body))


def _title(paragraphs: list[str]) -> str | None:
    heads = []
    for p in paragraphs[:2]:
        if not is_heading(p):
            break
        heads.append(p)
    return " ".join(heads) or None


def _authors(paragraphs: list[str]) -> list[str]:
    names: list[str] = []
    for p in paragraphs:
        for pattern in BYLINES:
            for m in pattern.finditer(p):
                names += [n for n in split_names(m.group(1)) if n not in names]
    return names
