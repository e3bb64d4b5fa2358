"""Read the recap's rows from text lines: LAMPIRAN I (IKM/IKI) and LAMPIRAN II (IPK).

Every recap row is a line that ends with numbers: four for LAMPIRAN I (IKM value,
respondents, IKI value, respondents), six for LAMPIRAN II (internal, external and total
respondents and index; a Rudenim prints "-" and only the total), two for a national row
(respondents, index). The unit's name is the text before the numbers, preceded by the
lines of a wrapped name. Notes ("Responden Eksternal Kurang memadai ...") follow the row
they belong to, on the same line or below it. Repeated page headers are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from lkjip_audit.extract.model import BBox, Line, union_bbox
from lkjip_audit.rekap.model import IKM, IPK

NUMBER_TOKEN = re.compile(r"^\d+(?:[.,]\d+)*%?$")
DASH_TOKEN = re.compile(r"^[-–—]+$")
KODE = re.compile(r"^\d{5,9}$")
LEADING_KODE = re.compile(r"^\d{5,9}\s+(?=\D)")
ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?\s+(?=\d{5,9}\s|[^\W\d])")

# The first words of a unit's name in the recap; a wrapped name starts at such a line.
UNIT_START = re.compile(
    r"^(?:\d{5,9}\s|IPK\s+KANWIL|DIVISI\b|KANWIL\b|KANTOR\b|KANIM\b|RUDENIM\b|RUMAH\s+DETENSI"
    r"|DIREKTORAT\b|DITJEN\b|INDEKS\b|UPT\b|POS\b|TEMPAT\s+PEMERIKSAAN)",
    re.IGNORECASE,
)
REGION_NAME = re.compile(r"\bKANWIL\b|\bKANTOR\s+WILAYAH\b|^DIVISI\b", re.IGNORECASE)
NATIONAL_NAME = re.compile(
    r"\bnasional\b|\bdirektorat\s+jenderal\b|\bditjen\b|^(?:total|jumlah)\b", re.IGNORECASE
)
SURVEY_IKM = re.compile(r"masyarakat|\bikm\b|internal|\biki\b", re.IGNORECASE)
"""A national row's label naming LAMPIRAN I's surveys (IKM, IKI) rather than the IPK."""
NATIONAL_HEADING = re.compile(r"\bnasional\b", re.IGNORECASE)
NOTE_START = re.compile(
    r"\bresponden\b[^0-9]{0,40}?\b(?:kurang|tidak)\s+memadai|\b(?:kurang|tidak)\s+memadai",
    re.IGNORECASE,
)
NOTE_WORD = re.compile(r"\b(?:responden|kurang\s+memadai|tidak\s+memadai)\b", re.IGNORECASE)
NOTE_END = re.compile(r"lkjip\.?\s*$", re.IGNORECASE)
TIGHT_GAP = 0.5
"""A line belongs to the cell text of the row above when the gap between them is less than
this fraction of the row's line height (wrapped cell text is set with tight leading)."""
MAX_NOTE_LINES = 4
MAX_NAME_LINES = 3

IKM_ANCHOR = re.compile(
    r"\b(?:daftar|rekap\w*|rerata)\b.*\b(?:kepuasan\s+masyarakat|ikm)\b", re.IGNORECASE
)
IPK_ANCHOR = re.compile(
    r"\b(?:daftar|rekap\w*|rerata)\b.*\b(?:pengamanan\s+keimigrasian|ipk)\b", re.IGNORECASE
)

# Words of the recap's column headers and page headers: a line made only of them is not
# part of a unit's name.
HEADER_WORDS = frozenset(
    """kode satker nama satuan kerja wilayah indeks kepuasan masyarakat internal eksternal
    layanan nilai responden resp jml jumlah total ipk ket keterangan no unit jenis survei
    lampiran i ii iii rata rata-rata nasional grade index indeks
    """.split()
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One numeric cell as printed ("-" for an empty one), with its box."""

    raw: str
    bbox: BBox | None


@dataclass(slots=True)
class TextRow:
    """A recap row read from lines, before its numbers are parsed."""

    lampiran: str
    name: str
    kode: str
    cells: list[Cell]
    page: int
    bbox: BBox | None
    raw: str
    national: bool = False
    note: list[str] = field(default_factory=list)

    @property
    def note_text(self) -> str:
        """The note below or beside the row, its lines joined."""
        return " ".join(self.note)


@dataclass(slots=True)
class _Tail:
    """The numbers a line ends with, the text before them and a note after them."""

    prefix: str
    cells: list[Cell]
    note: str


def _is_value(token: str) -> bool:
    return bool(NUMBER_TOKEN.match(token) or DASH_TOKEN.match(token))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _trailing_values(text: str) -> tuple[list[tuple[int, int, str]], int]:
    """The tokens of ``text`` and the index of the first of its trailing value tokens."""
    tokens = _tokens(text)
    first_value = len(tokens)
    while first_value > 0 and _is_value(tokens[first_value - 1][2]):
        first_value -= 1
    return tokens, first_value


def split_tail(line: Line) -> _Tail:
    """Split a line into the name before its trailing numbers, the numbers, and a note.

    A note printed in a column right of the numbers ("... 11 3.64 Responden Eksternal")
    starts at its first note word, once the text before it ends with numbers.
    """
    text, note = line.text, ""
    found = NOTE_WORD.search(text)
    if found and found.start() > 0:
        tokens, first_value = _trailing_values(text[: found.start()])
        if len(tokens) - first_value >= 2:
            text, note = text[: found.start()], text[found.start() :].strip()
    tokens, first_value = _trailing_values(text)
    cells = [Cell(tok, line.span_bbox(start, end)) for start, end, tok in tokens[first_value:]]
    prefix = text[: tokens[first_value][0]] if first_value < len(tokens) else text
    return _Tail(prefix=prefix.strip(), cells=cells, note=note)


def row_shape(cells: list[Cell]) -> str | None:
    """Which lampiran a run of trailing cells fits: IPK (6, or "-" + 2), IKM (4), or None."""
    raws = [c.raw for c in cells]
    if len(raws) >= 6:
        return IPK
    if len(raws) >= 3 and DASH_TOKEN.match(raws[-3]):
        return IPK
    if len(raws) in (4, 5):
        return IKM
    return None


def is_header_line(text: str) -> bool:
    """Whether a line holds only column-header words (repeated on every page)."""
    words = [w for w in re.split(r"[\s/().,:*-]+", text.lower()) if w]
    return bool(words) and all(w in HEADER_WORDS for w in words)


def starts_unit(text: str) -> bool:
    """Whether a line starts a unit's name (after a row number, if any)."""
    return bool(UNIT_START.match(ROW_NUMBER.sub("", text)))


def _name_from(buffer: list[Line], prefix: str) -> tuple[str, list[Line]]:
    """The unit name of a row: its own prefix, preceded by the lines of a wrapped name."""
    if starts_unit(prefix):
        return prefix, []
    start = max(0, len(buffer) - MAX_NAME_LINES)
    for i in range(len(buffer) - 1, start - 1, -1):
        if starts_unit(buffer[i].text):
            start = i
            break
    used = buffer[start:]
    name = " ".join([*(line.text for line in used), prefix]).strip()
    return re.sub(r"\s+", " ", name), used


def _split_kode(name: str) -> tuple[str, str]:
    """The kode satker printed before a name, and the name; a row number ("12", "12.")
    before either is dropped."""
    name = ROW_NUMBER.sub("", name)
    head, _, rest = name.partition(" ")
    if KODE.match(head) and rest:
        return head, rest.strip()
    return "", name


def _section_of(text: str) -> str | None:
    if IPK_ANCHOR.search(text):
        return IPK
    if IKM_ANCHOR.search(text):
        return IKM
    return None


@dataclass(frozen=True, slots=True)
class _OpenRow:
    """The row just read, while lines below it may still continue its cells."""

    row: TextRow
    page: int
    bottom: float
    height: float
    values_x0: float
    values_x1: float

    @classmethod
    def after(cls, row: TextRow, line: Line, tail: _Tail) -> _OpenRow | None:
        boxes = [c.bbox for c in tail.cells if c.bbox is not None]
        if not boxes:
            return None
        _, top, _, bottom = line.bbox
        return cls(row, line.page, bottom, bottom - top, boxes[0][0], boxes[-1][2])

    def tight_below(self, line: Line) -> bool:
        """Whether ``line`` sits right below, closer than rows sit to each other."""
        gap = line.bbox[1] - self.bottom
        return line.page == self.page and -1.0 <= gap < TIGHT_GAP * self.height

    def takes_name(self, text: str) -> bool:
        """Whether ``text`` can be the rest of a wrapped unit name."""
        return not (
            starts_unit(text)
            or NOTE_WORD.search(text)
            or is_header_line(text)
            or any(ch.isdigit() for ch in text)
        )


@dataclass(slots=True)
class _Reader:
    """The state of reading lines in order: section, pending name lines, open note."""

    anchored: bool
    section: str | None = None
    buffer: list[Line] = field(default_factory=list)
    rows: list[TextRow] = field(default_factory=list)
    note_row: TextRow | None = None
    note_lines: int = 0
    national: bool = False
    open_row: _OpenRow | None = None

    def feed(self, line: Line) -> None:
        text = line.text.strip()
        if not text:
            return
        section = _section_of(text)
        if section:
            self.section, self.buffer, self.note_row = section, [], None
            self.national = False
            return
        if self.anchored and self.section is None:
            return
        if self._continue_row(line) or self._continue_note(line):
            return
        tail = split_tail(line)
        row = self._row(line, tail)
        if row is not None:
            self.rows.append(row)
            self.open_row = _OpenRow.after(row, line, tail)
            self.buffer = []
            self.note_row = row if tail.note else None
            self.note_lines = 1 if tail.note else 0
            if tail.note:
                row.note.append(tail.note)
            return
        if NOTE_START.search(text) and self.rows:
            self.note_row, self.note_lines = self.rows[-1], 1
            self.rows[-1].note.append(text)
            self.buffer = []
            return
        self.note_row = None
        self.national = self.national or bool(NATIONAL_HEADING.search(text))
        # A line with numbers that is no row (a date, a letter number) ends a wrapped name;
        # a kode satker before a wrapped name does not.
        name_part = LEADING_KODE.sub("", ROW_NUMBER.sub("", text))
        if is_header_line(text) or any(ch.isdigit() for ch in name_part):
            self.buffer = []
        else:
            self.buffer.append(line)

    def _continue_row(self, line: Line) -> bool:
        """Take a line into the cells of the row above it (a name or note wrapped inside its
        table cell, printed below the row's numbers), judged by where its words stand."""
        open_row, self.open_row = self.open_row, None
        if open_row is None or not open_row.tight_below(line):
            return False
        name = " ".join(w.text for w in line.words if w.bbox[2] <= open_row.values_x0)
        note = " ".join(w.text for w in line.words if w.bbox[0] >= open_row.values_x1)
        if len(name.split()) + len(note.split()) != len(line.words):
            return False
        if name and not open_row.takes_name(name):
            return False
        row = open_row.row
        if name:
            row.name = f"{row.name} {name}"
        if note:
            row.note.append(note)
        row.raw = f"{row.raw} {line.text}"
        row.bbox = union_bbox([b for b in (row.bbox, line.bbox) if b is not None])
        self.open_row = replace(open_row, bottom=line.bbox[3])
        return True

    def _continue_note(self, line: Line) -> bool:
        row = self.note_row
        if row is None or NOTE_END.search(row.note_text) or self.note_lines >= MAX_NOTE_LINES:
            self.note_row = None
            return False
        text = line.text.strip()
        if starts_unit(text) or is_header_line(text) or row_shape(split_tail(line).cells):
            self.note_row = None
            return False
        row.note.append(text)
        self.note_lines += 1
        return True

    def _row(self, line: Line, tail: _Tail) -> TextRow | None:
        shape = row_shape(tail.cells)
        if shape is not None and self.section in (None, shape):
            name, used = _name_from(self.buffer, tail.prefix)
            if not name:
                return None
            width = 6 if shape == IPK else 4
            cells = tail.cells[-width:] if len(tail.cells) >= width else tail.cells[-3:]
            return self._make(shape, name, cells, line, used)
        national = self.national or NATIONAL_NAME.search(tail.prefix)
        plain = len(tail.cells) == 2 and not any(DASH_TOKEN.match(c.raw) for c in tail.cells)
        if plain and tail.prefix and national:
            lampiran = self.section or (IKM if SURVEY_IKM.search(tail.prefix) else IPK)
            row = self._make(lampiran, tail.prefix, tail.cells[-2:], line, [])
            row.national = True
            return row
        return None

    def _make(
        self, lampiran: str, name: str, cells: list[Cell], line: Line, used: list[Line]
    ) -> TextRow:
        kode, name = _split_kode(name)
        same_page = [u for u in used if u.page == line.page]
        return TextRow(
            lampiran=lampiran,
            name=name,
            kode=kode,
            cells=cells,
            page=line.page,
            bbox=union_bbox([u.bbox for u in same_page] + [line.bbox]),
            raw=" ".join([*(u.text for u in used), line.text]),
            national=bool(NATIONAL_NAME.search(name)) and not REGION_NAME.search(name),
        )


def read_rows(lines: Iterable[Line], *, anchored: bool) -> list[TextRow]:
    """The recap rows found in ``lines``, in order.

    With ``anchored`` (a recap attached inside a report), rows count only after a recap
    heading ("DAFTAR ... KEPUASAN MASYARAKAT", "DAFTAR ... PENGAMANAN KEIMIGRASIAN");
    otherwise every line of the right shape is a row, and headings only narrow the shape.
    """
    reader = _Reader(anchored=anchored)
    for line in lines:
        reader.feed(line)
    return reader.rows
