"""The `extract_linker` component: fills in what each figure is about, and a cooperative's or
project's figures, by replacing `doc._.mentions` with linked copies (rules.link)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import LexiconComponent
from ..nlp.doc import doc_text, mentions
from .lexicon import LinkWords
from ..nlp.sentences import sentences_of
from .facts import with_facts, with_places
from .rules import link


@Language.factory("extract_linker", assigns=["doc._.mentions"],
                  requires=["doc._.geography", "doc._.cooperatives", "doc._.projects", "doc._.mentions"])
def make_linker(nlp: Language, name: str) -> "Linker":
    return Linker(LinkWords.load())


class Linker(LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        linked = link(doc_text(doc), doc._.geography, mentions(doc), doc._.cooperatives or [],
                      doc._.projects or [], self.lexicon)
        doc._.mentions = with_places(with_facts(linked, sentences_of(doc), self.lexicon), doc._.geography)
        return doc
