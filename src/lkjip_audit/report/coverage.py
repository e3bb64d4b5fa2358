"""Coverage: what each category of checks had to work on, and whether it passed.

A category whose checks found nothing to read must say "tidak dapat diperiksa" (could not be
checked), never show a pass. :func:`coverage_from_facts` counts the fact rows each category
runs over; :func:`coverage_panel` combines those counts with a document's findings into one
status per category. Without counts (``coverage=None``) a category with no finding is
"unknown", not "passed".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from lkjip_audit.findings import Category, Coverage, DocumentResult, DocumentStatus

if TYPE_CHECKING:
    from lkjip_audit.rules.model import RuleSet


class CoverageStatus(StrEnum):
    """The outcome of a category for one document."""

    PASSED = "passed"
    UNVERIFIED = "unverified"
    FINDINGS = "findings"
    NOT_CHECKED = "not-checked"
    UNKNOWN = "unknown"


STATUS_WORDS = {
    "id": {
        CoverageStatus.PASSED: "lulus",
        CoverageStatus.UNVERIFIED: "sebagian tidak dapat diverifikasi",
        CoverageStatus.FINDINGS: "temuan",
        CoverageStatus.NOT_CHECKED: "tidak dapat diperiksa",
        CoverageStatus.UNKNOWN: "cakupan tidak diketahui",
    },
    "en": {
        CoverageStatus.PASSED: "passed",
        CoverageStatus.UNVERIFIED: "partly could not be verified",
        CoverageStatus.FINDINGS: "findings",
        CoverageStatus.NOT_CHECKED: "could not be checked",
        CoverageStatus.UNKNOWN: "coverage unknown",
    },
}


@dataclass(frozen=True, slots=True)
class CategoryText:
    """How a category is named to a reviewer (the aspect) and what it requires (criterion)."""

    aspect: dict[str, str]
    criterion: dict[str, str]


def _text(aspect_id: str, aspect_en: str, criterion_id: str, criterion_en: str) -> CategoryText:
    return CategoryText(
        {"id": aspect_id, "en": aspect_en}, {"id": criterion_id, "en": criterion_en}
    )


CATEGORY_TEXT: dict[Category, CategoryText] = {
    Category.CAPAIAN: _text(
        "Capaian kinerja",
        "Performance achievement",
        "Capaian yang tertulis sama dengan realisasi dibagi target (dengan batas dan arah "
        "indikator yang berlaku).",
        "The stated achievement equals realisation divided by target (with the cap and "
        "direction that apply).",
    ),
    Category.TARGET_CONSISTENCY: _text(
        "Konsistensi target",
        "Consistency of targets",
        "Target satu indikator sama di PK, Bab II, Bab III dan lampiran.",
        "An indicator has the same target in the PK, chapter II, chapter III and annexes.",
    ),
    Category.REALISASI_CONSISTENCY: _text(
        "Konsistensi realisasi",
        "Consistency of realisations",
        "Realisasi satu indikator sama di Ikhtisar Eksekutif, Bab III, Bab IV dan tabel.",
        "An indicator has the same realisation in the summary, chapters III and IV and tables.",
    ),
    Category.BUDGET_SUM: _text(
        "Jumlah anggaran",
        "Budget totals",
        "Setiap total anggaran sama dengan jumlah rinciannya.",
        "Every budget total equals the sum of its lines.",
    ),
    Category.BUDGET_PERCENTAGE: _text(
        "Persentase realisasi anggaran",
        "Budget realisation percentages",
        "Persentase realisasi sama dengan realisasi dibagi pagu.",
        "The realisation percentage equals realisation divided by the ceiling (pagu).",
    ),
    Category.BUDGET_CONSISTENCY: _text(
        "Konsistensi anggaran",
        "Consistency of budget figures",
        "Angka anggaran yang sama ditulis sama di setiap tempat.",
        "The same budget figure is written the same everywhere.",
    ),
    Category.IKM_RECOMPUTE: _text(
        "Perhitungan IKM/SKM",
        "IKM/SKM computation",
        "Nilai SKM bulanan dan tahunan dapat dihitung ulang dari unsur dan jumlah responden.",
        "Monthly and annual SKM values recompute from their elements and respondent counts.",
    ),
    Category.IPK_RECOMPUTE: _text(
        "Perhitungan IPK/IKI",
        "IPK/IKI computation",
        "Nilai IPK dan IKI dapat dihitung ulang dari bobot, nilai dan konversinya.",
        "IPK and IKI values recompute from their weights, values and conversions.",
    ),
    Category.PERCENTAGE: _text(
        "Persentase dan selisih lainnya",
        "Other percentages and differences",
        "Setiap persentase atau selisih yang tertulis sesuai dengan angka yang disebutkan.",
        "Every stated percentage or difference follows from the numbers it names.",
    ),
    Category.MUTU_CATEGORY: _text(
        "Kategori mutu",
        "Quality category",
        "Kategori mutu yang tertulis sesuai dengan nilai dan tabel intervalnya.",
        "The stated quality category matches the value and the interval table.",
    ),
    Category.PLACEHOLDER: _text(
        "Kelengkapan isian templat",
        "Template blanks filled in",
        "Tidak ada penanda templat yang tertinggal ([Satuan Kerja], […], (contoh), XX).",
        "No template marker is left in ([Satuan Kerja], […], (contoh), XX).",
    ),
    Category.DUPLICATE_NIP: _text(
        "Keunikan NIP",
        "Uniqueness of NIPs",
        "Satu NIP untuk satu pegawai, dan satu pegawai dengan satu NIP.",
        "One NIP per civil servant, and one NIP for each civil servant.",
    ),
    Category.NIP_FORMAT: _text(
        "Format NIP",
        "NIP format",
        "NIP terdiri dari 18 angka dengan tanggal lahir, tanggal pengangkatan dan kode jenis "
        "kelamin yang mungkin.",
        "A NIP has 18 digits with a possible birth date, appointment date and gender digit.",
    ),
    Category.REKAP_MISMATCH: _text(
        "Kesesuaian dengan rekap Ditjen",
        "Agreement with the Ditjen recap",
        "Nilai dan jumlah responden dalam laporan sama dengan rekap Ditjen untuk satker ini.",
        "The report's values and respondent counts equal the Ditjen recap for this office.",
    ),
    Category.REKAP_INTERNAL: _text(
        "Konsistensi rekap Ditjen",
        "Consistency of the Ditjen recap",
        "Angka wilayah dan total dalam rekap sesuai dengan baris satkernya.",
        "Regional figures and totals in the recap agree with their office rows.",
    ),
    Category.STRUCTURE: _text(
        "Sistematika laporan",
        "Report structure",
        "Bab, bagian dan lampiran wajib ada dan berurutan.",
        "Required chapters, sections and annexes are present and in order.",
    ),
    Category.EXTRACTION: _text(
        "Keterbacaan dokumen",
        "Readability of the document",
        "Dokumen dan seluruh halamannya dapat dibaca sebagai teks.",
        "The document and all its pages can be read as text.",
    ),
}


@dataclass(frozen=True, slots=True)
class PanelRow:
    """One category of one document: status, what was checked, findings and their pages."""

    category: Category
    status: CoverageStatus
    findings: int
    pages: tuple[int, ...]
    description: dict[str, str]
    rules: tuple[str, ...]


def panel_categories(ruleset: RuleSet, results: Sequence[DocumentResult]) -> list[Category]:
    """The categories to show: those the rule set checks and those findings name, in order."""
    named = {r.category for r in ruleset.rules}
    named |= {f.category for result in results for f in result.findings}
    return [c for c in Category if c in named and c is not Category.EXTRACTION]


def entry_categories(result: DocumentResult, categories: Sequence[Category]) -> list[Category]:
    """The categories shown for one entry: the Ditjen recap's own entry is checked against
    itself only (rekap-internal); a report, for every category of the batch."""
    return [Category.REKAP_INTERNAL] if result.kind == "rekap" else list(categories)


def coverage_panel(
    result: DocumentResult,
    ruleset: RuleSet,
    coverage: Sequence[Coverage] | None = None,
    categories: Sequence[Category] | None = None,
) -> list[PanelRow]:
    """The status of every category for ``result``.

    ``coverage`` is what the checks had to read; ``None`` means it is not known, so a category
    without a finding is UNKNOWN rather than PASSED. A document that could not be audited has
    nothing checked at all.
    """
    known = {c.category: c for c in coverage} if coverage is not None else None
    rows = []
    for category in categories or panel_categories(ruleset, [result]):
        found = [f for f in result.findings if f.category is category]
        covered = known.get(category) if known is not None else None
        if found or (covered is not None and covered.flagged):
            status = CoverageStatus.FINDINGS
        elif result.status is not DocumentStatus.AUDITED:
            status = CoverageStatus.NOT_CHECKED
        elif known is None:
            status = CoverageStatus.UNKNOWN
        elif covered is not None and covered.unverified > 0:
            # The checks abstained on what they read: no finding is no pass; with nothing
            # read that could be checked at all, the category could not be checked.
            status = (
                CoverageStatus.UNVERIFIED
                if covered.checked_items > 0
                else CoverageStatus.NOT_CHECKED
            )
        elif covered is not None and covered.checked_items > 0:
            status = CoverageStatus.PASSED
        else:
            status = CoverageStatus.NOT_CHECKED
        rows.append(
            PanelRow(
                category=category,
                status=status,
                findings=len(found) + (covered.flagged if covered is not None else 0),
                pages=tuple(sorted({f.page for f in found if f.page is not None})),
                description=dict(covered.description) if covered is not None else {},
                rules=tuple(sorted({r.id for r in ruleset.rules if r.category is category})),
            )
        )
    return rows


def document_coverage(result: DocumentResult) -> list[Coverage] | None:
    """The coverage attached to ``result`` (None for a document that was not audited)."""
    return result.coverage
