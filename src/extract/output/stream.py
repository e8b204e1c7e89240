"""Streaming writers: every table in every format open at once, fed one row at a time.

Rows arrive as the JSONL tables hold them (dicts from `model_dump(mode="json")`), so a row is
written without being held: CSV and JSONL line by line, Parquet in row groups of at most
`ROW_GROUP_ROWS` rows or `ROW_GROUP_CHARS` characters of text. The bytes are those of
`writers.write_csv`/`write_jsonl`/`write_parquet` for the same rows.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from ..models import TABLES, Table
from .columns import arrow_schema, column_types
from .writers import columns, csv_cell

ROW_GROUP_ROWS = 20_000
ROW_GROUP_CHARS = 20_000_000


class _Parquet:
    def __init__(self, path: Path, model: type[Table]):
        import pyarrow.parquet as pq

        self.schema = arrow_schema(model)
        self.dates = [c for c, kind in column_types(model).items() if kind is dt.date]
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict] = []
        self.chars = 0

    def add(self, row: dict) -> None:
        for c in self.dates:
            if isinstance(row.get(c), str):
                row = {**row, c: dt.date.fromisoformat(row[c])}
        self.rows.append(row)
        self.chars += sum(len(v) for v in row.values() if isinstance(v, str))
        if len(self.rows) >= ROW_GROUP_ROWS or self.chars >= ROW_GROUP_CHARS:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows, self.chars = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


class _Csv:
    def __init__(self, path: Path, model: type[Table]):
        self.fh = open(path, "w", encoding="utf-8-sig", newline="")
        self.cols = columns(model)
        self.writer = csv.writer(self.fh)
        self.writer.writerow(self.cols)

    def add(self, row: dict) -> None:
        self.writer.writerow([csv_cell(row.get(c)) for c in self.cols])

    def close(self) -> None:
        _sync_close(self.fh)


class _Jsonl:
    def __init__(self, path: Path, model: Any = None):
        self.fh = open(path, "w", encoding="utf-8", newline="")

    def add(self, row: dict) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        _sync_close(self.fh)


def _sync_close(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()


KINDS = {"csv": _Csv, "jsonl": _Jsonl, "parquet": _Parquet}


class TableStream:
    """All tables of a run written into `folder` (a staging folder: nothing here is atomic;
    the caller switches the whole folder in at once)."""

    def __init__(self, folder: Path, formats):
        self.folder = Path(folder)
        self.sinks: dict[str, list] = {}
        self.counts = {name: 0 for name in TABLES}
        try:
            for name, model in TABLES.items():
                self.sinks[name] = [KINDS[f](self.folder / f"{name}.{f}", model) for f in formats]
        except BaseException:
            self.abort()
            raise

    def add(self, name: str, row: dict) -> None:
        for sink in self.sinks[name]:
            sink.add(row)
        self.counts[name] += 1

    def close(self) -> None:
        for sinks in self.sinks.values():
            for sink in sinks:
                sink.close()

    def abort(self) -> None:
        for sinks in self.sinks.values():
            for sink in sinks:
                try:
                    sink.close()
                except Exception:
                    pass


def write_errors(path: Path, rows) -> None:
    sink = _Jsonl(path)
    for row in rows:
        sink.add(row.model_dump(mode="json"))
    sink.close()
