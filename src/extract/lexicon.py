"""Word lists as data: the one lexicon mechanism every stage uses.

A stage declares its lexicon as a frozen dataclass whose fields name their files:

    @dataclass(frozen=True)
    class CoopWords(Lexicon):
        HOME = Path(__file__).parent / "words"
        kinds: tuple[str, ...] = words("coop_kinds.txt")
        leaders: tuple = rows("coop_leaders.tsv", cue=str, led_by=str)

`load()` reads every file from its home folder (the stage's `words/`), or all of them from one
folder a component was saved to; `save()` copies them there (spaCy's to_disk/from_disk). Files
hold one entry a line with `#` comment lines; tables are tab-separated with a header row naming
the declared columns. Every value is checked on load against its column's type (a `Literal`
from the models lists the allowed values), and a bad one raises LexiconError with file and line.
"""
from __future__ import annotations

import shutil
import typing
from collections import namedtuple
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import regex as re


class LexiconError(ValueError):
    """A lexicon file that does not say what its declaration expects."""


def words(file: str, home: Path | None = None):
    """A field read from a word list: the non-comment lines of `file`, in order."""
    return field(default=(), metadata={"file": file, "home": home, "columns": None})


def rows(file: str, home: Path | None = None, **columns: Any):
    """A field read from a table: one named tuple a row, each column checked against its type."""
    return field(default=(), metadata={"file": file, "home": home, "columns": columns})


def alternation(entries) -> str:
    """A regex alternation of literal entries, longest first so the longest match wins."""
    return "|".join(re.escape(w) for w in sorted(set(entries), key=len, reverse=True))


def compile_alternation(entries) -> re.Pattern:
    return re.compile(alternation(entries))


@dataclass(frozen=True)
class Lexicon:
    """Base of every stage's word lists; subclasses set HOME and declare fields."""

    HOME: ClassVar[Path]
    directory: Path | None = None  # where the files were read from when all came from one folder

    @classmethod
    def files(cls) -> dict[str, Path]:
        """File name → the folder it is read from by default."""
        return {f.metadata["file"]: f.metadata["home"] or cls.HOME for f in _declared(cls)}

    @classmethod
    def load(cls, directory: Path | None = None):
        """Every declared file, from its home or, when given, all from `directory` (loaded once
        per process: derived patterns and the gazetteer are built once)."""
        return _load(cls, Path(directory) if directory is not None else None)

    @classmethod
    def _read_all(cls, directory: Path | None):
        values = {}
        for f in _declared(cls):
            folder = Path(directory) if directory is not None else (f.metadata["home"] or cls.HOME)
            values[f.name] = _read(folder / f.metadata["file"], f.metadata["columns"])
        return cls(directory=Path(directory) if directory is not None else None, **values)

    def save(self, target: Path) -> None:
        """Copy this lexicon's files into `target` (a component's to_disk folder)."""
        target = Path(target)
        target.mkdir(parents=True, exist_ok=True)
        for name, home in self.files().items():
            shutil.copyfile((self.directory or home) / name, target / name)


class LexiconComponent:
    """A spaCy component whose rules read a Lexicon: to_disk saves its files beside the
    pipeline, from_disk reads them back (edited lists take effect without code)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def to_disk(self, path: Path, exclude=()) -> None:
        self.lexicon.save(path)

    def from_disk(self, path: Path, exclude=()):
        self.__init__(type(self.lexicon).load(Path(path)))
        return self


@cache
def _load(cls, directory: Path | None):
    return cls._read_all(directory)


def _declared(cls) -> list:
    return [f for f in fields(cls) if "file" in f.metadata]


def _read(path: Path, columns: dict[str, Any] | None) -> tuple:
    return _read_words(path) if columns is None else _read_rows(path, tuple(columns.items()))


@cache
def _lines(path: Path) -> tuple[tuple[int, str], ...]:
    """(line number, line) of the non-empty, non-comment lines of a file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc.strerror or exc})") from exc
    return tuple((n, line) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.lstrip().startswith("#"))


@cache
def _read_words(path: Path) -> tuple[str, ...]:
    return tuple(line.strip() for _, line in _lines(path))


@cache
def _read_rows(path: Path, columns: tuple[tuple[str, Any], ...]) -> tuple:
    lines = _lines(path)
    names = [name for name, _ in columns]
    header = lines[0][1].rstrip("\n").split("\t") if lines else []
    if header != names:
        raise LexiconError(f"{path}:{lines[0][0] if lines else 1}: header {header} should be {names}")
    Row = namedtuple("Row", names)
    checked = [(i, name, kind) for i, (name, kind) in enumerate(columns) if kind is not str]  # str: taken as is
    out = []
    for n, line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) > len(names):
            raise LexiconError(f"{path}:{n}: {len(cells)} columns, expected {len(names)}")
        cells += [""] * (len(names) - len(cells))
        for i, name, kind in checked:
            cells[i] = _check(path, n, name, kind, cells[i])
        out.append(Row._make(cells))
    return tuple(out)


def _check(path: Path, n: int, name: str, kind: Any, cell: str):
    if typing.get_origin(kind) is typing.Literal:
        allowed = typing.get_args(kind)
        if cell not in allowed:
            raise LexiconError(f"{path}:{n}: {name} {cell!r} is not one of {', '.join(map(str, allowed))}")
        return cell
    if kind is int:
        try:
            return int(cell)
        except ValueError:
            raise LexiconError(f"{path}:{n}: {name} {cell!r} is not a whole number") from None
    return cell
