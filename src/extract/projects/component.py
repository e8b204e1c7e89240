"""The `extract_projects` component: one `projects` Mention per distinct concrete project, and
the projects themselves (with that Mention) on `doc._.projects` for linking."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import LexiconComponent
from ..nlp.doc import FIGURE_TABLES, Mention, doc_text, mentions
from . import find_projects, project_fields
from .lexicon import ProjectWords

if not Doc.has_extension("projects"):
    Doc.set_extension("projects", default=None)  # list[tuple[ProjectMention, Mention]]


@Language.factory("extract_projects", assigns=["doc._.projects", "doc._.mentions"],
                  requires=["doc._.geography", "doc._.mentions", "doc._.cooperatives"])
def make_projects(nlp: Language, name: str) -> "Projects":
    return Projects(ProjectWords.load())


class Projects(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        text, geo = doc_text(doc), doc._.geography
        figures = [(m.start, m.end) for m in mentions(doc) if m.table in FIGURE_TABLES]
        coops = [(cm.start, cm.end) for coop, _ in doc._.cooperatives or () for cm in coop.mentions]
        pairs = [(p, Mention("projects", p.start, p.end, project_fields(text, p, geo, self.lexicon)))
                 for p in find_projects(text, geo, figures, self.lexicon, coops)]
        mentions(doc).extend(m for _, m in pairs)
        doc._.projects = pairs
        return doc
