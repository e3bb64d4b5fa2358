"""Show a fact table as a reviewer reads it: numbers as printed, boxes rounded."""

from __future__ import annotations

from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from lkjip_audit.numbers import Stated
from lkjip_audit.report.safe import clean_data, console_text

RAW_CHARS = 60
# Columns up to this width are never squeezed: numbers, pages, places.
SHORT_COLUMN = 14
# Names and raw lines are cut here so that the numbers beside them stay visible.
LONG_COLUMN = 32


def cell_text(value: Any) -> str:
    """A fact cell as text: a Stated as printed, a box as rounded numbers."""
    if isinstance(value, Stated):
        return value.raw
    if isinstance(value, tuple):
        return "(" + ", ".join(f"{v:.0f}" for v in value) + ")"
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value)
    return text if len(text) <= RAW_CHARS else text[: RAW_CHARS - 1] + "…"


def fact_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The table as JSON-able records (numbers as printed, with their value)."""

    def plain(value: Any) -> Any:
        if isinstance(value, Stated):
            return {"raw": value.raw, "value": str(value.value), "decimals": value.decimals}
        if isinstance(value, tuple):
            return [round(float(v), 2) for v in value]
        if isinstance(value, float) and pd.isna(value):
            return None
        return value if isinstance(value, str | int | float | bool) or value is None else str(value)

    return clean_data([{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")])


def render_facts(name: str, frame: pd.DataFrame, console: Console) -> None:
    """Print the fact table ``name`` as a rich table; numbers keep their full width and long
    text columns (names, raw lines) are cut with an ellipsis to fit."""
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    rows = [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    table = Table(title=f"{name} ({len(frame)})", title_justify="left", show_lines=False)
    for index, column in enumerate(frame.columns):
        width = max([len(str(column)), *(len(row[index]) for row in rows)])
        table.add_column(
            str(column),
            no_wrap=True,
            overflow="ellipsis",
            min_width=min(width, SHORT_COLUMN),
            max_width=max(SHORT_COLUMN, LONG_COLUMN),
        )
    for row in rows:
        table.add_row(*(console_text(text) for text in row))
    console.print(table)
