"""Column types, read off the Pydantic table models: the pandas dtype and the Arrow type of
every column. Loading and Parquet writing both come from here, so no second list of types.
"""
from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal

from ..models import Table


def _core(annotation: Any) -> Any:
    """The type inside `X | None` / Optional[X] / Annotated[X, ...]."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _core(args[0]) if len(args) == 1 else annotation
    return annotation


def column_types(model: type[Table]) -> dict[str, Any]:
    """Column name → its core Python type (str, int, float, bool, date, list[str] or a Literal)."""
    return {name: _core(field.annotation) for name, field in model.model_fields.items()}


def pandas_dtype(kind: Any):
    import pandas as pd

    if typing.get_origin(kind) is Literal:
        return pd.CategoricalDtype(categories=list(typing.get_args(kind)))
    return {str: "string", int: "Int64", float: "Float64", bool: "boolean",
            dt.date: "datetime64[ns]"}.get(kind, "object")


def arrow_type(kind: Any):
    import pyarrow as pa

    if typing.get_origin(kind) is Literal:
        return pa.string()
    if typing.get_origin(kind) is list:
        return pa.list_(pa.string())
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
            dt.date: pa.date32()}[kind]


def arrow_schema(model: type[Table]):
    import pyarrow as pa

    return pa.schema([(name, arrow_type(kind)) for name, kind in column_types(model).items()])
