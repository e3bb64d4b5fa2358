"""Chapter headings: the one definition every recognizer uses to know where a line stands.

A report is divided by headings set in capitals: "IKHTISAR EKSEKUTIF" (or Ihtisar, or
Ringkasan Eksekutif), "BAB I" ... "BAB IV" (also "BAB. I", or a bare numeral with the
chapter's title, "I. PENDAHULUAN", or the numeral alone above its title), "LAMPIRAN" and a
"PERJANJIAN KINERJA" title after Bab IV. The same words also stand where they are no
heading: in the Daftar Isi, in the Sistematika Penulisan list of chapters, and in running
headers; those lines are *listed* (or page furniture), never a chapter's start.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lkjip_audit.extract.furniture import body_lines
from lkjip_audit.extract.model import DocumentText, Line

FRONT = "front"
KATA_PENGANTAR = "kata-pengantar"
DAFTAR = "daftar"  # Daftar Isi, Daftar Tabel, Daftar Gambar, Daftar Lampiran
IKHTISAR = "ikhtisar"
BAB1, BAB2, BAB3, BAB4 = "bab1", "bab2", "bab3", "bab4"
BAB_MORE = "bab-more"  # BAB V and later: some reports add a chapter; it ends Bab IV
LAMPIRAN = "lampiran"

# Where each chapter stands in a report; front matter comes in any order.
RANK = {
    KATA_PENGANTAR: 0,
    DAFTAR: 0,
    IKHTISAR: 0,
    BAB1: 1,
    BAB2: 2,
    BAB3: 3,
    BAB4: 4,
    BAB_MORE: 5,
    LAMPIRAN: 6,
}
NUMERALS = {
    **{"I": BAB1, "II": BAB2, "III": BAB3, "IV": BAB4},
    **{"1": BAB1, "2": BAB2, "3": BAB3, "4": BAB4},
}
# A bare numeral ("II. PERENCANAAN KINERJA") is a chapter only with its chapter's title.
TITLES = {
    BAB1: re.compile(r"PENDAHULUAN\b"),
    BAB2: re.compile(r"PERENCANAAN\b|RENCANA\s+STRATEGIS\b"),
    BAB3: re.compile(r"AKUNTABILITAS\b"),
    BAB4: re.compile(r"PENUTUP\b|(?:KE)?SIMPULAN\b"),
}
MAX_HEADING_WORDS = 9

_NAMED = (
    (KATA_PENGANTAR, re.compile(r"^KATA\s+PENGANTAR\b")),
    (DAFTAR, re.compile(r"^DAFTAR\s+(?:ISI|TABEL|GAMBAR|GRAFIK|LAMPIRAN)\b")),
    (IKHTISAR, re.compile(r"^(?:IKHTISAR|IHTISAR|RINGKASAN)\s+EKSEKUTIF\b")),
)
_BAB = re.compile(r"^BAB\s*\.?\s*([IVX]+|\d{1,2})(?![A-Z0-9])")
_NUMERAL = re.compile(r"^(IV|III|II|I)\s*[.)]?(?:\s+(.*))?$")
# OCR reads the I of a Roman numeral as l, L, i, 1, | or ! ("BABIL", "BAB il", "BAB!"):
# after "BAB", a numeral made of I, V, X and those look-alikes is the numeral it looks like.
_BAB_LOOKALIKE = re.compile(r"^(BAB\s*\.?\s*)([IVXLli1|!]{1,4})(?![A-Za-z0-9])")
_AS_I = str.maketrans("Lli1|!", "IIIIII")
# "DAFTAR LAmrinAN": a front-matter list whose second word OCR garbled, still near its name.
_DAFTAR_OF = ("ISI", "TABEL", "GAMBAR", "GRAFIK", "LAMPIRAN")
MIN_DAFTAR_SIMILARITY = 70
# "LAMPIRAN", "LAMPIRAN 2", "Lampiran. Dokumen ..."; not a letter's "Lampiran : 2 berkas".
_LAMPIRAN = re.compile(r"^(?:LAMPIRAN\b(?!\s*:)|Lampiran\s*(?:$|\.|[IVX\d]+\b))")
# "PERJANJIAN KINERJA TAHUN 2023", "B. Perjanjian Kinerja": the title of a PK, whose year
# (group 1 or 2) is the year of its targets.
PK_TITLE = re.compile(
    r"^(?:[A-H]\.\s*)?(?:PERJANJIAN\s+KINERJA\b(?:.*?\bTAHUN\s+(?:ANGGARAN\s+)?(\d{4}))?"
    r"|(?i:perjanjian\s+kinerja)(?:\s+(?i:tahun)\s+(\d{4}))?\s*$)"
)
# A table-of-contents entry: a dotted leader, or a title ending in its page number (arabic,
# "II - 1", or lower-case roman for front matter). The chapter number of "BAB IV" or
# "LAMPIRAN 2" is not a page number, so that prefix is set aside first.
TOC_LEADER = re.compile(r"(\.{4,}|…{2,})\s*\S*\s*$")
_NUMBERED_PREFIX = re.compile(
    r"^(?:BAB\s*\.?\s*(?:[IVX]+|\d{1,2})|LAMPIRAN\s+(?:[IVX]+|\d)|[IVX]+)\b\.?"
)
_TOC_PAGE = re.compile(r"\S\s+(\d{1,3}|[ivxlc]{1,6})\s*$")
_PAGE_REF = re.compile(r"\s+(?:[IVX]+\s*[-–]\s*)?(?:\d{1,3}|[ivxlc]{1,6})$")
# Chapters named this close to each other (in lines) are a list, e.g. the Sistematika.
LIST_GAP = 12
LIST_MIN_CHAPTERS = 3


def normalise(text: str) -> str:
    """A line's text with its blanks (trailing spaces, CR, tabs) reduced to single spaces."""
    return " ".join(text.split())


# Several recognizers look for the chapters of the same lines: a line's answer is kept.
@lru_cache(maxsize=16384)
def is_toc_entry(text: str) -> bool:
    """Whether ``text`` reads as a table-of-contents entry (leader or trailing page number)."""
    # "BAB il" is OCR's "BAB II", not "BAB" on page il.
    text = _roman_after_bab(normalise(text))
    return bool(TOC_LEADER.search(text) or _TOC_PAGE.search(_NUMBERED_PREFIX.sub("", text)))


@lru_cache(maxsize=16384)
def heading_key(text: str, next_text: str = "") -> str | None:
    """The chapter a line opens by its own words, or None; ``next_text`` (the next line) gives
    the title of a numeral printed alone ("IV." above "PENUTUP").

    Headings are set in capitals; a front-matter title alone on its line ("Kata Pengantar")
    may be in any case. Entries of a table of contents are not headings.
    """
    text = _roman_after_bab(normalise(text))
    return None if is_toc_entry(text) else _named_chapter(text, normalise(next_text))


def entry_key(text: str) -> str | None:
    """The chapter a table-of-contents entry names ("BAB. II PERENCANAAN KINERJA II - 1")."""
    title = _PAGE_REF.sub("", TOC_LEADER.sub("", normalise(text)))
    return _named_chapter(title, "")


def _roman_after_bab(text: str) -> str:
    """``text`` with the numeral after "BAB" read as Roman when OCR garbled its I's."""
    match = _BAB_LOOKALIKE.match(text)
    if match is None:
        return text
    numeral = match.group(2).translate(_AS_I)
    return f"{match.group(1)}{numeral}{text[match.end() :]}"


def _garbled_daftar(text: str) -> bool:
    """Whether ``text`` is "DAFTAR" and a word close to ISI, TABEL, ... LAMPIRAN."""
    words = text.upper().split()
    if len(words) != 2 or words[0] != "DAFTAR":
        return False
    from rapidfuzz import fuzz, process

    return process.extractOne(words[1], _DAFTAR_OF, scorer=fuzz.ratio)[1] >= MIN_DAFTAR_SIMILARITY


def _named_chapter(text: str, next_text: str) -> str | None:
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return None
    text = _roman_after_bab(text)
    if _garbled_daftar(text):
        return DAFTAR
    upper = text.upper()
    for key, pattern in _NAMED:
        match = pattern.match(upper)
        if match and (text == upper or match.end() == len(text)):
            return key
    if _LAMPIRAN.match(text):
        return LAMPIRAN
    if text != upper:
        return None
    bab = _BAB.match(text)
    if bab:
        return NUMERALS.get(bab.group(1), BAB_MORE)
    numeral = _NUMERAL.match(text)
    if numeral:
        key = NUMERALS[numeral.group(1)]
        if TITLES[key].match(numeral.group(2) or next_text):
            return key
    return None


def opens_chapter(line: Line) -> bool:
    """Whether a line may open a chapter or a PK lampiran: such a line is kept where it
    repeats at the top of its pages like a running header."""
    return heading_key(line.text) is not None or bool(PK_TITLE.match(normalise(line.text)))


def chapter_lines(doc: DocumentText) -> list[Line]:
    """The document's lines without page furniture, chapter headings kept."""
    return body_lines(doc, keep=opens_chapter)


@dataclass(frozen=True, slots=True)
class ChapterHeading:
    """A line that names a chapter; ``listed`` when it is an entry of the Daftar Isi or of a
    list of chapters rather than the chapter's start."""

    key: str
    line: Line
    listed: bool
    in_toc: bool


def find_chapter_headings(lines: Sequence[Line]) -> list[ChapterHeading]:
    """Every line of ``lines`` that names a chapter, in order, marked as heading or listed."""
    named = _named(lines)
    toc = _toc_lines(lines, named)
    bare = [(i, k) for i, k, entry in named if not entry and i not in toc]
    listed = _listed_runs(lines, bare)
    return [
        ChapterHeading(k, lines[i], entry or i in toc or i in listed, i in toc)
        for i, k, entry in named
    ]


def table_of_contents(lines: Sequence[Line]) -> set[int]:
    """The ``id`` of every line of the Daftar Isi (and Daftar Tabel, ...) in ``lines``."""
    return {id(lines[i]) for i in _toc_lines(lines, _named(lines))}


def _named(lines: Sequence[Line]) -> list[tuple[int, str, bool]]:
    """(index, chapter, printed as a TOC entry) of each line that names a chapter."""
    named = []
    for index, line in enumerate(lines):
        entry = is_toc_entry(line.text)
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        key = entry_key(line.text) if entry else heading_key(line.text, after)
        if key is not None:
            named.append((index, key, entry))
    return named


def _toc_lines(lines: Sequence[Line], named: list[tuple[int, str, bool]]) -> set[int]:
    """Indexes of the lines of the Daftar Isi (and Daftar Tabel, ...): from its title on,
    while its entries go on in chapter order, to the end of its last page."""
    chapters = {i: (key, entry) for i, key, entry in named}
    toc: set[int] = set()
    start: int | None = None
    highest = -1
    for index, line in enumerate(lines):
        key, entry = chapters.get(index, (None, is_toc_entry(line.text)))
        if key == DAFTAR and not entry:
            start, highest = index, -1
        elif start is not None:
            new_page = line.page != lines[index - 1].page
            # A chapter named again after a later one (IKHTISAR after LAMPIRAN) is the
            # report itself starting; a new page goes on only with more entries, or with
            # chapters after entries of chapters (not after a Daftar Tabel's tables).
            going_back = key is not None and not entry and RANK[key] < highest
            if going_back or (new_page and not entry and (key is None or highest < RANK[BAB1])):
                start = None
        if start is None:
            continue
        toc.add(index)
        if key is not None:
            highest = max(highest, RANK[key])
    return toc


def _listed_runs(lines: Sequence[Line], candidates: list[tuple[int, str]]) -> set[int]:
    """Chapter names printed as a list (the Sistematika Penulisan: "BAB I PENDAHULUAN" and a
    few lines of description, then "BAB II ..."): :data:`LIST_MIN_CHAPTERS` chapters in
    ascending order, each within :data:`LIST_GAP` lines of the one before, mostly sharing
    their pages (real chapters, however short, each start a page of their own)."""
    listed: set[int] = set()
    run: list[tuple[int, str]] = []
    for index, key in [*candidates, (len(lines), DAFTAR)]:
        if run and index - run[-1][0] <= LIST_GAP and RANK[key] > RANK[run[-1][1]]:
            run.append((index, key))
            continue
        pages = [lines[i].page for i, _ in run]
        shared = sum(a == b for a, b in itertools.pairwise(pages))
        if len(run) >= LIST_MIN_CHAPTERS and shared >= len(run) // 2:
            listed.update(i for i, _ in run)
        run = [(index, key)]
    return listed


@dataclass(slots=True)
class ChapterWalker:
    """Follows the chapters while the lines of :func:`chapter_lines` are read in order.

    A PK title after Bab IV opens the lampiran, and its year is ``heading_year``.
    """

    headings: dict[int, ChapterHeading]
    chapter: str = FRONT
    heading_year: int | None = None

    @classmethod
    def of(cls, lines: Sequence[Line]) -> ChapterWalker:
        """A walker over ``lines``, which must be the lines it will be shown."""
        headings = {id(h.line): h for h in find_chapter_headings(lines) if not h.listed}
        return cls(headings)

    def see(self, line: Line) -> bool:
        """Update the chapter from one line; True when the line is a chapter heading."""
        heading = self.headings.get(id(line))
        if heading is not None:
            self.chapter, self.heading_year = heading.key, _year(line.text, heading.key)
            return True
        title = PK_TITLE.match(normalise(line.text))
        if title and self.chapter in (BAB4, BAB_MORE, LAMPIRAN):
            self.chapter = LAMPIRAN
            named = title.group(1) or title.group(2)
            self.heading_year = int(named) if named else None
            return True
        return False


_YEAR = re.compile(r"\bTAHUN\s+(?:ANGGARAN\s+)?(\d{4})\b", re.IGNORECASE)


def _year(text: str, key: str) -> int | None:
    """The year a lampiran heading names ("LAMPIRAN PK TAHUN 2024"); other chapters none."""
    match = _YEAR.search(text) if key == LAMPIRAN else None
    return int(match.group(1)) if match else None
