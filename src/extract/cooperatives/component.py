"""The `extract_cooperatives` component: one `cooperatives` Mention per distinct cooperative,
and the cooperatives themselves (with that Mention) on `doc._.cooperatives` for linking."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import LexiconComponent
from ..nlp.doc import Mention, doc_text, mentions
from . import find_cooperatives
from .lexicon import CoopWords

if not Doc.has_extension("cooperatives"):
    Doc.set_extension("cooperatives", default=None)  # list[tuple[Cooperative, Mention]]


@Language.factory("extract_cooperatives", assigns=["doc._.cooperatives", "doc._.mentions"],
                  requires=["doc._.geography"])
def make_cooperatives(nlp: Language, name: str) -> "Cooperatives":
    return Cooperatives(CoopWords.load())


class Cooperatives(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        pairs = []
        for coop in find_cooperatives(doc_text(doc), doc._.geography, self.lexicon):
            pairs.append((coop, Mention("cooperatives", coop.first.start, coop.first.end, coop.fields)))
        mentions(doc).extend(m for _, m in pairs)
        doc._.cooperatives = pairs
        return doc
