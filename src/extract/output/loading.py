"""Load the tables `extract run` wrote, with the column types the models define.

    import extract
    tables = extract.load("data/out")             # {"documents": DataFrame, "amounts": ...}
    amounts = extract.load("data/out", table="amounts")
    facts = extract.load("data/out", table="amounts", facts=True)   # the rows to add up
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .columns import column_types, pandas_dtype
from .reading import iter_rows, written_format
from ..models import TABLES


FACT_TABLES = ("amounts", "household_counts")


def load(out_dir: str | Path = "data/out", table: str | None = None, facts: bool = False):
    """All tables as {name: DataFrame}, or one DataFrame when `table` is given.

    Reads whichever format the run wrote (TABLE.jsonl, else .parquet, else .csv) from one
    run directory (`out_dir` resolved once, so every table comes from the same run); integers are nullable
    Int64, money Float64, flags boolean, `published` datetime64, categories from the models'
    Literal types, `authors` lists. With `facts=True` (amounts, household_counts) only the rows
    an analyst adds up: `status` actual, not a `repeat`, and for amounts no `per`; each with its
    article's `published` date beside its `year`, `county` and `province`.
    """
    out_dir = Path(out_dir).resolve()
    if table is None:
        if facts:
            raise ValueError("facts=True needs table='amounts' or table='household_counts'")
        return {name: _load_table(out_dir, name) for name in TABLES}
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    if facts and table not in FACT_TABLES:
        raise ValueError(f"facts=True is for {' and '.join(FACT_TABLES)}, not {table!r}")
    frame = _load_table(out_dir, table)
    return _facts(frame, _load_table(out_dir, "documents")) if facts else frame


def _facts(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    summable = (frame["status"] == "actual").fillna(False) & ~frame["repeat"].fillna(False).astype(bool)
    if "per" in frame:
        summable &= frame["per"].isna()
    dates = documents[["article_id", "published"]]
    return frame[summable].merge(dates, on="article_id", how="left").reset_index(drop=True)


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
