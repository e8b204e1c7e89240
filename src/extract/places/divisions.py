"""Provinces, cities, counties and towns named in a text, read with the gazetteer.

Full names count as written; short ones (`泗水`) only where the text shows they are the place.
Pure functions over text; the places component runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from .gazetteer import Division, Gazetteer
from .lexicon import PlaceWords

LEVELS = ("province", "city", "county", "town")
RANK = {level: i for i, level in enumerate(LEVELS + ("village",))}
UNKNOWN_TOWN = re.compile(r"\p{Han}{1,4}?(?:镇|乡|街道|苏木)")
COUNTY_WRITTEN = re.compile(r"\p{Han}{1,4}(?:县|旗|区|市)")
HAN = re.compile(r"\p{Han}")
TOWN_SUFFIX = re.compile(r"镇|乡|街道")
ORG_AHEAD = re.compile(r"\p{Han}{0,12}?(?:合作社|公司|协会|联合社)")
COUNTY_WORD = re.compile(r"县(?:里|城|委|上|域|长|级)")
SHORT_QUOTE = re.compile(r"“[^“”\n]{1,12}”")


@dataclass(frozen=True)
class Place:
    """A place named in the text. `name` is the village name as written (Simplified, with
    suffix) or the division as written; `divisions` the gazetteer entries it may be."""

    start: int
    end: int
    name: str
    level: str
    divisions: tuple[Division, ...] = ()
    under: str | None = None        # for a town missing from the gazetteer: the place before it
    short: bool = False             # a division written without its suffix (`泗水`)
    anchored: bool = False          # a village whose left edge a place written before it fixed
    loose: bool = False             # a village read with a long, unanchored left edge
    doubtful: bool = False          # a name that is also a verb or a kind (`利用村传统产业`, `茶叶村`)
    incidental: bool = False        # a place the story only visits (`到山东鄄城参观`)

    @property
    def division_names(self) -> set[str]:
        return {d.name for d in self.divisions} | {self.name}


# ------------------------------------------------------------------ divisions ---

def find_divisions(text: str, lex: PlaceWords) -> list[Place]:
    """Provinces, cities, counties and towns named in text, left to right."""
    gaz = lex.gazetteer
    found = [_place(s, e, surface) for s, e, surface in gaz.scan(text)]
    found = _add_towns_after_counties(text, found, gaz, lex)
    found = _add_counties_before_towns(text, found, gaz)
    found = [_with_town_suffix(text, p) for p in found]
    kept = [p for i, p in enumerate(found) if _credible(text, found, i, lex)]
    kept = [_narrow(kept, i) for i in range(len(kept))]
    return _mark_incidental(text, kept, lex)


def _with_town_suffix(text: str, p: Place) -> Place:
    """A town is written with a suffix the gazetteer name lacks or doubles: `官和` + `乡`,
    `孔镇` + `镇`; the place as written includes it."""
    if p.level != "town":
        return p
    m = TOWN_SUFFIX.match(text, p.end)
    if m and (p.short or p.name[-1] in "镇乡"):
        return replace(p, end=m.end(), name=p.name + m.group(), short=False)
    return p


def _mark_incidental(text: str, places: list[Place], lex: PlaceWords) -> list[Place]:
    """Places the story only visits (`到山东鄄城参观`), with the places chained to them, and
    places inside a quoted name (`“临清刘垓子”微信公众号`)."""
    out: list[Place] = []
    quoted = {i for m in SHORT_QUOTE.finditer(text) for i in range(m.start(), m.end())}
    for p in places:
        before = text[max(0, p.start - 3):p.start]
        chained = out and out[-1].end == p.start and out[-1].incidental
        if chained or p.start in quoted or any(before.endswith(w) for w in lex.elsewhere):
            p = replace(p, incidental=True)
        out.append(p)
    return out


def _place(start: int, end: int, surface) -> Place:
    level = min((d.level for d in surface.divisions), key=RANK.get)
    return Place(start, end, surface.text, level, surface.divisions, short=surface.short)


def _add_towns_after_counties(text: str, found: list[Place], gaz: Gazetteer, lex: PlaceWords) -> list[Place]:
    """A county is often followed by one of its towns written short (`随县万福店`) or by a town
    the gazetteer lacks (`江口县官和乡`); read those from the county's end."""
    starts = {p.start for p in found}
    extra = []
    for p in found:
        if p.level != "county" or p.end in starts:
            continue
        counties = [d for d in p.divisions if d.level == "county"]
        short = next((s for d in counties if (s := gaz.town_short_after(d, text, p.end))), None)
        if short and ORG_AHEAD.match(text, p.end + len(short.text)) and short.text + "村" in text:
            short = None  # 抚松县兴参人参种植专业合作社 of 兴参村: named after the village, not the town 兴参
        if short:
            extra.append(Place(p.end, p.end + len(short.text), short.text, "town", short.divisions, short=True))
            continue
        m = UNKNOWN_TOWN.match(text, p.end)
        if m and len(m.group()) >= 3 and not lex.stop_pattern.search(m.group()[:-1]):
            extra.append(Place(m.start(), m.end(), m.group(), "town", (), under=p.name))
    merged = sorted(found + extra, key=lambda p: p.start)
    out, last_end = [], -1
    for p in merged:  # a town read after a county must not overlap what the scan found
        if p.start >= last_end:
            out.append(p)
            last_end = p.end
    return out


def _add_counties_before_towns(text: str, found: list[Place], gaz: Gazetteer) -> list[Place]:
    """A county written right before one of its towns in a short form the gazetteer lacks
    (`喀左县中三家镇`, `科右前旗俄体镇`): the county as written, when it starts like the
    town's county."""
    ends = {p.end for p in found}
    extra = []
    for i, p in enumerate(found):
        if p.level != "town" or p.start in ends or len({d.ancestors() for d in p.divisions}) != 1:
            continue
        town = p.divisions[0]
        floor = found[i - 1].end if i else 0
        start = next((p.start - n for n in range(2, 6) if p.start - n >= floor and text[p.start - n] == town.county[:1]
                      and COUNTY_WRITTEN.fullmatch(text, p.start - n, p.start)), None)
        surface = gaz.surfaces.get(town.county)
        counties = tuple(d for d in surface.divisions if d.level == "county" and d.province == town.province) \
            if surface else ()
        if start is not None and counties:
            extra.append(Place(start, p.start, text[start:p.start], "county", counties))
    return sorted(found + extra, key=lambda p: p.start)


def _not_a_town_word(p: Place, word: str) -> bool:
    """`部分乡镇`, `三乡镇`: a town word after a determiner or numeral; but the gazetteer's
    `阿尔乡镇`, `大泽乡镇` are towns."""
    return not p.divisions or len(p.name) - len(word) < 2


def _credible(text: str, found: list[Place], i: int, lex: PlaceWords) -> bool:
    """Full names count as written; short names and one-character names (`泗水`, `兴县`) only
    when chained to a related place or set off by punctuation or a preposition."""
    p = found[i]
    if p.level == "town" and (lex.not_town_pattern.match(text, p.end - 1)
                              or any(p.name.endswith(w) and _not_a_town_word(p, w) for w in lex.town_not_suffix)):
        return False
    one_char = len(p.name) == 2 and not p.short
    if one_char and COUNTY_WORD.match(text, p.end - 1):
        return False  # 合作社还和县里的餐馆: 县里 is "the county", not 和县
    if not p.short and not one_char:
        return True
    prev = found[i - 1] if i and found[i - 1].end == p.start else None
    nxt = found[i + 1] if i + 1 < len(found) and found[i + 1].start == p.end else None
    if (prev and related(prev, p)) or (nxt and related(p, nxt)):
        return True
    left_ok = _left_boundary(text, p.start, lex)
    if one_char:
        return left_ok
    right = text[p.end:p.end + 3]
    cue = next((alone for w, alone in lex.short_after if right.startswith(w)), None)
    return cue == "yes" or (left_ok and (not right or not is_han(right[0]) or cue is not None))


def _left_boundary(text: str, pos: int, lex: PlaceWords) -> bool:
    if pos == 0 or not is_han(text[pos - 1]):
        return True
    window = text[max(0, pos - 6):pos]
    return any(window.endswith(w) for w in lex.stops)


def is_han(ch: str) -> bool:
    return bool(HAN.match(ch))


def related(upper: Place, lower: Place) -> bool:
    """Whether lower can lie inside upper according to the gazetteer."""
    if RANK[upper.level] >= RANK[lower.level]:
        return False
    if not lower.divisions:
        return lower.under is None or lower.under in upper.division_names or RANK[upper.level] < RANK["county"]
    names = upper.division_names
    return any(a in names for d in lower.divisions for a in d.ancestors())


def _narrow(places: list[Place], i: int) -> Place:
    """Keep the readings of an ambiguous name that fit the place written next to it."""
    p = places[i]
    if len(p.divisions) < 2:
        return p
    prev = places[i - 1] if i and places[i - 1].end == p.start else None
    if prev:
        fit = tuple(d for d in p.divisions if any(a in prev.division_names for a in d.ancestors()))
        if fit:
            level = min((d.level for d in fit), key=RANK.get)
            return replace(p, divisions=fit, level=level)
    return p


