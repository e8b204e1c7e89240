"""The spaCy pipeline: Chinese tokenizer on pkuseg, then extract's own components (config.cfg).

The stages register their components as spaCy factories through the `spacy_factories` entry
points in pyproject.toml, so this module names none of them: spaCy finds each factory the config
asks for. Loaded once per process: the segmentation model alone takes seconds and ~800 MB.
"""
from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from .segmenter import model_dir

CONFIG = Path(__file__).with_name("config.cfg")


@cache
def load() -> Language:
    """The pipeline, built from config.cfg; ModelMissing when the pkuseg model is absent."""
    model = model_dir()
    nlp = spacy.util.load_model_from_config(spacy.util.load_config(CONFIG), auto_fill=True)
    logging.getLogger("spacy").setLevel(logging.ERROR)
    _quiet_initialize(nlp, model)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


class TextKeepingTokenizer:
    """The Chinese tokenizer, keeping the input text on the Doc: the components read the text
    often, and spaCy rebuilds doc.text from the tokens on every access."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data["extract.text"] = text  # what doc.doc_text reads
        return doc


def _quiet_initialize(nlp: Language, model: Path) -> None:
    # spacy_pkuseg prints a warning (stdout or stderr by version) before falling back from features.msgpack to features.pkl.
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        nlp.tokenizer.initialize(pkuseg_model=str(model))
