"""Reading one page with pdfium: triage, words, lines, and the page's tables."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from lkjip_audit.extract.cells import RawTable, inside, word_center
from lkjip_audit.extract.lines import build_lines
from lkjip_audit.extract.model import Line, PageContent, PageLabel, PageTriage, Word
from lkjip_audit.extract.ocr import ScannedPage
from lkjip_audit.extract.orientation import Turn, reading_turns
from lkjip_audit.extract.ruled import ruled_tables
from lkjip_audit.extract.unruled import unruled_tables
from lkjip_audit.extract.words import read_words
from lkjip_audit.pdf.objects import Edge, PageObjects, read_objects
from lkjip_audit.pdf.opening import open_page, page_size, unreadable_page
from lkjip_audit.pdf.triage import has_rules, triage_page

log = logging.getLogger(__name__)

UNREADABLE = (PageLabel.SCANNED, PageLabel.GARBLED)


@dataclass(slots=True)
class PageRead:
    """What was read from one page."""

    content: PageContent
    tables: list[RawTable] = field(default_factory=list)


def _outside(lines: list[Line], tables: list[RawTable]) -> list[Line]:
    return [
        line
        for line in lines
        if not any(inside(word_center(line.words[0]), t.bbox) for t in tables)
    ]


def _tables(content: PageContent, edges: list[Edge], words: list[Word]) -> list[RawTable]:
    ruled = ruled_tables(edges, words, content.page) if content.triage.has_rules else []
    return ruled + unruled_tables(_outside(content.lines, ruled), content.page)


def read_page(document: pdfium.PdfDocument, index: int) -> PageRead:
    """Triage page ``index`` (0-based) and, when it has readable text, its lines and tables,
    all in the page's reading orientation (:mod:`lkjip_audit.extract.orientation`).

    A page pdfium cannot load comes back as garbled with no lines; a failure while finding
    tables costs the page's tables only (logged), never its lines.
    """
    number = index + 1
    try:
        with open_page(document, index) as (page, textpage):
            width, height = page_size(page)
            objects = read_objects(page.raw, textpage.raw, width, height)
            turn = Turn(reading_turns(textpage), width, height)
            read = read_words(textpage, turn)
    except (pdfium.PdfiumError, OSError, ValueError):
        return PageRead(PageContent(number, 0.0, 0.0, unreadable_page(number)))
    objects.edges = [turn.edge(e) for e in objects.edges]
    triage: PageTriage = triage_page(number, objects, read.text, width * height, read.map_errors)
    content = PageContent(number, *turn.size, triage)
    if triage.label in UNREADABLE:
        return PageRead(content)
    return read_lines_and_tables(content, objects.edges, read.words)


def read_lines_and_tables(content: PageContent, edges: list[Edge], words: list[Word]) -> PageRead:
    """The page's lines and tables from its words (printed, or read by OCR)."""
    number, triage = content.page, content.triage
    content.lines = build_lines(number, words)
    try:
        tables = _tables(content, edges, words)
    except Exception:  # a layout the table code does not handle must not lose the page's text
        log.warning("tables on page %d could not be read", number, exc_info=True)
        tables = []
    if any(not t.fragment for t in tables) and triage.label == PageLabel.TEXT:
        triage.label = PageLabel.TABLE_CANDIDATE
    return PageRead(content, tables)


def read_scanned(content: PageContent, scanned: ScannedPage) -> PageRead:
    """A scanned page read from the words OCR found on it and the rules found on its image:
    no longer scanned, but marked as OCR'd (its words carry their confidence)."""
    content.triage.label = PageLabel.TEXT
    content.triage.chars = sum(len(w.text) for w in scanned.words)
    content.triage.has_rules = has_rules(PageObjects(edges=scanned.edges))
    content.triage.ocr = True
    return read_lines_and_tables(content, scanned.edges, scanned.words)
