"""Schema of the budget fact table: every budget figure the report prints, one row per line.

A row is one budget line as printed in one place (a table row, or a figure named in a
sentence): its year, the section it stands in, its label, its place in the hierarchy
(``parent`` names the ``line_id`` of the line it adds up into, ``group`` tells apart two
breakdowns of the same parent, e.g. jenis belanja and sumber dana) and its figures as
:class:`~lkjip_audit.numbers.Stated` values. ``doubt`` names why a printed line could not
be read with certainty (one of :data:`DOUBTS`); such a line carries no figures, and the
checks that would have used it abstain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkjip_audit.facts.text import place_table
from lkjip_audit.numbers import Stated

if TYPE_CHECKING:
    import pandera.pandas as pa

SECTIONS = (
    "dipa-bab2",
    "realisasi-bab3",
    "multi-year",
    "jenis-belanja",
    "sumber-dana",
    "pnbp",
    "lampiran-pk",
    "ikhtisar",
    "bab4",
    "capaian-table",
)
"""Where a budget figure stands: the table or chapter it was read from."""

KINDS = ("total", "program", "kegiatan", "line", "jenis-belanja", "sumber-dana", "pnbp", "part")
"""What a budget line is, as far as its label and position tell."""


DOUBTS = {
    "columns": (
        "kolom jumlah anggaran tidak dapat dipastikan (pagu, realisasi, sebelum/sesudah perubahan)",
        "the amount columns cannot be told apart (allocation, realisation, before/after revision)",
    ),
    "cell": (
        "satu sel memuat beberapa angka (baris tabel tergabung)",
        "one cell holds several figures (table rows merged)",
    ),
}
"""Why a budget line could not be read, as a reviewer is told (Indonesian, English)."""


def _stated_or_none(series):
    return series.map(lambda value: value is None or isinstance(value, Stated))


def _figure() -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(
        object, pa.Check(_stated_or_none, error="a figure is a Stated or None"), nullable=True
    )


@place_table("budget_lines")
def _budget_lines() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "line_id": pa.Column(str, unique=True),
        "table": pa.Column(str),
        "section": pa.Column(str, pa.Check.isin(SECTIONS)),
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100), nullable=True),
        "label": pa.Column(str),
        "key": pa.Column(str),
        "kind": pa.Column(str, pa.Check.isin(KINDS)),
        "level": pa.Column(int, pa.Check.ge(0)),
        "parent": pa.Column(object, nullable=True),
        "group": pa.Column(str),
        "pagu": _figure(),
        "realisasi": _figure(),
        "percent": _figure(),
        "volume": _figure(),
        "unit": pa.Column(object, nullable=True),
        "doubt": pa.Column(str, pa.Check.isin(["", *DOUBTS])),
    }


@place_table("malformed_amounts")
def _malformed_amounts() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {"text": pa.Column(str, pa.Check.str_length(min_value=1))}
