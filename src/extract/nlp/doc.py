"""What the components leave on a Doc: Mentions, each a future table row without provenance,
on `doc._.mentions`; and the Doc's text, kept once.

Figures are found in the character stream, so their spans need not fall on pkuseg token
boundaries: a Mention keeps exact character offsets instead of a spaCy Span.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc


FIGURE_TABLES = ("amounts", "household_counts", "quantities")  # the tables extract_figures fills


@dataclass(frozen=True)
class Mention:
    table: str           # a key of models.TABLES
    start: int           # character offsets into doc.text
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


def mentions(doc: Doc) -> list[Mention]:
    """The Doc's mention list, created on first use."""
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def doc_text(doc: Doc) -> str:
    """doc.text, built once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("extract.text")
    if text is None:
        text = doc.user_data["extract.text"] = doc.text
    return text
