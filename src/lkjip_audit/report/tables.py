"""Findings as tables: CSV and XLSX (one row per finding) and the reviewer's worksheet.

The worksheet ("Kertas Kerja Reviu") has one row per category per document: the aspect, the
condition found, the criterion, the status and the pages, so that a reviewer can paste it into
their working papers. Every text cell goes through ``report.safe.spreadsheet_cell``: text from
a PDF that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab) is written
with a leading apostrophe, never as a formula, in CSV and XLSX alike.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lkjip_audit.atomic import atomic_file
from lkjip_audit.findings import DocumentResult
from lkjip_audit.report.coverage import (
    CATEGORY_TEXT,
    CoverageStatus,
    coverage_panel,
    document_coverage,
    entry_categories,
    panel_categories,
)
from lkjip_audit.report.overview import SHEET as OVERVIEW_SHEET
from lkjip_audit.report.overview import overview_table
from lkjip_audit.report.safe import spreadsheet_cell
from lkjip_audit.rules.model import RuleSet

COLUMNS = (
    "document",
    "satker",
    "year",
    "rule",
    "category",
    "severity",
    "page",
    "message",
    "stated",
    "expected",
    "evidence",
)
"""The columns of a finding row; the CSV header uses these names in every language."""

HEADINGS = {
    "id": (
        "Dokumen",
        "Satker",
        "Tahun",
        "Aturan",
        "Kategori",
        "Tingkat",
        "Halaman",
        "Uraian",
        "Tertulis",
        "Seharusnya",
        "Teks sumber",
    ),
    "en": (
        "Document",
        "Office",
        "Year",
        "Rule",
        "Category",
        "Severity",
        "Page",
        "Message",
        "Stated",
        "Expected",
        "Source text",
    ),
}
"""The XLSX headings of the finding columns, for people."""

REVIU_SHEET = "Kertas Kerja Reviu"
REVIU_COLUMNS = ("No", "Aspek", "Kondisi", "Kriteria", "Status", "Halaman")
REVIU_STATUS = {
    CoverageStatus.PASSED: "Terpenuhi",
    CoverageStatus.UNVERIFIED: "Tidak Dapat Diverifikasi Seluruhnya",
    CoverageStatus.FINDINGS: "Tidak Terpenuhi",
    CoverageStatus.NOT_CHECKED: "Tidak Cukup Data",
    CoverageStatus.UNKNOWN: "Tidak Cukup Data",
}
CONDITION = {
    "id": {
        CoverageStatus.PASSED: "Tidak ditemukan ketidaksesuaian ({checked} diperiksa).",
        CoverageStatus.UNVERIFIED: "Tidak ditemukan ketidaksesuaian, tetapi sebagian angka "
        "tidak dapat diverifikasi ({checked}).",
        CoverageStatus.FINDINGS: "{count} temuan: {messages}",
        CoverageStatus.NOT_CHECKED: "Data untuk aspek ini tidak ditemukan dalam laporan; "
        "tidak dapat diperiksa.",
        CoverageStatus.UNKNOWN: "Tidak ada temuan, tetapi cakupan pemeriksaan tidak diketahui.",
    },
    "en": {
        CoverageStatus.PASSED: "No inconsistency found ({checked} checked).",
        CoverageStatus.UNVERIFIED: "No inconsistency found, but some figures could not be "
        "verified ({checked}).",
        CoverageStatus.FINDINGS: "{count} finding(s): {messages}",
        CoverageStatus.NOT_CHECKED: "No data for this aspect was found in the report; "
        "it could not be checked.",
        CoverageStatus.UNKNOWN: "No finding, but what was checked is not known.",
    },
}
MORE = {
    "id": "; … dan {count} temuan lainnya (lihat lembar Temuan)",
    "en": "; … and {count} more finding(s) (see the Findings sheet)",
}
CONDITION_MESSAGES = 10
"""A worksheet cell lists this many messages; the findings sheet has them all."""
CELL_LIMIT = 32_000
"""Excel refuses cells longer than 32,767 characters."""


def finding_rows(results: Sequence[DocumentResult], lang: str) -> list[dict[str, object]]:
    """One row per finding of every document, keyed by :data:`COLUMNS`."""
    return [
        {
            "document": result.path,
            "satker": result.satker or "",
            "year": result.year or "",
            "rule": finding.rule,
            "category": finding.category.value,
            "severity": finding.severity.value,
            "page": finding.page or "",
            "message": finding.text(lang),
            "stated": finding.stated or "",
            "expected": finding.expected or "",
            "evidence": finding.evidence or "",
        }
        for result in results
        for finding in result.findings
    ]


def write_csv(results: Sequence[DocumentResult], lang: str, out_path: Path) -> Path:
    """Write the finding rows as CSV (UTF-8 with BOM so that Excel reads the accents)."""
    out_path = Path(out_path)
    with (
        atomic_file(out_path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in finding_rows(results, lang):
            writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})
    return out_path


@dataclass(frozen=True, slots=True)
class ReviuRow:
    """One row of the worksheet: a category of one document."""

    document: str
    satker: str
    year: int | None
    number: int
    aspect: str
    condition: str
    criterion: str
    status: str
    pages: str


def reviu_rows(
    results: Sequence[DocumentResult], ruleset: RuleSet, lang: str = "id"
) -> list[ReviuRow]:
    """The worksheet rows: every category of every document, numbered per document."""
    categories = panel_categories(ruleset, results)
    rows = []
    for result in results:
        panel = coverage_panel(
            result, ruleset, document_coverage(result), entry_categories(result, categories)
        )
        for number, entry in enumerate(panel, start=1):
            found = [f for f in result.findings if f.category is entry.category]
            messages = "; ".join(f.text(lang) for f in found[:CONDITION_MESSAGES])
            if len(found) > CONDITION_MESSAGES:
                messages += MORE[lang].format(count=len(found) - CONDITION_MESSAGES)
            condition = CONDITION[lang][entry.status].format(
                checked=entry.description.get(lang) or "-", count=len(found), messages=messages
            )
            text = CATEGORY_TEXT[entry.category]
            rules = f" ({', '.join(entry.rules)})" if entry.rules else ""
            rows.append(
                ReviuRow(
                    document=result.path,
                    satker=result.satker or "",
                    year=result.year,
                    number=number,
                    aspect=text.aspect[lang],
                    condition=condition,
                    criterion=text.criterion[lang] + rules,
                    status=REVIU_STATUS[entry.status],
                    pages=", ".join(str(p) for p in entry.pages),
                )
            )
    return rows


def _set_text(cell, value: object) -> None:
    """Put ``value`` in ``cell``; a string is always stored as text, never as a formula, and
    neutralised as in CSV, so that the cell stays text when the sheet is saved as CSV."""
    value = spreadsheet_cell(value)
    if isinstance(value, str):
        cell.value = value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
        cell.data_type = "s"
    else:
        cell.value = value


def write_xlsx(
    results: Sequence[DocumentResult], ruleset: RuleSet, lang: str, out_path: Path
) -> Path:
    """Write the overview (first), the findings sheet and the Kertas Kerja Reviu sheet to an
    XLSX workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    book = Workbook()
    sheet = book.active
    sheet.title = "Temuan" if lang == "id" else "Findings"
    sheet.append(HEADINGS.get(lang, HEADINGS["id"]))
    for row in finding_rows(results, lang):
        sheet.append([None] * len(COLUMNS))
        for column, key in enumerate(COLUMNS, start=1):
            _set_text(sheet.cell(sheet.max_row, column), row[key])
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for letter, width in zip("ABCDEFGHIJK", (30, 30, 7, 8, 20, 9, 8, 70, 14, 14, 40), strict=True):
        sheet.column_dimensions[letter].width = width

    overview = book.create_sheet(OVERVIEW_SHEET.get(lang, OVERVIEW_SHEET["id"]), 0)
    for values in overview_table(results, lang):
        overview.append([None] * len(values))
        for column, value in enumerate(values, start=1):
            _set_text(overview.cell(overview.max_row, column), value)
    for cell in overview[1]:
        cell.font = bold
        cell.alignment = wrap
    overview.freeze_panes = "A2"
    overview.auto_filter.ref = overview.dimensions
    for letter, width in zip("ABCD", (10, 45, 28, 14), strict=True):
        overview.column_dimensions[letter].width = width
    book.active = 0

    reviu = book.create_sheet(REVIU_SHEET)
    current = None
    for row in reviu_rows(results, ruleset, lang):
        if row.document != current:
            current = row.document
            if reviu.max_row > 1:
                reviu.append([])
            title = f"{row.satker or '-'} · {row.year or '-'} · {row.document}"
            reviu.append([None])
            _set_text(reviu.cell(reviu.max_row, 1), title)
            reviu.cell(reviu.max_row, 1).font = bold
            reviu.append(REVIU_COLUMNS)
            for cell in reviu[reviu.max_row]:
                cell.font = bold
        values = (row.number, row.aspect, row.condition, row.criterion, row.status, row.pages)
        reviu.append([None] * len(values))
        for column, value in enumerate(values, start=1):
            cell = reviu.cell(reviu.max_row, column)
            _set_text(cell, value)
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (5, 28, 70, 50, 18, 12), strict=True):
        reviu.column_dimensions[letter].width = width
    out_path = Path(out_path)
    # Zipped in memory, then written: a zip file that fails on disk (a full disk) is closed
    # again when collected, and fails again, with a traceback nobody can catch.
    workbook = io.BytesIO()
    book.save(workbook)
    with atomic_file(out_path) as temporary:
        temporary.write_bytes(workbook.getvalue())
    return out_path
