"""What ruled and unruled tables share: cell text from words, header keys, the raw table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lkjip_audit.extract.lines import group_rows
from lkjip_audit.extract.model import BBox, Cell, Table, Word, union_bbox

# A space after a digit group separator and before a 3-digit group: "8.538. 182.000".
_SPLIT_NUMBER = re.compile(r"(?<=\d[.,])\s+(?=\d{3}(?!\d))")
_SPACES = re.compile(r"\s+")
NUMBER_CELL = re.compile(r"^(Rp\.?\s*)?\(?[\d.,]*\d[\d.,]*\)?\s*%?(,-)?$")
CHAR_PER_HEIGHT = 0.75  # the widest glyphs are about this share of a line's height wide
# A number cut by a line wrap: the upper line ends in a separator or a short decimal group
# and the lower line starts with bare digits.
_BROKEN_LEFT = re.compile(r"(?:^|\s)\d[\d.,]*(?:[.,]|[.,]\d{1,2})$")
_BROKEN_RIGHT = re.compile(r"^\d+(?![\d])(?![.,]\d)|^\d{1,3}(?:[.,]\d{3})+(?!\d)")


def is_number_text(text: str) -> bool:
    """True for a cell that is just a number ("100", "Rp. 8.538.182.000,-", "99,53 %")."""
    return NUMBER_CELL.match(text) is not None


def continues_row(cells: list[Cell]) -> bool:
    """True when a row looks like the rest of the row above (wrapped text): its first cell is
    empty and no cell is a number of its own (which a total row such as "Jumlah 100" has)."""
    return not cells[0].text and not any(is_number_text(cell.text) for cell in cells)


def clean_text(text: str) -> str:
    """Whitespace collapsed to single spaces and spaces inside numbers removed."""
    return _SPLIT_NUMBER.sub("", _SPACES.sub(" ", text).strip())


def squash(text: str) -> str:
    """Text without any whitespace, lower-cased: to compare headers split mid-word."""
    return _SPACES.sub("", text).lower()


def word_center(word: Word) -> tuple[float, float]:
    """The centre point of a word's box."""
    return (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2


def inside(point: tuple[float, float], box: BBox) -> bool:
    """True when ``point`` lies in ``box`` (edges included)."""
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _join_wrapped(upper: str, lower: str) -> str:
    """Two wrapped lines of one cell: joined by a space, or by nothing when a number was
    broken at the wrap ("117,1" + "4 %", "8.538." + "182.000")."""
    if upper and lower and _BROKEN_LEFT.search(upper) and _BROKEN_RIGHT.match(lower):
        return upper + lower
    return f"{upper} {lower}" if upper and lower else upper or lower


def _broken_word(upper: Word, lower: Word, words: list[Word], box: BBox) -> bool:
    """True when a word too long for its cell was split at the cell edge ("Targ" / "et"):
    the upper part fills the cell's inner width to within a character and the lower part
    goes on in lower case."""
    if not (upper.text[-1:].isalpha() and lower.text[:1].islower()):
        return False
    padding = min(min(w.bbox[0] - box[0], box[2] - w.bbox[2]) for w in words)
    inner = box[2] - box[0] - 2 * max(padding, 0.0)
    widest_char = (upper.bbox[3] - upper.bbox[1]) * CHAR_PER_HEIGHT
    return upper.bbox[2] - upper.bbox[0] > inner - widest_char


def text_of(words: Iterable[Word], box: BBox | None = None) -> str:
    """Words in reading order (per visual row), wrapped lines joined by spaces, cleaned.

    With the cell's ``box``, a word split at the cell edge is joined back together.
    """
    words = list(words)
    text = ""
    previous: list[Word] = []
    for row in group_rows(words):
        line = " ".join(w.text for w in row)
        if box is not None and previous and _broken_word(previous[-1], row[0], words, box):
            text += line
        else:
            text = _join_wrapped(text, line)
        previous = row
    return clean_text(text)


def cell_of(words: list[Word], page: int, bbox: BBox | None = None) -> Cell:
    """A cell holding ``words``; its box is ``bbox`` or else the words' union."""
    return Cell(text_of(words, bbox), page, bbox or union_bbox([w.bbox for w in words]))


def header_keys(header_rows: list[list[Cell]]) -> list[str]:
    """One key per column: the column's header texts top to bottom ("Realisasi 2021"),
    a text repeated by a vertically merged cell counted once."""
    if not header_rows:
        return []
    keys = []
    for column in range(len(header_rows[0])):
        parts: list[str] = []
        for row in header_rows:
            text = row[column].text
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        keys.append(" ".join(parts))
    return keys


@dataclass(slots=True)
class RawTable:
    """A table as found on one page (or stitched), before it becomes a model ``Table``."""

    page: int
    bbox: BBox
    columns: list[float]  # column boundaries, left to right (len = number of columns + 1)
    header_rows: list[list[Cell]]
    rows: list[list[Cell]]
    ruled: bool
    pages: list[int] = field(default_factory=list)
    fragment: bool = False  # too short to be a table alone: kept only to continue one

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.columns) - 1

    def to_table(self) -> Table:
        """The model table: header keys and data rows."""
        return Table(
            pages=tuple(self.pages or [self.page]),
            bbox=self.bbox,
            header=header_keys(self.header_rows),
            rows=self.rows,
            ruled=self.ruled,
        )


def merge_into(upper: list[Cell], lower: list[Cell]) -> list[Cell]:
    """Row ``lower`` appended cell by cell to row ``upper`` (a continuation line or a row split
    by a page break): texts joined with a space, boxes united on the upper cell's page."""
    merged = []
    for top, bottom in zip(upper, lower, strict=True):
        if not bottom.text:
            merged.append(top)
        elif not top.text:
            merged.append(bottom)
        else:
            boxes = [b for b in (top.bbox, bottom.bbox) if b is not None]
            bbox = union_bbox(boxes) if bottom.page == top.page else top.bbox
            merged.append(Cell(clean_text(_join_wrapped(top.text, bottom.text)), top.page, bbox))
    return merged


def drop_empty_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Rows with at least one non-empty cell."""
    return [row for row in rows if any(cell.text for cell in row)]
