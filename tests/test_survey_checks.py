"""Survey rules end to end on text (recognizer + shipped rules) and check kinds on their own."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from test_survey_helpers import Survey, facts_of, findings_of, grid_facts, printed, split_seed

from lkjip_audit.findings import Category, Severity
from lkjip_audit.rules.checks.survey import grim, mean_of
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.registry import CHECK_KINDS, RuleContext

RESPONDENTS = (30, 31, 32, 32, 32, 31, 32, 30, 31, 31, 31, 31)
BOX = (72.0, 100.0, 90.0, 110.0)
BIG = (120, 131, 140, 128, 133, 150, 141, 129, 137, 126, 131, 144)


def with_cell(rows: list[str], row: int, month: int, text: str) -> list[str]:
    """``rows`` with the value of ``month`` (0-based) in grid row ``row`` replaced."""
    tokens = rows[row].split()
    label_words = next(i for i, t in enumerate(tokens) if t[0].isdigit())
    tokens[label_words + month] = text
    return [*rows[:row], " ".join(tokens), *rows[row + 1 :]]


def report(
    survey: Survey,
    *,
    annual: str | None = None,
    total: int | None = None,
    grid: list[str] | None = None,
) -> list[str]:
    """A survey section: the grid, the annual sentence, the annual table."""
    value = annual or printed(survey.annual())
    n = total if total is not None else sum(survey.respondents)
    return [
        "\n".join(
            [
                "Berdasarkan survei yang dilakukan, diperoleh data sebagai berikut:",
                *(grid or survey.column_rows()),
                f"Dengan formulasi tersebut diperoleh nilai SKM tahun 2023 sebesar {value} dari",
                f"{n} responden.",
                *survey.annual_rows(),
            ]
        )
    ]


def rules_hit(findings) -> list[str]:
    return sorted(f.rule for f in findings if f.severity != Severity.INFO)


def test_consistent_survey_has_no_finding(ruleset):
    assert rules_hit(findings_of(report(Survey.make(BIG)), ruleset)) == []


def test_consistent_small_survey_passes_grim(ruleset):
    # answers are whole numbers, so every printed unsur mean is k/n: GRIM stays quiet
    assert rules_hit(findings_of(report(Survey.make(RESPONDENTS)), ruleset)) == []


def test_monthly_skm_not_the_mean_of_its_unsur(ruleset):
    survey = Survey.make(BIG)
    july = printed(survey.skm(6))
    wrong = printed(survey.skm(6) - Fraction(5, 100))
    pages = report(survey, grid=with_cell(survey.column_rows(), 9, 6, wrong))
    found = [f for f in findings_of(pages, ruleset) if f.rule == "IKM001"]
    assert len(found) == 1
    assert found[0].stated == wrong and found[0].expected == july
    assert "Juli" in found[0].text("id") and "July" in found[0].text("en")
    assert found[0].category == Category.IKM_RECOMPUTE and found[0].bbox is not None


def test_annual_value_and_respondents_recomputed(ruleset):
    survey = Survey.make(BIG)
    found = findings_of(report(survey, annual="3,18", total=1234), ruleset)
    annual = [f for f in found if f.rule == "IKM003"]
    assert [(f.stated, f.expected) for f in annual] == [("3,18", printed(survey.annual()))]
    assert "/ 1.610 = " in annual[0].text("id") and "/ 1,610 = " in annual[0].text("en")
    totals = [f for f in found if f.rule == "IKM002"]
    assert [(f.stated, f.expected) for f in totals] == [("1234", "1.610")]


def test_per_unsur_annual_value_recomputed(ruleset):
    survey = Survey.make(BIG)
    pages = report(survey)
    right = f"\nRespon {printed(survey.annual_unsur(6))}\n"
    assert pages[0].count(right) == 1  # the annual table's row, not the grid's
    pages = [pages[0].replace(right, "\nRespon 3,51\n")]
    found = [f for f in findings_of(pages, ruleset) if f.rule == "IKM004"]
    assert [(f.stated, f.expected) for f in found] == [("3,51", printed(survey.annual_unsur(6)))]


def test_grim_warns_with_the_nearest_possible_values(ruleset):
    survey = Survey.make(RESPONDENTS)
    # Informasi in March, 32 respondents: 126/32 = 3,94 and 127/32 = 3,97; 3,96 is impossible
    pages = report(survey, grid=with_cell(survey.column_rows(), 1, 2, "3,96"))
    found = [f for f in findings_of(pages, ruleset) if f.rule == "IKM005"]
    assert len(found) == 1
    assert found[0].severity == Severity.WARNING
    assert found[0].stated == "3,96" and found[0].expected == "3,94 / 3,97"
    assert "126/32" in found[0].text("id")


def bare_rule(check: str, **params) -> Rule:
    """A bare rule of check kind ``check`` whose message is the stated value."""
    return Rule(
        id="T1",
        category=Category.IKM_RECOMPUTE,
        severity=Severity.WARNING,
        title={"id": "t", "en": "t"},
        message={"id": "{stated}", "en": "{stated}"},
        check=check,
        params=CHECK_KINDS[check].params.resolve(params),
    )


def test_grim_has_no_power_above_a_hundred_respondents():
    rule = bare_rule(
        "grim",
        table="skm_values",
        key="period",
        values={"item": "informasi"},
        counts={"role": "responden"},
    )

    def hits(n: int) -> list[str | None]:
        facts = grid_facts(3, [("informasi", "3,96"), ("responden", str(n))])
        return [h.stated for h in grim(rule, facts, RuleContext())]

    assert hits(32) == ["3,96"]
    assert hits(101) == []  # 101 respondents: every 2-decimal value is some k/101
    assert hits(25) == []  # 99/25 = 3,96


def test_whole_numbers_in_a_two_decimal_grid_mean_two_decimals():
    rule = bare_rule(
        "mean-of",
        table="skm_values",
        group_by=["grid", "period"],
        target={"role": "skm"},
        parts={"role": "nrr"},
        grid_precision=True,
    )

    def expected(a: str, b: str, skm: str) -> list[str | None]:
        facts = grid_facts(1, [("informasi", a), ("persyaratan", b), ("skm", skm)])
        return [h.expected for h in mean_of(rule, facts, RuleContext())]

    # "4" beside "3,90" is 4,00: the mean is 3,95, so 3,90 is wrong although 4 alone is ±0,5
    assert expected("4", "3,90", "3,90") == ["3,95"]
    assert expected("4", "3,90", "3,95") == []


def test_value_outside_the_scale_and_missing_months(ruleset):
    survey = Survey.make(BIG)
    rows = with_cell(survey.column_rows(range(11)), 2, 0, "4,12")
    found = findings_of(["\n".join(rows)], ruleset)
    assert "IKM006" in rules_hit(found)
    missing = [f for f in found if f.rule == "IKM007"]
    assert len(missing) == 1 and "Desember" in missing[0].text("id")


IPK_TEXT = """Unsur survei pihak internal:
No Nama Unsur Bobot (%) Nilai
1 Intelijen 20 3,90
2 Penyidikan 10 3,80
3 TAK 10 3,70
4 Pengawasan 20 3,95
5 Pengaduan 20 3,85
6 Pencegahan {bobot} 3,75
Unsur survei pihak eksternal:
No Nama Unsur Bobot (%) Nilai
1 Intelijen 20 3,60
2 Penyidikan dan TAK 20 3,70
3 Pengawasan 20 3,80
4 Pengaduan 20 3,50
5 Pencegahan 20 3,65
Dengan jumlah responden sebanyak 12 responden internal dan 8 responden
eksternal, diperoleh nilai IPK sebesar {internal} untuk internal dan 3,65 untuk eksternal.
Nilai IPK = (12 × {internal} + 8 × 3,65) / {n} = {total}"""


def ipk_findings(ruleset, **changes: str) -> list[str]:
    values = {"bobot": "20", "internal": "3,83", "n": "20", "total": "3,76"} | changes
    text = "Pengukuran Indeks Pengamanan Keimigrasian (IPK).\n" + IPK_TEXT.format(**values)
    return rules_hit(findings_of([text], ruleset))


def test_consistent_ipk(ruleset):
    # internal (20×3,90 + 10×3,80 + 10×3,70 + 20×3,95 + 20×3,85 + 20×3,75)/100 = 3,83
    # total (12 × 3,83 + 8 × 3,65) / 20 = 3,758
    assert ipk_findings(ruleset) == []


@pytest.mark.parametrize(
    ("changes", "rules"),
    [
        ({"bobot": "25"}, ["IPK001"]),
        ({"total": "3,81"}, ["IPK002"]),
        ({"n": "21"}, ["IPK004"]),  # the parts still weigh 12 and 8
        ({"internal": "3,93", "total": "3,82"}, ["IPK003", "IPK003"]),
    ],
)
def test_ipk_defects(ruleset, changes, rules):
    assert ipk_findings(ruleset, **changes) == rules


def test_iki_conversion(ruleset):
    text = (
        "Pengukuran Indeks Kepuasan Internal (IKI).\n"
        "Hasil survei internal pada skala 100 adalah {v}; setelah dikonversi ke skala 4\n"
        "(dibagi 25) diperoleh nilai 3,87."
    )
    assert rules_hit(findings_of([text.format(v="96,75")], ruleset)) == []
    found = findings_of([text.format(v="92,10")], ruleset)
    assert [(f.rule, f.stated, f.expected) for f in found] == [("IPK005", "3,87", "3,68")]


def test_seed_findings(seed_text, ruleset):
    found = findings_of(split_seed(seed_text), ruleset)
    errors = [(f.rule, f.stated, f.expected) for f in found if f.severity == Severity.ERROR]
    assert sorted(errors) == [
        ("IKM001", "3,87", "3,88"),
        ("IKM003", "3,18", "3,96"),
        ("IKM003", "3,18", "3,96"),
    ]
    grim_hits = {
        (f.page, f.stated, f.text("en").split(" for ")[0]) for f in found if f.rule == "IKM005"
    }
    assert len([f for f in found if f.rule == "IKM005"]) == 25
    assert any("Informasi" in text and stated == "3,96" for _, stated, text in grim_hits)
    assert not [f for f in found if f.category == Category.IPK_RECOMPUTE]


def test_seed_ipk_is_recomputed_and_agrees(seed_text):
    ipk = facts_of(split_seed(seed_text)).table("ipk_parts")
    parts = {(r.part, r.field): r.value.value for r in ipk.itertuples() if r.source == "narrative"}
    total = parts[("internal", "responden")] + parts[("external", "responden")]
    weighted = (
        parts[("internal", "responden")] * parts[("internal", "ipk")]
        + parts[("external", "responden")] * parts[("external", "ipk")]
    ) / total
    assert round(weighted, 2) == parts[("total", "ipk")] == Decimal("3.98")


def test_rules_on_empty_facts_say_nothing(ruleset):
    # no grid, no IPK: no finding, and no rule fails (a failing rule becomes an info finding)
    assert findings_of(["Laporan tanpa survei."], ruleset) == []


@pytest.mark.parametrize(
    ("original", "changed", "rule", "stated", "expected"),
    [
        # the per-unsur table agrees with the grid: change one value and it no longer does
        ("Informasi 3,95 \n", "Informasi 3,75 \n", "IKM004", "3,75", "3,95"),
        # IPK 3,98 = (6 × 3,99 + 9 × 3,97) / 15: a different total is recomputed from the parts
        ("Padang sebesar 3,98. Nilai", "Padang sebesar 3,90. Nilai", "IPK002", "3,90", "3,98"),
    ],
)
def test_seed_recomputations_are_live(
    seed_text, ruleset, original, changed, rule, stated, expected
):
    assert seed_text.count(original) == 1
    found = findings_of(split_seed(seed_text.replace(original, changed)), ruleset)
    assert [(f.stated, f.expected) for f in found if f.rule == rule] == [(stated, expected)]
