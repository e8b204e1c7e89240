"""Sentences and clauses: the one definition every stage reads, built once per Doc.

A sentence ends after 。！？!?… (closing quotes stay with it) or at a line break; spaCy's
`sentencizer` would start a sentence after any run of its punctuation, splitting
`“七彩田园”合作社` or opening a sentence with a closing quote. A clause is the stretch between
commas, colons, semicolons or sentence ends. The sentence component snaps sentence starts to
tokens, sets `SENT_START` and leaves a `Sentences` on `doc._.sentences`.

A sentence longer than MAX_SENTENCE characters (a statistics page of 4,000 clauses joined by
commas, a line without punctuation) is split into runs of at most that length, cut after a
comma, semicolon or colon where there is one: every stage reads a bounded stretch around a
figure, so the work and the output stay linear in the input. The `sentence` column shows
`window()`: the sentence, or for a long one the clauses around the span, at most WINDOW chars.

Two views, on purpose:
- `around(pos)`: the sentence as written, what the `sentence` column shows and what a figure's
  role and year are read from;
- `quoted_around(pos)`: the sentence a reader attributes a statement to, where a stop inside
  quotes does not end it and a semicolon does: in `他说：“每户分了600元。”吕廷和说。` the
  600元 belongs with 吕廷和说, the speaker's village named after the quote. Places and linking
  read this one.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

import numpy
import regex as re
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doc import doc_text

ENDS, CLOSERS = "。！？!?…", "”’」』)）"
SENTENCE_END = re.compile(rf"(?:[{re.escape(ENDS)}]+[{re.escape(CLOSERS)}]*|\n+)")
CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?\n]")
CLAUSE_BREAK_BACKWARDS = re.compile(r"(?r)[,，;；:：。！？!?\n]")
PLAIN_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
QUOTE_OR_STOP = re.compile(r"[“”\n。！？!?；;]")
LOOKBACK = 300  # a clause is never longer: keeps every search O(text)
MAX_SENTENCE = 1000  # longer sentences are split at clause breaks (real ones stay well below)
WINDOW = 500  # the longest `sentence` cell: a long sentence shows the clauses around the span
LONG_RUN_BREAK = re.compile(r"[,，;；:：、]")

if not Doc.has_extension("sentences"):
    Doc.set_extension("sentences", default=None)


class Sentences:
    """Sentence spans of a text, and the clause and quote-aware views over it."""

    def __init__(self, text: str, starts: list[int]):
        self.text = text
        self.starts = starts
        self.spans = list(zip(starts, starts[1:] + [len(text)]))

    @classmethod
    def of(cls, text: str, token_starts: numpy.ndarray | None = None) -> "Sentences":
        """The sentences of text; with token_starts, each start moved to the token at or after it."""
        cuts = sorted({m.end() for m in SENTENCE_END.finditer(text)} - {0, len(text)})
        cuts = split_long(text, [0, *cuts, len(text)])[1:-1]
        if token_starts is not None and len(token_starts):
            firsts = numpy.searchsorted(token_starts, cuts)
            cuts = sorted(set(token_starts[firsts[firsts < len(token_starts)]].tolist()) - {0})
        return cls(text, [0] + cuts)

    def around(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos."""
        return self.spans[max(bisect_right(self.starts, pos) - 1, 0)]

    def window(self, start: int, end: int, limit: int = WINDOW) -> tuple[int, int]:
        """What the `sentence` column shows for text[start:end]: its sentence when that has at
        most `limit` chars, else the clauses around the span that fit in `limit` (when the
        span's own clause alone is longer, `limit` chars of it with the span in the middle)."""
        s, e = self.around(start)
        s, e = min(s, start), max(e, end)
        if e - s <= limit:
            return s, e
        cuts = [s, *(m.end() for m in CLAUSE_BREAK.finditer(self.text, s, e) if s < m.end() < e), e]
        i, j = bisect_right(cuts, start) - 1, min(bisect_left(cuts, end), len(cuts) - 1)
        if cuts[j] - cuts[i] > limit:
            ws = max(cuts[i], start - max(limit - (end - start), 0) // 2)
            return ws, max(end, min(cuts[j], ws + limit))
        grown = True
        while grown:  # whole clauses either side, while they fit
            grown = False
            if i > 0 and cuts[j] - cuts[i - 1] <= limit:
                i, grown = i - 1, True
            if j < len(cuts) - 1 and cuts[j + 1] - cuts[i] <= limit:
                j, grown = j + 1, True
        return cuts[i], cuts[j]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding text[start:end], inside its sentence."""
        s, e = self.around(start)
        before = CLAUSE_BREAK_BACKWARDS.search(self.text, s, start)
        after = CLAUSE_BREAK.search(self.text, end, e)
        return before.end() if before else s, after.start() if after else e

    def quoted_around(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos, a quotation kept with its attribution (see the module)."""
        starts, spans = self._quoted
        return spans[max(bisect_right(starts, pos) - 1, 0)]

    @cached_property
    def _quoted(self) -> tuple[list[int], list[tuple[int, int]]]:
        spans: list[tuple[int, int]] = []
        start, depth = 0, 0
        for m in QUOTE_OR_STOP.finditer(self.text):
            ch = m.group()
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(depth - 1, 0)
            elif ch == "\n" or depth == 0:
                depth = 0
                spans.append((start, m.start()))
                start = m.end()
        spans.append((start, len(self.text)))
        spans = [piece for span in spans for piece in _pieces(self.text, *span)]
        return [s for s, _ in spans], spans


def split_long(text: str, bounds: list[int], limit: int = MAX_SENTENCE) -> list[int]:
    """`bounds` (0, sentence starts..., len) with every stretch longer than `limit` cut into
    runs of at most `limit` chars, after a clause break where there is one."""
    out = [bounds[0]]
    for a, b in zip(bounds, bounds[1:]):
        out += [e for _, e in _pieces(text, a, b, limit)]
    return out


def _pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    pieces = []
    while end - start > limit:
        cut = LONG_RUN_BREAK.search(text, start + limit // 2, start + limit)
        last = None
        if cut is not None:  # the last break in the window: runs as long as they may be
            for last in LONG_RUN_BREAK.finditer(text, cut.start(), start + limit):
                pass
        stop = last.end() if last is not None else start + limit
        pieces.append((start, stop))
        start = stop
    pieces.append((start, end))
    return pieces


def clause_around(text: str, start: int, end: int, breaks: re.Pattern = CLAUSE_BREAK) -> tuple[int, int]:
    """The clause (or, with PLAIN_SENTENCE_BREAK, the plain sentence) holding text[start:end],
    read straight from the text, within LOOKBACK characters either side."""
    s = max((m.end() for m in breaks.finditer(text, max(0, start - LOOKBACK), start)), default=max(0, start - LOOKBACK))
    after = breaks.search(text, end, end + LOOKBACK)
    return s, after.start() if after else min(len(text), end + LOOKBACK)


@Language.factory("chinese_sentences", assigns=["token.is_sent_start", "doc._.sentences"])
def make_chinese_sentences(nlp: Language, name: str) -> "ChineseSentences":
    return ChineseSentences()


class ChineseSentences:
    """Sets sentence starts on the tokens and `doc._.sentences` for the components after it."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if not len(doc):
            doc._.sentences = Sentences(text, [0])
            return doc
        token_starts = doc.to_array("IDX").astype(numpy.int64)
        sentences = Sentences.of(text, token_starts)
        flags = numpy.full(len(doc), -1, dtype=numpy.int64)  # -1: not a start, 1: starts a sentence
        flags[numpy.searchsorted(token_starts, sentences.starts)] = 1
        doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))
        doc._.sentences = sentences
        return doc


def sentences_of(doc: Doc) -> Sentences:
    """The Doc's sentences; the whole text as one when the component did not run."""
    return doc._.sentences or Sentences(doc_text(doc), [0])
