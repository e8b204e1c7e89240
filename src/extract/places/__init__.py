"""Places: text → the article's Geography (provinces, cities, counties and towns from the
gazetteer, villages from their suffix) and a row of fields per distinct village.

In: cleaned article text and its sentences. Out: `Geography` — the divisions and village
mentions in text order, and what any position lies in (`where`), which the cooperatives,
projects and linking stages read. `read_places` is the pure entry point; `component.py` is the
spaCy adapter (`extract_places`); `words/` holds the gazetteer and word lists.
"""
from __future__ import annotations

from ..nlp.sentences import Sentences
from .divisions import find_divisions
from .geography import Geography
from .lexicon import PlaceWords
from .villages import find_villages, village_stem

__all__ = ["Geography", "PlaceWords", "find_divisions", "read_places", "village_stem"]


def read_places(text: str, lex: PlaceWords | None = None, sentences: Sentences | None = None) -> Geography:
    """The places of one article."""
    lex = lex or PlaceWords.load()
    divisions = find_divisions(text, lex)
    return Geography(text, divisions, find_villages(text, divisions, lex), lex, sentences or Sentences.of(text))
