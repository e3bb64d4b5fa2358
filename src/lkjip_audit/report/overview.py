"""The overview that opens a batch report: one row per entry (satker report or the Ditjen
recap) ranked by errors, then warnings, with the file name, status and a satker x category
matrix of finding counts, so that who needs attention first is read at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lkjip_audit.findings import Category, DocumentResult, Severity


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One entry of the overview: where it is in the results, and its counts."""

    index: int
    """1-based position in the results (the HTML section is ``doc-{index}``)."""
    result: DocumentResult
    name: str
    file: str
    counts: dict[Severity, int]
    matrix: dict[Category, int]


def overview_rows(results: Sequence[DocumentResult]) -> list[OverviewRow]:
    """Every result as an overview row, ranked: most errors first, then most warnings, then
    most infos; ties in the results' order."""
    rows = []
    for index, result in enumerate(results, start=1):
        matrix: dict[Category, int] = {}
        for finding in result.findings:
            matrix[finding.category] = matrix.get(finding.category, 0) + 1
        rows.append(
            OverviewRow(
                index=index,
                result=result,
                name=result.satker or "",
                file=Path(result.path).name,
                counts={s: sum(f.severity is s for f in result.findings) for s in Severity},
                matrix=matrix,
            )
        )
    return sorted(rows, key=lambda r: tuple(-r.counts[s] for s in Severity))


def matrix_categories(rows: Sequence[OverviewRow]) -> list[Category]:
    """The categories some entry has a finding in, in the contract's order."""
    named = {c for row in rows for c in row.matrix}
    return [c for c in Category if c in named]
