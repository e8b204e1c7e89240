"""Sentence boundaries on Chinese punctuation.

spaCy's `sentencizer` starts a sentence after any run of its punctuation characters, so a
closing quote after `。` would either open the next sentence or, if listed, split `“七彩田园”合作社`
in two. This component ends a sentence after 。！？… or a line break, keeps closing quotes with
it, and leaves the character bounds on `doc._.sentence_bounds` for the later components
(iterating `doc.sents` creates a Token per token per sentence: too slow for every figure).
"""
from __future__ import annotations

import numpy
import regex as re
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .mention import doc_text

if not Doc.has_extension("sentence_bounds"):
    Doc.set_extension("sentence_bounds", default=None)


@Language.factory("chinese_sentences", default_config={"ends": "。！？!?…", "closers": "”’」』)）"})
def make_chinese_sentences(nlp: Language, name: str, ends: str, closers: str) -> "ChineseSentences":
    return ChineseSentences(ends, closers)


class ChineseSentences:
    def __init__(self, ends: str, closers: str):
        self.ends, self.closers = ends, closers
        self.boundary = re.compile(rf"(?:[{re.escape(ends)}]+[{re.escape(closers)}]*|\n+)")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc._.sentence_bounds = []
            return doc
        text = doc_text(doc)
        token_starts = doc.to_array("IDX").astype(numpy.int64)
        cuts = {m.end() for m in self.boundary.finditer(text)} - {0, len(text)}
        first_tokens = numpy.searchsorted(token_starts, sorted(cuts))  # token starting at or after each cut
        flags = numpy.full(len(doc), -1, dtype=numpy.int64)  # -1: not a start, 1: starts a sentence
        flags[0] = 1
        flags[first_tokens[first_tokens < len(doc)]] = 1
        doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))
        starts = token_starts[flags == 1].tolist()
        doc._.sentence_bounds = list(zip(starts, starts[1:] + [len(text)]))
        return doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character (start, end) of each sentence; the whole text when no sentences were set."""
    return doc._.sentence_bounds or [(0, len(doc_text(doc)))]
