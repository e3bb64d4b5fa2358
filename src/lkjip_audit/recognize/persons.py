"""Signatories and staff lists: each NIP with the name printed next to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.recognize import DocumentMeta, recognizer

# "NIP. 19870825 200801 1 001", "NIP: 198708252008011001", "NIP 1987..."; digits may be
# grouped by spaces or dots. Taken greedily so that a wrong length is seen, not hidden.
NIP = re.compile(r"\bNIP\s*[.:]?\s*[.:]?\s*(\d(?:[ .]?\d){5,25})", re.IGNORECASE)
NAME_LABEL = re.compile(r"^\s*Nama\s*:?\s*(.+)$", re.IGNORECASE)
# Words that make a line a job title, an office or a formula rather than a person's name.
ROLE_WORDS = frozenset(
    """kepala seksi sub subseksi bagian subbagian tata usaha keimigrasian imigrasi kantor pihak
    pertama kedua direktur direktorat jenderal menteri kanwil kementerian divisi ttd mengetahui
    menyetujui kelas tpi lalu lintas izin tinggal intelijen penindakan teknologi informasi
    komunikasi infromasi pelayanan umum keuangan kepegawaian pejabat jabatan tahun laporan
    kinerja perjanjian nip nama wilayah hukum ham republik indonesia dan pada atas nomor
    januari februari maret april mei juni juli agustus september oktober november desember
    staf pelaksana plt plh a.n an""".split()
)
NAME_SEARCH_LINES = 12


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
    """Whether a line reads like a person's name (with titles), not a role or a sentence."""
    text = text.strip()
    if not text or len(text) > 80 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    words = [w.strip(",.").lower() for w in text.split()]
    if not words or len(words) > 10 or not text[0].isupper():
        return False
    return not any(w in ROLE_WORDS for w in words)


def _name_before(text: str) -> str | None:
    candidate = text.strip(" ,;")
    return candidate if is_name_like(candidate) else None


def _names_above(lines: list[Line], index: int, wanted: int) -> list[str]:
    """The ``wanted`` nearest name-like lines above ``index`` on the same page, nearest last."""
    names: list[str] = []
    for line in reversed(lines[max(0, index - NAME_SEARCH_LINES) : index]):
        if line.page != lines[index].page or NIP.search(line.text):
            break
        labelled = NAME_LABEL.match(line.text)
        text = labelled.group(1) if labelled else line.text
        if is_name_like(text):
            names.insert(0, text.strip())
            if len(names) == wanted:
                break
    return names


def find_persons(lines: list[Line]) -> Iterator[PersonHit]:
    """Every NIP in ``lines`` with the name printed beside or above it."""
    for index, line in enumerate(lines):
        matches = list(NIP.finditer(line.text))
        if not matches:
            continue
        inline = _name_before(line.text[: matches[0].start()])
        above = [] if inline else _names_above(lines, index, len(matches))
        for position, match in enumerate(matches):
            if inline and position == 0:
                name = inline
            else:
                # Names above a row of NIPs stand in the same left-to-right order.
                offset = position - (len(matches) - len(above))
                name = above[offset] if offset >= 0 else None
            nip_raw = match.group(1).strip()
            yield PersonHit(
                name=name or "",
                nip=re.sub(r"\D", "", nip_raw),
                nip_raw=nip_raw,
                page=line.page,
                bbox=line.span_bbox(*match.span()),
                raw=line.text,
            )


@recognizer("persons")
def recognize_persons(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``persons`` fact table."""
    columns = ["name", "nip", "nip_raw", "page", "bbox", "raw"]
    rows = [{c: getattr(hit, c) for c in columns} for hit in find_persons(doc.lines())]
    return {"persons": pd.DataFrame(rows, columns=columns)}
