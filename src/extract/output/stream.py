"""Streaming writers: every table in every format open at once, fed one file's rows at a time.

A file's rows come already serialised (`Serialised`: its CSV lines and its JSONL lines, made by
the worker that processed it with `serialise`), so writing CSV and JSONL is copying text; the
bytes are those of `writers.write_csv`/`write_jsonl` for the same rows. Parquet is built from
the JSONL lines in row groups of at most `ROW_GROUP_ROWS` rows or `ROW_GROUP_CHARS` characters
of text; a table of more than `PART_ROWS` rows becomes a folder of parts
(`amounts/part-00000.parquet`, …, each at most that many rows) that pandas, pyarrow and DuckDB
read as one table.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import TABLES, Table
from .columns import arrow_schema, column_types
from .writers import columns, csv_cell

ROW_GROUP_ROWS = 20_000
ROW_GROUP_CHARS = 20_000_000
PART_ROWS = 1_000_000


@dataclass
class Serialised:
    """One file's rows of one table, as the table files hold them."""
    rows: int
    jsonl: str  # one JSON object per line, each line ending in "\n"
    csv: str  # CSV records without the header, as csv.writer writes them ("\r\n" ends)

    def dicts(self) -> list[dict]:
        # split on "\n" only: JSON text may hold U+2028 and other line breaks splitlines() cuts at
        return [json.loads(line) for line in self.jsonl.split("\n")[:-1]]


def serialise(model: type[Table], rows: list[dict]) -> Serialised:
    """Rows as the JSONL tables hold them (`model_dump(mode="json")`) → their table text."""
    text = io.StringIO(newline="")
    writer, cols = csv.writer(text), columns(model)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in cols])
    return Serialised(len(rows), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), text.getvalue())


class _Parquet:
    """TABLE.parquet, or once it passes `part_rows` rows the folder TABLE/ of parts."""

    def __init__(self, path: Path, model: type[Table], part_rows: int = PART_ROWS):
        self.path, self.parts = path, path.with_suffix("")
        self.schema = arrow_schema(model)
        self.dates = [c for c, kind in column_types(model).items() if kind is dt.date]
        self.part_rows = part_rows
        self.n_parts, self.in_part = 0, 0
        self.writer = self._open(path)
        self.rows: list[dict] = []
        self.chars = 0

    def _open(self, path: Path):
        import pyarrow.parquet as pq

        return pq.ParquetWriter(path, self.schema)

    def add(self, row: dict) -> None:
        for c in self.dates:
            if isinstance(row.get(c), str):
                row = {**row, c: dt.date.fromisoformat(row[c])}
        if self.in_part >= self.part_rows:  # a row more than a full part holds
            self._next_part()
        self.rows.append(row)
        self.chars += sum(len(v) for v in row.values() if isinstance(v, str))
        if (len(self.rows) >= ROW_GROUP_ROWS or self.chars >= ROW_GROUP_CHARS
                or self.in_part + len(self.rows) >= self.part_rows):
            self.flush()

    def extend(self, part: Serialised) -> None:
        for row in part.dicts():
            self.add(row)

    def flush(self) -> None:
        import pyarrow as pa

        if not self.rows:
            return
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.in_part += len(self.rows)
        self.rows, self.chars = [], 0

    def _next_part(self) -> None:
        """A full part: the single file becomes the folder's first part, and a new part opens."""
        self.writer.close()
        if self.n_parts == 0:
            self.parts.mkdir()
            os.replace(self.path, self._part(0))
        self.n_parts = max(self.n_parts, 1) + 1
        self.writer, self.in_part = self._open(self._part(self.n_parts - 1)), 0

    def _part(self, n: int) -> Path:
        return self.parts / f"part-{n:05d}.parquet"

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def abort(self) -> None:
        self.writer.close()


class _Csv:
    def __init__(self, path: Path, model: type[Table], part_rows: int = PART_ROWS):
        self.fh = open(path, "w", encoding="utf-8-sig", newline="")
        csv.writer(self.fh).writerow(columns(model))

    def extend(self, part: Serialised) -> None:
        self.fh.write(part.csv)

    def close(self) -> None:
        _sync_close(self.fh)

    def abort(self) -> None:
        self.fh.close()


class _Jsonl:
    def __init__(self, path: Path, model: Any = None, part_rows: int = PART_ROWS):
        self.fh = open(path, "w", encoding="utf-8", newline="")

    def add(self, row: dict) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def extend(self, part: Serialised) -> None:
        self.fh.write(part.jsonl)

    def close(self) -> None:
        _sync_close(self.fh)

    def abort(self) -> None:
        self.fh.close()


def _sync_close(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()


KINDS = {"csv": _Csv, "jsonl": _Jsonl, "parquet": _Parquet}


class TableStream:
    """All tables of a run written into `folder` (a staging folder: nothing here is atomic;
    the caller switches the whole folder in at once)."""

    def __init__(self, folder: Path, formats, part_rows: int = PART_ROWS):
        self.folder = Path(folder)
        self.sinks: dict[str, list] = {}
        self.counts = {name: 0 for name in TABLES}
        try:
            for name, model in TABLES.items():
                self.sinks[name] = [KINDS[f](self.folder / f"{name}.{f}", model, part_rows) for f in formats]
        except BaseException:
            self.abort()
            raise

    def extend(self, name: str, part: Serialised) -> None:
        """Append one file's rows of table `name`, in table order."""
        for sink in self.sinks[name]:
            sink.extend(part)
        self.counts[name] += part.rows

    def close(self) -> None:
        for sinks in self.sinks.values():
            for sink in sinks:
                sink.close()

    def abort(self) -> None:
        for sinks in self.sinks.values():
            for sink in sinks:
                try:
                    sink.abort()
                except Exception:
                    pass


def write_errors(path: Path, rows) -> None:
    sink = _Jsonl(path)
    for row in rows:
        sink.add(row.model_dump(mode="json"))
    sink.close()
