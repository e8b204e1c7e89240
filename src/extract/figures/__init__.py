"""Figures: text → every amount, household count and quantity in it, with its attributes.

In: cleaned article text and its sentences. Out: `Mention`s for the `amounts`,
`household_counts` and `quantities` tables, in text order. `parse.find_figures` is the one
number/unit parser (its grammar tables in `grammar.py`), to which `spoken.find_spoken_money` adds
what speakers say without a unit (`一个月能挣三千二`); `classify.py` decides from a figure's
clause (`context.py`) which table it belongs to and reads its role, year and object,
`divisors.py` what an amount is per, and `groups.py` a count's group (word lists in `words/`). `read_figures` is the pure entry point;
`component.py` is the spaCy adapter.
"""
from __future__ import annotations

import math
from dataclasses import replace

from ..nlp.doc import Mention
from ..nlp.sentences import Sentences
from .classify import classify
from .context import Context
from .groups import inherit_group
from .lexicon import FigureWords
from .parse import Figure, find_figures
from .spoken import find_spoken_money

__all__ = ["Figure", "FigureWords", "find_figures", "read_figures"]


def read_figures(text: str, lex: FigureWords | None = None, sentences: Sentences | None = None) -> list[Mention]:
    """Every figure of one article as a Mention of the table it belongs to."""
    lex = lex or FigureWords.load()
    sentences = sentences or Sentences.of(text)
    found: list[Mention] = []
    last_count: dict[tuple[int, int], dict] = {}  # sentence -> fields of its last count
    for figure in map(_finite, with_spoken_money(find_figures(text), find_spoken_money(text))):
        ctx = Context(figure, sentences)
        result = classify(ctx, lex)
        if not result:
            continue
        table, fields = result
        if table == "household_counts":
            inherit_group(fields, last_count.get(ctx.sentence), part="其中" in ctx.before)
            last_count[ctx.sentence] = fields
        found.append(Mention(table, figure.start, figure.end, fields))
    return found


def with_spoken_money(figures: list[Figure], spoken: list[Figure]) -> list[Figure]:
    """The parser's figures with the spoken amounts (`挣了七八千`) added; a spoken amount takes the
    place of a bare number it covers (`两万多`), never of a figure with a unit."""
    kept = [f for f in figures if f.kind != "number" or not any(s.start <= f.start < s.end for s in spoken)]
    free = [s for s in spoken if not any(f.start < s.end and s.start < f.end for f in kept)]
    return sorted(kept + free, key=lambda f: f.start)


HUGE = 1e300  # stands in for a number too long for a float (400 digits): finite, so classifying
# it cannot fail, and far beyond any plausible figure, so its row is dropped and reported on output


def _finite(figure: Figure) -> Figure:
    if math.isfinite(figure.value) and (figure.value_max is None or math.isfinite(figure.value_max)):
        return figure
    finite = lambda v: v if v is None or math.isfinite(v) else HUGE  # noqa: E731
    return replace(figure, value=finite(figure.value), value_max=finite(figure.value_max))
