"""Where files are processed: in this process, in worker processes, or on a Dask cluster.

Each worker loads the spaCy pipeline once (`worker_nlp`, cached per process), is sent file
paths and the store's folder, writes each file's rows into the store itself and sends back
only a `Done`: the store key, the doc_id and counts. Rows never travel to the parent, which
streams the final tables from the store. Files whose result is already stored are not sent.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache, partial
from multiprocessing import get_context
from pathlib import Path

from ..models import ErrorRow
from ..nlp import pipeline
from ..read.ingest import MAX_FILE_MB, display_path, doc_id_of
from .cache import ResultCache, StoreMissing
from .process import process_file
from .results import FileResult


BYTES_PER_EXTRA_WORKER = 2_000_000  # ~40 s of segmentation: worth a worker's ~5 s start-up
SCHEDULER_TIMEOUT = float(os.environ.get("EXTRACT_SCHEDULER_TIMEOUT", "20"))


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached, or has no workers."""


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


def summarize(result: FileResult, key: str | None, cached: bool = False) -> Done:
    docs = result.rows["documents"]
    return Done(result.path, key if docs else None, docs[0].doc_id if docs else None, len(docs),
                sum(d.n_chars for d in docs), {n: len(r) for n, r in result.rows.items()},
                list(result.errors), cached)


def auto_jobs(paths: list[Path]) -> int:
    """All cores, but no more workers than the input can keep busy past their start-up."""
    size = sum(p.stat().st_size for p in paths if p.is_file())
    return max(1, min(os.cpu_count() or 1, size // BYTES_PER_EXTRA_WORKER + 1))


@cache
def worker_nlp():
    return pipeline.load()


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


def process_into(path: bytes, store: str, nlp=None, root: bytes | None = None) -> Done:
    """Process one file and store its rows under the key of the bytes processed. `root`, the
    input folder, gives the doc_id."""
    p, top = Path(os.fsdecode(path)), Path(os.fsdecode(root)) if root is not None else None
    data = read_input(p)
    result = process_file(p, nlp or worker_nlp(), root=top, data=data)
    key = ResultCache.key(identity(p, top), data) if data is not None else None
    if key and result.rows["documents"] and not ResultCache(store).put(key, result):
        return Done(result.path, errors=[*result.errors, ErrorRow(
            path=result.path, stage="write", reason=f"cannot write its result into the store {store}")])
    return summarize(result, key)


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


def results(paths: list[Path], store: ResultCache, nlp=None, jobs: int = 1,
            scheduler: str | None = None, reuse: bool = True, root: Path | None = None) -> Iterator[Done]:
    """A Done for every path, in no particular order; rows go into `store`. `root`, the input
    folder, gives the doc_ids."""
    todo: list[bytes] = []
    for path in paths:
        hit = lookup(store, path, root) if reuse else None
        if hit is not None:
            yield hit
        else:
            todo.append(os.fsencode(path))
    task = partial(process_into, store=store.location, root=None if root is None else os.fsencode(root))
    yield from _compute(todo, task, store.location, nlp, jobs, scheduler)


def _compute(paths: list[bytes], task, store: str, nlp, jobs: int, scheduler: str | None) -> Iterator[Done]:
    if not paths:
        return
    if scheduler:
        yield from _on_dask(paths, task, store, scheduler)
    elif jobs > 1 and len(paths) > 1:
        yield from _in_processes(paths, task, jobs)
    else:
        for path in paths:
            yield task(path, nlp=nlp)


def _in_processes(paths: list[bytes], task, jobs: int) -> Iterator[Done]:
    # spawn: workers start clean (no threads or half-loaded model copied from this process)
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=get_context("spawn"),
                             initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(task, p) for p in paths]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _worker_start(parent: int) -> None:
    """Ctrl-C reaches the whole process group; the parent stops the run and says so once.
    A worker whose parent dies (killed, even with SIGKILL) exits too instead of lingering."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    try:  # Linux: the kernel sends SIGKILL when the parent goes
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except Exception:
        pass

    def watch() -> None:  # everywhere: reparented means the parent is gone
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _on_dask(paths: list[bytes], task, store: str, scheduler: str) -> Iterator[Done]:
    from distributed import Client, as_completed as dask_completed

    client = connect(scheduler)
    try:
        futures = client.map(task, paths, pure=False)
        for future in dask_completed(futures):
            done = future.result()
            if done.key and not ResultCache(store).exists(done.key):
                raise StoreMissing(f"a worker stored {done.path}'s result in {store}, which this machine "
                                   "does not see: put the store on shared storage (EXTRACT_CACHE_DIR)")
            yield done
    finally:
        client.close()


def _probe(scheduler: str, timeout: float) -> None:
    """A Dask scheduler greets a new connection first, with a small length-prefixed message;
    an HTTP server or a silent port does not. Checked on a plain socket, because a Dask client
    talking to one of those can hang or try to allocate exabytes."""
    import socket
    from urllib.parse import urlsplit

    if "://" not in scheduler:
        scheduler = f"tcp://{scheduler}"
    parts = urlsplit(scheduler)
    if parts.scheme != "tcp":
        return  # tls://, ucx://...: left to the Dask client
    try:
        host, port = parts.hostname, parts.port or 8786
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            first = sock.recv(8)
    except (OSError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s "
                             f"({getattr(exc, 'strerror', None) or exc})") from None
    if len(first) < 8 or not 0 < int.from_bytes(first, "little") < 2**32:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: what answers there "
                             "is not a Dask scheduler") from None


def connect(scheduler: str, timeout: float | None = None):
    """A Dask client with at least one worker, or SchedulerError in one line."""
    from distributed import Client

    timeout = SCHEDULER_TIMEOUT if timeout is None else timeout
    _probe(scheduler, timeout)
    try:
        client = Client(scheduler, timeout=f"{timeout}s")
    except BaseException as exc:  # OSError, TimeoutError, ValueError, even MemoryError on a non-Dask port
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s "
                             f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'})") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except BaseException as exc:
        client.close()
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise SchedulerError(f"the Dask scheduler at {scheduler} has no workers after {timeout:g} s: "
                             f"start some with `dask worker {scheduler}`") from None
    return client
