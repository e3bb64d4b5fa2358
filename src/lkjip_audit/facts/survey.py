"""Schemas of the survey fact tables: the monthly SKM grid, the annual summary, IPK and IKI.

All four are long tables (one printed number per row) so that every number keeps the line
it was read from as evidence. ``item`` names what the number is: one of :data:`UNSUR` (the
8 service elements of PermenPANRB 14/2017), ``skm`` (the Nilai SKM / IKM) or ``responden``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandera.pandas as pa

from lkjip_audit.facts import register_view
from lkjip_audit.facts.text import place_schema
from lkjip_audit.numbers import Stated

if TYPE_CHECKING:
    import pandas as pd

UNSUR = (
    "informasi",
    "persyaratan",
    "prosedur",
    "waktu",
    "tarif",
    "sarana",
    "respon",
    "konsultasi",
)
"""The 8 unsur of the SKM, in the order of PermenPANRB 14/2017 and of most grids."""

SKM = "skm"
RESPONDEN = "responden"
OTHER = "lain"
"""A grid row whose label names no known item (kept so that checks can tell)."""
SURVEY_ITEMS = (*UNSUR, SKM, RESPONDEN, OTHER)

SOURCES = ("table", "narrative", "formula")
"""Where a summary value was printed: a table row, a sentence, or a calculation line."""


def _is_stated(series):
    return series.map(lambda value: isinstance(value, Stated))


STATED = pa.Column(object, pa.Check(_is_stated, error="value is a Stated number"))

SURVEY_MONTHS = place_schema(
    "survey_months",
    {
        "grid": pa.Column(int, pa.Check.ge(0)),
        "month": pa.Column(int, pa.Check.in_range(1, 12)),
        "item": pa.Column(str, pa.Check.isin(SURVEY_ITEMS)),
        "label": pa.Column(str),
        "value": STATED,
    },
)
"""One cell of a monthly SKM grid: which grid, which month, which item, the printed value."""

SURVEY_SUMMARY = place_schema(
    "survey_summary",
    {
        "item": pa.Column(str, pa.Check.isin(SURVEY_ITEMS)),
        "label": pa.Column(str),
        "value": STATED,
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
    },
)
"""An annual survey figure as printed: per-unsur value, Nilai SKM, total respondents."""

IPK_PARTS = place_schema(
    "ipk_parts",
    {
        "part": pa.Column(str, pa.Check.isin(["internal", "external", "total", "unknown"])),
        "field": pa.Column(str, pa.Check.isin(["bobot", "nilai", "ipk", "responden"])),
        "unsur": pa.Column(str),
        "group": pa.Column(int, pa.Check.ge(0)),
        "value": STATED,
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
    },
)
"""A printed IPK figure: an unsur's bobot or nilai (``group`` = the table it stands in),
an IPK value or a respondent count for the internal, external or total survey."""

IKI = place_schema(
    "iki",
    {
        "field": pa.Column(str, pa.Check.isin(["survey", "converted"])),
        "group": pa.Column(int, pa.Check.ge(0)),
        "value": STATED,
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
    },
)
"""An IKI figure: the 0-100 survey value or its 4-scale conversion; one ``group`` per
statement that prints both."""


def grid_view(months: pd.DataFrame) -> pd.DataFrame:
    """The ``survey_months`` table pivoted to a printable grid: one row per item, months
    as columns, each cell the raw printed text (for ``extract --facts survey_months``)."""
    if months.empty:
        return months
    view = months.assign(raw_value=months["value"].map(lambda v: v.raw)).pivot_table(
        index=["grid", "item"], columns="month", values="raw_value", aggfunc="first"
    )
    order = {item: i for i, item in enumerate(SURVEY_ITEMS)}
    return view.sort_index(key=lambda idx: idx.map(lambda v: order.get(v, v)))


register_view("survey_months", grid_view)
