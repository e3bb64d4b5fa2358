"""Schemas of the survey fact tables: every printed SKM figure, grid categories, unread grids,
IPK and IKI.

``skm_values`` is a long table (one printed number per row) so that every number keeps the
line it was read from as evidence. A row says which printed table it stands in (``grid``;
-1 for a sentence or a formula line), which period (``period_kind`` and ``period``; period 0
is the whole year), what the number is (``role``) and, for per-unsur figures, which unsur
(``item``: a key of the unsur vocabulary such as ``persyaratan``, or a code such as ``u3``
when the table names its unsur only by code). See ``docs/survey.md`` for the formulas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkjip_audit.facts import register_view
from lkjip_audit.facts.text import place_table
from lkjip_audit.numbers import Stated

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

NRR = "nrr"
"""Nilai rata-rata of one unsur on the 1..4 scale (the mean of its answers)."""
BOBOT = "bobot"
"""The weight of one unsur in the NRR tertimbang (1/n for n unsur, printed e.g. 0,111)."""
TERTIMBANG = "tertimbang"
"""One unsur's NRR × bobot."""
SKM = "skm"
"""The period's index on the 1..4 scale: Nilai SKM, Σ NRR tertimbang."""
KONVERSI = "konversi"
"""The index converted to the 25..100 scale (Σ NRR tertimbang × 25)."""
RESPONDEN = "responden"
"""Respondents of the period (``item`` empty) or of one unsur (``item`` set)."""
ROLES = (NRR, BOBOT, TERTIMBANG, SKM, KONVERSI, RESPONDEN)

PERIOD_KINDS = {"bulan": 12, "triwulan": 4, "semester": 2, "tahun": 1}
"""How a grid divides the year, and into how many periods."""
YEAR = 0
"""``period`` of a figure for the whole year (an annual column, table or sentence)."""
OUTSIDE = -1
"""``grid`` of a figure printed outside any table (a sentence, a formula line)."""

SOURCES = ("table", "narrative", "formula")
"""Where a value was printed: a table row, a sentence, or a calculation line."""


def _is_stated(series):
    return series.map(lambda value: isinstance(value, Stated))


def _stated() -> pa.Column:
    """A printed number (a Stated)."""
    import pandera.pandas as pa

    return pa.Column(object, pa.Check(_is_stated, error="value is a Stated number"))


def _grid(**more: pa.Column) -> dict[str, pa.Column]:
    """Where a figure stands: its grid and period, then ``more`` columns."""
    import pandera.pandas as pa

    return {
        "grid": pa.Column(int, pa.Check.ge(OUTSIDE)),
        "period_kind": pa.Column(str, pa.Check.isin(list(PERIOD_KINDS))),
        "period": pa.Column(int, pa.Check.in_range(YEAR, 12)),
        **more,
    }


@place_table("skm_values")
def _skm_values() -> dict[str, pa.Column]:
    """One printed SKM figure: where it stands (grid, period), what it is (role, unsur item)."""
    import pandera.pandas as pa

    return _grid(
        role=pa.Column(str, pa.Check.isin(ROLES)),
        item=pa.Column(str),
        label=pa.Column(str),
        value=_stated(),
        source=pa.Column(str, pa.Check.isin(SOURCES)),
    )


@place_table("skm_categories")
def _skm_categories() -> dict[str, pa.Column]:
    """A mutu category printed in an SKM table for one period (``A``, ``Baik``,
    ``B (Baik)``)."""
    import pandera.pandas as pa

    return _grid(category=pa.Column(str, pa.Check.str_length(min_value=1)), label=pa.Column(str))


@place_table("skm_unread")
def _skm_unread() -> dict[str, pa.Column]:
    """An SKM table that was found but not read (its row labels name no known unsur or
    total): its figures are left out of every check, and the coverage panel says why."""
    import pandera.pandas as pa

    return {
        "grid": pa.Column(int, pa.Check.ge(0)),
        "reason_id": pa.Column(str, pa.Check.str_length(min_value=1)),
        "reason_en": pa.Column(str, pa.Check.str_length(min_value=1)),
    }


@place_table("ipk_parts")
def _ipk_parts() -> dict[str, pa.Column]:
    """A printed IPK figure: an unsur's bobot or nilai (``group`` = the table it stands in),
    an IPK value or a respondent count for the internal, external or total survey."""
    import pandera.pandas as pa

    return {
        "part": pa.Column(str, pa.Check.isin(["internal", "external", "total", "unknown"])),
        "field": pa.Column(str, pa.Check.isin(["bobot", "nilai", "ipk", "responden"])),
        "unsur": pa.Column(str),
        "group": pa.Column(int, pa.Check.ge(0)),
        "value": _stated(),
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
    }


@place_table("iki")
def _iki() -> dict[str, pa.Column]:
    """An IKI figure: the 0-100 survey value or its 4-scale conversion; one ``group`` per
    statement that prints both."""
    import pandera.pandas as pa

    return {
        "field": pa.Column(str, pa.Check.isin(["survey", "converted"])),
        "group": pa.Column(int, pa.Check.ge(0)),
        "value": _stated(),
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
    }


def grid_view(values: pd.DataFrame) -> pd.DataFrame:
    """The ``skm_values`` table pivoted to printable grids: one row per (grid, role, unsur),
    periods as columns, each cell the raw printed text (for ``extract --facts skm_values``)."""
    if values.empty:
        return values
    view = values.assign(raw_value=values["value"].map(lambda v: v.raw)).pivot_table(
        index=["grid", "period_kind", "role", "item"],
        columns="period",
        values="raw_value",
        aggfunc="first",
    )
    order = {role: i for i, role in enumerate(ROLES)}
    return view.sort_index(key=lambda idx: idx.map(lambda v: order.get(v, v)))


register_view("skm_values", grid_view)
