"""Files that look like reports but cannot be audited, one per way a PDF can fail.

- ``empty.pdf``: 0 bytes.
- ``not_a_pdf.pdf``: plain text with a ``.pdf`` name.
- ``truncated.pdf``: the first half of a real report PDF (no xref, no trailer).
- ``encrypted.pdf``: a real report PDF that needs a user password to open.
- ``scanned.pdf``: pages that are only an image of report text, without a text layer.

    python -m corpus.bad_inputs --out corpus/out/bad
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from corpus.seed_pdf import FONT, FONT_FILES, register_fonts

USER_PASSWORD = "rahasia"
OWNER_PASSWORD = "pemilik-lkjip"
SCAN_DPI = 100

# Report-like text: the scanned and encrypted files should fail for their container, not
# because there is nothing report-like inside.
REPORT_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "KANTOR IMIGRASI KELAS II TPI CONTOH",
        "TAHUN 2023",
    ),
    (
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja",
        "Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian di Wilayah",
        "Target 3,25   Realisasi 3,87   Capaian 119,08%",
        "Indeks Pengamanan Keimigrasian di Wilayah",
        "Target 3,13   Realisasi 3,98   Capaian 127,16%",
        "Realisasi anggaran Rp. 8.497.875.809 atau 99,53% dari pagu Rp. 8.538.182.000",
    ),
)


def _text_pdf_bytes(encrypt: StandardEncryption | None = None) -> bytes:
    """A small report PDF with a text layer (optionally encrypted)."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    for page in REPORT_PAGES:
        y = A4[1] - 90
        for line in page:
            pdf.setFont(FONT, 11)
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _page_image(lines: Sequence[str]) -> Image.Image:
    """A greyscale 'scan' of one A4 page holding ``lines``."""
    width, height = (round(side / 72 * SCAN_DPI) for side in A4)
    image = Image.new("L", (width, height), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_FILES[FONT]), size=round(11 / 72 * SCAN_DPI))
    y = round(90 / 72 * SCAN_DPI)
    for line in lines:
        draw.text((round(72 / 72 * SCAN_DPI), y), line, fill=0, font=font)
        y += round(18 / 72 * SCAN_DPI)
    return image


def _scanned_pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for page in REPORT_PAGES:
        pdf.drawImage(ImageReader(_page_image(page)), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _encrypted_pdf_bytes() -> bytes:
    return _text_pdf_bytes(
        encrypt=StandardEncryption(USER_PASSWORD, ownerPassword=OWNER_PASSWORD, strength=128)
    )


def write_bad_inputs(out_dir: Path) -> dict[str, Path]:
    """Write the bad input files into ``out_dir``; return their stem ("empty", "not_a_pdf",
    "truncated", "encrypted", "scanned") → path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = _text_pdf_bytes()
    contents = {
        "empty.pdf": b"",
        "not_a_pdf.pdf": (b"LAPORAN KINERJA 2023\nIni berkas teks biasa yang diberi nama .pdf.\n"),
        "truncated.pdf": report[: len(report) // 2],
        "encrypted.pdf": _encrypted_pdf_bytes(),
        "scanned.pdf": _scanned_pdf_bytes(),
    }
    paths = {}
    for name, data in contents.items():
        path = out_dir / name
        path.write_bytes(data)
        paths[path.stem] = path
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the bad inputs."""
    parser = argparse.ArgumentParser(prog="python -m corpus.bad_inputs")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
    for path in write_bad_inputs(args.out).values():
        print(f"{path}  ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
