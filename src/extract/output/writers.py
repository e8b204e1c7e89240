"""Writers: every table as CSV (UTF-8 with BOM, for Excel) and JSONL, replaced atomically.

Columns come from the Pydantic models, so the header, the JSONL keys and the schemas agree.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from ..models import ErrorRow, Table


def columns(model: type[Table]) -> list[str]:
    return list(model.model_fields)


# A text cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(...),
# @人民日报, - item): written in CSV with a leading ' so it shows as text. JSONL and Parquet
# keep the text exact; numbers are never changed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_CHARS = 32_767  # Excel's limit: a longer CSV cell is cut there, saying so; JSONL is whole
CUT_NOTE = " …[cut: {n} chars; the whole text is in the JSONL/Parquet table]"


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    text = ";".join(map(str, value)) if isinstance(value, list) else str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    if len(text) > EXCEL_CELL_CHARS:
        note = CUT_NOTE.format(n=len(text))
        text = text[:EXCEL_CELL_CHARS - len(note)] + note
    return text


@contextmanager
def _atomic_path(path: Path, staged: list | None = None):
    """A temp file name beside `path`; on success it replaces `path` (or, with `staged`, is
    appended there as (temp, path) for the caller to rename), on failure it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; tables are for sharing
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.append((tmp, path))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path: Path, encoding: str = "utf-8", staged: list | None = None):
    """A text file that appears at `path` whole, or not at all."""
    with _atomic_path(path, staged) as tmp, open(tmp, "w", encoding=encoding, newline="") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


class TableSet:
    """Writes a run's files as temps and renames them all only when every one is written, so a
    run killed while writing leaves the previous tables in place, not a mix of old and new."""

    def __init__(self, out: Path, formats: Sequence[str] = ("csv", "jsonl")):
        self.out, self.formats, self.staged = Path(out), tuple(formats), []

    def __enter__(self) -> "TableSet":
        for stale in self.out.glob(".*.tmp"):  # left by a run that was killed while writing
            stale.unlink(missing_ok=True)
        return self

    def table(self, name: str, model: type[Table], rows: Sequence[BaseModel]) -> None:
        if "csv" in self.formats:
            write_csv(self.out / f"{name}.csv", model, rows, self.staged)
        if "jsonl" in self.formats:
            write_jsonl(self.out / f"{name}.jsonl", rows, self.staged)
        if "parquet" in self.formats:
            write_parquet(self.out / f"{name}.parquet", model, rows, self.staged)

    def _drop_stale_formats(self) -> None:
        """A table file in a format this run did not write (amounts.parquet from an earlier
        run with --format parquet) would no longer match the others: remove it."""
        written = {path.name for _, path in self.staged}
        for name in {path.stem for _, path in self.staged} - {"errors"}:
            for fmt in FORMATS:
                stale = self.out / f"{name}.{fmt}"
                if stale.name not in written:
                    stale.unlink(missing_ok=True)

    def errors(self, rows: Sequence[ErrorRow]) -> Path:
        path = self.out / "errors.jsonl"
        write_jsonl(path, rows, self.staged)
        return path

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                for tmp, path in self.staged:
                    os.replace(tmp, path)
                self._drop_stale_formats()
        finally:
            for tmp, _ in self.staged:
                Path(tmp).unlink(missing_ok=True)  # left over only when something failed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FORMATS = ("csv", "jsonl", "parquet")


def write_table(out: Path, name: str, model: type[Table], rows: Sequence[BaseModel],
                formats: Sequence[str] = ("csv", "jsonl")) -> None:
    """One table in each of `formats`, each file replaced atomically."""
    with TableSet(out, formats) as tables:
        tables.table(name, model, rows)


def write_csv(path: Path, model: type[Table], rows: Sequence[BaseModel], staged: list | None = None) -> None:
    cols = columns(model)
    with atomic_open(path, "utf-8-sig", staged) as fh:
        writer = csv.writer(fh)
        writer.writerow(cols)
        for row in rows:
            data = row.model_dump()
            writer.writerow([csv_cell(data[c]) for c in cols])


def write_jsonl(path: Path, rows: Iterable[BaseModel], staged: list | None = None) -> None:
    with atomic_open(path, "utf-8", staged) as fh:
        for row in rows:
            fh.write(json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n")


def write_parquet(path: Path, model: type[Table], rows: Sequence[BaseModel], staged: list | None = None) -> None:
    """Same columns and types as the models say (columns.arrow_schema), replaced atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .columns import arrow_schema

    table = pa.Table.from_pylist([row.model_dump() for row in rows], schema=arrow_schema(model))
    with _atomic_path(path, staged) as tmp:
        pq.write_table(table, tmp)
