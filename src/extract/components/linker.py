"""The `extract_linker` component: fills `village`, `cooperative` and `project` of every
amount and household count with the record its clause or sentence is about (linking.py),
and a cooperative's households and land, a project's investment and scale, from the figures
linked to it."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import DEFAULT_DIR, copy_files, read_table
from ..linking import Anchor, reference_anchors, subjects, village_anchors
from .mention import FIGURE_TABLES, Mention, doc_text, mentions

FILES = ("link_references.tsv",)
LINKED_TABLES = ("amounts", "household_counts")
SIZE_KINDS = ("area", "length")


@Language.factory("extract_linker")
def make_linker(nlp: Language, name: str) -> "Linker":
    return Linker(DEFAULT_DIR)


class Linker:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    @cached_property
    def references(self) -> dict[str, re.Pattern]:
        words: dict[str, list[str]] = {}
        for word, kind in read_table(self.directory / FILES[0]):
            words.setdefault(kind, []).append(word)
        return {kind: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True))))
                for kind, ws in words.items()}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        geo = doc._.geography
        coops = doc._.cooperatives or []
        projects = doc._.projects or []
        anchors = self._anchors(text, geo, coops, projects)
        linked: dict[tuple[str, str], list[Mention]] = {}  # (kind, name) -> figures about it
        for m in mentions(doc):
            if m.table not in FIGURE_TABLES:
                continue
            found = subjects(text, m.start, m.end, anchors, geo)
            if m.table in LINKED_TABLES:
                for kind in ("village", "cooperative", "project"):
                    m.fields[kind] = found[kind].name if found[kind] else None
            for kind in ("cooperative", "project"):
                if found[kind]:
                    linked.setdefault((kind, found[kind].name), []).append(m)
        for _, mention in coops:
            spans = [(mention.start, mention.end)]
            _fill_cooperative(mention, _nearest_first(spans, linked.get(("cooperative", mention.fields["name"]), [])))
        for project, mention in projects:
            spans = [(mention.start, mention.end), *project.aliases]
            _fill_project(text, mention, _nearest_first(spans, linked.get(("project", mention.fields["name"]), [])))
        return doc

    def _anchors(self, text: str, geo, coops, projects) -> list[Anchor]:
        villages = village_anchors(geo)
        named_coops = [Anchor("cooperative", cm.start, cm.end, mention.fields["name"], mention.fields["village"])
                       for coop, mention in coops for cm in coop.mentions]
        named_projects = [Anchor("project", start, end, mention.fields["name"], mention.fields["village"])
                          for p, mention in projects for start, end in ((p.start, p.end),) + p.aliases]
        anchors = villages + named_coops + named_projects
        for kind, named in (("village", villages), ("cooperative", named_coops), ("project", named_projects)):
            if kind in self.references:
                anchors += reference_anchors(text, self.references[kind], named)
        return anchors

    def to_disk(self, path: Path, exclude=()) -> None:
        copy_files(FILES, self.directory, path)

    def from_disk(self, path: Path, exclude=()) -> "Linker":
        self.directory = Path(path)
        self.__dict__.pop("references", None)
        return self


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


def _fill_cooperative(coop: Mention, figures: list[Mention]) -> None:
    """Members it has or drives: its nearest household count; land: its nearest area in 亩."""
    counts = [f for f in figures if f.table == "household_counts"]
    land = [f for f in figures if f.table == "quantities" and f.fields.get("unit") == "亩"]
    coop.fields["households"] = counts[0].fields["value"] if counts else None
    coop.fields["land_mu"] = land[0].fields["value"] if land else None


def _fill_project(text: str, project: Mention, figures: list[Mention]) -> None:
    """Money put into it: its nearest investment amount; scale: its nearest quantity as written."""
    money = [f for f in figures if f.table == "amounts" and f.fields.get("role") == "investment"]
    size = [f for f in figures if f.table == "quantities" and _measures(f, project.fields["name"])]
    project.fields["investment_yuan"] = money[0].fields["value_yuan"] if money else None
    project.fields["scale"] = text[size[0].start:size[0].end] if size else None
