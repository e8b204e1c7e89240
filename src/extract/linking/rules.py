"""Linking: which village, cooperative and project a figure is about.

The subject of a figure is what its clause names (`王双志村11户贫困户`), else what its sentence
names, nearest before the figure first (`六联专业种植合作社，流转土地3500余亩`) and after it
second (a quotation's figures belong to the speaker's village named after the quote). A
cooperative's village stands in for the village when none is named. `该合作社`, a bare
`合作社`, `联合社` and `该村`/`村集体` refer back to the last one named, or forward to the only one
the article names (words/link_references.tsv). A figure names a record by its row's name, so
the tables join on it. A cooperative then takes its households and land, a project its
investment and scale, from the figures linked to it. Pure functions over offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from ..nlp.doc import FIGURE_TABLES, Mention
from ..nlp.sentences import clause_around
from ..places import Geography
from .lexicon import LinkWords

KINDS = ("village", "cooperative", "project")
FEDERATION = "联合社"
COLLECTIVE_BODY = "经济合作"  # 股份经济合作社, 经济合作总社: the village collective, named as such


@dataclass(frozen=True)
class Anchor:
    """A mention a figure may be about."""

    kind: str
    start: int
    end: int
    name: str          # the record's name (its row in its table): what a figure near it is about
    village: str | None = None


def village_anchors(geo: Geography) -> list[Anchor]:
    return [Anchor("village", v.start, v.end, v.name, v.name) for v in geo.villages]


def reference_anchors(text: str, pattern: re.Pattern, named: list[Anchor]) -> list[Anchor]:
    """Anaphors (`该合作社`, `合作社`, `该村`) outside any named mention, each standing for the
    last one named before it; before the first one named, for the article's only one (a lead
    saying `合作社` before the body names it)."""
    named = sorted(named, key=lambda a: a.start)
    federations = [a for a in named if a.name.endswith(FEDERATION)]
    out = []
    for m in pattern.finditer(text):
        if any(a.start <= m.start() < a.end for a in named):
            continue
        pool = _referred_pool(m.group(), named, federations)
        earlier = [a for a in pool if a.start <= m.start()]
        a = earlier[-1] if earlier else (pool[0] if len({a.name for a in pool}) == 1 else None)
        if a is not None:
            out.append(Anchor(a.kind, m.start(), m.end(), a.name, a.village))
    return out


def _referred_pool(word: str, named: list[Anchor], federations: list[Anchor]) -> list[Anchor]:
    """The named ones a reference word may stand for: `联合社` a federation; a bare `合作社` a
    farmers' cooperative rather than the village's collective body (`股份经济合作社`)."""
    if word == FEDERATION:
        return federations or named
    if word == "合作社":
        return [a for a in named if COLLECTIVE_BODY not in a.name] or named
    return named


def subjects(text: str, start: int, end: int, anchors: list[Anchor], geo: Geography) -> dict[str, Anchor | None]:
    """The village, cooperative and project the figure at [start, end) is about."""
    clause = clause_around(text, start, end)
    sentence = geo.sentences.quoted_around(start)
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


LINKED_TABLES = ("amounts", "household_counts")
SIZE_KINDS = ("area", "length")


def link(text: str, geo: Geography, found: list[Mention], coops: list, projects: list,
         lex: LinkWords) -> list[Mention]:
    """`found` with the links filled in, as new Mentions: each amount and household count gets
    the village, cooperative and project it is about; each cooperative its households and land,
    each project its investment and scale, from the figures linked to it."""
    anchors = _anchors(text, geo, coops, projects, lex)
    updates: dict[int, dict] = {}
    linked: dict[tuple[str, str], list[Mention]] = {}  # (kind, name) -> figures about it
    for m in found:
        if m.table not in FIGURE_TABLES:
            continue
        about = subjects(text, m.start, m.end, anchors, geo)
        if m.table in LINKED_TABLES:
            updates[id(m)] = {kind: about[kind].name if about[kind] else None for kind in KINDS}
        for kind in ("cooperative", "project"):
            if about[kind]:
                linked.setdefault((kind, about[kind].name), []).append(m)
    for _, mention in coops:
        figures = linked.get(("cooperative", mention.fields["name"]), [])
        updates[id(mention)] = _cooperative_figures(_nearest_first([(mention.start, mention.end)], figures))
    for project, mention in projects:
        spans = [(mention.start, mention.end), *project.aliases]
        figures = linked.get(("project", mention.fields["name"]), [])
        updates[id(mention)] = _project_figures(text, mention, _nearest_first(spans, figures))
    return [replace(m, fields={**m.fields, **updates[id(m)]}) if id(m) in updates else m for m in found]


def _anchors(text: str, geo: Geography, coops, projects, lex: LinkWords) -> list[Anchor]:
    villages = village_anchors(geo)
    named_coops = [Anchor("cooperative", cm.start, cm.end, mention.fields["name"], mention.fields["village"])
                   for coop, mention in coops for cm in coop.mentions]
    named_projects = [Anchor("project", start, end, mention.fields["name"], mention.fields["village"])
                      for p, mention in projects for start, end in ((p.start, p.end),) + p.aliases]
    anchors = villages + named_coops + named_projects
    for kind, named in (("village", villages), ("cooperative", named_coops), ("project", named_projects)):
        if kind in lex.references:
            anchors += reference_anchors(text, lex.references[kind], named)
    return [_speakers_village(a, text, geo, villages) if a.kind == "village" else a for a in anchors]


def _speakers_village(a: Anchor, text: str, geo: Geography, villages: list[Anchor]) -> Anchor:
    """`村里`/`村集体` inside a quotation is the village of its speaker when the attribution
    names one (`“…村里说话办事都有底气了。”李海涛说，下一步，凉水泉村计划…`)."""
    opening, closing = text.rfind("“", 0, a.start), text.find("”", a.end)
    if opening < 0 or closing < 0 or "”" in text[opening:a.start] or any(v.start == a.start for v in villages):
        return a
    _, end = geo.sentences.quoted_around(a.start)
    named = next((v for v in villages if closing < v.start and v.end <= end), None)
    return replace(a, name=named.name, village=named.name) if named else a


def _measures(quantity: Mention, name: str) -> bool:
    """A size of the project: an area or length, or a count of it (`8栋日光温室大棚`, not
    `三个阶段`); never a percentage or a weight of its produce."""
    kind, counted = quantity.fields.get("kind"), quantity.fields.get("object")
    if kind == "count":
        return not counted or counted in name or name in counted
    return kind in SIZE_KINDS


def _nearest_first(spans: list[tuple[int, int]], figures: list[Mention]) -> list[Mention]:
    """Figures about a record, the one written closest to one of its names first
    (`建成8栋日光温室大棚`)."""
    return sorted(figures, key=lambda f: min(min(abs(f.start - e), abs(s - f.end)) for s, e in spans))


def _cooperative_figures(figures: list[Mention]) -> dict:
    """Members it has or drives: its nearest household count; land: its nearest area in 亩."""
    counts = [f for f in figures if f.table == "household_counts"]
    land = [f for f in figures if f.table == "quantities" and f.fields.get("unit") == "亩"]
    return {"households": counts[0].fields["value"] if counts else None,
            "land_mu": land[0].fields["value"] if land else None}


def _project_figures(text: str, project: Mention, figures: list[Mention]) -> dict:
    """Money put into it: its nearest investment amount; scale: its nearest quantity as written."""
    money = [f for f in figures if f.table == "amounts" and f.fields.get("role") == "investment"]
    size = [f for f in figures if f.table == "quantities" and _measures(f, project.fields["name"])]
    return {"investment_yuan": money[0].fields["value_yuan"] if money else None,
            "scale": text[size[0].start:size[0].end] if size else None}
