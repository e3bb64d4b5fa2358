"""Page furniture: page numbers and running headers or footers, which are never content.

A running header often carries the page number ("Dinas Kesehatan Provinsi Jawa Barat 73"),
so repeats are counted with page numbers masked. Left in, furniture glues a sentence that runs
on to the next page to a page number, which a recognizer then reads as a target.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lkjip_audit.extract.model import DocumentText, Line

PAGE_NUMBER = re.compile(
    r"^[-–(\s]*(?:halaman|hal\.?|page)?\s*(?:\d{1,3}|[ivxlc]{1,6})(?:\s*(?:dari|of)\s*\d{1,3})?"
    r"[-–)\s]*$",
    re.IGNORECASE,
)
MARGIN = 0.1  # running headers and footers live in this share of the page, top and bottom
MIN_PAGES = 3  # a margin text repeated on this many pages is furniture


def _shape(text: str) -> str:
    # Page numbers vary from page to page; a year in a running header ("LKjIP Tahun 2021 4")
    # does not, so only short numbers are masked.
    return re.sub(r"(?<!\d)\d{1,3}(?!\d)", "#", " ".join(text.lower().split()))


def _at_edge(line: Line, index: int, count: int, height: float) -> bool:
    in_margin = line.bbox[1] < MARGIN * height or line.bbox[3] > (1 - MARGIN) * height
    return in_margin or index in (0, count - 1)


def furniture(doc: DocumentText) -> set[int]:
    """The ``id`` of every furniture line: a lone page number at a page's edge, or an edge text
    (with at most one number) repeated on :data:`MIN_PAGES` pages or more."""
    edges = [
        line
        for page in doc.pages
        for i, line in enumerate(page.lines)
        if _at_edge(line, i, len(page.lines), page.height)
    ]
    pages_of: dict[str, set[int]] = {}
    for line in edges:
        pages_of.setdefault(_shape(line.text), set()).add(line.page)
    found = set()
    for line in edges:
        shape = _shape(line.text)
        repeated = (
            len(pages_of[shape]) >= MIN_PAGES
            and re.search(r"[a-z]", shape) is not None
            and shape.count("#") <= 1
        )
        if PAGE_NUMBER.match(line.text) or repeated:
            found.add(id(line))
    return found


def body_lines(doc: DocumentText, keep: Callable[[Line], bool] | None = None) -> list[Line]:
    """The document's lines in reading order without furniture; ``keep`` may save a furniture
    line that a recognizer needs (a chapter heading repeated at the top of its pages)."""
    dropped = furniture(doc)
    return [
        line for line in doc.lines() if id(line) not in dropped or (keep is not None and keep(line))
    ]
