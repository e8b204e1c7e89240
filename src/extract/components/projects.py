"""The `extract_projects` component: one `projects` Mention per distinct concrete project;
the projects (with their Mention, for the linker to fill) on `doc._.projects`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..projects import Lexicon, find_projects, project_fields
from .base import LexiconComponent
from .mention import FIGURE_TABLES, Mention, doc_text, mentions

if not Doc.has_extension("projects"):
    Doc.set_extension("projects", default=None)


@Language.factory("extract_projects")
def make_projects(nlp: Language, name: str) -> "Projects":
    return Projects(Lexicon.load())


class Projects(LexiconComponent):
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
