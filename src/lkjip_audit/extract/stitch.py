"""Tables split across pages: stitched when the next page's first table continues the last."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lkjip_audit.extract.cells import RawTable, continues_row, header_keys, merge_into, squash
from lkjip_audit.extract.model import BBox

COLUMN_SLOP = 6.0  # points two pages' column boundaries may differ by and still match
MARGIN = 0.1  # running headers and footers live in this share of the page at top and bottom


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Where a page's lines are: to tell a table that runs off the page from one that ends."""

    height: float
    lines: tuple[BBox, ...]

    def nothing_below(self, bottom: float) -> bool:
        """True when no body line (footer zone excepted) starts below ``bottom``."""
        limit = self.height * (1 - MARGIN)
        return not any(bottom + 1 < box[1] < limit for box in self.lines)

    def nothing_above(self, top: float) -> bool:
        """True when no body line (header zone excepted) ends above ``top``."""
        limit = self.height * MARGIN
        return not any(limit < box[3] < top - 1 for box in self.lines)


def _aligned(upper: RawTable, lower: RawTable) -> bool:
    return all(abs(a - b) <= COLUMN_SLOP for a, b in zip(upper.columns, lower.columns, strict=True))


def _same_header(upper: RawTable, lower: RawTable) -> bool:
    return [squash(k) for k in header_keys(upper.header_rows)] == [
        squash(k) for k in header_keys(lower.header_rows)
    ]


def _is_header_copy(row: list, header: list[str]) -> bool:
    return [squash(cell.text) for cell in row] == [squash(k) for k in header]


def _repeats_a_heading_row(row: list, upper: RawTable) -> bool:
    """``row`` repeats, cell for cell and without a figure, one of the rows ``upper`` opens
    with: the second line of a header printed again on the new page ("Volume | Satuan |
    (Rp)"), which the extraction may have taken for the first body row."""
    if any(any(ch.isdigit() for ch in cell.text) for cell in row):
        return False
    texts = [squash(cell.text) for cell in row]
    leading = upper.header_rows + upper.rows[:2]
    return any(texts == [squash(cell.text) for cell in other] for other in leading)


def _continues(
    upper: RawTable, lower: RawTable, lower_is_first: bool, layouts: dict[int, PageLayout]
) -> bool:
    """True when ``lower`` (first table of its page) goes on with ``upper``: next page, same
    columns, ``upper`` runs to the bottom of its page and ``lower`` starts at the top of its
    page (text between them, such as a caption, means a new table)."""
    last_page = (upper.pages or [upper.page])[-1]
    if not (
        lower_is_first
        and lower.page == last_page + 1
        and lower.width == upper.width
        and (_same_header(upper, lower) or _aligned(upper, lower))
    ):
        return False
    upper_page, lower_page = layouts.get(last_page), layouts.get(lower.page)
    return (upper_page is None or upper_page.nothing_below(_bottom_on(upper, last_page))) and (
        lower_page is None or lower_page.nothing_above(lower.bbox[1])
    )


def _bottom_on(table: RawTable, page: int) -> float:
    """Where ``table`` ends on ``page``: a stitched table's box is its first page's, so on a
    later page its last cells say where it ends (a third page goes on from there)."""
    if page == table.page:
        return table.bbox[3]
    bottoms = [c.bbox[3] for row in table.rows for c in row if c.page == page and c.bbox]
    return max(bottoms, default=table.bbox[3])


def _append(upper: RawTable, lower: RawTable) -> RawTable:
    """``lower`` appended to ``upper``: a repeated header dropped, a row split by the page
    break (first cell empty) merged into the last row."""
    header = header_keys(upper.header_rows)
    rows = list(lower.rows) if _same_header(upper, lower) else lower.header_rows + lower.rows
    while rows and (_is_header_copy(rows[0], header) or _repeats_a_heading_row(rows[0], upper)):
        rows.pop(0)
    merged = list(upper.rows)
    if rows and merged and continues_row(rows[0]):
        merged[-1] = merge_into(merged[-1], rows.pop(0))
    return replace(
        upper,
        rows=merged + rows,
        fragment=upper.fragment and lower.fragment,
        ruled=upper.ruled and lower.ruled,
        pages=[*(upper.pages or [upper.page]), lower.page],
    )


def stitch(tables: list[RawTable], layouts: dict[int, PageLayout] | None = None) -> list[RawTable]:
    """Tables in page order with each continuation joined to the table it continues
    (``layouts`` gives each page's lines; without them position is not checked)."""
    layouts = layouts or {}
    ordered = sorted(tables, key=lambda t: (t.page, t.bbox[1], t.bbox[0]))
    stitched: list[RawTable] = []
    for index, table in enumerate(ordered):
        first_on_page = index == 0 or ordered[index - 1].page != table.page
        if stitched and _continues(stitched[-1], table, first_on_page, layouts):
            stitched[-1] = _append(stitched[-1], table)
        else:
            stitched.append(replace(table, pages=[table.page]))
    # A fragment that continued nothing is two lines with wide gaps, not a table.
    return [table for table in stitched if not table.fragment]
