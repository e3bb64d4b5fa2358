"""The working paper (XLSX): what a reviewer files.

Four sheets: an overview of the satkers ranked by errors then warnings; every finding, with
Indonesian labels, wrapped text and numbers stored as numbers; the Kertas Kerja Reviu, one
conclusion per aspect per document with blank columns for the satker's response, the
follow-up and the reviewer's initials; and the record of the run (tool, date, command, rules
and their digest, every file with its sha256 and profile). Every sheet has a frozen header and
a filter. Text cells are neutralised as in CSV (:func:`lkjip_audit.report.safe.spreadsheet_cell`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_audit.atomic import atomic_file
from lkjip_audit.findings import DocumentResult, Severity
from lkjip_audit.report.console import WORDS as STATUS_WORDS
from lkjip_audit.report.coverage import CATEGORY_TEXT
from lkjip_audit.report.overview import matrix_categories, overview_rows
from lkjip_audit.report.safe import spreadsheet_cell
from lkjip_audit.report.tables import (
    COLUMNS,
    FOLLOW_UP_COLUMNS,
    HEADINGS,
    REVIU_SHEET,
    ReviuStatus,
    finding_rows,
    reviu_rows,
)
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.run import RunInfo, run_info

CELL_LIMIT = 32_000
"""Excel refuses cells longer than 32,767 characters."""
LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0
"""Points: a line of 11-point text, and the tallest row a spreadsheet allows."""
SHEETS = {
    "id": {"overview": "Ringkasan", "findings": "Temuan", "run": "Pemeriksaan"},
    "en": {"overview": "Overview", "findings": "Findings", "run": "Run"},
}
OVERVIEW_COLUMNS = {
    "id": ("No", "Satker", "Tahun", "Dokumen", "Status", "Galat", "Peringatan", "Info", "Diterima"),
    "en": ("No", "Office", "Year", "Document", "Status", "Errors", "Warnings", "Infos", "Accepted"),
}
REVIU_HEADINGS = {
    "id": (
        "Satker", "Tahun", "Dokumen", "No", "Aspek", "Kondisi", "Kriteria", "Status", "Halaman",
        *FOLLOW_UP_COLUMNS,
    ),
    "en": (
        "Office", "Year", "Document", "No", "Aspect", "Condition", "Criterion", "Status",
        "Pages", "Office's response", "Follow-up", "Reviewer's initials",
    ),
}  # fmt: skip
RUN_WORDS = {
    "id": {
        "tool": "Alat",
        "date": "Tanggal pemeriksaan (UTC)",
        "args": "Perintah",
        "rules": "Aturan",
        "rules_sha256": "sha256 aturan",
        "rekap": "Rekap Ditjen",
        "files": ("Dokumen", "sha256", "Halaman", "Status", "Satker", "Tahun", "Profil aturan"),
        "none": "tidak diberikan",
    },
    "en": {
        "tool": "Tool",
        "date": "Date of the check (UTC)",
        "args": "Command",
        "rules": "Rules",
        "rules_sha256": "Rules sha256",
        "rekap": "Ditjen recap",
        "files": ("Document", "sha256", "Pages", "Status", "Office", "Year", "Rule profile"),
        "none": "not given",
    },
}
FINDING_WIDTHS = (30, 30, 7, 8, 24, 11, 9, 70, 16, 16, 45, 24, 30)
REVIU_WIDTHS = (30, 7, 30, 5, 26, 70, 50, 22, 10, 30, 30, 12)
OVERVIEW_WIDTHS = (5, 40, 7, 40, 12, 8, 11, 7, 9)
MATRIX_WIDTH = 12
STATUS_FILL = {
    ReviuStatus.MET: "C6EFCE",
    ReviuStatus.MET_WITH_NOTES: "FFEB9C",
    ReviuStatus.NOT_MET: "FFC7CE",
    ReviuStatus.NOT_CHECKED: "D9D9D9",
}
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _set(cell, value: object) -> None:
    """Put ``value`` in ``cell``: a number as a number, a string always as text (never a
    formula), neutralised as in CSV so that it stays text when the sheet is saved as CSV."""
    value = spreadsheet_cell(value)
    if isinstance(value, str):
        cell.value = value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
        cell.data_type = "s"
    else:
        cell.value = value
    cell.alignment = WRAP


def _height(row: Sequence[object], widths: Sequence[int]) -> float:
    """The height (points) that shows a row's wrapped text whole: LibreOffice does not fit
    rows to wrapped text when it opens an XLSX, so the rows say it themselves."""
    lines = 1
    for value, width in zip(row, widths, strict=False):
        text = str(value) if value is not None else ""
        per_line = max(int(width) - 1, 1)
        wrapped = sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))
        lines = max(lines, wrapped)
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


def _table(
    sheet: Worksheet,
    headings: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[int],
) -> None:
    """Write a heading row and ``rows`` from the sheet's first free row: bold heading,
        frozen below it, a filter over the whole table, text wrapped, the widths given, printed
    landscape one page wide."""
    top = sheet.max_row + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
    for column, heading in enumerate(headings, start=1):
        cell = sheet.cell(top, column, heading)
        cell.font = BOLD
        cell.alignment = WRAP
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            _set(sheet.cell(top + offset, column), value)
        sheet.row_dimensions[top + offset].height = _height(row, widths)
    last = get_column_letter(len(headings))
    sheet.freeze_panes = f"A{top + 1}"
    sheet.auto_filter.ref = f"A{top}:{last}{top + max(len(rows), 1)}"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    # Printed (or filed as PDF): landscape, as wide as one page, the heading on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{top}:{top}"


def _number(value: object) -> object:
    """A page or a year as a number; nothing as an empty cell."""
    return value if isinstance(value, int) else None


def _overview(sheet: Worksheet, results: Sequence[DocumentResult], lang: str) -> None:
    """One row per entry, ranked by errors then warnings still open (not accepted), with
    its counts by severity and the satker × category matrix of its findings."""

    def counts(result: DocumentResult) -> list[int]:
        open_ = [f for f in result.findings if f.accepted is None]
        return [sum(f.severity is s for f in open_) for s in Severity]

    entries = overview_rows(results)
    categories = matrix_categories(entries)
    ranked = sorted(entries, key=lambda e: [-n for n in counts(e.result)[:2]])
    rows = [
        [
            number,
            entry.result.satker,
            _number(entry.result.year),
            entry.result.path,
            STATUS_WORDS[lang][entry.result.status],
            *counts(entry.result),
            sum(f.accepted is not None for f in entry.result.findings),
            *(entry.matrix.get(category, 0) for category in categories),
        ]
        for number, entry in enumerate(ranked, start=1)
    ]
    headings = [*OVERVIEW_COLUMNS[lang], *(CATEGORY_TEXT[c].aspect[lang] for c in categories)]
    widths = [*OVERVIEW_WIDTHS, *(MATRIX_WIDTH for _ in categories)]
    _table(sheet, headings, rows, widths)


def _findings(sheet: Worksheet, results: Sequence[DocumentResult], lang: str) -> None:
    numeric = {"page", "year"}
    rows = [
        [_number(row[key]) if key in numeric else row[key] for key in COLUMNS]
        for row in finding_rows(results, lang, for_people=True)
    ]
    _table(sheet, HEADINGS[lang], rows, FINDING_WIDTHS)


def _reviu(
    sheet: Worksheet, results: Sequence[DocumentResult], ruleset: RuleSet, lang: str
) -> None:
    rows = reviu_rows(results, ruleset, lang)
    values = [
        [
            r.satker,
            _number(r.year),
            r.document,
            r.number,
            r.aspect,
            r.condition,
            r.criterion,
            r.status,
            r.pages,
            *[None] * len(FOLLOW_UP_COLUMNS),  # for the satker's response and the reviewer
        ]
        for r in rows
    ]
    _table(sheet, REVIU_HEADINGS[lang], values, REVIU_WIDTHS)
    status_column = REVIU_HEADINGS[lang].index("Status") + 1
    for offset, row in enumerate(rows, start=2):
        fill = STATUS_FILL[row.conclusion]
        sheet.cell(offset, status_column).fill = PatternFill("solid", start_color=fill)


def _run(
    sheet: Worksheet,
    results: Sequence[DocumentResult],
    ruleset: RuleSet,
    run: RunInfo,
    lang: str,
) -> None:
    words = RUN_WORDS[lang]
    facts = (
        (words["tool"], f"lkjip-audit {run.tool_version}"),
        (words["date"], run.started.strftime("%Y-%m-%d %H:%M:%S")),
        (words["args"], " ".join(run.args)),
        (words["rules"], run.rules_source),
        (words["rules_sha256"], run.rules_sha256),
        (words["rekap"], run.rekap or words["none"]),
    )
    for row, (key, value) in enumerate(facts, start=1):
        sheet.cell(row, 1, key).font = BOLD
        _set(sheet.cell(row, 2), value)
    sheet.append([])
    files = [
        [
            r.path,
            r.sha256,
            _number(r.pages),
            STATUS_WORDS[lang][r.status],
            r.satker,
            _number(r.year),
            f"{r.profile or run.rules_source} ({ruleset.for_document(r.satker).sha256[:12]})",
        ]
        for r in results
    ]
    _table(sheet, words["files"], files, (40, 66, 9, 11, 40, 7, 40))


def write_xlsx(
    results: Sequence[DocumentResult],
    ruleset: RuleSet,
    lang: str,
    out_path: Path,
    run: RunInfo | None = None,
) -> Path:
    """Write the working paper for ``results`` to ``out_path`` (whole or not at all);
    ``run`` is the record of the run (by default: one made now, without a command line)."""
    lang = lang if lang in SHEETS else "id"
    names = SHEETS[lang]
    book = Workbook()
    overview = book.active
    overview.title = names["overview"]
    _overview(overview, results, lang)
    _findings(book.create_sheet(names["findings"]), results, lang)
    _reviu(book.create_sheet(REVIU_SHEET), results, ruleset, lang)
    _run(book.create_sheet(names["run"]), results, ruleset, run or run_info(ruleset, ()), lang)
    out_path = Path(out_path)
    # Zipped in memory, then written: a zip file that fails on disk (a full disk) is closed
    # again when collected, and fails again, with a traceback nobody can catch.
    workbook = io.BytesIO()
    book.save(workbook)
    with atomic_file(out_path) as temporary:
        temporary.write_bytes(workbook.getvalue())
    return out_path
