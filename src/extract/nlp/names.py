"""Where a name written before its head word (`王双志村`, `火凤凰种植专业合作社`, `木耳大棚`)
starts: after the last word that cannot be part of it (a verb, a preposition, a pronoun...).

Villages, cooperatives and projects all read their names backwards from a suffix or head noun;
this is the one rule for the left edge they share.
"""
from __future__ import annotations

from pathlib import Path

import regex as re

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
