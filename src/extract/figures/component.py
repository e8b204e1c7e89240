"""The `extract_figures` component: every figure in the Doc becomes an amount, household count
or quantity Mention (read_figures)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import LexiconComponent
from ..nlp.doc import doc_text, mentions
from ..nlp.sentences import sentences_of
from . import read_figures
from .lexicon import FigureWords


@Language.factory("extract_figures", assigns=["doc._.mentions"], requires=["doc._.sentences"])
def make_figures(nlp: Language, name: str) -> "Figures":
    return Figures(FigureWords.load())


class Figures(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        mentions(doc).extend(read_figures(doc_text(doc), self.lexicon, sentences_of(doc)))
        return doc
