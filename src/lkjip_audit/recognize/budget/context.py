"""Where a line stands in the report: the chapter seen last while walking the lines.

Chapters are recognised from their headings ("IKHTISAR EKSEKUTIF", "BAB III", "LAMPIRAN",
an upper-case "PERJANJIAN KINERJA TAHUN 2023" after Bab IV); lines of the table of contents
(dot leaders, a trailing page number) and list items ("4. BAB IV PENUTUP") are not headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lkjip_audit.extract.furniture import body_lines
from lkjip_audit.extract.model import DocumentText, Line

FRONT, IKHTISAR, BAB1, BAB2, BAB3, BAB4, LAMPIRAN = (
    "front",
    "ikhtisar",
    "bab1",
    "bab2",
    "bab3",
    "bab4",
    "lampiran",
)
CHAPTERS = (
    (IKHTISAR, re.compile(r"^(?:ikhtisar|ringkasan)\s+eksekutif\b", re.IGNORECASE)),
    (BAB4, re.compile(r"^bab\s*(?:iv|4)\b", re.IGNORECASE)),
    (BAB3, re.compile(r"^bab\s*(?:iii|3)\b", re.IGNORECASE)),
    (BAB2, re.compile(r"^bab\s*(?:ii|2)\b", re.IGNORECASE)),
    (BAB1, re.compile(r"^bab\s*(?:i|1)\b", re.IGNORECASE)),
    (LAMPIRAN, re.compile(r"^lampiran\b", re.IGNORECASE)),
)
PK_HEADING = re.compile(r"^PERJANJIAN KINERJA\b")
TOC_LINE = re.compile(r"\.{4,}|…{2,}")
YEAR_IN_TEXT = re.compile(r"\btahun\s+(?:anggaran\s+)?(20\d\d|19\d\d)\b", re.IGNORECASE)
MAX_HEADING_WORDS = 8


def chapter_of_heading(line: Line) -> str | None:
    """The chapter a heading line opens, or None when the line is no chapter heading."""
    text = line.text.strip()
    if len(text.split()) > MAX_HEADING_WORDS or TOC_LINE.search(text):
        return None
    for chapter, pattern in CHAPTERS:
        if pattern.match(text):
            return chapter
    return None


@dataclass(slots=True)
class ChapterWalker:
    """Follows the chapters while the lines are read in order."""

    chapter: str = FRONT
    heading_year: int | None = None

    def see(self, line: Line) -> None:
        """Update the chapter (and the year its heading names) from one line."""
        chapter = chapter_of_heading(line)
        if chapter is None and self.chapter in (BAB4, LAMPIRAN) and PK_HEADING.match(line.text):
            chapter = LAMPIRAN
        if chapter is None:
            return
        self.chapter = chapter
        self.heading_year = _year_of(line.text) if chapter == LAMPIRAN else None


def _year_of(text: str) -> int | None:
    match = YEAR_IN_TEXT.search(text)
    return int(match.group(1)) if match else None


def content_lines(doc: DocumentText) -> list[Line]:
    """The lines without page furniture; a chapter heading or PK title repeated at the top of
    its pages is kept, since the chapter walk needs it."""
    return body_lines(
        doc,
        keep=lambda line: bool(PK_HEADING.match(line.text)) or chapter_of_heading(line) is not None,
    )


def document_year(lines: list[Line], known: int | None) -> int | None:
    """The report's year: the one given, else the year most named as "Tahun YYYY" early on."""
    if known is not None:
        return known
    years = Counter(
        int(m.group(1)) for line in lines[:300] for m in YEAR_IN_TEXT.finditer(line.text)
    )
    return years.most_common(1)[0][0] if years else None
