"""Budget lines from the blocks of a table: columns, years, section and hierarchy.

Columns get their meaning from the header words (pagu/anggaran/target, realisasi, %, sisa)
when the row has as many figures as the header names, else from the figures' shapes
(amounts, then a percentage). A header with several years splits a row into one line per
year, or, when each row holds one figure per year, reads the table transposed (rows
"Pagu", "Realisasi", "Capaian"; columns the years).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkjip_audit.extract.model import BBox, union_bbox
from lkjip_audit.recognize.budget.blocks import Block, TableRow
from lkjip_audit.recognize.budget.columns import (
    PAGU,
    REALISASI,
    SHARE_WORDS,
    SISA,
    names_a_revision,
)
from lkjip_audit.recognize.budget.context import YEAR_IN_TEXT
from lkjip_audit.recognize.budget.model import BudgetLine
from lkjip_audit.recognize.budget.text import (
    MONEY,
    PERCENT,
    PNBP,
    VOLUME,
    Figure,
    label_key,
    label_kind,
    words_of,
)
from lkjip_audit.recognize.budget.tree import Node, build_parents, indent_levels
from lkjip_audit.recognize.chapters import BAB2, BAB3, BAB4, IKHTISAR, LAMPIRAN

ROLE_WORDS = {
    "pagu": PAGU,
    "anggaran": PAGU,
    "target": PAGU,
    "alokasi": PAGU,
    "dipa": PAGU,
    "realisasi": REALISASI,
    "sisa": SISA,
    "%": PERCENT,
    "(%)": PERCENT,
    "persentase": PERCENT,
    "capaian": PERCENT,
}
# A grouped amount ("1.650.000", "32.732.753"), not a code ("5.2.2.01.001", "1.02.01").
GROUPED_AMOUNT = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+(?![.,]?\d)")
CHAPTER_SECTIONS = {BAB2: "dipa-bab2", BAB3: "realisasi-bab3", IKHTISAR: "ikhtisar", BAB4: "bab4"}


def header_roles(header: str) -> list[str]:
    """The column roles named by a header, in order ("Pagu Realisasi %" -> 3 roles)."""
    return [ROLE_WORDS[w] for w in header.lower().split() if w in ROLE_WORDS]


def _split_groups(
    figures: list[Figure], roles: list[str], n_years: int
) -> list[dict[str, Figure]] | None:
    """The row's figures as one {role: figure} per year group; None when a group holds more
    amounts than a pagu and a realisasi and the header does not say which is which."""
    expected = {PAGU: MONEY, REALISASI: MONEY, SISA: MONEY, PERCENT: PERCENT}
    full = None
    if roles and len(figures) == len(roles):
        full = roles
    elif roles and n_years > 1 and len(figures) == len(roles) * n_years:
        full = roles * n_years
    if full and all(expected[r] == f.kind for r, f in zip(full, figures, strict=True)):
        size = len(full) // n_years if n_years > 1 and len(full) % n_years == 0 else len(full)
        named_groups = []
        for start in range(0, len(figures), size):
            group: dict[str, Figure] = {}
            for role, figure in zip(
                full[start : start + size], figures[start : start + size], strict=True
            ):
                group.setdefault(role, figure)
            named_groups.append(group)
        return named_groups
    groups, current = [], []
    for figure in figures:
        current.append(figure)
        if figure.kind == PERCENT:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    # A percentage after the group's own (a "% fisik" column) opens no group of its own.
    groups = [g for g in groups if any(f.kind == MONEY for f in g)] or groups[:1]
    if len(groups) == 1 and n_years >= 2 and len(groups[0]) == 2 * n_years:
        groups = [groups[0][i : i + 2] for i in range(0, len(groups[0]), 2)]
    result = []
    for group in groups:
        money = [f for f in group if f.kind == MONEY]
        if len(money) > 2:
            return None
        percent = [f for f in group if f.kind == PERCENT]
        named: dict[str, Figure] = {}
        if money:
            named[PAGU] = money[0]
        if len(money) >= 2:
            named[REALISASI] = money[1]
        if percent and len(money) >= 2:
            named[PERCENT] = percent[0]
        result.append(named)
    return result


def _row_groups(
    trow: TableRow, roles: list[str], n_years: int, revision: bool
) -> tuple[list[dict[str, Figure]], str]:
    """The row's figures by role and year group, or no figures and why they cannot be read."""
    if trow.doubt:
        return [], trow.doubt
    if _money_in_label(trow):
        # An amount inside the label: the row holds two column sets side by side (a plan
        # and its revision), whose amounts a line cannot tell apart.
        return [], "columns"
    if trow.roles is not None:
        group = _typed_group(trow)
        return ([], "columns") if group is None else ([group], "")
    if revision:
        # Words in a line do not tell which amount stands under "sebelum" and which under
        # "sesudah perubahan"; only a typed cell grid does.
        return [], "columns"
    figures = [f for f in trow.row.figures if f.kind in (MONEY, PERCENT)]
    groups = _split_groups(figures, roles, n_years)
    return ([], "columns") if groups is None else (groups, "")


def _money_in_label(trow: TableRow) -> bool:
    """Whether the row's label (wrapped lines included) holds a grouped amount."""
    return GROUPED_AMOUNT.search(trow.label) is not None


def _typed_group(trow: TableRow) -> dict[str, Figure] | None:
    """The figures of a row of a typed grid by their columns' roles; None when an amount
    stands in an untyped column, a figure does not fit its column, or a role repeats."""
    expected = {PAGU: MONEY, REALISASI: MONEY, PERCENT: PERCENT}
    group: dict[str, Figure] = {}
    for figure, role in zip(trow.row.figures, trow.roles or (), strict=True):
        if figure.kind not in (MONEY, PERCENT):
            continue
        if role is None or (role in expected and expected[role] != figure.kind):
            return None
        if role not in expected:
            continue
        if role in group:
            return None
        group[role] = figure
    if PERCENT in group and not (PAGU in group and REALISASI in group):
        del group[PERCENT]
    return group


def _block_year(block: Block, default: int | None) -> int | None:
    if len(block.years) == 1:
        return block.years[0]
    match = YEAR_IN_TEXT.search(f"{block.caption} {block.header}")
    if match:
        return int(match.group(1))
    return block.heading_year or default


def _section(block: Block, keys: list[str], has_realisasi: bool) -> str | None:
    if block.chapter == LAMPIRAN:
        return "lampiran-pk"
    if "rm" in keys:
        return "sumber-dana"
    if sum(k.startswith("belanja-") for k in keys) >= 2:
        return "jenis-belanja"
    labels = {" ".join(words_of(r.label)) for r in block.rows}
    if labels == {"anggaran"} and has_realisasi:
        return "capaian-table"
    if "pnbp" in keys:
        return "pnbp"
    return CHAPTER_SECTIONS.get(block.chapter)


def _mentions_pnbp(block: Block) -> bool:
    """PNBP when a row label says so; a neutral table ("Target", "Realisasi") by its
    header or the text just above it."""
    labels = " ".join(r.label for r in block.rows).lower()
    if PNBP.search(labels):
        return True
    if re.search(r"\b(?:pagu|anggaran|belanja|dipa)\b", labels):
        return False
    return bool(PNBP.search(f"{block.caption} {block.header}".lower()))


def _row_role(label: str, figures: list[Figure]) -> str | None:
    words = set(words_of(label))
    if words & {"realisasi"}:
        return REALISASI
    if all(f.kind == PERCENT for f in figures) or words & {"capaian", "persentase"}:
        return PERCENT
    if words & {"pagu", "anggaran", "target", "dipa", "alokasi"}:
        return PAGU
    return None


def _transposed(block: Block, table: str) -> list[BudgetLine]:
    """A table whose columns are years and whose rows are pagu/realisasi/capaian."""
    key = "pnbp" if _mentions_pnbp(block) else "total"
    section = "pnbp" if key == "pnbp" else "multi-year"
    by_year: dict[int, dict[str, Figure]] = {y: {} for y in block.years}
    raws = []
    for trow in block.rows:
        figures = [f for f in trow.row.figures if f.kind in (MONEY, PERCENT)]
        role = _row_role(trow.label, figures)
        if role is None:
            continue
        raws.append(trow.row.line.text)
        for year, figure in zip(block.years, figures, strict=True):
            by_year[year].setdefault(role, figure)
    lines = []
    for index, (year, figures) in enumerate(by_year.items()):
        if not figures:
            continue
        first = next(iter(figures.values()))
        label = "Target PNBP" if key == "pnbp" else "Total"
        lines.append(
            BudgetLine(
                line_id=f"{table}.{index}",
                table=table,
                section=section,
                year=year,
                label=label,
                key=key,
                kind="pnbp" if key == "pnbp" else "total",
                level=0,
                page=first.stated.page or 1,
                bbox=union_bbox([f.stated.bbox for f in figures.values() if f.stated.bbox]),
                raw=" | ".join(raws),
                pagu=figures[PAGU].stated if PAGU in figures else None,
                realisasi=figures[REALISASI].stated if REALISASI in figures else None,
                percent=figures[PERCENT].stated if PERCENT in figures else None,
            )
        )
    return lines


def _is_transposed(block: Block) -> bool:
    if len(block.years) < 2:
        return False
    for trow in block.rows:
        figures = [f for f in trow.row.figures if f.kind in (MONEY, PERCENT)]
        if len(figures) != len(block.years) or _row_role(trow.label, figures) is None:
            return False
    return True


def block_lines(block: Block, table: str, default_year: int | None) -> list[BudgetLine]:
    """The budget lines of one block, with parents set from the table's hierarchy."""
    if not block.states_money():
        return []
    if _is_transposed(block):
        return _transposed(block, table)
    roles = header_roles(block.header)
    n_years = max(1, len(block.years))
    read = [_row_groups(t, roles, n_years, names_a_revision(block.header)) for t in block.rows]
    grouped = [groups for groups, _ in read]
    doubts = [doubt for _, doubt in read]
    if SHARE_WORDS.search(block.header.lower()):
        # A "% of the total" column is no realisasi/pagu percentage.
        grouped = [[{k: v for k, v in g.items() if k != PERCENT} for g in gs] for gs in grouped]
    keys = [label_key(t.label) for t in block.rows]
    has_realisasi = any(REALISASI in g for groups in grouped for g in groups)
    section = _section(block, keys, has_realisasi)
    if section is None:
        return []
    if section == "sumber-dana":
        keys = ["sumber-pnbp" if k == "pnbp" else k for k in keys]
    # Only the last total of a table is its grand total; earlier ones are subtotals.
    totals = [r for r, k in enumerate(keys) if k == "total"]
    keys = [f"subtotal:{r}" if r in totals[:-1] else k for r, k in enumerate(keys)]
    kinds = [label_kind(k, t.label) for k, t in zip(keys, block.rows, strict=True)]
    if section == "sumber-dana":
        kinds = ["sumber-dana" if k in ("pnbp", "line") else k for k in kinds]
    levels = indent_levels([t.x0 for t in block.rows])
    nodes = [
        Node(
            value=groups[0][PAGU].stated.value if groups and PAGU in groups[0] else None,
            depth=(0 if kind == "total" else level) + (1 if t.row.bullet else 0),
            total=kind == "total",
            single_child_ok=kind == "program",
        )
        for t, groups, kind, level in zip(block.rows, grouped, kinds, levels, strict=True)
    ]
    parents = build_parents(nodes)
    depth = _depths(parents)
    kinds = [
        "kegiatan" if kind == "line" and p is not None and kinds[p] == "program" else kind
        for kind, p in zip(kinds, parents, strict=True)
    ]
    year = _block_year(block, default_year)
    years = block.years if len(block.years) >= 2 else [year]
    lines = []
    for r, (trow, groups) in enumerate(zip(block.rows, grouped, strict=True)):
        # An unreadable row keeps its place in the table, without figures.
        volumes = [] if doubts[r] else [f for f in trow.row.figures if f.kind == VOLUME]
        volume = volumes[0] if volumes else None
        groups = groups or [{}]
        for g, group in enumerate(groups):
            group_year = (
                years[g] if len(groups) == len(years) else (year if len(groups) == 1 else None)
            )
            suffix = f".{g}" if len(groups) > 1 else ""
            parent = parents[r]
            lines.append(
                BudgetLine(
                    line_id=f"{table}.{r}{suffix}",
                    table=table,
                    section=section,
                    year=group_year,
                    label=trow.label,
                    key=keys[r],
                    kind=kinds[r],
                    level=depth[r],
                    page=trow.row.line.page,
                    bbox=_stated_bbox(group, trow.row.line.bbox),
                    raw=trow.row.line.text,
                    parent=None if parent is None else f"{table}.{parent}{suffix}",
                    pagu=group[PAGU].stated if PAGU in group else None,
                    realisasi=group[REALISASI].stated if REALISASI in group else None,
                    percent=group[PERCENT].stated if PERCENT in group else None,
                    volume=volume.stated if volume and g == 0 else None,
                    unit=volume.unit if volume and g == 0 else None,
                    doubt=doubts[r],
                )
            )
    return lines


def _stated_bbox(group: dict[str, Figure], fallback: BBox) -> BBox:
    figure = group.get(PAGU) or group.get(REALISASI) or group.get(PERCENT)
    return figure.stated.bbox if figure and figure.stated.bbox else fallback


def _depths(parents: list[int | None]) -> list[int]:
    depths = []
    for i in range(len(parents)):
        depth, p = 0, parents[i]
        while p is not None and depth <= len(parents):
            depth, p = depth + 1, parents[p]
        depths.append(depth)
    return depths


def leaves(lines: list[BudgetLine]) -> Iterator[BudgetLine]:
    """The lines of a table that no other line adds up into."""
    parents = {line.parent for line in lines}
    return (line for line in lines if line.line_id not in parents and line.kind != "total")
