"""Ruled tables: pdfplumber's "lines" strategy run on edges read by pdfium.

pdfplumber's own algorithm (snap and join edges, intersections, cells, tables) is reused on
the page's rules, and cells are filled with pdfium words, so a ruled page never needs a
pdfminer parse. Merged cells are resolved from the cell boxes: a slot covered by a cell of the
same row is a horizontal span (a sub-header follows in the header; empty in data rows), a slot
covered by a cell above is a vertical span (its text is forward-filled).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from pdfplumber import table as plumber_table

from lkjip_audit.extract.cells import RawTable, cell_of, drop_empty_rows, inside, word_center
from lkjip_audit.extract.model import BBox, Cell, Word
from lkjip_audit.pdf.objects import Edge

SNAP = 3.0
JOIN = 3.0
INTERSECTION = 3.0
MIN_LENGTH = 3.0
MAX_HEADER_ROWS = 3


def _edge_dict(edge: Edge) -> dict[str, float | str]:
    return {
        "x0": edge.x0,
        "x1": edge.x1,
        "top": edge.top,
        "bottom": edge.bottom,
        "doctop": edge.top,
        "width": edge.x1 - edge.x0,
        "height": edge.bottom - edge.top,
        "orientation": edge.orientation,
    }


def find_cell_groups(edges: list[Edge]) -> list[list[BBox]]:
    """Cell boxes of each ruled table formed by ``edges`` (pdfplumber's lines strategy)."""
    if not edges:
        return []
    merged = plumber_table.merge_edges(
        [_edge_dict(e) for e in edges],
        snap_x_tolerance=SNAP,
        snap_y_tolerance=SNAP,
        join_x_tolerance=JOIN,
        join_y_tolerance=JOIN,
    )
    long_edges = [
        e for e in merged if (e["width"] if e["orientation"] == "h" else e["height"]) >= MIN_LENGTH
    ]
    intersections = plumber_table.edges_to_intersections(long_edges, INTERSECTION, INTERSECTION)
    cells = plumber_table.intersections_to_cells(intersections)
    return plumber_table.cells_to_tables(cells)


@dataclass(slots=True)
class Grid:
    """Cells of one table placed on a grid of column and row boundaries."""

    xs: list[float]  # column boundaries (n + 1)
    ys: list[float]  # row boundaries (m + 1)
    slots: list[list[BBox | None]]

    @classmethod
    def from_cells(cls, cells: list[BBox]) -> Grid:
        """The grid spanned by the cells' corners."""
        xs = sorted({c[0] for c in cells} | {max(c[2] for c in cells)})
        ys = sorted({c[1] for c in cells} | {max(c[3] for c in cells)})
        index = {(c[1], c[0]): c for c in cells}
        slots = [[index.get((y, x)) for x in xs[:-1]] for y in ys[:-1]]
        return cls(xs, ys, slots)

    def owner(self, row: int, column: int) -> tuple[int, BBox] | None:
        """The row and box of the cell covering slot (row, column), if any."""
        middle = (
            (self.xs[column] + self.xs[column + 1]) / 2,
            (self.ys[row] + self.ys[row + 1]) / 2,
        )
        for r in range(row, -1, -1):
            for box in self.slots[r]:
                if box is not None and inside(middle, box):
                    return r, box
        return None

    def spans_columns(self, row: int) -> bool:
        """True when a cell of ``row`` covers more than one column."""
        return any(
            (found := self.owner(row, c)) is not None
            and found[0] == row
            and found[1][0] < self.xs[c]
            for c in range(len(self.xs) - 1)
            if self.slots[row][c] is None
        )


def _header_row_count(grid: Grid) -> int:
    count = 1
    while count < min(MAX_HEADER_ROWS, len(grid.slots) - 1) and grid.spans_columns(count - 1):
        count += 1
    return count


def _words_in_cells(words: list[Word]) -> Callable[[BBox], list[Word]]:
    """A function giving the words whose centre lies in a box (edges included), in the order
    of ``words``: the centres are sorted by x once, so a table of many cells does not test
    every word against every cell."""
    centers = sorted((*word_center(w), i) for i, w in enumerate(words))
    xs = [c[0] for c in centers]

    def in_cell(box: BBox) -> list[Word]:
        found = centers[bisect_left(xs, box[0]) : bisect_right(xs, box[2])]
        return [words[i] for _, y, i in sorted(found, key=itemgetter(2)) if box[1] <= y <= box[3]]

    return in_cell


def table_from_cells(cells: list[BBox], words: list[Word], page: int) -> RawTable | None:
    """A raw table from one group of ruled cells and the page's words; None when it is not a
    table (fewer than two columns, or no text). A single row is a fragment: alone it is a
    boxed line, at the top of a page it may be the last row of the previous page's table."""
    grid = Grid.from_cells(cells)
    if len(grid.xs) < 3 or len(grid.ys) < 2:
        return None
    bbox: BBox = (grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1])
    in_table = [w for w in words if inside(word_center(w), bbox)]
    if not in_table:
        return None
    in_cell = _words_in_cells(in_table)
    texts: dict[BBox, Cell] = {box: cell_of(in_cell(box), page, box) for box in cells}
    header_count = _header_row_count(grid)
    table_rows: list[list[Cell]] = []
    for r in range(len(grid.slots)):
        row: list[Cell] = []
        for c in range(len(grid.xs) - 1):
            box = grid.slots[r][c]
            if box is not None:
                row.append(texts[box])
                continue
            found = grid.owner(r, c)
            spans_down = found is not None and (found[0] < r)
            if found is not None and (spans_down or r < header_count):
                row.append(texts[found[1]])
            else:
                row.append(Cell("", page, None))
        table_rows.append(row)
    return RawTable(
        page=page,
        bbox=bbox,
        columns=grid.xs,
        header_rows=table_rows[:header_count],
        rows=drop_empty_rows(table_rows[header_count:]),
        ruled=True,
        fragment=len(grid.ys) < 3,
    )


def ruled_tables(edges: list[Edge], words: list[Word], page: int) -> list[RawTable]:
    """Every ruled table of a page, top to bottom."""
    found = []
    for cells in find_cell_groups(edges):
        table = table_from_cells(cells, words, page)
        if table is not None:
            found.append(table)
    return sorted(found, key=lambda t: (t.bbox[1], t.bbox[0]))
