"""The `extract_projects` component: one `projects` Mention per distinct concrete project;
the projects (with their Mention, for the linker to fill) on `doc._.projects`."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import copy_files
from ..projects import Lexicon, find_projects, project_fields
from .mention import Mention, doc_text, mentions

FIGURE_TABLES = ("amounts", "household_counts", "quantities")

if not Doc.has_extension("projects"):
    Doc.set_extension("projects", default=None)


@Language.factory("extract_projects")
def make_projects(nlp: Language, name: str) -> "Projects":
    return Projects(Lexicon.load())


class Projects:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        geo = doc._.geography
        figures = [(m.start, m.end) for m in mentions(doc) if m.table in FIGURE_TABLES]
        pairs = []
        for project in find_projects(text, geo, figures, self.lexicon):
            fields = project_fields(text, project, geo, self.lexicon)
            mention = Mention("projects", project.start, project.end, fields)
            mentions(doc).append(mention)
            pairs.append((project, mention))
        doc._.projects = pairs
        return doc

    def to_disk(self, path: Path, exclude=()) -> None:
        copy_files(Lexicon.FILES, self.lexicon.directory, path)

    def from_disk(self, path: Path, exclude=()) -> "Projects":
        self.lexicon = Lexicon.load(Path(path))
        return self
