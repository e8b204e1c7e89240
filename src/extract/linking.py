"""Linking: which village, cooperative and project a figure is about.

The subject of a figure is what its clause names (`王双志村11户贫困户`), else what its sentence
names, nearest before the figure first (`六联专业种植合作社，流转土地3500余亩`) and after it
second (a quotation's figures belong to the speaker's village named after the quote). A
cooperative's village stands in for the village when none is named. `该合作社`, a bare
`合作社` and `该村`/`村集体` refer back to the last one named. Pure functions over offsets.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex as re

from .places import Geography, clause_around

KINDS = ("village", "cooperative", "project")


@dataclass(frozen=True)
class Anchor:
    """A mention a figure may be about."""

    kind: str
    start: int
    end: int
    name: str
    village: str | None = None


def village_anchors(geo: Geography) -> list[Anchor]:
    return [Anchor("village", v.start, v.end, v.name, v.name) for v in geo.villages]


def reference_anchors(text: str, pattern: re.Pattern, named: list[Anchor]) -> list[Anchor]:
    """Anaphors (`该合作社`, `合作社`, `该村`) outside any named mention, each standing for the
    last one named before it."""
    named = sorted(named, key=lambda a: a.start)
    starts = [a.start for a in named]
    out = []
    for m in pattern.finditer(text):
        if any(a.start <= m.start() < a.end for a in named):
            continue
        i = bisect_right(starts, m.start()) - 1
        if i >= 0:
            a = named[i]
            out.append(Anchor(a.kind, m.start(), m.end(), a.name, a.village))
    return out


def subjects(text: str, start: int, end: int, anchors: list[Anchor], geo: Geography) -> dict[str, Anchor | None]:
    """The village, cooperative and project the figure at [start, end) is about."""
    clause = clause_around(text, start, end)
    sentence = geo.sentences.around(start)
    found = {kind: _nearest([a for a in anchors if a.kind == kind], start, end, clause, sentence)
             for kind in KINDS}
    if found["village"] is None:
        carrier = found["cooperative"] or found["project"]
        if carrier and carrier.village:
            found["village"] = Anchor("village", carrier.start, carrier.end, carrier.village, carrier.village)
    return found


def _nearest(anchors: list[Anchor], start: int, end: int, *scopes: tuple[int, int]) -> Anchor | None:
    """In the narrowest scope that has one: the nearest anchor before the figure, else the
    first after it."""
    for s, e in scopes:
        before = [a for a in anchors if s <= a.start and a.end <= start]
        if before:
            return max(before, key=lambda a: a.end)
        after = [a for a in anchors if a.start >= end and a.end <= e]
        if after:
            return min(after, key=lambda a: a.start)
    return None
