"""Villages: named by their suffix (村, 行政村, 自然村, 社区, 嘎查), read backwards from it.

pkuseg cuts village names apart (`王 / 双志村`, `东 / 杜林疃村`, `凤凰 / 山村`), so a village
is read backwards from its suffix instead: its left edge is the end of a place written just
before it (`乐陵市朱集镇王双志村`) or else the last word that cannot be part of a name
(`定点收购王双志村`). Pure functions over text; the places component runs them.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

import regex as re

from ..nlp.names import MIN_BODY, after_last_stop, word_start
from .divisions import Place, is_han
from .lexicon import PlaceWords

VILLAGE_SUFFIX = re.compile(r"(?:行政|自然)?村|社区|嘎查")  # 嘎查: a village in Inner Mongolia
SUFFIX_AT_END = re.compile(rf"(?:{VILLAGE_SUFFIX.pattern})$")
NAME_OPENERS = "、，,。；;：:\n"  # marks after which a name may begin
GACHA_VILLAGES = re.compile(r"嘎查村")  # `全旗嘎查村集体经济`: the banner's villages, no name
NAME_RUN_BEFORE = re.compile(r"[^\P{Han}村]+\Z")  # Han characters back to the previous 村
TOWN_OFFICE = re.compile(r"办事处|人民政府|政府")
LEADING_TOWN = re.compile(r"\p{Han}{1,4}(?:镇|乡|街道)")
DIRECTIONS = "前后东西南北上下中"  # a one-character direction word often begins a name (后新立村)
MAX_LOOSE_BODY, MAX_ANCHORED_BODY, MAX_RUN = 4, 10, 14  # village name lengths, suffix excluded


def find_villages(text: str, divisions: list[Place], lex: PlaceWords) -> list[Place]:
    """Every mention of a named village, left to right, with its name as written."""
    ends = sorted({p.end for p in divisions})
    generic = [*lex.slogan_pattern.finditer(text), *GACHA_VILLAGES.finditer(text)]
    inside = _covered(divisions) | {i for m in generic for i in range(m.start(), m.end())}
    raw: list[Place] = []
    floor = 0
    for m in VILLAGE_SUFFIX.finditer(text):
        if m.start() in inside or _starts_word(text, m, lex):
            continue
        village = _village_at(text, m, max(floor, m.start() - MAX_RUN), ends, lex)
        if village:
            raw.append(village)
            floor = village.end
    return _resolve_short_forms(_initials_kept(text, raw, set(ends)))


def _initials_kept(text: str, raw: list[Place], ends: set[int]) -> list[Place]:
    """A one-character word cut off where a name may start — right after a town or a punctuation
    mark (`台烈镇对江坪村`, `、措久林村`) — is the name's own when the text never writes the rest
    without it (`对江坪村党支部…`, `扎囊县措久林青稞…合作社`): no preposition stands before a
    village every time."""
    initials = {p.name: text[p.start - 1] for p in raw if _name_may_start(text, p.start - 1, ends)}
    kept = {name: c for name, c in initials.items()
            if text.count(c + _body(name)) == text.count(_body(name)) >= 2}
    return [replace(p, start=p.start - 1, name=kept[p.name] + p.name)
            if p.name in kept and text[p.start - 1:p.start] == kept[p.name] else p for p in raw]


def _name_may_start(text: str, i: int, ends: set[int]) -> bool:
    return i > 0 and is_han(text[i]) and (i in ends or text[i - 1] in NAME_OPENERS)


def _body(name: str) -> str:
    return village_stem(name) if len(name) > 2 else name


def village_stem(name: str) -> str:
    """A village's name without its suffix: 措久林村 → 措久林, 巴彦温都嘎查 → 巴彦温都."""
    return SUFFIX_AT_END.sub("", name)


def _covered(places: list[Place]) -> set[int]:
    return {i for p in places for i in range(p.start, p.end)}


def _starts_word(text: str, m: re.Match, lex: PlaceWords) -> bool:
    """`村民`, `村集体`: this 村 begins a word instead of ending a name."""
    return m.group() == "村" and bool(lex.not_suffix_pattern.match(text, m.start()))


def _village_at(text: str, m: re.Match, floor: int, ends: list[int], lex: PlaceWords) -> Place | None:
    run = NAME_RUN_BEFORE.search(text, floor, m.start())
    if not run:
        return None
    run_start = _after_village_word(text, run.start(), lex)
    if m.start() - run_start < MIN_BODY:
        return None
    start, anchored = _left_edge(text, run_start, m.start(), ends, lex)
    if start is None or _quoted(text, start, m.end()):
        return None
    unsure = False
    if anchored:  # a place before it fixes the edge, unless a word no name holds follows it
        # (`沂南县大力推行村`); a one-character word there is the name's own (`什集镇前刘楼村`)
        cut = word_start(text, start, m.start(), min_body=MAX_RUN)
        if cut > start and m.start() - cut < MIN_BODY:
            return None
        start = cut
    else:  # a word no name holds inside it: cut there, or, where nothing would be
        cut = word_start(text, start, m.start(), one_char_kept=DIRECTIONS)  # left (`不出村`, `各 / 洛村`), doubt the name
        start, unsure = (cut, False) if m.start() - cut >= MIN_BODY else (start, cut > start)
    body = text[start:m.start()]
    if _generic(body, lex) or (m.group() == "社区" and not anchored):
        return None
    loose = len(body) > (MAX_ANCHORED_BODY if anchored else MAX_LOOSE_BODY)
    doubtful = not anchored and (unsure or body in lex.stop_words or bool(lex.kind_tail.search(body)))
    return Place(start, m.end(), body + m.group(), "village", anchored=anchored, loose=loose, doubtful=doubtful)


def _after_village_word(text: str, run_start: int, lex: PlaceWords) -> int:
    """A name never starts inside a word that begins with 村: in `村里由村党支部` the run
    back from the second 村 starts after `村里`, leaving no name."""
    word = lex.not_suffix_pattern.match(text, run_start - 1) if text[run_start - 1:run_start] == "村" else None
    return word.end() if word and word.end() > run_start else run_start


def _left_edge(text: str, run_start: int, suffix: int, ends: list[int], lex: PlaceWords):
    """Where the village name starts, and whether a place written before it fixed that."""
    i = bisect_right(ends, suffix - 1) - 1
    anchor = ends[i] if i >= 0 and ends[i] >= run_start else None
    if anchor is not None:
        office = TOWN_OFFICE.match(text, anchor, suffix)
        anchor = office.end() if office else anchor
        return after_last_stop(text, anchor, suffix, lex.stop_pattern, lex.weak_stops), True
    town = LEADING_TOWN.match(text, run_start, suffix)
    if town and (run_start == 0 or not is_han(text[run_start - 1])) \
            and MIN_BODY <= suffix - town.end() <= MAX_LOOSE_BODY and not lex.stop_pattern.search(text, run_start, suffix):
        return town.end(), True  # `,孔镇镇吕门楼村`: a town the gazetteer lacks, then the village
    return after_last_stop(text, run_start, suffix, lex.stop_pattern, lex.weak_stops), False


def _quoted(text: str, start: int, end: int) -> bool:
    """`“土豪村”`: a nickname in quotes, not a village's name."""
    return text[start - 1:start] in "“\"‘" and text[end:end + 1] in "”\"’"


def _generic(body: str, lex: PlaceWords) -> bool:
    return len(body) < MIN_BODY or bool(lex.generic_tail.search(body)) \
        or (len(body) > MIN_BODY and body[-1] in lex.long_tails)


def _resolve_short_forms(raw: list[Place]) -> list[Place]:
    """A long reading (`党委根据金匏村`) is the known village it ends with; a long one that
    ends with none is dropped as too uncertain, unless written the same way twice. A name that is also a verb (`利用村传统产业`)
    or a kind (`远近闻名的茶叶村`) stands only if the article names that village again or with its
    town (`建设村` ×10)."""
    known = sorted({p.name for p in raw if not p.loose}, key=len, reverse=True)
    repeated = {name for name, n in Counter(p.name for p in raw if p.loose).items() if n >= 2}
    out = []
    for p in raw:
        name = next((k for k in known if p.name.endswith(k) and len(k) < len(p.name)), None)
        if name and (p.loose or not p.anchored):
            p = replace(p, start=p.end - len(name), name=name, loose=False)
        if not p.loose or p.name in repeated:  # 托万克盖孜力克村 written twice: a long name
            out.append(p)
    confirmed = Counter(p.name for p in out) + Counter(p.name for p in out if p.anchored)
    return [p for p in out if not p.doubtful or confirmed[p.name] >= 2]


