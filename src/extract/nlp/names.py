"""Where a name written before its head word (`王双志村`, `火凤凰种植专业合作社`, `木耳大棚`)
starts: after the last word that cannot be part of it (a verb, a preposition, a pronoun...).

Villages, cooperatives and projects all read their names backwards from a suffix or head noun;
this is the one rule for the left edge they share.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import regex as re

from ..lexicon import Lexicon, compile_alternation, words
from .sentences import CLAUSE_BREAK
from .words import words_of

NAME_WORDS = Path(__file__).parent / "words"  # word lists every name rule shares
MIN_BODY = 2  # a name has at least two characters before its suffix


def after_last_stop(text: str, start: int, end: int, stops: re.Pattern, weak: tuple[str, ...] = (),
                    strict: bool = True) -> int | None:
    """Start of a name ending at `end` after the last `stops` word in text[start:end].

    Strict (villages, two or three characters long): None when that word leaves one character
    (`深入到各村`, `入了村`); a `weak` stop may leave one. Lenient (names before a head noun): the
    last word that leaves two (`成立的箱包加工就业工场` is not cut at the 就 of 就业) or is two long
    (`加快老果园`), else any."""
    found = [m for m in stops.finditer(text, start, end, overlapped=True)
             if m.end() < end and (end - m.end() >= MIN_BODY or not strict or m.group() not in weak)]
    cuts = [m.end() for m in found]
    if not strict:  # a head noun may take one character (`的白茶园`)
        cuts = [m.end() for m in found if end - m.end() >= MIN_BODY or len(m.group()) >= MIN_BODY] or cuts
        return max(cuts) if cuts else start
    if not cuts:
        return start if end - start >= MIN_BODY else None
    last = max(cuts)
    return last if end - last >= MIN_BODY else None


# Words no name holds (LAC tags): verbs, adverbs, prepositions, pronouns, conjunctions,
# particles, direction and time words (`支持江冲村`, `不出村`, `以前我没拿合作社`).
NOT_IN_NAMES = frozenset({"v", "vd", "d", "p", "r", "c", "u", "xc", "f", "t", "TIME"})
# A facility is often named by what it does (`金银花加工生产线`): its verbs stay.
NOT_IN_FACILITY_NAMES = NOT_IN_NAMES - {"v", "vd"}
CLAUSE_REACH = 40  # how far around a name its clause is read for words
QUOTED = re.compile(r"“[^“”\n]{1,16}”|「[^「」\n]{1,16}」|‘[^‘’\n]{1,16}’")


def word_start(text: str, start: int, head: int, keep: tuple[tuple[int, int], ...] = (),
               min_body: int = 0, stops: frozenset[str] = NOT_IN_NAMES,
               one_char_kept: str = "") -> int:
    """A name's left edge moved past the last word inside text[start:head] that no name holds;
    `head` is where its suffix or head noun starts. Left alone: a word reaching into the head
    (LAC sometimes tags `今天合作社` as one time word), a word inside a place the text names
    (`keep`: the 向 of `向巷村`) or inside quotes (`「下党红」`), the verbs that name a founder
    (`党支部领办合作社`), and a cut at a one-character word leaving fewer than `min_body`
    characters (the word layer splits rare names: `各 / 洛村`, `官 / 和 / 村坳`), and the
    one-character words in `one_char_kept` (a village's `后` / `新立村`)."""
    if head <= start:
        return start
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, max(0, start - CLAUSE_REACH), start)),
               default=max(0, start - CLAUSE_REACH))
    after = CLAUSE_BREAK.search(text, head, head + CLAUSE_REACH)
    right = after.start() if after else min(len(text), head + CLAUSE_REACH)
    keep = keep + tuple((m.start(), m.end()) for m in QUOTED.finditer(text, left, right))
    cut = start
    for w in words_of(text[left:right]):
        w_start, w_end = left + w.start, left + w.end
        short = w_end - w_start < 2  # one character: may be the word layer misreading a rare name
        if start <= w_start and w_end <= head - (min_body if short else 0) and w.tag in stops \
                and not (short and text[w_start] in one_char_kept) \
                and text[w_start:w_end] not in _founding_verbs() \
                and not any(s < w_end and w_start < e for s, e in keep):
            cut = max(cut, w_end)
    return cut


@cache
def _founding_verbs() -> frozenset[str]:
    return frozenset(NameWords.load().founding_verbs)


@dataclass(frozen=True)
class NameStops(Lexicon):
    """The stop words every name rule reads (words/name_left_stops.txt): the base of the place,
    cooperative and project lexicons."""

    stops: tuple[str, ...] = words("name_left_stops.txt", home=NAME_WORDS)

    @cached_property
    def stop_pattern(self) -> re.Pattern:
        return compile_alternation(self.stops)

    @cached_property
    def stop_tail(self) -> re.Pattern:
        """A stop word ending right where the name would start."""
        return re.compile(f"(?:{self.stop_pattern.pattern})$")


@dataclass(frozen=True)
class NameWords(Lexicon):
    """Word lists every name rule shares."""

    HOME = NAME_WORDS
    founding_verbs: tuple[str, ...] = words("founding_verbs.txt")
