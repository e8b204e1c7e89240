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

from .models import ErrorRow, Table


def columns(model: type[Table]) -> list[str]:
    return list(model.model_fields)


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@contextmanager
def atomic_open(path: Path, encoding: str = "utf-8"):
    """A file that appears at `path` whole, or not at all (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; tables are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FORMATS = ("csv", "jsonl", "parquet")


def write_table(out: Path, name: str, model: type[Table], rows: Sequence[BaseModel],
                formats: Sequence[str] = ("csv", "jsonl")) -> None:
    if "csv" in formats:
        write_csv(out / f"{name}.csv", model, rows)
    if "jsonl" in formats:
        write_jsonl(out / f"{name}.jsonl", rows)
    if "parquet" in formats:
        write_parquet(out / f"{name}.parquet", model, rows)


def write_csv(path: Path, model: type[Table], rows: Sequence[BaseModel]) -> None:
    cols = columns(model)
    with atomic_open(path, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(cols)
        for row in rows:
            data = row.model_dump()
            writer.writerow([csv_cell(data[c]) for c in cols])


def write_jsonl(path: Path, rows: Iterable[BaseModel]) -> None:
    with atomic_open(path) as fh:
        for row in rows:
            fh.write(json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n")


def write_parquet(path: Path, model: type[Table], rows: Sequence[BaseModel]) -> None:
    """Same columns and types as the models say (columns.arrow_schema), replaced atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .columns import arrow_schema

    table = pa.Table.from_pylist([row.model_dump() for row in rows], schema=arrow_schema(model))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_errors(out: Path, errors: Sequence[ErrorRow]) -> Path:
    path = out / "errors.jsonl"
    write_jsonl(path, errors)
    return path
