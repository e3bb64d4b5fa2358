"""Schemas of the text fact tables: lines, placeholders, persons, sections, report years."""

from __future__ import annotations

import pandera.pandas as pa

from lkjip_audit.facts import register_schema


def _has_bbox(series):
    return series.map(lambda box: box is None or (isinstance(box, tuple) and len(box) == 4))


PLACE_COLUMNS = {
    "page": pa.Column(int, pa.Check.ge(1)),
    "bbox": pa.Column(object, pa.Check(_has_bbox, error="bbox is (x0, top, x1, bottom)")),
    "raw": pa.Column(str),
}
"""Every fact row says where it was read: page, box and the exact text."""


def place_schema(name: str, columns: dict[str, pa.Column]) -> pa.DataFrameSchema:
    """A fact table schema: the given columns plus the place columns every fact row has."""
    return register_schema(
        name, pa.DataFrameSchema({**columns, **PLACE_COLUMNS}, name=name, coerce=False)
    )


LINES = place_schema("lines", {})

PLACEHOLDERS = place_schema(
    "placeholders",
    {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "kind": pa.Column(
            str, pa.Check.isin(["bracket", "contoh", "xx", "ellipsis", "lorem", "field-error"])
        ),
    },
)

STALE_HEADINGS = place_schema(
    "stale_headings",
    {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "stale_year": pa.Column(int),
        "year": pa.Column(int),
        "below": pa.Column(str),
    },
)

PERSONS = place_schema(
    "persons",
    {
        "name": pa.Column(str),
        "nip": pa.Column(str, pa.Check.str_matches(r"^\d+$")),
        "nip_raw": pa.Column(str),
    },
)

SECTIONS = place_schema(
    "sections",
    {
        "key": pa.Column(str),
        "title": pa.Column(str),
        "order": pa.Column(int, pa.Check.ge(0)),
        "listed": pa.Column(bool),
    },
)

REPORT_YEARS = place_schema(
    "report_years",
    {
        "place": pa.Column(str, pa.Check.isin(["cover", "body"])),
        "year": pa.Column(int),
    },
)
