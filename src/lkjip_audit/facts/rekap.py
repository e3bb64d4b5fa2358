"""Schemas of the recap fact tables: the Ditjen's LAMPIRAN I (IKM, IKI) and II (IPK).

A recap read from a PDF places every row on a page with a box; a recap read from a CSV or
XLSX file has no page (``page`` and ``bbox`` are None) and says instead which ``sheet`` (CSV
file name or worksheet) and ``line`` (CSV line or sheet row, 1-based) the row came from;
``sheet`` is "" for a PDF. ``raw`` is the text of the row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkjip_audit.facts.text import place_table
from lkjip_audit.numbers import Stated

if TYPE_CHECKING:
    import pandera.pandas as pa

IPK_ROW_TYPES = ("region", "divisi", "satker")
"""``region``: the Kanwil total ("IPK KANWIL ..."); ``divisi``: the Divisi Keimigrasian as
a surveyed unit of its own; ``satker``: a Kantor Imigrasi or Rudenim."""

NATIONAL_SURVEYS = ("ikm", "iki", "ipk")


def _stated_or_none(series):
    return series.map(lambda value: value is None or isinstance(value, Stated))


def _page_or_none(series):
    return series.map(lambda page: page is None or (isinstance(page, int) and page >= 1))


def _bbox_or_none(series):
    return series.map(lambda box: box is None or (isinstance(box, tuple) and len(box) == 4))


def _line_or_none(series):
    return series.map(lambda line: line is None or (isinstance(line, int) and line >= 1))


def _number() -> pa.Column:
    """A Stated number or empty."""
    import pandera.pandas as pa

    return pa.Column(
        object, pa.Check(_stated_or_none, error="a Stated number or empty"), nullable=True
    )


def _recap_place() -> dict[str, pa.Column]:
    """Where a recap row was read: page and box in a PDF, or line/row number in a file."""
    import pandera.pandas as pa

    return {
        "page": pa.Column(
            object, pa.Check(_page_or_none, error="page >= 1 or None"), nullable=True
        ),
        "bbox": pa.Column(
            object, pa.Check(_bbox_or_none, error="bbox is (x0, top, x1, bottom)"), nullable=True
        ),
        "line": pa.Column(
            object, pa.Check(_line_or_none, error="file line >= 1 or None"), nullable=True
        ),
        "sheet": pa.Column(str),
        "raw": pa.Column(str),
    }


@place_table("rekap_ikm_iki", _recap_place)
def _rekap_ikm_iki() -> dict[str, pa.Column]:
    """LAMPIRAN I: one row per satker or region (``is_region_row``); ``kode_satker`` is ""
    when not printed. ``region`` is the region the row belongs to (its own name for a region
    row)."""
    import pandera.pandas as pa

    return {
        "kode_satker": pa.Column(str),
        "satker": pa.Column(str, pa.Check.str_length(min_value=1)),
        "region": pa.Column(str),
        "ikm": _number(),
        "ikm_n": _number(),
        "iki": _number(),
        "iki_n": _number(),
        "is_region_row": pa.Column(bool),
    }


@place_table("rekap_ipk", _recap_place)
def _rekap_ipk() -> dict[str, pa.Column]:
    """LAMPIRAN II: internal, external and total respondents and index per row; a row that
    prints only the total (a Rudenim) has None for the internal and external cells."""
    import pandera.pandas as pa

    return {
        "satker": pa.Column(str, pa.Check.str_length(min_value=1)),
        "region": pa.Column(str),
        "int_n": _number(),
        "int_index": _number(),
        "ext_n": _number(),
        "ext_index": _number(),
        "total_n": _number(),
        "total_index": _number(),
        "note": pa.Column(str),
        "row_type": pa.Column(str, pa.Check.isin(IPK_ROW_TYPES)),
    }


@place_table("rekap_national", _recap_place)
def _rekap_national() -> dict[str, pa.Column]:
    """The national rows: total respondents and index of the IKM, the IKI and the IPK."""
    import pandera.pandas as pa

    return {
        "survey": pa.Column(str, pa.Check.isin(NATIONAL_SURVEYS)),
        "label": pa.Column(str),
        "n": _number(),
        "index": _number(),
    }
