"""CSV and XLSX: one row per finding, formulas never run, and the reviu worksheet."""

from __future__ import annotations

import csv
from dataclasses import replace

from openpyxl import load_workbook
from report.conftest import ONERROR, ReportCase

from lkjip_audit.report.tables import (
    COLUMNS,
    REVIU_COLUMNS,
    REVIU_SHEET,
    finding_rows,
    reviu_rows,
    write_csv,
    write_xlsx,
)

FORMULA = '=HYPERLINK("http://example.invalid","klik")'


def _with_formula(case: ReportCase):
    audited, scanned = case.results
    first = replace(audited.findings[0], evidence=FORMULA, stated="-3,5")
    return [replace(audited, findings=[first, *audited.findings[1:]]), scanned]


def test_csv_has_one_row_per_finding(report_case: ReportCase, tmp_path):
    results = _with_formula(report_case)
    out = write_csv(results, "id", tmp_path / "f.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(r.findings) for r in results) == 5
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["rule"] == "CAP001" and first["page"] == "1" and first["year"] == "2023"
    assert first["satker"] == "Kantor Imigrasi Kelas II TPI Contoh"
    assert first["message"].startswith("Capaian tertulis 100%")
    assert first["expected"] == "119,08%"
    assert first["evidence"] == "'" + FORMULA  # would run as a formula in a spreadsheet
    assert first["stated"] == "-3,5"  # a number stays a number
    assert rows[2]["stated"] == ONERROR
    assert rows[4]["document"].endswith("scan.pdf") and rows[4]["page"] == ""


def test_xlsx_findings_sheet_keeps_text_as_text(report_case: ReportCase, ruleset, tmp_path):
    results = _with_formula(report_case)
    book = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "f.xlsx"))
    sheet = book["Temuan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + len(finding_rows(results, "id"))
    assert rows[0][0] == "Dokumen" and len(rows[0]) == len(COLUMNS)
    evidence = sheet.cell(2, COLUMNS.index("evidence") + 1)
    # Text, and neutralised as in CSV: the cell stays text when the sheet is saved as CSV.
    assert evidence.value == "'" + FORMULA and evidence.data_type == "s"
    assert rows[1][COLUMNS.index("page")] == 1
    assert book.sheetnames == ["Ringkasan", "Temuan", REVIU_SHEET]


def test_reviu_sheet_one_row_per_category_per_document(report_case: ReportCase, ruleset, tmp_path):
    results = report_case.results
    rows = reviu_rows(results, ruleset, "id")
    by_document: dict[str, list] = {}
    for row in rows:
        by_document.setdefault(row.document, []).append(row)
    audited, scanned = (by_document[r.path] for r in results)
    assert len(audited) == len(scanned) > 0
    assert [r.number for r in audited] == list(range(1, len(audited) + 1))
    capaian = next(r for r in audited if r.aspect == "Capaian kinerja")
    assert capaian.status == "Tidak Terpenuhi" and capaian.pages == "1"
    assert "1 temuan: Capaian tertulis 100%" in capaian.condition
    assert "realisasi dibagi target" in capaian.criterion
    nip = next(r for r in audited if r.aspect == "Keunikan NIP")
    assert nip.status == "Tidak Terpenuhi" and "NIP001" in nip.criterion
    # No coverage attached: a category without findings is not a pass.
    assert {r.status for r in audited} == {"Tidak Terpenuhi", "Tidak Cukup Data"}
    assert {r.status for r in scanned} == {"Tidak Cukup Data"}

    sheet = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "r.xlsx"))[REVIU_SHEET]
    values = [row for row in sheet.iter_rows(values_only=True)]
    headers = [i for i, row in enumerate(values) if tuple(row[:6]) == REVIU_COLUMNS]
    assert len(headers) == 2  # one block per document
    statuses = [row[4] for row in values if row[0] and isinstance(row[0], int)]
    assert statuses == [r.status for r in rows]


def test_english_tables(report_case: ReportCase, ruleset, tmp_path):
    rows = finding_rows(report_case.results, "en")
    assert rows[0]["message"].startswith("Stated achievement")
    book = load_workbook(write_xlsx(report_case.results, ruleset, "en", tmp_path / "e.xlsx"))
    assert book.sheetnames[0] == "Overview" and book["Findings"]["A1"].value == "Document"
    assert reviu_rows(report_case.results, ruleset, "en")[0].aspect == "Performance achievement"


def test_long_conditions_and_cells_are_cut(report_case: ReportCase, ruleset, tmp_path):
    audited = report_case.results[0]
    cap = audited.findings[0]
    many = [replace(cap, evidence="9" * 40_000)] * 12
    rows = reviu_rows([replace(audited, findings=many)], ruleset, "id")
    capaian = next(r for r in rows if r.aspect == "Capaian kinerja")
    assert capaian.condition.startswith("12 temuan:")
    assert capaian.condition.count("Capaian tertulis") == 10
    assert "dan 2 temuan lainnya" in capaian.condition
    out = write_xlsx([replace(audited, findings=many)], ruleset, "id", tmp_path / "long.xlsx")
    evidence = load_workbook(out)["Temuan"].cell(2, COLUMNS.index("evidence") + 1).value
    assert 30_000 < len(evidence) <= 32_000 and evidence.endswith("…")
