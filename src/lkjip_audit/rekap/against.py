"""A report against the recap: what the report states of its IKM, IKI and IPK, and the
recap rows it must agree with (its own satker row, its region row, the national row).

The report's figures come from the fact tables other recognizers fill (``indicators``,
``skm_values``, ``ipk_parts``, ``iki``); any of them may be absent. A report states its
realisation in several places, sometimes inconsistently; disagreement between those places
is the ``realisasi-consistency`` rules' business. Here the report's figure is the value it
states most often (:func:`consensus`), and only that is held against the recap.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lkjip_audit.extract.model import BBox
from lkjip_audit.facts import Facts
from lkjip_audit.numbers import Stated
from lkjip_audit.rekap.match import Match, match_satker

MEASURE_NAMES = {
    "ikm": re.compile(r"kepuasan\s+masyar\w*|\bikm\b|\bskm\b", re.IGNORECASE),
    "iki": re.compile(r"kepuasan\s+internal|\biki\b", re.IGNORECASE),
    "ipk": re.compile(r"pengamanan\s+keimigrasian|\bipk\b", re.IGNORECASE),
}
NATIONAL_ENTITY = re.compile(r"direktorat\s+jenderal|\bditjen\b|nasional", re.IGNORECASE)
REGION_ENTITY = re.compile(r"\bkanwil\b|kantor\s+wilayah|\bdivisi\b|\bwilayah\b", re.IGNORECASE)

RECAP_TABLE = {"ikm": "rekap_ikm_iki", "iki": "rekap_ikm_iki", "ipk": "rekap_ipk"}
RECAP_VALUE = {"ikm": "ikm", "iki": "iki", "ipk": "total_index"}
RECAP_COUNTS = {
    "ikm": {"total": "ikm_n"},
    "iki": {"total": "iki_n"},
    "ipk": {"internal": "int_n", "external": "ext_n", "total": "total_n"},
}
MEASURE_LABELS = {"ikm": "IKM", "iki": "IKI", "ipk": "IPK"}
PART_LABELS = {
    "total": {"id": "total", "en": "total"},
    "internal": {"id": "internal", "en": "internal"},
    "external": {"id": "eksternal", "en": "external"},
}


@dataclass(frozen=True, slots=True)
class Statement:
    """A figure as the report prints it, with its place and the text it stands in."""

    value: Stated
    page: int | None
    bbox: BBox | None
    raw: str
    entity: str = ""


def _statement(value: Any, row: Mapping[str, Any], entity: str = "") -> Statement | None:
    if not isinstance(value, Stated):
        return None
    return Statement(
        value=value,
        page=value.page if value.page is not None else _int(row.get("page")),
        bbox=value.bbox if value.bbox is not None else row.get("bbox"),
        raw=str(row.get("raw") or value.raw),
        entity=entity,
    )


def _int(value: Any) -> int | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else int(value)


def _this_year(row: Mapping[str, Any], year: int | None) -> bool:
    import pandas as pd

    stated = row.get("year")
    return year is None or stated is None or pd.isna(stated) or int(stated) == year


def _indicator_rows(facts: Facts, measure: str, year: int | None) -> list[dict[str, Any]]:
    if "indicators" not in facts.tables:
        return []
    rows = facts.tables["indicators"].to_dict("records")
    return [
        r
        for r in rows
        if MEASURE_NAMES[measure].search(f"{r.get('key') or ''} {r.get('name') or ''}")
        and _this_year(r, year)
    ]


def _rows(facts: Facts, table: str, **equal: str) -> list[dict[str, Any]]:
    if table not in facts.tables:
        return []
    return [
        r
        for r in facts.tables[table].to_dict("records")
        if all(r.get(k) == v for k, v in equal.items())
    ]


def own_values(facts: Facts, measure: str, year: int | None) -> list[Statement]:
    """Every statement of the satker's own realisation of ``measure`` in the document year:
    the indicator statements and the survey tables' annual value."""
    found = [_statement(r.get("realisasi"), r) for r in _indicator_rows(facts, measure, year)]
    found += [_statement(r["value"], r) for r in _survey_rows(facts, measure)]
    return _distinct([s for s in found if s is not None])


def _survey_rows(facts: Facts, measure: str) -> list[dict[str, Any]]:
    if measure == "ikm":
        return _rows(facts, "skm_values", role="skm", period=0)
    if measure == "iki":
        return _rows(facts, "iki", field="converted")
    return _rows(facts, "ipk_parts", part="total", field="ipk")


def _distinct(statements: list[Statement]) -> list[Statement]:
    """One statement per printed place (a row read twice counts once)."""
    seen: set[tuple] = set()
    kept = []
    for s in statements:
        key = (s.page, s.bbox, s.value.raw)
        if key not in seen:
            seen.add(key)
            kept.append(s)
    return kept


def own_counts(facts: Facts, measure: str, part: str) -> list[Statement]:
    """Every statement of the satker's own respondent count (``part``: total, internal,
    external) for ``measure``."""
    if measure == "ikm" and part == "total":
        rows = _rows(facts, "skm_values", role="responden", item="", period=0)
    elif measure == "ipk":
        rows = _rows(facts, "ipk_parts", part=part, field="responden")
    else:
        rows = []
    return [s for s in (_statement(r["value"], r) for r in rows) if s is not None]


def above_values(facts: Facts, measure: str, year: int | None) -> list[Statement]:
    """The figures the report quotes for the units above it (Kanwil, Ditjen) for ``measure``."""
    found = []
    for row in _indicator_rows(facts, measure, year):
        entity = row.get("entity")
        if isinstance(entity, str) and entity.strip():
            found.append(_statement(row.get("reference"), row, entity.strip()))
    return [s for s in found if s is not None]


def consensus(statements: list[Statement]) -> list[list[Statement]]:
    """The report's figure: the value it states most often, as the statements of each value
    tied for most (several when tied, in order of first statement)."""
    counts = Counter(s.value.value for s in statements)
    if not counts:
        return []
    top = max(counts.values())
    values = list(dict.fromkeys(s.value.value for s in statements if counts[s.value.value] == top))
    return [[s for s in statements if s.value.value == v] for v in values]


@dataclass(frozen=True, slots=True)
class RecapRows:
    """The recap rows a report is held against, and how its satker row was found."""

    ikm: Match
    ipk: Match
    rekap: Facts

    def row(self, measure: str) -> dict[str, Any] | None:
        """The satker's row in the table holding ``measure``."""
        match = self.ipk if measure == "ipk" else self.ikm
        if match.row is None:
            return None
        return self.rekap.table(RECAP_TABLE[measure]).iloc[match.row].to_dict()

    def match(self, measure: str) -> Match:
        """How the satker's row for ``measure`` was found."""
        return self.ipk if measure == "ipk" else self.ikm

    def region_row(self, measure: str) -> dict[str, Any] | None:
        """The region row above the satker's row for ``measure``."""
        own = self.row(measure)
        if own is None:
            return None
        table = self.rekap.table(RECAP_TABLE[measure]).to_dict("records")
        position = self.match(measure).row or 0
        for row in reversed(table[:position]):
            if row.get("is_region_row") is True or row.get("row_type") == "region":
                return row
        return None

    def national_row(self, measure: str) -> dict[str, Any] | None:
        """The national row of ``measure``, if the recap prints one."""
        rows = self.rekap.table("rekap_national").to_dict("records")
        return next((r for r in rows if r["survey"] == measure), None)


def recap_rows(rekap: Facts, satker: str | None, kode: str | None) -> RecapRows:
    """Find the satker in both lampiran; LAMPIRAN II (no kode) falls back on the name the
    recap itself gives the satker in LAMPIRAN I."""
    ikm = match_satker(satker, kode, rekap, "rekap_ikm_iki")
    ipk = match_satker(satker, None, rekap, "rekap_ipk")
    if ipk.row is None and ikm.row is not None:
        name = rekap.table("rekap_ikm_iki").iloc[ikm.row]["satker"]
        ipk = match_satker(name, None, rekap, "rekap_ipk")
    return RecapRows(ikm=ikm, ipk=ipk, rekap=rekap)


def recap_value(row: Mapping[str, Any] | None, column: str) -> Stated | None:
    """A recap cell, if the row exists and prints it."""
    if row is None:
        return None
    value = row.get(column)
    return value if isinstance(value, Stated) else None


def places_text(statements: list[Statement]) -> str:
    """The pages a value is stated on: "hal. 12, 17"."""
    pages = sorted({s.page for s in statements if s.page is not None})
    return ", ".join(str(p) for p in pages) or "-"
