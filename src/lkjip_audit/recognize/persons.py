"""Signatories and staff lists: each NIP with the name printed next to it.

Signature blocks come in one column or side by side ("Pihak Kedua" left, "Pihak Pertama"
right), and the columns' rows need not line up. A NIP's name is therefore looked for in its
own column band, above it; where no other column holds a name (a two-NIP line under names
stacked in one column, as text extraction sometimes gives), the nearest names are taken in
order instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line, Word
from lkjip_audit.recognize import DocumentMeta, recognizer

# "NIP. 19870825 200801 1 001", "NIP: 198708252008011001", "NIP 1987..."; digits may be
# grouped by spaces or dots. Taken greedily so that a wrong length is seen, not hidden.
NIP = re.compile(r"\bNIP\s*[.:]?\s*[.:]?\s*(\d(?:[ .]?\d){5,25})", re.IGNORECASE)
NAME_LABEL = re.compile(r"^\s*Nama\s*:?\s*(.+)$", re.IGNORECASE)
# Words that make a line a job title, an office or a sentence rather than a person's name.
ROLE_WORDS = frozenset(
    """kepala seksi sub subseksi bagian subbagian tata usaha keimigrasian imigrasi kantor pihak
    pertama kedua direktur direktorat jenderal menteri kanwil kementerian divisi ttd mengetahui
    menyetujui kelas tpi lalu lintas izin tinggal intelijen penindakan teknologi informasi
    komunikasi infromasi pelayanan umum keuangan kepegawaian pejabat jabatan tahun laporan
    kinerja perjanjian nip nama wilayah hukum ham republik indonesia dan pada atas nomor
    januari februari maret april mei juni juli agustus september oktober november desember
    staf pelaksana plt plh a.n an urusan yang dengan untuk dalam rangka ini itu oleh dari
    sebagai tersebut bahwa dinas badan sekretaris sekretariat gubernur bupati walikota wali
    camat inspektur inspektorat provinsi kabupaten kota daerah bidang kabid kabag kasubag
    kasubbag kasi uptd""".split()
)
# A civil servant's rank (pangkat) and grade (golongan) are printed between the name and the
# NIP: "Pembina Utama Madya", "Pembina Tk. I", "Penata Muda Tingkat I", "IV/c".
RANK = re.compile(
    r"\b(?:Juru|Pengatur|Penata|Pembina)(?:\s+Utama)?(?:\s+(?:Muda|Madya))?\b"
    r"|(?<![A-Za-z])\(?(?:I{1,3}|IV)\s*/\s*[a-eA-E]\b",
)
LOWER_TITLE = re.compile(r"^(?:drg|drh|dr)\.\s*")
NAME_SEARCH_LINES = 8
MAX_NAME_WORDS = 8
COLUMN_TOLERANCE = 12.0
# A gap this wide between a name and a NIP on one row separates two signature columns.
COLUMN_GAP = 40.0
# A narrower gap still separates them where the word after it starts at the NIP's own left
# edge (a long name in the other column reaching close to this one); words of one name are
# a space apart.
GUTTER = 10.0
# A line of academic degrees only ("S.H.", "M.Si., M.M."): a title wrapped below its name.
DEGREES_ONLY = re.compile(r"(?:(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4}\.?,?\s*)+")


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A NIP as printed, the name it belongs to ("" when none is printed near), and its place."""

    name: str
    nip: str
    nip_raw: str
    page: int
    bbox: BBox
    raw: str


def is_name_like(text: str) -> bool:
    """Whether text reads like a person's name (with titles), not a role, a rank or a
    sentence."""
    text = text.strip(" ,;")
    if not text or len(text) > 80 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if DEGREES_ONLY.fullmatch(text):
        return False
    words = text.split()
    # Medical titles stay in lower case before the name: "dr. Budi", "drg. Siti", "dr.H. Dodo".
    if len(words) > MAX_NAME_WORDS or not LOWER_TITLE.sub("", text)[:1].isupper():
        return False
    plain = [w.strip(",.").lower() for w in words]
    if any(w in ROLE_WORDS for w in plain) or RANK.search(text):
        return False
    capitalised = sum(w[0].isupper() for w in words if w[0].isalpha())
    return capitalised >= 0.6 * len(words)


def _column_starts(lines: list[Line]) -> list[float]:
    """Left edges of the page's signature columns: where NIP labels open a column — at the
    start of a line, right after another NIP, or far right of the text before it (the other
    column's name on the same row) — not right after a name ("Rudi Hartono NIP. ...")."""
    starts: list[float] = []
    for line in lines:
        previous_end = 0
        for match in NIP.finditer(line.text):
            x0 = line.span_bbox(*match.span())[0]
            before = line.text[previous_end : match.start()]
            opens_column = (
                not before.strip()
                or x0 - line.span_bbox(previous_end, match.start())[2] >= COLUMN_GAP
            )
            previous_end = match.end()
            if opens_column and all(abs(x0 - s) > COLUMN_TOLERANCE * 3 for s in starts):
                starts.append(x0)
    return sorted(starts)


def _band(starts: list[float], x0: float) -> tuple[float, float]:
    """The x-range of the column holding ``x0``; the first column reaches the left edge,
    because names are often centred or indented above their NIP."""
    index = sum(s <= x0 + COLUMN_TOLERANCE for s in starts) - 1
    low = starts[index] - COLUMN_TOLERANCE if index > 0 else 0.0
    high = starts[index + 1] - COLUMN_TOLERANCE if index + 1 < len(starts) else float("inf")
    return low, high


def _band_text(line: Line, band: tuple[float, float], anchor: float) -> str:
    """The words of ``line`` in ``band``; when a wide gap splits them (a column whose
    signatory has no NIP, such as a Bupati's, shares the band), the group nearest the NIP's
    left edge ``anchor``."""
    words: list[Word] = [w for w in line.words if band[0] <= w.bbox[0] < band[1]]
    groups: list[list[Word]] = []
    for word in words:
        gap = word.bbox[0] - groups[-1][-1].bbox[2] if groups else 0.0
        at_anchor = abs(word.bbox[0] - anchor) <= COLUMN_TOLERANCE and gap >= GUTTER
        if groups and gap < COLUMN_GAP and not at_anchor:
            groups[-1].append(word)
        else:
            groups.append([word])
    if len(groups) > 1:
        words = min(groups, key=lambda g: max(0.0, g[0].bbox[0] - anchor, anchor - g[-1].bbox[2]))
    return " ".join(w.text for w in words)


def _label(text: str) -> str:
    labelled = NAME_LABEL.match(text)
    return labelled.group(1) if labelled else text


def _name_in_band(
    lines: list[Line], index: int, band: tuple[float, float], anchor: float
) -> str | None:
    """The nearest name above ``lines[index]`` within the column ``band`` of the NIP whose
    left edge is ``anchor``."""
    for line in reversed(lines[max(0, index - NAME_SEARCH_LINES) : index]):
        text = _band_text(line, band, anchor)
        if NIP.search(text):
            return None
        candidate = _label(text).strip(" ,;")
        if is_name_like(candidate):
            return candidate
    return None


def _stacked_names(lines: list[Line], index: int, wanted: int) -> list[str]:
    """The ``wanted`` nearest whole name lines above ``index``, in reading order."""
    names: list[str] = []
    for line in reversed(lines[max(0, index - NAME_SEARCH_LINES * 2) : index]):
        if NIP.search(line.text):
            break
        candidate = _label(line.text).strip(" ,;")
        if is_name_like(candidate):
            names.insert(0, candidate)
            if len(names) == wanted:
                break
    return names


def _page_persons(lines: list[Line]) -> Iterator[PersonHit]:
    starts = _column_starts(lines)
    for index, line in enumerate(lines):
        matches = list(NIP.finditer(line.text))
        if not matches:
            continue
        boxes = [line.span_bbox(*m.span()) for m in matches]
        bands = [_band(starts, box[0]) for box in boxes]
        names = []
        for match, box, band in zip(matches, boxes, bands, strict=True):
            # A name printed on the NIP's own line, before it: "Rudi Hartono NIP. 1987...".
            before = [w for w in line.words if w.bbox[0] < box[0] and w.bbox[0] >= band[0]]
            inline = _label(" ".join(w.text for w in before)).strip(" ,;")
            own_column_start = match.start() == 0 or not inline
            inline_name = inline if is_name_like(inline) and not own_column_start else None
            names.append(inline_name or _name_in_band(lines, index, band, box[0]))
        if len(matches) > 1 and not any(names[1:]):
            stacked = _stacked_names(lines, index, len(matches))
            names = [None] * (len(matches) - len(stacked)) + stacked
        for match, box, name in zip(matches, boxes, names, strict=True):
            nip_raw = match.group(1).strip()
            yield PersonHit(
                name=name or "",
                nip=re.sub(r"\D", "", nip_raw),
                nip_raw=nip_raw,
                page=line.page,
                bbox=box,
                raw=line.text,
            )


def find_persons(doc: DocumentText) -> Iterator[PersonHit]:
    """Every NIP of the document with the name printed beside or above it."""
    for page in doc.pages:
        yield from _page_persons(page.lines)


@recognizer("persons")
def recognize_persons(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``persons`` fact table."""
    columns = ["name", "nip", "nip_raw", "page", "bbox", "raw"]
    rows = [{c: getattr(hit, c) for c in columns} for hit in find_persons(doc)]
    return {"persons": pd.DataFrame(rows, columns=columns)}
