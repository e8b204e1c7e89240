"""Where files are processed: in this process, in worker processes, or on a Dask cluster.

Worker processes are started before the input is scanned (`local_workers`), and each loads the
spaCy pipeline once while the main process scans. Workers are sent batches of consecutive file
paths (`batches`: few round trips, and a short last batch) and the store's location; they look
each file up in the store, or process it and write its rows there themselves (tasks.py), and
send back only a `Done` per file: the store key, the doc_id and counts. Rows never travel to
the main process, which streams the final tables from the store and never loads spaCy.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager, nullcontext
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from .cache import ResultCache, StoreMissing
from .tasks import Done, process_batch, process_into, worker_nlp


BYTES_PER_EXTRA_WORKER = 2_000_000  # ~5 s of work: worth a worker's ~2 s start-up
BATCH_BYTES = 256_000  # ~0.5 s of work per task: round trips are few, and no worker waits long for the last
BATCH_FILES = 64  # tiny files: still a few tasks per worker, and progress moves
BATCHES_PER_WORKER = 4  # a batch holds at most 1/4 of a worker's share of what is left: an even finish
SCHEDULER_TIMEOUT = float(os.environ.get("EXTRACT_SCHEDULER_TIMEOUT", "20"))


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached, or has no workers."""


def auto_jobs(paths: list[Path]) -> int:
    """All cores, but no more workers than the input can keep busy past their start-up."""
    size = sum(p.stat().st_size for p in paths if p.is_file())
    return max(1, min(os.cpu_count() or 1, size // BYTES_PER_EXTRA_WORKER + 1))


def batches(paths: list[bytes], jobs: int) -> list[list[bytes]]:
    """Consecutive runs of `paths` (so results come back nearly in document order), each of at
    most BATCH_FILES files and BATCH_BYTES, and shrinking towards the end (a batch is at most
    1/BATCHES_PER_WORKER of each worker's share of what is left) so workers finish together."""
    sizes = [_size(p) for p in paths]
    left = sum(sizes)
    out, current, size = [], [], 0
    for path, n in zip(paths, sizes):
        limit = min(BATCH_BYTES, (left + size) // (jobs * BATCHES_PER_WORKER))
        if current and (size + n > limit or len(current) >= BATCH_FILES):
            out.append(current)
            current, size = [], 0
        current.append(path)
        size += n
        left -= n
    return out + [current] if current else out


def _size(path: bytes) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


@contextmanager
def local_workers(jobs: int):
    """`jobs` worker processes, started now so they load the pipeline while this process scans
    the input (None for one job: this process does the work). Leaving stops them, dropping
    batches not yet started."""
    if jobs <= 1:
        yield None
        return
    # spawn: workers start clean (no threads or half-loaded model copied from this process)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    try:
        for _ in range(jobs):
            pool.submit(int)  # each submit with no idle worker starts one
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def results(paths: list[bytes | Path], store: ResultCache, nlp=None, jobs: int = 1, scheduler: str | None = None,
            reuse: bool = True, root: Path | None = None, pool: ProcessPoolExecutor | None = None) -> Iterator[Done]:
    """A Done for every path, its `index` the path's place in `paths`, nearly in that order
    (workers finish out of order); rows go into `store`, and with `reuse` a file whose result is
    stored is not processed again. `root`, the input folder, gives the doc_ids; `pool`, workers
    already started for `jobs`."""
    todo = [os.fsencode(p) for p in paths]
    if not todo:
        return
    top = None if root is None else os.fsencode(root)
    task = partial(process_batch, store=store.location, root=top, reuse=reuse)
    if scheduler:
        yield from _on_dask(todo, task, store.location, scheduler)
    elif jobs > 1:
        with nullcontext(pool) if pool is not None else local_workers(jobs) as workers:
            yield from _in_processes(batches(todo, jobs), task, workers)
    else:
        for index, path in enumerate(todo):
            yield from _numbered([process_into(path, store.location, nlp, top, reuse)], index)


def _in_processes(work: list[list[bytes]], task, pool: ProcessPoolExecutor) -> Iterator[Done]:
    futures = dict(zip((pool.submit(task, batch) for batch in work), _starts(work)))
    try:
        for future in as_completed(futures):
            yield from _numbered(future.result(), futures.pop(future))  # popped: a done batch is not held
    except BaseException:
        for future in futures:
            future.cancel()
        raise


def _starts(work: list[list[bytes]]) -> list[int]:
    """The index of each batch's first file."""
    starts, n = [], 0
    for batch in work:
        starts.append(n)
        n += len(batch)
    return starts


def _numbered(dones: list[Done], start: int) -> Iterator[Done]:
    for i, done in enumerate(dones):
        done.index = start + i
        yield done


def _worker_start(parent: int) -> None:
    """Ctrl-C reaches the whole process group; the parent stops the run and says so once.
    A worker whose parent dies (killed, even with SIGKILL) exits too instead of lingering.
    The pipeline is loaded now, while the parent scans the input."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    try:
        worker_nlp()
    except Exception:  # noqa: BLE001 - the first file this worker is sent meets the error again
        pass


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
    from distributed import as_completed as dask_completed

    client = connect(scheduler)
    try:
        work = batches(paths, sum(client.nthreads().values()) or 1)
        futures = dict(zip(client.map(task, work, pure=False), _starts(work)))
        for future in dask_completed(list(futures)):
            for done in _numbered(future.result(), futures.pop(future)):
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
