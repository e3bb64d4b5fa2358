"""SKM grids in the layouts the regulation allows, on minimal PDFs of our own: 9 unsur by
month on the 1–4 scale, 9 unsur by quarter with NRR tertimbang, konversi and mutu, a grid
whose labels cannot be read, and a monthly table of "IKM" that is no survey. Each defect
gives its own finding, and the coverage panel says what was checked."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from real_layouts import write_report
from test_survey_helpers import printed

from corpus.model import UNSUR_PERMENPAN
from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Category, Severity
from lkjip_audit.report.coverage import CoverageStatus, coverage_panel

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des")
QUARTERS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
HEADER = "LKjIP Balai Layanan Contoh Tahun 2023"
INTRO = (
    "Survei Kepuasan Masyarakat dilaksanakan sesuai PermenPANRB Nomor 14 Tahun 2017 dengan "
    "sembilan unsur pelayanan; hasilnya sebagai berikut:"
)
SURVEY_CATEGORIES = (Category.IKM_RECOMPUTE, Category.MUTU_CATEGORY)


@dataclass(frozen=True)
class Periods:
    """Respondents and answer-score sums per unsur for each period of a year."""

    respondents: tuple[int, ...]
    sums: tuple[tuple[int, ...], ...]

    @classmethod
    def make(cls, respondents: tuple[int, ...], unsur: int = 9) -> Periods:
        """Mostly 4s with a few 3s and 2s, different in every period and unsur."""
        sums = tuple(
            tuple(4 * n - ((p * 5 + u * 7) % 11) - (n // 4 if u == 4 else 0) for u in range(unsur))
            for p, n in enumerate(respondents)
        )
        return cls(respondents, sums)

    def nrr(self, p: int, u: int) -> Fraction:
        return Fraction(self.sums[p][u], self.respondents[p])

    def index(self, p: int) -> Fraction:
        return sum((self.nrr(p, u) for u in range(len(self.sums[p]))), Fraction(0)) / len(
            self.sums[p]
        )

    def annual_nrr(self, u: int) -> Fraction:
        return Fraction(sum(s[u] for s in self.sums), sum(self.respondents))

    def annual(self) -> Fraction:
        unsur = len(self.sums[0])
        return sum((self.annual_nrr(u) for u in range(unsur)), Fraction(0)) / unsur


def mutu(value: Fraction) -> str:
    """The PermenPANRB 14/2017 letter of a value on the 25–100 scale."""
    for low, letter in ((Decimal("88.31"), "A"), (Decimal("76.61"), "B"), (Decimal(65), "C")):
        if value >= Fraction(low):
            return letter
    return "D"


def monthly_rows(survey: Periods, **changed: str) -> list[list[str]]:
    """9 unsur × 12 months, NRR on the 1–4 scale; ``changed`` overrides cells by
    ``"<row>.<month>"`` (row: unsur number 0–8, ``skm`` or ``n``)."""
    rows = [["Unsur", *MONTHS]]
    for u, label in enumerate(UNSUR_PERMENPAN):
        rows.append([label, *(printed(survey.nrr(m, u)) for m in range(12))])
    rows.append(["Nilai SKM", *(printed(survey.index(m)) for m in range(12))])
    rows.append(["Responden", *(str(n) for n in survey.respondents)])
    keys = [*(str(u) for u in range(9)), "skm", "n"]
    for key, text in changed.items():
        row, month = key.split(".")
        rows[1 + keys.index(row)][1 + int(month)] = text
    return rows


def quarterly_rows(survey: Periods, **changed: str) -> list[list[str]]:
    """9 unsur × 4 quarters and the year, with NRR tertimbang, konversi (× 25) and mutu."""
    columns = range(4)
    rows = [["Unsur", *QUARTERS, "Tahunan"]]
    for u, label in enumerate(UNSUR_PERMENPAN):
        values = [printed(survey.nrr(q, u)) for q in columns] + [printed(survey.annual_nrr(u))]
        rows.append([label, *values])
    indices = [survey.index(q) for q in columns] + [survey.annual()]
    rows.append(["NRR Tertimbang", *(printed(v) for v in indices)])
    rows.append(["IKM Konversi", *(printed(v * 25) for v in indices)])
    rows.append(["Mutu Pelayanan", *(mutu(v * 25) for v in indices)])
    rows.append(["Responden", *(str(n) for n in survey.respondents), str(sum(survey.respondents))])
    keys = [*(str(u) for u in range(9)), "nrr", "konversi", "mutu", "n"]
    for key, text in changed.items():
        row, column = key.split(".")
        rows[1 + keys.index(row)][1 + int(column)] = text
    return rows


MONTHLY = Periods.make((30, 33, 35, 31, 36, 34, 38, 32, 37, 33, 35, 36))
QUARTERLY = Periods.make((96, 101, 107, 104))


def audited(tmp_path: Path, ruleset, rows: list[list[str]], intro: str = INTRO):
    path = write_report(tmp_path / "skm.pdf", [[intro, rows]], HEADER)
    return audit_file(path, ruleset, use_cache=False)


def hits(result) -> list[tuple[str, str | None]]:
    return sorted(
        (f.rule, f.stated)
        for f in result.findings
        if f.category in SURVEY_CATEGORIES and f.severity is not Severity.INFO
    )


def panel(result, ruleset) -> dict[Category, object]:
    rows = coverage_panel(result, ruleset, result.coverage, list(SURVEY_CATEGORIES))
    return {row.category: row for row in rows}


def test_nine_unsur_by_month_is_read_and_passes(tmp_path, ruleset):
    result = audited(tmp_path, ruleset, monthly_rows(MONTHLY))
    assert hits(result) == []
    ikm = panel(result, ruleset)[Category.IKM_RECOMPUTE]
    assert ikm.status is CoverageStatus.PASSED
    assert ikm.description["id"] == "12 periode SKM, 132 nilai SKM"


def test_one_wrong_monthly_value_of_nine_unsur(tmp_path, ruleset):
    true = MONTHLY.nrr(4, 2)
    wrong = printed(true - Fraction(30, 100))
    result = audited(tmp_path, ruleset, monthly_rows(MONTHLY, **{"2.4": wrong}))
    found = [f for f in result.findings if f.rule == "IKM001"]
    assert [(f.stated, f.expected) for f in found] == [
        (printed(MONTHLY.index(4)), printed(MONTHLY.index(4) - Fraction(30, 100) / 9))
    ]
    assert "Mei" in found[0].text("id") and "9 unsur" in found[0].text("id")
    assert panel(result, ruleset)[Category.IKM_RECOMPUTE].status is CoverageStatus.FINDINGS


def test_nine_unsur_by_quarter_on_both_scales_passes(tmp_path, ruleset):
    result = audited(tmp_path, ruleset, quarterly_rows(QUARTERLY))
    assert hits(result) == []
    rows = panel(result, ruleset)
    assert rows[Category.IKM_RECOMPUTE].description["id"].startswith("5 periode SKM")
    assert "5 kategori mutu tabel SKM" in rows[Category.MUTU_CATEGORY].description["id"]
    assert rows[Category.MUTU_CATEGORY].status is CoverageStatus.PASSED


@pytest.mark.parametrize(
    ("cell", "shift", "rule"),
    [
        ("nrr.1", Decimal("-0.12"), "IKM001"),  # NRR tertimbang of Triwulan II
        ("konversi.2", Decimal("-2.50"), "IKM008"),  # konversi × 25 of Triwulan III
        ("nrr.4", Decimal("0.10"), "IKM003"),  # the year's NRR tertimbang from the quarters
    ],
)
def test_quarterly_defects_give_their_finding(tmp_path, ruleset, cell, shift, rule):
    rows = quarterly_rows(QUARTERLY)
    key, column = cell.split(".")
    row = 10 if key == "nrr" else 11
    wrong = f"{Decimal(rows[row][1 + int(column)].replace(',', '.')) + shift:f}".replace(".", ",")
    result = audited(tmp_path, ruleset, quarterly_rows(QUARTERLY, **{cell: wrong}))
    assert (rule, wrong) in hits(result)
    # every finding of the defect states the injected value (none about its neighbours)
    assert {stated for _, stated in hits(result)} == {wrong}


def test_wrong_mutu_category_in_the_grid(tmp_path, ruleset):
    rows = quarterly_rows(QUARTERLY)
    true = rows[12][2]
    wrong = "C" if true != "C" else "A"
    result = audited(tmp_path, ruleset, quarterly_rows(QUARTERLY, **{"mutu.1": wrong}))
    found = [f for f in result.findings if f.category is Category.MUTU_CATEGORY]
    assert [(f.rule, f.stated) for f in found] == [("MUT002", wrong)]
    assert "Triwulan II" in found[0].text("id") and true in found[0].expected


def test_a_grid_whose_labels_cannot_be_matched_is_not_passed(tmp_path, ruleset):
    rows = monthly_rows(MONTHLY, **{"2.4": "2,10"})
    rows[6][0] = "Kenyamanan Ruang Tunggu Lantai Dua"  # no unsur of any form
    result = audited(tmp_path, ruleset, rows)
    assert hits(result) == []  # the wrong value is not judged on a grid that was not read
    ikm = panel(result, ruleset)[Category.IKM_RECOMPUTE]
    assert ikm.status is not CoverageStatus.PASSED
    assert "1 tabel SKM tidak dapat diperiksa" in ikm.description["id"]
    assert "Kenyamanan Ruang Tunggu" in ikm.description["id"]


def test_industri_kecil_menengah_is_no_survey(tmp_path, ruleset):
    rows = [["Uraian", *MONTHS]]
    rows.append(["Jumlah IKM binaan", *(str(40 + m) for m in range(12))])
    rows.append(["Nilai produksi IKM (miliar)", *(f"3,{m + 10}" for m in range(12))])
    rows.append(["Tenaga kerja IKM", *(str(300 + m) for m in range(12))])
    intro = "Pembinaan Industri Kecil Menengah (IKM) tahun 2023 per bulan:"
    result = audited(tmp_path, ruleset, rows, intro)
    assert hits(result) == []
    assert panel(result, ruleset)[Category.IKM_RECOMPUTE].status is CoverageStatus.NOT_CHECKED
