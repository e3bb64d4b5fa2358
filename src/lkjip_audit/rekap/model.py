"""The recap as read: one record per printed row, and the fact tables built from them.

Every reader (PDF lines, CSV, XLSX) produces :class:`Record` values with the cells still as
printed text; :func:`build_facts` parses each column with one number convention and fills
the ``rekap_ikm_iki``, ``rekap_ipk`` and ``rekap_national`` tables.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from lkjip_audit.extract.model import BBox
from lkjip_audit.facts import Facts
from lkjip_audit.numbers import Stated, parse_column

IKM = "ikm"
IPK = "ipk"
IKM_CELLS = ("ikm", "ikm_n", "iki", "iki_n")
IPK_CELLS = ("int_n", "int_index", "ext_n", "ext_index", "total_n", "total_index")
CELLS = {IKM: IKM_CELLS, IPK: IPK_CELLS}
# Columns holding Stated values or places: pandas must keep them as Python objects.
OBJECT_COLUMNS = frozenset({"page", "bbox", "line", "n", "index", *IKM_CELLS, *IPK_CELLS})

REGION_WORDS = re.compile(
    r"\b(?:IPK|DIVISI|KEIMIGRASIAN|KANWIL|KANTOR\s+WILAYAH|KEMENKUMHAM"
    r"|KEMENTERIAN\s+HUKUM\s+DAN\s+(?:HAM|HAK\s+ASASI\s+MANUSIA))\b",
    re.IGNORECASE,
)


SAME_REGION = 85
"""Similarity (0-100) above which two region names are one region ("MALUTU UTARA" and
"MALUKU UTARA" both name North Maluku; "D.I YOGYAKARTA" and "D.I. YOGYAKARTA" too)."""


class RekapError(Exception):
    """A recap file that cannot be read; the message says why in plain words."""


@dataclass(slots=True)
class Record:
    """One printed recap row with its cells as text (None for an empty cell or "-").

    ``cells`` follow :data:`IKM_CELLS` or :data:`IPK_CELLS`; ``row_type`` is ``region``,
    ``divisi`` (IPK only), ``satker`` or ``national``.
    """

    lampiran: str
    row_type: str
    region: str
    kode: str
    name: str
    cells: list[str | None]
    boxes: list[BBox | None]
    note: str = ""
    page: int | None = None
    bbox: BBox | None = None
    line: int | None = None
    sheet: str = ""
    raw: str = ""


@dataclass(slots=True)
class RekapFacts(Facts):
    """The recap's fact tables, where they came from, and the rows that could not be read."""

    source: str = ""
    kind: str = ""
    skipped: list[str] = field(default_factory=list)

    @property
    def facts(self) -> RekapFacts:
        """The recap's fact tables: the recap itself (it is a :class:`Facts`)."""
        return self

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per region (in order): satker rows in LAMPIRAN I and in LAMPIRAN II.

        A region spelt differently in the two lampiran ("MALUKU UTARA" / "MALUTU UTARA")
        is counted once, under its LAMPIRAN I name.
        """
        ikm = self.table("rekap_ikm_iki")
        ipk = self.table("rekap_ipk")
        ikm_counts = Counter(ikm.loc[~ikm["is_region_row"].astype(bool), "region"])
        ipk_counts = Counter(ipk.loc[ipk["row_type"] == "satker", "region"])
        regions = list(dict.fromkeys(r for r in ikm["region"] if r))
        merged = {r: [ikm_counts.get(r, 0), 0] for r in regions}
        for region in dict.fromkeys(r for r in ipk["region"] if r):
            name = same_region(region, regions) or region
            merged.setdefault(name, [0, 0])[1] += ipk_counts.get(region, 0)
        return {r: (a, b) for r, (a, b) in merged.items()}


def same_region(name: str, regions: list[str]) -> str | None:
    """The region of ``regions`` that ``name`` spells (allowing typos and dots), if any."""
    key = re.sub(r"[^A-Z]", "", name.upper())
    scored = [(fuzz.ratio(key, re.sub(r"[^A-Z]", "", r.upper())), r) for r in regions]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= SAME_REGION else None


def region_label(name: str) -> str:
    """The region a region row names: "IPK KANWIL KEMENKUMHAM D.I YOGYAKARTA" → "D.I YOGYAKARTA"."""
    return re.sub(r"\s+", " ", REGION_WORDS.sub(" ", name)).strip(" :-")


def _parse_cells(raws: list[str | None]) -> list[Stated | None]:
    """Parse one column's cells with one convention; empty cells and "-" give None."""
    parsed = parse_column([raw or "" for raw in raws])
    return [None if not raw else value for raw, value in zip(raws, parsed, strict=True)]


def _columns(records: list[Record], names: tuple[str, ...]) -> list[list[Stated | None]]:
    """The parsed cells of ``records``, one list per column, with each cell's place."""
    columns = []
    for i in range(len(names)):
        parsed = _parse_cells([r.cells[i] for r in records])
        columns.append(
            [
                None if value is None else replace(value, page=r.page, bbox=r.boxes[i])
                for r, value in zip(records, parsed, strict=True)
            ]
        )
    return columns


def _place(record: Record) -> dict[str, object]:
    return {
        "page": record.page,
        "bbox": record.bbox,
        "line": record.line,
        "sheet": record.sheet,
        "raw": record.raw,
    }


def _ikm_rows(records: list[Record]) -> list[dict[str, object]]:
    columns = _columns(records, IKM_CELLS)
    return [
        {
            "kode_satker": r.kode,
            "satker": r.name,
            "region": r.region,
            **{name: columns[i][k] for i, name in enumerate(IKM_CELLS)},
            "is_region_row": r.row_type == "region",
            **_place(r),
        }
        for k, r in enumerate(records)
    ]


def _ipk_rows(records: list[Record]) -> list[dict[str, object]]:
    columns = _columns(records, IPK_CELLS)
    return [
        {
            "satker": r.name,
            "region": r.region,
            **{name: columns[i][k] for i, name in enumerate(IPK_CELLS)},
            "note": r.note,
            "row_type": r.row_type,
            **_place(r),
        }
        for k, r in enumerate(records)
    ]


def _national_rows(records: list[Record]) -> list[dict[str, object]]:
    """Each national record gives one row per survey it carries (IKM, IKI or IPK)."""
    rows = []
    pairs = {IKM: (("ikm", 1, 0), ("iki", 3, 2)), IPK: (("ipk", 4, 5),)}
    for record in records:
        cells = _columns([record], CELLS[record.lampiran])
        for survey, n_at, index_at in pairs[record.lampiran]:
            n, index = cells[n_at][0], cells[index_at][0]
            if n is not None or index is not None:
                label = record.name
                rows.append({"survey": survey, "label": label, "n": n, "index": index})
                rows[-1].update(_place(record))
    return rows


def build_facts(records: list[Record], *, source: str, kind: str) -> RekapFacts:
    """The recap's fact tables from its records (numbers parsed column by column)."""
    import pandas as pd

    facts = RekapFacts(source=source, kind=kind)
    national = [r for r in records if r.row_type == "national"]
    units = {
        lamp: [r for r in records if r.lampiran == lamp and r.row_type != "national"]
        for lamp in CELLS
    }
    tables = {
        "rekap_ikm_iki": _ikm_rows(units[IKM]),
        "rekap_ipk": _ipk_rows(units[IPK]),
        "rekap_national": _national_rows(national),
    }
    for name, rows in tables.items():
        if rows:
            frame = pd.DataFrame(rows)
            objects = [c for c in frame.columns if c in OBJECT_COLUMNS]
            facts.add(name, frame.astype(dict.fromkeys(objects, object)))
    return facts
