"""An article's geography: the places it names, and what each village or position lies in."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import regex as re

from ..nlp.sentences import Sentences
from .divisions import LEVELS, RANK, Place, related
from .lexicon import PlaceWords

OFFICE_BEFORE = re.compile(r"(?:办事处|人民政府|政府)$")
NEIGHBOUR = re.compile(r"(?:(?:与|和|离|距)(?P<of>\p{Han}{1,8}?村))?\p{Han}{0,4}?(?:相邻|邻近|毗邻|隔壁|不远|之隔)的\s*$")


@dataclass
class Geography:
    """An article's places, and what each village (or any position) lies in."""

    text: str
    divisions: list[Place]
    villages: list[Place]
    lex: PlaceWords
    sentences: Sentences  # read through its quote-aware view
    _contexts: list[tuple[int, dict[str, Place]]] = field(default_factory=list)

    def __post_init__(self):
        state: dict[str, Place] = {}
        for p in self.divisions:
            if p.incidental:
                continue
            state = _enter(state, p)
            self._contexts.append((p.end, dict(state)))

    def context_at(self, pos: int) -> dict[str, Place]:
        """The province/city/county/town the text is talking about at pos."""
        i = bisect_right(self._context_ends, pos) - 1
        return self._contexts[i][1] if i >= 0 else {}

    @cached_property
    def _context_ends(self) -> list[int]:
        return [end for end, _ in self._contexts]

    @cached_property
    def _by_end(self) -> dict[int, Place]:
        return {p.end: p for p in self.divisions}

    def chain_before(self, start: int) -> dict[str, Place]:
        """Places written right before start, adjacent to each other (`乐陵市朱集镇`)."""
        chain: dict[str, Place] = {}
        by_end = self._by_end
        pos = start
        office = OFFICE_BEFORE.search(self.text[max(0, pos - 4):pos])
        if office:
            pos -= len(office.group())
        while pos in by_end:
            p = by_end[pos]
            chain.setdefault(p.level, p)
            pos = p.start
        return chain

    @cached_property
    def article_places(self) -> dict[str, Place]:
        """A level named by one place only in the whole article (`about one town`)."""
        out = {}
        for level in LEVELS:
            places = [p for p in self.divisions if p.level == level and not p.incidental]
            if places and all(_same_division(p, places[0]) for p in places):
                out[level] = _longest_written(places) or places[0]
        return out

    def where(self, start: int, mentions: list[Place] | None = None) -> dict[str, str | None]:
        """town/county/city/province for something at start (or for a village's mentions):
        written together first, then the places the text is about there, then the article's
        only town/county, then what the gazetteer says contains the town."""
        spots = [m.start for m in mentions] if mentions else [start]
        found: dict[str, Place] = {}
        for spot in spots:
            for level, p in self.chain_before(spot).items():
                if level not in found or (found[level].short and not p.short):
                    found[level] = p
        for spot in spots:
            for level, p in self.context_at(spot).items():
                if level not in found and _fits(p, found):
                    found[level] = p
        for level, p in self.article_places.items():
            if level not in found and _fits(p, found):
                found[level] = p
        sentences = [self.sentences.quoted_around(spot) for spot in spots]
        out = {level: (self._full_form(found[level], sentences).name if level in found else None) for level in LEVELS}
        return _fill_from_gazetteer(out, found.get("town"))

    def _full_form(self, p: Place, sentences: list[tuple[int, int]]) -> Place:
        """A place written short (`田东`) that a sentence naming the village writes in full
        (`东养村是田东县芒果种植大村`): the full form; an alias (`宽甸县`) the article also writes
        officially (`宽甸满族自治县`): the official form."""
        if not p.short:  # 宽甸县 where the article also writes 宽甸满族自治县: the official name
            same = [q for q in self.divisions if q.level == p.level and _same_division(q, p)]
            return _longest_written([p, *same]) if p.level == "county" else p
        return next((q for q in self.divisions if not q.short and q.level == p.level and _same_division(q, p)
                     and any(s <= q.start < e for s, e in sentences)), p)

    def village_rows(self) -> list[tuple[Place, dict]]:
        """One (first mention, fields) per distinct village, in order of first mention."""
        groups: dict[str, list[Place]] = {}
        for v in self.villages:
            groups.setdefault(v.name, []).append(v)
        rows, placed = [], {}
        for name, mentions in groups.items():
            where = self.where(mentions[0].start, mentions)
            written = any(self.chain_before(m.start) for m in mentions)
            if not written and (near := self._neighbour_of(mentions[0])):
                where = placed.get(near, where)  # 与桃林坪村一山之隔的大坪头村: in the same town
            placed[name] = where
            fields = {"name": name, **where, "status": self.status(mentions), "mentions": len(mentions)}
            rows.append((mentions[0], fields))
        return rows

    def _neighbour_of(self, v: Place) -> str | None:
        """The village v is introduced as the neighbour of (`与X村相邻的`, `邻近的`: the last one named)."""
        m = NEIGHBOUR.search(self.text, max(0, v.start - 16), v.start)
        if not m:
            return None
        earlier = [o.name for o in self.villages if o.end <= m.start() + (len(m["of"]) + 1 if m["of"] else 0)
                   and o.name != v.name]
        return m["of"] if m["of"] in earlier else (earlier[-1] if earlier else None)

    def status(self, mentions: list[Place]) -> str | None:
        """A label such as 省定贫困村 given in a sentence naming the village, before any
        other village is named (`使姜庄村从一个省定贫困村发展成为`)."""
        for v in mentions:
            s, e = self.sentences.quoted_around(v.start)
            stop = min((o.start for o in self.villages if v.end <= o.start < e and o.name != v.name), default=e)
            m = self.lex.status_pattern.search(self.text, v.end, stop)
            if m:
                return m.group()
        return None

    def village_near(self, start: int, end: int) -> Place | None:
        """The village named in the same sentence, nearest before start, else after end."""
        s, e = self.sentences.quoted_around(start)
        before = [v for v in self.villages if s <= v.start and v.end <= start]
        if before:
            return before[-1]
        after = [v for v in self.villages if v.start >= end and v.end <= e]
        return after[0] if after else None

    @cached_property
    def main_village(self) -> Place | None:
        """The village the article is about: the most mentioned, if any."""
        if not self.villages:
            return None
        counts = Counter(v.name for v in self.villages)
        name, n = counts.most_common(1)[0]
        return next(v for v in self.villages if v.name == name)


def _enter(state: dict[str, Place], p: Place) -> dict[str, Place]:
    """The places in force after p is named: lower levels it does not contain are dropped,
    and so are higher levels that do not contain it."""
    new = {level: q for level, q in state.items() if level != p.level}
    for level, q in list(new.items()):
        if RANK[level] > RANK[p.level] and not related(p, q):
            del new[level]
        elif RANK[level] < RANK[p.level] and not related(q, p):
            del new[level]
    new[p.level] = p
    return new


def _longest_written(places: list[Place]) -> Place | None:
    """The longest form written with its suffix (宽甸满族自治县, not 宽甸县), if any."""
    return max((p for p in places if not p.short), key=lambda p: len(p.name), default=None)


def _same_division(a: Place, b: Place) -> bool:
    """`平利` and `平利县` name one county."""
    return a.name == b.name or bool({d.name for d in a.divisions} & {d.name for d in b.divisions})


def _fits(p: Place, found: dict[str, Place]) -> bool:
    for level, q in found.items():
        if RANK[level] < RANK[p.level] and not related(q, p):
            return False
        if RANK[level] > RANK[p.level] and not related(p, q):
            return False
    return True


def _fill_from_gazetteer(out: dict[str, str | None], town: Place | None) -> dict[str, str | None]:
    """A town the gazetteer knows in one county only tells its county, city and province."""
    if town is None or len({d.ancestors() for d in town.divisions}) != 1:
        return out
    d = town.divisions[0]
    for level, name in (("county", d.county), ("city", d.city), ("province", d.province)):
        if out[level] is None and name:
            out[level] = name
    return out


