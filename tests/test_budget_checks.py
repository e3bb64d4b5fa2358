"""Budget check kinds on hand-made facts, and the budget rules on the seed text: the defects
the seed is known to hold, and nothing on the sums that do add up."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from support import document_from_pages

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Severity
from lkjip_audit.numbers import Stated, parse_number
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.budget import recognize_budget
from lkjip_audit.recognize.budget.model import BudgetLine, to_frame
from lkjip_audit.rules.checks.budget import budget_equal, budget_percentage, budget_sum
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.rules.registry import RuleContext

BUDGET_CATEGORIES = {"budget-sum", "budget-percentage", "budget-consistency"}


def stated(raw: str, page: int = 1) -> Stated:
    parsed = parse_number(raw, page=page, bbox=(10.0, 10.0, 50.0, 20.0))
    assert parsed is not None
    return parsed


def line(line_id: str, **fields) -> BudgetLine:
    base = BudgetLine(
        line_id=line_id,
        table=line_id.split(".")[0],
        section="realisasi-bab3",
        year=2023,
        label=line_id,
        key=f"line:{line_id}",
        kind="line",
        level=0,
        page=1,
        bbox=(0.0, 0.0, 1.0, 1.0),
        raw=line_id,
    )
    return replace(base, **fields)


def facts_of(*lines: BudgetLine) -> Facts:
    facts = Facts()
    facts.add("budget_lines", to_frame(list(lines)))
    assert not facts.problems
    return facts


@pytest.fixture(scope="module")
def rules(ruleset):
    return {rule.id: rule for rule in ruleset.rules if rule.id.startswith("BUD")}


def test_sum_exact_on_whole_rupiah(rules):
    facts = facts_of(
        line("t.0", pagu=stated("Rp 1.000.000.001"), realisasi=stated("Rp 900.000.000")),
        line("t.1", parent="t.0", pagu=stated("Rp 600.000.000"), realisasi=stated("500.000.000")),
        line("t.2", parent="t.0", pagu=stated("Rp 400.000.000"), realisasi=stated("400.000.000")),
    )
    (hit,) = budget_sum(rules["BUD001"], facts, RuleContext())
    assert hit.values["difference"] == Decimal(1)
    assert hit.stated == "Rp 1.000.000.001" and hit.expected == "1.000.000.000"
    assert [p.text for p in hit.related] == ["t.1: Rp 600.000.000", "t.2: Rp 400.000.000"]


def test_sum_of_rounded_figures_uses_intervals(rules):
    # Millions printed with one decimal: 1,3 + 2,4 may be 3,6 or 3,8 in truth.
    facts = facts_of(
        line("t.0", pagu=stated("3,8")),
        line("t.1", parent="t.0", pagu=stated("1,3")),
        line("t.2", parent="t.0", pagu=stated("2,4")),
    )
    assert not list(budget_sum(rules["BUD001"], facts, RuleContext()))


def test_volume_sum_needs_one_unit(rules):
    parent = line("t.0", volume=stated("29"), unit="Operasi")
    kids = [
        line("t.1", parent="t.0", volume=stated("24"), unit="operasi"),
        line("t.2", parent="t.0", volume=stated("2"), unit="operasi"),
    ]
    (hit,) = budget_sum(rules["BUD002"], facts_of(parent, *kids), RuleContext())
    assert hit.expected == "26"
    mixed = [replace(kids[0], unit="laporan"), kids[1]]
    assert not list(budget_sum(rules["BUD002"], facts_of(parent, *mixed), RuleContext()))


def test_percentage_interval_and_full_claim(rules):
    ok = line("t.0", pagu=stated("8.538.182.000"), realisasi=stated("8.497.875.809"))
    facts = facts_of(
        replace(ok, percent=stated("99,53%")),
        replace(ok, line_id="t.1", percent=stated("99,5%")),
        replace(ok, line_id="t.2", percent=stated("100%")),
        replace(ok, line_id="t.3", percent=stated("99,60%")),
    )
    hits = list(budget_percentage(rules["BUD003"], facts, RuleContext()))
    assert [h.stated for h in hits] == ["100%", "99,60%"]
    assert hits[0].expected == "99,53%"


def test_full_absorption_short_by_a_few_rupiah_is_100_percent(rules):
    # 5.715.590.154 / 5.715.642.000 = 99,9991%: "100,00%" and "100%" are both right.
    row = line("t.0", pagu=stated("5.715.642.000"), realisasi=stated("5.715.590.154"))
    facts = facts_of(
        replace(row, percent=stated("100,00%")), replace(row, line_id="t.1", percent=stated("100%"))
    )
    assert list(budget_percentage(rules["BUD003"], facts, RuleContext())) == []


def test_unreadable_lines_are_abstentions_not_findings(rules):
    # The sub-line the recognizer could not read may hold the difference; its percentage
    # cannot be recomputed: both checks say so instead of guessing. A line that prints no
    # percentage is nothing the percentage check abstained from.
    facts = facts_of(
        line("t.0", pagu=stated("Rp 1.000.000.000"), realisasi=stated("Rp 900.000.000")),
        line("t.1", parent="t.0", pagu=stated("Rp 600.000.000"), realisasi=stated("500.000.000")),
        line("t.2", parent="t.0", doubt="cell", raw="Jasa 150.000.000 141.300.000 94,20"),
        line("t.3", doubt="columns", raw="Rancangan 1.650.000 Hasil 1.485.000"),
    )
    sums = list(budget_sum(rules["BUD001"], facts, RuleContext()))
    assert len(sums) == 2 and all(hit.unverified for hit in sums)
    (percent,) = budget_percentage(rules["BUD003"], facts, RuleContext())
    assert percent.unverified is not None and "sel" in percent.unverified["id"]


def test_percentage_on_a_zero_target(rules):
    facts = facts_of(
        line(
            "t.0", pagu=stated("Rp. 0"), realisasi=stated("Rp. 12.388.036"), percent=stated("100 %")
        )
    )
    assert not list(budget_percentage(rules["BUD003"], facts, RuleContext()))
    (hit,) = budget_percentage(rules["BUD004"], facts, RuleContext())
    assert hit.expected == "tidak dapat dihitung"


def test_equal_amounts_majority_is_the_reference(rules):
    target = {"key": "pnbp", "kind": "pnbp"}
    facts = facts_of(
        line("a.0", section="pnbp", pagu=stated("Rp. 1.732.400.000", page=36), **target),
        line("b.0", section="ikhtisar", pagu=stated("Rp. 1.732.100.000", page=5), **target),
        line("c.0", section="bab4", pagu=stated("Rp. 1.732.100.000", page=39), **target),
        line("d.0", section="bab4", year=2022, pagu=stated("Rp. 9"), **target),
    )
    (hit,) = budget_equal(rules["BUD005"], facts, RuleContext())
    assert hit.page == 36 and hit.stated == "Rp. 1.732.400.000"
    assert {p.page for p in hit.related} == {5, 39}
    assert hit.values["difference"] == Decimal(300000)


def test_equal_amounts_against_other_sections_only(rules):
    program = {"key": "line:hukum program", "kind": "program"}
    facts = facts_of(
        line("pk.0", section="lampiran-pk", pagu=stated("Rp. 2.111.198.000"), **program),
        line("dipa.0", section="dipa-bab2", pagu=stated("Rp. 2.561.189.000"), **program),
        line("bab3.0", section="realisasi-bab3", pagu=stated("Rp. 2.561.189.000"), **program),
    )
    hits = list(budget_equal(rules["BUD006"], facts, RuleContext()))
    assert [h.stated for h in hits] == ["Rp. 2.111.198.000"]
    assert rules["BUD006"].severity == Severity.WARNING


def seed_findings(seed_text: str, ruleset: RuleSet):
    pages = re.split(r"\n[ \t]*\n[ \t]*\n[ \t]*\n", seed_text)
    facts = Facts()
    facts.update(recognize_budget(document_from_pages(pages), DocumentMeta()))
    budget = RuleSet(
        ruleset.source,
        ruleset.sha256,
        tuple(r for r in ruleset.rules if r.category in BUDGET_CATEGORIES),
        ruleset.settings,
    )
    return run_rules(budget, facts, RuleContext(year=2023))


def test_seed_known_budget_defects_and_nothing_else(seed_text, ruleset):
    findings = seed_findings(seed_text, ruleset)
    assert all(f.category in BUDGET_CATEGORIES for f in findings), findings
    summary = sorted((f.rule, f.stated, f.expected) for f in findings)
    assert summary == [
        ("BUD001", "360.437.000", "357.069.000"),
        ("BUD001", "Rp. 2.111.198.000,-", "2.114.566.000"),
        ("BUD002", "24.0001", "24.001"),
        ("BUD003", "100%", "99,53%"),
        ("BUD004", "100 %", "tidak dapat dihitung"),
        ("BUD005", "Rp. 1.732.400.000", "Rp. 1.732.100.000"),
        ("BUD006", "Rp. 2.111.198.000,-", "Rp. 2.561.189.000"),
        ("BUD006", "Rp. 4.508.251.000,-", "Rp. 5.976.993.000"),
    ]


def test_seed_messages_name_lines_sums_and_differences(seed_text, ruleset):
    findings = seed_findings(seed_text, ruleset)
    pelayanan = next(f for f in findings if f.stated == "360.437.000")
    assert pelayanan.text("id") == (
        "Jumlah rincian pagu Rp 357.069.000 ≠ Rp 360.437.000 yang tertulis pada "
        "'Pelayanan Publik Kepada Masyarakat' (selisih Rp 3.368.000); rincian: "
        "Layanan Penerbitan Dokumen Perjalanan RI 215.089.000 + Penerbitan Izin Tinggal "
        "141.980.000."
    )
    assert "3,368,000" in pelayanan.text("en")
    assert pelayanan.bbox is not None and pelayanan.evidence.startswith("Pelayanan Publik")
    assert len(pelayanan.related) == 2
    pk = [f for f in findings if f.rule == "BUD006"]
    assert all(f.severity == Severity.WARNING for f in pk)
    assert all("DIPA" in f.text("id") for f in pk)


def test_pnbp_percentage_is_a_percentage_finding(rules):
    pnbp = line(
        "t.0",
        key="pnbp",
        kind="pnbp",
        pagu=stated("Rp. 1.649.500.000"),
        realisasi=stated("Rp. 3.301.009.748"),
        percent=stated("210 %"),
    )
    facts = facts_of(pnbp)
    assert not list(budget_percentage(rules["BUD003"], facts, RuleContext()))
    (hit,) = budget_percentage(rules["BUD007"], facts, RuleContext())
    assert hit.expected == "200,12%"
    assert rules["BUD007"].category == "percentage"


def test_a_sum_counting_one_amount_at_two_levels_is_an_abstention(rules):
    # "Jumlah" 16 with lines 16 + 16: a program and its only kegiatan both read as parts.
    facts = facts_of(
        line("t.0", pagu=stated("16.000.000.000")),
        line("t.1", parent="t.0", pagu=stated("16.000.000.000")),
        line("t.2", parent="t.0", pagu=stated("16.000.000.000")),
    )
    (hit,) = budget_sum(rules["BUD001"], facts, RuleContext())
    assert hit.unverified is not None
