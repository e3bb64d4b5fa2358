"""Findings as tables: the finding rows (CSV here; XLSX in :mod:`.workpaper`) and the rows of
the reviewer's worksheet.

The worksheet ("Kertas Kerja Reviu") has one row per category per document: the aspect, the
condition found, the criterion, the conclusion (Terpenuhi, Terpenuhi dengan catatan, Tidak
Terpenuhi, Tidak Dapat Diperiksa with the reason) and the pages. Every text cell goes through
``report.safe.spreadsheet_cell``: text from a PDF that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``, tab) is written with a leading apostrophe, never as a formula, in
CSV and XLSX alike.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lkjip_audit.atomic import atomic_file
from lkjip_audit.findings import Category, DocumentResult, DocumentStatus, Finding, Severity
from lkjip_audit.fingerprint import finding_id
from lkjip_audit.report.coverage import (
    CATEGORY_TEXT,
    CoverageStatus,
    PanelRow,
    coverage_panel,
    document_coverage,
    entry_categories,
    panel_categories,
)
from lkjip_audit.report.labels import accepted_label, category_label, severity_label
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
    "id",
    "accepted",
)
"""The columns of a finding row, and the CSV header of the ``plain`` dialect."""

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
        "Sidik jari",
        "Diterima",
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
        "Fingerprint",
        "Accepted",
    ),
}
"""The headings of the finding columns, for people (XLSX, and CSV of the ``id`` dialect)."""


@dataclass(frozen=True, slots=True)
class CsvDialect:
    """A CSV flavour: separator, encoding and whether people or scripts read it."""

    delimiter: str
    encoding: str
    for_people: bool


CSV_DIALECTS = {
    # Indonesian-locale Excel splits on ';' (',' is its decimal mark) and needs the BOM to
    # read UTF-8; people read Indonesian headings and labels.
    "id": CsvDialect(";", "utf-8-sig", for_people=True),
    # Scripts read ',' and the ids of findings-v1 (budget-sum, error).
    "plain": CsvDialect(",", "utf-8", for_people=False),
}
REVIU_SHEET = "Kertas Kerja Reviu"
REVIU_COLUMNS = ("No", "Aspek", "Kondisi", "Kriteria", "Status", "Halaman")
FOLLOW_UP_COLUMNS = ("Tanggapan Satker", "Tindak Lanjut", "Paraf Reviu")
"""Left blank for the satker's response, the follow-up and the reviewer's initials."""


class ReviuStatus(StrEnum):
    """The conclusion of a worksheet row."""

    MET = "met"
    MET_WITH_NOTES = "met-with-notes"
    NOT_MET = "not-met"
    NOT_CHECKED = "not-checked"


REVIU_STATUS = {
    "id": {
        ReviuStatus.MET: "Terpenuhi",
        ReviuStatus.MET_WITH_NOTES: "Terpenuhi dengan catatan",
        ReviuStatus.NOT_MET: "Tidak Terpenuhi",
        ReviuStatus.NOT_CHECKED: "Tidak Dapat Diperiksa",
    },
    "en": {
        ReviuStatus.MET: "Met",
        ReviuStatus.MET_WITH_NOTES: "Met with notes",
        ReviuStatus.NOT_MET: "Not met",
        ReviuStatus.NOT_CHECKED: "Could not be checked",
    },
}
CONDITION = {
    "id": {
        "passed": "Tidak ditemukan ketidaksesuaian ({checked} diperiksa).",
        "unverified": "Tidak ditemukan ketidaksesuaian ({checked} diperiksa), tetapi "
        "{unverified} perbandingan tidak dapat diverifikasi.",
        "findings": "{count} temuan: {messages}",
        "not_checked": "Tidak dapat diperiksa: {reason}.",
    },
    "en": {
        "passed": "No inconsistency found ({checked} checked).",
        "unverified": "No inconsistency found ({checked} checked), but {unverified} "
        "comparison(s) could not be verified.",
        "findings": "{count} finding(s): {messages}",
        "not_checked": "Could not be checked: {reason}.",
    },
}
REASON = {
    "id": {
        DocumentStatus.SCANNED: "dokumen hasil pindaian tanpa lapisan teks",
        DocumentStatus.ENCRYPTED: "dokumen terkunci kata sandi",
        DocumentStatus.UNREADABLE: "dokumen tidak dapat dibuka",
        "no_recap": "rekap Ditjen tidak diberikan",
        "no_recap_profile": "profil satker ini tidak memakai rekap Ditjen",
        "unverified": "{unverified} perbandingan tidak dapat diverifikasi",
        "no_data": "data untuk aspek ini tidak ditemukan dalam laporan",
        "unknown": "cakupan pemeriksaan tidak diketahui",
    },
    "en": {
        DocumentStatus.SCANNED: "the document is a scan without a text layer",
        DocumentStatus.ENCRYPTED: "the document is password-protected",
        DocumentStatus.UNREADABLE: "the document cannot be opened",
        "no_recap": "no Ditjen recap was given",
        "no_recap_profile": "this office's profile does not use the Ditjen recap",
        "unverified": "{unverified} comparison(s) could not be verified",
        "no_data": "no data for this aspect was found in the report",
        "unknown": "what was checked is not known",
    },
}
RECAP_CATEGORIES = (Category.REKAP_MISMATCH, Category.REKAP_INTERNAL)
MORE = {
    "id": "; … dan {count} temuan lainnya (lihat lembar Temuan)",
    "en": "; … and {count} more finding(s) (see the Findings sheet)",
}
CONDITION_MESSAGES = 10
"""A worksheet cell lists this many messages; the findings sheet has them all."""


def finding_rows(
    results: Sequence[DocumentResult], lang: str, *, for_people: bool = True
) -> list[dict[str, object]]:
    """One row per finding of every document, keyed by :data:`COLUMNS`; ``for_people``
    names categories and severities in ``lang`` ("Jumlah anggaran", "Galat"), else by id."""
    return [
        {
            "document": result.path,
            "satker": result.satker or "",
            "year": result.year or "",
            "rule": finding.rule,
            "category": (
                category_label(finding.category, lang) if for_people else finding.category.value
            ),
            "severity": (
                severity_label(finding.severity, lang) if for_people else finding.severity.value
            ),
            "page": finding.page or "",
            "message": finding.text(lang),
            "stated": finding.stated or "",
            "expected": finding.expected or "",
            "evidence": finding.evidence or "",
            "id": finding_id(result, finding),
            "accepted": accepted_label(finding.accepted, lang),
        }
        for result in results
        for finding in result.findings
    ]


def write_csv(
    results: Sequence[DocumentResult], lang: str, out_path: Path, dialect: str = "id"
) -> Path:
    """Write the finding rows as CSV in ``dialect`` (:data:`CSV_DIALECTS`)."""
    flavour = CSV_DIALECTS[dialect]
    out_path = Path(out_path)
    header = HEADINGS.get(lang, HEADINGS["id"]) if flavour.for_people else COLUMNS
    with (
        atomic_file(out_path) as temporary,
        temporary.open("w", encoding=flavour.encoding, newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=flavour.delimiter)
        writer.writerow(header)
        for row in finding_rows(results, lang, for_people=flavour.for_people):
            writer.writerow([spreadsheet_cell(row[key]) for key in COLUMNS])
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
    conclusion: ReviuStatus


def _unverified(result: DocumentResult, category: Category) -> int:
    """The comparisons of ``category`` the checks abstained from (coverage)."""
    return sum(c.unverified for c in result.coverage or () if c.category is category)


def _not_checked_reason(result: DocumentResult, entry: PanelRow, lang: str) -> str:
    """Why a category could not be checked, as precisely as the result says."""
    reasons = REASON[lang]
    unverified = _unverified(result, entry.category)
    if result.status is not DocumentStatus.AUDITED:
        return reasons[result.status]
    if entry.category in RECAP_CATEGORIES and result.rekap is None:
        return reasons["no_recap" if result.rekap_checked else "no_recap_profile"]
    if unverified:
        return reasons["unverified"].format(unverified=unverified)
    if entry.status is CoverageStatus.UNKNOWN:
        return reasons["unknown"]
    return reasons["no_data"]


def _finding_text(finding: Finding, lang: str) -> str:
    accepted = accepted_label(finding.accepted, lang)
    return finding.text(lang) + (f" [{accepted}]" if accepted else "")


def _conclusion(
    result: DocumentResult, entry: PanelRow, found: Sequence[Finding], lang: str
) -> tuple[ReviuStatus, str]:
    """The row's conclusion and condition: errors not accepted make it not met; warnings,
    infos, accepted findings and unverified comparisons make it met with notes."""
    words = CONDITION[lang]
    checked = entry.description.get(lang) or "-"
    if found:
        messages = "; ".join(_finding_text(f, lang) for f in found[:CONDITION_MESSAGES])
        if len(found) > CONDITION_MESSAGES:
            messages += MORE[lang].format(count=len(found) - CONDITION_MESSAGES)
        errors = any(f.severity is Severity.ERROR and f.accepted is None for f in found)
        conclusion = ReviuStatus.NOT_MET if errors else ReviuStatus.MET_WITH_NOTES
        return conclusion, words["findings"].format(count=len(found), messages=messages)
    if entry.status is CoverageStatus.PASSED:
        return ReviuStatus.MET, words["passed"].format(checked=checked)
    if entry.status is CoverageStatus.UNVERIFIED:
        return ReviuStatus.MET_WITH_NOTES, words["unverified"].format(
            checked=checked, unverified=_unverified(result, entry.category)
        )
    reason = _not_checked_reason(result, entry, lang)
    return ReviuStatus.NOT_CHECKED, words["not_checked"].format(reason=reason)


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
            conclusion, condition = _conclusion(result, entry, found, lang)
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
                    status=REVIU_STATUS[lang][conclusion],
                    pages=", ".join(str(p) for p in entry.pages),
                    conclusion=conclusion,
                )
            )
    return rows
