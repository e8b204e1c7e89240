"""The `extract_places` component: divisions and villages; one `villages` Mention per distinct
village, and the article's Geography on `doc._.geography` for the components after it."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import LexiconComponent
from ..nlp.doc import Mention, doc_text, mentions
from ..nlp.sentences import sentences_of
from . import read_places
from .lexicon import PlaceWords

if not Doc.has_extension("geography"):
    Doc.set_extension("geography", default=None)


@Language.factory("extract_places", assigns=["doc._.geography", "doc._.mentions"], requires=["doc._.sentences"])
def make_places(nlp: Language, name: str) -> "Places":
    return Places(PlaceWords.load())


class Places(LexiconComponent):
    def __init__(self, lexicon: PlaceWords):
        super().__init__(lexicon)
        lexicon.gazetteer  # build the gazetteer with the pipeline, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        geo = read_places(doc_text(doc), self.lexicon, sentences_of(doc))
        doc._.geography = geo
        mentions(doc).extend(Mention("villages", first.start, first.end, fields) for first, fields in geo.village_rows())
        return doc
