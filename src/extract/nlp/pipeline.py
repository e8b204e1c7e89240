"""The spaCy pipeline: spaCy's Chinese tokenizer, then extract's own components (config.cfg).

The stages register their components as spaCy factories through the `spacy_factories` entry
points in pyproject.toml, so this module names none of them: spaCy finds each factory the config
asks for. The tokenizer cuts characters by default: no stage reads pkuseg's words (the names
read LAC's words where they decide something, nlp/words.py), and character tokens give the same
tables five times faster in a quarter of the memory. `EXTRACT_SEGMENTER=pkuseg` (after
`extract fetch-model`) puts pkuseg's words back, for a component that wants them.
"""
from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .segmenter import model_dir

if TYPE_CHECKING:
    from spacy.language import Language

CONFIG = Path(__file__).with_name("config.cfg")


SEGMENTER_VAR = "EXTRACT_SEGMENTER"


def segmenter() -> str:
    """The word segmenter the tokenizer uses: config.cfg's, unless EXTRACT_SEGMENTER says."""
    chosen = os.environ.get(SEGMENTER_VAR) or _config()["nlp"]["tokenizer"]["segmenter"]
    if chosen not in ("char", "pkuseg"):
        raise ValueError(f"{SEGMENTER_VAR}={chosen!r}: choose char or pkuseg")
    return chosen


def needs_model() -> bool:
    return segmenter() == "pkuseg"


@cache
def load() -> Language:
    """The pipeline, built from config.cfg; ModelMissing when pkuseg is chosen and its model absent."""
    config = _config()
    config["nlp"]["tokenizer"]["segmenter"] = segmenter()
    model = model_dir() if needs_model() else None
    import spacy

    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    logging.getLogger("spacy").setLevel(logging.ERROR)
    if model is not None:
        _quiet_initialize(nlp, model)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


def _config():
    # spaCy's own config reader, without importing spaCy (~0.5 s) into a process that only asks
    # which segmenter is configured: the main process of a multi-worker run
    from confection import Config

    return Config().from_disk(CONFIG)


class TextKeepingTokenizer:
    """The Chinese tokenizer, keeping the input text on the Doc: the components read the text
    often, and spaCy rebuilds doc.text from the tokens on every access."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        if getattr(self.tokenizer, "segmenter", None) == "char":
            doc = characters(self.tokenizer.vocab, text)
        else:
            doc = self.tokenizer(text)
        doc.user_data["extract.text"] = text  # what doc.doc_text reads
        return doc


def characters(vocab, text: str):
    """One token per character, spaces included: what spaCy's "char" segmenter gives, without
    its alignment of words to text (a sixth of the run), so token i is character i."""
    from spacy.tokens import Doc

    return Doc(vocab, words=list(text), spaces=[False] * len(text))


def _quiet_initialize(nlp: Language, model: Path) -> None:
    # spacy_pkuseg prints a warning (stdout or stderr by version) before falling back from features.msgpack to features.pkl.
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        nlp.tokenizer.initialize(pkuseg_model=str(model))
