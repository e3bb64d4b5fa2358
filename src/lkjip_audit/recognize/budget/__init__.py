"""The ``budget_lines`` recognizer: every budget figure from tables and sentences.

Tables (``budget_tables``) and sentences (``budget_prose``) are read from the document's
lines; then the lampiran PK's output table is tied to the kegiatan of the PK table above it:
its top lines are split, in order, into one run per kegiatan so that the runs add up to the
kegiatan amounts. When all runs but one add up exactly, the split is certain and the odd
run is compared with its kegiatan (that is how a wrong sub-line shows in the program total).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.budget.blocks import read_blocks
from lkjip_audit.recognize.budget.cells import Regions
from lkjip_audit.recognize.budget.context import document_year
from lkjip_audit.recognize.budget.model import BudgetLine, to_frame
from lkjip_audit.recognize.budget.prose import prose_lines
from lkjip_audit.recognize.budget.tables import block_lines, leaves
from lkjip_audit.recognize.chapters import chapter_lines

if TYPE_CHECKING:
    import pandas as pd


def budget_lines(doc: DocumentText, meta: DocumentMeta) -> list[BudgetLine]:
    """Every budget line of the document, tables first, then sentences."""
    lines = chapter_lines(doc)
    year = document_year(lines, meta.year)
    regions = Regions.of(doc.tables)
    blocks = read_blocks(doc, lines, regions)
    tables = [block_lines(block, f"t{i}", year) for i, block in enumerate(blocks)]
    link_pk_outputs([t for t in tables if t and t[0].section == "lampiran-pk"])
    return [line for table in tables for line in table] + prose_lines(lines, regions, year)


@recognizer("budget")
def recognize_budget(doc: DocumentText, meta: DocumentMeta) -> Mapping[str, pd.DataFrame]:
    """The ``budget_lines`` fact table."""
    return {"budget_lines": to_frame(budget_lines(doc, meta))}


def link_pk_outputs(tables: list[list[BudgetLine]]) -> None:
    """Give the top lines of each PK table the kegiatan of the PK table before it as parents."""
    for previous, table in pairwise(tables):
        tops = [line for line in table if line.parent is None and line.pagu is not None]
        targets = [line for line in leaves(previous) if line.pagu is not None]
        if any(line.kind == "total" for line in table) or not tops or not targets:
            continue
        if len({line.year for line in tops + targets}) != 1:
            continue
        split = split_runs([t.pagu.value for t in tops], [t.pagu.value for t in targets])
        if split is None:
            continue
        for (start, end), target in zip(split, targets, strict=True):
            for line in tops[start:end]:
                line.parent = target.line_id
        shift = targets[0].level + 1
        for line in table:
            line.level += shift


def split_runs(values: list[Decimal], sums: list[Decimal]) -> list[tuple[int, int]] | None:
    """Split ``values`` into len(sums) consecutive runs, each adding up to its sum.

    Returns the runs when all but at most one add up exactly (none may miss when there is one
    run) and no other split does as well; otherwise None.
    """
    n, k = len(values), len(sums)
    if k > n:
        return None
    prefix = [Decimal(0)]
    for value in values:
        prefix.append(prefix[-1] + value)
    # best[j][i]: (matches, ways, cut) for the first i values in j runs.
    best: list[list[tuple[int, int, int] | None]] = [[None] * (n + 1) for _ in range(k + 1)]
    best[0][0] = (0, 1, 0)
    for j in range(1, k + 1):
        for i in range(j, n + 1):
            options = []
            for cut in range(j - 1, i):
                before = best[j - 1][cut]
                if before is not None:
                    hit = int(prefix[i] - prefix[cut] == sums[j - 1])
                    options.append((before[0] + hit, before[1], cut))
            if options:
                top = max(o[0] for o in options)
                ways = sum(o[1] for o in options if o[0] == top)
                cut = next(o[2] for o in options if o[0] == top)
                best[j][i] = (top, ways, cut)
    final = best[k][n]
    if final is None or final[1] != 1 or final[0] < max(1, k - 1):
        return None
    runs, i = [], n
    for j in range(k, 0, -1):
        cut = best[j][i][2]
        runs.append((cut, i))
        i = cut
    return runs[::-1]
