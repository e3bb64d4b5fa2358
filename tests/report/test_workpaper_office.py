"""The working paper opens in LibreOffice: converted to PDF headless without an error, with
the labels a reviewer reads on its pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from report.conftest import ReportCase

from lkjip_audit.report.workpaper import write_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
INSTALL = "apt-get install libreoffice-calc-nogui"


def _calc_installed(soffice: str) -> bool:
    """Whether Calc is installed beside ``soffice`` (Writer alone cannot open an XLSX)."""
    program = Path(soffice).resolve().parent
    return any(program.glob("libsclo.*"))


def test_xlsx_converts_to_pdf_in_libreoffice(report_case: ReportCase, ruleset, tmp_path):
    if SOFFICE is None:
        pytest.skip(f"LibreOffice (soffice) is not installed: {INSTALL}")
    if not _calc_installed(SOFFICE):
        pytest.skip(f"LibreOffice is installed without Calc, which opens XLSX: {INSTALL}")
    book = write_xlsx(report_case.results, ruleset, "id", tmp_path / "kertas kerja.xlsx")
    out = tmp_path / "pdf"
    # A profile of its own: a LibreOffice already running for the user is not disturbed.
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = out / "kertas kerja.pdf"
    assert pdf.is_file(), done.stdout + done.stderr
    with pdfplumber.open(pdf) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
    for label in ("Galat", "Peringatan", "Tidak Dapat Diperiksa", "Tanggapan Satker", "sha256"):
        assert label in text
