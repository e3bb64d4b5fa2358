"""The survey recognizer: the monthly SKM grid, annual values, IPK parts and IKI as facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.facts.survey import IKI, IPK_PARTS, SURVEY_MONTHS, SURVEY_SUMMARY
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.survey.grid import find_grids
from lkjip_audit.recognize.survey.ipk import iki_conversions, ipk_narrative, ipk_tables
from lkjip_audit.recognize.survey.lines import numbered
from lkjip_audit.recognize.survey.summary import annual_tables, formula_lines, narrative
from lkjip_audit.recognize.survey.text import Passage

if TYPE_CHECKING:
    import pandas as pd

NARRATIVE_BEFORE = 40
NARRATIVE_AFTER = 80
"""Lines around a monthly grid where a sentence stating the annual SKM is about that grid."""


@recognizer("survey")
def recognize_survey(doc: DocumentText, meta: DocumentMeta) -> Mapping[str, pd.DataFrame]:
    """``survey_months``, ``survey_summary``, ``ipk_parts`` and ``iki`` read from ``doc``."""
    raw_lines = doc.lines()
    lines = [numbered(line) for line in raw_lines]
    passage = Passage(raw_lines)
    grids = find_grids(lines)
    windows = [(g.first - NARRATIVE_BEFORE, g.last + NARRATIVE_AFTER) for g in grids]
    tables = ipk_tables(lines)
    months = [
        {"grid": g, "month": c.month, "item": c.item, "label": c.label, "value": c.value}
        | _place(c.value, c.line)
        for g, grid in enumerate(grids)
        for c in grid.cells
        if c.month is not None
    ]
    summary = [
        {"item": v.item, "label": v.label, "value": v.value, "source": v.source}
        | _place(v.value, v.line)
        for v in (
            *annual_tables(lines, grids),
            *narrative(passage, meta.year, windows),
            *formula_lines(lines, grids),
        )
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
        "survey_months": _frame(months, SURVEY_MONTHS),
        "survey_summary": _frame(summary, SURVEY_SUMMARY),
        "ipk_parts": _frame(ipk, IPK_PARTS),
        "iki": _frame(iki, IKI),
    }


def _place(value: Any, line: Any) -> dict[str, Any]:
    """Where a number stands: its page and box, and the line it was read from."""
    return {"page": int(value.page or line.page), "bbox": value.bbox, "raw": line.text}


def _frame(rows: Iterable[dict[str, Any]], schema: Any) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(schema.columns))
    # an empty frame has no dtypes to infer: give every column its schema's type
    return frame.astype({name: column.dtype.type for name, column in schema.columns.items()})
