"""The output folder: one switch for the whole table set, a lock, and nothing else touched.

`--out data/out` is a symbolic link to a run directory `data/.out.runs/<run id>/` holding
that run's tables, `errors.jsonl` and `run.json`. A run writes into a new `<run id>.partial`
directory beside it, and when everything is written renames it and swaps the link with one
`rename` — a reader sees all old tables or all new ones, never a mix (open the folder once,
e.g. `Path(out).resolve()`, to read a consistent set across several files). The previous run
directory is kept until the next switch, older ones removed. Analyst files (review pages,
`eval.json`) live in the run directory, so a new run leaves them behind with the tables they
described.

A lock (`.out.runs/.lock`) keeps a second run out of the same folder with a clear message;
a run removes only what it made (its partial directory and store) or what a killed run of
this folder left in `.out.runs/`. A real folder at `--out` from an older version, holding
only files this tool writes, is moved into `.out.runs/` at the first switch; a folder holding
anything else is refused rather than replaced.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from pathlib import Path

from ..models import TABLES

TOOL_FILES = re.compile(r"^(?:(?:%s)\.(?:csv|jsonl|parquet)|errors\.jsonl|run\.json|review\.html|eval\.json"
                        r"|\.gitkeep|\..*\.tmp)$" % "|".join(TABLES))
TOOL_DIRS = {"review", *TABLES}  # review pages; a large table's Parquet parts
RUN_ID = re.compile(r"^\d{8}T\d{6}Z-\d+(?:-\d+)?$")


class OutputError(RuntimeError):
    """The output folder cannot be used: a file, read-only, foreign content, or busy."""


class OutputFolder:
    def __init__(self, out: Path):
        link = Path(os.path.abspath(out))
        if link.is_symlink() and not self._ours(link):
            link = link.resolve()  # the user's own link to a folder: manage that folder
        self.link = link
        self.runs = link.parent / f".{link.name}.runs"
        self._name(time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}")
        self._lock = None

    def _name(self, run_id: str) -> None:
        self.id = run_id
        self.partial = self.runs / f"{self.id}.partial"
        self.store = self.runs / f"{self.id}.store"  # a --no-cache run's own result store

    def _ours(self, link: Path) -> bool:
        target = os.readlink(link)
        return Path(target).parts[:1] == (f".{link.name}.runs",)

    # --- before processing -----------------------------------------------------------------

    def check(self) -> None:
        """Fail now, before hours of processing, if the run could not switch its tables in."""
        link = self.link
        if link.exists() and not link.is_dir():
            raise OutputError(f"--out {link} is a file, not a folder")
        if link.is_dir() and not link.is_symlink():
            foreign = [p.name for p in link.iterdir() if not self._tool_file(p)]
            if foreign:
                raise OutputError(f"--out {link} holds files extract did not write ({', '.join(sorted(foreign)[:3])}"
                                  f"{', ...' if len(foreign) > 3 else ''}); choose a new or empty folder")
        if link.parent.exists() and not os.access(link.parent, os.W_OK | os.X_OK):
            raise OutputError(f"cannot write into {link.parent} (read-only or no permission) for --out {link}")

    @staticmethod
    def _tool_file(p: Path) -> bool:
        return (p.is_file() and TOOL_FILES.match(p.name) is not None) or (p.is_dir() and p.name in TOOL_DIRS)

    def __enter__(self) -> "OutputFolder":
        self.check()
        try:
            self.runs.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.runs / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"cannot create {self.runs}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise OutputError(f"another extract run (pid {holder}) is writing into {self.link}; "
                              "wait for it to finish or choose another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._lock = fd
        self._remove_left_overs()
        base, n = self.id, 1
        while (self.runs / self.id).exists() or (self.runs / f"{self.id}-0").exists():  # two runs in a second
            n += 1
            self._name(f"{base}-{n}")
        try:
            self.partial.mkdir()
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(f"cannot write into {self.runs}: {exc.strerror or exc}") from None
        return self

    def _remove_left_overs(self) -> None:
        """Partial run directories and stores of runs of this folder that were killed (we hold
        the lock, so no live run owns them)."""
        for p in self.runs.iterdir():
            if p.suffix in (".partial", ".store") and RUN_ID.match(p.stem):
                shutil.rmtree(p, ignore_errors=True)

    # --- the switch ------------------------------------------------------------------------

    def commit(self) -> Path:
        """Move the finished run in with one rename of the link; returns the run directory."""
        final = self.runs / self.id
        os.rename(self.partial, final)
        previous = self.current()
        if self.link.is_dir() and not self.link.is_symlink():  # a folder from an older version
            self.check()
            if any(self.link.iterdir()):
                previous = self.runs / f"{self.id}-0"
                os.rename(self.link, previous)
            else:
                self.link.rmdir()
        tmp = self.runs / f".link-{self.id}"
        tmp.unlink(missing_ok=True)
        os.symlink(os.path.join(self.runs.name, self.id), tmp, target_is_directory=True)
        os.replace(tmp, self.link)
        self._prune(keep={final, previous})
        return final

    def current(self) -> Path | None:
        if self.link.is_symlink() and self._ours(self.link):
            return (self.link.parent / os.readlink(self.link)).absolute()
        return None

    def keep_failed(self) -> Path:
        """A run where nothing succeeded: tables stay as they were; its errors are kept aside."""
        failed = self.runs / "last-failed"
        shutil.rmtree(failed, ignore_errors=True)
        os.rename(self.partial, failed)
        return failed

    def _prune(self, keep: set) -> None:
        for p in self.runs.iterdir():
            if p.is_dir() and RUN_ID.match(p.name) and p.absolute() not in {k.absolute() for k in keep if k}:
                shutil.rmtree(p, ignore_errors=True)

    def __exit__(self, kind, value, traceback) -> None:
        shutil.rmtree(self.partial, ignore_errors=True)
        shutil.rmtree(self.store, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)  # releases the lock
            self._lock = None


def write_run_json(folder: Path, info: dict) -> None:
    (folder / "run.json").write_text(json.dumps(info, ensure_ascii=False, indent=1, default=str) + "\n",
                                     encoding="utf-8")


def is_run_folder(folder: Path) -> bool:
    """A folder a run wrote (it holds our run.json): its files are output, never input."""
    try:
        return "extract_version" in json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False
