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
from lkjip_audit.recognize.budget.cells import Regions, label_x0, row_line, stacked_rows
from lkjip_audit.recognize.budget.columns import BEFORE, PAGU, REALISASI, column_role
from lkjip_audit.recognize.budget.text import (
    MONEY,
    MONEY_HEADER_WORDS,
    PERCENT,
    Row,
    continues_sentence,
    header_years,
    is_header,
    merge_wrapped,
    parse_row,
    words_of,
)
from lkjip_audit.recognize.chapters import ChapterWalker

AMOUNT_SHAPE = re.compile(r"\d[.,]\d")
# An amount of a million or more printed with its groups ("2.193.850.000"), not a score.
GROUPED_AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{3}){2,}")
MAX_LABEL_LINES = 6
MONEY_LABEL_WORDS = frozenset("anggaran pagu belanja dipa pnbp retribusi alokasi".split())
# A table of performance measures: its header names the indicator or the unit of each target.
PERFORMANCE_WORDS = frozenset("indikator satuan".split())
BUDGET_WORDS = frozenset("anggaran pagu alokasi dipa belanja dana".split())


def measures_performance(header_words: set[str]) -> bool:
    """A header of performance measures ("Indikator Kinerja | Satuan | Target | Realisasi"):
    its targets are in units, not Rupiah, unless it names a budget too."""
    return bool(header_words & PERFORMANCE_WORDS) and not header_words & BUDGET_WORDS


PROSE_MIN_WORDS = 9


@dataclass(slots=True)
class TableRow:
    """A row with its full label (wrapped lines joined) and the left edge of that label.

    ``roles`` gives, for a row of a cell grid whose header types its columns, the role of
    each of the row's figures (see :func:`column_role`); ``doubt`` why the row cannot be
    read with certainty (see :data:`lkjip_audit.facts.budget.DOUBTS`).
    """

    row: Row
    label: str
    x0: float
    roles: tuple[str | None, ...] | None = None
    doubt: str = ""


@dataclass(frozen=True, slots=True)
class GridColumns:
    """What the columns of a cell grid hold: each column's role (see :func:`column_role`)
    and, when the lines are named in several label columns, which columns are labels."""

    roles: list[str | None]
    levels: list[bool] | None


@dataclass(slots=True)
class Block:
    """One budget table as read from lines."""

    chapter: str
    heading_year: int | None
    caption: str
    header: str
    years: list[int]
    rows: list[TableRow] = field(default_factory=list)
    money_grid: bool = False
    """Whether the block is (the continuation of) a cell grid whose header names amounts."""
    performance: bool = False
    """Whether the block's header is one of performance measures (indicator, unit)."""

    def states_money(self) -> bool:
        """Whether the block is about money: its grid, header or caption name it, a row
        is an allocation ("Target PNBP", "Pagu"), or a figure is printed with "Rp". Grouped
        numbers alone may be targets in units ("Produksi Knol 50.000"), not Rupiah."""
        words = set(words_of(f"{self.header} {self.caption}"))
        labels = {w for t in self.rows for w in words_of(t.label)}
        rupiah = any(
            f.stated.raw.lower().startswith(("rp", "idr")) for t in self.rows for f in t.row.figures
        )
        if (self.performance or measures_performance(set(words_of(self.header)))) and not rupiah:
            return False
        return (
            self.money_grid
            or bool(words & MONEY_HEADER_WORDS)
            or bool(labels & MONEY_LABEL_WORDS)
            or rupiah
        )


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
    # The typed columns of the last cell grid: (page, column count, columns), which a grid
    # continued on the next page without its header row inherits.
    grid_columns: tuple[int, int, GridColumns] | None = None
    # The page of the last grid about money, which a grid on the next page whose first row
    # is data (its header left on the page before) continues.
    money_page: int | None = None
    previous: Line | None = None

    def read(self, line: Line) -> None:
        """Take one line: a heading, a line of a cell grid, a row, a header or text."""
        chapter = self.walker.chapter
        if self.walker.see(line) or self.walker.chapter != chapter:
            self.close()
            self.recent.clear()
            return
        previous, self.previous = self.previous, line
        table = self.regions.table_of(line)
        if table is not None:
            self.grid(table)
            return
        row = None if continues_sentence(previous, line) else parse_row(line)
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

    def _inherited(self, table: Table) -> GridColumns | None:
        """The typed columns of the grid just before, when this grid continues it on the next
        page with as many columns."""
        if self.grid_columns is None:
            return None
        page, count, columns = self.grid_columns
        width = len(table.rows[0]) if table.rows else len(table.header)
        return columns if table.page == page + 1 and width == count else None

    def close(self) -> None:
        """End the open block and forget what stood above it."""
        self.block, self.pending, self.header, self.years = None, [], [], []

    def grid(self, table: int) -> None:
        """A line inside a cell grid: read the grid once, at its first line."""
        if table not in self.emitted:
            self.emitted.add(table)
            grid_table = self.doc.tables[table]
            caption, inherited = " ".join(self.recent), self._inherited(grid_table)
            grid, columns = _grid_block(self.doc, grid_table, self.walker, caption, inherited)
            headless = any(AMOUNT_SHAPE.search(h) for h in grid_table.header)
            if headless and self.money_page == grid_table.page - 1:
                grid.money_grid = True
            self.grid_columns = (
                None if columns is None else (grid_table.page, len(columns.roles), columns)
            )
            self.money_page = grid_table.page if grid.states_money() else None
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


def _grid_block(
    doc: DocumentText,
    table: Table,
    walker: ChapterWalker,
    caption: str,
    inherited: GridColumns | None,
) -> tuple[Block, GridColumns | None]:
    """A block read from a table's cell grid, and its typed columns when its header (or, for
    a grid continued from the page before, that grid's header) types them.

    A header row inside the grid (the extraction may take a caption line for the header)
    gives the columns and years.
    """
    block = Block(walker.chapter, walker.heading_year, caption, "", [])
    header_cells = [Cell(h, table.page, None) for h in table.header]
    roles = _typed_columns(table.header)
    block.performance = measures_performance(set(words_of(" ".join(table.header))))
    block.money_grid = roles is not None and not block.performance
    columns = None if roles is None else GridColumns(roles, _level_columns(roles, table.header))
    if columns is None and inherited is not None:
        columns = inherited
        # The extraction took the continued grid's first data row for its header.
        header_cells = []
        rows = [[Cell(h, table.page, None) for h in table.header], *table.rows]
    else:
        rows = [header_cells, *table.rows] if header_cells else list(table.rows)
    roles = None if columns is None else columns.roles
    levels = None if columns is None else columns.levels
    unplaced: list[TableRow] = []
    for cells in (part for row in rows for part in stacked_rows(row, doc)):
        line = row_line(cells, table.page)
        if line is None:
            continue
        years = header_years(line)
        if years is not None or is_header(line):
            block.header = f"{block.header} {line.text}".strip()
            block.years = years or block.years
            continue
        row = parse_row(line) or _unread_row(line, cells)
        if row is not None:
            x0 = label_x0(cells, doc)
            trow = TableRow(row, row.label, row.x0 if x0 is None else x0)
            if levels and len(cells) == len(levels):
                _label_by_level(trow, cells, levels)
            if not row.figures:
                trow.doubt = "cell"
            elif roles is not None and len(block.years) < 2:
                _type_row(trow, cells, roles)
            block.rows.append(trow)
            if any(c.bbox is None for c in cells if c.text.strip()):
                unplaced.append(trow)
    # A row known only by its text (the header slot of a continued grid) has no indentation
    # of its own: it stands at the table's leftmost edge, not deeper or shallower.
    placed = [t.x0 for t in block.rows if t not in unplaced]
    for trow in unplaced:
        trow.x0 = min(placed, default=trow.x0)
    return block, columns


NUMBERING_HEADER = frozenset("no nomor kode".split())


def _level_columns(roles: list[str | None], header: list[str]) -> list[bool] | None:
    """Which columns are labels, when a typed grid names its lines in several label columns
    ("Unit Kerja | Program | Kegiatan | Anggaran | ..."); None for one label column."""
    if len(header) != len(roles):
        return None
    # Only the columns left of the first amount: a label column further right heads a
    # second set of columns (a plan and its revision side by side).
    first = next(i for i, role in enumerate(roles) if role is not None)
    levels = [
        i < first and not set(words_of(text)) <= NUMBERING_HEADER for i, text in enumerate(header)
    ]
    return levels if sum(levels) >= 2 else None


def _label_by_level(trow: TableRow, cells: list[Cell], levels: list[bool]) -> None:
    """Name the row by its most specific label cell (the kegiatan, not its unit and program)
    and place every row at the grid's left edge: which column holds a row's label says
    nothing about which rows it adds up (a unit's line may total more than the rows shown)."""
    labels = [c for c, level in zip(cells, levels, strict=True) if level and c.text.strip()]
    if labels:
        trow.label = " ".join(labels[-1].text.split())
    first = next((c for c, level in zip(cells, levels, strict=True) if level), None)
    if first is not None and first.bbox is not None:
        trow.x0 = first.bbox[0]


def _unread_row(line: Line, cells: list[Cell]) -> Row | None:
    """A grid row with a label and amounts that does not read as one budget row (the
    extraction merged two rows into its cells): kept, without figures, so that the rows
    around it are not taken for its parts or its parent."""
    texts = [c.text.strip() for c in cells if c.text.strip()]
    if len(texts) < 2 or not any(GROUPED_AMOUNT.search(t) for t in texts[1:]):
        return None
    x0 = line.words[0].bbox[0] if line.words else line.bbox[0]
    return Row(line, " ".join(texts[0].split()), False, (), x0)


def _typed_columns(header: list[str]) -> list[str | None] | None:
    """The role of each column from the grid's header cells, when they name the amounts."""
    # A grouped or decimal number makes the "header" a data row the extraction took for one.
    if not header or any(AMOUNT_SHAPE.search(h) for h in header):
        return None
    roles = [column_role(h) for h in header]
    return roles if {PAGU, REALISASI, BEFORE} & set(roles) else None


def _type_row(trow: TableRow, cells: list[Cell], roles: list[str | None]) -> None:
    """Give each figure of the row its column's role; two figures in one cell (rows merged
    by the extraction) leave the row unreadable."""
    columns = [_column_of(figure.start, cells) for figure in trow.row.figures]
    counted = [
        c for c, f in zip(columns, trow.row.figures, strict=True) if f.kind in (MONEY, PERCENT)
    ]
    if None in columns or len(set(counted)) != len(counted):
        trow.doubt = "cell"
        return
    trow.roles = tuple(roles[c] if c is not None and c < len(roles) else None for c in columns)


def _column_of(offset: int, cells: list[Cell]) -> int | None:
    """The index of the cell whose words hold ``offset`` of the row's line (the line joins
    the words of the non-empty cells in order, see :func:`row_line`)."""
    start = 0
    for index, cell in enumerate(cells):
        words = cell.text.split()
        if not words:
            continue
        end = start + len(" ".join(words))
        if start <= offset < end:
            return index
        start = end + 1
    return None
