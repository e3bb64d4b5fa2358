"""Statistics across a batch: how often each rule fired, and in how many documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from lkjip_audit.findings import Category, DocumentResult, Severity
from lkjip_audit.report.console import STYLES
from lkjip_audit.report.safe import console_text
from lkjip_audit.rules.model import RuleSet

HEADINGS = {
    "id": {
        "title": "Statistik temuan per aturan ({documents} dokumen)",
        "columns": ("Aturan", "Judul", "Kategori", "Tingkat", "Dokumen", "Temuan"),
        "total": "Jumlah",
        "none": "Tidak ada temuan.",
    },
    "en": {
        "title": "Findings per rule ({documents} document(s))",
        "columns": ("Rule", "Title", "Category", "Severity", "Documents", "Findings"),
        "total": "Total",
        "none": "No findings.",
    },
}


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How often one rule fired across a batch."""

    rule: str
    title: str
    category: Category
    severity: Severity
    documents: int
    findings: int


def rule_counts(
    results: Sequence[DocumentResult], lang: str = "id", ruleset: RuleSet | None = None
) -> list[RuleCount]:
    """One count per rule that fired, most findings first (then by rule id)."""
    by_rule: dict[str, list] = {}
    for index, result in enumerate(results):
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append((index, finding))
    counts = []
    for rule_id, hits in by_rule.items():
        first = hits[0][1]
        rule = ruleset.get(rule_id) if ruleset else None
        titles = first.title or (rule.title if rule else {})
        counts.append(
            RuleCount(
                rule=rule_id,
                title=titles.get(lang) or titles.get("id") or "",
                category=first.category,
                severity=first.severity,
                documents=len({index for index, _ in hits}),
                findings=len(hits),
            )
        )
    return sorted(counts, key=lambda c: (-c.findings, c.rule))


def render_statistics(
    results: Sequence[DocumentResult],
    console: Console,
    lang: str = "id",
    ruleset: RuleSet | None = None,
) -> None:
    """Print the table of finding counts per rule across all ``results``."""
    words = HEADINGS.get(lang, HEADINGS["id"])
    counts = rule_counts(results, lang, ruleset)
    if not counts:
        console.print(words["none"])
        return
    table = Table(title=words["title"].format(documents=len(results)), title_justify="left")
    for position, column in enumerate(words["columns"]):
        table.add_column(column, justify="right" if position >= 4 else "left")
    for count in counts:
        table.add_row(
            count.rule,
            console_text(count.title),
            count.category.value,
            f"[{STYLES[count.severity]}]{count.severity.value}[/]",
            str(count.documents),
            str(count.findings),
        )
    table.add_section()
    table.add_row(
        words["total"],
        "",
        "",
        "",
        str(sum(1 for r in results if r.findings)),
        str(sum(c.findings for c in counts)),
    )
    console.print(table)
