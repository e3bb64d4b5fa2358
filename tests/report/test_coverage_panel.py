"""The coverage panel: pass only where something was checked."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from report.conftest import ReportCase

from lkjip_audit.coverage import SOURCES, coverage_from_facts
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category
from lkjip_audit.report.coverage import CATEGORY_TEXT, CoverageStatus, coverage_panel


def _facts() -> Facts:
    indicators = pd.DataFrame({"key": ["iku-1", "iku-1", "iku-2", "iku-3", "iku-3"]})
    months = pd.DataFrame(
        [
            {"grid": 0, "period_kind": "bulan", "period": m, "item": item}
            for m in range(1, 13)
            for item in ("u1", "skm")
        ]
    )
    claims = pd.DataFrame({"kind": ["growth", "mutu", "difference"]})
    return Facts(
        tables={
            "indicators": indicators,
            "budget_lines": pd.DataFrame({"line_id": [f"b{i}" for i in range(24)]}),
            "skm_values": months,
            "claims": claims,
            "persons": pd.DataFrame(columns=["name", "nip"]),
        }
    )


def test_coverage_counts_what_each_category_reads():
    coverage = {c.category: c for c in coverage_from_facts(_facts())}
    assert set(coverage) == set(SOURCES)
    assert coverage[Category.CAPAIAN].checked_items == 3
    assert coverage[Category.CAPAIAN].description == {"id": "3 indikator", "en": "3 indicators"}
    assert coverage[Category.BUDGET_SUM].description["id"] == "24 baris anggaran"
    assert coverage[Category.IKM_RECOMPUTE].description["id"] == "12 periode SKM, 24 nilai SKM"
    assert coverage[Category.PERCENTAGE].checked_items == 3
    assert coverage[Category.MUTU_CATEGORY].checked_items == 1
    assert coverage[Category.DUPLICATE_NIP].checked_items == 0
    assert coverage[Category.REKAP_MISMATCH].checked_items == 0


def test_recap_rows_count_only_when_a_recap_is_given():
    recap = Facts(tables={"rekap_ikm_iki": pd.DataFrame({"satker": ["a", "b"]})})
    coverage = {c.category: c for c in coverage_from_facts(_facts(), recap)}
    assert coverage[Category.REKAP_MISMATCH].checked_items == 2
    assert coverage[Category.REKAP_MISMATCH].description["en"] == "2 IKM/IKI recap rows"


def test_panel_status(report_case: ReportCase, ruleset):
    audited, scanned = report_case.results
    categories = [Category.CAPAIAN, Category.BUDGET_SUM, Category.DUPLICATE_NIP]
    known = coverage_from_facts(_facts())
    rows = {r.category: r for r in coverage_panel(audited, ruleset, known, categories)}
    assert rows[Category.CAPAIAN].status is CoverageStatus.FINDINGS
    assert rows[Category.CAPAIAN].pages == (1,)
    assert rows[Category.BUDGET_SUM].status is CoverageStatus.PASSED
    # Persons were read but none found: the NIP check had nothing, yet it has a finding here.
    assert rows[Category.DUPLICATE_NIP].status is CoverageStatus.FINDINGS

    clean = replace(audited, findings=[])
    rows = {r.category: r for r in coverage_panel(clean, ruleset, known, categories)}
    assert rows[Category.DUPLICATE_NIP].status is CoverageStatus.NOT_CHECKED
    assert rows[Category.CAPAIAN].status is CoverageStatus.PASSED

    unknown = coverage_panel(clean, ruleset, None, categories)
    assert {r.status for r in unknown} == {CoverageStatus.UNKNOWN}
    blocked = coverage_panel(scanned, ruleset, known, categories)
    assert {r.status for r in blocked} == {CoverageStatus.NOT_CHECKED}


def test_every_category_is_described_in_both_languages():
    for category in Category:
        text = CATEGORY_TEXT[category]
        assert text.aspect["id"] and text.aspect["en"]
        assert text.criterion["id"] and text.criterion["en"]


def test_a_category_that_abstained_is_not_a_pass(report_case: ReportCase, ruleset):
    audited, _ = report_case.results
    audited = replace(audited, findings=[])
    known = coverage_from_facts(_facts(), unverified={Category.BUDGET_SUM: 3})
    rows = {r.category: r for r in coverage_panel(audited, ruleset, known, [Category.BUDGET_SUM])}
    row = rows[Category.BUDGET_SUM]
    assert row.status is CoverageStatus.UNVERIFIED
    assert row.description["id"] == "24 baris anggaran, 3 tidak dapat diverifikasi"


def test_a_category_with_only_abstentions_could_not_be_checked(report_case: ReportCase, ruleset):
    audited, _ = report_case.results
    audited = replace(audited, findings=[])
    facts = _facts()
    del facts.tables["persons"]
    known = coverage_from_facts(facts, unverified={Category.DUPLICATE_NIP: 1})
    rows = coverage_panel(audited, ruleset, known, [Category.DUPLICATE_NIP])
    assert rows[0].status is CoverageStatus.NOT_CHECKED
