"""The linking rules' word lists (files in linking/words/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import regex as re

from ..lexicon import Lexicon, compile_alternation, rows


@dataclass(frozen=True)
class LinkWords(Lexicon):
    """Words that refer back to the last village, cooperative or project named."""

    HOME = Path(__file__).parent / "words"
    references_rows: tuple = rows("link_references.tsv", word=str, kind=Literal["village", "cooperative", "project"])
    status_rows: tuple = rows("status_cues.tsv", pattern=str,
                              side=Literal["sentence_before", "clause_before", "after", "figure"],
                              status=Literal["condition", "actual", "planned"])

    @cached_property
    def status_cues(self) -> list[tuple[re.Pattern, str, str]]:
        """(compiled pattern, side, status) in file order: the first that matches decides."""
        return [(re.compile(pattern), side, status) for pattern, side, status in self.status_rows]

    @cached_property
    def references(self) -> dict[str, re.Pattern]:
        words: dict[str, list[str]] = {}
        for word, kind in self.references_rows:
            words.setdefault(kind, []).append(word)
        return {kind: compile_alternation(ws) for kind, ws in words.items()}
