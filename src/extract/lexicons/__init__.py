"""Data files the rules read: word lists, patterns, the gazetteer. Code holds no lexicon literals."""
from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def path(name: str) -> Path:
    return HERE / name


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a lexicon file, without `#` comment lines, in file order."""
    text = path(name).read_text(encoding="utf-8")
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon file (comment lines and the header skipped)."""
    rows = [tuple(line.split("\t")) for line in lines(name)]
    return tuple(rows[1:])
