"""The survey recognizer: SKM grids and annual values, IPK parts and IKI as facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.facts import schema_for
from lkjip_audit.facts.survey import (
    KONVERSI,
    NRR,
    OUTSIDE,
    RESPONDEN,
    SKM,
    TERTIMBANG,
    YEAR,
)
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.survey.grid import Grid, GridCell, find_grids
from lkjip_audit.recognize.survey.ipk import iki_conversions, ipk_narrative, ipk_tables
from lkjip_audit.recognize.survey.lines import numbered
from lkjip_audit.recognize.survey.summary import (
    SummaryValue,
    annual_tables,
    formula_lines,
    narrative,
)
from lkjip_audit.recognize.survey.terms import MUTU, is_unsur
from lkjip_audit.recognize.survey.text import Passage

if TYPE_CHECKING:
    import pandas as pd

NARRATIVE_BEFORE = 40
NARRATIVE_AFTER = 80
"""Lines around a period grid where a sentence stating the annual SKM is about that grid."""


@recognizer("survey")
def recognize_survey(doc: DocumentText, meta: DocumentMeta) -> Mapping[str, pd.DataFrame]:
    """``skm_values``, ``skm_categories``, ``skm_unread``, ``ipk_parts`` and ``iki`` read
    from ``doc``."""
    raw_lines = doc.lines()
    lines = [numbered(line) for line in raw_lines]
    passage = Passage(raw_lines)
    found = find_grids(lines)
    grids = [g for g in found if g.unread is None]
    windows = [(g.first - NARRATIVE_BEFORE, g.last + NARRATIVE_AFTER) for g in grids]
    tables = ipk_tables(lines)
    # every printed table gets one number: the period grids first, then the annual tables
    annual = annual_tables(lines, found)
    outside = [*narrative(passage, meta.year, windows), *formula_lines(lines, grids)]
    values = [
        *(v for g, grid in enumerate(grids) for v in _grid_rows(g, grid)),
        *(
            _summary_row(len(grids) + t, v)
            for t, table in enumerate(annual)
            for v in table
            if v.value is not None
        ),
        *(_summary_row(OUTSIDE, v) for v in outside),
    ]
    categories = [
        *(
            _cell_base(g, grid.kind, c) | {"category": c.category, "label": c.label}
            for g, grid in enumerate(grids)
            for c in grid.cells
            if c.item == MUTU
        ),
        *(
            {"grid": len(grids) + t, "period_kind": "tahun", "period": YEAR}
            | {"category": v.category, "label": v.label}
            | _place_line(v.line)
            for t, table in enumerate(annual)
            for v in table
            if v.value is None
        ),
    ]
    unread = [
        {
            "grid": len(grids) + len(annual) + u,
            "reason_id": f"label baris '{cell.label}' bukan unsur atau angka SKM yang dikenal",
            "reason_en": f"row label '{cell.label}' names no known unsur or SKM figure",
        }
        | _place_line(cell.line)
        for u, cell in enumerate(g.unread for g in found if g.unread is not None)
    ]
    ipk = [
        {
            "part": v.part,
            "field": v.field,
            "unsur": v.unsur,
            "group": v.group,
            "value": v.value,
            "source": v.source,
        }
        | _place(v.value, v.line)
        for v in (*tables, *ipk_narrative(passage, meta.year, [t.line for t in tables]))
    ]
    iki = [
        {"field": v.field, "group": v.group, "value": v.value, "source": v.source}
        | _place(v.value, v.line)
        for v in iki_conversions(passage)
    ]
    return {
        "skm_values": _frame(values, "skm_values"),
        "skm_categories": _frame(categories, "skm_categories"),
        "skm_unread": _frame(unread, "skm_unread"),
        "ipk_parts": _frame(ipk, "ipk_parts"),
        "iki": _frame(iki, "iki"),
    }


def _grid_rows(number: int, grid: Grid) -> Iterator[dict[str, Any]]:
    """The ``skm_values`` rows of one period grid (categories go elsewhere)."""
    for cell in grid.cells:
        if cell.value is None or cell.item == MUTU:
            continue
        if is_unsur(cell.item):
            # an unsur row printed below 1 is its NRR tertimbang (NRR × 1/n), not its NRR
            role, item = (TERTIMBANG if cell.value.value < 1 else NRR), cell.item
        elif cell.item in (SKM, KONVERSI, RESPONDEN):
            role, item = cell.item, ""
        else:
            continue
        yield _cell_base(number, grid.kind, cell) | {
            "role": role,
            "item": item,
            "label": cell.label,
            "value": cell.value,
            "source": "table",
        }


def _cell_base(number: int, kind: str, cell: GridCell) -> dict[str, Any]:
    """Where a grid cell stands: grid, period (the year for an annual column), place."""
    period_kind = "tahun" if cell.period == YEAR else kind
    place = _place(cell.value, cell.line) if cell.value is not None else _place_line(cell.line)
    return {"grid": number, "period_kind": period_kind, "period": cell.period} | place


def _summary_row(number: int, value: SummaryValue) -> dict[str, Any]:
    """An annual figure of an annual table (``number``) or of a sentence (:data:`OUTSIDE`)."""
    return {
        "grid": number,
        "period_kind": "tahun",
        "period": YEAR,
        "role": value.role,
        "item": value.item,
        "label": value.label,
        "value": value.value,
        "source": value.source,
    } | _place(value.value, value.line)


def _place(value: Any, line: Any) -> dict[str, Any]:
    """Where a number stands: its page and box, and the line it was read from."""
    return {"page": int(value.page or line.page), "bbox": value.bbox, "raw": line.text}


def _place_line(line: Any) -> dict[str, Any]:
    """Where a printed word stands when it is no number: its line."""
    return {"page": int(line.page), "bbox": line.bbox, "raw": line.text}


def _frame(rows: Iterable[dict[str, Any]], table: str) -> pd.DataFrame:
    import pandas as pd

    schema = schema_for(table)
    frame = pd.DataFrame(list(rows), columns=list(schema.columns))
    # an empty frame has no dtypes to infer: give every column its schema's type
    return frame.astype({name: column.dtype.type for name, column in schema.columns.items()})
