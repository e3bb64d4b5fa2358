"""Indicator check kinds on hand-made facts, and the shipped indicator rules on the seed."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from support import document_from_pages

from corpus.seed_pdf import DEFAULT_TEXT, read_lines, split_pages
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category, Severity
from lkjip_audit.numbers import parse_number
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.claims import recognize_claims
from lkjip_audit.recognize.indicators import recognize_indicators
from lkjip_audit.rules.checks.indicators import (
    claim,
    difference_result,
    equal_across_places,
    growth_result,
    interval_category,
    ratio,
    ratio_outcome,
)
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.model import Rule, RuleSet
from lkjip_audit.rules.registry import CHECK_KINDS, RuleContext

CATEGORIES = {
    Category.CAPAIAN,
    Category.TARGET_CONSISTENCY,
    Category.REALISASI_CONSISTENCY,
    Category.PERCENTAGE,
    Category.MUTU_CATEGORY,
}


def n(raw: str, page: int = 1):
    return parse_number(raw, page=page, bbox=(1.0, 2.0, 3.0, 4.0))


def rule(check: str, **params) -> Rule:
    return Rule(
        id="T001",
        category=Category.CAPAIAN,
        severity=Severity.ERROR,
        title={"id": "t", "en": "t"},
        message={"id": "m", "en": "m"},
        check=check,
        params=CHECK_KINDS[check].params.resolve(params),
    )


def indicator_row(place: str, page: int, target=None, realisasi=None, capaian=None, **extra):
    row = {
        "name": "Indeks Kepuasan Masyarakat",
        "key": "indeks kepuasan masyarakat",
        "place": place,
        "year": 2023,
        "target": n(target, page) if target else None,
        "realisasi": n(realisasi, page) if realisasi else None,
        "capaian": n(capaian, page) if capaian else None,
        "unit": None,
        "lower_is_better": False,
        "entity": None,
        "reference": None,
        "rating": None,
        "page": page,
        "bbox": None,
        "raw": f"{target} {realisasi} {capaian}",
    }
    row.update(extra)
    return row


def facts_of(**tables: list[dict]) -> Facts:
    facts = Facts()
    for name, rows in tables.items():
        facts.add(name, pd.DataFrame(rows))
    assert facts.problems == []
    return facts


# --- ratio ------------------------------------------------------------------------------------


def test_ratio_outcomes_by_printed_precision_direction_and_cap():
    assert ratio_outcome(n("119,08%"), n("3,87"), n("3,25"), False, None).kind == "ok"
    assert ratio_outcome(n("100 %"), n("3,87"), n("3,25"), False, None).kind == "mismatch"
    assert ratio_outcome(n("100%"), n("3,87"), n("3,25"), False, Decimal(100)).kind == "capped"
    assert ratio_outcome(n("100%"), n("3,00"), n("3,25"), False, Decimal(100)).kind == "mismatch"
    assert ratio_outcome(n("111,11%"), n("2,70"), n("3,00"), True, None).kind == "ok"
    assert ratio_outcome(n("100%"), n("5"), n("0"), False, None).kind == "zero"
    # 3,13 / 3,12: the inputs' rounding is carried, "100%" agrees.
    assert ratio_outcome(n("100%"), n("3,13"), n("3,13"), False, None).kind == "ok"


def test_ratio_outcomes_of_both_polarities():
    # Lower is better, said by the report: target / realisasi and (2T - R) / T both count.
    assert ratio_outcome(n("101,44%"), n("32,59%"), n("33,06%"), True, None).kind == "ok"
    assert ratio_outcome(n("101,42%"), n("32,59%"), n("33,06%"), True, None).kind == "ok"
    # ... and realisasi / target is then the wrong formula.
    assert ratio_outcome(n("98,58"), n("32,59%"), n("33,06%"), True, None).kind == "mismatch"
    # Direction not said: a value only the lower-is-better formula gives is not verified.
    unknown = ratio_outcome(n("125,00%"), n("32"), n("40"), None, None)
    assert unknown.kind == "direction-unknown"
    # ... and a value no formula gives is still a mismatch, against realisasi / target.
    wrong = ratio_outcome(n("117,5%"), n("32,59%"), n("33,06%"), None, None)
    assert wrong.kind == "mismatch"
    assert wrong.expected is not None and round(wrong.expected.mid, 2) == Decimal("98.58")


def test_a_target_is_exact_as_printed():
    # 91,8 / 91 = 100,88: a measured "91%" could be 91,4 and let 100,80 pass; a target cannot.
    assert ratio_outcome(n("100,80%"), n("91,8%"), n("91%"), False, None).kind == "ok"
    exact = ratio_outcome(n("100,80%"), n("91,8%"), n("91%"), False, None, True)
    assert exact.kind == "mismatch"


def test_ratio_check_reports_each_outcome_under_its_own_rule():
    facts = facts_of(indicators=[indicator_row("ikhtisar", 4, "3,25", "3,87", "100 %")])
    mismatch = list(ratio(rule("ratio", **PARAMS), facts, RuleContext(settings={})))
    assert [(h.page, h.stated, h.expected) for h in mismatch] == [(4, "100 %", "119,08%")]
    capped_ctx = RuleContext(settings={"capaian_cap": 100})
    assert list(ratio(rule("ratio", **PARAMS), facts, capped_ctx)) == []
    info = list(ratio(rule("ratio", **PARAMS, report="capped"), facts, capped_ctx))
    assert [h.expected for h in info] == ["119,08%"]


def test_ratio_uses_profile_lower_is_better_list():
    row = indicator_row("bab3-table", 15, "3,00", "2,70", "111,11%")
    row["name"] = "Rata-rata Waktu Penyelesaian Permohonan Paspor"
    facts = facts_of(indicators=[row])
    assert len(list(ratio(rule("ratio", **PARAMS), facts, RuleContext(settings={})))) == 1
    profile = RuleContext(settings={"lower_is_better": ["Rata-rata Waktu Penyelesaian"]})
    assert list(ratio(rule("ratio", **PARAMS), facts, profile)) == []


PARAMS = {
    "table": "indicators",
    "numerator": "realisasi",
    "denominator": "target",
    "stated": "capaian",
}


# --- equal-across-places -----------------------------------------------------------------------


def test_equal_across_places_one_finding_per_disagreeing_place_against_the_majority():
    rows = [
        indicator_row("ikhtisar", 4, realisasi="3,87"),
        indicator_row("bab3-table", 23, realisasi="3,25"),
        indicator_row("bab3-narrative", 26, realisasi="3,96"),
        indicator_row("bab3-comparison", 28, realisasi="3,96"),
        indicator_row("bab4", 40, realisasi="3.96"),
    ]
    hits = list(
        equal_across_places(
            rule("equal-across-places", table="indicators", column="realisasi"),
            facts_of(indicators=rows),
            RuleContext(),
        )
    )
    assert sorted((h.page, h.stated, h.expected) for h in hits) == [
        (4, "3,87", "3,96"),
        (23, "3,25", "3,96"),
    ]
    assert all(h.related and h.bbox for h in hits)


def test_equal_across_places_prefers_the_pk_on_a_tie_and_ignores_other_years():
    rows = [
        indicator_row("pk", 13, target="3,25"),
        indicator_row("bab3-table", 15, target="3,13"),
        indicator_row("bab3-table", 17, target="3,20", year=2022),
    ]
    hits = list(
        equal_across_places(
            rule(
                "equal-across-places", table="indicators", column="target", preferred_places=["pk"]
            ),
            facts_of(indicators=rows),
            RuleContext(),
        )
    )
    assert [(h.page, h.stated, h.expected) for h in hits] == [(15, "3,13", "3,25")]


def test_equal_across_places_abstains_on_two_values_stated_once_each_without_a_pk():
    rows = [
        indicator_row("bab2", 24, target="5,8"),
        indicator_row("bab3-narrative", 40, target="3,2"),
    ]
    consistency = rule("equal-across-places", table="indicators", column="target")
    hits = list(equal_across_places(consistency, facts_of(indicators=rows), RuleContext()))
    assert len(hits) == 1 and hits[0].unverified is not None


def test_equal_across_places_counts_coarser_rounding_and_separators_as_equal():
    rows = [
        indicator_row("pk", 13, target="87"),
        indicator_row("lampiran-pk", 46, target="87,0"),
        indicator_row("bab3-table", 15, target="3.25", key="x"),
        indicator_row("ikhtisar", 4, target="3,25", key="x"),
    ]
    hits = equal_across_places(
        rule("equal-across-places", table="indicators", column="target"),
        facts_of(indicators=rows),
        RuleContext(),
    )
    assert list(hits) == []


# --- claims -----------------------------------------------------------------------------------


def test_growth_names_the_formula_the_author_used():
    wrong = growth_result(n("17,3%"), n("3,20"), n("3,87"), down=False)
    assert not wrong.holds
    assert round(wrong.expected, 2) == Decimal("20.94")
    assert "3,87" in wrong.explanation["id"]
    assert growth_result(n("0,3%"), n("3,12"), n("3,13"), down=False).holds
    assert growth_result(n("0,5 %"), n("3,87"), n("3,85"), down=True).holds


def test_difference_is_the_gap_between_the_two_values():
    assert difference_result(n("0,33"), n("3,63"), n("3,96")).holds
    assert difference_result(n("0,07"), n("3,92"), n("3,85")).holds
    assert not difference_result(n("0,02"), n("3,96"), n("3,96")).holds


def claim_row(kind: str, stated: str, a=None, b=None, **extra) -> dict:
    row = {
        "kind": kind,
        "key": "indeks kepuasan masyarakat",
        "name": "Indeks Kepuasan Masyarakat",
        "place": "bab3-narrative",
        "year": 2023,
        "stated": n(stated, 28),
        "a": n(a, 28) if a else None,
        "b": n(b, 28) if b else None,
        "direction": "up",
        "entity": None,
        "category": None,
        "others": (),
        "page": 28,
        "bbox": None,
        "raw": stated,
    }
    row.update(extra)
    return row


def test_difference_claim_points_at_the_comparison_table_value():
    table_row = indicator_row(
        "bab3-comparison",
        28,
        realisasi="3,96",
        capaian="100%",
        entity="Direktorat Jenderal Imigrasi",
        reference=n("3,94", 28),
    )
    facts = facts_of(
        indicators=[table_row],
        claims=[claim_row("difference", "0,02", "3,96", "3,96", entity="ditjen")],
    )
    hits = list(claim(rule("claim", kind="difference"), facts, RuleContext()))
    assert len(hits) == 1
    assert "3,94" in hits[0].values["hint"]["id"]


def test_a_claim_that_holds_for_another_stated_realisation_is_not_reported():
    row = claim_row("growth", "2,7%", "3,76", "3,74", direction="down", others=(n("3,66"),))
    facts = facts_of(claims=[row])
    assert list(claim(rule("claim", kind="growth"), facts, RuleContext())) == []


def test_average_claim_against_the_indicators_capaian():
    rows = [
        indicator_row("bab3-table", 16, "3,25", "3,93", "120,92%"),
        indicator_row("bab3-table", 16, "3,13", "3,79", "121,09%", key="ipk"),
    ]
    ok = claim_row("average", "121,01%")
    wrong = claim_row("average", "100%")
    facts = facts_of(indicators=rows, claims=[ok, wrong])
    hits = list(claim(rule("claim", kind="average"), facts, RuleContext()))
    assert [h.stated for h in hits] == ["100%"]


# --- interval-category ------------------------------------------------------------------------

SCALES = [
    {
        "min": 1,
        "max": 4,
        "bands": [
            {"from": 1, "letter": "D", "name": "Tidak Baik"},
            {"from": 2.60, "letter": "C", "name": "Kurang Baik"},
            {"from": 3.0644, "letter": "B", "name": "Baik"},
            {"from": 3.5324, "letter": "A", "name": "Sangat Baik"},
        ],
    },
    {
        "min": 25,
        "max": 100,
        "bands": [
            {"from": 25, "letter": "D", "name": "Tidak Baik"},
            {"from": 65, "letter": "C", "name": "Kurang Baik"},
            {"from": 76.61, "letter": "B", "name": "Baik"},
            {"from": 88.31, "letter": "A", "name": "Sangat Baik"},
        ],
    },
]


@pytest.mark.parametrize(
    ("value", "category", "wrong"),
    [
        ("3,85", "A; Sangat Baik", False),
        ("3,85", "A; Tidak Baik", True),
        ("3,40", "B; Baik", False),
        ("3,40", "Sangat Baik", True),
        ("3,53", "A", False),  # 3,53 may be 3,5324 or more: A or B
        ("3,53", "B", False),
        ("95,54", "Sangat Baik", False),
        ("70", "B", True),
    ],
)
def test_interval_category(value, category, wrong):
    facts = facts_of(claims=[claim_row("mutu", value, category=category)])
    hits = list(interval_category(rule("interval-category", scales=SCALES), facts, RuleContext()))
    assert bool(hits) is wrong


# --- the shipped rules on the seed --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_facts() -> Facts:
    lines = read_lines(DEFAULT_TEXT)
    doc = document_from_pages(["\n".join(lines[a:b]) for a, b in split_pages(lines)])
    facts = Facts()
    facts.update(recognize_indicators(doc, DocumentMeta(year=2023)))
    facts.update(recognize_claims(doc, DocumentMeta(year=2023)))
    return facts


def indicator_rules(ruleset: RuleSet) -> RuleSet:
    rules = tuple(r for r in ruleset.rules if r.category in CATEGORIES)
    return RuleSet(ruleset.source, ruleset.sha256, rules, ruleset.settings)


def test_seed_findings_without_a_cap(seed_facts, ruleset):
    findings = run_rules(indicator_rules(ruleset), seed_facts, RuleContext(year=2023))
    found = {(f.rule, f.page, f.stated) for f in findings}
    # Conflicting IKM, IPK and IKI realisations (Ikhtisar and Bab III table vs narrative).
    assert {("REA001", 4, "3,87"), ("REA001", 23, "3,25"), ("REA001", 5, "3,13")} <= found
    assert {("REA001", 5, "3,86"), ("REA001", 24, "3,13")} <= found
    # 17,3% growth: the author divided by 3,87, not 3,20.
    growth = next(f for f in findings if f.rule == "PCT001")
    assert (growth.page, growth.stated, growth.expected) == (4, "17,3%", "20,94%")
    assert "3,87" in growth.message["id"] and "3,87" in growth.message["en"]
    # "Direktorat Jenderal Imigrasi sebesar 3,96 ... lebih besar 0,02 poin" vs its table's 3,94.
    ditjen = next(f for f in findings if f.rule == "PCT002")
    assert (ditjen.page, ditjen.stated) == (28, "0,02") and "3,94" in ditjen.message["id"]
    # 100% where 3,87 / 3,25 = 119,08%.
    assert ("CAP001", 4, "100 %") in found
    assert not any(f.category == Category.TARGET_CONSISTENCY for f in findings)
    assert all(f.page and f.bbox and f.evidence and f.expected for f in findings)


def test_seed_consistent_statements_give_no_finding(seed_facts, ruleset):
    findings = run_rules(indicator_rules(ruleset), seed_facts, RuleContext(year=2023))
    pages = {f.page for f in findings if f.category == Category.PERCENTAGE}
    # "lebih besar 0,33 / 0,24 / 0,27 / 0,01 poin" and "0,3%" all follow from their values.
    assert not any(f.stated in ("0,33", "0,24", "0,27", "0,01", "0,3%") for f in findings)
    assert pages <= {4, 28, 31}


def test_seed_under_a_cap_capped_values_are_info(seed_facts, ruleset):
    context = RuleContext(settings={**ruleset.settings, "capaian_cap": 100}, year=2023)
    findings = run_rules(indicator_rules(ruleset), seed_facts, context)
    capaian = [f for f in findings if f.category == Category.CAPAIAN]
    assert capaian and all(f.rule == "CAP002" and f.severity == Severity.INFO for f in capaian)
    assert ("CAP002", 4, "119,08%") in {(f.rule, f.page, f.expected) for f in capaian}


# --- abstaining ---------------------------------------------------------------------------


def test_rounding_slips_and_misread_ratios_are_not_mismatches():
    # 17.996.756.484 / 16.000.000.000 = 112,4797...: "112,47" is truncated, not wrong.
    assert (
        ratio_outcome(n("112,47"), n("17.996.756.484"), n("16.000.000.000"), False, None).kind
        == "ok"
    )
    # A budget amount paired with a target: 11.535.070.839,77 % is a misreading.
    huge = ratio_outcome(n("11.535.070.839,77%"), n("3,87"), n("3,25"), False, None)
    assert huge.kind == "implausible"
    # A capaian of 143,63 % where the figures give 14,2 %: an order of magnitude apart.
    assert ratio_outcome(n("143,63%"), n("9,49"), n("66,7"), False, None).kind == "implausible"
    # A stated 0 % on a target of 0: nothing is claimed, nothing to compute.
    assert ratio_outcome(n("0%"), n("37,5%"), n("0%"), False, None).kind == "ok"


def test_an_abstention_is_counted_not_reported():
    facts = facts_of(
        indicators=[indicator_row("bab3-table", 7, "3,25", "3,87", "11.535.070.839,77%")]
    )
    capaian = rule("ratio", **PARAMS)
    ruleset = RuleSet(source="t", sha256="0", rules=(capaian,))
    context = RuleContext(settings={})
    assert run_rules(ruleset, facts, context) == []
    assert context.unverified[Category.CAPAIAN] == 1


def test_targets_of_another_kind_or_magnitude_are_not_compared():
    facts = facts_of(
        indicators=[
            indicator_row("pk", 3, target="65%"),
            indicator_row("bab3-table", 9, target="65%"),
            indicator_row("bab2", 5, target="15"),  # a page number read as a target
            indicator_row("bab4", 20, target="0,65%"),  # a hundred times smaller: another figure
        ]
    )
    consistency = rule("equal-across-places", table="indicators", column="target")
    hits = list(equal_across_places(consistency, facts, RuleContext(settings={})))
    assert len(hits) == 2
    assert all(h.unverified is not None for h in hits)


def test_a_target_printed_with_its_percent_unit_is_held_against_the_same_kind():
    # the PK prints each target with its unit ("84,77 %"); the other places mostly without
    facts = facts_of(
        indicators=[
            indicator_row("ikhtisar", 4, target="85,00"),
            indicator_row("bab2", 8, target="85,00%"),
            indicator_row("bab3-table", 10, target="85,00"),
            indicator_row("lampiran-pk", 17, target="84,77%"),
        ]
    )
    consistency = rule("equal-across-places", table="indicators", column="target")
    hits = list(equal_across_places(consistency, facts, RuleContext(settings={})))
    assert [(h.page, h.stated, h.unverified) for h in hits] == [(17, "84,77%", None)]


def test_a_claim_that_says_its_indicator_is_lower_is_better_is_held_to_that_direction():
    # "Target Temuan Belum Ditindaklanjuti 8,00; terealisasi 7,05, capaian 113,48 %"
    rows = [claim_row("ratio", "113,48 %", "7,05", "8,00", direction="lower")]
    rows.append(claim_row("ratio", "88,13 %", "7,05", "8,00", direction="formula", page=29))
    params = {"table": "claims", "kinds": ["ratio"], "numerator": "a", "denominator": "b"}
    written = rule("ratio", **params, stated="stated", direction="as-written")
    facts = facts_of(claims=rows)
    assert list(ratio(written, facts, RuleContext(settings={}))) == []
    wrong = facts_of(claims=[claim_row("ratio", "88,13 %", "7,05", "8,00", direction="lower")])
    assert [h.expected for h in ratio(written, wrong, RuleContext(settings={}))] == ["113,48%"]
