"""The project rules' word lists (files in projects/words/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import regex as re

from ..lexicon import alternation, compile_alternation, rows, words
from ..models import Category
from ..nlp.names import NameStops


@dataclass(frozen=True)
class ProjectWords(NameStops):
    """Word lists the project rules read (see each file's header)."""

    HOME = Path(__file__).parent / "words"
    heads: tuple = rows("project_heads.tsv", head=str, bare=Literal["yes", "no"])
    categories: tuple = rows("project_categories.tsv", keyword=str, category=Category)
    verbs: tuple[str, ...] = words("project_verbs.txt")
    classifiers: tuple[str, ...] = words("project_classifiers.txt")
    verb_chars: tuple[str, ...] = words("project_verb_chars.txt")
    own_stops: tuple[str, ...] = words("project_stops.txt")

    @cached_property
    def stop_pattern(self) -> re.Pattern:
        """Words a name does not run back across: the shared stops, the building verbs and the
        verbs of running or renting a facility (统一管理茶园, 承包大棚)."""
        return compile_alternation(self.stops + self.verbs + self.own_stops)

    @cached_property
    def head_pattern(self) -> re.Pattern:
        return compile_alternation(h for h, _ in self.heads)

    @cached_property
    def bare_heads(self) -> frozenset[str]:
        return frozenset(h for h, bare in self.heads if bare == "yes")

    @cached_property
    def verb_pattern(self) -> re.Pattern:
        return compile_alternation(self.verbs)

    @cached_property
    def counted(self) -> re.Pattern:
        """A number, 每/各 or a demonstrative and a measure word, after which a name starts (`两座`,
        `8栋`, `一排排`, `每亩`, `这条分选线`)."""
        units = self._units
        return re.compile(rf"一({units})\1|(?:[\d.]+|[一二两三四五六七八九十百千万几多余每各这那该此]+){units}")

    @cached_property
    def unit_after_number(self) -> re.Pattern:
        """What follows a figure's digits before a name can start (`万多平方米`, `栋`)."""
        return re.compile(rf"(?:万|亿)?(?:多|余)?(?:{self._units}|元|年|月|日)?")  # `260万元修缮…`, `2024年民宿…`, `1至5月车间`

    @cached_property
    def _units(self) -> str:
        return f"(?:{alternation(self.classifiers)})"
