"""Helpers for unit tests: build extraction results from plain text without a PDF."""

from __future__ import annotations

from lkjip_audit.extract.model import DocumentText, Line, PageContent, PageLabel, PageTriage, Word

LINE_HEIGHT = 14.0
CHAR_WIDTH = 5.0
LEFT_MARGIN = 72.0


def line_from_text(text: str, page: int, index: int) -> Line:
    """A line at row ``index`` of ``page`` whose words get boxes from character positions."""
    top = 72.0 + index * LINE_HEIGHT
    words = []
    offset = 0
    for token in text.split():
        start = text.index(token, offset)
        offset = start + len(token)
        x0 = LEFT_MARGIN + start * CHAR_WIDTH
        words.append(Word(token, (x0, top, x0 + len(token) * CHAR_WIDTH, top + 10.0)))
    joined = " ".join(w.text for w in words)
    bbox = (LEFT_MARGIN, top, LEFT_MARGIN + len(text) * CHAR_WIDTH, top + 10.0)
    return Line(page=page, text=joined, bbox=bbox, words=tuple(words))


def document_from_pages(pages: list[str]) -> DocumentText:
    """A DocumentText with one page per string, one line per non-blank text line."""
    contents = []
    for number, page_text in enumerate(pages, start=1):
        rows = [row for row in page_text.splitlines() if row.strip()]
        lines = [line_from_text(row, number, i) for i, row in enumerate(rows)]
        triage = PageTriage(page=number, label=PageLabel.TEXT, chars=len(page_text))
        contents.append(PageContent(number, 595.0, 842.0, triage, lines))
    return DocumentText(pages=contents)
