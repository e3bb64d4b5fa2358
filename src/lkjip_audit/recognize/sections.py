"""Chapter headings (Ikhtisar Eksekutif, BAB I–IV, Lampiran, Perjanjian Kinerja) and meta."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.recognize import DocumentMeta, recognizer

# A table-of-contents entry: a dotted leader, or a title ending in its page number (arabic,
# or lower-case roman for front matter). The chapter number of "BAB IV" or "LAMPIRAN 2" is
# not a page number, so that prefix is set aside first.
TOC_LEADER = re.compile(r"(\.{4,}|…{2,})\s*\S*\s*$")
NUMBERED_PREFIX = re.compile(r"^(BAB\s+([IVX]+|\d{1,2})|LAMPIRAN\s+([IVX]+|\d))\b\.?")
TOC_PAGE = re.compile(r"\S\s+(\d{1,3}|[ivxlc]{1,6})\s*$")
HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kata-pengantar", re.compile(r"^KATA\s+PENGANTAR\b")),
    ("ikhtisar", re.compile(r"^(IKHTISAR|RINGKASAN)\s+EKSEKUTIF\b")),
    ("bab1", re.compile(r"^BAB\s+(I|1)\b(?!\s*[IV])")),
    ("bab2", re.compile(r"^BAB\s+(II|2)\b(?!\s*I)")),
    ("bab3", re.compile(r"^BAB\s+(III|3)\b")),
    ("bab4", re.compile(r"^BAB\s+(IV|4)\b")),
    ("lampiran", re.compile(r"^LAMPIRAN\b")),
    ("perjanjian-kinerja", re.compile(r"^PERJANJIAN\s+KINERJA\b")),
)
MAX_HEADING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Heading:
    """A chapter heading as printed."""

    key: str
    title: str
    page: int
    bbox: BBox


def _heading(line: Line) -> Heading | None:
    text = line.text.strip()
    title = NUMBERED_PREFIX.sub("", text)
    # Headings are set in capitals; "BAB I Pendahuluan" in the Sistematika list is not one.
    if (
        text != text.upper()
        or len(text.split()) > MAX_HEADING_WORDS
        or TOC_LEADER.search(text)
        or TOC_PAGE.search(title)
    ):
        return None
    for key, pattern in HEADINGS:
        if pattern.match(text):
            return Heading(key, text, line.page, line.bbox)
    return None


def find_headings(lines: list[Line]) -> list[Heading]:
    """Every chapter heading in reading order (a heading may repeat, e.g. PK in Bab II and
    in the Lampiran; the rules decide which occurrence counts)."""
    return [heading for line in lines if (heading := _heading(line))]


@recognizer("sections")
def recognize_sections(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``sections`` fact table: one row per chapter found, in document order."""
    rows = [
        {"key": h.key, "title": h.title, "order": i, "page": h.page, "bbox": h.bbox, "raw": h.title}
        for i, h in enumerate(find_headings(doc.lines()))
    ]
    columns = ["key", "title", "order", "page", "bbox", "raw"]
    return {"sections": pd.DataFrame(rows, columns=columns)}


UNIT = (
    r"(?:Kantor[ \t]+Imigrasi|Rumah[ \t]+Detensi[ \t]+Imigrasi|Kantor[ \t]+Wilayah"
    r"|Lembaga[ \t]+Pemasyarakatan|Rumah[ \t]+Tahanan[ \t]+Negara|Balai[ \t]+Pemasyarakatan"
    r"|Rumah[ \t]+Penyimpanan[ \t]+Benda[ \t]+Sitaan|Balai[ \t]+Harta[ \t]+Peninggalan"
    r"|Direktorat[ \t]+Jenderal)"
)
# The unit type, then class markers, capitalised words and the "dan" of "Hukum dan HAM", on
# one line: a name never runs on into the next line's title.
SATKER = re.compile(
    UNIT + r"(?:[ \t]+(?:Kelas|Kls\.?|[IV]{1,3}[AB]?|Khusus|TPI|Non|Non-TPI|dan(?=[ \t]+HAM)"
    r"|[A-Z][A-Za-z'.-]*))*"
)
STOP_WORDS = {"Tahun", "Nomor", "Yang", "Dengan", "Dalam", "Sebagai", "Pada", "Laporan"}
# Words that stay in capitals when an all-capitals cover line is set in title case.
ACRONYMS = {"TPI", "HAM", "RI", "DKI", "NTB", "NTT", "DIY", "LKJIP"}
KODE_SATKER = re.compile(r"\bKode\s+Satker\s*[:.]?\s*(\d{6})\b", re.IGNORECASE)
YEAR = re.compile(
    r"\bTahun(?:\s+Anggaran)?\s+(20\d\d)\b|\b(?:Laporan\s+Kinerja|LKjIP)\b[^\n]{0,80}?\b(20\d\d)\b",
    re.IGNORECASE,
)
META_PAGES = 6


def title_case(line: str) -> str:
    """An all-capitals cover line in the case the rest of the report uses for the name."""
    if line != line.upper():
        return line
    words = []
    for word in line.split():
        roman = re.fullmatch(r"[IVX]{1,4}[AB]?", word)
        words.append(word if roman or word in ACRONYMS else word.capitalize())
    return " ".join(words)


def _clean_satker(match: str) -> str:
    words = match.split()
    for i, word in enumerate(words):
        if word in STOP_WORDS:
            words = words[:i]
            break
    return " ".join(words).strip(" .,")


def read_meta(doc: DocumentText) -> DocumentMeta:
    """The satker, its kode satker and the report year, read from the first pages.

    The satker is the unit name met most often there (cover, Kata Pengantar, Ikhtisar);
    capitals on the cover are read in title case, so "KANTOR IMIGRASI KELAS I TPI BATAM" and
    "Kantor Imigrasi Kelas I TPI Batam" count as one.
    """
    first = [title_case(line.text) for page in doc.pages[:META_PAGES] for line in page.lines]
    text = "\n".join(first)
    names = Counter(
        name for m in SATKER.finditer(text) if len((name := _clean_satker(m.group(0))).split()) > 2
    )
    years = Counter(int(a or b) for a, b in YEAR.findall(text))
    satker = names.most_common(1)[0][0] if names else None
    year = years.most_common(1)[0][0] if years else None
    kode = KODE_SATKER.search(text)
    return DocumentMeta(satker=satker, year=year, kode_satker=kode.group(1) if kode else None)
