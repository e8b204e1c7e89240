"""The `extract_places` component: provinces, cities, counties and towns from the gazetteer,
villages from their suffix; one `villages` Mention per distinct village, and the article's
Geography on `doc._.geography` for the components after it."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..places import Geography, Lexicon, find_divisions, find_villages
from .base import LexiconComponent
from .mention import Mention, doc_text, mentions

if not Doc.has_extension("geography"):
    Doc.set_extension("geography", default=None)


@Language.factory("extract_places")
def make_places(nlp: Language, name: str) -> "Places":
    return Places(Lexicon.load())


class Places(LexiconComponent):
    def __init__(self, lexicon: Lexicon):
        super().__init__(lexicon)
        lexicon.gazetteer  # load the gazetteer with the pipeline, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        divisions = find_divisions(text, self.lexicon)
        geo = Geography(text, divisions, find_villages(text, divisions, self.lexicon), self.lexicon)
        doc._.geography = geo
        found = mentions(doc)
        for first, fields in geo.village_rows():
            found.append(Mention("villages", first.start, first.end, fields))
        return doc
