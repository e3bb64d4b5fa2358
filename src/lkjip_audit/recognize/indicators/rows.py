"""Table rows that are only lines of text: a name, then target/realisasi/capaian numbers.

Where extraction found no table, a row is a line ending in values. A header above it names
the columns (and the years of a multi-year table); a name wrapped over several lines is taken
from the lines above and below, inside the name's column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lkjip_audit.extract.model import Line, Word
from lkjip_audit.numbers import Stated, find_numbers
from lkjip_audit.recognize.indicators.context import Context, Statement
from lkjip_audit.recognize.indicators.names import ENUMERATOR, HEAD, valid_name
from lkjip_audit.recognize.indicators.places import Placed, row_place
from lkjip_audit.recognize.indicators.stream import numbers_in

# Words that make a line a sentence rather than a table row.
_PROSE = re.compile(
    r"\b(sebesar|adalah|merupakan|yaitu|bahwa|maka|atau|sehingga|menjadi|diperoleh|"
    r"dibandingkan|sebanyak|memperoleh|realisasi|terpenuhi|tercapai|mencapai|terealisasi)\b",
    re.I,
)
# An empty value cell of a template: "[...%]", "[ ]", a dash.
_PLACEHOLDER = re.compile(r"\[\s*(?:…|\.\.\.|\.\.|…%|\.\.\.%)?\s*%?\s*\]|^[-–—]$")
_UNIT_WORD = re.compile(
    r"^\(?(indeks|index|poin|persen|%|nilai|hari|jam|menit|orang|layanan|dokumen|laporan|"
    r"unit|kali|predikat)\)?[.,;]?$",
    re.I,
)
_HEADER_WORDS = re.compile(
    r"\b(target|realisasi|capaian|indikator|sasaran|satuan|unit|atasnya)\b", re.I
)
_HEADER_VOCABULARY = frozenset(
    "target realisasi capaian unit lain di atas atasnya satuan kerja indikator kinerja kegiatan "
    "sasaran tahun no persentase nilai utama program strategis".split()
)
# The "(1) (2) (3)" line under a header numbers the columns; it ends the header.
_COLUMN_NUMBERS = re.compile(r"^\s*(\(\d{1,2}\)\s*){2,}$")
_YEAR_HEADER = re.compile(
    r"^\s*(?:(?:Tahun|TA|Uraian|Keterangan)\s+)?((?:19|20)\d\d)(?:\s+((?:19|20)\d\d)){1,5}\s*$"
)
# The other unit a comparison row names.
_ENTITY = re.compile(
    r"\b(kanwil|kantor\s+wilayah|divisi|direktorat\s+jenderal|ditjen|nasional|unit\s+lain|"
    r"atasnya|unit\s+di\s+atas)\b",
    re.I,
)
# A line ending in a connector goes on in the next one: a name cannot start after it.
_CONNECTOR_END = re.compile(r"\b(terhadap|di|dan|atas|yang|pada|dalam|untuk|bidang)\s*$", re.I)
# Lines kept above a row, where its wrapped name may start.
_LOOKBACK = 8
# Indicator values are indices, percentages, days, counts: Rupiah amounts are budget lines.
_MAX_INDICATOR_VALUE = 1_000_000


@dataclass(frozen=True, slots=True)
class Cells:
    """A line read as a table row: the text before the values, and the values in order."""

    prefix: str
    values: tuple[Stated | None, ...]
    unit: str | None
    values_x0: float


def row_cells(line: Line) -> Cells | None:
    """The trailing values of a line that reads as a table row, or None for prose."""
    text = line.text
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\[[^\]]*\]|\S+", text)]
    numbers = {start: (end, stated) for start, end, stated in numbers_in(text)}
    values: list[Stated | None] = []
    unit = None
    cut = len(text)
    i = len(tokens) - 1
    while i >= 0:
        start, end, token = tokens[i]
        number_start = next((s for s in numbers if s <= start < numbers[s][0]), None)
        if number_start is not None and numbers[number_start][0] >= end:
            stated = numbers[number_start][1]
            values.insert(
                0,
                replace(
                    stated,
                    page=line.page,
                    bbox=line.span_bbox(number_start, numbers[number_start][0]),
                ),
            )
            cut = number_start
            while i >= 0 and tokens[i][0] >= number_start:
                i -= 1
            continue
        if _PLACEHOLDER.fullmatch(token):
            values.insert(0, None)
        elif _UNIT_WORD.match(token):
            unit = unit or token.strip("().,;").lower()
        else:
            break
        cut = start
        i -= 1
    prefix = text[:cut].strip()
    if not any(v is not None for v in values) or _PROSE.search(prefix) or "Rp" in text:
        return None
    if len(prefix) > 120:
        return None
    return Cells(prefix, tuple(values), unit, line.span_bbox(cut, cut + 1)[0])


@dataclass(slots=True)
class _TableState:
    """What the lines above a row say about it: its header, its years, its name lines."""

    columns: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    comparison: bool = False
    buffer: list[Line] = field(default_factory=list)

    def reset_buffer(self) -> None:
        self.buffer = []


def _header_columns(text: str, section: str) -> tuple[tuple[str, ...], bool]:
    """Column roles in header order, and whether the header compares with other units."""
    lowered = text.lower()
    roles: list[tuple[int, str]] = []
    comparison = section == "bab3" and bool(
        re.search(r"\bunit\b|satuan\s+kerja|satker|atasnya|kanwil|ditjen", lowered)
    )
    if comparison:
        return ("reference", "realisasi", "capaian"), True
    for m in re.finditer(r"target|realisasi|capaian", lowered):
        roles.append((m.start(), m.group()))
    return tuple(r for _, r in sorted(roles)) or _default_columns(section), comparison


_COLUMN_GAP = 8.0


@dataclass(frozen=True, slots=True)
class NameColumn:
    """Where a row's indicator name stands: from ``x0`` up to ``x1`` (the first value)."""

    x0: float
    x1: float

    def words(self, line: Line) -> list[str]:
        """The words of ``line`` inside this column."""
        return [w.text for w in line.words if self.x0 - 4 <= (w.bbox[0] + w.bbox[2]) / 2 < self.x1]


def _segments(words: list[Word]) -> list[list[Word]]:
    """Words split where a gap wider than a space separates table columns."""
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.bbox[0]):
        if groups and word.bbox[0] - groups[-1][-1].bbox[2] <= _COLUMN_GAP:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _head_start(segment: list[Word]) -> int | None:
    """Index of the word a name starts at in a segment, if any."""
    return next((i for i, word in enumerate(segment) if HEAD.search(word.text)), None)


def _start_in(line: Line, limit: float) -> tuple[float, list[str]] | None:
    """The column start and first words of a name beginning in ``line`` left of ``limit``."""
    words = [w for w in line.words if w.bbox[2] <= limit + 0.5]
    for segment in _segments(words):
        index = _head_start(segment)
        if index is not None:
            first = segment[index]
            match = HEAD.search(first.text)
            text = first.text[match.start() :] if match else first.text
            numbered = all(ENUMERATOR.fullmatch(w.text + " ") for w in segment[:index])
            x0 = segment[0].bbox[0] if numbered else first.bbox[0]
            return x0, [text] + [w.text for w in segment[index + 1 :]]
    return None


def name_of_row(buffer: list[Line], line: Line, cells: Cells) -> tuple[str, NameColumn] | None:
    """The indicator name of a row read from lines, and the column it stands in.

    The name starts at a head word ("Indeks", "Persentase", ...) in the row's own text or in
    the lines above (a wrapped cell); words of other columns on the same lines are left out.
    """
    right = cells.values_x0
    start = _start_in(line, right)
    if start is not None:
        column = NameColumn(start[0], right)
        return " ".join(start[1]), column
    for i in range(len(buffer) - 1, -1, -1):
        above = _start_in(buffer[i], float("inf"))
        if above is None:
            continue
        previous = buffer[i - 1].text if i > 0 else ""
        if _CONNECTOR_END.search(previous):
            continue
        limit = right if right > above[0] + 20 else float("inf")
        column = NameColumn(above[0], limit)
        words = above[1] + [w for later in buffer[i + 1 :] for w in column.words(later)]
        words += NameColumn(column.x0, min(column.x1, right)).words(line)
        return " ".join(words), column
    return None


def _entity_from(buffer: list[Line], prefix: str) -> str | None:
    """The other unit a comparison row names (the lines above it, or its own prefix)."""
    text = " ".join([*(b.text for b in buffer[-3:]), prefix]).strip()
    text = ENUMERATOR.sub("", text)
    return (
        text
        if _ENTITY.search(text) or re.search(r"\b(kemenkumham|imigrasi)\b", text, re.I)
        else None
    )


def _default_columns(section: str) -> tuple[str, ...]:
    if section in ("pk", "lampiran-pk", "bab2"):
        return ("target",)
    return ("target", "realisasi", "capaian")


def _assign(
    columns: tuple[str, ...], values: tuple[Stated | None, ...]
) -> dict[str, Stated | None]:
    """Values to roles: by the header when the counts agree, else only a clear shape."""
    if columns and len(columns) == len(values):
        return dict(zip(columns, values, strict=True))
    if columns == ("target",) and values:
        return {"target": values[-1]} if len(values) == 1 else {}
    return {}


def _is_header_start(text: str) -> bool:
    return len(_HEADER_WORDS.findall(text)) >= 2 and not find_numbers(text)


def _is_header_more(text: str) -> bool:
    """A line made only of header vocabulary ("Lain", "Capaian (%)", "[Satuan Kerja]")."""
    words = re.findall(r"[^\s()\[\]/%]+", text)
    return bool(words) and all(
        w.lower() in _HEADER_VOCABULARY or re.fullmatch(r"[A-Z]{2,5}|Ikm|Ipk|Iki", w) for w in words
    )


_NOT_CONTINUATION = re.compile(
    r"^(sasaran|indikator|target|realisasi|capaian|no|sumber|keterangan|catatan|tabel|gambar)\b",
    re.I,
)
_MAX_CONTINUATION = 3


def continues_name(text: str) -> bool:
    """Whether a short line under a row is the rest of the row's wrapped indicator name."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= 6
        and not re.search(r"\d", stripped)
        and not _PROSE.search(stripped)
        and not ENUMERATOR.match(stripped)
        and not HEAD.match(stripped)
        and not _NOT_CONTINUATION.match(stripped)
        and not _UNIT_WORD.match(stripped)
        and not stripped.endswith(":")
    )


def _finalise(ctx: Context, pending: list[Statement]) -> Iterator[Statement]:
    """Give rows read from lines their key, once their wrapped name is complete."""
    for statement in pending:
        if statement.key:
            yield statement
        elif valid_name(statement.name):
            statement.key = ctx.names.key(statement.name)
            yield statement


def _continuation(column: NameColumn, line: Line) -> str | None:
    """The part of ``line`` that continues a wrapped name in ``column``; "" when the column is
    empty there; None when the line cannot continue it (a new row, prose, a heading)."""
    if any(
        w.bbox[0] >= column.x1 and find_numbers(w.text) for w in line.words
    ) and column.x1 != float("inf"):
        return None
    words = column.words(line)
    if not words:
        return ""
    text = " ".join(words)
    return text if continues_name(text) else None


def line_rows(ctx: Context) -> Iterator[Statement]:
    """Statements from table rows that are lines of text (no table was extracted there)."""
    state = _TableState()
    section = None
    header = ""
    pending: list[Statement] = []
    column: NameColumn | None = None
    extra = 0
    for i, item in enumerate(ctx.stream.placed):
        text = item.line.text.strip()
        if pending and column and item.section == section and extra < _MAX_CONTINUATION:
            more = _continuation(column, item.line)
            if more is not None:
                for statement in pending:
                    if not statement.key and more:
                        statement.name = f"{statement.name} {more}"
                extra += 1
                continue
        yield from _finalise(ctx, pending)
        pending, extra, column = [], 0, None
        if item.section != section:
            state, section, header = _TableState(), item.section, ""
        place = row_place(item.section, state.comparison)
        if item.in_table or place is None:
            continue
        if _YEAR_HEADER.match(text):
            state.years = tuple(int(y) for y in re.findall(r"(?:19|20)\d\d", text))
            state.reset_buffer()
            continue
        if _COLUMN_NUMBERS.match(text):
            header = ""
            state.reset_buffer()
            continue
        if _is_header_start(text) or (header and _is_header_more(text)):
            header = f"{header} {text}" if header else text
            state.columns, state.comparison = _header_columns(header, item.section)
            state.reset_buffer()
            continue
        header = ""
        cells = row_cells(item.line)
        if cells is None:
            if _PROSE.search(text) or len(text) > 90:
                state.reset_buffer()
                state.years = ()
            else:
                state.buffer = [*state.buffer, item.line][-_LOOKBACK:]
            continue
        named = None if state.comparison else name_of_row(state.buffer, item.line, cells)
        pos = ctx.stream.starts[i]
        pending = list(_row_statements(ctx, item, place, cells, state, pos, named))
        column = named[1] if named else None
        state.reset_buffer()
    yield from _finalise(ctx, pending)


def truncated(value: Stated) -> bool:
    """A value cut by its cell ("114." for "114,94 %"): no reliable figure."""
    return value.raw.rstrip().endswith((".", ","))


def _consistent_kinds(roles: dict[str, Stated | None]) -> bool:
    """Target and realisation are both percentages or neither (else columns are misread)."""
    target, realised = roles.get("target"), roles.get("realisasi")
    return target is None or realised is None or target.is_percent == realised.is_percent


def _row_statements(
    ctx: Context,
    item: Placed,
    place: str,
    cells: Cells,
    state: _TableState,
    pos: int,
    named: tuple[str, NameColumn] | None,
) -> Iterator[Statement]:
    """The statements of one row: one per year of a multi-year table, else one."""
    year = ctx.row_year(item)
    columns = state.columns or _default_columns(item.section)
    values = cells.values
    groups: list[tuple[int | None, tuple[Stated | None, ...]]] = [(year, values)]
    if state.years and len(columns) % len(state.years) == 0 and len(columns) > len(state.years):
        columns = columns[: len(columns) // len(state.years)]
    if state.years and len(values) == len(columns) * len(state.years):
        size = len(columns)
        groups = [(y, values[k * size : (k + 1) * size]) for k, y in enumerate(state.years)]
    found = []
    for group_year, group in groups:
        roles = _assign(columns, group)
        if not any(roles.get(r) is not None for r in ("target", "realisasi")):
            continue
        if state.comparison and roles.get("reference") is None:
            continue
        if not _consistent_kinds(roles) or any(
            v is not None and (abs(v.value) >= _MAX_INDICATOR_VALUE or truncated(v))
            for v in roles.values()
        ):
            continue
        found.append((group_year, roles))
    if not found:
        return
    entity = None
    if state.comparison:
        entity = _entity_from(state.buffer, cells.prefix)
        key = ctx.compared_key(pos)
        name = ctx.names.name(key) if key else None
    else:
        name, key = (named[0] if named else None), ""
    if name is None or key is None:
        return
    for group_year, roles in found:
        yield Statement(
            name=name,
            key=key,
            place=place,
            year=group_year,
            page=item.line.page,
            bbox=item.line.bbox,
            raw=item.line.text,
            target=roles.get("target"),
            realisasi=roles.get("realisasi"),
            capaian=roles.get("capaian"),
            unit=cells.unit,
            entity=entity,
            reference=roles.get("reference"),
            pos=pos,
        )
