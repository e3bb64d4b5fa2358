"""Budget tables the extraction read as cell grids (``doc.tables``).

A cell grid is more reliable than the lines it covers (a wrapped cell splits "Rp." from its
amount across two lines), so the lines inside a table's region are read from the table
instead. Each grid row becomes one line of its cells' text, every word boxed by its cell,
so the row is parsed like any table line; its indentation is the left edge of the first
word printed inside the label cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lkjip_audit.extract.model import BBox, Cell, DocumentText, Line, Table, Word, union_bbox


@dataclass(slots=True)
class Regions:
    """Where each table of the document lies, page by page."""

    boxes: dict[int, list[tuple[BBox, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, tables: list[Table]) -> Regions:
        """The regions of ``tables``: on each page, the union of the table's cells."""
        boxes: dict[int, list[tuple[BBox, int]]] = defaultdict(list)
        for index, table in enumerate(tables):
            per_page: dict[int, list[BBox]] = defaultdict(list)
            per_page[table.page].append(table.bbox)
            for row in table.rows:
                for cell in row:
                    if cell.bbox is not None:
                        per_page[cell.page].append(cell.bbox)
            for page, page_boxes in per_page.items():
                box = union_bbox(page_boxes)
                if box is not None:
                    boxes[page].append((box, index))
        return cls(dict(boxes))

    def table_of(self, line: Line) -> int | None:
        """The index of the table whose region holds the line, if any."""
        middle = (line.bbox[1] + line.bbox[3]) / 2
        for box, index in self.boxes.get(line.page, []):
            if box[1] <= middle <= box[3] and line.bbox[0] < box[2] and line.bbox[2] > box[0]:
                return index
        return None


def _cell_words(cell: Cell) -> list[Word]:
    box = cell.bbox or (0.0, 0.0, 0.0, 0.0)
    return [Word(token, box) for token in cell.text.split()]


def row_line(row: list[Cell], page: int) -> Line | None:
    """One grid row as a line: the cells' text in order, each word boxed by its cell."""
    cells = [c for c in row if c.text.strip()]
    if not cells:
        return None
    words = tuple(w for cell in cells for w in _cell_words(cell))
    text = " ".join(w.text for w in words)
    bbox = union_bbox([c.bbox for c in cells if c.bbox is not None]) or (0.0, 0.0, 0.0, 0.0)
    return Line(cells[0].page or page, text, bbox, words)


def label_x0(row: list[Cell], doc: DocumentText) -> float | None:
    """The left edge of the first printed word inside the row's first non-empty cell."""
    cell = next((c for c in row if c.text.strip()), None)
    if cell is None or cell.bbox is None:
        return None
    x0, top, x1, bottom = cell.bbox
    edges = [
        word.bbox[0]
        for page in doc.pages
        if page.page == cell.page
        for line in page.lines
        for word in line.words
        if x0 - 1 <= word.bbox[0] <= x1
        and top - 1 <= (word.bbox[1] + word.bbox[3]) / 2 <= bottom + 1
    ]
    return min(edges) if edges else x0
