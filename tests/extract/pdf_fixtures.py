"""Small PDFs drawn with reportlab for the extraction tests, and what was drawn where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

WIDTH, HEIGHT = A4
PROSE = (
    "Laporan kinerja ini disusun sebagai bentuk pertanggungjawaban atas pelaksanaan tugas "
    "dan fungsi satuan kerja selama satu tahun anggaran."
)

# The unruled table: column x positions and the rows drawn at them (None = nothing drawn).
UNRULED_X = (72, 110, 330, 400, 480)
UNRULED_ROWS = [
    ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"),
    ("1", "Indeks Kepuasan Masyarakat", "3,25", "3,87", "119,08%"),
    ("2", "Persentase penyelesaian", "100%", "98,50%", "98,50%"),
    (None, "permohonan paspor tepat waktu", None, None, None),
    ("3", "Nilai IKPA", "95,00", "96,41", "101,48%"),
]
UNRULED_TOP_Y = 600.0
ROW_STEP = 16.0

RULED_ROWS = [
    [
        "1",
        "Operasional",
        "Belanja Pegawai untuk gaji dan tunjangan pegawai kantor",
        "8.538.182.000",
        "8,538,182,000",
    ],
    ["2", "", "Belanja Barang", "1.250.000", "1,300,000"],
    ["3", "Modal", "Belanja Modal", "450.000.000", "475,500,000"],
]
SPLIT_ROWS = [
    [str(i), f"Kegiatan layanan nomor {i}", f"{i * 1000:,}".replace(",", ".")] for i in range(1, 61)
]


@dataclass(frozen=True)
class Drawn:
    """A word drawn with drawString: its text and baseline start in top-left coordinates."""

    text: str
    x: float
    baseline: float


def prose_canvas(path: Path) -> list[Drawn]:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    drawn = [
        Drawn("Realisasi anggaran tahun 2023 sebesar Rp.", 72, HEIGHT - 700),
        Drawn("8.538.182.000,- atau 99,53 % dari pagu.", 72, HEIGHT - 686),
        Drawn("Jumlah", 300, HEIGHT - 640),
    ]
    c.drawString(72, 760, PROSE[:90])
    for item in drawn:
        c.drawString(item.x, HEIGHT - item.baseline, item.text)
    c.save()
    return drawn


def _unruled(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 680, PROSE[:95])
    c.drawString(72, 666, PROSE[95:])
    c.drawString(72, 630, "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023")
    for i, row in enumerate(UNRULED_ROWS):
        y = UNRULED_TOP_Y - i * ROW_STEP
        for x, text in zip(UNRULED_X, row, strict=True):
            if text is not None:
                c.drawString(x, y, text)
    c.drawString(72, UNRULED_TOP_Y - len(UNRULED_ROWS) * ROW_STEP - 40, PROSE[:95])
    c.save()


def _ruled(path: Path) -> None:
    style = getSampleStyleSheet()["BodyText"]
    header = [["No", "Kelompok", "Uraian", "Realisasi", ""], ["", "", "", "2021", "2022"]]
    body = [[row[0], row[1], Paragraph(row[2], style), row[3], row[4]] for row in RULED_ROWS]
    table = Table(header + body, colWidths=[30, 80, 140, 100, 100])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 1), colors.lightgrey),
                ("BACKGROUND", (0, 3), (-1, 3), colors.white),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("SPAN", (2, 0), (2, 1)),
                ("SPAN", (3, 0), (4, 0)),
                ("SPAN", (1, 2), (1, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build(
        [Paragraph(PROSE, style), Spacer(1, 12), table, Spacer(1, 12), Paragraph(PROSE, style)]
    )


def _split(path: Path) -> None:
    style = getSampleStyleSheet()["BodyText"]
    table = Table(
        [["No", "Kegiatan", "Anggaran"], *SPLIT_ROWS], colWidths=[40, 250, 120], repeatRows=1
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(PROSE, style)] * 6 + [table])


def _scan_image(path: Path) -> Path:
    image = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(image)
    for i in range(30):
        draw.text((40, 40 + i * 25), "Laporan Kinerja hasil pindaian " * 3, fill="black")
    image.save(path)
    return path


def _scanned(path: Path, image: Path, text_first: bool) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    # A mixed document: a scanned page between two text pages.
    for page in ("text", "scan", "text") if text_first else ("scan",):
        if page == "scan":
            c.drawImage(str(image), 0, 0, WIDTH, HEIGHT)
        else:
            c.setFont("Helvetica", 10)
            for i in range(20):
                c.drawString(72, 760 - i * 14, PROSE[:90])
        c.showPage()
    c.save()


def _garbled(path: Path) -> None:
    # pdfium recovers Unicode even from reportlab's subset TrueType fonts stripped of their
    # ToUnicode map, so the page carries what pdfminer prints for such fonts instead.
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for i in range(20):
        c.drawString(72, 760 - i * 14, "".join(f"(cid:{(i * 7 + k) % 90 + 3})" for k in range(9)))
    c.save()


def _encrypted(path: Path, user_password: str) -> None:
    encryption = pdfencrypt.StandardEncryption(user_password, "owner-secret", canPrint=1)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encryption)
    c.setFont("Helvetica", 10)
    for i in range(5):
        c.drawString(72, 760 - i * 14, PROSE[:90])
    c.save()


def write_all(folder: Path) -> dict[str, Path]:
    """Write every test document into ``folder``; their paths by name."""
    paths = {
        name: folder / f"{name}.pdf"
        for name in (
            "prose",
            "unruled",
            "ruled",
            "split",
            "scanned",
            "mixed",
            "garbled",
            "encrypted",
            "owner_only",
            "truncated",
            "empty",
            "not_pdf",
        )
    }
    prose_canvas(paths["prose"])
    _unruled(paths["unruled"])
    _ruled(paths["ruled"])
    _split(paths["split"])
    image = _scan_image(folder / "scan.png")
    _scanned(paths["scanned"], image, text_first=False)
    _scanned(paths["mixed"], image, text_first=True)
    _garbled(paths["garbled"])
    _encrypted(paths["encrypted"], "user-secret")
    _encrypted(paths["owner_only"], "")
    whole = paths["split"].read_bytes()
    paths["truncated"].write_bytes(whole[: len(whole) // 2])
    paths["empty"].write_bytes(b"")
    paths["not_pdf"].write_text("Ini bukan PDF, hanya teks biasa.\n", encoding="utf-8")
    return paths
