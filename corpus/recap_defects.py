"""The corpus recap: the Ditjen recap with injected defects, and its truth.

Writes ``rekap.pdf`` (the transcribed recap of ``corpus/data`` with single cells replaced)
and ``rekap_truth.json`` (``lkjip-audit/truth@1``) next to the synthetic reports:

- ``rekap-mismatch``: the recap row of a satker that has a report in the corpus gets another
  IKM value, IKI value, IPK total or IKM respondent count. The report keeps the original
  value, so it now disagrees with its recap; the defect belongs to the REPORT, on the pages
  where the report states that value (recorded while drawing). Every other figure of the
  recap is left so that the recap stays consistent with itself (the region and national
  means still agree), except the IPK total, which then no longer follows from the row's
  internal and external parts: that is also recorded, as ``rekap-internal`` of the recap.
- ``rekap-internal``: in regions without a report, a region row's respondents or value, a
  satker's respondents (the region sum breaks), an IPK total respondent count, or a run of
  respondent counts copied from another region. The defect belongs to the RECAP, on the
  pages of the rows involved (recorded while drawing).
- The recap's own real defects (kept as transcribed) are in the truth too.

The truth lists every report with all its defects (those of ``truth.json`` plus the
mismatches), and the recap document, so that an evaluation with the recap is complete.
"""

from __future__ import annotations

import copy
import io
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pdfplumber

from corpus.model import q2
from corpus.recap_pdf import (
    DATA_DIR,
    TABLE_IKM_IKI,
    TABLE_IPK,
    RecapOverride,
    RecapTables,
    RenderedRecap,
    load_recap,
    render_recap_pdf,
)
from corpus.render import build_pdf
from corpus.render_sections import Writer

if TYPE_CHECKING:
    from corpus.generate import Built

RECAP_FILE = "rekap.pdf"
RECAP_TRUTH = "rekap_truth.json"
SCHEMA = "lkjip-audit/truth@1"
MISMATCH = "rekap-mismatch"
INTERNAL = "rekap-internal"
# One recap change per report satker, in this order; "ipk" also breaks the recap row itself.
MISMATCH_KINDS = ("ikm", "iki", "ikm_n", "ipk", "ikm", "iki")
INTERNAL_KINDS = ("region_n", "region_value", "satker_n", "ipk_total_n", "copied_run")
# Report defects that change the survey figures themselves: such a report states no single
# clean value to hold against the recap.
SURVEY_CATEGORIES = frozenset({"realisasi-consistency", "ikm-recompute", "ipk-recompute"})
# Regions whose recap rows are already wrong as printed (see corpus/data/README.md).
KNOWN_BAD_REGIONS = frozenset({"KEPULAUAN RIAU", "DKI JAKARTA", "KALIMANTAN TIMUR"})
COPIED_RUN = 4
HALF_UNIT = Decimal("0.005")


def _region_label(region: str) -> str:
    return f"DIVISI KEIMIGRASIAN KANWIL KEMENKUMHAM {region}"


@dataclass(frozen=True, slots=True)
class KnownDefect:
    """A real ``rekap-internal`` defect of the transcribed recap: its rows and description."""

    rows: tuple[tuple[str, str], ...]
    description: str
    injected: str


def _kr_run_rows(tables: RecapTables) -> tuple[tuple[str, str], ...]:
    return tuple(
        (TABLE_IKM_IKI, r["satker"])
        for r in tables.ikm_iki
        if r["row_type"] == "satker" and r["region"] == "KEPULAUAN RIAU"
    )


def known_defects(tables: RecapTables) -> tuple[KnownDefect, ...]:
    """The four real ``rekap-internal`` defects of the transcribed recap."""
    kr = ((TABLE_IKM_IKI, _region_label("KEPULAUAN RIAU")),)
    return (
        KnownDefect(
            kr, "IKM Kanwil Kepulauan Riau 3,63 vs rata-rata tertimbang satker ≈ 3,94", "3,63"
        ),
        KnownDefect(
            kr, "IKI Kanwil Kepulauan Riau 3,95 vs rata-rata tertimbang satker ≈ 3,96", "3,95"
        ),
        KnownDefect(
            ((TABLE_IKM_IKI, _region_label("DKI JAKARTA")),),
            "IKI Kanwil DKI Jakarta 3,87 vs rata-rata tertimbang satker ≈ 3,85",
            "3,87",
        ),
        KnownDefect(
            _kr_run_rows(tables),
            "Responden IKI satker Kepulauan Riau tersalin dari Kalimantan Timur",
            "632, 498, 791, 771",
        ),
    )


@dataclass(frozen=True, slots=True)
class RecapDefect:
    """One injected defect: the cells it replaces, where its truth lies, what it is.

    ``report`` is the report file whose statements now disagree (``rekap-mismatch``, found on
    the pages of the report's ``keys``); ``rows`` are the recap rows of an internal defect
    (found on the recap pages of those rows). A defect may have both sides.
    """

    overrides: tuple[RecapOverride, ...]
    description: str
    injected: str
    report: str | None = None
    keys: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()


class Cells:
    """The recap's cells as text, with the overrides chosen so far applied."""

    def __init__(self, tables: RecapTables) -> None:
        self.original = tables
        self.tables = {TABLE_IKM_IKI: copy.deepcopy(list(tables.ikm_iki))}
        self.tables[TABLE_IPK] = copy.deepcopy(list(tables.ipk))

    def row(self, table: str, satker: str) -> dict[str, str]:
        """The one row of ``table`` labelled ``satker``."""
        (row,) = (r for r in self.tables[table] if r["satker"] == satker)
        return row

    def units(self, table: str, region: str) -> list[dict[str, str]]:
        """The unit rows of ``region`` (satker; in LAMPIRAN II also the Divisi's own)."""
        kinds = ("satker",) if table == TABLE_IKM_IKI else ("satker", "divisi")
        return [r for r in self.tables[table] if r["region"] == region and r["row_type"] in kinds]

    def aggregate(self, table: str, region: str | None) -> dict[str, str]:
        """The region row of ``region``, or the national row for ``None``."""
        kind = "national" if region is None else "region"
        (row,) = (
            r for r in self.tables[table] if r["row_type"] == kind and r["region"] == (region or "")
        )
        return row

    def set(self, table: str, satker: str, column: str, value: str) -> RecapOverride:
        """Replace one cell; returns the override that prints it."""
        self.row(table, satker)[column] = value
        return RecapOverride(table, satker, column, value)

    def mean_holds(self, table: str, region: str | None, value: str, count: str) -> bool:
        """True when the aggregate's printed ``value`` is within half a unit of the exact
        respondent-weighted mean of its units, or no further from it than in the transcribed
        recap: a change that passes leaves the mean check as it was."""
        now = _distance(self.tables[table], region, value, count)
        before = _distance(getattr(self.original, table), region, value, count)
        return now <= max(before, HALF_UNIT)


def _distance(
    rows: Sequence[Mapping[str, str]], region: str | None, value: str, count: str
) -> Decimal:
    """|printed aggregate − exact weighted mean of its unit rows| for a region or the nation."""
    units = [
        r
        for r in rows
        if r["row_type"] in ("satker", "divisi") and (region is None or r["region"] == region)
    ]
    pairs = [(int(r[count]), Decimal(r[value])) for r in units if r[count] and r[value]]
    exact = sum(n * v for n, v in pairs) / sum(n for n, _ in pairs)
    kind = "national" if region is None else "region"
    (row,) = (r for r in rows if r["row_type"] == kind and r["region"] == (region or ""))
    return abs(exact - Decimal(row[value]))


def _decimal_text(value: Decimal) -> str:
    return f"{q2(value):.2f}"


def _shifted(rng: random.Random, value: str, low: int, high: int) -> list[str]:
    """Candidate values ``value`` ± low..high hundredths, within 3,00–4,00, in random order."""
    steps = [*range(low, high + 1), *range(-high, -low + 1)]
    rng.shuffle(steps)
    out = [Decimal(value) + Decimal(s) / 100 for s in steps]
    return [_decimal_text(v) for v in out if Decimal("3") <= v <= Decimal("4")]


def _comma(text: str) -> str:
    return text.replace(".", ",")


def _mismatch_value(
    rng: random.Random, cells: Cells, row: dict[str, str], column: str, count: str
) -> RecapOverride | None:
    region, satker = row["region"], row["satker"]
    old = row[column]
    for new in _shifted(rng, old, 3, 9):
        row[column] = new
        if cells.mean_holds(TABLE_IKM_IKI, region, column, count) and cells.mean_holds(
            TABLE_IKM_IKI, None, column, count
        ):
            row[column] = old
            return cells.set(TABLE_IKM_IKI, satker, column, new)
    row[column] = old
    return None


def _mismatch_count(
    rng: random.Random, cells: Cells, row: dict[str, str]
) -> tuple[RecapOverride, ...] | None:
    region, satker = row["region"], row["satker"]
    steps = list(range(12, 60))
    rng.shuffle(steps)
    targets = [
        (TABLE_IKM_IKI, label)
        for label in (
            satker,
            cells.aggregate(TABLE_IKM_IKI, region)["satker"],
            cells.aggregate(TABLE_IKM_IKI, None)["satker"],
        )
    ]
    for step in steps:
        olds = [cells.row(t, s)["ikm_responden"] for t, s in targets]
        for (t, s), old in zip(targets, olds, strict=True):
            cells.row(t, s)["ikm_responden"] = str(int(old) + step)
        holds = all(
            cells.mean_holds(TABLE_IKM_IKI, r, "ikm_nilai", "ikm_responden") for r in (region, None)
        )
        for (t, s), old in zip(targets, olds, strict=True):
            cells.row(t, s)["ikm_responden"] = old
        if holds:
            return tuple(
                cells.set(t, s, "ikm_responden", str(int(old) + step))
                for (t, s), old in zip(targets, olds, strict=True)
            )
    return None


def _mismatch_ipk(rng: random.Random, cells: Cells, satker: str) -> RecapOverride | None:
    row = cells.row(TABLE_IPK, satker)
    if not row["total_indeks"]:
        return None
    for new in _shifted(rng, row["total_indeks"], 4, 9):
        old, row["total_indeks"] = row["total_indeks"], new
        holds = all(
            cells.mean_holds(TABLE_IPK, r, "total_indeks", "total_responden")
            for r in (row["region"], None)
        )
        row["total_indeks"] = old
        if holds:
            return cells.set(TABLE_IPK, satker, "total_indeks", new)
    return None


@dataclass(frozen=True, slots=True)
class ReportRef:
    """A corpus report the recap can disagree with."""

    file: str
    kode: str
    categories: frozenset[str]


VALUE_KEYS = ("ikh.{m}.r", "b3t.{m}.r", "b3n.{m}.r", "b4.{m}.r", "b3m.{m}.{y}.r")
OWN_VALUE_KEY = {"ikm": "skma.nilai", "iki": "iki.v4", "ipk": "ipk.total.v"}
COUNT_KEYS = ("skma.n", "skma.sentence.n")
MEASURE_LABEL = {"ikm": "IKM", "iki": "IKI", "ipk": "IPK"}


def _value_keys(measure: str, year: int) -> tuple[str, ...]:
    keys = tuple(k.format(m=measure, y=year) for k in VALUE_KEYS)
    return (*keys, OWN_VALUE_KEY[measure])


def plan_mismatches(
    rng: random.Random, cells: Cells, reports: Sequence[ReportRef], year: int
) -> list[RecapDefect]:
    """Recap changes that make defective reports disagree with their recap row, one per
    region, of the kinds in :data:`MISMATCH_KINDS` as far as the regions allow."""
    defects: list[RecapDefect] = []
    regions: set[str] = set()
    pending = list(MISMATCH_KINDS)
    # Clean reports stay clean against the recap too (they prove it gives no false alarm).
    candidates = [r for r in reports if r.categories and not r.categories & SURVEY_CATEGORIES]
    rng.shuffle(candidates)
    for ref in candidates:
        rows = [r for r in cells.tables[TABLE_IKM_IKI] if r["kode_satker"] == ref.kode]
        if len(rows) != 1 or rows[0]["region"] in regions | KNOWN_BAD_REGIONS:
            continue
        # The first kind still wanted that this satker's region can absorb unnoticed.
        for kind in dict.fromkeys(pending):
            defect = _mismatch(rng, cells, rows[0], kind, ref.file, year)
            if defect is not None:
                defects.append(defect)
                regions.add(rows[0]["region"])
                pending.remove(kind)
                break
    return defects


def _mismatch(
    rng: random.Random, cells: Cells, row: dict[str, str], kind: str, file: str, year: int
) -> RecapDefect | None:
    satker, old = row["satker"], dict(row)
    if kind in ("ikm", "iki"):
        override = _mismatch_value(rng, cells, row, f"{kind}_nilai", f"{kind}_responden")
        if override is None:
            return None
        new, was = _comma(override.value), _comma(old[f"{kind}_nilai"])
        return RecapDefect(
            (override,),
            f"Rekap Ditjen mencatat {MEASURE_LABEL[kind]} {new} untuk {satker}; "
            f"laporan menyatakan {was}",
            new,
            file,
            _value_keys(kind, year),
        )
    if kind == "ikm_n":
        overrides = _mismatch_count(rng, cells, row)
        if overrides is None:
            return None
        return RecapDefect(
            overrides,
            f"Rekap Ditjen mencatat {overrides[0].value} responden IKM untuk {satker}; "
            f"laporan menyatakan {old['ikm_responden']}",
            overrides[0].value,
            file,
            COUNT_KEYS,
        )
    was = cells.row(TABLE_IPK, satker)["total_indeks"]
    override = _mismatch_ipk(rng, cells, satker)
    if override is None:
        return None
    return RecapDefect(
        (override,),
        f"Rekap Ditjen mencatat IPK {override.value} untuk {satker} (tidak sesuai IPK internal "
        f"dan eksternalnya); laporan menyatakan {was}",
        override.value,
        file,
        _value_keys("ipk", year),
        ((TABLE_IPK, satker),),
    )


def plan_internal(rng: random.Random, cells: Cells, avoid: set[str]) -> list[RecapDefect]:
    """Recap changes that break the recap itself, each in its own region outside ``avoid``
    (the regions of the reports, whose Kanwil figures the reports quote)."""
    order = [r["region"] for r in cells.tables[TABLE_IKM_IKI] if r["row_type"] == "region"]
    free = [g for g in order if g not in avoid | KNOWN_BAD_REGIONS]
    rng.shuffle(free)
    makers = {
        "region_n": _region_n,
        "region_value": _region_value,
        "satker_n": _satker_n,
        "ipk_total_n": _ipk_total_n,
        "copied_run": _copied_run,
    }
    defects = []
    for kind in INTERNAL_KINDS:
        need = COPIED_RUN if kind == "copied_run" else 1
        for region in free:
            # A copy is reported on the later region: its source must come before it.
            sources = [
                g
                for g in order[: order.index(region)]
                if g not in KNOWN_BAD_REGIONS and len(cells.units(TABLE_IKM_IKI, g)) >= COPIED_RUN
            ]
            if (
                len(cells.units(TABLE_IKM_IKI, region)) >= need
                and (kind != "copied_run" or sources)
                and (kind != "ipk_total_n" or _ipk_rows(cells, region))
            ):
                defects.append(makers[kind](rng, cells, region, sources))
                free.remove(region)
                break
    return defects


def _step(rng: random.Random, low: int, high: int) -> int:
    return rng.choice((-1, 1)) * rng.randint(low, high)


def _region_n(rng: random.Random, cells: Cells, region: str, _: Sequence[str]) -> RecapDefect:
    label = cells.aggregate(TABLE_IKM_IKI, region)["satker"]
    column = rng.choice(("ikm_responden", "iki_responden"))
    old = cells.row(TABLE_IKM_IKI, label)[column]
    new = str(int(old) + _step(rng, 20, 200))
    return RecapDefect(
        (cells.set(TABLE_IKM_IKI, label, column, new),),
        f"Responden {column[:3].upper()} wilayah {region} {new} (semula {old}): bukan jumlah "
        "responden satkernya",
        new,
        rows=((TABLE_IKM_IKI, label),),
    )


def _region_value(rng: random.Random, cells: Cells, region: str, _: Sequence[str]) -> RecapDefect:
    label = cells.aggregate(TABLE_IKM_IKI, region)["satker"]
    column = rng.choice(("ikm_nilai", "iki_nilai"))
    old = cells.row(TABLE_IKM_IKI, label)[column]
    new = _shifted(rng, old, 5, 12)[0]
    return RecapDefect(
        (cells.set(TABLE_IKM_IKI, label, column, new),),
        f"{column[:3].upper()} wilayah {region} {_comma(new)} (semula {_comma(old)}): bukan "
        "rata-rata tertimbang satkernya",
        _comma(new),
        rows=((TABLE_IKM_IKI, label),),
    )


def _satker_n(rng: random.Random, cells: Cells, region: str, _: Sequence[str]) -> RecapDefect:
    row = rng.choice(cells.units(TABLE_IKM_IKI, region))
    old = row["ikm_responden"]
    new = str(max(1, int(old) + _step(rng, 30, 150)))
    return RecapDefect(
        (cells.set(TABLE_IKM_IKI, row["satker"], "ikm_responden", new),),
        f"Responden IKM {row['satker']} {new} (semula {old}): jumlah wilayah {region} tidak cocok",
        new,
        rows=(
            (TABLE_IKM_IKI, cells.aggregate(TABLE_IKM_IKI, region)["satker"]),
            (TABLE_IKM_IKI, row["satker"]),
            # the national respondent total is the sum of every satker: it breaks too
            (TABLE_IKM_IKI, cells.aggregate(TABLE_IKM_IKI, None)["satker"]),
        ),
    )


def _ipk_rows(cells: Cells, region: str) -> list[dict[str, str]]:
    """The region's IPK rows that print internal and external parts (a total can break)."""
    return [r for r in cells.units(TABLE_IPK, region) if r["internal_responden"]]


def _ipk_total_n(rng: random.Random, cells: Cells, region: str, _: Sequence[str]) -> RecapDefect:
    row = rng.choice(_ipk_rows(cells, region))
    old = row["total_responden"]
    new = str(int(old) + rng.randint(3, 12))
    region_row = cells.aggregate(TABLE_IPK, region)["satker"]
    return RecapDefect(
        (cells.set(TABLE_IPK, row["satker"], "total_responden", new),),
        f"Total responden IPK {row['satker']} {new} ≠ internal {row['internal_responden']} + "
        f"eksternal {row['eksternal_responden']}",
        new,
        rows=((TABLE_IPK, row["satker"]), (TABLE_IPK, region_row)),
    )


def _copied_run(
    rng: random.Random, cells: Cells, region: str, sources: Sequence[str]
) -> RecapDefect:
    source = rng.choice(list(sources))
    column = "ikm_responden"
    counts = [r[column] for r in cells.units(TABLE_IKM_IKI, source)][:COPIED_RUN]
    units = cells.units(TABLE_IKM_IKI, region)
    start = rng.randint(0, len(units) - COPIED_RUN)
    targets = units[start : start + COPIED_RUN]
    overrides = tuple(
        cells.set(TABLE_IKM_IKI, r["satker"], column, n)
        for r, n in zip(targets, counts, strict=True)
    )
    return RecapDefect(
        overrides,
        f"Responden IKM {COPIED_RUN} satker {region} tersalin dari {source} ({', '.join(counts)})",
        ", ".join(counts),
        rows=(
            (TABLE_IKM_IKI, cells.aggregate(TABLE_IKM_IKI, region)["satker"]),
            *((TABLE_IKM_IKI, r["satker"]) for r in targets),
            (TABLE_IKM_IKI, cells.aggregate(TABLE_IKM_IKI, None)["satker"]),
        ),
    )


def plan_recap(
    seed: int, reports: Sequence[ReportRef], year: int, data_dir: Path = DATA_DIR
) -> list[RecapDefect]:
    """Every injected recap defect for ``seed``: mismatches first, then internal ones."""
    rng = random.Random(f"rekap:{seed}")
    cells = Cells(load_recap(data_dir))
    mismatches = plan_mismatches(rng, cells, reports, year)
    report_regions = {
        r["region"]
        for ref in reports
        for r in cells.tables[TABLE_IKM_IKI]
        if r["kode_satker"] == ref.kode
    }
    return mismatches + plan_internal(rng, cells, report_regions)


class _Everything(set):
    """A watch set that contains every place: the renderer then records them all."""

    def __contains__(self, key: object) -> bool:
        return True


def report_places(built: Built, keys: Sequence[str]) -> dict[str, tuple[str, list[int]]]:
    """The printed text and pages of those ``keys`` that ``built``'s report draws without a
    defect of its own.

    The report is drawn again with every place watched (watching draws nothing, so the pages
    are those of the written PDF; :func:`check_places` proves it on the written PDF).
    """
    report = copy.copy(built.report)
    report.watch, report.originals = _Everything(), {}
    header = f"LKjIP {report.satker} Tahun {report.year}" if report.layout.header else None
    rendered = build_pdf(lambda toc: Writer(report, toc).story(), report, header)
    return {
        k: (report.originals[k], rendered.marks[k])
        for k in keys
        if k in rendered.marks and k not in report.overrides
    }


def check_places(pdf: bytes, places: Mapping[str, tuple[str, Sequence[int]]]) -> list[str]:
    """The places whose text is not on their recorded pages of ``pdf`` (empty when all are)."""
    wrong = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = {}
        for key, (text, pages) in places.items():
            for p in pages:
                if p not in texts:
                    texts[p] = "".join((doc.pages[p - 1].extract_text() or "").split())
            if "".join(text.split()) not in "".join(texts[p] for p in pages):
                wrong.append(f"{key} {text!r} not on page(s) {list(pages)}")
    return wrong


def _printed(override: RecapOverride) -> str:
    """An override's value as the recap prints it (LAMPIRAN I has decimal commas)."""
    return _comma(override.value) if override.table == TABLE_IKM_IKI else override.value


def _entry(category: str, pages: Iterable[int], description: str, injected: str) -> dict:
    return {
        "category": category,
        "pages": sorted(set(pages)),
        "description": description,
        "injected": injected,
    }


def recap_truth(
    defects: Sequence[RecapDefect],
    rendered: RenderedRecap,
    builts: Sequence[Built],
    documents: Sequence[Mapping[str, object]],
    tables: RecapTables,
) -> tuple[list[dict], list[str]]:
    """The truth documents (reports with their mismatches, then the recap) and the problems
    found when verifying that every injected value is on its recorded page."""
    problems: list[str] = []
    recap_pdf = rendered.path.read_bytes()
    problems += check_places(
        recap_pdf,
        {f"{o.table}:{o.satker}:{o.column}": (_printed(o), [p]) for o, p in rendered.overrides},
    )
    by_file = {b.plan.file: b for b in builts}
    mismatches: dict[str, list[dict]] = {}
    recap_defects = [
        _entry(INTERNAL, (rendered.row_pages[r] for r in k.rows), k.description, k.injected)
        for k in known_defects(tables)
    ]
    for defect in defects:
        if defect.report is not None:
            built = by_file[defect.report]
            places = report_places(built, defect.keys)
            if not places:
                problems.append(f"{defect.report}: none of {defect.keys} is drawn")
            problems += [f"{defect.report}: {p}" for p in check_places(built.rendered.pdf, places)]
            entry = _entry(
                MISMATCH,
                (p for _, pages in places.values() for p in pages),
                defect.description,
                defect.injected,
            )
            mismatches.setdefault(defect.report, []).append(entry | {"place": ",".join(places)})
        if defect.rows:
            recap_defects.append(
                _entry(
                    INTERNAL,
                    (rendered.row_pages[r] for r in defect.rows),
                    defect.description,
                    defect.injected,
                )
            )
    out = []
    for doc in documents:
        extra = mismatches.get(str(doc["file"]), [])
        defects_of = [*doc["defects"], *extra]  # type: ignore[misc]
        out.append({**doc, "clean": not defects_of, "defects": defects_of})
    out.append(
        {
            "file": RECAP_FILE,
            "satker": "Direktorat Jenderal Imigrasi",
            "kode_satker": None,
            "year": None,
            "clean": False,
            "pages": rendered.pages,
            "defects": recap_defects,
        }
    )
    return out, problems


def write_recap(
    out: Path,
    builts: Sequence[Built],
    documents: Sequence[Mapping[str, object]],
    seed: int,
    year: int,
    data_dir: Path = DATA_DIR,
) -> dict[str, object]:
    """Write ``rekap.pdf`` and ``rekap_truth.json`` into ``out`` for the reports ``builts``
    (whose truth entries are ``documents``); returns the truth.

    Raises ``corpus.generate.VerificationError`` when an injected value is not on its page.
    """
    from corpus.generate import VerificationError

    refs = [
        ReportRef(b.plan.file, b.report.kode_satker, frozenset(d.category for d in b.defects))
        for b in builts
    ]
    defects = plan_recap(seed, refs, year, data_dir)
    rendered = render_recap_pdf(
        data_dir, out / RECAP_FILE, defects=[o for d in defects for o in d.overrides]
    )
    docs, problems = recap_truth(defects, rendered, builts, documents, load_recap(data_dir))
    if problems:
        raise VerificationError(f"{RECAP_FILE}: " + "; ".join(problems))
    truth = {"schema": SCHEMA, "seed": seed, "recap": RECAP_FILE, "documents": docs}
    (out / RECAP_TRUTH).write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth
