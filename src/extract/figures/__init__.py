"""Figures: text → every amount, household count and quantity in it, with its attributes.

In: cleaned article text and its sentences. Out: `Mention`s for the `amounts`,
`household_counts` and `quantities` tables, in text order. `parse.find_figures` is the one
number/unit parser (its grammar tables in `grammar.py`); `classify.py` decides from a figure's
clause which table it belongs to and reads its role, per, year, group and object (word lists in
`words/`). `read_figures` is the pure entry point; `component.py` is the spaCy adapter.
"""
from __future__ import annotations

from ..nlp.doc import Mention
from ..nlp.sentences import Sentences
from .classify import Context, classify, inherit_group
from .lexicon import FigureWords
from .parse import Figure, find_figures

__all__ = ["Figure", "FigureWords", "find_figures", "read_figures"]


def read_figures(text: str, lex: FigureWords | None = None, sentences: Sentences | None = None) -> list[Mention]:
    """Every figure of one article as a Mention of the table it belongs to."""
    lex = lex or FigureWords.load()
    sentences = sentences or Sentences.of(text)
    found: list[Mention] = []
    last_count: dict[tuple[int, int], dict] = {}  # sentence -> fields of its last count
    for figure in find_figures(text):
        ctx = Context(figure, sentences)
        result = classify(ctx, lex)
        if not result:
            continue
        table, fields = result
        if table == "household_counts":
            inherit_group(fields, last_count.get(ctx.sentence))
            last_count[ctx.sentence] = fields
        found.append(Mention(table, figure.start, figure.end, fields))
    return found
