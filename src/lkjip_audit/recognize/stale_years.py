"""Headings left from last year's report: "Perjanjian Kinerja Tahun 2015" in a 2016 report.

Offices write this year's report over last year's; a heading that keeps the old year while
the table or text under it is about this year is a leftover. Only headings of the report's
own parts count (Perjanjian/Pengukuran/Capaian Kinerja ...), only last year, and only when
the lines right under the heading name the report year and not last year: a section that
really is about last year ("Capaian Kinerja Tahun 2015" as a comparison) names it below.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import chapter_lines, table_of_contents

# A heading: its numbering maybe, one of the report's parts, ending in the year.
_HEADING = re.compile(
    r"^\s*(?:(?:BAB\s+)?[\dIVX]+(?:\.\d+)*[.)]?\s+|[a-h][.)]\s+|Tabel\s+[\d.]+\.?\s+)?"
    r"(?:perjanjian|penetapan|pengukuran|rencana|laporan|capaian|realisasi|akuntabilitas)"
    r"\s+kinerja\b[^.,;]*?\b(?:19|20)\d\d\s*:?\s*$",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MAX_HEADING_WORDS = 10
# Lines under a heading that say what it is about (a table's caption and header).
_BELOW = 6


@dataclass(frozen=True, slots=True)
class StaleHeading:
    """A heading naming last year over content about the report year."""

    text: str
    stale_year: int
    year: int
    below: str
    page: int
    bbox: BBox
    raw: str


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def find_stale_headings(
    lines: list[Line], year: int | None, contents: Collection[int] = frozenset()
) -> Iterator[StaleHeading]:
    """Each heading of ``lines`` that names ``year - 1`` above lines naming ``year``.

    ``contents`` holds the ``id`` of the table-of-contents lines, which are left out.
    """
    if year is None:
        return
    for index, line in enumerate(lines):
        text = line.text.strip()
        if (
            id(line) in contents
            or len(text.split()) > _MAX_HEADING_WORDS
            or not _HEADING.match(text)
            or _years(text) != {year - 1}
        ):
            continue
        below = [
            other for other in lines[index + 1 : index + 1 + _BELOW] if other.page == line.page
        ]
        named = set().union(*(_years(other.text) for other in below)) if below else set()
        if year in named and year - 1 not in named:
            confirming = next(other for other in below if year in _years(other.text))
            yield StaleHeading(
                text, year - 1, year, confirming.text.strip(), line.page, line.bbox, line.text
            )


COLUMNS = ["text", "stale_year", "year", "below", "page", "bbox", "raw"]


@recognizer("stale_headings")
def recognize_stale_headings(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``stale_headings`` fact table."""
    contents = table_of_contents(chapter_lines(doc))
    rows = [
        {column: getattr(hit, column) for column in COLUMNS}
        for hit in find_stale_headings(doc.lines(), meta.year, contents)
    ]
    return {"stale_headings": pd.DataFrame(rows, columns=COLUMNS)}
