"""Figures mistyped beyond reading in an indicator table ("464.71,75": a thousands group of
two digits before the decimal comma).

Such a figure cannot be compared with the same indicator's value elsewhere, so the check only
says it is malformed. It is read only in a target or realisation column of a table whose
columns were typed, on a row that names an indicator: a code, a date or a section number in
another column is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Table
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.budget.malformed import MALFORMED
from lkjip_audit.recognize.indicators.names import ENUMERATOR, valid_cell_name
from lkjip_audit.recognize.indicators.tables import table_body

# Dot-grouped digits, then a decimal comma: "464.71,75", "1.5,2".
_GROUPED_DECIMAL = re.compile(r"\d{1,3}(?P<groups>(?:\.\d{1,4})+),\d{1,3}")
# The fact table each column role's malformed figures go to.
TABLES = {"target": "malformed_targets", "realisasi": "malformed_realisations"}


@dataclass(frozen=True, slots=True)
class MalformedFigure:
    """A target or realisation of one indicator that reads as no number."""

    role: str
    text: str
    name: str
    year: int | None
    page: int
    bbox: BBox | None
    raw: str


def malformed(text: str) -> bool:
    """True when ``text`` is digits grouped as no number is: a thousands group of other than
    three digits before a decimal comma, or a four-digit group among groups of three."""
    figure = text.strip().removesuffix("%").strip()
    grouped = _GROUPED_DECIMAL.fullmatch(figure)
    if grouped:
        return any(len(group) != 3 for group in grouped["groups"].split(".")[1:])
    return MALFORMED.fullmatch(figure) is not None


def table_malformed(table: Table, year: int | None) -> Iterator[MalformedFigure]:
    """The malformed targets and realisations of ``table``'s indicator rows."""
    roles, body = table_body(table)
    for row in body:
        name_cell = next(
            (row[i] for i, (role, _) in enumerate(roles) if role == "name" and i < len(row)), None
        )
        name = ENUMERATOR.sub("", name_cell.text.strip()) if name_cell else ""
        if not valid_cell_name(name):
            continue
        raw = " ".join(cell.text for cell in row if cell.text)
        for i, (role, column_year) in enumerate(roles):
            if role in TABLES and i < len(row) and malformed(row[i].text):
                cell = row[i]
                yield MalformedFigure(
                    role, cell.text.strip(), name, column_year or year, cell.page, cell.bbox, raw
                )


COLUMNS = ["text", "name", "year", "page", "bbox", "raw"]


@recognizer("malformed_figures")
def recognize_malformed(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``malformed_targets`` and ``malformed_realisations`` fact tables."""
    found = [hit for table in doc.tables for hit in table_malformed(table, meta.year)]
    return {
        name: pd.DataFrame(
            [{c: getattr(hit, c) for c in COLUMNS} for hit in found if hit.role == role],
            columns=COLUMNS,
        )
        for role, name in TABLES.items()
    }
