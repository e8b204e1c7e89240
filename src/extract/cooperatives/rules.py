"""Cooperatives named in an article: `六联专业种植合作社`, `“七彩田园”合作社` (→ 七彩田园合作社),
or one identified by its village (`姜庄村党支部领办合作社`, and `东兴村…组建农机合作社` →
东兴村农机合作社). Kinds and counts (`土地股份合作社21家`, `各村合作社`) are no cooperative.

Like villages, a name is read backwards from its suffix to the last word that cannot be part of
it. Pure functions over text and the article's Geography; components/cooperatives.py runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from ..nlp.names import NOT_IN_NAMES, after_last_stop, word_start
from ..nlp.sentences import clause_around
from ..places import Geography, village_stem
from .lexicon import CoopWords

SUFFIX = re.compile(r"合作社联合社|合作总社|合作社|联合社")  # 富通农民专业合作社联合社, 公义村经济合作总社, 莲花月柿产业联合社
NAME_RUN = re.compile(r"[\p{Han}“”‘’\"「」『』·]+\Z")  # \Z: $ would also match before a line break
QUOTES = re.compile(r"[“”‘’\"「」『』]")
QUOTED_RUN = re.compile(r"[“‘「『][^“”‘’「」『』]{1,12}[”’」』]")  # “橘乡和丰”柑橘专业合作社
BARE_VILLAGE_WORD = re.compile(r"(?:嘎查|村)?")
OPENING_QUOTES, CLOSING_QUOTES = "“‘「『", "”’」』"
UNIT_AFTER_NUMBER = re.compile(r"(?:万|亿)?(?:多|余)?(?:块钱|块|元|亩|户|人|名|个|家|年)?")
COUNT_AFTER = re.compile(r"\s*\d+\s*(?:余|多)?\s*(?:家|个)")
MODEL = re.compile(r"[“‘\"]?((?:[\p{Han}()（）]{1,8}[+＋]){1,6}[\p{Han}()（）]{1,8})[”’\"]?")
MAX_NAME = 24
MODEL_JOINS = ("+", "＋")
NOT_IN_COOP_NAMES = NOT_IN_NAMES | {"m", "q"}  # nor a count: `一批专业合作社`
LEGAL_FORM_ONLY = ("", "专业", "农民", "农民专业")  # `横岭村合作社`, `英阿瓦提村农民专业合作社`: the village's one


@dataclass(frozen=True)
class CoopMention:
    start: int      # the span written in the text (for a name built from a village: the kind + 合作社)
    end: int
    name: str       # quotes removed
    key: str        # what two mentions of one cooperative share (`火凤凰`)
    village: str | None
    generic: bool = False  # nothing but places and a legal form (`英阿瓦提村农民专业合作社`): the village's own


@dataclass
class Cooperative:
    mentions: list[CoopMention]
    fields: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return max((m.name for m in self.mentions), key=len)

    @property
    def first(self) -> CoopMention:
        return self.mentions[0]


def find_cooperatives(text: str, geo: Geography, lex: CoopWords) -> list[Cooperative]:
    """The distinct cooperatives of an article, in order of first mention, with their fields."""
    coops: list[Cooperative] = []
    for m in SUFFIX.finditer(text):
        found = _mention_at(text, m.start(), m.end(), geo, lex)
        if found is None:
            continue
        mention, strong = found
        same = next((c for c in coops if _same(c, mention)), None)
        if same:
            same.mentions.append(mention)
        elif strong:
            coops.append(Cooperative([mention]))
    for c in coops:
        c.fields = coop_fields(text, c, geo, lex)
    return coops


def _mention_at(text: str, s: int, e: int, geo: Geography, lex: CoopWords) -> tuple[CoopMention, bool] | None:
    """The cooperative whose 合作社 stands at s, and whether the text names it on its own
    (a weak mention, a bare `火凤凰合作社`, may only refer to one named elsewhere)."""
    if COUNT_AFTER.match(text, e):
        return None  # `土地股份合作社21家`: a count of a kind
    start = _name_start(text, s, lex, _place_spans(text, s, geo))
    start = _after_founder(text, start, s, geo, lex)
    start = _quoted_whole(text, start, s, e)
    start += len(BARE_VILLAGE_WORD.match(text, start, s).group())  # 我们嘎查聚龙…: "our village"
    written = text[start:s]
    villages = [v for v in geo.villages if start <= v.start and v.end <= s]
    places = [p.name for p in sorted(geo.divisions + villages, key=lambda p: p.start) if start <= p.start < s]
    body = QUOTES.sub("", written)
    kind = _strip_places(body, places)
    core, trade = _strip_kinds(kind, lex)
    named_by_place = trade and body != kind  # 喀左县中三家镇果蔬专业合作社联合社: a town's own
    if villages or core or named_by_place:
        naming = any(text[:start].endswith(v) for v in lex.naming_verbs)
        strong = (bool(villages) or trade or naming or written != body) and not _in_model(text, start, e)
        village = villages[0].name if villages else None
        return CoopMention(start, e, body + text[s:e], core or body, village, generic=kind in LEGAL_FORM_ONLY), strong
    mention = _named_by_village(text, start, s, e, kind, geo)
    return (mention, True) if mention else None


def _after_founder(text: str, start: int, s: int, geo: Geography, lex: CoopWords) -> int:
    """`乌高村党支部领办雷山县乌高苗韵茶叶专业合作社`: who founded it, then its own full name.
    The name starts after the founding verb when what follows names a cooperative by itself (a
    place, or a name of its own and a trade word); `茅坝村党支部领办茶叶专业合作社` keeps its founder."""
    verbs = list(lex.founding_pattern.finditer(text, start, s, overlapped=True))
    if not verbs:
        return start
    verb = max(verbs, key=lambda v: v.end())  # 村党支部牵头领办淮源…: the name follows the last verb
    places = any(verb.end() <= p.start and p.end <= s for p in geo.divisions + geo.villages)
    core, trade = _strip_kinds(QUOTES.sub("", text[verb.end():s]), lex)
    return verb.end() if places or (core and trade) else start


def _quoted_whole(text: str, start: int, s: int, e: int) -> int:
    """`师宗“盈果种植专业合作社”`: a name quoted whole is the quoted part."""
    opening = max(text.rfind(q, start, s) for q in OPENING_QUOTES)
    if opening > start and text[e:e + 1] in CLOSING_QUOTES and not QUOTES.search(text, opening + 1, s):
        return opening
    return start


def _place_spans(text: str, s: int, geo: Geography) -> tuple[tuple[int, int], ...]:
    """Places written before 合作社 at s: divisions, villages, a village's name without its
    suffix (`东养芒果种植专业合作社` of 东养村) and the article's county written short (`都安弄平…`
    in an article naming 都安瑶族自治县): a name's left edge never cuts into them."""
    window = max(0, s - MAX_NAME)
    bodies = {village_stem(v.name) for v in geo.villages} - {""}
    bodies |= {_county_short(name) for name in _counties(geo)} - {""}  # 都安 of 都安瑶族自治县
    spans = [(p.start, p.end) for p in geo.divisions + geo.villages if window <= p.end <= s]
    for body in bodies:
        spans += [(m.start(), m.end()) for m in re.compile(re.escape(body)).finditer(text, window, s)]
    return tuple(spans)


def _counties(geo: Geography) -> set[str]:
    """The counties the article's places are or lie in (a town names its county: 下坳镇)."""
    own = [p for p in geo.divisions if not p.incidental]
    return {p.name for p in own if p.level == "county"} | {d.county for p in own for d in p.divisions if d.county}


def _county_short(name: str) -> str:
    """都安瑶族自治县 → 都安, 江永县 → 江永; a one-character county (兴县) has no safe short form."""
    return name[:2] if len(name) > 2 else ""


def _name_start(text: str, s: int, lex: CoopWords, places: tuple[tuple[int, int], ...] = ()) -> int:
    """Left edge of the name before 合作社 at s; s itself when nothing names it (`村里的合作社`)."""
    run = NAME_RUN.search(text, max(0, s - MAX_NAME), s)
    if not run:
        return s
    start = run.start()
    if start and text[start - 1].isdigit():  # `2万多块钱红金珠…`: the figure's unit is no name
        start += UNIT_AFTER_NUMBER.match(text, start, s).end() - start
    if lex.stop_tail.search(text, start, s):
        return s
    cut = after_last_stop(text, start, s, lex.stop_pattern, strict=False)
    if cut is None:
        return s
    cut = next((a for a, b in places if a < cut < b), cut)  # never inside a place: the 于 of 于都县
    cut = next((a for a, b in places if start <= a and cut == b + 2 and not _stop_word(text[b:cut], lex)
                and not _stop_word(text[b], lex)), cut)  # 奈曼旗温都…: a stop's one character right after a place is the name's
    cut = next((a for a, b in places if b == cut - 1 and a >= start), cut)  # 乃东区达玛藏鸡: 达 is the name's
    quoted = [(m.start(), m.end()) for m in QUOTED_RUN.finditer(text, start, s)]
    cut = next((a for a, b in quoted if a < cut < b), cut)  # nor inside a quoted part: “橘乡和丰”
    trades = tuple((m.start(), m.end()) for m in lex.kind_words.finditer(text, cut, s))  # 瓜果种植…: a verb of its trade
    return word_start(text, cut, s, places + trades, stops=NOT_IN_COOP_NAMES)


def _stop_word(word: str, lex: CoopWords) -> bool:
    return bool(lex.stop_pattern.fullmatch(word))


def _strip_places(body: str, places: list[str]) -> str:
    for name in places:
        if body.startswith(name):
            body = body[len(name):]
    return body


def _strip_kinds(kind: str, lex: CoopWords) -> tuple[str, bool]:
    """The name's own part without the kind words it ends with (`火凤凰` for
    `火凤凰种植养殖农民专业`), and whether a trade or legal-form word was among them."""
    core, trade = kind, False
    while core:
        m = lex.kind_tail.search(core)
        if m:
            trade = True
        else:
            m = lex.founder_tail.search(core)
            if not m:
                break
        core = core[:m.start()]
    return core, trade


def _named_by_village(text: str, start: int, s: int, e: int, kind: str, geo: Geography) -> CoopMention | None:
    """A kind of cooperative whose clause names the village that set it up:
    `东兴村却通过村集体出资组建农机合作社` → 东兴村农机合作社."""
    if not kind or _in_model(text, start, e):
        return None
    clause_start, _ = clause_around(text, s, s)
    village = next((v for v in reversed(geo.villages) if clause_start <= v.start and v.end <= start), None)
    if village is None:
        return None
    name = village.name + kind + "合作社"
    return CoopMention(start, e, name, name, village.name)


def _in_model(text: str, start: int, end: int) -> bool:
    """`党支部+旅游合作社+农牧户`: a part of a model names a kind, not one cooperative (it may
    still stand for one the article names elsewhere)."""
    return text[start - 1:start] in MODEL_JOINS or text[end:end + 1] in MODEL_JOINS


def _same(coop: Cooperative, m: CoopMention) -> bool:
    for other in coop.mentions:
        if other.key == m.key or (min(len(other.key), len(m.key)) >= 2 and (other.key in m.key or m.key in other.key)):
            return True
        if m.generic and _of_village(other, m.village) or other.generic and _of_village(m, other.village):
            return True  # `横岭村合作社`: the village's cooperative, named in full elsewhere
    return False


def _of_village(m: CoopMention, village: str | None) -> bool:
    """m is the cooperative of that village: written with it (`横岭村金橘…合作社`) or named after it
    (`英阿瓦提瓜果种植…合作社` of 英阿瓦提村)."""
    stem = village_stem(village or "")
    return bool(village) and (m.village == village or len(stem) >= 2 and stem in m.name)


# ----------------------------------------------------------------------- fields ---

def coop_fields(text: str, coop: Cooperative, geo: Geography, lex: CoopWords) -> dict:
    village = next((m.village for m in coop.mentions if m.village), None) or _village_in_name(coop, geo)
    if village is None:
        near = geo.village_near(coop.first.start, coop.first.end) or geo.main_village
        village = near.name if near else None
    mentions = [v for v in geo.villages if v.name == village]
    where = geo.where(coop.first.start, mentions or None)
    sentences = [text[slice(*geo.sentences.quoted_around(m.start))] for m in coop.mentions]
    return {"name": coop.name, "village": village, "town": where["town"], "county": where["county"],
            "led_by": leader(sentences, coop, lex), "model": model(sentences, text),
            "households": None, "land_mu": None}


def _village_in_name(coop: Cooperative, geo: Geography) -> str | None:
    """The village whose name, without its suffix, the cooperative's name holds (`扎囊县措久林青稞…
    合作社` of 措久林村), when exactly one does."""
    bodies = {v.name for v in geo.villages
              if len(body := village_stem(v.name)) >= 2 and any(body in m.name for m in coop.mentions)}
    return bodies.pop() if len(bodies) == 1 else None


def leader(sentences: list[str], coop: Cooperative, lex: CoopWords) -> str | None:
    """Who leads it: a cue such as 党支部领办 / 村委会牵头, else the person named its 负责人."""
    led = dict(lex.leaders)
    for name in (m.name for m in coop.mentions):
        cue = lex.leader_pattern.search(name)
        if cue:
            return led[cue.group()]
    for sentence in sentences:
        cue = lex.leader_pattern.search(sentence)
        if cue:
            return led[cue.group()]
        person = lex.person.search(sentence)
        if person:
            return person.group(1)
    return None


def model(sentences: list[str], text: str) -> str | None:
    """The `A+B+C` pattern attached to it: in a sentence naming it, else the article's only
    pattern that has a cooperative in it. Normalised to `+` without quotes."""
    for sentence in sentences:
        m = MODEL.search(sentence)
        if m:
            return _plus(m.group(1))
    found = {_plus(m.group(1)) for m in MODEL.finditer(text) if "合作社" in m.group(1)}
    return found.pop() if len(found) == 1 else None


def _plus(pattern: str) -> str:
    return "+".join(part.strip() for part in pattern.replace("＋", "+").split("+"))
