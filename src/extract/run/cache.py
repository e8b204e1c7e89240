"""Per-document result cache: a re-run reprocesses only files that changed.

An entry is keyed by the file's bytes, its path (doc_id and provenance come from it) and the
pipeline version — a hash of the package's code, config and lexicons — so any change to the
rules invalidates every entry. Entries are JSON rows validated back through the models.
Location: $EXTRACT_CACHE_DIR, else the per-user cache folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import platformdirs

from ..models import TABLES, ErrorRow
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


class ResultCache:
    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def for_run(cls) -> "ResultCache":
        root = os.environ.get("EXTRACT_CACHE_DIR") or platformdirs.user_cache_dir("extract")
        return cls(Path(root) / "results" / pipeline_version())

    def key(self, path: str, data: bytes) -> str:
        return hashlib.sha256(path.encode("utf-8") + b"\0" + data).hexdigest()

    def get(self, key: str) -> FileResult | None:
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        result = FileResult(stored["path"])
        for name, rows in stored["rows"].items():
            result.rows[name] = [TABLES[name].model_validate(r) for r in rows]
        result.errors = [ErrorRow.model_validate(e) for e in stored["errors"]]
        return result

    def put(self, key: str, result: FileResult) -> None:
        """Store a processed file's rows; best effort: a cache that cannot be written is no error."""
        stored = {"path": result.path,
                  "rows": {n: [r.model_dump(mode="json") for r in rows] for n, rows in result.rows.items()},
                  "errors": [e.model_dump(mode="json") for e in result.errors]}
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(stored, fh, ensure_ascii=False)
            os.replace(tmp, entry)
        except OSError:
            pass
