"""Projects named in an article: a facility built or an investment made, named by its noun
phrase (`扶贫车间`, `日光温室大棚`, `金银花加工生产线`, `安全饮水工程`).

A project is read backwards from a head noun (words/project_heads.tsv) to the last word that
cannot be part of its name, and kept when the article makes it concrete: a building or investing
verb in its clause, a figure in its clause, or a village it stands in. Pure functions over text;
components/projects.py runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from ..nlp.names import NOT_IN_FACILITY_NAMES, after_last_stop, word_start
from ..nlp.sentences import PLAIN_SENTENCE_BREAK, clause_around
from ..places import Geography
from .lexicon import ProjectWords

NAME_RUN = re.compile(r"[\p{Han}A-Za-z“”‘’\"]+\Z")  # \Z: $ would also match before a line break
QUOTES = re.compile(r"[“”‘’\"「」]")
HEAD_EXTENSION = re.compile(r"(?:建设)?项目|工程|改造|")
BODY_AFTER = re.compile(r"(?:项目)?(?:建设)?(?:指挥部|领导小组|管委会|管理委员会|办公室|董事长|总经理)")  # an office or firm
MAX_NAME = 16
NICKNAME_MAX = 6


@dataclass(frozen=True)
class ProjectMention:
    start: int
    end: int
    name: str   # quotes removed
    core: str = ""  # the name without a village before it or 项目/工程 after its head
    aliases: tuple[tuple[int, int], ...] = ()  # other spans naming the same project


def find_projects(text: str, geo: Geography, figures: list[tuple[int, int]], lex: ProjectWords,
                  names: list[tuple[int, int]] = ()) -> list[ProjectMention]:
    """Distinct concrete projects, in order of first mention. `figures` are the (start, end)
    spans of the article's figures: one in a project's clause makes it concrete; `names`, the
    spans of other names (cooperatives), hold no project."""
    found: list[ProjectMention] = []
    inside = [(d.start, d.end) for d in geo.divisions] + list(names)
    for m in lex.head_pattern.finditer(text):
        if any(s <= m.start() < e for s, e in inside):
            continue  # 西果园镇, 景宁伏叶民宿旅游专业合作社: another name's part, not a 果园 or 民宿
        end = m.end() + len(HEAD_EXTENSION.match(text, m.end()).group())
        start = _name_start(text, m.start(), geo, lex)
        name = QUOTES.sub("", text[start:end])
        if name == m.group() and m.group() not in lex.bare_heads:
            continue
        if _verb_phrase(name, lex) or _nickname(text, start, end) or _not_the_thing(text, start, end):
            continue
        if _concrete(text, start, end, geo, figures, lex):
            village_end = next((v.end for v in geo.villages if v.start == start and v.end < m.end()), start)
            found.append(ProjectMention(start, end, name, QUOTES.sub("", text[village_end:m.end()])))
    return _distinct(found, geo)


def _nickname(text: str, start: int, end: int) -> bool:
    """A short phrase in quotes that ends in a head noun is a slogan or nickname (`“田园变景区”`,
    `“梦工厂”`, `“三大示范基地”`), not the facility's name; a long one is the name as registered
    (`建设“优质稻米标准化生产试验示范基地”`)."""
    return text[start:start + 1] == "“" and text[end:end + 1] == "”" and end - start - 1 <= NICKNAME_MAX


def _not_the_thing(text: str, start: int, end: int) -> bool:
    """Named as part of something else: an office or firm (`…搬迁工程项目建设指挥部`,
    `宏发机械厂董事长`) or a document's title (`《村级光伏扶贫电站收益分配管理办法》`), or the kind
    of a list's items rather than one of them."""
    return bool(BODY_AFTER.match(text, end)) or text.rfind("《", 0, start) > text.rfind("》", 0, start) \
        or text[start - 1:start] == "等"  # 遇见湖滩、罐罐茶屋等乡村振兴旅游项目: a list's kind


def _verb_phrase(name: str, lex: ProjectWords) -> bool:
    """A verb before a head noun (`安路灯`, `修道路`, `建大棚`, `托管果园`) takes the facility as
    its object: no name."""
    return any(name.startswith(v) and lex.head_pattern.fullmatch(name, len(v)) for v in lex.verb_chars)


def _name_start(text: str, head: int, geo: Geography, lex: ProjectWords) -> int:
    """Left edge of the name before its head noun: after a count (`8栋`), a quote's opening,
    the places written before it (`临清市刘垓子镇`) and the last word no name runs across."""
    run = NAME_RUN.search(text, max(0, head - MAX_NAME), head)
    if not run:
        return head
    start = run.start()
    if start and text[start - 1].isdigit():
        start = lex.unit_after_number.match(text, start, head).end()
    counted = list(lex.counted.finditer(text, start, head))
    start = max([start] + [c.end() for c in counted] + [d.end for d in geo.divisions if start < d.end <= head])
    quote = text.rfind("“", start, head)
    start = quote if quote >= 0 else start
    if lex.stop_tail.search(text, start, head):
        return head
    cut = after_last_stop(text, start, head, lex.stop_pattern, strict=False)
    if cut is None:
        return head
    places = tuple((p.start, p.end) for p in geo.divisions + geo.villages if p.end <= head)
    cut = next((a for a, b in places if a < cut < b), cut)  # never inside a place: 县 of 大姚县
    return word_start(text, cut, head, places, stops=NOT_IN_FACILITY_NAMES)


def _concrete(text: str, start: int, end: int, geo: Geography, figures, lex: ProjectWords) -> bool:
    """Built or invested in (a verb in its clause), measured (a figure in its sentence) or
    placed (a village in its clause)."""
    clause_start, _ = clause_around(text, start, end)
    if lex.verb_pattern.search(text, clause_start, start) or lex.verb_pattern.match(text, end):
        return True  # 建成…扶贫车间, …产业园项目投资
    s, e = clause_around(text, start, end, PLAIN_SENTENCE_BREAK)
    if any(s <= f_start and f_end <= e for f_start, f_end in figures):
        return True
    return any(clause_start <= v.start and v.end <= end for v in geo.villages)


def _distinct(found: list[ProjectMention], geo: Geography) -> list[ProjectMention]:
    """One mention per project, with the spans of the mentions merged into it as aliases. A
    mention is merged into a longer one it lies inside (`分厂` of `分厂加工厂车间`), whose name
    ends with its name (`扶贫车间` of `闫河村藤编扶贫车间`), or whose core ends with its core in
    the same village (`茅坝村扶贫车间` of `茶叶加工扶贫车间`, `光伏大棚项目` of `光伏大棚`); into the
    first mention of the same name; into nothing when two projects could take it."""
    rank = {id(p): (len(p.core), len(p.name), -p.start) for p in found}
    villages = {id(p): _village(p, geo) for p in found}

    def absorbs(q: ProjectMention, p: ProjectMention) -> bool:
        if rank[id(q)] <= rank[id(p)]:
            return False
        same_place = None in (villages[id(p)], villages[id(q)]) or villages[id(p)] == villages[id(q)]
        return (q.start <= p.start and p.end < q.end) or q.name.endswith(p.name) \
            or (same_place and q.core.endswith(p.core))

    roots: dict[int, ProjectMention | None] = {}
    for p in sorted(found, key=lambda p: rank[id(p)], reverse=True):  # absorbers first
        absorbers = [q for q in found if absorbs(q, p)]
        owners = {id(r): r for q in absorbers if (r := roots[id(q)]) is not None}
        roots[id(p)] = p if not absorbers else next(iter(owners.values())) if len(owners) == 1 else None
    aliases: dict[int, list[tuple[int, int]]] = {}
    for p in found:
        r = roots[id(p)]
        if r is not None and r is not p:
            aliases.setdefault(id(r), []).append((p.start, p.end))
    return [replace(p, aliases=tuple(aliases.get(id(p), ()))) for p in found if roots[id(p)] is p]


def _village(p: ProjectMention, geo: Geography) -> str | None:
    v = next((v for v in geo.villages if p.start <= v.start and v.end <= p.end), None) \
        or geo.village_near(p.start, p.end)
    return v.name if v else None


def category(name: str, lex: ProjectWords) -> str:
    return next((c for keyword, c in lex.categories if keyword in name), "other")


def project_fields(text: str, p: ProjectMention, geo: Geography, lex: ProjectWords) -> dict:
    village = next((v for v in geo.villages if p.start <= v.start and v.end <= p.end), None) \
        or geo.village_near(p.start, p.end)
    where = geo.where(p.start, [v for v in geo.villages if village and v.name == village.name] or None)
    return {"name": p.name, "category": category(p.name, lex), "village": village.name if village else None,
            "town": where["town"], "county": where["county"], "investment_yuan": None, "scale": None}
