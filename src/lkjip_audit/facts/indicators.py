"""Fact tables about performance indicators: every statement of one, and narrative claims.

``indicators`` holds one row per statement of an indicator (a PK row, a capaian-table row, a
narrative sentence): the name as printed, a normalised key shared by every statement of the
same indicator, the place in the report, the year, and the stated target, realisation and
capaian as :class:`~lkjip_audit.numbers.Stated` values (or None where the statement does
not give one).

``claims`` holds the numeric claims of the narrative that name other numbers: growth
("meningkat sebesar 17,3%" from ``a`` to ``b``), differences ("lebih besar 0,33 poin" than
``a``), ratios written out (``stated`` = ``a`` / ``b`` × 100), a table row's capaian against
the end-of-Renstra target (``renstra``: ``a`` the realisation, ``b`` that target, ``direction``
the indicator's), averages and quality categories. ``others`` holds the other values the
report gives for ``b`` elsewhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lkjip_audit.facts import register_schema

if TYPE_CHECKING:
    import pandera.pandas as pa

PLACES = (
    "ikhtisar",
    "pk",
    "bab2",
    "bab3-table",
    "bab3-narrative",
    "bab3-comparison",
    "bab4",
    "lampiran-pk",
)
CLAIM_KINDS = ("growth", "difference", "ratio", "renstra", "average", "mutu", "share")
_DITJEN = re.compile(r"direktorat\s+jenderal|ditjen|nasional|pusat", re.I)
_KANWIL = re.compile(r"kantor\s+wilayah|kanwil|divisi\s+keimigrasian", re.I)


def entity_kind(text: str | None) -> str | None:
    """The kind of other unit a comparison names: ``ditjen`` or ``kanwil`` (the last named)."""
    if not text:
        return None
    found = [(m.start(), "ditjen") for m in _DITJEN.finditer(text)]
    found += [(m.start(), "kanwil") for m in _KANWIL.finditer(text)]
    return max(found)[1] if found else None


def _common() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "page": pa.Column(int, pa.Check.ge(1)),
        "bbox": pa.Column(object, nullable=True),
        "raw": pa.Column(str),
    }


@register_schema("indicators")
def _indicators() -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "name": pa.Column(str),
            "key": pa.Column(str, pa.Check.str_length(min_value=1)),
            "place": pa.Column(str, pa.Check.isin(PLACES)),
            "year": pa.Column("Int64", nullable=True),
            "target": pa.Column(object, nullable=True),
            "realisasi": pa.Column(object, nullable=True),
            "capaian": pa.Column(object, nullable=True),
            "unit": pa.Column(object, nullable=True),
            "lower_is_better": pa.Column(bool),
            # "lower", "higher" or None; tables written before it existed may lack it.
            "direction": pa.Column(object, nullable=True, required=False),
            "entity": pa.Column(object, nullable=True),
            "reference": pa.Column(object, nullable=True),
            "rating": pa.Column(object, nullable=True),
            **_common(),
        },
        strict=True,
        coerce=True,
    )


def _malformed_figures() -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "name": pa.Column(str),
            "year": pa.Column("Int64", nullable=True),
            **_common(),
        },
        strict=True,
        coerce=True,
    )


register_schema("malformed_targets")(_malformed_figures)
register_schema("malformed_realisations")(_malformed_figures)


@register_schema("rating_scale")
def _rating_scale() -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "lo": pa.Column(object, nullable=True),
            "hi": pa.Column(object, nullable=True),
            "name": pa.Column(str),
            "abbr": pa.Column(object, nullable=True),
            **_common(),
        },
        strict=True,
        coerce=True,
    )


@register_schema("claims")
def _claims() -> pa.DataFrameSchema:
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "kind": pa.Column(str, pa.Check.isin(CLAIM_KINDS)),
            "key": pa.Column(object, nullable=True),
            "name": pa.Column(object, nullable=True),
            "place": pa.Column(str),
            "year": pa.Column("Int64", nullable=True),
            "stated": pa.Column(object),
            "a": pa.Column(object, nullable=True),
            "b": pa.Column(object, nullable=True),
            "direction": pa.Column(object, nullable=True),
            "entity": pa.Column(object, nullable=True),
            "category": pa.Column(object, nullable=True),
            "others": pa.Column(object, nullable=True),
            **_common(),
        },
        strict=True,
        coerce=True,
    )
