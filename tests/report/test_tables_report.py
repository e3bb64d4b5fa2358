"""CSV and the XLSX working paper: one row per finding, formulas never run, Indonesian labels
for people and ids for scripts, the Kertas Kerja Reviu's conclusions and their reasons."""

from __future__ import annotations

import csv
from dataclasses import replace

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from report.conftest import ONERROR, ReportCase

from lkjip_audit.findings import Acceptance, Category, Coverage, Severity
from lkjip_audit.report.tables import (
    COLUMNS,
    FOLLOW_UP_COLUMNS,
    HEADINGS,
    REVIU_SHEET,
    finding_rows,
    reviu_rows,
    write_csv,
)
from lkjip_audit.report.workpaper import REVIU_HEADINGS, write_xlsx

FORMULA = '=HYPERLINK("http://example.invalid","klik")'


def _with_formula(case: ReportCase):
    audited, scanned = case.results
    first = replace(audited.findings[0], evidence=FORMULA, stated="-3,5")
    return [replace(audited, findings=[first, *audited.findings[1:]]), scanned]


def test_plain_csv_is_for_scripts(report_case: ReportCase, tmp_path):
    results = _with_formula(report_case)
    out = write_csv(results, "id", tmp_path / "f.csv", "plain")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(r.findings) for r in results) == 5
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["rule"] == "CAP001" and first["page"] == "1" and first["year"] == "2023"
    assert first["category"] == "capaian" and first["severity"] == "error"
    assert first["satker"] == "Kantor Imigrasi Kelas II TPI Contoh"
    assert first["message"].startswith("Capaian tertulis 100%")
    assert first["expected"] == "119,08%"
    assert first["evidence"] == "'" + FORMULA  # would run as a formula in a spreadsheet
    assert first["stated"] == "-3,5"  # a number stays a number
    assert first["id"].startswith("CAP001-") and len(first["id"]) == len("CAP001-") + 16
    assert rows[2]["stated"] == ONERROR
    assert rows[4]["document"].endswith("scan.pdf") and rows[4]["page"] == ""


def test_indonesian_csv_opens_in_indonesian_excel(report_case: ReportCase, tmp_path):
    results = _with_formula(report_case)
    out = write_csv(results, "id", tmp_path / "f.csv")  # the default dialect
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert tuple(rows[0]) == HEADINGS["id"]
    assert all(len(row) == len(COLUMNS) for row in rows)
    category, severity = COLUMNS.index("category"), COLUMNS.index("severity")
    assert [row[severity] for row in rows[1:]] == ["Galat", "Galat", "Peringatan", "Info", "Galat"]
    assert rows[1][category] == "Capaian kinerja" and rows[3][category] == (
        "Kelengkapan isian templat"
    )
    assert rows[1][COLUMNS.index("evidence")] == "'" + FORMULA


def test_xlsx_findings_sheet_is_filed_as_is(report_case: ReportCase, ruleset, tmp_path):
    results = _with_formula(report_case)
    book = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "f.xlsx"))
    assert book.sheetnames == ["Ringkasan", "Temuan", REVIU_SHEET, "Pemeriksaan"]
    sheet = book["Temuan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + len(finding_rows(results, "id"))
    assert rows[0] == HEADINGS["id"]
    evidence = sheet.cell(2, COLUMNS.index("evidence") + 1)
    # Text, and neutralised as in CSV: the cell stays text when the sheet is saved as CSV.
    assert evidence.value == "'" + FORMULA and evidence.data_type == "s"
    page, year = (sheet.cell(2, COLUMNS.index(k) + 1) for k in ("page", "year"))
    assert page.value == 1 and page.data_type == "n" and year.value == 2023
    assert sheet.cell(6, COLUMNS.index("page") + 1).value is None  # no page: an empty cell
    message = sheet.cell(2, COLUMNS.index("message") + 1)
    assert message.alignment.wrap_text and message.alignment.vertical == "top"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{len(rows)}"
    assert sheet.column_dimensions["H"].width >= 60  # the message column
    labels = {row[COLUMNS.index("severity")] for row in rows[1:]}
    assert labels == {"Galat", "Peringatan", "Info"}
    categories = {row[COLUMNS.index("category")] for row in rows[1:]}
    assert not categories & {c.value for c in Category}  # no English ids


def test_overview_ranks_satkers_by_open_errors(report_case: ReportCase, ruleset, tmp_path):
    audited, scanned = report_case.results
    # Both errors of the audited report accepted: the scanned one has more open errors.
    accepted = [
        replace(f, accepted=Acceptance("dijelaskan", "Ani")) if f.severity is Severity.ERROR else f
        for f in audited.findings
    ]
    results = [replace(audited, findings=accepted), scanned]
    sheet = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "o.xlsx"))["Ringkasan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "No", "Satker", "Tahun", "Dokumen", "Status", "Galat", "Peringatan", "Info", "Diterima"
    )  # fmt: skip
    assert [row[3].rsplit("/", 1)[-1] for row in rows[1:]] == [
        "scan.pdf",
        audited.path.rsplit("/", 1)[-1],
    ]
    assert rows[1][4] == "hasil pindaian" and rows[1][5] == 1
    assert rows[2][5:9] == (0, 1, 1, 2)
    # The satker × category matrix follows the counts: every finding in one category column.
    assert rows[0][9:] and sum(rows[2][9:]) == len(audited.findings)
    last = get_column_letter(len(rows[0]))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}3"


def test_reviu_conclusions_and_their_reasons(report_case: ReportCase, ruleset, tmp_path):
    audited, scanned = report_case.results
    covered = [
        Coverage(Category.CAPAIAN, 3, {"id": "3 indikator", "en": "3 indicators"}),
        Coverage(Category.BUDGET_SUM, 4, {"id": "4 total", "en": "4 totals"}, unverified=2),
        Coverage(Category.IKM_RECOMPUTE, 0, {"id": "0 periode", "en": "0 periods"}, unverified=3),
        Coverage(Category.TARGET_CONSISTENCY, 5, {"id": "5 indikator", "en": "5 indicators"}),
    ]
    without_capaian = [f for f in audited.findings if f.category is not Category.CAPAIAN]
    result = replace(audited, findings=without_capaian, coverage=covered, rekap=None)
    rows = {
        r.aspect: r
        for r in reviu_rows([result, scanned], ruleset, "id")
        if r.document == result.path
    }
    assert rows["Capaian kinerja"].status == "Terpenuhi"
    assert "3 indikator diperiksa" in rows["Capaian kinerja"].condition
    assert rows["Keunikan NIP"].status == "Tidak Terpenuhi"  # an error
    assert rows["Kelengkapan isian templat"].status == "Terpenuhi dengan catatan"  # a warning
    assert rows["Jumlah anggaran"].status == "Terpenuhi dengan catatan"
    assert "2 perbandingan tidak dapat diverifikasi" in rows["Jumlah anggaran"].condition
    assert rows["Perhitungan IKM/SKM"].status == "Tidak Dapat Diperiksa"
    assert "3 perbandingan tidak dapat diverifikasi" in rows["Perhitungan IKM/SKM"].condition
    recap = rows["Kesesuaian dengan rekap Ditjen"]
    assert recap.status == "Tidak Dapat Diperiksa"
    assert "rekap Ditjen tidak diberikan" in recap.condition
    assert "data tidak ditemukan" not in recap.condition
    assert "tidak ditemukan dalam laporan" in rows["Format NIP"].condition
    scan_rows = [
        r for r in reviu_rows([result, scanned], ruleset, "id") if r.document == scanned.path
    ]
    assert {r.status for r in scan_rows} == {"Tidak Dapat Diperiksa"}
    assert all("hasil pindaian" in r.condition for r in scan_rows)

    accepted_nip = [
        replace(f, accepted=Acceptance("dua pegawai dengan NIP sama sudah dikonfirmasi BKN", "Ani"))
        if f.category is Category.DUPLICATE_NIP
        else f
        for f in without_capaian
    ]
    with_acceptance = replace(result, findings=accepted_nip)
    nip = next(
        r for r in reviu_rows([with_acceptance], ruleset, "id") if r.aspect == "Keunikan NIP"
    )
    assert nip.status == "Terpenuhi dengan catatan" and "diterima: dua pegawai" in nip.condition

    sheet = load_workbook(write_xlsx([result, scanned], ruleset, "id", tmp_path / "r.xlsx"))[
        REVIU_SHEET
    ]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == REVIU_HEADINGS["id"] and values[0][-3:] == FOLLOW_UP_COLUMNS
    assert [v[7] for v in values[1:]] == [
        r.status for r in reviu_rows([result, scanned], ruleset, "id")
    ]
    assert all(v[-3:] == (None, None, None) for v in values[1:])  # left for the satker and reviewer
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:L{len(values)}"
    assert sheet.cell(2, 6).alignment.wrap_text


def test_run_sheet_records_tool_rules_and_files(report_case: ReportCase, ruleset, tmp_path):
    from lkjip_audit import __version__
    from lkjip_audit.run import run_info

    audited, scanned = report_case.results
    results = [replace(audited, sha256="ab" * 32, profile="lkjip:imigrasi"), scanned]
    run = run_info(ruleset, ["check", "a.pdf", "--format", "xlsx"], "rekap.pdf")
    sheet = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "r.xlsx", run))[
        "Pemeriksaan"
    ]
    facts = {row[0]: row[1] for row in sheet.iter_rows(max_row=6, values_only=True)}
    assert facts["Alat"] == f"lkjip-audit {__version__}"
    assert facts["Perintah"] == "check a.pdf --format xlsx"
    assert facts["sha256 aturan"] == ruleset.sha256 and facts["Rekap Ditjen"] == "rekap.pdf"
    assert facts["Tanggal pemeriksaan (UTC)"] == run.started.strftime("%Y-%m-%d %H:%M:%S")
    files = [row for row in sheet.iter_rows(min_row=8, values_only=True)]
    assert files[0][:4] == (audited.path, "ab" * 32, 3, "diperiksa")
    assert files[0][6].startswith("lkjip:imigrasi (")
    assert files[1][1] is None and files[1][3] == "hasil pindaian"


def test_english_tables(report_case: ReportCase, ruleset, tmp_path):
    rows = finding_rows(report_case.results, "en")
    assert rows[0]["message"].startswith("Stated achievement")
    assert rows[0]["severity"] == "Error"
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
    sheet = load_workbook(out)["Temuan"]
    evidence = sheet.cell(2, COLUMNS.index("evidence") + 1).value
    assert 30_000 < len(evidence) <= 32_000 and evidence.endswith("…")
    # LibreOffice does not fit rows to wrapped text: the row says how tall it is.
    assert sheet.row_dimensions[2].height == 409 and sheet.row_dimensions[1].height is None
