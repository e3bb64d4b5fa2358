"""Lay the seed report's plain text out as a PDF, page by page, and write its truth file.

The seed (``corpus/data/seed/000_69e92abe84ac6830.txt``) is the text of one real LKjIP,
extracted from a PDF. It carries no form feeds; page boundaries survive only as traces of
the extraction, so :func:`split_pages` reads them back with three rules:

1. **Printed page number.** A line holding only a roman or arabic page number ("iii",
   "22"), preceded by two empty lines and followed by a whitespace-only line, is the
   running header of a new page: the page starts at that line. (Checked against the Daftar
   Isi: "iii" precedes DAFTAR ISI, "iv" the Ikhtisar, "22" the page the Daftar Isi counts
   as 22.) Numbers inside formulas or tables ("1" in the IPK formula) are not preceded by
   two empty lines and do not count.
2. **Indented first line.** The extractor starts every page's first line with a space, and
   separates lines of one page with an empty line; so a line that begins with whitespace
   and directly follows a non-empty line starts a new page. Signature blocks are the
   exception: there the extractor indents the "NIP ..." line under the name and the next
   title under the NIP, so a line starting with "NIP" or following one does not start a
   page. With rules 1 and 2 every chapter and section lands on the page the Daftar Isi
   gives for it (BAB I on printed page 1 ... LAMPIRAN on 35).
3. **Unmarked stretches.** The lampiran (PK, screenshots, the Ditjen recap letter and its
   tables) has no such traces. A stretch taller than 1.5 pages is filled page by page and
   cut at the longest run of empty lines in the second half of each page, so that a table
   row (never separated by an empty line from its continuation) is not split.

Each text line becomes exactly one drawn line (recognizers rely on it): a line too wide
for the page is drawn in a smaller font, never wrapped; a page holding more than fits gets
a smaller leading. Empty lines are kept as small vertical gaps. The font is Bitstream Vera
bundled with reportlab (covers "…", "“", "–", "∑", "≥", "—"), so the output is the same on
every machine; ``invariant=1`` makes it byte-identical between runs.

The truth file (``corpus/truth/seed.json``) is generated from :data:`SEED_DEFECTS`: every
defect names text snippets, and :meth:`SeedLayout.locate` turns them into physical pages.

    python -m corpus.seed_pdf --out corpus/out/seed.pdf [--text PATH]
    python -m corpus.seed_pdf --truth corpus/truth/seed.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from corpus.model import UNSUR_SKM

DEFAULT_TEXT = Path(__file__).resolve().parent / "data" / "seed" / "000_69e92abe84ac6830.txt"
SEED_FILE = "seed.pdf"
SEED_SATKER = "Kantor Imigrasi Kelas II TPI Belakang Padang"
SEED_KODE_SATKER = "408128"
SEED_YEAR = 2023
TRUTH_SCHEMA = "lkjip-audit/truth@1"

FONT = "CorpusSans"
FONT_BOLD = "CorpusSans-Bold"
_FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
FONT_FILES = {FONT: _FONT_DIR / "Vera.ttf", FONT_BOLD: _FONT_DIR / "VeraBd.ttf"}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 56.0
MARGIN_RIGHT = 48.0
MARGIN_TOP = 56.0
MARGIN_BOTTOM = 48.0
FONT_SIZE = 10.0
TEXT_LEADING = 12.0
BLANK_LEADING = 5.0
BODY_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
BODY_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
# An unmarked stretch up to this many pages tall is one real (dense) page, not several.
SPLIT_THRESHOLD = 1.5

_PAGE_NUMBER = re.compile(r"[ivxlc]{1,6}|\d{1,3}")


def register_fonts() -> str:
    """Register the corpus TTF fonts with reportlab (idempotent); return the regular name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return FONT


def read_lines(text_path: Path) -> tuple[str, ...]:
    """The seed text as lines, without line terminators."""
    return tuple(Path(text_path).read_text(encoding="utf-8").split("\n"))


def _is_page_number(lines: Sequence[str], i: int) -> bool:
    return (
        2 <= i < len(lines) - 1
        and _PAGE_NUMBER.fullmatch(lines[i].strip()) is not None
        and lines[i - 1] == ""
        and lines[i - 2] == ""
        and lines[i + 1] != ""
        and lines[i + 1].strip() == ""
    )


def _is_indented_page_start(lines: Sequence[str], i: int) -> bool:
    line, previous = lines[i], lines[i - 1].strip()
    text = line.strip()
    return (
        line[:1].isspace()
        and bool(text)
        and bool(previous)
        and not text.startswith("NIP")
        and not previous.startswith("NIP")
    )


def _marked_starts(lines: Sequence[str]) -> list[int]:
    starts = [0]
    for i in range(1, len(lines)):
        if _is_page_number(lines, i) or _is_indented_page_start(lines, i):
            starts.append(i)
    return starts


def _line_height(line: str) -> float:
    return TEXT_LEADING if line.strip() else BLANK_LEADING


def _height(lines: Sequence[str], start: int, stop: int) -> float:
    return sum(_line_height(lines[i]) for i in range(start, stop))


def _cut_point(lines: Sequence[str], start: int, full: int) -> int:
    """Where to end a page filled from ``start`` up to ``full``: after the longest run of
    empty lines in its second half (the latest on ties), else at ``full``."""
    best, best_run, run = full, 0, 0
    for i in range(start + (full - start) // 2, full):
        if lines[i].strip():
            if run and run >= best_run:
                best, best_run = i, run
            run = 0
        else:
            run += 1
    return best


def _split_unmarked(lines: Sequence[str], start: int, stop: int) -> list[tuple[int, int]]:
    pages = []
    while _height(lines, start, stop) > BODY_HEIGHT:
        full, used = start, 0.0
        while full < stop and used + _line_height(lines[full]) <= BODY_HEIGHT:
            used += _line_height(lines[full])
            full += 1
        cut = _cut_point(lines, start, full)
        pages.append((start, cut))
        start = cut
    pages.append((start, stop))
    return pages


def split_pages(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Physical pages as ``(start, stop)`` 0-based line ranges (see the module docstring)."""
    bounds = [*_marked_starts(lines), len(lines)]
    pages: list[tuple[int, int]] = []
    for start, stop in itertools.pairwise(bounds):
        if _height(lines, start, stop) > SPLIT_THRESHOLD * BODY_HEIGHT:
            pages.extend(_split_unmarked(lines, start, stop))
        else:
            pages.append((start, stop))
    return pages


def _normalize(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class SeedLayout:
    """Which source lines went to which physical page.

    ``pages[k]`` is the 1-based ``(first, last)`` source line range of physical page ``k + 1``.
    """

    lines: tuple[str, ...]
    pages: tuple[tuple[int, int], ...]

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> SeedLayout:
        """The layout :func:`render_seed_pdf` uses for these lines."""
        spans = tuple((start + 1, stop) for start, stop in split_pages(lines))
        return cls(lines=tuple(lines), pages=spans)

    def page_of_line(self, line_no: int) -> int:
        """The physical page (1-based) that holds source line ``line_no`` (1-based)."""
        for page, (first, last) in enumerate(self.pages, start=1):
            if first <= line_no <= last:
                return page
        raise ValueError(f"line {line_no} is outside the text")

    def find_lines(self, snippet: str, *, after: str | None = None) -> list[int]:
        """1-based numbers of the lines containing ``snippet`` (whitespace-insensitive).

        With ``after``, only the first match after the first line containing ``after``.
        """
        wanted = _normalize(snippet)
        start = 0
        if after is not None:
            anchors = self.find_lines(after)
            if not anchors:
                return []
            start = anchors[0]
        hits = [i + 1 for i in range(start, len(self.lines)) if wanted in _normalize(self.lines[i])]
        return hits[:1] if after is not None else hits

    def locate(self, snippet: str, *, after: str | None = None) -> list[int]:
        """Physical pages on which ``snippet`` is drawn (see :meth:`find_lines`)."""
        return sorted({self.page_of_line(n) for n in self.find_lines(snippet, after=after)})

    def page_text(self, page: int) -> str:
        """The source text of one physical page (1-based)."""
        first, last = self.pages[page - 1]
        return "\n".join(self.lines[first - 1 : last])


def locate(
    text_snippet: str, *, after: str | None = None, layout: SeedLayout | None = None
) -> list[int]:
    """Physical pages of the seed PDF on which ``text_snippet`` is drawn."""
    layout = layout or SeedLayout.from_lines(read_lines(DEFAULT_TEXT))
    return layout.locate(text_snippet, after=after)


def _draw_page(pdf: canvas.Canvas, lines: Sequence[str]) -> None:
    height = sum(_line_height(line) for line in lines)
    scale = min(1.0, BODY_HEIGHT / height) if height else 1.0
    cursor = PAGE_HEIGHT - MARGIN_TOP
    for line in lines:
        cursor -= _line_height(line) * scale
        text = line.rstrip()
        if not text:
            continue
        size = FONT_SIZE * scale
        width = pdfmetrics.stringWidth(text, FONT, size)
        if width > BODY_WIDTH:
            size *= BODY_WIDTH / width
        pdf.setFont(FONT, size)
        pdf.drawString(MARGIN_LEFT, cursor, text)


def render_seed_pdf(text_path: Path, out_path: Path) -> SeedLayout:
    """Write the seed text as a PDF to ``out_path``; return the page layout used."""
    register_fonts()
    layout = SeedLayout.from_lines(read_lines(text_path))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(out_path), pagesize=A4, invariant=1)
    pdf.setTitle(f"Laporan Kinerja {SEED_SATKER} Tahun {SEED_YEAR}")
    for first, last in layout.pages:
        _draw_page(pdf, layout.lines[first - 1 : last])
        pdf.showPage()
    pdf.save()
    return layout


@dataclass(frozen=True)
class Snippet:
    """Text that shows a defect. Must occur exactly once, unless ``every`` (all occurrences)
    or ``after`` (the first occurrence after the first line containing that anchor)."""

    text: str
    after: str | None = None
    every: bool = False


@dataclass(frozen=True)
class SeedDefect:
    """One real defect of the seed report, as a reviewer would note it."""

    category: str
    description: str
    injected: str
    snippets: tuple[Snippet, ...]
    severity: str | None = None


def _at(text: str, after: str | None = None) -> tuple[Snippet, ...]:
    return (Snippet(text, after),)


_SKM_ROWS = (
    "Informasi 4 4 3,96 4 4 4 4 4 3,92 3,67 4 3,85",
    "Persyaratan 4 4 3,96 3,98 4 4 4 4 3,90 3,71 4 3,88",
    "Prosedur/ Alur 4 4 3,96 3,98 4 4 4 4 3,96 3,65 4 3,90",
    "4 4 3,96 4 4 4 4 4 3,94 3,71 4 3,94",
    "Tarif/ Biaya 4 4 3,96 4 4 4 4 4 3,98 3,71 4 3,94",
    "4 4 3,96 4 4 3,90 4 4 3,92 3,75 3,98 3,81",
    "Respon 4 4 3,96 4 4 4 4 4 3,94 3,75 3,98 3,85",
    "4 4 3,96 4 4 4 4 4 3,98 3,79 4 3,88",
)

# (unsur index, month, printed value, respondents): monthly unsur means that no whole
# number of 1..4 answers over that month's respondents can give (GRIM), read off the grid.
GRIM_CELLS: tuple[tuple[int, str, str, int], ...] = (
    (0, "MAR", "3,96", 32),
    (0, "SEPT", "3,92", 31),
    (0, "OKT", "3,67", 31),
    (0, "DES", "3,85", 31),
    (1, "MAR", "3,96", 32),
    (1, "APR", "3,98", 32),
    (1, "DES", "3,88", 31),
    (2, "MAR", "3,96", 32),
    (2, "APR", "3,98", 32),
    (2, "SEPT", "3,96", 31),
    (3, "MAR", "3,96", 32),
    (4, "MAR", "3,96", 32),
    (4, "SEPT", "3,98", 31),
    (5, "MAR", "3,96", 32),
    (5, "SEPT", "3,92", 31),
    (5, "OKT", "3,75", 31),
    (5, "NOV", "3,98", 31),
    (6, "MAR", "3,96", 32),
    (6, "OKT", "3,75", 31),
    (6, "NOV", "3,98", 31),
    (6, "DES", "3,85", 31),
    (7, "MAR", "3,96", 32),
    (7, "SEPT", "3,98", 31),
    (7, "OKT", "3,79", 31),
    (7, "DES", "3,88", 31),
)


def _grim_defects() -> tuple[SeedDefect, ...]:
    return tuple(
        SeedDefect(
            "ikm-recompute",
            f"SKM grid: {UNSUR_SKM[unsur]} in {month} is {value} with {n} respondents; no whole "
            f"number of 1..4 answers divided by {n} rounds to {value} (GRIM)",
            value,
            _at(_SKM_ROWS[unsur]),
            severity="warning",
        )
        for unsur, month, value, n in GRIM_CELLS
    )


_PLACEHOLDERS: tuple[tuple[str, str | None, str], ...] = (
    ("A. Capaian Kinerja [Satuan Kerja]", None, "Daftar Isi entry keeps [Satuan Kerja]"),
    ("inovasi [sebutkan inovasi]", None, "Aspek Strategis keeps [sebutkan inovasi]"),
    ("[3,18 (contoh)]", None, "annual SKM value left as the template example [3,18 (contoh)]"),
    ("= […%]", "Capaian IKM:", "IKM capaian formula result left as […%]"),
    ("sebesar […] dan", "Sumber: Peraturan MENPAN-RB", "IKM 2022 comparison value left as […]"),
    ("2021 sebesar […], realisasi Indeks Kepuasan Masyarakat", None, "IKM 2021 value […]"),
    ("[peningkatan/penurunan]", None, "IKM trend left as [peningkatan/penurunan]"),
    ("rata sebesar […] indeks", None, "IKM average left as […]"),
    ("3,15 […] […] 3,20 […] […]", None, "IKM 2021/2022 realisasi and capaian left as […]"),
    (
        "= […%]",
        "Capaian kinerja di banding target jangka menengah",
        "IKM medium-term capaian formula result left as […%]",
    ),
    ("[Satuan Kerja]", "No Unit/Satuan Kerja", "IKM comparison table header [Satuan Kerja]"),
    ("= […]", None, "IPK formula result left as […]"),
    ("= […%]", "Capaian IPK:", "IPK capaian formula result left as […%]"),
    ("[Satuan Kerja]", "No Unit di Atasnya", "IPK comparison table header [Satuan Kerja]"),
    ("Indeks Kepuasan Internal [satuan", None, "IKI paragraph keeps [satuan kerja]"),
    ("capaian sebesar […%].", None, "IKI capaian left as […%]"),
    ("= […%]", "Capaian IKI:", "IKI capaian formula result left as […%]"),
    ("sebesar […] dan", "Capaian IKI:", "IKI 2022 comparison value left as […]"),
    ("2021 sebesar […], realisasi Indeks Kepuasan Internal", None, "IKI 2021 value […]"),
    ("3,11 […] […] 3,12 […] […]", None, "IKI 2021/2022 realisasi and capaian left as […]"),
    ("= […%]", "sebesar 3,14 sementara", "IKI medium-term capaian left as […%]"),
    ("[Satuan Kerja]", "Unit di atasnya Capaian IKI", "IKI comparison table header"),
    (
        "[screenshot tampilan nilai kinerja tahun 2023 pada aplikasi SMART]",
        None,
        "screenshot instruction left instead of the SMART screenshot",
    ),
    ("[kategori]", None, "IKPA category left as [kategori]"),
    ("[range nilainya]", None, "IKPA range left as [range nilainya]"),
)

_NIP_SHARED = "197103101991031001"

SEED_DEFECTS: tuple[SeedDefect, ...] = (
    *(
        SeedDefect("placeholder", description, text, _at(text, after))
        for text, after, description in _PLACEHOLDERS
    ),
    SeedDefect(
        "duplicate-nip",
        f"NIP {_NIP_SHARED} is given to three people in every PK signature block: Suprapto "
        "(Kasubbag TU), Zikri Satriansyah Panjaitan and Mario Harri Nathaniel",
        _NIP_SHARED,
        (Snippet(f"NIP. {_NIP_SHARED}", every=True),),
    ),
    # realisasi-consistency: the same indicator's realisation differs between places.
    SeedDefect(
        "realisasi-consistency",
        "IKM realisasi 3,87 in the Ikhtisar Eksekutif, 3,96 in Bab III (narrative, "
        "3-year table, recap)",
        "3,87",
        (
            Snippet("memperoleh hasil sebesar 3,87 dari target 3,25"),
            Snippet("Masyarakat Kantor Imigrasi Kelas II TPI Belakang Padang adalah sebesar 3,96"),
        ),
    ),
    SeedDefect(
        "realisasi-consistency",
        "IKM realisasi 3,25 in the Bab III capaian table, 3,96 in the Bab III narrative",
        "3,25",
        (
            Snippet("3,25  3,25 100%"),
            Snippet("Masyarakat Kantor Imigrasi Kelas II TPI Belakang Padang adalah sebesar 3,96"),
        ),
    ),
    SeedDefect(
        "realisasi-consistency",
        "IPK realisasi 3,13 in the Ikhtisar Eksekutif, 3,98 in the Bab III narrative",
        "3,13",
        (
            Snippet("memperoleh hasil sebesar 3,13 dari target 3,13"),
            Snippet("Belakang Padang sebesar 3,98. Nilai ini"),
        ),
    ),
    SeedDefect(
        "realisasi-consistency",
        "IPK realisasi 3,13 in the Bab III capaian table, 3,98 in the Bab III narrative",
        "3,13",
        (
            Snippet("3,13  3,13 100%", after="3,25  3,25 100%"),
            Snippet("Belakang Padang sebesar 3,98. Nilai ini"),
        ),
    ),
    SeedDefect(
        "realisasi-consistency",
        "IKI realisasi 3,86 in the Ikhtisar Eksekutif, 3,96 in Bab III (3-year table, "
        "medium-term comparison)",
        "3,86",
        (
            Snippet("memperoleh hasil sebesar 3,86 dari target 3,13"),
            Snippet("3,11 […] […] 3,12 […] […] 3,13 3,96 100%"),
        ),
    ),
    SeedDefect(
        "realisasi-consistency",
        "IKI realisasi 3,13 in the Bab III capaian table (second part), 3,96 in the IKI "
        "section of Bab III",
        "3,13",
        (
            # the IKI row is the second "3,13  3,13 100%" row, after the IPK one
            Snippet("3,13  3,13 100%", after="3,13  3,13 100%"),
            Snippet("3,11 […] […] 3,12 […] […] 3,13 3,96 100%"),
        ),
    ),
    # capaian: stated achievement vs realisasi / target (no cap declared in the report).
    SeedDefect(
        "capaian",
        "Ikhtisar: IKM 3,87 of target 3,25 stated as 100 %; 3,87/3,25 = 119,08%",
        "100 %",
        (Snippet("atau 100 %. Capaian ini mengalami"),),
    ),
    SeedDefect(
        "capaian",
        "Ikhtisar: IKI 3,86 of target 3,13 stated as 100%; 3,86/3,13 = 123,32%",
        "100%",
        (Snippet("memperoleh hasil sebesar 3,86 dari target 3,13 atau 100%"),),
    ),
    SeedDefect(
        "capaian",
        "Bab III: IKM 3,96 of target 3,25 stated as capaian 100%; 3,96/3,25 = 121,85%",
        "100%",
        (Snippet("target sebesar 3,25 atau dengan capaian sebesar 100%"),),
    ),
    SeedDefect(
        "capaian",
        "IKM 3-year table: 2023 target 3,25, realisasi 3,96, capaian 100%; expected 121,85%",
        "100%",
        (Snippet("3,15 […] […] 3,20 […] […] 3,25 3,96 100%"),),
    ),
    SeedDefect(
        "capaian",
        "IKM against the 2024 Renstra target 3,30: realisasi 3,96 stated as capaian 100%; "
        "3,96/3,30 = 120,00%",
        "100%",
        (Snippet("sebesar 3,30 sementara realisasi di tahun 2023 adalah sebesar 3,96"),),
    ),
    SeedDefect(
        "capaian",
        "Bab III: IPK 3,98 of target 3,13 stated as capaian 100%; 3,98/3,13 = 127,16%",
        "100%",
        (Snippet("telah melampaui target pada tahun 2023 sebesar 3,13 atau memiliki capaian"),),
    ),
    SeedDefect(
        "capaian",
        "IKI 3-year table: 2023 target 3,13, realisasi 3,96, capaian 100%; expected 126,52%",
        "100%",
        (Snippet("3,11 […] […] 3,12 […] […] 3,13 3,96 100%"),),
    ),
    SeedDefect(
        "capaian",
        "IKI against the 2024 Renstra target 3,14: realisasi 3,96 stated as capaian 100%; "
        "3,96/3,14 = 126,11%",
        "100%",
        (
            Snippet(
                "adalah sebesar 3,96 indeks atau nilai capaian sebesar 100%",
                after="sebesar 3,14 sementara",
            ),
        ),
    ),
    # percentage: growth and comparison figures.
    SeedDefect(
        "percentage",
        "Ikhtisar: IKM rose from 3,20 to 3,87 'sebesar 17,3%'; (3,87-3,20)/3,20 = 20,94% "
        "(17,3% divides by the new value)",
        "17,3%",
        (Snippet("3,20 atau mengalami peningkatan sebesar 17,3%"),),
    ),
    SeedDefect(
        "percentage",
        "Ditjen Imigrasi IKM written as 3,96 yet 'lebih besar 0,02 poin' than 3,96; the "
        "table on the same page gives the Ditjen 3,94",
        "3,96",
        (Snippet("Kepuasan Masyarakat pada Direktorat Jenderal Imigrasi sebesar 3,96"),),
    ),
    *(
        SeedDefect(
            "percentage",
            f"Comparison table: {label} {other} vs the office's {own}, 'Capaian (%)' 100%; "
            f"{own}/{other} = {ratio}",
            "100%",
            _at(f"{other} {own} 100%"),
            severity="warning",
        )
        # The rows 3,94 / 3,96 and 3,95 / 3,96 are not listed: within the rounding of the
        # printed values their ratio can be 100%.
        for label, other, own, ratio in (
            ("Kanwil Kepri IKM", "3,63", "3,96", "109,09%"),
            ("Kanwil Kepri IPK", "3,74", "3,98", "106,42%"),
            ("Ditjen Imigrasi IPK", "3,71", "3,98", "107,28%"),
        )
    ),
    # budget
    SeedDefect(
        "budget-consistency",
        "PNBP target 2023 written Rp. 1.732.100.000 in the Ikhtisar, Bab III and Bab IV, "
        "but Rp. 1.732.400.000 in the PNBP table",
        "1.732.100.000",
        (Snippet("Rp. 1.732.100.000", every=True), Snippet("Rp. 1.732.400.000")),
    ),
    SeedDefect(
        "budget-consistency",
        "Bab II PK budget (Rp 2.561.189.000 Penegakan dan Pelayanan Hukum, Rp 5.976.993.000 "
        "Dukungan Manajemen) differs from the signed PK in the lampiran (Rp 2.111.198.000, "
        "Rp 4.508.251.000); possibly a revised DIPA",
        "2.111.198.000",
        (
            Snippet("Program Penegakan dan Pelayanan Hukum  Rp. 2.111.198.000,-"),
            Snippet("Program Dukungan Manajemen Rp.     5.976.993.000"),
        ),
        severity="warning",
    ),
    SeedDefect(
        "budget-percentage",
        "Capaian table row 'Anggaran' Rp 8.497.875.809 of Rp 8.538.182.000 stated as 100%; "
        "the ratio is 99,53%",
        "100%",
        (Snippet("Anggaran Rp. 8.538.182.000 Rp. 8.497.875.809 100%"),),
    ),
    SeedDefect(
        "budget-percentage",
        "PNBP 2021: capaian 100% on a target of Rp. 0 (realisasi Rp. 12.388.036); undefined",
        "100  %",
        (Snippet("Capaian 100  % 200 % 245 %"),),
    ),
    SeedDefect(
        "budget-sum",
        "PK lampiran: 'Pelayanan Publik Kepada Masyarakat' 360.437.000, but its lines "
        "215.089.000 + 141.980.000 = 357.069.000",
        "360.437.000",
        (Snippet("Pelayanan Publik Kepada Masyarakat  9.000 orang 360.437.000"),),
    ),
    SeedDefect(
        "budget-sum",
        "PK lampiran: program Penegakan dan Pelayanan Hukum Rp 2.111.198.000, but its kegiatan "
        "360.437.000 + 767.877.000 + 859.132.000 + 127.120.000 = 2.114.566.000",
        "2.111.198.000",
        (Snippet("Program Penegakan dan Pelayanan Hukum  Rp. 2.111.198.000,-"),),
    ),
    SeedDefect(
        "budget-sum",
        "PK lampiran: volume '24.0001 orang' for Pengawasan dan Pengendalian Masyarakat; "
        "its lines give 1 + 24.000 = 24.001 orang",
        "24.0001 orang",
        (Snippet("Pengawasan dan Pengendalian Masyarakat 24.0001 orang 859.132.000"),),
    ),
    # IKM recomputation
    SeedDefect(
        "ikm-recompute",
        "SKM grid: December Nilai SKM 3,87, but the mean of its 8 unsur is 3,88",
        "3,87",
        (Snippet("Nilai SKM  4 4 3,96 4 4 3,99 4 4 3,94 3,72 4 3,87"),),
    ),
    SeedDefect(
        "ikm-recompute",
        "Annual SKM stated as 3,18 (template example); Σ(SKM × respondents)/374 = 3,96",
        "3,18",
        (Snippet("SKM selama tahun 2023 sebesar [3,18 (contoh)]"),),
    ),
    SeedDefect(
        "ikm-recompute",
        "Annual SKM formula ends '= 3,18'; the monthly values and respondents give 3,96",
        "3,18",
        (Snippet("= 3,18"),),
    ),
    *_grim_defects(),
    # Against the Ditjen recap (the letter attached to the report). The realisations that
    # disagree with the recap only in one place (Ikhtisar 3,87, capaian table 3,25, ...) are
    # annotated once, as realisasi-consistency above; here what the report states
    # consistently yet differently from the recap.
    SeedDefect(
        "rekap-mismatch",
        "IKM respondents 374 in the report (sum of the monthly grid), 346 in the Ditjen recap",
        "374",
        (Snippet("Responden 374"), Snippet("408128 Kantor Imigrasi Kelas II TPI Belakang Padang")),
    ),
    SeedDefect(
        "rekap-internal",
        "Recap LAMPIRAN I: Kanwil Kepulauan Riau IKM 3,63, but the respondent-weighted mean "
        "of its 9 satker is 3,94",
        "3,63",
        (Snippet("3,63 3510 3,95 4407"),),
    ),
    SeedDefect(
        "rekap-internal",
        "Recap LAMPIRAN I: Kanwil Kepulauan Riau IKI 3,95, but the weighted mean of its satker "
        "is 3,96",
        "3,95",
        (Snippet("3,63 3510 3,95 4407"),),
    ),
    SeedDefect(
        "rekap-internal",
        "Recap LAMPIRAN I: the IKI respondent counts of Kepulauan Riau's satker (632, 498, "
        "791, 771, 335, 163, 401, 605) repeat those of Kalimantan Timur and Bangka Belitung",
        "632",
        (
            Snippet("109161 Kantor Imigrasi Kelas II Non TPI Dabo Singkep 3,92 380 3,92 632"),
            Snippet("408128 Kantor Imigrasi Kelas II TPI Belakang Padang 3,96 346 3,96 771"),
        ),
        severity="warning",
    ),
    SeedDefect(
        "rekap-internal",
        "Recap LAMPIRAN I: Kanwil DKI Jakarta IKI 3,87, but the weighted mean of its satker is "
        "3,85",
        "3,87",
        (Snippet("3,93 7777 3,87 7697"),),
    ),
)


def _defect_entry(layout: SeedLayout, defect: SeedDefect) -> dict:
    evidence: list[dict] = []
    for snippet in defect.snippets:
        numbers = layout.find_lines(snippet.text, after=snippet.after)
        if not numbers:
            raise ValueError(f"snippet not in the seed text: {snippet.text!r}")
        if not snippet.every and snippet.after is None and len(numbers) > 1:
            raise ValueError(f"snippet is ambiguous (lines {numbers}): {snippet.text!r}")
        for page in sorted({layout.page_of_line(n) for n in numbers}):
            evidence.append({"page": page, "text": snippet.text})
    entry = {
        "category": defect.category,
        "pages": sorted({item["page"] for item in evidence}),
        "description": defect.description,
        "injected": defect.injected,
        "evidence": evidence,
    }
    if defect.severity:
        entry["severity"] = defect.severity
    return entry


def build_truth(layout: SeedLayout, defects: Iterable[SeedDefect] = SEED_DEFECTS) -> dict:
    """The truth document for the seed PDF laid out as ``layout``.

    Raises ``ValueError`` when a snippet is missing or ambiguous in the text.
    """
    return {
        "schema": TRUTH_SCHEMA,
        "documents": [
            {
                "file": SEED_FILE,
                "satker": SEED_SATKER,
                "kode_satker": SEED_KODE_SATKER,
                "year": SEED_YEAR,
                "clean": False,
                "pages": len(layout.pages),
                "defects": [_defect_entry(layout, defect) for defect in defects],
            }
        ],
    }


def write_truth(layout: SeedLayout, out_path: Path) -> dict:
    """Write :func:`build_truth` as JSON to ``out_path``; return it."""
    truth = build_truth(layout)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truth


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: render the seed PDF and/or write its truth file."""
    parser = argparse.ArgumentParser(
        prog="python -m corpus.seed_pdf", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT, help="seed text file")
    parser.add_argument("--out", type=Path, help="PDF to write")
    parser.add_argument("--truth", type=Path, help="truth JSON to write")
    args = parser.parse_args(argv)
    if args.out is None and args.truth is None:
        parser.error("give --out and/or --truth")
    layout = SeedLayout.from_lines(read_lines(args.text))
    if args.out is not None:
        render_seed_pdf(args.text, args.out)
        print(f"{args.out}: {len(layout.pages)} pages")
    if args.truth is not None:
        truth = write_truth(layout, args.truth)
        print(f"{args.truth}: {len(truth['documents'][0]['defects'])} defects")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
