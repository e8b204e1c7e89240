"""Linking: which village, cooperative and project each figure is about, and which figures
describe each cooperative and project.

In: the article's Mentions (figures, villages, cooperatives, projects), its Geography and the
cooperatives and projects found. Out: the same Mentions, linked (new copies; nothing found
earlier is changed). `link` is the pure entry point; `component.py` is the spaCy adapter.
"""
from __future__ import annotations

from .lexicon import LinkWords
from .rules import link

__all__ = ["LinkWords", "link"]
