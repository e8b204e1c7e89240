"""What the rule components share: their rules read lexicon files, which spaCy's to_disk saves
beside the pipeline and from_disk reads back (edited lists take effect without code)."""
from __future__ import annotations

from pathlib import Path

from ..lexicons import copy_files


class LexiconComponent:
    """A component holding a Lexicon (a class with FILES, load(directory) and .directory)."""

    def __init__(self, lexicon):
        self.lexicon = lexicon

    def to_disk(self, path: Path, exclude=()) -> None:
        copy_files(type(self.lexicon).FILES, self.lexicon.directory, path)

    def from_disk(self, path: Path, exclude=()):
        self.__init__(type(self.lexicon).load(Path(path)))
        return self
