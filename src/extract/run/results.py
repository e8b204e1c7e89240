"""What processing one file gives: its rows in every table and its error rows."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import TABLES, ErrorRow, Table


@dataclass
class FileResult:
    path: str
    rows: dict[str, list[Table]] = field(default_factory=lambda: {name: [] for name in TABLES})
    errors: list[ErrorRow] = field(default_factory=list)
