"""Places in an article: provinces, cities, counties, towns (from the gazetteer) and villages
(from the 村 / 行政村 / 自然村 / 社区 suffix), read from the character stream.

pkuseg cuts village names apart (`王 / 双志村`, `东 / 杜林疃村`, `凤凰 / 山村`), so a village
is read backwards from its suffix instead: its left edge is the end of a place written just
before it (`乐陵市朱集镇王双志村`) or else the last word that cannot be part of a name
(`定点收购王双志村`). Pure functions over text; components/places.py runs them in the pipeline.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import regex as re

from . import gazetteer
from .gazetteer import Division, Gazetteer
from .lexicons import DEFAULT_DIR, read_lines, read_table

LEVELS = ("province", "city", "county", "town")
RANK = {level: i for i, level in enumerate(LEVELS + ("village",))}
VILLAGE_SUFFIX = re.compile(r"(?:行政|自然)?村|社区|嘎查")  # 嘎查: a village in Inner Mongolia
NAME_RUN_BEFORE = re.compile(r"[^\P{Han}村]+$")  # Han characters back to the previous 村
UNKNOWN_TOWN = re.compile(r"\p{Han}{1,4}?(?:镇|乡|街道|苏木)")
TOWN_OFFICE = re.compile(r"办事处|人民政府|政府")
OFFICE_BEFORE = re.compile(r"(?:办事处|人民政府|政府)$")
HAN = re.compile(r"\p{Han}")
QUOTE_OR_STOP = re.compile(r"[“”\n。！？!?；;]")
TOWN_SUFFIX = re.compile(r"镇|乡|街道")
SHORT_QUOTE = re.compile(r"“[^“”\n]{1,12}”")
LEADING_TOWN = re.compile(r"\p{Han}{1,4}(?:镇|乡|街道)")
MIN_BODY, MAX_LOOSE_BODY, MAX_ANCHORED_BODY, MAX_RUN = 2, 4, 10, 14  # village name lengths, suffix excluded


@dataclass(frozen=True)
class Lexicon:
    """Word lists the place rules read (see each file's header)."""

    FILES = ("name_left_stops.txt", "village_generic.txt", "village_not_suffix.txt", "village_status.txt",
             "place_short_after.tsv", "town_not_suffix.txt", "place_elsewhere_cues.txt", "name_weak_stops.txt",
             "village_kinds.txt", "village_generic_long.txt", gazetteer.FILE, gazetteer.STOPS_FILE)

    directory: Path
    stops: tuple[str, ...]
    generic: tuple[str, ...]
    not_suffix: tuple[str, ...]
    statuses: tuple[str, ...]
    short_after: tuple[tuple[str, ...], ...]
    town_not_suffix: tuple[str, ...]
    elsewhere: tuple[str, ...]
    weak_stops: tuple[str, ...]
    kinds: tuple[str, ...]
    long_tails: tuple[str, ...]

    @classmethod
    def load(cls, directory: Path = DEFAULT_DIR) -> "Lexicon":
        d = Path(directory)
        files = [read_table(d / n) if n.endswith(".tsv") else read_lines(d / n) for n in cls.FILES[:10]]
        return cls(d, *files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return gazetteer.load(self.directory)

    @cached_property
    def stop_pattern(self) -> re.Pattern:
        return _alternation(self.stops)

    @cached_property
    def status_pattern(self) -> re.Pattern:
        return _alternation(self.statuses)

    @cached_property
    def not_suffix_pattern(self) -> re.Pattern:
        return _alternation(self.not_suffix)

    @cached_property
    def generic_tail(self) -> re.Pattern:
        return re.compile(f"(?:{_alternation(self.generic).pattern})$")

    @cached_property
    def kind_tail(self) -> re.Pattern:
        return re.compile(f"(?:{_alternation(self.kinds).pattern})$")

    @cached_property
    def not_town_pattern(self) -> re.Pattern:
        return _alternation(self.town_not_suffix)

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self.stops)


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


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

def find_divisions(text: str, lex: Lexicon) -> list[Place]:
    """Provinces, cities, counties and towns named in text, left to right."""
    gaz = lex.gazetteer
    found = [_place(s, e, surface) for s, e, surface in gaz.scan(text)]
    found = _add_towns_after_counties(text, found, gaz, lex)
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


def _mark_incidental(text: str, places: list[Place], lex: Lexicon) -> list[Place]:
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


def _add_towns_after_counties(text: str, found: list[Place], gaz: Gazetteer, lex: Lexicon) -> list[Place]:
    """A county is often followed by one of its towns written short (`随县万福店`) or by a town
    the gazetteer lacks (`江口县官和乡`); read those from the county's end."""
    starts = {p.start for p in found}
    extra = []
    for p in found:
        if p.level != "county" or p.end in starts:
            continue
        counties = [d for d in p.divisions if d.level == "county"]
        short = next((s for d in counties if (s := gaz.town_short_after(d, text, p.end))), None)
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


def _credible(text: str, found: list[Place], i: int, lex: Lexicon) -> bool:
    """Full names count as written; short names and one-character names (`泗水`, `兴县`) only
    when chained to a related place or set off by punctuation or a preposition."""
    p = found[i]
    if p.level == "town" and (lex.not_town_pattern.match(text, p.end - 1)
                              or any(p.name.endswith(w) for w in lex.town_not_suffix)):
        return False
    one_char = len(p.name) == 2 and not p.short
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
    return cue == "yes" or (left_ok and (not right or not _is_han(right[0]) or cue is not None))


def _left_boundary(text: str, pos: int, lex: Lexicon) -> bool:
    if pos == 0 or not _is_han(text[pos - 1]):
        return True
    window = text[max(0, pos - 6):pos]
    return any(window.endswith(w) for w in lex.stops)


def _is_han(ch: str) -> bool:
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


# ------------------------------------------------------------------- villages ---

def find_villages(text: str, divisions: list[Place], lex: Lexicon) -> list[Place]:
    """Every mention of a named village, left to right, with its name as written."""
    ends = sorted({p.end for p in divisions})
    inside = _covered(divisions)
    raw: list[Place] = []
    floor = 0
    for m in VILLAGE_SUFFIX.finditer(text):
        if m.start() in inside or _starts_word(text, m, lex):
            continue
        village = _village_at(text, m, max(floor, m.start() - MAX_RUN), ends, lex)
        if village:
            raw.append(village)
            floor = village.end
    return _resolve_short_forms(raw)


def _covered(places: list[Place]) -> set[int]:
    return {i for p in places for i in range(p.start, p.end)}


def _starts_word(text: str, m: re.Match, lex: Lexicon) -> bool:
    """`村民`, `村集体`: this 村 begins a word instead of ending a name."""
    return m.group() == "村" and bool(lex.not_suffix_pattern.match(text, m.start()))


def _village_at(text: str, m: re.Match, floor: int, ends: list[int], lex: Lexicon) -> Place | None:
    run = NAME_RUN_BEFORE.search(text, floor, m.start())
    if not run:
        return None
    run_start = _after_village_word(text, run.start(), lex)
    if m.start() - run_start < MIN_BODY:
        return None
    start, anchored = _left_edge(text, run_start, m.start(), ends, lex)
    if start is None or _quoted(text, start, m.end()):
        return None
    body = text[start:m.start()]
    if _generic(body, lex) or (m.group() == "社区" and not anchored):
        return None
    loose = len(body) > (MAX_ANCHORED_BODY if anchored else MAX_LOOSE_BODY)
    doubtful = not anchored and (body in lex.stop_words or bool(lex.kind_tail.search(body)))
    return Place(start, m.end(), body + m.group(), "village", anchored=anchored, loose=loose, doubtful=doubtful)


def _after_village_word(text: str, run_start: int, lex: Lexicon) -> int:
    """A name never starts inside a word that begins with 村: in `村里由村党支部` the run
    back from the second 村 starts after `村里`, leaving no name."""
    word = lex.not_suffix_pattern.match(text, run_start - 1) if text[run_start - 1:run_start] == "村" else None
    return word.end() if word and word.end() > run_start else run_start


def _left_edge(text: str, run_start: int, suffix: int, ends: list[int], lex: Lexicon):
    """Where the village name starts, and whether a place written before it fixed that."""
    i = bisect_right(ends, suffix - 1) - 1
    anchor = ends[i] if i >= 0 and ends[i] >= run_start else None
    if anchor is not None:
        office = TOWN_OFFICE.match(text, anchor, suffix)
        anchor = office.end() if office else anchor
        return after_last_stop(text, anchor, suffix, lex), True
    town = LEADING_TOWN.match(text, run_start, suffix)
    if town and (run_start == 0 or not _is_han(text[run_start - 1])) \
            and MIN_BODY <= suffix - town.end() <= MAX_LOOSE_BODY and not lex.stop_pattern.search(text, run_start, suffix):
        return town.end(), True  # `,孔镇镇吕门楼村`: a town the gazetteer lacks, then the village
    return after_last_stop(text, run_start, suffix, lex), False


def after_last_stop(text: str, start: int, end: int, lex, strict: bool = True) -> int | None:
    """Start of a name ending at `end` after the last word that cannot be part of it (lex has
    a `stop_pattern`). Strict (villages, two or three characters long): None when that word
    leaves one character (`深入到各村`, `入了村`). Lenient (names before a head noun): the last
    word that leaves two (`成立的箱包加工就业工场` is not cut at the 就 of 就业) or is two long
    (`加快老果园`), else any."""
    weak = getattr(lex, "weak_stops", ())
    stops = [m for m in lex.stop_pattern.finditer(text, start, end, overlapped=True)
             if m.end() < end and (end - m.end() >= MIN_BODY or not strict or m.group() not in weak)]
    cuts = [m.end() for m in stops]
    if not strict:  # prefer a cut leaving two characters, or made by a word of two (`加快老果园`);
        # a head noun may take one (`的白茶园`)
        cuts = [m.end() for m in stops if end - m.end() >= MIN_BODY or len(m.group()) >= MIN_BODY] or cuts
        return max(cuts) if cuts else start
    if not cuts:
        return start if end - start >= MIN_BODY else None
    last = max(cuts)
    return last if end - last >= MIN_BODY else None


def _quoted(text: str, start: int, end: int) -> bool:
    """`“土豪村”`: a nickname in quotes, not a village's name."""
    return text[start - 1:start] in "“\"‘" and text[end:end + 1] in "”\"’"


def _generic(body: str, lex: Lexicon) -> bool:
    return len(body) < MIN_BODY or bool(lex.generic_tail.search(body)) \
        or (len(body) > MIN_BODY and body[-1] in lex.long_tails)


def _resolve_short_forms(raw: list[Place]) -> list[Place]:
    """A long reading (`党委根据金匏村`) is the known village it ends with; a long one that
    ends with none is dropped as too uncertain. A name that is also a verb (`利用村传统产业`)
    or a kind (`远近闻名的茶叶村`) stands only if the article names that village again or with its
    town (`建设村` ×10)."""
    known = sorted({p.name for p in raw if not p.loose}, key=len, reverse=True)
    out = []
    for p in raw:
        name = next((k for k in known if p.name.endswith(k) and len(k) < len(p.name)), None)
        if name and (p.loose or not p.anchored):
            p = replace(p, start=p.end - len(name), name=name, loose=False)
        if not p.loose:
            out.append(p)
    confirmed = Counter(p.name for p in out) + Counter(p.name for p in out if p.anchored)
    return [p for p in out if not p.doubtful or confirmed[p.name] >= 2]


# ------------------------------------------------------------------ geography ---

@dataclass
class Geography:
    """An article's places, and what each village (or any position) lies in."""

    text: str
    divisions: list[Place]
    villages: list[Place]
    lex: Lexicon
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

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.text)

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
                out[level] = next((p for p in places if not p.short), places[0])
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
        sentences = [self.sentences.around(spot) for spot in spots]
        out = {level: (self._full_form(found[level], sentences).name if level in found else None) for level in LEVELS}
        return _fill_from_gazetteer(out, found.get("town"))

    def _full_form(self, p: Place, sentences: list[tuple[int, int]]) -> Place:
        """A place written short (`田东`) that a sentence naming the village writes in full
        (`东养村是田东县芒果种植大村`): the full form."""
        if not p.short:
            return p
        return next((q for q in self.divisions if not q.short and q.level == p.level and _same_division(q, p)
                     and any(s <= q.start < e for s, e in sentences)), p)

    def village_rows(self) -> list[tuple[Place, dict]]:
        """One (first mention, fields) per distinct village, in order of first mention."""
        groups: dict[str, list[Place]] = {}
        for v in self.villages:
            groups.setdefault(v.name, []).append(v)
        rows = []
        for name, mentions in groups.items():
            fields = {"name": name, **self.where(mentions[0].start, mentions),
                      "status": self.status(mentions), "mentions": len(mentions)}
            rows.append((mentions[0], fields))
        return rows

    def status(self, mentions: list[Place]) -> str | None:
        """A label such as 省定贫困村 given in a sentence naming the village, before any
        other village is named (`使姜庄村从一个省定贫困村发展成为`)."""
        for v in mentions:
            s, e = self.sentences.around(v.start)
            stop = min((o.start for o in self.villages if v.end <= o.start < e and o.name != v.name), default=e)
            m = self.lex.status_pattern.search(self.text, v.end, stop)
            if m:
                return m.group()
        return None

    def village_near(self, start: int, end: int) -> Place | None:
        """The village named in the same sentence, nearest before start, else after end."""
        s, e = self.sentences.around(start)
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


CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?\n]")
SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
LOOKBACK = 300  # a clause or sentence is never longer: keeps every search O(text)


def clause_around(text: str, start: int, end: int, breaks: re.Pattern = CLAUSE_BREAK) -> tuple[int, int]:
    """The clause (or, with SENTENCE_BREAK, the plain sentence) holding text[start:end]."""
    s = max((m.end() for m in breaks.finditer(text, max(0, start - LOOKBACK), start)), default=max(0, start - LOOKBACK))
    after = breaks.search(text, end, end + LOOKBACK)
    return s, after.start() if after else min(len(text), end + LOOKBACK)


class Sentences:
    """Sentence spans of a text, ended by 。！？； or a line break; a stop inside quotes does
    not end one, so a quotation stays with its attribution (`“…分了5600元”，吕廷和说`)."""

    def __init__(self, text: str):
        self.spans: list[tuple[int, int]] = []
        start, depth = 0, 0
        for m in QUOTE_OR_STOP.finditer(text):
            ch = m.group()
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(depth - 1, 0)
            elif ch == "\n" or depth == 0:
                depth = 0
                self.spans.append((start, m.start()))
                start = m.end()
        self.spans.append((start, len(text)))
        self.starts = [s for s, _ in self.spans]

    def around(self, pos: int) -> tuple[int, int]:
        return self.spans[max(bisect_right(self.starts, pos) - 1, 0)]
