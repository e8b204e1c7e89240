"""Cooperatives: text and its Geography → the distinct cooperatives of an article.

In: cleaned article text and the places stage's Geography. Out: `Cooperative`s in order of first
mention, each with its mentions and its table fields (name, village, town, county, led_by,
model; households and land are filled by linking). A name is read backwards from 合作社 to the
last word that cannot be part of it (`words/`). `find_cooperatives` is the pure entry point;
`component.py` is the spaCy adapter (`extract_cooperatives`).
"""
from __future__ import annotations

from .lexicon import CoopWords
from .rules import Cooperative, find_cooperatives

__all__ = ["CoopWords", "Cooperative", "find_cooperatives"]
