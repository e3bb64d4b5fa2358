"""Budget tables found in the lines: blocks of rows with their header, years and caption.

A block is a run of table rows (lines ending in figures) with the header and text lines
among them; it ends at a chapter heading, at a new column header, or at running prose.
Text-only lines just above a row whose label is empty (or one short word) are its wrapped
label. Where the extraction read a cell grid (``doc.tables``), the grid is read instead of
the lines it covers. A table continued on the next page under the same header is one block.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from lkjip_audit.extract.model import Cell, DocumentText, Line, Table
from lkjip_audit.numbers import find_numbers
from lkjip_audit.recognize.budget.cells import Regions, label_x0, row_line
from lkjip_audit.recognize.budget.text import (
    Row,
    header_years,
    is_header,
    merge_wrapped,
    parse_row,
)
from lkjip_audit.recognize.chapters import ChapterWalker

MAX_LABEL_LINES = 6
PROSE_MIN_WORDS = 9


@dataclass(slots=True)
class TableRow:
    """A row with its full label (wrapped lines joined) and the left edge of that label."""

    row: Row
    label: str
    x0: float


@dataclass(slots=True)
class Block:
    """One budget table as read from lines."""

    chapter: str
    heading_year: int | None
    caption: str
    header: str
    years: list[int]
    rows: list[TableRow] = field(default_factory=list)


def _is_prose(line: Line) -> bool:
    return len(line.text.split()) >= PROSE_MIN_WORDS


def _table_row(row: Row, pending: list[Line]) -> TableRow:
    """The row with its wrapped label lines (those above it) joined in front."""
    pending = pending[len(pending) - _text_run(pending) :]
    # A one-word label continues a one- or two-word line above ("Belanja" / "Pegawai ...").
    joins = not row.label or (
        len(row.label.split()) == 1
        and not row.bullet
        and bool(pending)
        and len(pending[-1].text.split()) <= 2
    )
    if joins and pending:
        lines = pending[-MAX_LABEL_LINES:] if not row.label else pending[-1:]
        label = " ".join([*(line.text.strip() for line in lines), row.label]).strip()
        return TableRow(row, label, lines[0].words[0].bbox[0] if lines[0].words else row.x0)
    return TableRow(row, row.label, row.x0)


def _text_run(lines: list[Line]) -> int:
    """How many of the last lines are words only (a wrapped label has no figures)."""
    count = 0
    for line in reversed(lines):
        if find_numbers(line.text):
            break
        count += 1
    return count


def read_blocks(doc: DocumentText, lines: list[Line], regions: Regions) -> list[Block]:
    """Every block of budget table rows, in reading order: cell grids where the extraction
    found them, lines elsewhere."""
    reader = _BlockReader(doc, regions, ChapterWalker.of(lines))
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        merged = merge_wrapped(line, lines[index + 1]) if index + 1 < len(lines) else None
        if merged is not None and regions.table_of(line) is None:
            line, skip = merged, True
        reader.read(line)
    return _join_continued(reader.blocks)


@dataclass(slots=True)
class _BlockReader:
    """The state of the walk through the lines: the open block and what stands above it."""

    doc: DocumentText
    regions: Regions
    walker: ChapterWalker
    blocks: list[Block] = field(default_factory=list)
    block: Block | None = None
    pending: list[Line] = field(default_factory=list)
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=4))
    header: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    prose_run: int = 0
    emitted: set[int] = field(default_factory=set)
    seen_rows: set[str] = field(default_factory=set)

    def read(self, line: Line) -> None:
        """Take one line: a heading, a line of a cell grid, a row, a header or text."""
        chapter = self.walker.chapter
        if self.walker.see(line) or self.walker.chapter != chapter:
            self.close()
            self.recent.clear()
            return
        table = self.regions.table_of(line)
        if table is not None:
            self.grid(table)
            return
        row = parse_row(line)
        if row is not None:
            self.row(row)
            return
        line_years = header_years(line)
        if line_years is not None or is_header(line):
            self.column_header(line, line_years)
            return
        self.prose_run = self.prose_run + 1 if _is_prose(line) else 0
        if self.prose_run >= 2:
            self.close()
        self.pending = [*self.pending, line][-MAX_LABEL_LINES:]
        self.recent.append(line.text)

    def close(self) -> None:
        """End the open block and forget what stood above it."""
        self.block, self.pending, self.header, self.years = None, [], [], []

    def grid(self, table: int) -> None:
        """A line inside a cell grid: read the grid once, at its first line."""
        if table not in self.emitted:
            self.emitted.add(table)
            grid = _grid_block(self.doc, self.doc.tables[table], self.walker, " ".join(self.recent))
            texts = {r.row.line.text for r in grid.rows}
            # A fragment of a table already read (a page's part of a stitched table).
            if grid.rows and not texts <= self.seen_rows:
                self.blocks.append(grid)
            self.seen_rows |= texts
            self.recent.clear()
        self.close()

    def row(self, row: Row) -> None:
        """A table row: add it to the open block, opening one if needed."""
        if self.block is None:
            self.block = Block(
                self.walker.chapter,
                self.walker.heading_year,
                " ".join(self.recent),
                " ".join(self.header),
                self.years,
            )
            self.blocks.append(self.block)
            self.header, self.years = [], []
            self.recent.clear()
        self.block.rows.append(_table_row(row, self.pending))
        self.pending, self.prose_run = [], 0

    def column_header(self, line: Line, line_years: list[int] | None) -> None:
        """A column header (or a line of years) for the next block."""
        # A header repeated on the next page continues the table; another one starts a new.
        repeated = self.block is not None and line.text in self.block.header
        if self.block is not None and self.block.rows and not repeated:
            self.block = None
        if not repeated:
            self.header.append(line.text)
            self.years = line_years or self.years
        self.pending = []


def _join_continued(blocks: list[Block]) -> list[Block]:
    """A table continued on the next page under the same header is one table."""
    joined: list[Block] = []
    for block in blocks:
        before = joined[-1] if joined else None
        if (
            before is not None
            and block.header
            and _squash(block.header) == _squash(before.header)
            and block.rows[0].row.line.page == before.rows[-1].row.line.page + 1
        ):
            before.rows.extend(block.rows)
        else:
            joined.append(block)
    return joined


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _grid_block(doc: DocumentText, table: Table, walker: ChapterWalker, caption: str) -> Block:
    """A block read from a table's cell grid; a header row inside the grid (the extraction
    may take a caption line for the header) gives the columns and years."""
    block = Block(walker.chapter, walker.heading_year, caption, "", [])
    for cells in [[Cell(h, table.page, None) for h in table.header], *table.rows]:
        line = row_line(cells, table.page)
        if line is None:
            continue
        years = header_years(line)
        if years is not None or is_header(line):
            block.header = f"{block.header} {line.text}".strip()
            block.years = years or block.years
            continue
        row = parse_row(line)
        if row is not None:
            x0 = label_x0(cells, doc)
            block.rows.append(TableRow(row, row.label, row.x0 if x0 is None else x0))
    return block
