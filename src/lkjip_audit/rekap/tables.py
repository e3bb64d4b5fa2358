"""Read the recap's rows from the tables extraction found (ruled recap PDFs).

A table is a recap table by its header: LAMPIRAN I has columns for the Indeks Kepuasan
Masyarakat and Internal (value and respondents), LAMPIRAN II internal, external and total
IPK respondents and index, and the national tables a label, total respondents and index.
Each column's role comes from its header text, so the column order does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lkjip_audit.extract.model import Cell as TableCell
from lkjip_audit.extract.model import Table, union_bbox
from lkjip_audit.rekap.model import IKM, IPK
from lkjip_audit.rekap.text import SURVEY_IKM, Cell, TextRow

Test = Callable[[str], bool]


def _key(header: str) -> str:
    return re.sub(r"[^a-z]", "", header.lower())


def _counts(key: str) -> bool:
    return any(word in key for word in ("respon", "resp", "jml", "jumlah"))


def _has(*words: str) -> Test:
    return lambda key: any(w in key for w in words)


def _index_of(test: Test, counts: bool) -> Test:
    return lambda key: test(key) and _counts(key) == counts


NAME = _has("nama", "satuankerja", "wilayah", "unit", "satker")
MASYARAKAT = _has("masyarakat", "ikm")
INTERNAL = _has("internal", "iki")
EXTERNAL = _has("eksternal", "external")
TOTAL = _has("total", "nilaiipk", "ipkgabungan")

IKM_ROLES: dict[str, Test] = {
    "ikm": _index_of(MASYARAKAT, counts=False),
    "ikm_n": _index_of(MASYARAKAT, counts=True),
    "iki": _index_of(lambda k: INTERNAL(k) and not MASYARAKAT(k), counts=False),
    "iki_n": _index_of(lambda k: INTERNAL(k) and not MASYARAKAT(k), counts=True),
}
IPK_ROLES: dict[str, Test] = {
    "int_n": _index_of(INTERNAL, counts=True),
    "int_index": _index_of(INTERNAL, counts=False),
    "ext_n": _index_of(EXTERNAL, counts=True),
    "ext_index": _index_of(EXTERNAL, counts=False),
    "total_n": _index_of(lambda k: TOTAL(k) and not INTERNAL(k) and not EXTERNAL(k), True),
    "total_index": _index_of(lambda k: TOTAL(k) and not INTERNAL(k) and not EXTERNAL(k), False),
}
NATIONAL_ROLES: dict[str, Test] = {
    "n": lambda k: _counts(k),
    "index": lambda k: not _counts(k) and _has("indeks", "index", "nilai")(k),
}


def _columns(keys: list[str], roles: dict[str, Test]) -> dict[str, int] | None:
    """The column of every role, each column used once; None if a role has no column."""
    found: dict[str, int] = {}
    for role, test in roles.items():
        column = next((i for i, k in enumerate(keys) if test(k) and i not in found.values()), None)
        if column is None:
            return None
        found[role] = column
    return found


def _name_column(keys: list[str], taken: Iterable[int]) -> int | None:
    taken = set(taken)
    named = [i for i, k in enumerate(keys) if NAME(k) and "kode" not in k and i not in taken]
    return named[0] if named else None


def _text_cell(cell: TableCell | None) -> Cell:
    return Cell("" if cell is None else cell.text.strip(), None if cell is None else cell.bbox)


def _row(
    lampiran: str,
    cells: list[TableCell | None],
    name_at: int,
    columns: list[int],
    kode_at: int | None = None,
    note_at: int | None = None,
) -> TextRow | None:
    name_cell = cells[name_at] if name_at < len(cells) else None
    name = re.sub(r"\s+", " ", name_cell.text).strip() if name_cell is not None else ""
    if not name:
        return None
    present = [c for c in cells if c is not None and c.text.strip()]
    kode_cell = cells[kode_at] if kode_at is not None and kode_at < len(cells) else None
    note_cell = cells[note_at] if note_at is not None and note_at < len(cells) else None
    return TextRow(
        lampiran=lampiran,
        name=name,
        kode=kode_cell.text.strip() if kode_cell is not None else "",
        cells=[_text_cell(cells[i] if i < len(cells) else None) for i in columns],
        page=name_cell.page,
        bbox=union_bbox([c.bbox for c in present if c.bbox is not None]),
        raw=" ".join(c.text.strip() for c in present),
        note=[note_cell.text.strip()] if note_cell is not None and note_cell.text.strip() else [],
    )


def rows_from_table(table: Table) -> list[TextRow]:
    """The recap rows of one extracted table, or none if it is not a recap table."""
    keys = [_key(h) for h in table.header]
    ikm = _columns(keys, IKM_ROLES)
    if ikm is not None:
        return _rows(table, IKM, ikm, keys, kode=True)
    ipk = _columns(keys, IPK_ROLES) if any(EXTERNAL(k) for k in keys) else None
    if ipk is not None:
        return _rows(table, IPK, ipk, keys, kode=False)
    national = _columns(keys, NATIONAL_ROLES) if len(keys) <= 4 else None
    if national is None:
        return []
    rows = []
    for cells in table.rows:
        label = cells[0].text if cells and cells[0] is not None else ""
        lampiran = IKM if SURVEY_IKM.search(label) else IPK
        row = _row(lampiran, cells, 0, [national["n"], national["index"]])
        if row is not None and all(c.raw for c in row.cells):
            row.national = True
            rows.append(row)
    return rows


def _rows(
    table: Table, lampiran: str, roles: dict[str, int], keys: list[str], *, kode: bool
) -> list[TextRow]:
    name_at = _name_column(keys, roles.values())
    if name_at is None:
        return []
    kode_at = next((i for i, k in enumerate(keys) if "kode" in k), None) if kode else None
    note_at = next((i for i, k in enumerate(keys) if k.startswith("ket") or "catatan" in k), None)
    rows = (
        _row(lampiran, cells, name_at, list(roles.values()), kode_at, note_at)
        for cells in table.rows
    )
    found = [row for row in rows if row is not None and any(c.raw for c in row.cells)]
    # A cell holding two numbers is two rows the page stitcher merged: the lines are safer.
    merged = any(len(c.raw.split()) > 1 for row in found for c in row.cells)
    return [] if merged else found


def rows_from_tables(tables: Iterable[Table]) -> list[TextRow]:
    """The recap rows of every recap table, in document order."""
    return [row for table in tables for row in rows_from_table(table)]
