"""Where files are processed: in this process, in worker processes, or on a Dask cluster.

Each worker loads the spaCy pipeline once (`worker_nlp`, cached per process) and is sent file
paths; the results come back as FileResults. Files whose result is cached are not sent.
"""
from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache, partial
from multiprocessing import get_context
from pathlib import Path

from ..nlp import pipeline
from ..read.ingest import MAX_FILE_MB, display_path, doc_id_of
from .cache import ResultCache
from .process import process_file
from .results import FileResult


BYTES_PER_EXTRA_WORKER = 2_000_000  # ~40 s of segmentation: worth a worker's ~5 s start-up


def auto_jobs(paths: list[Path]) -> int:
    """All cores, but no more workers than the input can keep busy past their start-up."""
    size = sum(p.stat().st_size for p in paths if p.is_file())
    return max(1, min(os.cpu_count() or 1, size // BYTES_PER_EXTRA_WORKER + 1))


@cache
def worker_nlp():
    return pipeline.load()


def process_path(path: bytes, nlp=None, root: bytes | None = None) -> tuple[bytes, FileResult]:
    """(path, its FileResult): the path as given, so the caller can match the result to its key.
    `root`, the input folder, gives the doc_id."""
    return path, process_file(Path(os.fsdecode(path)), nlp or worker_nlp(),
                              Path(os.fsdecode(root)) if root is not None else None)


def results(paths: list[Path], cache: ResultCache | None, nlp=None, jobs: int = 1,
            scheduler: str | None = None, root: Path | None = None) -> Iterator[tuple[FileResult, bool]]:
    """(FileResult, came from cache) for every path, in no particular order."""
    todo: dict[bytes, str | None] = {}  # path -> cache key
    for path in paths:
        key = _cache_key(cache, path, root)
        hit = cache.get(key) if key else None
        if hit is not None:
            yield hit, True
        else:
            todo[os.fsencode(path)] = key
    task = partial(process_path, root=None if root is None else os.fsencode(root))
    for path, result in _compute(list(todo), nlp, jobs, scheduler, task):
        key = todo[path]
        if cache and key and not any(e.skipped for e in result.errors):
            cache.put(key, result)
        yield result, False


def _cache_key(cache: ResultCache | None, path: Path, root: Path | None = None) -> str | None:
    if cache is None or not path.is_file() or path.stat().st_size > MAX_FILE_MB * 1_000_000:
        return None  # refused or not a file: processing will say why, and it is cheap
    try:
        # the doc_id is part of the result: the same file read from another root is another entry
        return cache.key(f"{display_path(path)}\0{doc_id_of(path, root)}", path.read_bytes())
    except OSError:
        return None  # unreadable now: processing will say why


def _compute(paths: list[bytes], nlp, jobs: int, scheduler: str | None, task=process_path) -> Iterator:
    if not paths:
        return
    if scheduler:
        yield from _on_dask(paths, scheduler, task)
    elif jobs > 1 and len(paths) > 1:
        yield from _in_processes(paths, jobs, task)
    else:
        for path in paths:
            yield task(path, nlp)


def _in_processes(paths: list[bytes], jobs: int, task=process_path) -> Iterator:
    # spawn: workers start clean (no threads or half-loaded model copied from this process)
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=get_context("spawn"),
                             initializer=_leave_ctrl_c_to_the_parent) as pool:
        futures = [pool.submit(task, p) for p in paths]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _leave_ctrl_c_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group; the parent stops the run and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _on_dask(paths: list[bytes], scheduler: str, task=process_path) -> Iterator:
    from distributed import Client, as_completed as dask_completed

    with Client(scheduler) as client:
        futures = client.map(task, paths, pure=False)
        for future in dask_completed(futures):
            yield future.result()
