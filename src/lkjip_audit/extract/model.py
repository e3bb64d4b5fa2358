"""What the extraction stage hands to the recognizers: words, lines and tables with positions.

Coordinates are PDF points with the origin at the top-left of the page, as pdfplumber
gives them: ``(x0, top, x1, bottom)``. Pages are 1-based physical page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]


def union_bbox(boxes: list[BBox]) -> BBox | None:
    """The smallest box holding every box given, or None for no box."""
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class PageLabel(StrEnum):
    """What triage decided a page is."""

    TEXT = "text"
    TABLE_CANDIDATE = "table-candidate"
    SCANNED = "scanned"
    GARBLED = "garbled"


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed, with its box; ``conf`` (0-100) when the word was read by OCR."""

    text: str
    bbox: BBox
    conf: float | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One reading-order line of a page: its text is its words joined by single spaces."""

    page: int
    text: str
    bbox: BBox
    words: tuple[Word, ...]

    def span_bbox(self, start: int, end: int) -> BBox:
        """The box of the characters ``text[start:end]`` (the words they touch)."""
        boxes: list[BBox] = []
        offset = 0
        for word in self.words:
            word_start = self.text.find(word.text, offset)
            if word_start < 0:
                continue
            word_end = word_start + len(word.text)
            offset = word_end
            if word_start < end and word_end > start:
                boxes.append(word.bbox)
        return union_bbox(boxes) or self.bbox


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: text with wrapped lines joined by spaces."""

    text: str
    page: int
    bbox: BBox | None


@dataclass(slots=True)
class Table:
    """A table read from one or more consecutive pages (split tables are stitched)."""

    pages: tuple[int, ...]
    bbox: BBox
    header: list[str]
    rows: list[list[Cell]]
    ruled: bool = True

    @property
    def page(self) -> int:
        """The page the table starts on."""
        return self.pages[0]


@dataclass(slots=True)
class PageTriage:
    """Cheap facts about a page, measured with pypdfium2 before any parsing."""

    page: int
    label: PageLabel
    chars: int = 0
    image_coverage: float = 0.0
    invisible_text_ratio: float = 0.0
    garbled_ratio: float = 0.0
    has_rules: bool = False
    ocr: bool = False
    """The page was scanned and its words were read by OCR."""


@dataclass(slots=True)
class PageContent:
    """Everything read from one page."""

    page: int
    width: float
    height: float
    triage: PageTriage
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class DocumentText:
    """Everything read from one document: pages with lines, and tables (possibly multi-page)."""

    pages: list[PageContent]
    tables: list[Table] = field(default_factory=list)

    def lines(self) -> list[Line]:
        """All lines of the document in reading order."""
        return [line for page in self.pages for line in page.lines]
