"""The --statistics table: finding counts per rule across documents."""

from __future__ import annotations

from dataclasses import replace

from report.conftest import ReportCase
from rich.console import Console

from lkjip_audit.report.statistics import render_statistics, rule_counts


def _batch(case: ReportCase):
    audited, scanned = case.results
    twice = replace(audited, path="other.pdf", findings=audited.findings[:2] * 2)
    return [audited, scanned, twice]


def _cells(line: str) -> list[str]:
    parts = [cell.strip() for cell in line.split("│")]
    return parts[1:-1] if len(parts) > 2 else []


def test_counts_per_rule(report_case: ReportCase, ruleset):
    counts = {c.rule: c for c in rule_counts(_batch(report_case), "id", ruleset)}
    assert (counts["CAP001"].findings, counts["CAP001"].documents) == (3, 2)
    assert (counts["NIP001"].findings, counts["NIP001"].documents) == (3, 2)
    assert (counts["EXT001"].findings, counts["EXT001"].documents) == (1, 1)
    assert counts["CAP001"].title == "Capaian tidak sesuai"
    ordered = [c.findings for c in rule_counts(_batch(report_case))]
    assert ordered == sorted(ordered, reverse=True)


def test_table_is_printed(report_case: ReportCase, ruleset):
    console = Console(record=True, width=140)
    render_statistics(_batch(report_case), console, "en", ruleset)
    text = console.export_text()
    assert "Findings per rule (3 document(s))" in text
    rows = {cells[0]: cells for cells in (_cells(line) for line in text.splitlines()) if cells}
    assert rows["CAP001"][-2:] == ["2", "3"]
    assert rows["EXT001"][-2:] == ["1", "1"]
    assert rows["Total"][-2:] == ["3", "9"]  # documents with findings, findings


def test_no_findings(ruleset):
    console = Console(record=True)
    render_statistics([], console, "id", ruleset)
    assert "Tidak ada temuan." in console.export_text()
