"""What a worker does with the files it is sent: look each up in the result store, else process
it and store its rows, and report a `Done` (where the rows are, not the rows).

Nothing heavy is imported here at module level: the main process of a multi-worker run
imports this module only to name the task, and never loads spaCy or the pipeline.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..models import ErrorRow
from ..read.ingest import MAX_FILE_MB, display_path, doc_id_of
from .cache import ResultCache
from .results import FileResult


@dataclass
class Done:
    """What the parent learns of one processed file: where its rows are, not the rows."""
    path: str
    key: str | None = None  # store key of its entry; None when it has no rows
    doc_id: str | None = None
    articles: int = 0
    chars: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRow] = field(default_factory=list)
    cached: bool = False
    index: int = -1  # the file's place in the list of files the run was given (set by the executor)


def summarize(result: FileResult, key: str | None, cached: bool = False) -> Done:
    docs = result.rows["documents"]
    return Done(result.path, key if docs else None, docs[0].doc_id if docs else None, len(docs),
                sum(d.n_chars for d in docs), {n: len(r) for n, r in result.rows.items()},
                list(result.errors), cached)


@cache
def worker_nlp():
    """This process's pipeline, kept until it exits. Its ~250k objects are frozen out of the
    cyclic garbage collector: collections stop walking them, and exit takes 0.1 s, not 0.7 s."""
    import gc

    from ..nlp import pipeline

    nlp = pipeline.load()
    gc.freeze()
    return nlp


def read_input(path: Path) -> bytes | None:
    """The bytes to process, read once; None when ingest should refuse the file itself (not a
    regular file, over the size limit, unreadable) and say why."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_MB * 1_000_000:
            return None
        return path.read_bytes()
    except OSError:
        return None


def identity(path: Path, root: Path | None) -> str:
    """What a file's stored result depends on besides its bytes: its path and its doc_id (the
    same file read from another root is another entry)."""
    return f"{display_path(path)}\0{doc_id_of(path, root)}"


def lookup(cache: ResultCache, path: Path, root: Path | None = None) -> Done | None:
    """A stored result for the file as it is now, or None."""
    data = read_input(path)
    if data is None:
        return None  # refused or unreadable: processing will say why, and it is cheap
    key = cache.key(identity(path, root), data)
    hit = cache.get(key)
    if hit is None or any(e.skipped for e in hit.errors) or not hit.rows["documents"]:
        return None
    return summarize(hit, key, cached=True)


def process_into(path: bytes, store: str, nlp=None, root: bytes | None = None, reuse: bool = False) -> Done:
    """The file's stored result when `reuse` finds one; else process it and store its rows
    under the key of the bytes processed (read again: what is stored is what was processed).
    `root`, the input folder, gives the doc_id."""
    from .process import process_file

    p, top = Path(os.fsdecode(path)), Path(os.fsdecode(root)) if root is not None else None
    if reuse and (hit := lookup(ResultCache(store), p, top)) is not None:
        return hit
    data = read_input(p)
    result = process_file(p, nlp or worker_nlp(), root=top, data=data)
    key = ResultCache.key(identity(p, top), data) if data is not None else None
    if key and result.rows["documents"] and not ResultCache(store).put(key, result):
        return Done(result.path, errors=[*result.errors, ErrorRow(
            path=result.path, stage="write", reason=f"cannot write its result into the store {store}")])
    return summarize(result, key)


def process_batch(paths: list[bytes], store: str, nlp=None, root: bytes | None = None,
                  reuse: bool = False) -> list[Done]:
    """`process_into` for consecutive files: one task, one round trip."""
    return [process_into(p, store, nlp, root, reuse) for p in paths]
