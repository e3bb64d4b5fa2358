"""The command line end to end on real PDFs: exit codes, JSON contract, bad input, languages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from corpus.bad_inputs import write_bad_inputs
from lkjip_audit.cli import app
from lkjip_audit.report.json_report import findings_schema

CHAPTERS = [
    ["LAPORAN KINERJA", "Kantor Imigrasi Kelas I TPI Batam", "Tahun 2023"],
    ["IKHTISAR EKSEKUTIF", "Laporan Kinerja Kantor Imigrasi Kelas I TPI Batam Tahun 2023."],
    ["BAB I", "PENDAHULUAN"],
    ["BAB II", "PERENCANAAN KINERJA"],
    ["BAB III", "AKUNTABILITAS KINERJA"],
    ["BAB IV", "PENUTUP"],
    [
        "LAMPIRAN",
        "PERJANJIAN KINERJA TAHUN 2023",
        "Kepala Kantor,",
        "Budi Santoso, S.H.",
        "NIP. 198708252008011001",
    ],
]


def write_report(path: Path, extra: dict[int, list[str]] | None = None) -> Path:
    """A small text PDF with every required chapter, one per page, plus extra lines."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(CHAPTERS, start=1):
        y = 780
        for line in [*lines, *(extra or {}).get(number, [])]:
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    good = write_report(folder / "good.pdf")
    flawed = write_report(
        folder / "flawed.pdf", {5: ["Nilai IKM tahun 2023 sebesar [3,18 (contoh)] indeks."]}
    )
    bad = write_bad_inputs(folder / "bad")
    return {"good": good, "flawed": flawed, "folder": folder, **bad}


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_clean_report_exits_zero(pdfs):
    result = run("check", pdfs["good"])
    assert result.exit_code == 0, result.output
    assert "Kantor Imigrasi Kelas I TPI Batam" in result.output
    assert "Tidak ada temuan" in result.output
    assert result.output.count("rekap Ditjen dilewati untuk 1 dokumen") == 1
    # A short report without tables: the checks that had nothing to read say so.
    not_checked = " ".join(result.output.split()).split("Tidak dapat diperiksa")[1]
    assert "Capaian kinerja" in not_checked and "Jumlah anggaran" in not_checked
    assert "Kelengkapan isian templat" not in not_checked.split(".")[0]


def test_finding_exits_one_and_json_validates(pdfs, tmp_path):
    out = tmp_path / "r.json"
    result = run("check", pdfs["flawed"], "--format", "json", "--output", out)
    assert result.exit_code == 1, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, findings_schema())
    [doc] = document["documents"]
    assert doc["status"] == "audited" and doc["year"] == 2023 and doc["pages"] == 7
    [finding] = doc["findings"]
    assert finding["category"] == "placeholder" and finding["page"] == 5
    assert finding["stated"] == "[3,18 (contoh)]"
    x0, top, x1, bottom = finding["bbox"]
    assert 60 < x0 < x1 < 560 and 40 < top < bottom < 120
    assert document["summary"] == {"documents": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_fail_on_never_and_english(pdfs):
    result = run("check", pdfs["flawed"], "--fail-on", "never", "--lang", "en")
    assert result.exit_code == 0
    assert "Template marker" in result.output


@pytest.mark.parametrize(
    ("name", "status", "words"),
    [
        ("empty", "unreadable", "kosong"),
        ("not_a_pdf", "unreadable", "bukan PDF"),
        ("truncated", "unreadable", "PDF"),
        ("encrypted", "encrypted", "kata sandi"),
        ("scanned", "scanned", "pindaian"),
    ],
)
def test_bad_inputs_get_a_status_and_exit_two(pdfs, tmp_path, name, status, words):
    before = hashlib.sha256(pdfs[name].read_bytes()).hexdigest()
    out = tmp_path / "bad.json"
    # Without OCR: with it (tests/test_ocr.py) a scan of report text is audited.
    no_ocr = ("--ocr", "never") if name == "scanned" else ()
    result = run("check", pdfs[name], "--format", "json", "--output", out, *no_ocr)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [doc] = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert doc["status"] == status
    [finding] = doc["findings"]
    assert finding["category"] == "extraction" and words in finding["message"]
    assert hashlib.sha256(pdfs[name].read_bytes()).hexdigest() == before


def test_batch_with_bad_files_audits_the_others(pdfs, tmp_path):
    out = tmp_path / "batch.json"
    result = run("check", pdfs["folder"], "--format", "json", "--output", out, "--workers", "2")
    assert result.exit_code == 1, result.output
    documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
    statuses = {Path(d["path"]).name: d["status"] for d in documents}
    assert statuses["good.pdf"] == "audited" and statuses["flawed.pdf"] == "audited"
    assert statuses["encrypted.pdf"] == "encrypted"
    assert len(documents) == 7


def test_usage_errors_exit_two(pdfs, tmp_path):
    assert run("check", tmp_path / "missing.pdf").exit_code == 2
    bad_rules = tmp_path / "r.yaml"
    bad_rules.write_text("rules: [{id: X}]\n", encoding="utf-8")
    result = run("check", pdfs["good"], "--rules", bad_rules)
    assert result.exit_code == 2 and "r.yaml" in result.output


def test_rules_list_and_explain():
    listed = run("rules", "list")
    assert listed.exit_code == 0 and "NIP001" in listed.output
    explained = run("rules", "explain", "NIP001", "--lang", "en")
    assert explained.exit_code == 0 and "civil servant" in explained.output
    assert run("rules", "explain", "NOPE").exit_code == 2


def test_batch_console_opens_with_an_overview_per_document(pdfs):
    result = run("check", pdfs["folder"], "--fail-on", "never", "--workers", "2")
    assert result.exit_code == 0, result.output
    before, overview = result.output.split("Ringkasan per satker")
    assert "Kantor Imigrasi" not in before
    assert "encrypted.pdf" in overview and "terkunci kata" in overview
    assert "Kantor Imigrasi" in overview
    assert "7 dokumen" in overview
