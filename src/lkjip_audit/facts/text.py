"""Schemas of the text fact tables: lines, placeholders, persons, sections, report years."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lkjip_audit.facts import register_schema

if TYPE_CHECKING:
    import pandera.pandas as pa

Columns = Callable[[], "dict[str, pa.Column]"]


def _has_bbox(series):
    return series.map(lambda box: box is None or (isinstance(box, tuple) and len(box) == 4))


def place_columns() -> dict[str, pa.Column]:
    """Every fact row says where it was read: page, box and the exact text."""
    import pandera.pandas as pa

    return {
        "page": pa.Column(int, pa.Check.ge(1)),
        "bbox": pa.Column(object, pa.Check(_has_bbox, error="bbox is (x0, top, x1, bottom)")),
        "raw": pa.Column(str),
    }


def place_table(name: str, place: Columns = place_columns) -> Callable[[Columns], Columns]:
    """Declare the fact table ``name``: the decorated function's columns plus the ``place``
    columns every fact row has (page, box, text; a recap row has its own)."""

    def register(columns: Columns) -> Columns:
        @register_schema(name)
        def build() -> pa.DataFrameSchema:
            import pandera.pandas as pa

            return pa.DataFrameSchema({**columns(), **place()}, name=name, coerce=False)

        return columns

    return register


@place_table("lines")
def _lines() -> dict[str, pa.Column]:
    return {}


@place_table("placeholders")
def _placeholders() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "kind": pa.Column(
            str, pa.Check.isin(["bracket", "contoh", "xx", "ellipsis", "lorem", "field-error"])
        ),
    }


@place_table("stale_headings")
def _stale_headings() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "stale_year": pa.Column(int),
        "year": pa.Column(int),
        "below": pa.Column(str),
    }


@place_table("stale_sentences")
def _stale_sentences() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "sentence": pa.Column(str),
        "stale_year": pa.Column(int),
        "year": pa.Column(int),
    }


@place_table("stale_tables")
def _stale_tables() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
        "caption": pa.Column(str),
        "stale_year": pa.Column(int),
        "year": pa.Column(int),
        "count": pa.Column(int, pa.Check.ge(2)),
        "pages": pa.Column(str),
    }


@place_table("missing_lampiran")
def _missing_lampiran() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {"text": pa.Column(str, pa.Check.str_length(min_value=1)), "attached": pa.Column(str)}


@place_table("persons")
def _persons() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "name": pa.Column(str),
        "nip": pa.Column(str, pa.Check.str_matches(r"^\d+$")),
        "nip_raw": pa.Column(str),
    }


@place_table("sections")
def _sections() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "key": pa.Column(str),
        "title": pa.Column(str),
        "order": pa.Column(int, pa.Check.ge(0)),
        "listed": pa.Column(bool),
    }


@place_table("report_years")
def _report_years() -> dict[str, pa.Column]:
    import pandera.pandas as pa

    return {
        "place": pa.Column(str, pa.Check.isin(["cover", "body"])),
        "year": pa.Column(int),
    }
