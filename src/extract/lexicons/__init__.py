"""Data files the rules read: word lists, patterns, the gazetteer. Code holds no lexicon literals.

A file is read from the package's own folder or from one a spaCy component was saved to with
`to_disk`: one entry a line, `#` comment lines; tab-separated tables carry a header row.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_DIR = HERE


@cache
def read_lines(path: Path) -> tuple[str, ...]:
    """Non-empty lines of a lexicon file, without `#` comment lines, in file order."""
    text = Path(path).read_text(encoding="utf-8")
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#"))


@cache
def read_table(path: Path) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file, header skipped; short rows padded with empty cells."""
    text = Path(path).read_text(encoding="utf-8")
    rows = [line.rstrip("\n").split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    width = len(rows[0]) if rows else 0
    return tuple(tuple(r + [""] * (width - len(r))) for r in rows[1:])


def lines(name: str) -> tuple[str, ...]:
    return read_lines(HERE / name)


def table(name: str) -> tuple[tuple[str, ...], ...]:
    return read_table(HERE / name)


def copy_files(names: Iterable[str], source: Path, target: Path) -> None:
    """Write a component's lexicon files into the folder spaCy serialises it to."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(Path(source) / name, target / name)
