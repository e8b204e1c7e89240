"""The cooperative rules' word lists (files in cooperatives/words/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex as re

from ..lexicon import alternation, compile_alternation, rows, words
from ..nlp.names import NAME_WORDS, NameStops


@dataclass(frozen=True)
class CoopWords(NameStops):
    """Word lists the cooperative rules read (see each file's header)."""

    HOME = Path(__file__).parent / "words"
    kinds: tuple[str, ...] = words("coop_kinds.txt")
    founders: tuple[str, ...] = words("coop_founders.txt")
    naming_verbs: tuple[str, ...] = words("coop_naming_verbs.txt")
    leaders: tuple = rows("coop_leaders.tsv", cue=str, led_by=str)
    person_titles: tuple[str, ...] = words("coop_person_titles.txt")
    speech_verbs: tuple[str, ...] = words("speech_verbs.txt", home=NAME_WORDS)
    founding_verbs: tuple[str, ...] = words("founding_verbs.txt", home=NAME_WORDS)

    @cached_property
    def kind_tail(self) -> re.Pattern:
        return re.compile(f"(?:{alternation(self.kinds)})$")

    @cached_property
    def kind_words(self) -> re.Pattern:
        return re.compile(alternation(self.kinds))

    @cached_property
    def founding_pattern(self) -> re.Pattern:
        """A verb that says who set a cooperative up (`领办`) or names it (`成立`)."""
        return compile_alternation((*self.founding_verbs, *self.naming_verbs))

    @cached_property
    def founder_tail(self) -> re.Pattern:
        return re.compile(f"(?:{alternation(self.founders)})$")

    @cached_property
    def leader_pattern(self) -> re.Pattern:
        return compile_alternation(c for c, _ in self.leaders)

    @cached_property
    def person(self) -> re.Pattern:
        """A person named as the one in charge: `负责人王某介绍`, `理事长、王某说`."""
        return re.compile(rf"(?:{alternation(self.person_titles)})[、,，:：\s]*([\p{{Han}}·]{{2,10}}?)"
                          rf"(?=[,，。:：、\s“]|{alternation(self.speech_verbs)}|$)")
