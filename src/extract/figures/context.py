"""A figure in its text: the sentence and clause around it, which every attribute is read from."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..nlp.sentences import Sentences
from .parse import Figure


@dataclass(frozen=True)
class Context:
    """A figure in its text: the sentence and the clause around it."""

    figure: Figure
    sentences: Sentences

    @property
    def text(self) -> str:
        return self.sentences.text

    @cached_property
    def sentence(self) -> tuple[int, int]:
        return self.sentences.around(self.figure.start)

    @cached_property
    def clause(self) -> tuple[int, int]:
        return self.sentences.clause(self.figure.start, self.figure.end)

    @property
    def before(self) -> str:
        return self.text[self.clause[0]:self.figure.start]

    @property
    def after(self) -> str:
        return self.text[self.figure.end:self.clause[1]]
