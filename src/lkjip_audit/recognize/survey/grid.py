"""The monthly SKM grid: unsur values, Nilai SKM and respondents per month, from lines.

Two shapes are read. Months as columns: a header line of month names (``JAN FEB ... DES``)
followed by one row per item (``Informasi 4 4 3,96 ...``), row labels possibly wrapped over
the lines around the numbers (``Waktu`` / ``Penyelesaian``). Months as rows: one line per
month (``Januari 4 4 3,96 ... 3,87 30``) under a header naming the columns. Either may be
split across pages (page furniture between the rows, the header repeated) or into blocks of
months; blocks that do not overlap are merged into one grid.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from lkjip_audit.extract.model import Line
from lkjip_audit.facts.survey import OTHER, RESPONDEN, SKM, UNSUR
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.survey.lines import Number, NumberedLine, is_integer
from lkjip_audit.recognize.survey.terms import label_score, months_in, normalise_label

MAX_GAP = 6
"""Lines of page furniture or wrapped labels tolerated between two rows of one grid."""

MIN_UNSUR = 4
"""Known unsur a grid must have; fewer and the month table is about something else."""

_AVERAGE_WORDS = re.compile(r"\b(rata|tahun|tahunan|akhir|ikm|skm|nilai)\b")
_TOTAL_WORDS = re.compile(r"\b(jumlah|total)\b")
_SUMMARY_WORDS = re.compile(r"\b(jumlah|total|rata|tahun|tahunan|akhir|ikm|skm|nilai)\b")


@dataclass(frozen=True, slots=True)
class GridCell:
    """One value of the grid: month (or None for an annual summary column), item, value."""

    month: int | None
    item: str
    label: str
    value: Stated
    line: Line


@dataclass(slots=True)
class Block:
    """Cells read under one header, and the line indices they span."""

    first: int
    last: int
    cells: list[GridCell] = field(default_factory=list)

    @property
    def keys(self) -> set[tuple[int | None, str]]:
        """The (month, item) pairs of the block's cells."""
        return {(c.month, c.item) for c in self.cells}


@dataclass(slots=True)
class Grid:
    """A monthly grid: its cells (monthly and annual) and the line indices it spans."""

    first: int
    last: int
    cells: list[GridCell]


def find_grids(lines: Sequence[NumberedLine]) -> list[Grid]:
    """Every monthly survey grid in ``lines`` (the document's lines, in reading order)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        block = _column_block(lines, index) or _row_block(lines, index)
        if block is None or not block.cells:
            index += 1
            continue
        blocks.append(block)
        index = block.last + 1
    return _merge(blocks)


def _merge(blocks: list[Block]) -> list[Grid]:
    """Join consecutive blocks whose cells do not overlap (a grid split across pages)."""
    grids: list[Grid] = []
    keys: set[tuple[int | None, str]] = set()
    for block in blocks:
        near = grids and block.first - grids[-1].last <= 4 * MAX_GAP
        if near and not (keys & block.keys):
            grids[-1].cells.extend(block.cells)
            grids[-1].last = block.last
            keys |= block.keys
        else:
            grids.append(Grid(block.first, block.last, list(block.cells)))
            keys = set(block.keys)
    return [g for g in grids if _is_survey_grid(g)]


def _is_survey_grid(grid: Grid) -> bool:
    """Enough known unsur by month to be the SKM grid, or at least the monthly Nilai SKM
    with its respondents (not, say, monthly PNBP)."""
    items = {c.item for c in grid.cells if c.month is not None}
    return len(items & set(UNSUR)) >= MIN_UNSUR or {SKM, RESPONDEN} <= items


# --- months as columns ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Header:
    months: list[int]
    centers: list[float]
    summary_column: bool


def _month_header(nl: NumberedLine) -> _Header | None:
    """A line naming at least three distinct months in calendar order, and little else."""
    text = nl.line.text
    found = months_in(text)
    months = [m for _, _, m in found]
    if len(found) < 3 or len(set(months)) != len(months) or months != sorted(months):
        return None
    if any(not (is_integer(n.stated) and 1900 <= n.stated.value <= 2100) for n in nl.numbers):
        return None
    if nl.words - len(found) - len(nl.numbers) > 4:
        return None
    centers = [_center(nl.line.span_bbox(start, end)) for start, end, _ in found]
    after = normalise_label(text[found[-1][1] :])
    return _Header(months, centers, bool(_SUMMARY_WORDS.search(after)))


def _center(box: tuple[float, float, float, float]) -> float:
    return (box[0] + box[2]) / 2


def _column_block(lines: Sequence[NumberedLine], start: int) -> Block | None:
    header = _month_header(lines[start])
    if header is None:
        return None
    block = Block(start, start)
    pending: list[NumberedLine] = []
    gap = 0
    index = start + 1
    while index < len(lines) and gap <= MAX_GAP and _month_header(lines[index]) is None:
        nl = lines[index]
        values = _row_values(nl, header)
        if values is None:
            pending = [*pending, nl][-3:] if _is_label_fragment(nl) else []
            gap += 1
            index += 1
            continue
        label_end, numbers, annual = values
        following = lines[index + 1] if index + 1 < len(lines) else None
        nxt = following if following is not None and _is_label_fragment(following) else None
        label, item, used_next = _resolve_label(pending, nl.line.text[:label_end].strip(), nxt)
        item = item or _unknown_item([n.stated for _, n in numbers])
        block.cells.extend(
            GridCell(month, item, label, number.stated, nl.line) for month, number in numbers
        )
        if annual is not None:
            block.cells.append(GridCell(None, item, label, annual.stated, nl.line))
        pending, gap = [], 0
        index += 2 if used_next else 1
        block.last = index - 1
    return block


def _row_values(
    nl: NumberedLine, header: _Header
) -> tuple[int, list[tuple[int, Number]], Number | None] | None:
    """The numbers of a grid row by month (positionally, or by column position), the end of
    its label, and its annual value when the header has a summary column; None if the line
    is not a row of this grid."""
    numbers = list(nl.numbers)
    width = len(header.months)
    if len(numbers) == width + 1 and not nl.label and is_integer(numbers[0].stated):
        numbers = numbers[1:]  # a leading row number ("1 Informasi ...")
    if not numbers:
        return None
    label_end = numbers[0].start
    if not _only_numbers(nl, numbers):
        return None
    annual = None
    if header.summary_column and len(numbers) == width + 1:
        numbers, annual = numbers[:-1], numbers[-1]
    if len(numbers) == width:
        return label_end, list(zip(header.months, numbers, strict=True)), annual
    placed = _by_position(numbers, header)
    if placed is None or 2 * len(placed) < width:
        return None
    return label_end, placed, None


def _only_numbers(nl: NumberedLine, numbers: list[Number]) -> bool:
    """Whether nothing but spaces stands between the numbers (a table row, not prose)."""
    return not any(nl.line.text[a.end : b.start].strip() for a, b in itertools.pairwise(numbers))


def _by_position(numbers: list[Number], header: _Header) -> list[tuple[int, Number]] | None:
    """Assign numbers to month columns by horizontal position (rows with empty cells)."""
    if len(header.centers) < 2:
        return None
    spacing = min(b - a for a, b in itertools.pairwise(header.centers))
    if spacing <= 0:
        return None
    placed: dict[int, Number] = {}
    for number in numbers:
        distances = [abs(number.center - c) for c in header.centers]
        column = distances.index(min(distances))
        if distances[column] > spacing / 2 or header.months[column] in placed:
            return None
        placed[header.months[column]] = number
    return sorted(placed.items())


def _is_label_fragment(nl: NumberedLine) -> bool:
    """A short line without numbers: part of a wrapped row label."""
    text = nl.line.text.strip()
    return not nl.numbers and 0 < nl.words <= 4 and not text.endswith((".", ":"))


def _resolve_label(
    pending: list[NumberedLine], own: str, nxt: NumberedLine | None
) -> tuple[str, str | None, bool]:
    """The row's label from its own text and wrapped fragments above or below it.

    Every combination is scored; the best match wins, and on a tie the one using more
    fragments (``Konsultasi/`` + ``Pengaduan`` over ``Pengaduan`` alone).
    """
    best: tuple[float, int, str, str | None, bool] = (-1.0, 0, own, None, False)
    for above in range(len(pending) + 1):
        before = [p.line.text.strip() for p in pending[len(pending) - above :]]
        for use_next in (False, True) if nxt is not None else (False,):
            after = [nxt.line.text.strip()] if use_next and nxt is not None else []
            text = " ".join(t for t in [*before, own, *after] if t)
            item, score = label_score(text)
            candidate = (score, above + use_next, text, item, use_next)
            if candidate[:2] > best[:2]:
                best = candidate
    _, _, text, item, use_next = best
    return text, item, use_next and item is not None


def _unknown_item(values: list[Stated]) -> str:
    """An unlabelled row of whole numbers above the 1..4 scale is the respondent row."""
    if values and all(is_integer(v) and v.value > 4 for v in values):
        return RESPONDEN
    return OTHER


# --- months as rows ------------------------------------------------------------------------


def _month_row(nl: NumberedLine) -> tuple[int, list[Number]] | None:
    """A line ``[No] <month> v1 v2 ...``: its month and its values."""
    numbers = list(nl.numbers)
    label = nl.label
    if not label and len(numbers) >= 2 and is_integer(numbers[0].stated):
        label = nl.line.text[numbers[0].end : numbers[1].start].strip()
        numbers = numbers[1:]
    found = months_in(label)
    if len(found) != 1 or len(label.split()) > 2 or len(numbers) < 2:
        return None
    return found[0][2], numbers


def _row_block(lines: Sequence[NumberedLine], start: int) -> Block | None:
    first = _month_row(lines[start])
    if first is None:
        return None
    width = len(first[1])
    rows: list[tuple[int, int, list[Number]]] = [(start, *first)]
    gap = 0
    index = start + 1
    while index < len(lines) and gap <= MAX_GAP:
        row = _month_row(lines[index])
        if row is not None and len(row[1]) == width and row[0] > rows[-1][1]:
            rows.append((index, *row))
            gap = 0
        elif row is not None:
            break
        else:
            gap += 1
        index += 1
    if len(rows) < 3:
        return None
    items = _row_columns(lines, start, rows, width)
    if items is None:
        return None
    block = Block(start, rows[-1][0])
    for line_index, month, numbers in rows:
        line = lines[line_index].line
        for (item, label), number in zip(items, numbers, strict=True):
            block.cells.append(GridCell(month, item, label, number.stated, line))
    _annual_rows(lines, block, items)
    return block


def _row_columns(
    lines: Sequence[NumberedLine], start: int, rows: list[tuple[int, int, list[Number]]], width: int
) -> list[tuple[str, str]] | None:
    """The (item, header text) of each value column of a months-as-rows grid."""
    header = _header_lines(lines, start)
    centers = [statistics.median(r[2][j].center for r in rows) for j in range(width)]
    columns = _columns_by_position(header, centers) or _columns_by_order(header, width)
    if columns is not None:
        return columns
    last = [r[2][-1].stated for r in rows]
    if width == len(UNSUR) + 2 and all(is_integer(v) and v.value > 4 for v in last):
        return [(item, item) for item in (*UNSUR, SKM, RESPONDEN)]
    return None


def _header_lines(lines: Sequence[NumberedLine], start: int) -> list[NumberedLine]:
    """The number-free lines right above the first month row (its column headers)."""
    header: list[NumberedLine] = []
    index = start - 1
    while index >= 0 and len(header) < MAX_GAP:
        nl = lines[index]
        text = nl.line.text.strip()
        if nl.numbers or text.endswith((".", ":")) or nl.words > 20:
            break
        header.insert(0, nl)
        index -= 1
    return header


def _columns_by_position(
    header: list[NumberedLine], centers: list[float]
) -> list[tuple[str, str]] | None:
    """Header words gathered above each value column, by horizontal position."""
    if len(centers) < 2:
        return None
    spacing = min(b - a for a, b in itertools.pairwise(centers))
    if spacing <= 0:
        return None
    words: list[list[str]] = [[] for _ in centers]
    for nl in header:
        for word in nl.line.words:
            x = _center(word.bbox)
            distances = [abs(x - c) for c in centers]
            column = distances.index(min(distances))
            if distances[column] <= spacing * 0.6:
                words[column].append(word.text)
    return _known_columns([" ".join(w) for w in words])


def _columns_by_order(header: list[NumberedLine], width: int) -> list[tuple[str, str]] | None:
    """Item names read left to right from the header text (when positions do not help)."""
    tokens = normalise_label(" ".join(nl.line.text for nl in header)).split()
    found: list[tuple[str, str]] = []
    index = 0
    while index < len(tokens):
        best: tuple[float, int, str | None] = (0.0, 0, None)
        for size in range(1, 5):
            phrase = " ".join(tokens[index : index + size])
            item, score = label_score(phrase)
            if item is not None and (score, size) > best[:2]:
                best = (score, size, item)
        score, size, item = best
        if item is None:
            index += 1
            continue
        if not found or found[-1][0] != item:
            found.append((item, " ".join(tokens[index : index + size])))
        index += size
    return found if len(found) == width and _distinct(found) else None


def _known_columns(texts: list[str]) -> list[tuple[str, str]] | None:
    columns = [(label_score(t)[0], t) for t in texts]
    if any(item is None for item, _ in columns):
        return None
    known = [(str(item), text) for item, text in columns]
    return known if _distinct(known) else None


def _distinct(columns: list[tuple[str, str]]) -> bool:
    return len({item for item, _ in columns}) == len(columns)


def _annual_rows(lines: Sequence[NumberedLine], block: Block, items: list[tuple[str, str]]) -> None:
    """A total/average line right under the month rows: annual values per column."""
    for index in range(block.last + 1, min(block.last + 3, len(lines))):
        nl = lines[index]
        label = normalise_label(nl.label)
        pairs = list(zip(items, nl.numbers, strict=False))
        if _TOTAL_WORDS.search(label):
            # a "Jumlah" row sums every column: only the respondent total is a figure we use
            if len(nl.numbers) == 1:
                pairs = [((RESPONDEN, nl.label), nl.numbers[0])]
            pairs = [p for p in pairs if p[0][0] == RESPONDEN]
        elif not (_AVERAGE_WORDS.search(label) and len(nl.numbers) == len(items)):
            continue
        if not pairs:
            continue
        for (item, label), number in pairs:
            block.cells.append(GridCell(None, item, label, number.stated, nl.line))
        block.last = index
