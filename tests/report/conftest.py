"""Fixtures for the report tests: a small PDF drawn with reportlab and findings pointing into it.

The boxes of the findings are the boxes pdfplumber reads for the drawn lines, exactly as the
extraction stage would give them, so that the tests can check the evidence images against the
words on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from lkjip_audit.findings import (
    Category,
    DocumentResult,
    DocumentStatus,
    Finding,
    Place,
    Severity,
)

SCRIPT = "<script>alert(1)</script>"
ONERROR = '"><img src=x onerror=alert(1)>'

PAGES = [
    [
        (72, 760, "LAPORAN KINERJA KANTOR IMIGRASI KELAS II TPI CONTOH 2023"),
        (72, 700, "Tabel 3.1 Capaian Indikator Kinerja Utama"),
        (72, 520, "Persentase layanan tepat waktu  3,25  3,87  100%"),
        (72, 500, "Indeks kepuasan masyarakat  3,50  3,62  103,43%"),
    ],
    [
        (72, 760, "Kepala Kantor Imigrasi"),
        (300, 700, "Budi Santoso NIP 198001012005011001"),
        (72, 640, "Kepala Subbagian Tata Usaha"),
        (300, 120, "Siti Aminah NIP 198001012005011001"),
    ],
    [
        (72, 700, f"Nilai SKM tahun 2023 sebesar {SCRIPT}"),
        (72, 660, f"Keterangan {ONERROR}"),
    ],
]


@dataclass(frozen=True)
class ReportCase:
    """The generated PDF and the results pointing into it."""

    pdf: Path
    results: list[DocumentResult]


def _draw(path: Path) -> None:
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for lines in PAGES:
        sheet.setFont("Helvetica", 10)
        for x, y, text in lines:
            sheet.drawString(x, y, text)
        sheet.showPage()
    sheet.save()


def line_box(pdf: Path, page: int, text: str) -> tuple[float, float, float, float]:
    """The box pdfplumber reads for the drawn line that contains ``text``."""
    with pdfplumber.open(pdf) as document:
        for line in document.pages[page - 1].extract_text_lines():
            if text in line["text"]:
                return (line["x0"], line["top"], line["x1"], line["bottom"])
    raise LookupError(text)


def _findings(pdf: Path) -> list[Finding]:
    capaian = "Persentase layanan"
    nip_top = line_box(pdf, 2, "Budi Santoso")
    nip_bottom = line_box(pdf, 2, "Siti Aminah")
    return [
        Finding(
            rule="CAP001",
            category=Category.CAPAIAN,
            severity=Severity.ERROR,
            page=1,
            message={
                "id": "Capaian tertulis 100% tetapi 3,87/3,25 = 119,08%",
                "en": "Stated achievement 100% but 3.87/3.25 = 119.08%",
            },
            stated="100%",
            expected="119,08%",
            evidence="Persentase layanan tepat waktu",
            bbox=line_box(pdf, 1, capaian),
            title={"id": "Capaian tidak sesuai", "en": "Achievement does not recompute"},
        ),
        Finding(
            rule="NIP001",
            category=Category.DUPLICATE_NIP,
            severity=Severity.ERROR,
            page=2,
            message={
                "id": "NIP 198001012005011001 tercantum untuk 2 orang berbeda",
                "en": "NIP 198001012005011001 is given for 2 different people",
            },
            evidence="Budi Santoso NIP 198001012005011001",
            bbox=nip_top,
            related=(
                Place(page=2, bbox=nip_bottom, text="Siti Aminah NIP 198001012005011001"),
                Place(page=1, bbox=line_box(pdf, 1, "Indeks kepuasan"), text="Indeks kepuasan"),
            ),
            title={"id": "Satu NIP dipakai orang berbeda", "en": "One NIP, different people"},
        ),
        Finding(
            rule="PLH001",
            category=Category.PLACEHOLDER,
            severity=Severity.WARNING,
            page=3,
            message={"id": f"Penanda {SCRIPT} tertinggal", "en": f"Marker {SCRIPT} left in"},
            stated=ONERROR,
            evidence=SCRIPT,
            bbox=line_box(pdf, 3, SCRIPT),
            title={"id": ONERROR, "en": ONERROR},
        ),
        Finding(
            rule="EXT020",
            category=Category.EXTRACTION,
            severity=Severity.INFO,
            page=None,
            message={"id": "Bagian 'survey' tidak dapat dikenali", "en": "'survey' unreadable"},
        ),
    ]


@pytest.fixture(scope="session")
def report_case(tmp_path_factory: pytest.TempPathFactory) -> ReportCase:
    """A 3-page PDF, its audited result with four findings, and a scanned second document."""
    folder = tmp_path_factory.mktemp("report")
    pdf = folder / "kanim_contoh_2023.pdf"
    _draw(pdf)
    audited = DocumentResult(
        path=str(pdf),
        sha256=None,
        status=DocumentStatus.AUDITED,
        pages=3,
        satker="Kantor Imigrasi Kelas II TPI Contoh",
        year=2023,
        findings=_findings(pdf),
    )
    scanned = DocumentResult(
        path=str(folder / "scan.pdf"),
        sha256=None,
        status=DocumentStatus.SCANNED,
        pages=12,
        findings=[
            Finding(
                rule="EXT001",
                category=Category.EXTRACTION,
                severity=Severity.ERROR,
                page=None,
                message={"id": "Dokumen hasil pindaian", "en": "Scanned document"},
            )
        ],
    )
    return ReportCase(pdf=pdf, results=[audited, scanned])
