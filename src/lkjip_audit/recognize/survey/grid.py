"""SKM grids: unsur values, the index, its conversion, categories and respondents per period.

Two shapes are read. Periods as columns: a header line naming the periods (``JAN FEB ...
DES``, ``Triwulan I ... Triwulan IV``, ``Semester I Semester II``), possibly followed by an
annual column (``Rata-rata``, ``Tahunan``), then one row per unsur or total (``Persyaratan
3,52 3,48 ...``, ``IKM (Konversi) 88,10 ...``, ``Mutu Pelayanan B A ...``), row labels
possibly wrapped over the lines around the numbers (``Waktu`` / ``Penyelesaian``). Periods as
rows: one line per period (``Januari 4 4 3,96 ... 3,87 30``) under a header naming the
columns. Either may be split across pages (page furniture between the rows, the header
repeated) or into blocks of periods; blocks that do not overlap are merged into one grid.

Rows are named by their own labels (:func:`~lkjip_audit.recognize.survey.terms.label_score`):
any number of unsur, by name or by code, in any order. A grid with a row of index values
whose label names nothing known cannot be checked (its mean would leave out or take in an
unknown unsur) and is returned as unread, with the label as the reason.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from lkjip_audit.extract.model import Line, Word
from lkjip_audit.facts.survey import KONVERSI, RESPONDEN, SKM, YEAR
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.survey.lines import Number, NumberedLine, is_integer, numbered
from lkjip_audit.recognize.survey.terms import (
    INDEX,
    MUTU,
    is_unsur,
    label_score,
    normalise_label,
    periods_in,
)

MAX_GAP = 6
"""Lines of page furniture or wrapped labels tolerated between two rows of one grid."""

MIN_UNSUR = 4
"""Unsur a grid must name; fewer and the period table is about something else (unless it
prints the index with its respondents)."""

UNKNOWN = "?"
"""The answer for a row whose label names nothing known."""

_AVERAGE_WORDS = re.compile(r"\b(rata|tahun|tahunan|akhir|ikm|skm|nilai)\b")
_TOTAL_WORDS = re.compile(r"\b(jumlah|total)\b")
_SUMMARY_WORDS = re.compile(r"\b(jumlah|total|rata|tahun|tahunan|akhir|ikm|skm|nilai)\b")
_CATEGORY = re.compile(r"\b(sangat\s+baik|kurang\s+baik|tidak\s+baik|baik|[ABCD])\b", re.I)
_FACTOR = re.compile(r"[×xX*]\s*$")


@dataclass(frozen=True, slots=True)
class GridCell:
    """One value of a grid: its period (:data:`YEAR` for an annual column), what its row
    names (an unsur key or code, or a total of
    :data:`~lkjip_audit.recognize.survey.terms.TOTALS`), the label, the printed value
    (or ``category`` for a mutu cell)."""

    period: int
    item: str
    label: str
    value: Stated | None
    line: Line
    category: str = ""


@dataclass(slots=True)
class Block:
    """Cells read under one header, and the line indices they span."""

    kind: str
    first: int
    last: int
    cells: list[GridCell] = field(default_factory=list)

    @property
    def keys(self) -> set[tuple[int, str]]:
        """The (period, item) pairs of the block's cells."""
        return {(c.period, c.item) for c in self.cells}


@dataclass(slots=True)
class Grid:
    """An SKM grid: how it divides the year, its cells and the line indices it spans.
    ``unread`` holds the label that made it unreadable, if any."""

    kind: str
    first: int
    last: int
    cells: list[GridCell]
    unread: GridCell | None = None

    @property
    def unsur(self) -> set[str]:
        """The unsur (keys or codes) its rows name."""
        return {c.item for c in self.cells if is_unsur(c.item) and c.item != UNKNOWN}


def find_grids(lines: Sequence[NumberedLine]) -> list[Grid]:
    """Every SKM grid in ``lines`` (the document's lines, in reading order)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        block = _column_block(lines, index) or _row_block(lines, index)
        if block is None or not block.cells:
            index += 1
            continue
        blocks.append(block)
        index = block.last + 1
    return [_resolved(g) for g in _merge(blocks)]


def _merge(blocks: list[Block]) -> list[Grid]:
    """Join consecutive blocks of one kind whose cells do not overlap (a grid split across
    pages)."""
    grids: list[Grid] = []
    keys: set[tuple[int, str]] = set()
    for block in blocks:
        near = grids and block.first - grids[-1].last <= 4 * MAX_GAP
        if near and grids[-1].kind == block.kind and not (keys & block.keys):
            grids[-1].cells.extend(block.cells)
            grids[-1].last = block.last
            keys |= block.keys
        else:
            grids.append(Grid(block.kind, block.first, block.last, list(block.cells)))
            keys = set(block.keys)
    return [g for g in grids if _is_survey_grid(g)]


def _is_survey_grid(grid: Grid) -> bool:
    """Enough unsur by period to be an SKM grid, or at least the periods' index with its
    respondents (not, say, monthly PNBP)."""
    items = {c.item for c in grid.cells if c.period != YEAR}
    index = items & {INDEX, SKM, KONVERSI}
    return len(grid.unsur) >= MIN_UNSUR or bool(index and RESPONDEN in items)


def _resolved(grid: Grid) -> Grid:
    """Index rows named by their scale; a grid with an unknown row of index values, or two
    rows for one unsur, marked unread."""
    cells: list[GridCell] = []
    seen: dict[tuple[int, str], GridCell] = {}
    for cell in grid.cells:
        item = _scaled(cell, grid.cells) if cell.item == INDEX else cell.item
        if item is None or item == UNKNOWN:
            if cell.value is not None and _on_index_scale(cell.value):
                grid.unread = grid.unread or cell
            continue
        key = (cell.period, item)
        if key in seen and is_unsur(item) and seen[key].line is not cell.line:
            grid.unread = grid.unread or cell
        seen[key] = cell
        cells.append(GridCell(cell.period, item, cell.label, cell.value, cell.line, cell.category))
    grid.cells = cells
    return grid


def _scaled(cell: GridCell, cells: list[GridCell]) -> str | None:
    """A row (or column) named only as the index: SKM when all its values are on 1..4,
    KONVERSI when all are on 25..100, nothing when they are mixed."""
    row = [
        c.value for c in cells if c.item == INDEX and c.label == cell.label and c.value is not None
    ]
    if row and all(1 <= v.value <= 4 for v in row):
        return SKM
    if row and all(25 <= v.value <= 100 for v in row):
        return KONVERSI
    return None


def _on_index_scale(value: Stated) -> bool:
    """A value printed like an index (1..4 or 25..100 with decimals): a row the mean needs."""
    return value.decimals > 0 and (1 <= value.value <= 4 or 25 <= value.value <= 100)


# --- periods as columns --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Header:
    kind: str
    periods: list[int]
    centers: list[float]
    summary_column: bool


def _period_header(nl: NumberedLine) -> _Header | None:
    """A line naming periods of one kind in calendar order (three months, or two quarters
    or semesters at least), and little else."""
    text = nl.line.text
    found = periods_in(text)
    kinds = {kind for _, _, kind, _ in found}
    periods = [p for _, _, _, p in found]
    least = 3 if kinds == {"bulan"} else 2
    if len(kinds) != 1 or len(found) < least or periods != sorted(set(periods)):
        return None
    inside = [(a, b) for a, b, _, _ in found]
    if any(
        not any(a <= n.start < b for a, b in inside)
        and not (is_integer(n.stated) and 1900 <= n.stated.value <= 2100)
        for n in nl.numbers
    ):
        return None
    words = sum(len(text[a:b].split()) for a, b in inside)
    if nl.words - words - len(nl.numbers) > 4:
        return None
    centers = [_center(nl.line.span_bbox(a, b)) for a, b in inside]
    after = normalise_label(text[found[-1][1] :])
    return _Header(kinds.pop(), periods, centers, bool(_SUMMARY_WORDS.search(after)))


def _center(box: tuple[float, float, float, float]) -> float:
    return (box[0] + box[2]) / 2


def _stacked(upper: Line, lower: Line) -> Line:
    """Two header lines read as one: each word of ``lower`` joined to the word of ``upper``
    above it (the first without a space: the cell wrapped inside a word)."""
    if upper.page != lower.page or not upper.words or lower.bbox[1] - upper.bbox[3] > 8:
        return upper
    below: dict[int, list[Word]] = {}
    for word in lower.words:
        distances = [abs(_center(word.bbox) - _center(w.bbox)) for w in upper.words]
        nearest = distances.index(min(distances))
        above = upper.words[nearest].bbox
        if word.bbox[0] > above[2] or word.bbox[2] < above[0]:
            return upper  # not a cell's second line: the words stand in other columns
        below.setdefault(nearest, []).append(word)
    words = []
    for i, word in enumerate(upper.words):
        parts = below.get(i, [])
        text = word.text + " ".join(w.text for w in parts)
        boxes = [word.bbox, *(w.bbox for w in parts)]
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        words.append(Word(text, box))
    return Line(upper.page, " ".join(w.text for w in words), upper.bbox, tuple(words))


def _column_block(lines: Sequence[NumberedLine], start: int) -> Block | None:
    header = _period_header(lines[start])
    first = start
    if header is None and start + 1 < len(lines):
        # a header cell wrapped inside a narrow column ("Triwula" over "n I")
        stacked = _stacked(lines[start].line, lines[start + 1].line)
        if stacked is not lines[start].line:  # the line itself was just read as no header
            header = _period_header(numbered(stacked))
        first = start + 1
    if header is None:
        return None
    block = Block(header.kind, start, first)
    pending: list[NumberedLine] = []
    gap = 0
    index = first + 1
    while index < len(lines) and gap <= MAX_GAP and _period_header(lines[index]) is None:
        nl = lines[index]
        values = _row_values(nl, header)
        categories = None if values is not None else _category_row(nl, header)
        if values is None and categories is None:
            pending = [*pending, nl][-3:] if _is_label_fragment(nl) else []
            gap += 1
            index += 1
            continue
        label_end = values[0] if values is not None else categories[0]
        following = lines[index + 1] if index + 1 < len(lines) else None
        nxt = following if following is not None and _is_label_fragment(following) else None
        label, item, used_next = _resolve_label(pending, nl.line.text[:label_end].strip(), nxt)
        if categories is not None:
            block.cells.extend(
                GridCell(period, MUTU, label, None, nl.line, text) for period, text in categories[1]
            )
        else:
            _, numbers = values
            item = item or _unknown_item([n.stated for _, n in numbers], label)
            block.cells.extend(
                GridCell(period, item, label, number.stated, nl.line) for period, number in numbers
            )
        pending, gap = [], 0
        index += 2 if used_next else 1
        block.last = index - 1
    return block


def _row_values(nl: NumberedLine, header: _Header) -> tuple[int, list[tuple[int, Number]]] | None:
    """The end of a grid row's label and its numbers by period (positionally, or by column
    position), the annual column's as :data:`YEAR`; None if the line is not a row of this
    grid."""
    numbers = _values_of(nl)
    width = len(header.periods)
    numbered_row = not nl.line.text[: numbers[0].start].strip() if numbers else False
    if numbered_row and len(numbers) in (width + 1, width + 2) and is_integer(numbers[0].stated):
        numbers = numbers[1:]  # a leading row number ("1 Informasi ...")
    if not numbers or not _only_numbers(nl, numbers):
        return None
    label_end = numbers[0].start
    columns = list(header.periods)
    if header.summary_column and len(numbers) == width + 1:
        columns.append(YEAR)
    if len(numbers) == len(columns):
        return label_end, list(zip(columns, numbers, strict=True))
    placed = _by_position(numbers, header)
    if placed is None or 2 * len(placed) < width:
        return None
    return label_end, placed


def _values_of(nl: NumberedLine) -> list[Number]:
    """The line's numbers without a conversion factor printed in its label (``IKM (× 25)``)."""
    numbers = list(nl.numbers)
    text = nl.line.text
    while numbers and _FACTOR.search(text[: numbers[0].start].rstrip(" (")):
        numbers = numbers[1:]
    return numbers


def _category_row(nl: NumberedLine, header: _Header) -> tuple[int, list[tuple[int, str]]] | None:
    """A row of mutu categories (``Mutu Pelayanan A B A A``): its label's end and the
    category by period."""
    if nl.numbers:
        return None
    text = nl.line.text
    found = list(_CATEGORY.finditer(text))
    if not found:
        return None
    label_end = found[0].start()
    if label_score(text[:label_end])[0] != MUTU:
        return None
    columns = list(header.periods)
    if header.summary_column and len(found) == len(columns) + 1:
        columns.append(YEAR)
    if len(found) != len(columns):
        return None
    return label_end, [(p, m.group(1)) for p, m in zip(columns, found, strict=True)]


def _only_numbers(nl: NumberedLine, numbers: list[Number]) -> bool:
    """Whether nothing but spaces stands between the numbers (a table row, not prose)."""
    return not any(nl.line.text[a.end : b.start].strip() for a, b in itertools.pairwise(numbers))


def _by_position(numbers: list[Number], header: _Header) -> list[tuple[int, Number]] | None:
    """Assign numbers to period columns by horizontal position (rows with empty cells)."""
    if len(header.centers) < 2:
        return None
    spacing = min(b - a for a, b in itertools.pairwise(header.centers))
    if spacing <= 0:
        return None
    placed: dict[int, Number] = {}
    for number in numbers:
        distances = [abs(number.center - c) for c in header.centers]
        column = distances.index(min(distances))
        if distances[column] > spacing / 2 or header.periods[column] in placed:
            return None
        placed[header.periods[column]] = number
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


def _unknown_item(values: list[Stated], label: str) -> str:
    """An unlabelled row of whole numbers above the 1..4 scale is the respondent row; any
    other row whose label names nothing known is :data:`UNKNOWN`."""
    if not label and values and all(is_integer(v) and v.value > 4 for v in values):
        return RESPONDEN
    return UNKNOWN


# --- periods as rows -----------------------------------------------------------------------


def _period_row(nl: NumberedLine) -> tuple[str, int, list[Number]] | None:
    """A line ``[No] <period> v1 v2 ...``: its period kind, period and values."""
    numbers = list(nl.numbers)
    text = nl.line.text
    found = periods_in(text)
    if len(found) != 1:
        return None
    start, end, kind, period = found[0]
    numbers = [n for n in numbers if n.start >= end]
    before = text[:start].strip()
    if before and not (before.isdigit() or before.rstrip(".").isdigit()):
        return None
    if len(text[start:end].split()) > 2 or len(numbers) < 2:
        return None
    return kind, period, numbers


def _row_block(lines: Sequence[NumberedLine], start: int) -> Block | None:
    first = _period_row(lines[start])
    if first is None:
        return None
    kind, _, values = first
    width = len(values)
    rows: list[tuple[int, int, list[Number]]] = [(start, first[1], values)]
    gap = 0
    index = start + 1
    while index < len(lines) and gap <= MAX_GAP:
        row = _period_row(lines[index])
        if row is not None and row[0] == kind and len(row[2]) == width and row[1] > rows[-1][1]:
            rows.append((index, row[1], row[2]))
            gap = 0
        elif row is not None:
            break
        else:
            gap += 1
        index += 1
    if len(rows) < (3 if kind == "bulan" else 2):
        return None
    items = _row_columns(lines, start, rows, width)
    if items is None:
        return None
    block = Block(kind, start, rows[-1][0])
    for line_index, period, numbers in rows:
        line = lines[line_index].line
        for (item, label), number in zip(items, numbers, strict=True):
            block.cells.append(GridCell(period, item, label, number.stated, line))
    _annual_rows(lines, block, items)
    return block


def _row_columns(
    lines: Sequence[NumberedLine], start: int, rows: list[tuple[int, int, list[Number]]], width: int
) -> list[tuple[str, str]] | None:
    """The (item, header text) of each value column of a periods-as-rows grid."""
    header = _header_lines(lines, start)
    centers = [statistics.median(r[2][j].center for r in rows) for j in range(width)]
    return _columns_by_position(header, centers) or _columns_by_order(header, width)


def _header_lines(lines: Sequence[NumberedLine], start: int) -> list[NumberedLine]:
    """The number-free lines right above the first period row (its column headers)."""
    header: list[NumberedLine] = []
    index = start - 1
    while index >= 0 and len(header) < MAX_GAP:
        nl = lines[index]
        if nl.numbers or _ends_sentence(nl.line.text) or nl.words > 20:
            break
        header.insert(0, nl)
        index -= 1
    return header


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (``... layanan.``, ``sebagai berikut:``), not a header
    cell's abbreviation (``Resp.``, ``Jml.``)."""
    text = text.strip()
    if text.endswith(":"):
        return True
    last = text.split()[-1] if text else ""
    return text.endswith(".") and len(last.strip(".")) > 4


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
    text = " ".join(nl.line.text for nl in header)
    tokens = " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()).split()
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
    """A total/average line right under the period rows: annual values per column."""
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
            block.cells.append(GridCell(YEAR, item, label, number.stated, nl.line))
        block.last = index
