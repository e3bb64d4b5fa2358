"""How far findings on OCR'd pages are trusted.

A finding that points at a page read by OCR says so ("dari OCR"), so that a reviewer looks at
the page image before believing it. A finding that stands on words OCR read with low
confidence (a number, a name, a NIP, a bracket) is not reported at all: the check abstains
("tidak dapat diverifikasi", counted in the coverage panel), because a character Tesseract was
unsure of cannot be the ground for saying the report is wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from lkjip_audit.extract.model import BBox, DocumentText, Word
from lkjip_audit.findings import Category, Finding, Severity

LOW_CONFIDENCE = 85.0
"""A word Tesseract gives less than this confidence (0-100) is not sure enough to accuse."""
FROM_OCR = {"id": " (dari OCR)", "en": " (from OCR)"}
_READ = re.compile(r"\w|[\[\]]")  # what a finding can stand on: letters, digits, brackets
ACCUSING = (Severity.ERROR, Severity.WARNING)


def ocr_pages(doc: DocumentText) -> dict[int, list[Word]]:
    """The words of every page that was read by OCR, by page number."""
    return {
        page.page: [word for line in page.lines for word in line.words]
        for page in doc.pages
        if page.triage.ocr
    }


def page_ranges(pages: Iterable[int]) -> str:
    """ "1–3, 7, 9–142": pages as runs, so that a wholly scanned report is one short line."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def ocr_note(pages: Iterable[int]) -> Finding:
    """The ``info`` finding that says which pages were read by OCR."""
    listed = page_ranges(pages)
    return Finding(
        rule="EXT004",
        category=Category.EXTRACTION,
        severity=Severity.INFO,
        page=None,
        message={
            "id": f"Halaman {listed} berupa hasil pindaian dan dibaca dengan OCR: temuan pada "
            "halaman itu ditandai 'dari OCR'; cocokkan dengan gambar halamannya.",
            "en": f"Page(s) {listed} are scans and were read with OCR: findings on them are "
            "marked 'from OCR'; compare them with the page image.",
        },
        title={"id": "Halaman pindaian dibaca dengan OCR", "en": "Scanned pages read with OCR"},
    )


def _inside(word: Word, box: BBox) -> bool:
    x = (word.bbox[0] + word.bbox[2]) / 2
    y = (word.bbox[1] + word.bbox[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _places(finding: Finding) -> Iterable[tuple[int | None, BBox | None]]:
    yield finding.page, finding.bbox
    for place in finding.related:
        yield place.page, place.bbox


def _unsure(word: Word) -> bool:
    return word.conf is not None and word.conf < LOW_CONFIDENCE and bool(_READ.search(word.text))


def _unsure_in(page: int, box: BBox, pages: dict[int, list[Word]]) -> bool:
    return any(_unsure(word) and _inside(word, box) for word in pages.get(page, ()))


@dataclass(frozen=True, slots=True)
class OcrTable:
    """A table read at least in part by OCR: its cells (page, box) on every page it spans,
    and whether a word in one of them was read with low confidence."""

    cells: list[tuple[int, BBox]]
    unsure: bool

    def holds(self, page: int | None, box: BBox | None) -> bool:
        """Whether the centre of ``box`` on ``page`` lies in one of the table's cells."""
        if page is None or box is None:
            return False
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        return any(p == page and _holds(cell, centre) for p, cell in self.cells)


def ocr_tables(doc: DocumentText, pages: dict[int, list[Word]]) -> list[OcrTable]:
    """Every table with a cell on a page read by OCR. A table stitched over a scanned page
    and a text page is one table: a recomputation over it (a sum, a mean) stands on the
    OCR'd numbers even when the finding points at a cell of the text page."""
    found = []
    for table in doc.tables:
        cells = [(c.page, c.bbox) for row in table.rows for c in row if c.bbox is not None]
        scanned = [(page, box) for page, box in cells if page in pages]
        if scanned:
            unsure = any(_unsure_in(page, box, pages) for page, box in scanned)
            found.append(OcrTable(cells, unsure))
    return found


def _unsure_reading(finding: Finding, pages: dict[int, list[Word]], tables: list[OcrTable]) -> bool:
    """Whether the finding stands on a word OCR read with low confidence: in its boxes, in
    what it says was written (a name beside a NIP), or in a table one of its boxes is a cell
    of."""
    said = set(f"{finding.stated or ''} {finding.expected or ''}".split())
    for page, box in _places(finding):
        if any(_unsure(w) and w.text in said for w in pages.get(page or 0, ())):
            return True
        if page is not None and box is not None and _unsure_in(page, box, pages):
            return True
        if any(table.unsure and table.holds(page, box) for table in tables):
            return True
    return False


def _holds(box: BBox, point: tuple[float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def doubtful_numbers(pages: dict[int, list[Word]]) -> frozenset[str]:
    """The numbers OCR read only with low confidence, wherever it read them ("143,87", a
    rule's remnant glued to "3,87"): a finding that quotes one, from whatever page it
    points at (a yearly mean over a scanned monthly table), stands on it."""
    unsure, sure = set(), set()
    for words in pages.values():
        for word in words:
            if any(ch.isdigit() for ch in word.text):
                (unsure if _unsure(word) else sure).add(word.text)
    return frozenset(unsure - sure)


def _quotes(finding: Finding, numbers: frozenset[str]) -> bool:
    said = " ".join(finding.message.values()).replace("(", " ").replace(")", " ").split()
    return any(word.rstrip(".,;:") in numbers for word in said)


def _from_ocr(finding: Finding, pages: dict[int, list[Word]], tables: list[OcrTable]) -> bool:
    return any(
        page in pages or any(table.holds(page, box) for table in tables)
        for page, box in _places(finding)
    )


def weigh_ocr_findings(
    findings: list[Finding], doc: DocumentText, unverified: Counter[Category]
) -> list[Finding]:
    """``findings`` with those on OCR'd pages marked "dari OCR", and the errors and warnings
    that stand on a word read with low confidence, or claim a missing part, taken out and
    counted in ``unverified``."""
    pages = ocr_pages(doc)
    if not pages:
        return findings
    tables = ocr_tables(doc, pages)
    doubtful = doubtful_numbers(pages)
    kept = []
    for finding in findings:
        if finding.category is Category.STRUCTURE and finding.severity in ACCUSING:
            # A part said to be missing may stand on a page OCR misread ("BAB il"): in a
            # document read partly by OCR its absence is not established.
            unverified[finding.category] += 1
        elif finding.severity in ACCUSING and _quotes(finding, doubtful):
            unverified[finding.category] += 1
        elif not _from_ocr(finding, pages, tables):
            kept.append(finding)
        elif finding.severity in ACCUSING and _unsure_reading(finding, pages, tables):
            unverified[finding.category] += 1
        else:
            said = finding.message.items()
            message = {lang: text + FROM_OCR.get(lang, "") for lang, text in said}
            kept.append(replace(finding, message=message))
    return kept
