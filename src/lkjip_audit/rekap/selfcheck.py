"""The recap's own word on the cells a report is held against.

A recap can contradict itself: a satker's IPK total that does not follow from its internal
and external parts, a region's value that is not the weighted mean of its satker. When the
report agrees with what the recap's own parts give, the report is not what needs changing,
and the mismatch must say so (:func:`contradiction`). And a satker whose recap rows are
inconsistent must not read "lulus" for the recap's consistency (:func:`flag_coverage`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category, Coverage, Severity
from lkjip_audit.numbers import Interval, Stated, agrees, format_number
from lkjip_audit.rekap.consistency import (
    MEASURES,
    NATIONAL,
    groups,
    is_region,
    shown,
    weighted_mean,
)

Row = Mapping[str, Any]
PARTS = {
    "ipk": {"id": "IPK internal dan eksternalnya", "en": "its internal and external IPK"},
    "region": {"id": "satker di wilayahnya", "en": "the satker of its region"},
    "national": {"id": "seluruh satker", "en": "all satker"},
}
NOTES = {
    True: {
        "id": " Namun rekap itu sendiri tidak konsisten: {parts} memberi {value}, sama dengan "
        "laporan; yang perlu dibetulkan adalah rekap Ditjen, bukan laporan.",
        "en": " But the recap contradicts itself: {parts} give {value}, as the report says; "
        "it is the Ditjen recap that needs correcting, not the report.",
    },
    False: {
        "id": " Rekap itu sendiri juga tidak konsisten: {parts} memberi {value}.",
        "en": " The recap also contradicts itself: {parts} give {value}.",
    },
}
FLAGGED = {
    "id": "baris rekap satker ini atau wilayahnya tidak konsisten (lihat Rekap Ditjen)",
    "en": "this satker's or its region's recap rows are inconsistent (see Rekap Ditjen)",
}


@dataclass(frozen=True, slots=True)
class Contradiction:
    """What the recap's own parts give for a cell that disagrees with them."""

    parts: str
    """Key of :data:`PARTS`: which parts the value is recomputed from."""
    value: Interval
    others: tuple[Interval, ...] = ()
    """Other recomputations the cell may equally follow (a national row: from the satker
    rows or from the region rows); it contradicts the recap only when it follows none."""

    def supports(self, value: Stated) -> bool:
        """Whether the recap's own parts give ``value`` (any of the recomputations)."""
        return any(agrees(value, own) for own in (self.value, *self.others))


def _present(*cells: Any) -> bool:
    return all(isinstance(c, Stated) for c in cells)


def _key(row: Row) -> tuple:
    return (row.get("satker"), row.get("page"), row.get("line"), str(row.get("raw")))


def _columns(table: str, column: str) -> tuple[str, str] | None:
    """The (value, respondents) columns of the measure printed in ``column``."""
    for _, v_col, n_col in MEASURES.get(table, ()):
        if v_col == column:
            return v_col, n_col
    return None


def parts_value(rekap: Facts, table: str, row: Row, column: str) -> Contradiction | None:
    """What the recap's own parts give for ``row[column]``, when the cell has parts: a
    satker's IPK total (its internal and external IPK) or a region's value (its satker)."""
    columns = _columns(table, column)
    if columns is None:
        return None
    v_col, n_col = columns
    if is_region(row):
        for group in groups(rekap.table(table)):
            if _key(group.region) == _key(row):
                members = group.members
                mean = weighted_mean(
                    [(m[n_col], m[v_col]) for m in members if _present(m[n_col], m[v_col])]
                )
                return Contradiction("region", mean) if mean is not None else None
        return None
    if column == "total_index" and _present(
        row.get("int_n"), row.get("int_index"), row.get("ext_n"), row.get("ext_index")
    ):
        mean = weighted_mean([(row["int_n"], row["int_index"]), (row["ext_n"], row["ext_index"])])
        return Contradiction("ipk", mean) if mean is not None else None
    return None


def national_value(rekap: Facts, survey: str) -> Contradiction | None:
    """The respondent-weighted mean of every satker row of ``survey`` (ikm, iki, ipk), or
    equally of every region row."""
    table, at = NATIONAL[survey]
    _, v_col, n_col = MEASURES[table][at]
    found = groups(rekap.table(table))
    units = [m for g in found for m in g.members]
    means = [
        weighted_mean([(r[n_col], r[v_col]) for r in rows if _present(r[n_col], r[v_col])])
        for rows in (units, [g.region for g in found])
    ]
    if means[0] is None:
        return None
    return Contradiction("national", means[0], tuple(m for m in means[1:] if m is not None))


def contradiction(
    own: Contradiction | None, recap: Stated, stated: Stated
) -> tuple[dict[str, str], Severity | None]:
    """The note a mismatch adds when the recap cell ``recap`` contradicts its own parts, and
    the severity it then has: a warning when the report's ``stated`` value is what the parts
    give (the recap is at fault), the rule's own otherwise. No note when the recap agrees
    with itself."""
    if own is None or own.supports(recap):
        return {"id": "", "en": ""}, None
    backed = own.supports(stated)
    value = shown(own.value, recap)
    note = {
        lang: NOTES[backed][lang].format(
            parts=PARTS[own.parts][lang], value=format_number(value, lang=lang, thousands=False)
        )
        for lang in ("id", "en")
    }
    return note, Severity.WARNING if backed else None


def row_texts(rows: list[Row | None]) -> set[str]:
    """The evidence texts of recap rows, as the recap's findings give them."""
    from lkjip_audit.rules.checks.rekap import row_evidence

    return {row_evidence(r) for r in rows if r is not None}


_FLAGGED: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}
"""The recap's findings (as the rows each names) per recap file content and rule set: one
recap is checked once per process, not once per report (a second or so each time)."""


def _flagged_rows(rekap: Facts, ruleset) -> tuple[frozenset[str], ...]:
    """The rows (evidence texts) each internal finding of the recap names."""
    from lkjip_audit.rekap.command import check_rekap

    def rows() -> tuple[frozenset[str], ...]:
        return tuple(
            frozenset({f.evidence or "", *(p.text for p in f.related)})
            for f in check_rekap(rekap, ruleset)
        )

    source = Path(str(getattr(rekap, "source", "") or ""))
    if not source.is_file():
        return rows()
    with source.open("rb") as handle:
        key = (hashlib.file_digest(handle, "sha256").hexdigest(), ruleset.sha256)
    if key not in _FLAGGED:
        _FLAGGED[key] = rows()
    return _FLAGGED[key]


def flag_coverage(
    coverage: list[Coverage], rekap: Facts | None, ruleset, satker: str | None, kode: str | None
) -> list[Coverage]:
    """The coverage with the recap-consistency entry marked when the recap's own checks find
    this satker's rows (or its region's) inconsistent."""
    from lkjip_audit.rekap.against import recap_rows

    if rekap is None or not satker or getattr(rekap, "kind", "") == "attached":
        # An attached recap's inconsistencies are the report's own findings already.
        return coverage
    rows = recap_rows(rekap, satker, kode)
    mine = row_texts(
        [rows.row(m) for m in ("ikm", "ipk")] + [rows.region_row(m) for m in ("ikm", "ipk")]
    )
    if not mine:
        return coverage
    flagged = sum(bool(rows_of_finding & mine) for rows_of_finding in _flagged_rows(rekap, ruleset))
    if not flagged:
        return coverage
    return [
        replace(
            c,
            flagged=flagged,
            description={
                lang: ", ".join(filter(None, (c.description.get(lang, ""), FLAGGED[lang])))
                for lang in ("id", "en")
            },
        )
        if c.category is Category.REKAP_INTERNAL
        else c
        for c in coverage
    ]
