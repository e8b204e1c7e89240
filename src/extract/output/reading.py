"""Read a run's tables back in whichever format it wrote: JSONL, else Parquet (one file, or a
folder of parts for a large table), else CSV.

Rows come out as the JSONL tables hold them (null for empty, `authors` a list, dates as ISO
strings), one at a time, so `load`, `review` and `eval` work on any run.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import typing
from collections.abc import Iterator
from pathlib import Path

from ..models import TABLES
from .columns import column_types

READ_ORDER = ("jsonl", "parquet", "csv")  # lossless first


def written_format(out: str | Path, table: str) -> str | None:
    out = Path(out)
    return next((fmt for fmt in READ_ORDER if (out / f"{table}.{fmt}").is_file()
                 or fmt == "parquet" and parquet_parts(out, table)), None)


def parquet_parts(out: Path, table: str) -> list[Path]:
    """The part files of a table written as a Parquet folder (TABLE/part-00000.parquet, ...), in order."""
    return sorted(Path(out, table).glob("part-*.parquet"))


def iter_rows(out: str | Path, table: str) -> Iterator[dict]:
    """The rows of OUT/TABLE.* in file order; nothing when the run wrote no such table."""
    out = Path(out)
    fmt = written_format(out, table)
    if fmt == "jsonl":
        with (out / f"{table}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    elif fmt == "parquet":
        for path in parquet_parts(out, table) or [out / f"{table}.parquet"]:
            yield from _parquet_rows(path)
    elif fmt == "csv":
        yield from _csv_rows(out / f"{table}.csv", table)


def _parquet_rows(path: Path) -> Iterator[dict]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches():
        for row in batch.to_pylist():
            yield {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def _csv_rows(path: Path, table: str) -> Iterator[dict]:
    types = column_types(TABLES[table])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {c: _from_cell(row.get(c, ""), kind) for c, kind in types.items()}


def _from_cell(cell: str, kind):
    if typing.get_origin(kind) is list:
        return cell.split(";") if cell else []
    if cell == "":
        return None
    if kind is bool:
        return cell == "true"
    if kind is int:
        return int(cell)
    if kind is float:
        return float(cell)
    return cell
