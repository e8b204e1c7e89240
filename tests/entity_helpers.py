"""Helpers for the entity tests: run the pure place/cooperative/project rules on a snippet.

The rules receive cleaned, Simplified text; Traditional snippets from the real pages are
converted the way cleaning converts them (OpenCC t2s)."""
from __future__ import annotations

from functools import cache

import opencc

from extract import organizations, projects
from extract.numbers import find_figures
from extract.places import Geography, Lexicon, find_divisions, find_villages


@cache
def place_lexicon() -> Lexicon:
    return Lexicon.load()


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    return _t2s().convert(text)


def geography(text: str) -> Geography:
    lex = place_lexicon()
    divisions = find_divisions(text, lex)
    return Geography(text, divisions, find_villages(text, divisions, lex), lex)


def villages(text: str) -> dict[str, dict]:
    """name -> village row fields."""
    return {fields["name"]: fields for _, fields in geography(text).village_rows()}


def cooperatives(text: str) -> dict[str, dict]:
    """name -> cooperative fields."""
    found = organizations.find_cooperatives(text, geography(text), organizations.Lexicon.load())
    return {c.name: c.fields for c in found}


def project_names(text: str) -> list[str]:
    lex = projects.Lexicon.load()
    figures = [(f.start, f.end) for f in find_figures(text)]
    return [p.name for p in projects.find_projects(text, geography(text), figures, lex)]
