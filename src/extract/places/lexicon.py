"""The place rules' word lists (files in places/words/), and the gazetteer built from them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import regex as re

from ..lexicon import compile_alternation, rows, words
from ..nlp.names import NAME_WORDS, NameStops
from .gazetteer import Gazetteer, Level

HOME = Path(__file__).parent / "words"


@dataclass(frozen=True)
class PlaceWords(NameStops):
    """Word lists the place rules read (see each file's header)."""

    HOME = HOME
    weak_stops: tuple[str, ...] = words("name_weak_stops.txt", home=NAME_WORDS)
    generic: tuple[str, ...] = words("village_generic.txt")
    not_suffix: tuple[str, ...] = words("village_not_suffix.txt")
    slogans: tuple[str, ...] = words("village_slogans.txt")
    statuses: tuple[str, ...] = words("village_status.txt")
    short_after: tuple = rows("place_short_after.tsv", word=str, alone=Literal["yes", "no"])
    town_not_suffix: tuple[str, ...] = words("town_not_suffix.txt")
    elsewhere: tuple[str, ...] = words("place_elsewhere_cues.txt")
    kinds: tuple[str, ...] = words("village_kinds.txt")
    long_tails: tuple[str, ...] = words("village_generic_long.txt")
    divisions: tuple = rows("divisions.tsv", name=str, short=str, level=Level, province=str, city=str,
                            county=str, adcode=str)
    name_stops: tuple[str, ...] = words("place_name_stops.txt")

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.divisions, self.name_stops)

    @cached_property
    def status_pattern(self) -> re.Pattern:
        return compile_alternation(self.statuses)

    @cached_property
    def slogan_pattern(self) -> re.Pattern:
        return compile_alternation(self.slogans)

    @cached_property
    def not_suffix_pattern(self) -> re.Pattern:
        return compile_alternation(self.not_suffix)

    @cached_property
    def generic_tail(self) -> re.Pattern:
        return re.compile(f"(?:{compile_alternation(self.generic).pattern})$")

    @cached_property
    def kind_tail(self) -> re.Pattern:
        return re.compile(f"(?:{compile_alternation(self.kinds).pattern})$")

    @cached_property
    def not_town_pattern(self) -> re.Pattern:
        return compile_alternation(self.town_not_suffix)

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self.stops)
