"""Per-file result store: each file's rows are written here as the file completes, and the
final tables are streamed from it. The same store is the result cache across runs.

An entry is keyed by the bytes that were actually processed, with the file's path (doc_id
and provenance come from it), under a folder per pipeline version — a hash of the package's
code, config and lexicons — so any change to the rules starts a new folder. The worker that
processed a file computes the key from the bytes it read, so a file changed during a run is
stored under its new content, never under the old one. Entries are JSON: per table, the
file's rows in table order already serialised as the tables hold them (its JSONL lines and
its CSV records: streaming the tables is then copying text, done by the worker's CPU, not the
main process's), and the file's error rows. An entry read back for reuse is validated
through the models; a wrong-shaped one is recomputed, not trusted.
Location: $EXTRACT_CACHE_DIR, else the per-user cache folder; `--no-cache` runs use a store of
their own beside the output folder, removed when the run ends. $EXTRACT_CACHE_DIR may be an
fsspec URL (`s3://bucket/extract`, `gcs://...`, `memory://...`), for Dask workers that share
object storage rather than a file system; entries are then written with one PUT each.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import platformdirs

from ..models import TABLES, ErrorRow
from ..output.stream import Serialised, serialise
from ..output.writers import columns
from .results import FileResult

PACKAGE = Path(__file__).parents[1]


@cache
def pipeline_version() -> str:
    h = hashlib.sha256()
    for f in sorted(PACKAGE.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".cfg", ".txt", ".tsv", ".j2"):
            h.update(str(f.relative_to(PACKAGE)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def cache_root() -> Path | str:
    root = os.environ.get("EXTRACT_CACHE_DIR") or platformdirs.user_cache_dir("extract")
    return f"{root.rstrip('/')}/results" if _is_url(root) else Path(root) / "results"


def _is_url(location) -> bool:
    return isinstance(location, str) and "://" in location


def row_order(row: dict) -> tuple:
    """Table order inside one file: article number, then span offsets."""
    return (int(row["article_id"].rsplit("-", 1)[1]), row.get("start", 0), row.get("end", 0))


class StoreMissing(RuntimeError):
    """A result a worker reported as stored is not readable by this process."""


class ResultCache:
    """A folder (a Path) or an fsspec URL (a str with "://") holding one JSON entry per file."""

    def __init__(self, folder: Path | str):
        self.folder = folder if _is_url(folder) else Path(folder)
        self.fs = None
        if _is_url(folder):
            import fsspec

            self.fs, self.root = fsspec.core.url_to_fs(folder)

    @classmethod
    def for_run(cls) -> "ResultCache":
        root = cache_root()
        return cls(f"{root}/{pipeline_version()}" if _is_url(root) else root / pipeline_version())

    @property
    def location(self) -> str:
        """What a worker is given to open the same store."""
        return str(self.folder)

    @property
    def is_local(self) -> bool:
        return self.fs is None

    @staticmethod
    def key(path: str, data: bytes) -> str:
        return hashlib.sha256(path.encode("utf-8") + b"\0" + data).hexdigest()

    def entry(self, key: str) -> Path | str:
        if self.fs is not None:
            return f"{self.root}/{key[:2]}/{key}.json"
        return self.folder / key[:2] / f"{key}.json"

    def exists(self, key: str) -> bool:
        return self.fs.exists(self.entry(key)) if self.fs is not None else self.entry(key).is_file()

    def _read(self, key: str) -> str:
        if self.fs is not None:
            with self.fs.open(self.entry(key), "r", encoding="utf-8") as fh:
                return fh.read()
        return self.entry(key).read_text(encoding="utf-8")

    def get(self, key: str) -> FileResult | None:
        """The stored result, validated through the models; None when absent or wrong-shaped."""
        try:
            stored = json.loads(self._read(key))
            result = FileResult(stored["path"])
            if not isinstance(result.path, str) or set(stored["tables"]) - set(TABLES):
                return None
            for name, part in stored["tables"].items():
                result.rows[name] = _validated(name, Serialised(**part))
            result.errors = [ErrorRow.model_validate(e) for e in stored["errors"]]
        except Exception:  # unreadable, not JSON, or not the shape this version writes
            return None
        return result

    def tables(self, key: str) -> dict[str, Serialised]:
        """The entry's rows as the tables hold them, per table, for streaming."""
        try:
            return {name: Serialised(**part) for name, part in json.loads(self._read(key))["tables"].items()}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreMissing(f"result {self.entry(key)} cannot be read back ({exc}); the store must be "
                               "on storage every worker and this machine share (EXTRACT_CACHE_DIR)") from exc

    def put(self, key: str, result: FileResult) -> bool:
        """Store a processed file's rows (serialised, in table order); False when it cannot be written."""
        stored = {"path": result.path,
                  "tables": {n: vars(serialise(TABLES[n], sorted((r.model_dump(mode="json") for r in rows),
                                                                 key=row_order)))
                             for n, rows in result.rows.items() if rows},
                  "errors": [e.model_dump(mode="json") for e in result.errors]}
        entry = self.entry(key)
        if self.fs is not None:
            try:
                self.fs.makedirs(entry.rsplit("/", 1)[0], exist_ok=True)
                with self.fs.open(entry, "w", encoding="utf-8") as fh:  # one PUT: whole or absent
                    json.dump(stored, fh, ensure_ascii=False)
            except Exception:
                return False
            return True
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(stored, fh, ensure_ascii=False)
                os.replace(tmp, entry)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True


def _validated(name: str, part: Serialised) -> list:
    """The part's rows as models; ValueError when its JSONL and CSV do not hold the same rows."""
    rows = [TABLES[name].model_validate_json(line) for line in part.jsonl.split("\n")[:-1]]
    records = list(csv.reader(io.StringIO(part.csv, newline="")))
    width = len(columns(TABLES[name]))
    if not part.jsonl.endswith("\n") or len(rows) != part.rows or len(records) != part.rows \
            or any(len(r) != width for r in records):
        raise ValueError(f"{name}: stored rows do not agree")
    return rows
