"""One recognised budget line before it becomes a row of the ``budget_lines`` fact table."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkjip_audit.extract.model import BBox
from lkjip_audit.numbers import Stated

if TYPE_CHECKING:
    import pandas as pd


@dataclass(slots=True)
class BudgetLine:
    """A budget line as printed in one place, with its figures and its parent's id."""

    line_id: str
    table: str
    section: str
    year: int | None
    label: str
    key: str
    kind: str
    level: int
    page: int
    bbox: BBox | None
    raw: str
    parent: str | None = None
    group: str = ""
    pagu: Stated | None = None
    realisasi: Stated | None = None
    percent: Stated | None = None
    volume: Stated | None = None
    unit: str | None = None
    doubt: str = ""


COLUMNS = [f.name for f in dataclasses.fields(BudgetLine)]


def to_frame(lines: list[BudgetLine]) -> pd.DataFrame:
    """The ``budget_lines`` fact table of these lines (object columns keep Stated values)."""
    import pandas as pd

    # Not dataclasses.asdict: it would turn the Stated figures into dicts.
    records = [{name: getattr(line, name) for name in COLUMNS} for line in lines]
    frame = pd.DataFrame(records or None, columns=COLUMNS)
    for column in ("pagu", "realisasi", "percent", "volume", "unit", "parent", "bbox"):
        frame[column] = frame[column].astype(object)
    frame["year"] = frame["year"].astype("Int64")
    frame["level"] = frame["level"].astype(int)
    frame["page"] = frame["page"].astype(int)
    return frame
