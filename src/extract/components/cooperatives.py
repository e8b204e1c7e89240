"""The `extract_cooperatives` component: one `cooperatives` Mention per distinct cooperative;
the cooperatives (with their Mention, for the linker to fill) on `doc._.cooperatives`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..organizations import Lexicon, find_cooperatives
from .base import LexiconComponent
from .mention import Mention, doc_text, mentions

if not Doc.has_extension("cooperatives"):
    Doc.set_extension("cooperatives", default=None)


@Language.factory("extract_cooperatives")
def make_cooperatives(nlp: Language, name: str) -> "Cooperatives":
    return Cooperatives(Lexicon.load())


class Cooperatives(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        pairs = []
        for coop in find_cooperatives(doc_text(doc), doc._.geography, self.lexicon):
            mention = Mention("cooperatives", coop.first.start, coop.first.end, coop.fields)
            mentions(doc).append(mention)
            pairs.append((coop, mention))
        doc._.cooperatives = pairs
        return doc
