"""Helpers for the entity tests: run the stages' pure entry points on a snippet, no segmenter.

The rules receive cleaned, Simplified text; Traditional snippets from the real pages are
converted the way cleaning converts them (OpenCC t2s)."""
from __future__ import annotations

from functools import cache

import opencc

from extract.cooperatives import CoopWords, find_cooperatives
from extract.figures import find_figures
from extract.places import Geography, PlaceWords, read_places
from extract.projects import ProjectWords, find_projects


@cache
def place_lexicon() -> PlaceWords:
    return PlaceWords.load()


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    return _t2s().convert(text)


def geography(text: str) -> Geography:
    return read_places(text, place_lexicon())


def villages(text: str) -> dict[str, dict]:
    """name -> village row fields."""
    return {fields["name"]: fields for _, fields in geography(text).village_rows()}


def cooperatives(text: str) -> dict[str, dict]:
    """name -> cooperative fields."""
    return {c.name: c.fields for c in find_cooperatives(text, geography(text), CoopWords.load())}


def project_names(text: str) -> list[str]:
    figures = [(f.start, f.end) for f in find_figures(text)]
    geo = geography(text)
    coops = [(m.start, m.end) for c in find_cooperatives(text, geo, CoopWords.load()) for m in c.mentions]
    return [p.name for p in find_projects(text, geo, figures, ProjectWords.load(), coops)]
