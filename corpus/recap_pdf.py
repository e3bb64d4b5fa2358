"""Render the Ditjen recap (``corpus/data/*.csv``) as a PDF laid out like the seed's letter.

Page 1 is the covering letter of the Sekretaris Direktorat Jenderal Imigrasi; then
LAMPIRAN I (IKM and IKI per satker, "DIVISI KEIMIGRASIAN KANWIL ..." region rows, the
national averages) and LAMPIRAN II (IPK internal / external / total per satker, with the
notes on too few respondents). Tables are ruled, names wrap inside their cell, and a table
that runs onto a new page repeats its header. LAMPIRAN I prints decimals with a comma and
LAMPIRAN II with a point, as the seed's recap does.

``defects`` replaces single cells before drawing (to build a recap that disagrees with
itself or with a report); the page each replaced cell was drawn on is recorded while
drawing and returned.

    python -m corpus.recap_pdf --out corpus/out/rekap.pdf [--data corpus/data]
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from corpus.seed_pdf import FONT, FONT_BOLD, register_fonts

DATA_DIR = Path(__file__).resolve().parent / "data"
IKM_IKI_CSV = "rekap_ikm_iki.csv"
IPK_CSV = "rekap_ipk.csv"
TABLE_IKM_IKI = "ikm_iki"
TABLE_IPK = "ipk"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 40.0
MARGIN_TOP = 50.0
MARGIN_BOTTOM = 45.0
CELL_FONT_SIZE = 7.5
CELL_LEADING = 9.0
CELL_PAD = 3.0
LETTER_NUMBER = "IMI.1-PW.01.02-001"
LETTER_DATE = "02 Januari 2024"
SIGNER = ("Sekretaris Direktorat Jenderal,", "Eko Budianto", "NIP 197311161993031001")
GRADES = (
    ("A", "Sangat Baik", "3.5324 - 4"),
    ("B", "Baik", "3.0644 - 3.532"),
    ("C", "Kurang Baik", "2.60 - 3.064"),
    ("D", "Tidak Baik", "1 - 2.59996"),
)


@dataclass(frozen=True)
class RecapTables:
    """The two recap tables as CSV rows (column name → printed text)."""

    ikm_iki: tuple[dict[str, str], ...]
    ipk: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class RecapOverride:
    """Print ``value`` instead of the CSV's ``column`` in the row of ``satker`` of ``table``
    (``"ikm_iki"`` or ``"ipk"``); ``value`` is written like the CSV (decimal point)."""

    table: str
    satker: str
    column: str
    value: str


@dataclass(frozen=True)
class RenderedRecap:
    """What :func:`render_recap_pdf` drew: page count, the page of every row, and the page
    of every override."""

    path: Path
    pages: int
    row_pages: dict[tuple[str, str], int]
    overrides: tuple[tuple[RecapOverride, int], ...]


def load_recap(csv_dir: Path = DATA_DIR) -> RecapTables:
    """Read ``rekap_ikm_iki.csv`` and ``rekap_ipk.csv`` from ``csv_dir``."""

    def read(name: str) -> tuple[dict[str, str], ...]:
        with (Path(csv_dir) / name).open(encoding="utf-8", newline="") as handle:
            return tuple(csv.DictReader(handle))

    return RecapTables(ikm_iki=read(IKM_IKI_CSV), ipk=read(IPK_CSV))


def _apply(
    rows: Sequence[dict[str, str]], table: str, overrides: Sequence[RecapOverride]
) -> list[dict[str, str]]:
    result = [dict(row) for row in rows]
    for override in overrides:
        if override.table != table:
            continue
        matches = [row for row in result if row["satker"] == override.satker]
        if len(matches) != 1 or override.column not in matches[0]:
            raise ValueError(f"override matches no single recap cell: {override}")
        matches[0][override.column] = override.value
    return result


@dataclass(frozen=True)
class _Column:
    width: float
    align: str = "center"  # left | center


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, ...]
    bold: bool = False
    key: str | None = None  # satker label, to record the page the row is drawn on


@dataclass
class _Canvas:
    """A reportlab canvas with a cursor and the current physical page number."""

    pdf: canvas.Canvas
    page: int = 1
    y: float = PAGE_HEIGHT - MARGIN_TOP
    page_header: Callable[[_Canvas], None] | None = field(default=None, repr=False)

    def new_page(self) -> None:
        self.pdf.showPage()
        self.page += 1
        self.y = PAGE_HEIGHT - MARGIN_TOP
        if self.page_header is not None:
            self.page_header(self)

    def text(self, x: float, text: str, *, size: float = 9, bold: bool = False) -> None:
        self.y -= size * 1.3
        self.pdf.setFont(FONT_BOLD if bold else FONT, size)
        self.pdf.drawString(x, self.y, text)

    def centred(self, text: str, *, size: float = 9, bold: bool = False) -> None:
        self.y -= size * 1.3
        self.pdf.setFont(FONT_BOLD if bold else FONT, size)
        self.pdf.drawCentredString(PAGE_WIDTH / 2, self.y, text)

    def gap(self, height: float) -> None:
        self.y -= height


def _wrap(text: str, width: float, bold: bool) -> list[str]:
    font = FONT_BOLD if bold else FONT
    return simpleSplit(text, font, CELL_FONT_SIZE, width - 2 * CELL_PAD) or [""]


def _draw_cells(
    out: _Canvas, columns: Sequence[_Column], spans: Sequence[tuple[str, int]], bold: bool
) -> None:
    """Draw one ruled row of (text, column span) cells at the cursor."""
    x = MARGIN_X
    index = 0
    wrapped = []
    for text, span in spans:
        width = sum(column.width for column in columns[index : index + span])
        wrapped.append((x, width, _wrap(text, width, bold), columns[index].align))
        x += width
        index += span
    height = max(len(lines) for *_, lines, _ in wrapped) * CELL_LEADING + 2 * CELL_PAD
    top = out.y
    out.pdf.setFont(FONT_BOLD if bold else FONT, CELL_FONT_SIZE)
    for x0, width, lines, align in wrapped:
        out.pdf.rect(x0, top - height, width, height, stroke=1, fill=0)
        for n, line in enumerate(lines):
            baseline = top - CELL_PAD - (n + 1) * CELL_LEADING + 2
            if align == "left":
                out.pdf.drawString(x0 + CELL_PAD, baseline, line)
            else:
                out.pdf.drawCentredString(x0 + width / 2, baseline, line)
    out.y = top - height


def _row_height(columns: Sequence[_Column], cells: Sequence[str], bold: bool) -> float:
    lines = max(len(_wrap(text, col.width, bold)) for text, col in zip(cells, columns, strict=True))
    return lines * CELL_LEADING + 2 * CELL_PAD


def _draw_table(
    out: _Canvas,
    columns: Sequence[_Column],
    header: Sequence[Sequence[tuple[str, int]]],
    rows: Iterable[_Row],
) -> dict[str, int]:
    """Draw a ruled table, repeating ``header`` on every new page; return row key → page."""
    header_height = len(header) * (CELL_LEADING * 2 + 2 * CELL_PAD)

    def draw_header() -> None:
        for spans in header:
            _draw_cells(out, columns, spans, bold=True)

    draw_header()
    pages: dict[str, int] = {}
    for row in rows:
        if out.y - _row_height(columns, row.cells, row.bold) < MARGIN_BOTTOM:
            out.new_page()
            if out.y - header_height < MARGIN_BOTTOM:
                raise ValueError("page too small for the table header")
            draw_header()
        if row.key is not None:
            pages[row.key] = out.page
        _draw_cells(out, columns, [(text, 1) for text in row.cells], row.bold)
    return pages


def _comma(value: str) -> str:
    return value.replace(".", ",")


def _letter(out: _Canvas) -> None:
    for line in (
        "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA",
        "REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL IMIGRASI",
    ):
        out.centred(line, size=11, bold=True)
    out.centred("Jalan H.R. Rasuna Said Kav. X6 No. 8 Jakarta Selatan", size=8)
    out.centred("Laman : www.imigrasi.go.id, Surel : imigrasi@kemenkumham.go.id", size=8)
    out.pdf.line(MARGIN_X, out.y - 5, PAGE_WIDTH - MARGIN_X, out.y - 5)
    out.gap(16)
    for line in (
        f"Nomor  :  {LETTER_NUMBER}                                   {LETTER_DATE}",
        "Sifat  : Amat Segera",
        "Lampiran : 2 (dua) Berkas",
        "Hal  : Penyampaian Hasil Pengukuran Indeks Capaian Perjanjian Kinerja Tahun 2023",
    ):
        out.text(MARGIN_X, line)
    out.gap(10)
    out.text(MARGIN_X, "Yth. Kepala Kantor Wilayah Kementerian Hukum dan HAM")
    out.text(MARGIN_X, "di seluruh Indonesia")
    out.gap(10)
    body = (
        "Dalam rangka penyusunan Laporan Kinerja Instansi Pemerintah Tahun 2023, bersama ini "
        "disampaikan nilai indeks capaian Perjanjian Kinerja Tahun 2023 satuan kerja di "
        "lingkungan Direktorat Jenderal Imigrasi sebagaimana terlampir: nilai Indeks Kepuasan "
        "Masyarakat (IKM) dan Indeks Kepuasan Internal (IKI) pada Lampiran I, dan nilai Indeks "
        "Pengamanan Keimigrasian (IPK) pada Lampiran II."
    )
    for line in simpleSplit(body, FONT, 9, PAGE_WIDTH - 2 * MARGIN_X):
        out.text(MARGIN_X, line)
    out.gap(8)
    out.text(MARGIN_X, "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.")
    out.gap(20)
    _signature(out)


def _signature(out: _Canvas) -> None:
    x = PAGE_WIDTH / 2 + 40
    out.text(x, "a.n. Direktur Jenderal Imigrasi,")
    out.text(x, SIGNER[0])
    out.gap(36)
    out.text(x, SIGNER[1])
    out.text(x, SIGNER[2])


def _lampiran_header(label: str) -> Callable[[_Canvas], None]:
    def draw(out: _Canvas) -> None:
        x = PAGE_WIDTH - MARGIN_X - 190
        for line in (
            label,
            "Surat Sekretaris Direktorat Jenderal Imigrasi",
            f"Nomor : {LETTER_NUMBER}",
            f"Tanggal : {LETTER_DATE}",
        ):
            out.text(x, line, size=8)
        out.gap(8)

    return draw


def _ikm_iki_rows(rows: Sequence[dict[str, str]]) -> list[_Row]:
    return [
        _Row(
            (
                row["kode_satker"],
                row["satker"],
                _comma(row["ikm_nilai"]),
                row["ikm_responden"],
                _comma(row["iki_nilai"]),
                row["iki_responden"],
            ),
            bold=row["row_type"] == "region",
            key=row["satker"],
        )
        for row in rows
        if row["row_type"] != "national"
    ]


def _lampiran_i(out: _Canvas, rows: Sequence[dict[str, str]]) -> dict[str, int]:
    out.page_header = _lampiran_header("LAMPIRAN I")
    out.new_page()
    out.centred("DAFTAR RERATA NILAI INDEKS KEPUASAN MASYARAKAT DAN INDEKS KEPUASAN", bold=True)
    out.centred("LAYANAN INTERNAL SATUAN KERJA IMIGRASI TAHUN 2023", bold=True)
    out.gap(8)
    columns = (
        _Column(48),
        _Column(215, "left"),
        _Column(62),
        _Column(64),
        _Column(62),
        _Column(64),
    )
    header = (
        (
            ("KODE SATKER", 1),
            ("NAMA SATKER", 1),
            ("INDEKS KEPUASAN MASYARAKAT", 2),
            ("INDEKS KEPUASAN INTERNAL", 2),
        ),
        (("", 1), ("", 1), ("NILAI", 1), ("RESPONDEN", 1), ("NILAI", 1), ("RESPONDEN", 1)),
    )
    pages = _draw_table(out, columns, header, _ikm_iki_rows(rows))
    national = [row for row in rows if row["row_type"] == "national"]
    for row in national:
        _need(out, 150)
        out.gap(14)
        out.centred("RATA -RATA NASIONAL NILAI IKM dan IKI TAHUN 2023", bold=True)
        out.gap(6)
        summary = (
            _Row(("Indeks Kepuasan Masyarakat", row["ikm_responden"], _comma(row["ikm_nilai"]))),
            _Row(("Indeks Kepuasan Internal", row["iki_responden"], _comma(row["iki_nilai"]))),
        )
        pages |= {row["satker"]: out.page}
        _draw_table(
            out,
            (_Column(200, "left"), _Column(90), _Column(70)),
            ((("Jenis Survei", 1), ("Total Responden", 1), ("Indeks", 1)),),
            summary,
        )
    _grades(out)
    return pages


def _need(out: _Canvas, height: float) -> None:
    if out.y - height < MARGIN_BOTTOM:
        out.new_page()


def _grades(out: _Canvas) -> None:
    _need(out, 160)
    out.gap(12)
    _draw_table(
        out,
        (_Column(50), _Column(90, "left"), _Column(90)),
        ((("Grade*", 1), ("Keterangan", 1), ("Index", 1)),),
        [_Row(grade) for grade in GRADES],
    )
    out.gap(16)
    _signature(out)


def _ipk_rows(rows: Sequence[dict[str, str]]) -> list[_Row]:
    result = []
    for row in rows:
        if row["row_type"] == "national":
            continue
        internal = (row["internal_responden"], row["internal_indeks"])
        external = (row["eksternal_responden"], row["eksternal_indeks"])
        if not any(internal + external):
            # Rudenim rows print one dash across the internal and external columns.
            internal, external = ("-", ""), ("", "")
        result.append(
            _Row(
                (
                    row["satker"],
                    *internal,
                    *external,
                    row["total_responden"],
                    row["total_indeks"],
                    row["keterangan"],
                ),
                bold=row["row_type"] != "satker",
                key=row["satker"],
            )
        )
    return result


def _lampiran_ii(out: _Canvas, rows: Sequence[dict[str, str]]) -> dict[str, int]:
    out.page_header = _lampiran_header("LAMPIRAN II")
    out.new_page()
    out.centred("DAFTAR RERATA NILAI INDEKS PENGAMANAN KEIMIGRASIAN (IPK) SATUAN KERJA", bold=True)
    out.centred("IMIGRASI TAHUN 2023", bold=True)
    out.gap(8)
    columns = (
        _Column(170, "left"),
        _Column(38),
        _Column(40),
        _Column(38),
        _Column(40),
        _Column(38),
        _Column(40),
        _Column(111, "left"),
    )
    header = (
        (
            ("WILAYAH /SATUAN KERJA", 1),
            ("IPK INTERNAL", 2),
            ("IPK EKSTERNAL", 2),
            ("NILAI IPK", 2),
            ("KET", 1),
        ),
        (
            ("", 1),
            ("Jml. Resp", 1),
            ("INDEKS", 1),
            ("Jml. Resp", 1),
            ("INDEKS", 1),
            ("Total Resp", 1),
            ("INDEKS", 1),
            ("", 1),
        ),
    )
    pages = _draw_table(out, columns, header, _ipk_rows(rows))
    for row in rows:
        if row["row_type"] != "national":
            continue
        _need(out, 150)
        out.gap(14)
        out.centred("NILAI INDEKS PENGAMANAN KEIMIGRASIAN", bold=True)
        out.centred("DIREKTORAT JENDERAL IMIGRASI TAHUN 2023", bold=True)
        out.gap(6)
        pages[row["satker"]] = out.page
        _draw_table(
            out,
            (_Column(200, "left"), _Column(90), _Column(70)),
            ((("UNIT", 1), ("Total Responden", 1), ("Indeks", 1)),),
            [_Row((row["satker"], row["total_responden"], row["total_indeks"]))],
        )
    _grades(out)
    return pages


def render_recap_pdf(
    csv_dir: Path, out_path: Path, *, defects: Sequence[RecapOverride] | None = None
) -> RenderedRecap:
    """Write the recap in ``csv_dir`` as a PDF to ``out_path``, with ``defects`` applied."""
    register_fonts()
    overrides = tuple(defects or ())
    for override in overrides:
        if override.table not in (TABLE_IKM_IKI, TABLE_IPK):
            raise ValueError(f"unknown recap table in {override}")
    tables = load_recap(csv_dir)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(out_path), pagesize=A4, invariant=1)
    pdf.setTitle("Penyampaian Hasil Pengukuran Indeks Capaian Perjanjian Kinerja Tahun 2023")
    pdf.setLineWidth(0.5)
    out = _Canvas(pdf)
    _letter(out)
    row_pages = {
        (TABLE_IKM_IKI, key): page
        for key, page in _lampiran_i(out, _apply(tables.ikm_iki, TABLE_IKM_IKI, overrides)).items()
    }
    row_pages |= {
        (TABLE_IPK, key): page
        for key, page in _lampiran_ii(out, _apply(tables.ipk, TABLE_IPK, overrides)).items()
    }
    pdf.showPage()
    pdf.save()
    placed = tuple((o, row_pages[(o.table, o.satker)]) for o in overrides)
    return RenderedRecap(path=out_path, pages=out.page, row_pages=row_pages, overrides=placed)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: render the recap PDF."""
    parser = argparse.ArgumentParser(prog="python -m corpus.recap_pdf")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder with the recap CSVs")
    parser.add_argument("--out", type=Path, required=True, help="PDF to write")
    args = parser.parse_args(argv)
    rendered = render_recap_pdf(args.data, args.out)
    print(f"{rendered.path}: {rendered.pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
