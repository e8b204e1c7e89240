"""The `extract_figures` component: every figure in the text becomes an amount, a household
count or a quantity Mention, with its attributes read from its clause (quantities.py)."""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import find_figures
from ..quantities import Context, Lexicon, classify, inherit_group
from .base import LexiconComponent
from .mention import Mention, doc_text, mentions
from .sentences import sentence_bounds


@Language.factory("extract_figures")
def make_figures(nlp: Language, name: str) -> "Figures":
    return Figures(Lexicon.load())


class Figures(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        sentences = sentence_bounds(doc)
        starts = [s for s, _ in sentences]
        last_count: dict[tuple[int, int], dict] = {}  # sentence -> fields of its last count
        text = doc_text(doc)
        for figure in find_figures(text):
            sentence = sentences[max(bisect_right(starts, figure.start) - 1, 0)]
            result = classify(Context(text, figure, sentence), self.lexicon)
            if not result:
                continue
            table, fields = result
            if table == "household_counts":
                inherit_group(fields, last_count.get(sentence))
                last_count[sentence] = fields
            found.append(Mention(table, figure.start, figure.end, fields))
        return doc
