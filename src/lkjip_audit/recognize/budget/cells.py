"""Budget tables the extraction read as cell grids (``doc.tables``).

A cell grid is more reliable than the lines it covers (a wrapped cell splits "Rp." from its
amount across two lines), so the lines inside a table's region are read from the table
instead. Each grid row becomes one line of its cells' text, every word boxed by its cell,
so the row is parsed like any table line; its indentation is the left edge of the first
word printed inside the label cell.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from lkjip_audit.extract.model import BBox, Cell, DocumentText, Line, Table, Word, union_bbox
from lkjip_audit.recognize.budget.text import BULLET, NUMBERING


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
    edges = [word.bbox[0] for word in _words_in(cell, doc)]
    return min(edges) if edges else cell.bbox[0]


STACK_TOLERANCE = 3.0
FIGURE_WORD = re.compile(r"^\(?[-+]?\d[\d.,]*(?:,-|\.-|-)?%?\)?$")


def _words_in(cell: Cell, doc: DocumentText) -> list[Word]:
    """The page's words that stand inside the cell's box."""
    if cell.bbox is None:
        return []
    x0, top, x1, bottom = cell.bbox
    return [
        word
        for page in doc.pages
        if page.page == cell.page
        for line in page.lines
        for word in line.words
        if x0 - 1 <= word.bbox[0] <= x1
        and top - 1 <= (word.bbox[1] + word.bbox[3]) / 2 <= bottom + 1
    ]


def _line_tops(words: list[Word]) -> list[float]:
    """The top of each printed line of the words, from the top of the cell down."""
    tops: list[float] = []
    for top in sorted(w.bbox[1] for w in words):
        if not tops or top - tops[-1] > STACK_TOLERANCE:
            tops.append(top)
    return tops


def stacked_rows(row: list[Cell], doc: DocumentText) -> list[list[Cell]]:
    """A grid row that stacks several table lines in each cell (the extraction missed the
    rules between them: "Pendapatan BLUD / a. Pelayanan / b. Pemanfaatan" beside three
    amounts per column) as one row per line; the row itself when that is not certain.

    Certain means: two or more cells hold only figures, as many lines of them in each, at
    the same heights; each of those lines starts level with a line of the label, and every
    line after the first opens a listed sub-item ("a.", "b."), so that the label's words
    can be given to the figures beside them.
    """
    words = [_words_in(cell, doc) for cell in row]
    figure_cells = [
        i
        for i, cell_words in enumerate(words)
        if cell_words and all(FIGURE_WORD.match(w.text) for w in cell_words)
    ]
    if len(figure_cells) < 2:
        return [row]
    tops = _line_tops(words[figure_cells[0]])
    if len(tops) < 2 or any(
        len(other) != len(tops)
        or any(abs(a - b) > STACK_TOLERANCE for a, b in zip(other, tops, strict=True))
        for other in (_line_tops(words[i]) for i in figure_cells[1:])
    ):
        return [row]
    label_tops = [t for i, w in enumerate(words) if i not in figure_cells for t in _line_tops(w)]
    if not all(any(abs(t - top) <= STACK_TOLERANCE for t in label_tops) for top in tops):
        return [row]
    bounds = [-float("inf"), *(top - STACK_TOLERANCE for top in tops[1:]), float("inf")]
    parts = [
        [_band(cell, cell_words, low, high) for cell, cell_words in zip(row, words, strict=True)]
        for low, high in pairwise(bounds)
    ]
    # A sub-item listed in the label cell opens with its marker ("a.", "b)", "-"); a label
    # that merely wraps beside stacked figures would be cut at the wrong words.
    labels = [
        " ".join(c.text for i, c in enumerate(part) if i not in figure_cells) for part in parts
    ]
    if not all(NUMBERING.match(label) or BULLET.match(label) for label in labels[1:]):
        return [row]
    return parts


def _band(cell: Cell, words: list[Word], low: float, high: float) -> Cell:
    """The part of a cell whose lines start between ``low`` and ``high``."""
    inside = [w for w in words if low <= w.bbox[1] < high]
    if cell.bbox is None or not inside:
        return Cell("", cell.page, None)
    lines = _line_tops(inside)
    inside.sort(key=lambda w: (max(i for i, t in enumerate(lines) if w.bbox[1] >= t), w.bbox[0]))
    box = union_bbox([w.bbox for w in inside])
    x0, _, x1, _ = cell.bbox
    return Cell(" ".join(w.text for w in inside), cell.page, (x0, box[1], x1, box[3]))
