"""Every statement of a performance indicator: PK rows, capaian tables, narrative sentences.

The document is walked line by line; the chapter headings seen so far decide the *place* of
each statement (``ikhtisar``, ``pk``, ``bab2``, ``bab3-table``, ``bab3-narrative``,
``bab3-comparison``, ``bab4``, ``lampiran-pk``). Three sources give statements:

- tables read by extraction (``doc.tables``): columns are found from their headers;
- table rows that are only lines of text (a name, then target/realisasi/capaian numbers; a
  wrapped name is taken from the lines above);
- prose: a realisation near the word "target" and its target ("memperoleh hasil sebesar 3,87
  dari target 3,25 atau 100%", "target ... sebesar 3,13 ... capaian sebesar 100%").

Indicator names are normalised and matched across places (:class:`IndicatorNames`); a name
that matches nothing keeps its own key.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz

from lkjip_audit.extract.model import BBox, Cell, DocumentText, Line, Table, Word
from lkjip_audit.numbers import Stated, find_numbers, parse_number
from lkjip_audit.recognize import DocumentMeta, recognizer

# ---------------------------------------------------------------------------------------------
# Names

# Words an indicator name starts with (capitalised, as printed in tables and prose).
HEAD_WORDS = (
    "Indeks|Nilai|Persentase|Presentase|Prosentase|Jumlah|Tingkat|Rasio|Rata-rata|Rata-Rata"
    "|Opini|Predikat"
)
HEAD = re.compile(rf"(?<![\w-])(?:{HEAD_WORDS})\b")
# Parts that vary between places without changing the indicator.
_DROP = (
    r"\bdi\s*wilayah\b.*$",
    r"\bterhadap\s+layanan\s+keimigrasian\b",
    r"\batas\s+layanan\s+keimigrasian\b",
    r"\btahun\s+\d{4}\b",
    r"\([^)]*\)",
    r"\[[^\]]*\]",
)
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[.)]\s*|^\s*\d{1,2}\s+(?=\D)", re.I)
_GENERIC = frozenset(
    {"keimigrasian", "imigrasi", "satker", "satuan", "kerja", "unit", "kantor", "wilayah"}
)
_MIN_SCORE = 88
# Where a name mentioned in prose stops.
_MENTION_END = re.compile(
    r"[,.;:()\[\]]|\s(?:pada|kantor|sebesar|adalah|yang|telah|memperoleh|dengan|dari|tahun|"
    r"mengalami|sehingga|maka|untuk|sudah|atau|dan|juga|ini|tersebut|merupakan|diperoleh|"
    r"mencapai|sebagai|terealisasi|tercapai|terpenuhi|berada|menempatkan|lebih|sedangkan|"
    r"[A-Z]{2,5}\b)",
)


def normalise(name: str) -> str:
    """Lower-case, drop numbering, "di Wilayah ...", "terhadap Layanan Keimigrasian", notes."""
    text = _ENUMERATOR.sub("", name.strip()).lower()
    for pattern in _DROP:
        text = re.sub(pattern, " ", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def acronym(key: str) -> str:
    """Initials of the key's words ("indeks kepuasan masyarakat" -> "IKM")."""
    return "".join(word[0] for word in key.split() if word[0].isalpha()).upper()


_QUALIFIERS = frozenset({"terhadap", "atas", "pada", "di", "bidang", "dalam", "untuk", "bagi"})


def same_indicator(a: str, b: str) -> bool:
    """Whether two normalised names are one indicator (typos, an extra generic word)."""
    if not a or not b:
        return False
    if fuzz.token_sort_ratio(a, b) >= _MIN_SCORE:
        return True
    wa, wb = set(a.split()), set(b.split())
    return (wa <= wb or wb <= wa) and ((wa - wb) | (wb - wa)) <= _GENERIC


def extends(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with more words that do not change the subject.

    A name cut by a table cell ("Rata-rata Waktu Penyelesaian") is the start of the full
    name; an added qualifier ("... terhadap Layanan Publik Bidang Hukum") makes another
    indicator.
    """
    sw, lw = short.split(), long.split()
    if len(sw) < 2 or len(lw) <= len(sw):
        return False
    return lw[len(sw)] not in _QUALIFIERS and same_indicator(short, " ".join(lw[: len(sw)]))


@dataclass(slots=True)
class IndicatorNames:
    """The keys met so far; :meth:`key` registers a name, :meth:`resolve` only looks it up."""

    keys: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """The key of ``name``: an existing key it matches, or a new key.

        A close match wins; else a key the name is a cut or an extension of, when that key
        is the only one.
        """
        normal = normalise(name)
        found = next((k for k in self.keys if same_indicator(k, normal)), None)
        if found is None:
            related = [k for k in self.keys if extends(normal, k) or extends(k, normal)]
            found = related[0] if len(related) == 1 else None
        if found is None and normal:
            self.keys.append(normal)
            found = normal
        for abbr in re.findall(r"\(([A-Z]{2,5})\)", name):
            self.aliases.setdefault(abbr, found or normal)
        if found:
            self.display.setdefault(found, " ".join(_ENUMERATOR.sub("", name).split()))
        return found or normal

    def name(self, key: str) -> str:
        """The key's name as first printed."""
        return self.display.get(key, key)

    def resolve(self, phrase: str) -> str | None:
        """The key a prose mention refers to (its leading words, or an acronym), if any.

        A mention in prose runs on into other words ("Indeks Kepuasan Masyarakat Kantor
        Imigrasi ..."), so each key is compared with as many leading words of the mention.
        """
        phrase = phrase.strip()
        if re.fullmatch(r"[A-Z]{2,5}", phrase):
            if phrase in self.aliases:
                return self.aliases[phrase]
            matches = [k for k in self.keys if acronym(k) == phrase]
            return matches[0] if len(matches) == 1 else None
        words = normalise(phrase).split()
        best: tuple[int, str] | None = None
        for key in self.keys:
            size = len(key.split())
            if len(words) >= size and same_indicator(key, " ".join(words[:size])):
                best = max(best, (size, key)) if best else (size, key)
        return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# Places

_HEADING_SECTIONS = (
    (re.compile(r"^(IKHTISAR|RINGKASAN)\s+EKSEKUTIF\b", re.I), "ikhtisar"),
    (re.compile(r"^BAB\s+(IV|4)\b", re.I), "bab4"),
    (re.compile(r"^BAB\s+(III|3)\b", re.I), "bab3"),
    (re.compile(r"^BAB\s+(II|2)\b", re.I), "bab2"),
    (re.compile(r"^BAB\s+(I|1|V|VI|5)\b", re.I), "skip"),
    (re.compile(r"^(KATA\s+PENGANTAR|DAFTAR\s+(ISI|TABEL|GAMBAR|LAMPIRAN))\b", re.I), "skip"),
    (re.compile(r"^LAMPIRAN\b(?!\s*:)"), "lampiran"),
)
# The Ditjen recap letter and its lists: other satker's figures, not this report's statements.
_RECAP = re.compile(
    r"^(Nomor|Hal|Perihal|Sifat)\s*:|^DAFTAR\s+RERATA|RATA\s*-?\s*RATA\s+NASIONAL|^REKAPITULASI",
    re.I,
)
# "B. Perjanjian Kinerja", "PERJANJIAN KINERJA TAHUN 2023 ...": a heading, not a sentence.
_PK_TITLE = re.compile(
    r"^(?:[A-H]\.\s*)?(?:PERJANJIAN\s+KINERJA\b(?:.*?\bTAHUN\s+(\d{4}))?"
    r"|(?i:perjanjian\s+kinerja)(?:\s+(?i:tahun)\s+(\d{4}))?\s*$)"
)
_MAX_HEADING_WORDS = 9
# A table-of-contents entry: a dotted leader, or 3+ words ending in a page number.
_TOC = re.compile(r"(\.{4,}|…{2,})|^\S+\s+\S+\s+.*\s(\d{1,3}|[ivxlc]{1,6})\s*$")


@dataclass(frozen=True, slots=True)
class Placed:
    """A line with the section it stands in and the year its PK table (if any) is for."""

    line: Line
    section: str
    year: int | None
    in_table: bool


def _title_year(title: re.Match[str], year: int | None) -> int | None:
    named = title.group(1) or title.group(2)
    return int(named) if named else year


def _heading_section(text: str) -> str | None:
    if len(text.split()) > _MAX_HEADING_WORDS or _TOC.search(text):
        return None
    return next((s for pattern, s in _HEADING_SECTIONS if pattern.match(text)), None)


_PAGE_NUMBER = re.compile(r"^\s*(\d{1,3}|[ivxlc]{1,6})\s*$", re.I)


def body_lines(doc: DocumentText) -> list[Line]:
    """The document's lines without running headers and page numbers.

    A page number (the first or last line of a page, alone) or a header repeated at the top
    of many pages would otherwise sit inside a sentence that runs on to the next page.
    """
    firsts = [page.lines[0].text for page in doc.pages if page.lines]
    often = max(4, len(doc.pages) // 3)
    repeated = {text for text in set(firsts) if firsts.count(text) >= often}
    kept = []
    for page in doc.pages:
        last = len(page.lines) - 1
        for i, line in enumerate(page.lines):
            edge = i in (0, last)
            if (edge and _PAGE_NUMBER.match(line.text)) or (i == 0 and line.text in repeated):
                continue
            kept.append(line)
    return kept


def place_lines(doc: DocumentText, year: int | None) -> list[Placed]:
    """Every line with its section: ikhtisar, bab2, pk, bab3, bab4, lampiran-pk or skip."""
    areas = table_areas(doc.tables)
    section, pk_year, placed = "skip", year, []
    for line in body_lines(doc):
        text = line.text.strip()
        heading = _heading_section(text)
        title = _PK_TITLE.match(text) if len(text.split()) <= _MAX_HEADING_WORDS + 4 else None
        if heading is not None:
            section, pk_year = heading, year
        elif title and section in ("bab2", "pk"):
            section, pk_year = "pk", _title_year(title, year)
        elif title and section in ("lampiran", "lampiran-pk", "recap", "bab4"):
            section, pk_year = "lampiran-pk", _title_year(title, year)
        elif _RECAP.search(text) and section in ("lampiran", "lampiran-pk", "bab4", "recap"):
            section = "recap"
        placed.append(Placed(line, section, pk_year, _in_areas(line, areas)))
    return placed


def table_areas(tables: list[Table]) -> list[tuple[int, BBox]]:
    """The area each table covers on each of its pages, from its cells."""
    areas = []
    for table in tables:
        by_page: dict[int, list[BBox]] = {}
        for row in table.rows:
            for cell in row:
                if cell.bbox is not None:
                    by_page.setdefault(cell.page, []).append(cell.bbox)
        by_page.setdefault(table.page, []).append(table.bbox)
        for page, boxes in by_page.items():
            areas.append(
                (
                    page,
                    (
                        min(b[0] for b in boxes),
                        min(b[1] for b in boxes),
                        max(b[2] for b in boxes),
                        max(b[3] for b in boxes),
                    ),
                )
            )
    return areas


def _in_areas(line: Line, areas: list[tuple[int, BBox]]) -> bool:
    x = (line.bbox[0] + line.bbox[2]) / 2
    y = (line.bbox[1] + line.bbox[3]) / 2
    return any(
        page == line.page and box[0] - 2 <= x <= box[2] + 2 and box[1] - 2 <= y <= box[3] + 2
        for page, box in areas
    )


# ---------------------------------------------------------------------------------------------
# Numbers in a stream of lines


@dataclass(frozen=True, slots=True)
class Num:
    """A number found in the stream: its span, its value, and whether it reads as a year."""

    start: int
    end: int
    stated: Stated
    is_year: bool


@lru_cache(maxsize=8192)
def numbers_in(text: str) -> tuple[tuple[int, int, Stated], ...]:
    """:func:`find_numbers` of a line, cached: rows and prose read the same lines."""
    return tuple(find_numbers(text))


def is_year(stated: Stated) -> bool:
    """A bare 4-digit integer 1990..2100 is a year, not a figure."""
    return (
        not stated.is_percent
        and stated.decimals == 0
        and stated.raw.strip().isdigit()
        and 1990 <= stated.value <= 2100
    )


@dataclass(slots=True)
class Stream:
    """The text of many lines joined by spaces, with the way back to each line and box."""

    placed: list[Placed]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    numbers: list[Num] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts, offset = [], 0
        for item in self.placed:
            self.starts.append(offset)
            parts.append(item.line.text)
            for start, end, stated in numbers_in(item.line.text):
                self.numbers.append(Num(start + offset, end + offset, stated, is_year(stated)))
            offset += len(item.line.text) + 1
        self.text = " ".join(parts)

    def index(self, pos: int) -> int:
        """The index of the line holding character ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def at(self, pos: int) -> Placed:
        """The placed line holding character ``pos``."""
        return self.placed[self.index(pos)]

    def located(self, num: Num) -> Stated:
        """The number with the page and box of its span."""
        i = self.index(num.start)
        line = self.placed[i].line
        offset = self.starts[i]
        return replace(
            num.stated, page=line.page, bbox=line.span_bbox(num.start - offset, num.end - offset)
        )

    def numbers_between(self, start: int, end: int) -> list[Num]:
        """The numbers whose span starts in ``[start, end)``."""
        return [n for n in self.numbers if start <= n.start < end]


# ---------------------------------------------------------------------------------------------
# Statements


@dataclass(slots=True)
class Statement:
    """One statement of an indicator before it becomes a fact row."""

    name: str
    key: str
    place: str
    year: int | None
    page: int
    bbox: BBox | None
    raw: str
    target: Stated | None = None
    realisasi: Stated | None = None
    capaian: Stated | None = None
    unit: str | None = None
    lower_is_better: bool = False
    entity: str | None = None
    reference: Stated | None = None
    pos: int = 0
    other_year: bool = False

    def row(self) -> dict[str, object]:
        """The fact row of this statement."""
        return {
            "name": self.name,
            "key": self.key,
            "place": self.place,
            "year": self.year,
            "target": self.target,
            "realisasi": self.realisasi,
            "capaian": self.capaian,
            "unit": self.unit,
            "lower_is_better": self.lower_is_better,
            "entity": self.entity,
            "reference": self.reference,
            "page": self.page,
            "bbox": self.bbox,
            "raw": self.raw,
        }


# ---------------------------------------------------------------------------------------------
# Table rows that are lines of text

_PROSE = re.compile(
    r"\b(sebesar|adalah|merupakan|yaitu|bahwa|maka|atau|sehingga|menjadi|diperoleh|"
    r"dibandingkan|sebanyak|memperoleh|realisasi|terpenuhi|tercapai|mencapai|terealisasi)\b",
    re.I,
)
_PLACEHOLDER = re.compile(r"\[\s*(?:…|\.\.\.|\.\.|…%|\.\.\.%)?\s*%?\s*\]|^[-–—]$")
_UNIT_WORD = re.compile(
    r"^\(?(indeks|index|poin|persen|%|nilai|hari|jam|menit|orang|layanan|dokumen|laporan|"
    r"unit|kali|predikat)\)?[.,;]?$",
    re.I,
)
_HEADER_WORDS = re.compile(
    r"\b(target|realisasi|capaian|indikator|sasaran|satuan|unit|atasnya)\b", re.I
)
_HEADER_VOCABULARY = frozenset(
    "target realisasi capaian unit lain di atas atasnya satuan kerja indikator kinerja kegiatan "
    "sasaran tahun no persentase nilai utama program strategis".split()
)
_COLUMN_NUMBERS = re.compile(r"^\s*(\(\d{1,2}\)\s*){2,}$")
_YEAR_HEADER = re.compile(r"^\s*(?:(?:Tahun|TA)\s+)?((?:19|20)\d\d)(?:\s+((?:19|20)\d\d)){1,5}\s*$")
_ENTITY = re.compile(
    r"\b(kanwil|kantor\s+wilayah|divisi|direktorat\s+jenderal|ditjen|nasional|unit\s+lain|"
    r"atasnya|unit\s+di\s+atas)\b",
    re.I,
)
_CONNECTOR_END = re.compile(r"\b(terhadap|di|dan|atas|yang|pada|dalam|untuk|bidang)\s*$", re.I)
_LOWER_BETTER = re.compile(
    r"semakin\s+(kecil|rendah|sedikit|cepat|singkat)\b[^.]{0,40}\bsemakin\s+baik|"
    r"(lebih\s+)?(rendah|kecil)\s+(lebih|semakin)\s+baik|lower\s+is\s+better|"
    r"target\s+dibagi\s+(dengan\s+)?realisasi",
    re.I,
)
_LOOKBACK = 8
_MAX_NAME = 140
_MAX_NAME_WORDS = 16
# Indicator values are indices, percentages, days, counts: Rupiah amounts are budget lines.
_MAX_INDICATOR_VALUE = 1_000_000


@dataclass(frozen=True, slots=True)
class Cells:
    """A line read as a table row: the text before the values, and the values in order."""

    prefix: str
    values: tuple[Stated | None, ...]
    unit: str | None
    values_x0: float


def row_cells(line: Line) -> Cells | None:
    """The trailing values of a line that reads as a table row, or None for prose."""
    text = line.text
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\[[^\]]*\]|\S+", text)]
    numbers = {start: (end, stated) for start, end, stated in numbers_in(text)}
    values: list[Stated | None] = []
    unit = None
    cut = len(text)
    i = len(tokens) - 1
    while i >= 0:
        start, end, token = tokens[i]
        number_start = next((s for s in numbers if s <= start < numbers[s][0]), None)
        if number_start is not None and numbers[number_start][0] >= end:
            stated = numbers[number_start][1]
            values.insert(
                0,
                replace(
                    stated,
                    page=line.page,
                    bbox=line.span_bbox(number_start, numbers[number_start][0]),
                ),
            )
            cut = number_start
            while i >= 0 and tokens[i][0] >= number_start:
                i -= 1
            continue
        if _PLACEHOLDER.fullmatch(token):
            values.insert(0, None)
        elif _UNIT_WORD.match(token):
            unit = unit or token.strip("().,;").lower()
        else:
            break
        cut = start
        i -= 1
    prefix = text[:cut].strip()
    if not any(v is not None for v in values) or _PROSE.search(prefix) or "Rp" in text:
        return None
    if len(prefix) > 120:
        return None
    return Cells(prefix, tuple(values), unit, line.span_bbox(cut, cut + 1)[0])


@dataclass(slots=True)
class _TableState:
    """What the lines above a row say about it: its header, its years, its name lines."""

    columns: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    comparison: bool = False
    buffer: list[Line] = field(default_factory=list)

    def reset_buffer(self) -> None:
        self.buffer = []


def _header_columns(text: str, section: str) -> tuple[tuple[str, ...], bool]:
    """Column roles in header order, and whether the header compares with other units."""
    lowered = text.lower()
    roles: list[tuple[int, str]] = []
    comparison = section == "bab3" and bool(
        re.search(r"\bunit\b|satuan\s+kerja|satker|atasnya|kanwil|ditjen", lowered)
    )
    if comparison:
        return ("reference", "realisasi", "capaian"), True
    for m in re.finditer(r"target|realisasi|capaian", lowered):
        roles.append((m.start(), m.group()))
    return tuple(r for _, r in sorted(roles)) or _default_columns(section), comparison


_COLUMN_GAP = 8.0


@dataclass(frozen=True, slots=True)
class NameColumn:
    """Where a row's indicator name stands: from ``x0`` up to ``x1`` (the first value)."""

    x0: float
    x1: float

    def words(self, line: Line) -> list[str]:
        """The words of ``line`` inside this column."""
        return [w.text for w in line.words if self.x0 - 4 <= (w.bbox[0] + w.bbox[2]) / 2 < self.x1]


def _segments(words: list[Word]) -> list[list[Word]]:
    """Words split where a gap wider than a space separates table columns."""
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.bbox[0]):
        if groups and word.bbox[0] - groups[-1][-1].bbox[2] <= _COLUMN_GAP:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _head_start(segment: list[Word]) -> int | None:
    """Index of the word a name starts at in a segment, if any."""
    return next((i for i, word in enumerate(segment) if HEAD.search(word.text)), None)


def _start_in(line: Line, limit: float) -> tuple[float, list[str]] | None:
    """The column start and first words of a name beginning in ``line`` left of ``limit``."""
    words = [w for w in line.words if w.bbox[2] <= limit + 0.5]
    for segment in _segments(words):
        index = _head_start(segment)
        if index is not None:
            first = segment[index]
            match = HEAD.search(first.text)
            text = first.text[match.start() :] if match else first.text
            numbered = all(_ENUMERATOR.fullmatch(w.text + " ") for w in segment[:index])
            x0 = segment[0].bbox[0] if numbered else first.bbox[0]
            return x0, [text] + [w.text for w in segment[index + 1 :]]
    return None


def name_of_row(buffer: list[Line], line: Line, cells: Cells) -> tuple[str, NameColumn] | None:
    """The indicator name of a row read from lines, and the column it stands in.

    The name starts at a head word ("Indeks", "Persentase", ...) in the row's own text or in
    the lines above (a wrapped cell); words of other columns on the same lines are left out.
    """
    right = cells.values_x0
    start = _start_in(line, right)
    if start is not None:
        column = NameColumn(start[0], right)
        return " ".join(start[1]), column
    for i in range(len(buffer) - 1, -1, -1):
        above = _start_in(buffer[i], float("inf"))
        if above is None:
            continue
        previous = buffer[i - 1].text if i > 0 else ""
        if _CONNECTOR_END.search(previous):
            continue
        limit = right if right > above[0] + 20 else float("inf")
        column = NameColumn(above[0], limit)
        words = above[1] + [w for later in buffer[i + 1 :] for w in column.words(later)]
        words += NameColumn(column.x0, min(column.x1, right)).words(line)
        return " ".join(words), column
    return None


def _entity_from(buffer: list[Line], prefix: str) -> str | None:
    """The other unit a comparison row names (the lines above it, or its own prefix)."""
    text = " ".join([*(b.text for b in buffer[-3:]), prefix]).strip()
    text = _ENUMERATOR.sub("", text)
    return (
        text
        if _ENTITY.search(text) or re.search(r"\b(kemenkumham|imigrasi)\b", text, re.I)
        else None
    )


def _default_columns(section: str) -> tuple[str, ...]:
    if section in ("pk", "lampiran-pk", "bab2"):
        return ("target",)
    return ("target", "realisasi", "capaian")


def _assign(
    columns: tuple[str, ...], values: tuple[Stated | None, ...]
) -> dict[str, Stated | None]:
    """Values to roles: by the header when the counts agree, else only a clear shape."""
    if columns and len(columns) == len(values):
        return dict(zip(columns, values, strict=True))
    if columns == ("target",) and values:
        return {"target": values[-1]} if len(values) == 1 else {}
    return {}


def _row_place(section: str, comparison: bool) -> str | None:
    if section == "bab3":
        return "bab3-comparison" if comparison else "bab3-table"
    return {
        "ikhtisar": "ikhtisar",
        "pk": "pk",
        "bab2": "bab2",
        "bab4": "bab4",
        "lampiran-pk": "lampiran-pk",
    }.get(section)


_SENTENCE_BREAK = re.compile(r"[.!?;]\s+(?=[A-Z])")
_REFERS_BACK = re.compile(r"(?:Nilai|Angka|Realisasi|Hasil|Capaian)\s+(?:ini|tersebut)\b")
_SENTENCE_REACH = 500


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back at most 500 characters)."""
    start = max(0, pos - _SENTENCE_REACH)
    for match in _SENTENCE_BREAK.finditer(text, start, pos):
        start = match.end()
    return start


@dataclass(slots=True)
class Context:
    """What the whole document says that helps read one statement."""

    year: int | None
    names: IndicatorNames
    stream: Stream
    mentions: list[tuple[int, str]] = field(default_factory=list)

    def mention_before(self, pos: int, reach: int = 320) -> str | None:
        """The key of the last indicator mentioned before ``pos`` (within ``reach`` chars)."""
        starts = [m for m in self.mentions if pos - reach <= m[0] < pos]
        return starts[-1][1] if starts else None

    def mention_in_sentence(self, pos: int) -> str | None:
        """The last indicator named in the sentence holding ``pos`` before it; a sentence that
        refers back ("Nilai ini ...") belongs with the one before."""
        start = sentence_start(self.stream.text, pos)
        if _REFERS_BACK.match(self.stream.text, start):
            start = sentence_start(self.stream.text, max(0, start - 2))
        return self.mention_before(pos, reach=pos - start)


def _is_header_start(text: str) -> bool:
    return len(_HEADER_WORDS.findall(text)) >= 2 and not find_numbers(text)


def _is_header_more(text: str) -> bool:
    """A line made only of header vocabulary ("Lain", "Capaian (%)", "[Satuan Kerja]")."""
    words = re.findall(r"[^\s()\[\]/%]+", text)
    return bool(words) and all(
        w.lower() in _HEADER_VOCABULARY or re.fullmatch(r"[A-Z]{2,5}|Ikm|Ipk|Iki", w) for w in words
    )


_NOT_CONTINUATION = re.compile(
    r"^(sasaran|indikator|target|realisasi|capaian|no|sumber|keterangan|catatan|tabel|gambar)\b",
    re.I,
)
_MAX_CONTINUATION = 3


def continues_name(text: str) -> bool:
    """Whether a short line under a row is the rest of the row's wrapped indicator name."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= 6
        and not re.search(r"\d", stripped)
        and not _PROSE.search(stripped)
        and not _ENUMERATOR.match(stripped)
        and not HEAD.match(stripped)
        and not _NOT_CONTINUATION.match(stripped)
        and not _UNIT_WORD.match(stripped)
        and not stripped.endswith(":")
    )


def valid_name(name: str) -> bool:
    """A plausible indicator name: 2+ words, no figures, not a whole paragraph."""
    words = name.split()
    return (
        2 <= len(words) <= _MAX_NAME_WORDS
        and len(name) <= _MAX_NAME
        and not re.search(r"\d", _ENUMERATOR.sub("", name))
    )


def _finalise(ctx: Context, pending: list[Statement]) -> Iterator[Statement]:
    """Give rows read from lines their key, once their wrapped name is complete."""
    for statement in pending:
        if statement.key:
            yield statement
        elif valid_name(statement.name):
            statement.key = ctx.names.key(statement.name)
            yield statement


def _continuation(column: NameColumn, line: Line) -> str | None:
    """The part of ``line`` that continues a wrapped name in ``column``; "" when the column is
    empty there; None when the line cannot continue it (a new row, prose, a heading)."""
    if any(
        w.bbox[0] >= column.x1 and find_numbers(w.text) for w in line.words
    ) and column.x1 != float("inf"):
        return None
    words = column.words(line)
    if not words:
        return ""
    text = " ".join(words)
    return text if continues_name(text) else None


def line_rows(ctx: Context) -> Iterator[Statement]:
    """Statements from table rows that are lines of text (no table was extracted there)."""
    state = _TableState()
    section = None
    header = ""
    pending: list[Statement] = []
    column: NameColumn | None = None
    extra = 0
    for i, item in enumerate(ctx.stream.placed):
        text = item.line.text.strip()
        if pending and column and item.section == section and extra < _MAX_CONTINUATION:
            more = _continuation(column, item.line)
            if more is not None:
                for statement in pending:
                    if not statement.key and more:
                        statement.name = f"{statement.name} {more}"
                extra += 1
                continue
        yield from _finalise(ctx, pending)
        pending, extra, column = [], 0, None
        if item.section != section:
            state, section, header = _TableState(), item.section, ""
        if item.in_table or _row_place(item.section, False) is None:
            continue
        if _YEAR_HEADER.match(text):
            state.years = tuple(int(y) for y in re.findall(r"(?:19|20)\d\d", text))
            state.reset_buffer()
            continue
        if _COLUMN_NUMBERS.match(text):
            header = ""
            state.reset_buffer()
            continue
        if _is_header_start(text) or (header and _is_header_more(text)):
            header = f"{header} {text}" if header else text
            state.columns, state.comparison = _header_columns(header, item.section)
            state.reset_buffer()
            continue
        header = ""
        cells = row_cells(item.line)
        if cells is None:
            if _PROSE.search(text) or len(text) > 90:
                state.reset_buffer()
                state.years = ()
            else:
                state.buffer = [*state.buffer, item.line][-_LOOKBACK:]
            continue
        named = None if state.comparison else name_of_row(state.buffer, item.line, cells)
        pending = list(_row_statements(ctx, item, cells, state, ctx.stream.starts[i], named))
        column = named[1] if named else None
        state.reset_buffer()
    yield from _finalise(ctx, pending)


def truncated(value: Stated) -> bool:
    """A value cut by its cell ("114." for "114,94 %"): no reliable figure."""
    return value.raw.rstrip().endswith((".", ","))


def _consistent_kinds(roles: dict[str, Stated | None]) -> bool:
    """Target and realisation are both percentages or neither (else columns are misread)."""
    target, realised = roles.get("target"), roles.get("realisasi")
    return target is None or realised is None or target.is_percent == realised.is_percent


def _row_statements(
    ctx: Context,
    item: Placed,
    cells: Cells,
    state: _TableState,
    pos: int,
    named: tuple[str, NameColumn] | None,
) -> Iterator[Statement]:
    place = _row_place(item.section, state.comparison)
    if place is None:
        return
    year = item.year if item.section in ("pk", "lampiran-pk") else ctx.year
    columns = state.columns or _default_columns(item.section)
    values = cells.values
    groups: list[tuple[int | None, tuple[Stated | None, ...]]] = [(year, values)]
    if state.years and len(columns) % len(state.years) == 0 and len(columns) > len(state.years):
        columns = columns[: len(columns) // len(state.years)]
    if state.years and len(values) == len(columns) * len(state.years):
        size = len(columns)
        groups = [(y, values[k * size : (k + 1) * size]) for k, y in enumerate(state.years)]
    found = []
    for group_year, group in groups:
        roles = _assign(columns, group)
        if not any(roles.get(r) is not None for r in ("target", "realisasi")):
            continue
        if state.comparison and roles.get("reference") is None:
            continue
        if not _consistent_kinds(roles) or any(
            v is not None and (abs(v.value) >= _MAX_INDICATOR_VALUE or truncated(v))
            for v in roles.values()
        ):
            continue
        found.append((group_year, roles))
    if not found:
        return
    entity = None
    if state.comparison:
        entity = _entity_from(state.buffer, cells.prefix)
        key = ctx.mention_before(pos, reach=4000)
        name = ctx.names.name(key) if key else None
    else:
        name, key = (named[0] if named else None), ""
    if name is None or key is None:
        return
    for group_year, roles in found:
        yield Statement(
            name=name,
            key=key,
            place=place,
            year=group_year,
            page=item.line.page,
            bbox=item.line.bbox,
            raw=item.line.text,
            target=roles.get("target"),
            realisasi=roles.get("realisasi"),
            capaian=roles.get("capaian"),
            unit=cells.unit,
            entity=entity,
            reference=roles.get("reference"),
            pos=pos,
        )


# ---------------------------------------------------------------------------------------------
# Extracted tables


def _column_roles(header: list[str]) -> list[tuple[str | None, int | None]]:
    """(role, year) per column from header keys such as "Realisasi 2022" or "Indikator".

    Headers may be split mid-word ("Targ et", "Reali sasi"), so they are compared without
    spaces. A table that compares with other units has a ``reference`` column (the other
    unit's value) and an ``own`` column (the office's value).
    """
    squashed = [re.sub(r"\s+", "", text.lower()) for text in header]
    comparison = any(re.search(r"unitlain|atasnya|unitdiatas|pembanding", h) for h in squashed)
    roles: list[tuple[str | None, int | None]] = []
    for text in squashed:
        year_match = re.search(r"((?:19|20)\d\d)", text)
        year = int(year_match.group(1)) if year_match else None
        role: str | None = None
        if comparison and re.search(r"unitlain|atasnya|unitdiatas|pembanding", text):
            role = "reference"
        elif comparison and "capaian" in text and ("%" in text or "persen" in text):
            role = "capaian"
        elif comparison and "capaian" in text:
            role = "own"
        elif comparison and re.search(r"unit|satuankerja|satker", text):
            role = "entity"
        elif "indikator" in text:
            role = "name"
        elif "target" in text:
            role = "target"
        elif "realisasi" in text:
            role = "realisasi"
        elif "capaian" in text:
            role = "capaian"
        roles.append((role, year))
    return roles


def _cell_number(text: str, page: int, bbox: BBox | None) -> Stated | None:
    """A cell's number; a wrap inside the number ("117,1 4 %") is joined first."""
    joined = re.sub(r"(?<=\d)\s+(?=[\d%])|(?<=[.,])\s+(?=\d)", "", text.strip())
    return parse_number(joined, page=page, bbox=bbox)


_VALUE_ROLES = ("target", "realisasi", "capaian", "own", "reference")


def table_body(table: Table) -> tuple[list[tuple[str | None, int | None]], list[list[Cell]]]:
    """Column roles and body rows of a table; the header may be one of its first rows.

    Rows without any figure in a value column continue the row above (a wrapped name).
    """
    candidates = [table.header] + [[c.text for c in row] for row in table.rows[:3]]
    for k, header in enumerate(candidates):
        roles = _column_roles(header)
        kinds = {r for r, _ in roles}
        if kinds & {"target", "realisasi", "own"} and len(kinds - {None}) >= 2:
            return roles, _merge_continuations(table.rows[k:], roles)
    return [], []


def _merge_continuations(
    rows: list[list[Cell]], roles: list[tuple[str | None, int | None]]
) -> list[list[Cell]]:
    merged: list[list[Cell]] = []
    for row in rows:
        has_value = any(
            role in _VALUE_ROLES and i < len(row) and re.search(r"\d", row[i].text)
            for i, (role, _) in enumerate(roles)
        )
        if has_value or not merged:
            merged.append(list(row))
            continue
        previous = merged[-1]
        for i, cell in enumerate(row[: len(previous)]):
            if cell.text.strip():
                above = previous[i]
                previous[i] = Cell(f"{above.text} {cell.text}".strip(), above.page, above.bbox)
    return merged


def table_rows(ctx: Context, doc: DocumentText) -> Iterator[Statement]:
    """Statements from the tables extraction found, placed by the line above them."""
    for table in doc.tables:
        roles, body = table_body(table)
        if not roles:
            continue
        pos = _table_pos(ctx.stream, table)
        item = ctx.stream.at(pos) if ctx.stream.placed else None
        if item is None:
            continue
        place = _row_place(item.section, "reference" in {r for r, _ in roles})
        if place is None:
            continue
        for row in body:
            yield from _table_row(ctx, table, row, roles, place, item, pos)


def _table_row(
    ctx: Context,
    table: Table,
    row: list,
    roles: list[tuple[str | None, int | None]],
    place: str,
    item: Placed,
    pos: int,
) -> Iterator[Statement]:
    cells = dict(enumerate(row))
    name = next((cells[i].text for i, (r, _) in enumerate(roles) if r == "name" and i in cells), "")
    entity = next(
        (cells[i].text for i, (r, _) in enumerate(roles) if r == "entity" and i in cells), None
    )
    if place == "bab3-comparison":
        key = ctx.mention_before(pos, reach=4000)
        name = ctx.names.name(key) if key else ""
    else:
        name = name.strip()
        key = ctx.names.key(name) if HEAD.search(name) and valid_name(name) else None
    if not key:
        return
    by_year: dict[int | None, dict[str, Stated | None]] = {}
    first_cell = None
    for i, (role, year) in enumerate(roles):
        if role not in ("target", "realisasi", "capaian", "own", "reference") or i not in cells:
            continue
        cell = cells[i]
        stated = _cell_number(cell.text, cell.page, cell.bbox) if cell.text else None
        first_cell = first_cell or cell
        role = "realisasi" if role == "own" else role
        by_year.setdefault(year, {})[role] = stated
    default_year = item.year if item.section in ("pk", "lampiran-pk") else ctx.year
    raw = " ".join(c.text for c in row if c.text)
    for year, values in by_year.items():
        if not any(values.get(r) is not None for r in ("target", "realisasi")):
            continue
        if any(v is not None and truncated(v) for v in values.values()):
            continue
        page = first_cell.page if first_cell else table.page
        yield Statement(
            name=name,
            key=key,
            place=place,
            year=year if year is not None else default_year,
            page=page,
            bbox=_row_bbox(row) or table.bbox,
            raw=raw,
            target=values.get("target"),
            realisasi=values.get("realisasi"),
            capaian=values.get("capaian"),
            entity=entity,
            reference=values.get("reference"),
            pos=pos,
        )


def _row_bbox(row: list) -> BBox | None:
    boxes = [c.bbox for c in row if c.bbox is not None]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _table_pos(stream: Stream, table: Table) -> int:
    """The stream position just before the table (the last line above it on its page)."""
    best = 0
    for i, item in enumerate(stream.placed):
        line = item.line
        if (line.page, line.bbox[1]) <= (table.page, table.bbox[1]):
            best = stream.starts[i] + len(line.text)
    return best


# ---------------------------------------------------------------------------------------------
# Prose

_TARGET_WORD = re.compile(r"\btarget\b", re.I)
_REALISED_BEFORE = re.compile(
    r"(sebesar|adalah|mencapai|hasil|realisasi|terealisasi|tercatat|memperoleh|diperoleh|"
    r"yaitu|nilai|menjadi|:)\s*(\(|\[)?\s*$",
    re.I,
)
_CAPAIAN_BEFORE = re.compile(
    r"(atau|capaian|capaiannya|sehingga|dengan|kinerjanya)\b[^.\d]{0,45}$", re.I
)
# A quarter's or a month's figure is not the year's.
_PART_OF_YEAR = re.compile(
    r"\b(triwulan|semester|tw\s*[1-4iv]+|bulan|januari|februari|maret|april|mei|juni|juli|"
    r"agustus|september|oktober|november|desember)\b",
    re.I,
)
_NOT_THIS_YEAR_TARGET = re.compile(r"jangka\s+menengah|renstra|rencana\s+strategis", re.I)
PROSE_PLACES = {
    "ikhtisar": "ikhtisar",
    "bab2": "bab2",
    "pk": "bab2",
    "bab3": "bab3-narrative",
    "bab4": "bab4",
}
_GAP = 80


def _years_ok(text: str, year: int | None) -> bool:
    """No year other than the report's is named in ``text``."""
    named = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    return not named or (year is not None and named <= {year})


def prose_statements(ctx: Context) -> Iterator[Statement]:
    """Statements from sentences naming a realisation and its target (either order).

    A target of another year (the Renstra's medium-term target) gives a statement marked
    ``other_year``: its capaian can be checked, but it is no statement of this year's target.
    """
    stream, text = ctx.stream, ctx.stream.text
    figures = [n for n in stream.numbers if not n.is_year]
    for match in _TARGET_WORD.finditer(text):
        k = match.start()
        item = stream.at(k)
        place = PROSE_PLACES.get(item.section)
        if place is None or item.in_table:
            continue
        target = next((n for n in figures if match.end() <= n.start <= match.end() + _GAP), None)
        if target is None or any(match.end() <= n.start < target.start for n in figures):
            continue
        realised = _realised(ctx, figures, k, target)
        if realised is None:
            continue
        first = min(k, realised.start)
        if _PART_OF_YEAR.search(text[max(0, first - 80) : first]):
            continue
        other_year = (
            not _years_ok(text[match.end() : target.start], ctx.year)
            or not _years_ok(text[max(0, first - 60) : first], ctx.year)
            or bool(_NOT_THIS_YEAR_TARGET.search(text[max(0, k - 80) : target.end]))
        )
        key = ctx.mention_in_sentence(first)
        if key is None:
            continue
        after = max(target.end, realised.end)
        capaian = _capaian_after(ctx, figures, after)
        yield Statement(
            name=ctx.names.name(key),
            key=key,
            place=place,
            year=ctx.year,
            page=stream.at(realised.start).line.page,
            bbox=stream.located(realised).bbox,
            raw=stream.at(realised.start).line.text,
            target=stream.located(target),
            realisasi=stream.located(realised),
            capaian=stream.located(capaian) if capaian else None,
            lower_is_better=bool(_LOWER_BETTER.search(text[max(0, first - 400) : after])),
            pos=realised.start,
            other_year=other_year,
        )


def _capaian_after(ctx: Context, figures: list[Num], after: int) -> Num | None:
    """The capaian percentage right after a statement's figures ("atau capaian sebesar 100%")."""
    text = ctx.stream.text
    return next(
        (
            n
            for n in figures
            if after <= n.start <= after + _GAP
            and n.stated.is_percent
            and _CAPAIAN_BEFORE.search(text[after : n.start])
            and not any(after <= m.start < n.start for m in figures)
        ),
        None,
    )


_REALISASI_WORD = re.compile(r"\b(realisasi|terealisasi)\b", re.I)
_REALISASI_VALUE = re.compile(
    r"^[^.\d]{0,90}?\b(sebesar|adalah|mencapai|yaitu|tercatat|menjadi)\s*$", re.I
)


def realisasi_statements(ctx: Context, taken: set[int]) -> Iterator[Statement]:
    """Sentences stating a realisation without its target ("realisasi ... adalah sebesar 3,96").

    ``taken`` holds the positions of figures already read as part of a fuller statement.
    """
    stream, text = ctx.stream, ctx.stream.text
    figures = [n for n in stream.numbers if not n.is_year]
    for match in _REALISASI_WORD.finditer(text):
        item = stream.at(match.start())
        place = PROSE_PLACES.get(item.section)
        if place is None or item.in_table:
            continue
        value = next((n for n in figures if match.end() <= n.start <= match.end() + 100), None)
        if value is None or value.start in taken or value.stated.is_percent:
            continue
        gap = text[match.end() : value.start]
        if not _REALISASI_VALUE.match(gap) or re.search(
            r"rata|target|anggaran|belanja|pnbp|rp", gap, re.I
        ):
            continue
        lead = text[max(0, match.start() - 60) : value.start]
        if not _years_ok(gap, ctx.year) or _PART_OF_YEAR.search(lead):
            continue
        key = ctx.mention_in_sentence(value.start)
        if key is None:
            continue
        yield Statement(
            name=ctx.names.name(key),
            key=key,
            place=place,
            year=ctx.year,
            page=stream.at(value.start).line.page,
            bbox=stream.located(value).bbox,
            raw=stream.at(value.start).line.text,
            realisasi=stream.located(value),
            pos=value.start,
        )


_NEW_SENTENCE = re.compile(
    r"[.;]\s+(?!(?:Nilai|Angka|Realisasi|Hasil|Capaian)\s+(?:ini|tersebut)\b)"
)


def _same_sentence(gap: str) -> bool:
    """No sentence ends in ``gap``, unless the next one refers back ("Nilai ini ...")."""
    return not _NEW_SENTENCE.search(gap)


def _realised(ctx: Context, figures: list[Num], k: int, target: Num) -> Num | None:
    """The realisation a "target" is compared with: just before it, or just after the target."""
    text = ctx.stream.text
    before = [n for n in figures if k - _GAP <= n.end <= k]
    if before:
        candidate = before[-1]
        lead = text[max(0, candidate.start - 30) : candidate.start]
        gap = text[candidate.end : k]
        same_kind = candidate.stated.is_percent == target.stated.is_percent
        if (
            same_kind
            and _REALISED_BEFORE.search(lead)
            and "target" not in gap.lower()
            and _same_sentence(gap)
        ):
            return candidate
    after = [n for n in figures if target.end < n.start <= target.end + _GAP]
    if after:
        candidate = after[0]
        gap = text[target.end : candidate.start]
        same_kind = candidate.stated.is_percent == target.stated.is_percent
        if same_kind and re.search(
            r"\b(realisasi|terealisasi|tercapai|mencapai|tercatat)\b", gap, re.I
        ):
            return candidate
    return None


_MENTION_WORDS = 8


def find_mentions(ctx: Context) -> list[tuple[int, str]]:
    """Every indicator mention in the stream, in order, with its key.

    A mention that matches no key read from a table becomes a key of its own when it reads
    like a full name (three words or more, not the generic "Nilai ...").
    """
    found = []
    text = ctx.stream.text
    for match in HEAD.finditer(text):
        tail = text[match.start() : match.start() + 160]
        end = _MENTION_END.search(tail, len(match.group()))
        phrase = " ".join((tail[: end.start()] if end else tail).split()[:_MENTION_WORDS])
        key = ctx.names.resolve(phrase)
        if key is None and match.group() != "Nilai" and len(normalise(phrase).split()) >= 3:
            key = ctx.names.key(phrase)
        if key:
            found.append((match.start(), key))
    for match in re.finditer(r"\b([A-Z]{3,4})\b", text):
        key = ctx.names.resolve(match.group(1))
        if key:
            found.append((match.start(), key))
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# The recognizer


_CITED_YEAR = re.compile(r"(?:Nomor|No\.?)\s*[\w.:/-]+\s+(?:Tahun|TAHUN)\s+(20\d\d)")


def document_year(doc: DocumentText, meta: DocumentMeta) -> int | None:
    """The report year: the metadata's, or the year named most often with "Tahun".

    Years of cited regulations ("Nomor 29 Tahun 2014") and periods ("Tahun 2020–2024") do
    not count.
    """
    if meta.year:
        return meta.year
    years: Counter[int] = Counter()
    for line in doc.lines()[:600]:
        cited = {m.start(1) for m in _CITED_YEAR.finditer(line.text)}
        for m in re.finditer(r"\b(?:Tahun|TAHUN)\s+(20\d\d)\b(?!\s*[-–—]\s*\d)", line.text):
            if m.start(1) not in cited:
                years[int(m.group(1))] += 1
    return years.most_common(1)[0][0] if years else None


_LAST: list[tuple[DocumentText, DocumentMeta, tuple[Context, list[Statement]]]] = []


def analyse(doc: DocumentText, meta: DocumentMeta) -> tuple[Context, list[Statement]]:
    """Read every indicator statement; returns the context (names, mentions) and statements.

    The ``indicators`` and ``claims`` recognizers both need this reading of the same
    document, so the last one is kept.
    """
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] == meta:
        return _LAST[0][2]
    result = _analyse(doc, meta)
    _LAST[:] = [(doc, meta, result)]
    return result


def _analyse(doc: DocumentText, meta: DocumentMeta) -> tuple[Context, list[Statement]]:
    year = document_year(doc, meta)
    ctx = Context(year=year, names=IndicatorNames(), stream=Stream(place_lines(doc, year)))
    # Rows first, PK before the rest, so that the PK's spelling becomes the key.
    rows = sorted(
        [*line_rows(ctx), *table_rows(ctx, doc)],
        key=lambda s: (s.place not in ("pk", "lampiran-pk"), s.pos),
    )
    ctx.mentions = find_mentions(ctx)
    # Comparison rows need the mention before them; read them again now that names are known.
    rows = [r for r in rows if r.place != "bab3-comparison"]
    rows += [r for r in [*line_rows(ctx), *table_rows(ctx, doc)] if r.place == "bab3-comparison"]
    prose = list(prose_statements(ctx))
    taken = {s.pos for s in prose}
    statements = rows + prose + list(realisasi_statements(ctx, taken))
    _mark_lower_is_better(statements, lower_is_better_keys(ctx))
    return ctx, sorted(statements, key=lambda s: s.pos)


def lower_is_better_keys(ctx: Context) -> set[str]:
    """Indicators the text says are better when smaller ("semakin kecil ... semakin baik")."""
    keys = set()
    for match in _LOWER_BETTER.finditer(ctx.stream.text):
        key = ctx.mention_before(match.start(), reach=600)
        if key:
            keys.add(key)
    return keys


def _mark_lower_is_better(statements: list[Statement], keys: set[str]) -> None:
    """An indicator the text says is lower-is-better is so in every place."""
    lower = keys | {s.key for s in statements if s.lower_is_better}
    for statement in statements:
        statement.lower_is_better = statement.key in lower


COLUMNS = [
    "name", "key", "place", "year", "target", "realisasi", "capaian", "unit",
    "lower_is_better", "entity", "reference", "page", "bbox", "raw",
]  # fmt: skip


@recognizer("indicators")
def recognize_indicators(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``indicators`` fact table: every statement of every indicator."""
    _, statements = analyse(doc, meta)
    rows = [
        replace(s, target=None, capaian=None).row() if s.other_year else s.row() for s in statements
    ]
    return {"indicators": pd.DataFrame(rows, columns=COLUMNS)}
