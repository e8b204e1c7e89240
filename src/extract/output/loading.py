"""Load the tables `extract run` wrote, with the column types the models define.

    import extract
    tables = extract.load("data/out")             # {"documents": DataFrame, "amounts": ...}
    amounts = extract.load("data/out", table="amounts")
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .columns import column_types, pandas_dtype
from .reading import iter_rows, written_format
from ..models import TABLES


def load(out_dir: str | Path = "data/out", table: str | None = None):
    """All tables as {name: DataFrame}, or one DataFrame when `table` is given.

    Reads whichever format the run wrote (TABLE.jsonl, else .parquet, else .csv) from one
    run directory (`out_dir` resolved once, so every table comes from the same run); integers are nullable
    Int64, money Float64, flags boolean, `published` datetime64, categories from the models'
    Literal types, `authors` lists.
    """
    out_dir = Path(out_dir).resolve()
    if table is not None:
        if table not in TABLES:
            raise KeyError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        return _load_table(out_dir, table)
    return {name: _load_table(out_dir, name) for name in TABLES}


def _load_table(out_dir: Path, name: str) -> pd.DataFrame:
    if written_format(out_dir, name) is None:
        raise FileNotFoundError(f"{out_dir / name}.jsonl/.parquet/.csv not found: "
                                f"run `extract run` with --out {out_dir} first")
    types = column_types(TABLES[name])
    rows = list(iter_rows(out_dir, name))
    frame = pd.DataFrame.from_records(rows, columns=list(types))
    for column, kind in types.items():
        dtype = pandas_dtype(kind)
        if dtype == "datetime64[ns]":
            frame[column] = pd.to_datetime(frame[column], errors="coerce")
        elif dtype != "object":
            frame[column] = frame[column].astype(dtype)
    return frame
