"""What a report says of itself: its satker, kode satker and report year.

The satker is named on the cover, in the Kata Pengantar and all through the text: a vertical
unit of a ministry ("Kantor Imigrasi Kelas II TPI Belakang Padang", "Kantor Wilayah ...",
"Lembaga Pemasyarakatan ...") or a regional one ("Dinas Kesehatan Provinsi Jawa Barat",
"Badan ... Daerah Kabupaten ...", "Rumah Sakit Jiwa Provinsi ...", "Kecamatan ... Kota ...").

The report year is the year the report's title names ("LKIP ... Tahun 2016", "Laporan Kinerja
Instansi Pemerintah (LKjIP) Dinas ... Tahun 2021", a running header "LKIP Dinas ... 2016"),
never the year of a regulation it cites ("PP Nomor 8 Tahun 2006") or of a period
("Renstra 2016–2021"). The cover's year may be the year of publication: where the cover and
the body disagree, the body's title year is the report's, and the ``report_years`` fact
table keeps both for the rule that says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.furniture import body_lines
from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import heading_key
from lkjip_audit.recognize.survey.text import Passage

UNIT = (
    r"(?:Kantor[ \t]+Imigrasi|Rumah[ \t]+Detensi[ \t]+Imigrasi|Kantor[ \t]+Wilayah"
    r"|Lembaga[ \t]+Pemasyarakatan|Rumah[ \t]+Tahanan[ \t]+Negara|Balai[ \t]+Pemasyarakatan"
    r"|Rumah[ \t]+Penyimpanan[ \t]+Benda[ \t]+Sitaan|Balai[ \t]+Harta[ \t]+Peninggalan"
    r"|Direktorat[ \t]+Jenderal)"
)
# A ministry's unit: its type, then class markers, capitalised words and the "dan" of "Hukum
# dan HAM", on one line: a name never runs on into the next line's title.
SATKER = re.compile(
    UNIT + r"(?:[ \t]+(?:Kelas|Kls\.?|[IV]{1,3}[AB]?\b|Khusus|TPI|Non|Non-TPI|dan(?=[ \t]+HAM)"
    r"|[A-Z][A-Za-z'.-]*))*"
)
DITJEN = re.compile(r"Direktorat[ \t]+Jenderal\b", re.IGNORECASE)
# A regional government's unit (organisasi perangkat daerah): its type, its field in
# capitalised words, then the province, regency or city it belongs to. Its name often wraps
# over two lines, so it is read from a page's lines joined.
REGIONAL = re.compile(
    r"\b(?:Dinas|Badan|Biro|Inspektorat|Sekretariat|Satuan|Kantor(?![ \t]+(?:Imigrasi|Wilayah))"
    r"|Rumah\s+Sakit|RSUD|Kecamatan|Kelurahan|UPTD?|Bappeda|Bapenda|Satpol\s+PP)"
    r"(?:\s+(?:[A-Z][\w'&./-]*|dan|&)){0,8}?"
    r"\s+(?:Provinsi|Propinsi|Prov\.|Kabupaten|Kab\.|Kota)(?:\s+[A-Z][\w'-]*){1,3}"
)
REGION_KIND = re.compile(r"\s(Provinsi|Propinsi|Prov\.|Kabupaten|Kab\.|Kota)\s")
REGION_NAMES = {"Propinsi": "Provinsi", "Prov.": "Provinsi", "Kab.": "Kabupaten"}
# Capitalised words that end a name: a sentence goes on, or the title's year follows.
STOP_WORDS = frozenset(
    """Tahun Nomor Yang Dengan Dalam Sebagai Pada Laporan Jalan Jl. Telp Telp. Untuk Serta
    Selama Periode Adalah Merupakan Sesuai Bahwa Kepala Tentang""".split()
)
# A place name is this often followed by the word that would lengthen it, or it stops.
REGION_SUPPORT = 0.6
# Words that stay in capitals when an all-capitals cover line is set in title case.
ACRONYMS = {"TPI", "HAM", "RI", "DKI", "NTB", "NTT", "DIY", "LKJIP", "RSUD", "UPTD", "PP", "DPRD"}
LOWER_WORDS = {"Dan": "dan"}
KODE_SATKER = re.compile(r"\bKode\s+Satker\s*[:.]?\s*(\d{6})\b", re.IGNORECASE)
META_PAGES = 6  # pages with text where the satker is looked for first

# The report's title, then (before the sentence ends) the year it is for; a running footer
# may glue the title to its page number ("61LKIP Dinas ... 2016").
REPORT_TITLE = re.compile(
    r"(?<![A-Za-z])(?:LKj?IP|LAKIP|Laporan\s+(?:Akuntabilitas\s+)?Kinerja(?:\s+Instansi\s+Pemerintah)?)\b"
    r"[^.;:]{0,120}?\b((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
YEAR_NAMED = re.compile(r"\b(?:Tahun|TA\.?)\s*(?:Anggaran\s*)?((?:19|20)\d\d)\b", re.IGNORECASE)
# "Nomor 8 Tahun 2006", "Lembaran Negara Tahun 2006 Nomor 25", "Tahun 2013 – 2018".
CITED_BEFORE = re.compile(r"(?:Nomor|No\.?)\s*:?\s*[\w./-]+\s+(?:Tahun\s+)?$", re.IGNORECASE)
CITED_AFTER = re.compile(r"^\s*(?:Nomor|No\.|[-–—]\s*\d|s\.?/?d\.?\s*\d|sampai)", re.IGNORECASE)
COVER_MAX_LINES = 25  # a cover carries a title, a name, a year and perhaps a logo caption
FALLBACK_LINES = 600


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
        if i > 0 and word in STOP_WORDS:
            words = words[:i]
            break
    words = [REGION_NAMES.get(w, LOWER_WORDS.get(w, w)) for w in words]
    return " ".join(words).strip(" .,")


def _text_pages(doc: DocumentText) -> list[list[Line]]:
    return [page.lines for page in doc.pages if page.lines]


def _ministry_units(pages: list[list[Line]]) -> Counter[str]:
    text = "\n".join(title_case(line.text) for lines in pages for line in lines)
    return Counter(
        name for m in SATKER.finditer(text) if len((name := _clean_satker(m.group(0))).split()) > 2
    )


def _regional_units(pages: list[list[Line]]) -> Counter[str]:
    names: Counter[str] = Counter()
    for lines in pages:
        text = " ".join(title_case(line.text) for line in lines)
        for match in REGIONAL.finditer(text):
            name = _clean_satker(match.group(0))
            # "Dinas ... Provinsi" cut short by a stop word names no place.
            if REGION_KIND.search(f"{name} ") and not REGION_KIND.match(f" {name.split()[-1]} "):
                names[name] += 1
    return names


def _regional_name(names: Counter[str]) -> tuple[str, int] | None:
    """The unit named most often, with the place name most of its mentions give: "Jawa Barat"
    rather than "Jawa" (a name wrapped short) or "Jawa Barat Bandung" (a sentence going on)."""
    if not names:
        return None
    units: Counter[str] = Counter()
    for name, count in names.items():
        units[REGION_KIND.split(f"{name} ", maxsplit=1)[0]] += count
    unit, count = units.most_common(1)[0]
    mine = {n: c for n, c in names.items() if REGION_KIND.split(f"{n} ", maxsplit=1)[0] == unit}

    def support(name: str) -> int:
        return sum(c for n, c in mine.items() if f"{n} ".startswith(f"{name} "))

    best = max(support(n) for n in mine)
    fitting = [n for n in mine if support(n) >= REGION_SUPPORT * best]
    return max(fitting, key=lambda n: (len(n.split()), support(n))), count


def read_satker(doc: DocumentText) -> str | None:
    """The satker the report is about: the unit named most often on its first pages (or in
    the whole report when the first pages name none); capitals read in title case, so
    "KANTOR IMIGRASI KELAS I TPI BATAM" and "Kantor Imigrasi Kelas I TPI Batam" count as one.
    """
    pages = _text_pages(doc)
    first = pages[:META_PAGES]
    ministry = _ministry_units(first)
    body = {id(line) for line in body_lines(doc)}
    text_pages = [[line for line in lines if id(line) in body] for lines in pages]
    regional = _regional_name(_regional_units(text_pages[:META_PAGES])) or _regional_name(
        _regional_units(text_pages)
    )
    # A satker's report names its Direktorat Jenderal too (cover, letterhead): the report is
    # the satker's whenever it names a unit of its own.
    own_units = Counter({n: c for n, c in ministry.items() if not DITJEN.match(n)})
    top = (own_units or ministry).most_common(1)[0] if ministry else None
    if top and (regional is None or top[1] >= regional[1]):
        return top[0]
    return regional[0] if regional else None


@dataclass(frozen=True, slots=True)
class YearMention:
    """A year the report gives for itself, on its cover or with its title in the body."""

    place: str  # "cover" or "body"
    year: int
    page: int
    bbox: BBox
    raw: str


def _cited(text: str, start: int, end: int) -> bool:
    return bool(CITED_BEFORE.search(text[max(0, start - 40) : start])) or bool(
        CITED_AFTER.match(text[end : end + 12])
    )


def _mentions(lines: list[Line], place: str, pattern: re.Pattern[str]) -> Iterator[YearMention]:
    passage = Passage(lines)
    for match in pattern.finditer(passage.text):
        start, end = match.span(1)
        if _cited(passage.text, start, end):
            continue
        line, offset = passage.line_at(start)
        bbox = line.span_bbox(offset, offset + end - start)
        yield YearMention(place, int(match.group(1)), line.page, bbox, line.text)


def _is_cover(lines: list[Line]) -> bool:
    return len(lines) <= COVER_MAX_LINES and not any(heading_key(line.text) for line in lines)


def year_mentions(doc: DocumentText) -> list[YearMention]:
    """The years the cover gives and the years the report's title gives in the body
    (running headers included: they repeat the title)."""
    pages = _text_pages(doc)
    found: list[YearMention] = []
    body = {id(line) for line in body_lines(doc)}
    # A running header printed on the cover too is no part of the cover.
    cover = [line for line in pages[0] if id(line) in body] if pages else []
    if cover and _is_cover(cover):
        titled = list(_mentions(cover, "cover", REPORT_TITLE))
        found += titled or list(_mentions(cover, "cover", YEAR_NAMED))[-1:]
        pages = pages[1:]
    for lines in pages:
        found += _mentions(lines, "body", REPORT_TITLE)
    return found


def report_year(doc: DocumentText, mentions: list[YearMention]) -> int | None:
    """The year the body's title gives most often; else the cover's; else the year named
    most often with "Tahun" early in the report (citations and periods left out)."""
    for place in ("body", "cover"):
        years = Counter(m.year for m in mentions if m.place == place)
        if years:
            return years.most_common(1)[0][0]
    lines = doc.lines()[:FALLBACK_LINES]
    years = Counter(m.year for m in _mentions(lines, "body", YEAR_NAMED)) if lines else Counter()
    return years.most_common(1)[0][0] if years else None


def read_meta(doc: DocumentText) -> DocumentMeta:
    """The satker, its kode satker and the report year."""
    first = "\n".join(line.text for lines in _text_pages(doc)[:META_PAGES] for line in lines)
    kode = KODE_SATKER.search(first)
    return DocumentMeta(
        satker=read_satker(doc),
        year=report_year(doc, year_mentions(doc)),
        kode_satker=kode.group(1) if kode else None,
    )


@recognizer("report_years")
def recognize_report_years(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``report_years`` fact table: each year the cover or the report's title gives."""
    columns = ["place", "year", "page", "bbox", "raw"]
    rows = [{c: getattr(m, c) for c in columns} for m in year_mentions(doc)]
    return {"report_years": pd.DataFrame(rows, columns=columns)}
