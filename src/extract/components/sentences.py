"""Sentence boundaries on Chinese punctuation.

spaCy's `sentencizer` starts a sentence after any run of its punctuation characters, so a
closing quote after `。` would either open the next sentence or, if listed, split `“七彩田园”合作社`
in two. This component ends a sentence after 。！？… or a line break and keeps closing quotes with it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("chinese_sentences", default_config={"ends": "。！？!?…", "closers": "”’」』)）"})
def make_chinese_sentences(nlp: Language, name: str, ends: str, closers: str) -> "ChineseSentences":
    return ChineseSentences(ends, closers)


class ChineseSentences:
    def __init__(self, ends: str, closers: str):
        self.ends, self.closers = frozenset(ends), frozenset(closers)

    def __call__(self, doc: Doc) -> Doc:
        boundary = False
        for i, token in enumerate(doc):
            text = token.text
            if i:
                opens = boundary and not (text and set(text) <= self.closers)
                token.is_sent_start = opens
                if opens:
                    boundary = False
            if "\n" in text or (text and text[-1] in self.ends):
                boundary = True
        if len(doc):
            doc[0].is_sent_start = True
        return doc
