"""The hierarchy of a budget table: which row adds up into which.

Explicit signals come first: a bullet ("- ") or a deeper indentation makes a row the child
of the nearest row above it that is less deep, and a "Total"/"Jumlah" row is the parent of
the top rows above it. The numbers then settle what the layout leaves open: a row equal to
the exact sum of the rows that follow it (two or more, or one under a "Program" line) is
their parent. A row whose explicit children do not add up keeps them (that is a finding);
a total whose parts are uncertain gets none (no finding rather than a false one), as does a
total above two consecutive rows of one amount (a line and its only sub-line).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

INDENT_TOLERANCE = 6.0


@dataclass(frozen=True, slots=True)
class Node:
    """What the hierarchy needs of a row: its amount, explicit depth and role."""

    value: Decimal | None
    depth: int
    total: bool = False
    single_child_ok: bool = False


def indent_levels(xs: list[float], tolerance: float = INDENT_TOLERANCE) -> list[int]:
    """Rank each left edge among the distinct left edges of the table (0 = leftmost)."""
    edges: list[float] = []
    for x in sorted(xs):
        if not edges or x - edges[-1] > tolerance:
            edges.append(x)
    return [max(i for i, edge in enumerate(edges) if x >= edge - tolerance) for x in xs]


def build_parents(nodes: list[Node]) -> list[int | None]:
    """The parent index of each row (None for a top row)."""
    builder = _Builder(nodes)
    builder.run()
    return builder.parent


class _Builder:
    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.parent: list[int | None] = [None] * len(nodes)

    def run(self) -> None:
        """Arrange each run of rows between totals, then give each total its parts."""
        n = len(self.nodes)
        totals = [i for i, node in enumerate(self.nodes) if node.total]
        if totals == [0]:
            # A total printed above its parts ("Total" first, then the programs).
            self.arrange(1, n, None)
            self.attach_total(0, 1, n)
            return
        start = 0
        for t in [*totals, n]:
            self.arrange(start, t, None)
            if t < n:
                self.attach_total(t, start)
            start = t + 1

    def children(self, i: int) -> list[int]:
        """The rows whose parent is row i."""
        return [k for k, p in enumerate(self.parent) if p == i]

    def explicit_end(self, i: int, hi: int) -> int:
        """The end of row i's explicit subtree: the next row as deep or shallower."""
        j = i + 1
        while j < hi and not self.nodes[j].total and self.nodes[j].depth > self.nodes[i].depth:
            j += 1
        return j

    def arrange(self, lo: int, hi: int, owner: int | None) -> None:
        """Make the top rows of [lo, hi) children of ``owner`` and arrange below them."""
        i = lo
        while i < hi:
            self.parent[i] = owner
            end = self.absorb(i, self.explicit_end(i, hi), hi)
            self.arrange(i + 1, end, i)
            i = end

    def absorb(self, i: int, end: int, hi: int) -> int:
        """Extend row i's children with following siblings when that makes its sum exact."""
        node = self.nodes[i]
        if node.value is None or node.total:
            return end
        kids = []
        k = i + 1
        while k < end:
            kids.append(k)
            k = self.explicit_end(k, end)
        values = [self.nodes[k].value for k in kids]
        if any(v is None for v in values):
            return end
        total = sum(values, Decimal(0))
        if kids and total == node.value:
            return end
        added = 0
        k = end
        while k < hi and total < node.value:
            sibling = self.nodes[k]
            if sibling.total or sibling.value is None or sibling.depth != node.depth:
                break
            total += sibling.value
            added += 1
            k = self.explicit_end(k, hi)
        enough = len(kids) + added >= 2 or node.single_child_ok
        if added and total == node.value and enough:
            return k
        return self.program_run(i, end) if not kids else end

    def program_run(self, i: int, end: int) -> int:
        """The end of a program's kegiatan printed at its own indentation: the rows up to
        the next program or total line (that closing line must be in the table, or the
        kegiatan may go on past what was read); ``end`` when there is no such run."""
        node = self.nodes[i]
        if not node.single_child_ok:
            return end
        k = end
        while k < len(self.nodes):
            row = self.nodes[k]
            if row.total or row.single_child_ok:
                return k if k > end else end
            if row.value is None or row.depth != node.depth:
                return end
            k += 1
        return end

    def attach_total(self, t: int, lo: int, hi: int | None = None) -> None:
        """Make the top rows of [lo, hi) the total's children when their sum is certain."""
        hi = t if hi is None else hi
        tops = [i for i in range(lo, hi) if self.parent[i] is None and i != t]
        value = self.nodes[t].value
        values = [self.nodes[i].value for i in tops]
        if not tops or value is None or any(v is None for v in values):
            return
        if any(a == b for a, b in pairwise(values)):
            # Two rows in a row printing one amount are a line and its only sub-line (a
            # program and its single kegiatan, nested revenue levels), not two parts: the
            # layout does not show which of them the total counts.
            return
        if sum(values, Decimal(0)) != value:
            # Uncertain structure: another reading (explicit tops only, or the leaves) that
            # adds up means the inferred tree is wrong, not the report.
            rows = [i for i in range(lo, hi) if i != t]
            least = min(self.nodes[i].depth for i in rows)
            explicit_tops = [i for i in rows if self.nodes[i].depth == least]
            leaves = [i for i in rows if not self.children(i)]
            for other in (explicit_tops, leaves):
                other_values = [self.nodes[i].value for i in other]
                if None not in other_values and sum(other_values, Decimal(0)) == value:
                    return
        for i in tops:
            self.parent[i] = t
