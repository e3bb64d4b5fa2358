"""Unruled tables: column boundaries from vertical gaps between word boxes.

A line breaks into word groups at gaps wide enough to separate columns (a justified prose
line, whose stretched spaces are all equal, stays one group). A run of nearby lines holding
at least MIN_TABLE_LINES multi-group lines (each followed by at most MAX_WRAP single-group
lines) is a candidate table; a run of MIN_FRAGMENT_LINES is kept as a fragment that only
survives if it continues a table from the previous page. Column boundaries are the gaps left
in the x-coverage of the word groups of every row but the first (a header cell may span
columns). A line that does not fit the columns splits the run. Each line becomes a row; it
continues the row above (wrapped cell text, a second header line) when rows are padded and it
sits at the smaller, wrapped-line pitch, or, when they are not, when its first cell is empty
and it holds no number of its own (a total row "Jumlah ... 100" is a row).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from lkjip_audit.extract.cells import (
    RawTable,
    cell_of,
    continues_row,
    drop_empty_rows,
    merge_into,
)
from lkjip_audit.extract.model import BBox, Cell, Line, Word, union_bbox

MIN_GAP = 8.0  # points: never a column gap below this
GAP_PER_HEIGHT = 1.2  # a column gap is at least this many line heights wide
MIN_TABLE_LINES = 3  # multi-group lines needed to call a run of lines a table
MIN_FRAGMENT_LINES = 2  # a shorter run may still be the rest of a table split by a page break
MAX_WRAP = 8  # single-group lines (wrapped cells) allowed after a multi-group line
MAX_LINE_SPACING = 1.4  # a vertical gap above this many line heights ends a run
JUSTIFIED_SPREAD = 0.25  # equal gaps (within this share of their mean) mark justified prose
JUSTIFIED_MAX_GAP = 1.5  # ... as long as they are below this many line heights (stretched spaces)
JUSTIFIED_MAX_GAP_FEW = 1.3  # ... or this many, on a line of only two or three words
PITCH_SLOP = 2.0  # points: pitches this close belong to the same class
MAX_COLUMNS = 20


@dataclass(slots=True)
class _Row:
    line: Line
    groups: list[list[Word]]

    @property
    def multi(self) -> bool:
        return len(self.groups) > 1


def _height(line: Line) -> float:
    return line.bbox[3] - line.bbox[1]


def _extent(words: list[Word]) -> tuple[float, float]:
    return min(w.bbox[0] for w in words), max(w.bbox[2] for w in words)


def _justified(groups: list[list[Word]], height: float) -> bool:
    """True for a justified prose line: single words spread by equal, stretched spaces."""
    if len(groups) < 2 or any(len(g) > 1 for g in groups):
        return False
    if not all(any(ch.isalpha() for ch in g[0].text) for g in groups):
        return False
    gaps = [b[0].bbox[0] - a[-1].bbox[2] for a, b in pairwise(groups)]
    mean = sum(gaps) / len(gaps)
    limit = JUSTIFIED_MAX_GAP if len(groups) >= 4 else JUSTIFIED_MAX_GAP_FEW
    return max(gaps) - min(gaps) <= JUSTIFIED_SPREAD * mean and mean < limit * height


def word_groups(line: Line) -> list[list[Word]]:
    """The line's words split at gaps wide enough to separate table columns."""
    gap = max(MIN_GAP, GAP_PER_HEIGHT * _height(line))
    groups: list[list[Word]] = [[line.words[0]]]
    for previous, word in pairwise(line.words):
        if word.bbox[0] - previous.bbox[2] >= gap:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [list(line.words)] if _justified(groups, _height(line)) else groups


def _runs(rows: list[_Row]) -> list[list[_Row]]:
    """Candidate tables: nearby rows from the first to the last multi-group row of a cluster,
    plus up to MAX_WRAP trailing single-group rows (the last row's wrapped cells)."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []

    def close() -> None:
        multi = [i for i, row in enumerate(current) if row.multi]
        start = 0
        while start < len(multi):
            end = start
            while end + 1 < len(multi) and multi[end + 1] - multi[end] <= MAX_WRAP + 1:
                end += 1
            if end - start + 1 >= MIN_FRAGMENT_LINES:
                last = multi[end] + 1
                tail = last
                while tail < len(current) and tail - last < MAX_WRAP and not current[tail].multi:
                    tail += 1
                runs.append(current[multi[start] : tail])
            start = end + 1

    for row in rows:
        if current:
            previous = current[-1].line
            if row.line.bbox[1] - previous.bbox[3] > MAX_LINE_SPACING * _height(previous):
                close()
                current = []
        current.append(row)
    close()
    return runs


def _column_of(x0: float, x1: float, bounds: list[float]) -> int:
    middle = (x0 + x1) / 2
    for c in range(len(bounds) - 2):
        if middle < bounds[c + 1]:
            return c
    return len(bounds) - 2


def column_boundaries(rows: list[_Row]) -> list[float]:
    """Column boundaries (left edge, gap middles, right edge) from the x-coverage of the word
    groups of every row but the first (a header cell spanning several columns would hide
    their gap), then moved to the middle of the gaps left by every group of every row."""
    body = [r for r in rows[1:] if r.multi] or rows
    spans = sorted(_extent(g) for r in body for g in r.groups)
    merged: list[list[float]] = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 <= merged[-1][1] + MIN_GAP / 2:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    everything = [w for r in rows for g in r.groups for w in g]
    left, right = _extent(everything)
    bounds = [left, *((a[1] + b[0]) / 2 for a, b in pairwise(merged)), right]
    extents = [[float("inf"), float("-inf")] for _ in range(len(bounds) - 1)]
    for r in rows:
        for group in r.groups:
            x0, x1 = _extent(group)
            column = extents[_column_of(x0, x1, bounds)]
            column[0], column[1] = min(column[0], x0), max(column[1], x1)
    for c in range(1, len(bounds) - 1):
        before, after = extents[c - 1][1], extents[c][0]
        if before < after:
            bounds[c] = (before + after) / 2
    return bounds


def _columns_of(words: list[Word], bounds: list[float]) -> list[int]:
    """Columns a word group's extent overlaps (by more than a sliver)."""
    x0, x1 = _extent(words)
    return [c for c in range(len(bounds) - 1) if min(x1, bounds[c + 1]) - max(x0, bounds[c]) > 1.0]


def _cells(groups: list[list[Word]], bounds: list[float], page: int, spread: bool) -> list[Cell]:
    """One row of cells; ``spread`` gives a group spanning several columns to each of them
    (a merged header cell), otherwise a group goes to the column of its centre."""
    per_column: list[list[Word]] = [[] for _ in range(len(bounds) - 1)]
    for words in groups:
        targets = _columns_of(words, bounds) if spread else []
        for c in targets or [_column_of(*_extent(words), bounds)]:
            per_column[c].extend(words)
    return [cell_of(words, page) for words in per_column]


def _fits(row: _Row, bounds: list[float]) -> bool:
    """True when a row is a table row: several groups, or one group inside one column."""
    return row.multi or len(_columns_of(row.groups[0], bounds)) == 1


def _wrap_pitch(rows: list[_Row]) -> float | None:
    """The pitch of wrapped lines inside cells, when it is visibly smaller than the pitch
    between rows (cell padding); None when the two cannot be told apart."""
    pitches = [b.line.bbox[1] - a.line.bbox[1] for a, b in pairwise(rows)]
    if not pitches:
        return None
    smallest = min(pitches)
    if all(p - smallest <= PITCH_SLOP for p in pitches):
        return None
    return smallest + PITCH_SLOP / 2


def _filled(cells: list[Cell]) -> int:
    return sum(1 for cell in cells if cell.text)


def _rows_to_cells(rows: list[_Row], bounds: list[float], page: int) -> list[list[Cell]]:
    wrap = _wrap_pitch(rows)
    table: list[list[Cell]] = []
    previous: _Row | None = None
    for row in rows:
        cells = _cells(row.groups, bounds, page, spread=False)
        if not table or previous is None:
            continues = False
        elif wrap is not None:
            # Rows are padded: only a line closer than the row pitch continues a row.
            pitch = row.line.bbox[1] - previous.line.bbox[1]
            # Below the first row (the header) every close line is a wrapped header line.
            continues = pitch <= wrap and (len(table) == 1 or _filled(cells) < _filled(table[-1]))
        else:
            continues = continues_row(cells)
        if not table or (continues and len(table) == 1):
            # Still in the header: a group over several columns is a merged header cell.
            cells = _cells(row.groups, bounds, page, spread=True)
        if continues:
            table[-1] = merge_into(table[-1], cells)
        else:
            table.append(cells)
        previous = row
    return table


def _trailing_singles(rows: list[_Row]) -> int:
    count = 0
    while count < len(rows) and not rows[len(rows) - 1 - count].multi:
        count += 1
    return count


def _tables(rows: list[_Row], page: int) -> list[RawTable]:
    """The tables of one run: split at a row that does not fit the columns (each side then
    gets its own columns, as rows past the split may have skewed them). A run of fewer than
    MIN_TABLE_LINES multi-group lines comes back as a fragment (see ``RawTable.fragment``)."""
    first = next((i for i, r in enumerate(rows) if r.multi), len(rows))
    rows = rows[first:]  # a table starts with a multi-group row (its header)
    multi = sum(1 for r in rows if r.multi)
    if multi < MIN_FRAGMENT_LINES:
        return []
    bounds = column_boundaries(rows)
    if not 3 <= len(bounds) <= MAX_COLUMNS + 1:
        return []
    split = next((i for i, r in enumerate(rows) if not _fits(r, bounds)), None)
    if split is not None:
        return _tables(rows[:split], page) + _tables(rows[split + 1 :], page)
    cells = _rows_to_cells(rows, bounds, page)
    trailing = _trailing_singles(rows)
    if trailing:
        # Lines after the last full row belong to the table only as wrapped text of that row.
        without = _rows_to_cells(rows[:-trailing], bounds, page)
        if len(without) < len(cells):
            cells, rows = without, rows[:-trailing]
    bbox: BBox | None = union_bbox([r.line.bbox for r in rows])
    assert bbox is not None
    return [
        RawTable(
            page=page,
            bbox=bbox,
            columns=bounds,
            header_rows=cells[:1],
            rows=drop_empty_rows(cells[1:]),
            ruled=False,
            fragment=multi < MIN_TABLE_LINES,
        )
    ]


def unruled_tables(lines: list[Line], page: int) -> list[RawTable]:
    """Every unruled table among a page's lines (pass the lines outside ruled tables)."""
    rows = [_Row(line, word_groups(line)) for line in lines if line.words]
    return [table for run in _runs(rows) for table in _tables(run, page)]
