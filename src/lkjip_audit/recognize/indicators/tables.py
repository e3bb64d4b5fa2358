"""Statements from the tables extraction found: columns are read from their headers.

A header may be split mid-word, sit in one of the first rows, or name years ("Realisasi
2022"); a table comparing with other units has the other unit's value as ``reference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from lkjip_audit.extract.model import BBox, Cell, DocumentText, Table, union_bbox
from lkjip_audit.numbers import Stated, parse_number
from lkjip_audit.recognize.indicators.context import Context, Statement
from lkjip_audit.recognize.indicators.names import ENUMERATOR, valid_cell_name
from lkjip_audit.recognize.indicators.places import Placed, row_place
from lkjip_audit.recognize.indicators.rows import truncated
from lkjip_audit.recognize.indicators.stream import Stream

# (role, year) of each column: "target", "realisasi", "capaian", "name", ... or None.
Roles = list[tuple[str | None, int | None]]
# A header naming the unit compared with ("Unit Lain", "Unit di Atasnya", "Pembanding").
_OTHER_UNIT = re.compile(r"unitlain|atasnya|unitdiatas|pembanding")
_VALUE_ROLES = ("target", "realisasi", "capaian", "own", "reference")
# The column rating each capaian in words ("Sangat Baik", "SB").
_RATING = re.compile(r"penilaian|kategori|katagori|predikat|kriteria")
# A column of another period or basis than the year's own figure: the end-of-Renstra target,
# last year's result, a cumulative figure ("s/d 2016", "2014+2015+2016"), a comparison with
# another year ("Thdp Tahun 2014"), an achievement against the Renstra.
_OTHER_BASIS = re.compile(
    r"renstra|tahunlalu|thnlalu|sebelum|akhirperiode|kumulatif|rpjmd|terhadaptarget|sampaidengan"
    r"|s/d"
    r"|thdp|\d{4}\+\d{4}"
)


def _column_roles(header: list[str]) -> Roles:
    """(role, year) per column from header keys such as "Realisasi 2022" or "Indikator".

    Headers may be split mid-word ("Targ et", "Reali sasi"), so they are compared without
    spaces. A table that compares with other units has a ``reference`` column (the other
    unit's value) and an ``own`` column (the office's value).
    """
    squashed = [re.sub(r"\s+", "", text.lower()) for text in header]
    comparison = any(_OTHER_UNIT.search(h) for h in squashed)
    roles: Roles = []
    for text in squashed:
        year_match = re.search(r"((?:19|20)\d\d)", text)
        year = int(year_match.group(1)) if year_match else None
        role: str | None = None
        if _OTHER_BASIS.search(text):
            role = _other_role(text)
        elif comparison and _OTHER_UNIT.search(text):
            role = "reference"
        elif comparison and "capaian" in text and ("%" in text or "persen" in text):
            role = "capaian"
        elif comparison and "capaian" in text:
            role = "own"
        elif comparison and re.search(r"unit|satuankerja|satker", text):
            role = "entity"
        elif _RATING.search(text):
            role = "rating"
        elif "indikator" in text:
            role = "name"
        else:
            role = _leaf_role(text)
        roles.append((role, year))
    return roles


# The end-of-period target ("Target Akhir Renstra") and the capaian against it.
_END_TARGET = re.compile(r"renstra|akhirperiode|rpjmd")
RENSTRA_TARGET, RENSTRA_CAPAIAN = "renstra-target", "renstra-capaian"


def _other_role(squashed: str) -> str:
    """A column of another basis: the end-of-period target, the capaian against it, or some
    other figure (last year's, a cumulative one)."""
    if _END_TARGET.search(squashed) and not re.search(r"lalu|sebelum|kumulatif|s/d", squashed):
        if "capai" in squashed:
            return RENSTRA_CAPAIAN
        if "target" in squashed:
            return RENSTRA_TARGET
    return "other"


# The words naming a value column; in a stacked header the lowest one names the column.
# "Realisasi" is read through a slip of the typist ("REALALISASI", "Relisasi").
_LEAF = re.compile(r"target|rea?l[a-z]{0,4}sasi|capai")


def _leaf_role(squashed: str) -> str | None:
    """The role the last value word of a header key gives: a stacked header reads top to
    bottom, so "Tahun 2016 Target Realisasi" (a group over its sub-columns) is the
    realisation's column; "Realisasi (%)", "Realisasi/Target" and a bare "%" are a capaian."""
    words = _LEAF.findall(squashed)
    if squashed in ("%", "(%)"):
        return "capaian"  # a bare "%" beside target and realisasi: the share achieved
    if not words:
        return None
    last = words[-1]
    if re.search(r"realisasi/target|target/realisasi", squashed):
        return "capaian"
    if last.startswith("re"):
        return "capaian" if "%" in squashed else "realisasi"
    return "target" if last == "target" else "capaian"


# A rate "5,8/1000 KH", "89/ 100.000 KH": a figure per a power of ten of some unit.
_RATE = re.compile(r"^\s*(?P<figure>\d[\d.,]*)\s*/\s*(?P<base>10+|1(?:\.000)+)\s*(?P<unit>[^\d]*)$")


def _cell_number(text: str, page: int, bbox: BBox | None) -> Stated | None:
    """A cell's number; a wrap inside the number ("117,1 4 %") is joined first. A rate
    ("4,01/ 1000 KH") is its figure, the printed text kept as its raw."""
    rate = _RATE.match(text)
    if rate:
        figure = parse_number(rate.group("figure"), page=page, bbox=bbox)
        return replace(figure, raw=" ".join(text.split())) if figure else None
    joined = re.sub(r"(?<=\d)\s+(?=[\d%])|(?<=[.,])\s+(?=\d)", "", text.strip())
    return parse_number(joined, page=page, bbox=bbox)


def _rate_bases(cells: list[Cell]) -> set[tuple[str, str]]:
    """The (base, unit) of every rate among ``cells``: figures per different bases ("per
    1000" against "per 100") cannot be compared."""
    found = set()
    for cell in cells:
        rate = _RATE.match(cell.text)
        if rate:
            unit = re.sub(r"\W", "", rate.group("unit")).lower()
            found.add((rate.group("base").replace(".", ""), unit))
    return found


def table_body(table: Table) -> tuple[Roles, list[list[Cell]]]:
    """Column roles and body rows of a table; the header may be one of its first rows.

    Rows without any figure in a value column continue the row above (a wrapped name).
    """
    candidates = [table.header] + [[c.text for c in row] for row in table.rows[:3]]
    for k, header in enumerate(candidates):
        roles = _column_roles(header)
        kinds = {r for r, _ in roles}
        if kinds & {"target", "realisasi", "own"} and len(kinds - {None}) >= 2:
            body = [row for row in table.rows[k:] if not _column_numbers(row)]
            return roles, _merge_continuations(body, roles)
    return [], []


def _column_numbers(row: list[Cell]) -> bool:
    """The row under a header that numbers the columns: "1 2 3 ..." or "(1) (2) (3) ..."."""
    texts = [c.text.strip().strip("()") for c in row if c.text.strip()]
    return len(texts) >= 3 and texts == [str(n) for n in range(1, len(texts) + 1)]


def _merge_continuations(rows: list[list[Cell]], roles: Roles) -> list[list[Cell]]:
    """The rows, each row without a figure joined cell by cell to the row above it."""
    merged: list[list[Cell]] = []
    for row in rows:
        has_value = any(
            role in _VALUE_ROLES and i < len(row) and re.search(r"\d", row[i].text)
            for i, (role, _) in enumerate(roles)
        )
        if has_value or not merged:
            merged.append(list(row))
            continue
        previous = merged[-1]
        for i, cell in enumerate(row[: len(previous)]):
            if cell.text.strip():
                above = previous[i]
                previous[i] = Cell(f"{above.text} {cell.text}".strip(), above.page, above.bbox)
    return merged


# How far apart (points) the left edges of one column may be on two pages.
_COLUMN_SLACK = 6.0


def _column_edges(table: Table) -> list[float] | None:
    """The left edge of each column, from the first row whose every cell has a box."""
    for row in table.rows:
        if row and all(c.bbox is not None for c in row):
            return [c.bbox[0] for c in row]
    return None


def continues_table(upper: Table, lower: Table) -> bool:
    """``lower`` is the rest of ``upper`` on the next page, printed without its header (the
    extraction took its first row for one): same columns at the same places."""
    edges, below = _column_edges(upper), _column_edges(lower)
    return (
        lower.page == upper.pages[-1] + 1
        and edges is not None
        and below is not None
        and len(edges) == len(below) == len(lower.header)
        and all(abs(a - b) <= _COLUMN_SLACK for a, b in zip(edges, below, strict=True))
    )


def table_rows(ctx: Context, doc: DocumentText) -> Iterator[Statement]:
    """Statements from the tables extraction found, placed by the line above them."""
    previous: tuple[Table, Roles] | None = None
    for table in doc.tables:
        roles, body = table_body(table)
        if not roles and previous and continues_table(previous[0], table):
            roles, body = previous[1], _merge_continuations(table.rows, previous[1])
        if not roles:
            continue
        previous = (table, roles)
        pos = _table_pos(ctx.stream, table)
        item = ctx.stream.at(pos) if ctx.stream.placed else None
        if item is None:
            continue
        place = row_place(item.section, "reference" in {r for r, _ in roles})
        if place is None:
            continue
        for row in body:
            statements = _table_row(ctx, table, row, roles, place, item, pos)
            yield from (s for s in statements if not _plan_table(roles) or s.year == ctx.year)


def _table_row(
    ctx: Context,
    table: Table,
    row: list[Cell],
    roles: Roles,
    place: str,
    item: Placed,
    pos: int,
) -> Iterator[Statement]:
    """The statements of one body row: one per year its value columns are for."""
    cells = dict(enumerate(row))
    name = _role_text(cells, roles, "name") or ""
    entity = _role_text(cells, roles, "entity")
    if place == "bab3-comparison":
        key = ctx.compared_key(pos)
        name = ctx.names.name(key) if key else ""
    else:
        name = ENUMERATOR.sub("", name.strip())
        key = ctx.names.key(name) if valid_cell_name(name) else None
    if not key:
        return
    by_year: dict[int | None, dict[str, Stated | None]] = {}
    ambiguous: set[int | None] = set()
    ratings = {
        year: cells[i].text.strip()
        for i, (r, year) in enumerate(roles)
        if r == "rating" and i in cells
    }
    first_cell = None
    value_cells = [cells[i] for i, (r, _) in enumerate(roles) if r in _VALUE_ROLES and i in cells]
    if len(_rate_bases(value_cells)) > 1:
        return
    for i, (role, year) in enumerate(roles):
        if role not in _VALUE_ROLES or i not in cells:
            continue
        cell = cells[i]
        stated = _cell_number(cell.text, cell.page, cell.bbox) if cell.text else None
        first_cell = first_cell or cell
        role = "realisasi" if role == "own" else role
        if role in by_year.get(year, {}):
            ambiguous.add(year)  # two columns claim one role: which one is meant is unknown
        by_year.setdefault(year, {})[role] = stated
    for year in ambiguous:
        del by_year[year]
    default_year = ctx.row_year(item)
    raw = " ".join(c.text for c in row if c.text)
    statements = []
    for year, values in by_year.items():
        if not any(values.get(r) is not None for r in ("target", "realisasi")):
            continue
        if any(v is not None and truncated(v) for v in values.values()):
            continue
        page = first_cell.page if first_cell else table.page
        statement = Statement(
            name=name,
            key=key,
            place=place,
            year=year if year is not None else default_year,
            page=page,
            bbox=union_bbox([c.bbox for c in row if c.bbox is not None]) or table.bbox,
            raw=raw,
            target=values.get("target"),
            realisasi=values.get("realisasi"),
            capaian=values.get("capaian"),
            entity=entity,
            reference=values.get("reference"),
            rating=_rating(ratings, year, len(by_year)),
            pos=pos,
        )
        statements.append(statement)
    yield from statements
    if len(statements) == 1:
        yield from _against_end_target(statements[0], cells, roles)


def _against_end_target(
    statement: Statement, cells: dict[int, Cell], roles: Roles
) -> Iterator[Statement]:
    """The row's second pair: its realisation against the end-of-Renstra target, with the
    capaian printed for it; a statement of another basis (``derived``: no fact of its own)."""
    found = {}
    for role in (RENSTRA_TARGET, RENSTRA_CAPAIAN):
        columns = [i for i, (r, _) in enumerate(roles) if r == role and i in cells]
        if len(columns) != 1:
            return
        cell = cells[columns[0]]
        found[role] = _cell_number(cell.text, cell.page, cell.bbox) if cell.text else None
    target, capaian, realised = found[RENSTRA_TARGET], found[RENSTRA_CAPAIAN], statement.realisasi
    if target is None or capaian is None or realised is None or "/" in target.raw:
        return
    yield replace(
        statement, target=target, capaian=capaian, other_year=True, derived=True, rating=None
    )


def _rating(ratings: dict[int | None, str], year: int | None, years: int) -> str | None:
    """The rating of ``year``'s capaian: its own column's, or the one yearless column's when
    the row is for one year only."""
    if year in ratings:
        return ratings[year] or None
    return (ratings.get(None) or None) if years == 1 else None


def _plan_table(roles: Roles) -> bool:
    """A plan (Renstra, RPJMD) lists targets of three or more years and no results: its
    other years' targets are the plan's, which a PK may rightly revise."""
    target_years = {year for role, year in roles if role == "target" and year}
    return len(target_years) >= 3 and not any(r in ("realisasi", "capaian") for r, _ in roles)


def _role_text(cells: dict[int, Cell], roles: Roles, role: str) -> str | None:
    """The text of the row's first cell in a ``role`` column, if it has one."""
    return next((cells[i].text for i, (r, _) in enumerate(roles) if r == role and i in cells), None)


def _table_pos(stream: Stream, table: Table) -> int:
    """The stream position just before the table (the last line above it on its page)."""
    best = 0
    for i, item in enumerate(stream.placed):
        line = item.line
        if (line.page, line.bbox[1]) <= (table.page, table.bbox[1]):
            best = stream.starts[i] + len(line.text)
    return best
