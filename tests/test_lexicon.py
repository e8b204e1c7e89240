"""The one lexicon mechanism: files declared on the class, values checked on load with file and
line, saved and read back as spaCy's to_disk/from_disk do."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

import pytest

from extract.cooperatives import CoopWords
from extract.figures import FigureWords
from extract.lexicon import Lexicon, LexiconError, rows, words
from extract.linking import LinkWords
from extract.places import PlaceWords
from extract.projects import ProjectWords
from extract.read.clean import PageWords

ALL = (PageWords, FigureWords, PlaceWords, CoopWords, ProjectWords, LinkWords)


def _declare(home: Path):
    @dataclass(frozen=True)
    class Toy(Lexicon):
        HOME = home
        kinds: tuple[str, ...] = words("kinds.txt")
        roles: tuple = rows("roles.tsv", cue=str, role=Literal["income", "cost"], weight=int)

    return Toy


def _write(folder: Path, kinds: str, roles: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kinds.txt").write_text(kinds, encoding="utf-8")
    (folder / "roles.tsv").write_text(roles, encoding="utf-8")
    return folder


def test_words_and_typed_rows_load(tmp_path):
    home = _write(tmp_path / "a", "# comment\n种植\n\n养殖\n", "# comment\ncue\trole\tweight\n收入\tincome\t2\n")
    lex = _declare(home).load()
    assert lex.kinds == ("种植", "养殖")
    assert lex.roles[0].role == "income" and lex.roles[0].weight == 2
    cue, role, weight = lex.roles[0]
    assert (cue, role, weight) == ("收入", "income", 2)


def test_a_value_outside_its_literal_names_file_and_line(tmp_path):
    home = _write(tmp_path / "b", "种植\n", "cue\trole\tweight\n收入\tincome\t1\n成本\tcots\t1\n")
    with pytest.raises(LexiconError, match=r"roles.tsv:3: role 'cots' is not one of income, cost"):
        _declare(home).load()


def test_a_wrong_header_or_a_bad_number_is_refused(tmp_path):
    with pytest.raises(LexiconError, match=r"roles.tsv:1: header"):
        _declare(_write(tmp_path / "c", "x\n", "cue\trol\tweight\n")).load()
    with pytest.raises(LexiconError, match=r"roles.tsv:2: weight 'two' is not a whole number"):
        _declare(_write(tmp_path / "d", "x\n", "cue\trole\tweight\n收入\tincome\ttwo\n")).load()


def test_a_missing_file_says_which(tmp_path):
    with pytest.raises(LexiconError, match="kinds.txt"):
        _declare(tmp_path / "nowhere").load()


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.__name__)
def test_every_stage_lexicon_loads_and_round_trips(kind, tmp_path):
    lex = kind.load()
    lex.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kind.files())
    again = kind.load(tmp_path)
    assert again.directory == tmp_path
    assert all(getattr(again, f.name) == getattr(lex, f.name) for f in fields(kind) if f.name != "directory")


def test_a_role_typo_in_the_real_roles_file_would_be_caught(tmp_path):
    FigureWords.load().save(tmp_path)
    with (tmp_path / "roles.tsv").open("a", encoding="utf-8") as fh:
        fh.write("奖励金\tinvestmnet\n")
    with pytest.raises(LexiconError, match=r"roles.tsv:\d+: role 'investmnet'"):
        FigureWords.load(tmp_path)
