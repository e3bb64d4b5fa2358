"""Where each line of the document stands, and the place a statement read there gets.

The chapter headings seen so far decide a line's *section* (``ikhtisar``, ``bab2``, ``pk``,
``bab3``, ``bab4``, ``lampiran-pk``, ``recap``, ``skip``); a statement's *place* refines it
by how it is read (``bab3-table``, ``bab3-narrative``, ``bab3-comparison``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_audit.extract.model import BBox, DocumentText, Line, Table, union_bbox
from lkjip_audit.recognize.chapters import (
    BAB2,
    BAB3,
    BAB4,
    IKHTISAR,
    LAMPIRAN,
    MAX_HEADING_WORDS,
    PK_TITLE,
    chapter_lines,
    find_chapter_headings,
    normalise,
)

# The section a chapter heading opens; the other chapters (Bab I, front matter) make no
# statements the indicator rules compare.
_CHAPTER_SECTIONS = {
    IKHTISAR: "ikhtisar",
    BAB2: "bab2",
    BAB3: "bab3",
    BAB4: "bab4",
    LAMPIRAN: "lampiran",
}
# The Ditjen recap letter and its lists: other satker's figures, not this report's statements.
_RECAP = re.compile(
    r"^(Nomor|Hal|Perihal|Sifat)\s*:|^DAFTAR\s+RERATA|RATA\s*-?\s*RATA\s+NASIONAL|^REKAPITULASI",
    re.I,
)
# The place of a narrative statement, by the section of its sentence.
PROSE_PLACES = {
    "ikhtisar": "ikhtisar",
    "bab2": "bab2",
    "pk": "bab2",
    "bab3": "bab3-narrative",
    "bab4": "bab4",
}
# The place of a table row, by its section (a row of chapter III depends on its table).
_ROW_PLACES = {
    "ikhtisar": "ikhtisar",
    "pk": "pk",
    "bab2": "bab2",
    "bab4": "bab4",
    "lampiran-pk": "lampiran-pk",
}


@dataclass(frozen=True, slots=True)
class Placed:
    """A line with the section it stands in and the year its PK table (if any) is for."""

    line: Line
    section: str
    year: int | None
    in_table: bool


def prose_place(item: Placed) -> str | None:
    """The place of a sentence on ``item``; None in a table or a section without statements."""
    return None if item.in_table else PROSE_PLACES.get(item.section)


def row_place(section: str, comparison: bool) -> str | None:
    """The place of a table row in ``section``; None where rows make no statements."""
    if section == "bab3":
        return "bab3-comparison" if comparison else "bab3-table"
    return _ROW_PLACES.get(section)


def _title_year(title: re.Match[str], year: int | None) -> int | None:
    named = title.group(1) or title.group(2)
    return int(named) if named else year


def place_lines(doc: DocumentText, year: int | None) -> list[Placed]:
    """Every line with its section: ikhtisar, bab2, pk, bab3, bab4, lampiran-pk or skip."""
    areas = table_areas(doc.tables)
    lines = chapter_lines(doc)
    headings = {id(h.line): h.key for h in find_chapter_headings(lines) if not h.listed}
    section, pk_year, placed = "skip", year, []
    for line in lines:
        text = normalise(line.text)
        heading = headings.get(id(line))
        title = PK_TITLE.match(text) if len(text.split()) <= MAX_HEADING_WORDS + 4 else None
        if heading is not None:
            section, pk_year = _CHAPTER_SECTIONS.get(heading, "skip"), year
        elif title and section in ("bab2", "pk"):
            section, pk_year = "pk", _title_year(title, year)
        elif title and section in ("lampiran", "lampiran-pk", "recap", "bab4"):
            section, pk_year = "lampiran-pk", _title_year(title, year)
        elif _RECAP.search(text) and section in ("lampiran", "lampiran-pk", "bab4", "recap"):
            section = "recap"
        placed.append(Placed(line, section, pk_year, _in_areas(line, areas)))
    return placed


def table_areas(tables: list[Table]) -> list[tuple[int, BBox]]:
    """The area each table covers on each of its pages, from its cells."""
    areas = []
    for table in tables:
        by_page: dict[int, list[BBox]] = {}
        for row in table.rows:
            for cell in row:
                if cell.bbox is not None:
                    by_page.setdefault(cell.page, []).append(cell.bbox)
        by_page.setdefault(table.page, []).append(table.bbox)
        for page, boxes in by_page.items():
            area = union_bbox(boxes)
            if area is not None:
                areas.append((page, area))
    return areas


def _in_areas(line: Line, areas: list[tuple[int, BBox]]) -> bool:
    x = (line.bbox[0] + line.bbox[2]) / 2
    y = (line.bbox[1] + line.bbox[3]) / 2
    return any(
        page == line.page and box[0] - 2 <= x <= box[2] + 2 and box[1] - 2 <= y <= box[3] + 2
        for page, box in areas
    )
