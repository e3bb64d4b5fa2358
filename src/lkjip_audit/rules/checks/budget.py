"""Check kinds over the ``budget_lines`` facts: sums, percentages and amounts across places.

Whole-Rupiah amounts are compared exactly (Decimal); a rounded figure (a percentage, an
amount printed with decimals) by interval overlap on its printed decimals.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from lkjip_audit.facts import Facts
from lkjip_audit.facts.budget import DOUBTS, KINDS, SECTIONS
from lkjip_audit.findings import Place
from lkjip_audit.numbers import (
    Interval,
    Stated,
    agrees,
    format_number,
    same_magnitude,
    within_last_digit,
)
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import OneOf, Params
from lkjip_audit.rules.registry import Hit, RuleContext, abstain, check_kind

TABLE = "budget_lines"
COLUMN_NAMES = {
    "pagu": {"id": "pagu", "en": "allocation"},
    "realisasi": {"id": "realisasi", "en": "realisation"},
    "volume": {"id": "volume", "en": "volume"},
}
MAX_LISTED = 8
HUNDRED = Decimal(100)
SHOWS_PERCENT = re.compile(r"%|\d,\d{1,2}(?![\d.,])")


Column = Annotated[str, OneOf(COLUMN_NAMES)]
Section = Annotated[str, OneOf(SECTIONS)]
LineKind = Annotated[str, OneOf(KINDS)]


def _rows(facts: Facts, sections: Sequence[str]) -> list[dict]:
    rows = []
    for row in facts.table(TABLE).to_dict("records"):
        if not sections or row["section"] in sections:
            # Missing cells come back from pandas as pd.NA or NaN: make them None.
            row = {k: None if _is_null(v) else v for k, v in row.items()}
            row["year"] = None if row["year"] is None else int(row["year"])
            rows.append(row)
    return rows


def _column_name(column: str, row: Mapping[str, Any]) -> dict[str, str]:
    """A column as a reviewer calls it: the "pagu" of PNBP is its target."""
    if column == "pagu" and row["kind"] == "pnbp":
        return {"id": "target", "en": "target"}
    return COLUMN_NAMES[column]


def _is_null(value: Any) -> bool:
    import pandas as pd

    return value is pd.NA or (isinstance(value, float) and value != value)


def _place(row: Mapping[str, Any], figure: Stated | None) -> Place:
    page = figure.page if figure is not None and figure.page else row["page"]
    bbox = figure.bbox if figure is not None and figure.bbox else row["bbox"]
    shown = f"{row['label']}: {figure.raw}" if figure is not None else row["label"]
    return Place(int(page), bbox, shown)


def _unreadable(row: Mapping[str, Any], figure: Stated | None = None) -> Hit:
    """An abstention at a line the recognizer could not read, with the reason it gave."""
    reason_id, reason_en = DOUBTS[row["doubt"]]
    return abstain(
        figure.page if figure is not None else row["page"],
        figure.bbox if figure is not None else row["bbox"],
        row["raw"],
        reason_id,
        reason_en,
    )


def _exact(figures: Iterable[Stated]) -> bool:
    return all(f.decimals == 0 for f in figures)


def _sum_interval(figures: list[Stated]) -> Interval:
    total = Interval(Decimal(0), Decimal(0))
    for figure in figures:
        total = total + figure.interval()
    return total


def _same_unit(parent: Mapping[str, Any], kids: list[Mapping[str, Any]]) -> bool:
    def norm(unit: Any) -> str:
        return str(unit or "").lower().rstrip("s")

    return bool(parent["unit"]) and all(norm(k["unit"]) == norm(parent["unit"]) for k in kids)


def _counted_twice(stated: Stated, figures: list[Stated], expected: Decimal) -> bool:
    """Whether the sub-lines look like one amount read at several levels: a sub-line equal
    to the whole among others, or a sum that is a whole multiple of the stated total (a
    program and its only kegiatan both taken as parts)."""
    if stated.value <= 0 or len(figures) < 2:
        return False
    if any(f.value == stated.value for f in figures):
        return True
    ratio = expected / stated.value
    return ratio >= 2 and ratio == ratio.to_integral_value()


def _listing(kids: list[Mapping[str, Any]], column: str) -> str:
    parts = [f"{k['label']} {k[column].raw}" for k in kids[:MAX_LISTED]]
    more = len(kids) - MAX_LISTED
    return " + ".join(parts) + (f" + … ({more})" if more > 0 else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetSumParams(Params):
    """Parameters of ``budget-sum``."""

    columns: tuple[Column, ...]
    sections: tuple[Section, ...] = ()


@check_kind("budget-sum", BudgetSumParams)
def budget_sum(rule: Rule[BudgetSumParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each budget line with sub-lines must equal their sum, column by column.

    Params: ``columns`` (``pagu``, ``realisasi``, ``volume``); ``sections`` to limit the
    lines checked. Volumes are summed only when every sub-line gives one in the parent's
    unit. Message values: ``label``, ``stated``, ``expected`` (the sum), ``difference``,
    ``lines`` (the sub-lines and their figures), ``column``, ``year``, ``page``.
    """
    rows = _rows(facts, rule.params.sections)
    by_id = {r["line_id"]: r for r in rows}
    families: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row["parent"] is not None and row["parent"] in by_id:
            families[(row["parent"], row["group"])].append(row)
    for (parent_id, _group), kids in families.items():
        parent = by_id[parent_id]
        for column in rule.params.columns:
            stated = parent[column]
            figures = [k[column] for k in kids]
            if stated is None:
                continue
            unreadable = next((k for k in kids if k["doubt"]), None)
            if unreadable is not None:
                # A sub-line that could not be read may hold the difference.
                yield _unreadable(unreadable, stated)
                continue
            if any(f is None for f in figures):
                continue
            if column == "volume" and not _same_unit(parent, kids):
                continue
            expected = sum((f.value for f in figures), Decimal(0))
            if _counted_twice(stated, figures, expected):
                yield abstain(
                    stated.page or parent["page"],
                    stated.bbox or parent["bbox"],
                    parent["raw"],
                    "rincian memuat baris yang sama dengan totalnya (jenjang tabel tidak jelas)",
                    "the lines repeat their total's amount (the table's levels are unclear)",
                )
                continue
            if _exact([stated, *figures]):
                if stated.value == expected:
                    continue
            elif agrees(stated, _sum_interval(figures)):
                continue
            yield Hit(
                page=stated.page or parent["page"],
                bbox=stated.bbox or parent["bbox"],
                evidence=parent["raw"],
                values={
                    "label": parent["label"],
                    # Amounts print in one style ("Rp 2.111.198.000"); a volume as printed.
                    "stated": stated if column == "volume" else stated.value,
                    "expected": expected,
                    "difference": abs(stated.value - expected),
                    "lines": _listing(kids, column),
                    "column": _column_name(column, parent),
                    "unit": parent["unit"] or "",
                    "year": "" if parent["year"] is None else parent["year"],
                    "page": stated.page or parent["page"],
                },
                stated=stated.raw,
                expected=format_number(expected, max(f.decimals for f in figures)),
                related=tuple(_place(k, k[column]) for k in kids),
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetPercentageParams(Params):
    """Parameters of ``budget-percentage``."""

    mode: Literal["ratio", "zero-base"]
    sections: tuple[Section, ...] = ()
    kinds: tuple[LineKind, ...] = ()


@check_kind("budget-percentage", BudgetPercentageParams)
def budget_percentage(
    rule: Rule[BudgetPercentageParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A stated realisasi/pagu (or PNBP realisasi/target) percentage against its amounts.

    Params: ``mode``: ``ratio`` (the percentage must agree with realisasi / pagu × 100 on
    its printed decimals, and a stated 100% needs a ratio that shows as 100 with two
    decimals) or ``zero-base`` (a
    percentage stated on a pagu/target of 0, which cannot be computed); ``sections`` and
    ``kinds`` limit the lines checked.
    Message values: ``label``, ``stated``, ``expected``, ``pagu``, ``realisasi``, ``year``.
    """
    mode = rule.params.mode
    kinds = rule.params.kinds
    for row in _rows(facts, rule.params.sections):
        if kinds and row["kind"] not in kinds:
            continue
        if row["doubt"]:
            # Only a line that prints a percentage is one this check could not verify.
            if mode == "ratio" and SHOWS_PERCENT.search(row["raw"]):
                yield _unreadable(row)
            continue
        percent, pagu, realisasi = row["percent"], row["pagu"], row["realisasi"]
        if percent is None or pagu is None or realisasi is None:
            continue
        if pagu.value == 0:
            if mode == "zero-base":
                yield _percent_hit(row, None)
            continue
        if mode != "ratio":
            continue
        exact = realisasi.value / pagu.value * HUNDRED
        # "100%" claims full absorption: wrong when two decimals would show a shortfall
        # (99,53% printed as 100%), not when the amounts differ by a few rupiah (100,00%).
        shown = exact.quantize(Decimal(1).scaleb(-max(percent.decimals, 2)))
        claims_full = percent.value == HUNDRED and shown != HUNDRED
        recomputed = realisasi.interval() / pagu.interval() * HUNDRED
        if not claims_full and (agrees(percent, recomputed) or within_last_digit(percent, exact)):
            continue
        if not same_magnitude(percent.value, exact):
            yield abstain(
                percent.page or row["page"],
                percent.bbox or row["bbox"],
                row["raw"],
                "persentase dan jumlah anggaran tidak sebanding",
                "the percentage and the amounts are not of one magnitude",
            )
            continue
        yield _percent_hit(row, exact)


def _percent_hit(row: Mapping[str, Any], exact: Decimal | None) -> Hit:
    percent = row["percent"]
    decimals = max(percent.decimals, 2)
    shown = None if exact is None else exact.quantize(Decimal(1).scaleb(-decimals))
    expected_text = (
        {"id": "tidak dapat dihitung", "en": "not computable"}
        if shown is None
        else f"{format_number(shown, decimals)}%"
    )
    return Hit(
        page=percent.page or row["page"],
        bbox=percent.bbox or row["bbox"],
        evidence=row["raw"],
        values={
            "label": row["label"],
            "stated": percent,
            "expected": expected_text if shown is None else shown,
            "pagu": row["pagu"].value,
            "realisasi": row["realisasi"].value,
            "year": "" if row["year"] is None else row["year"],
        },
        stated=percent.raw,
        expected=expected_text if isinstance(expected_text, str) else expected_text["id"],
        related=(_place(row, row["pagu"]), _place(row, row["realisasi"])),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetEqualParams(Params):
    """Parameters of ``budget-equal``."""

    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    against: tuple[Section, ...] = ()
    kinds: tuple[LineKind, ...] = ()
    prefer: tuple[Section, ...] = ()


@check_kind("budget-equal", BudgetEqualParams)
def budget_equal(
    rule: Rule[BudgetEqualParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """The same amount (same year, same line) must be stated alike in every place.

    Params: ``columns``; ``sections``: the places compared with each other, or, with
    ``against``, the places checked against the ``against`` sections; ``kinds`` limits the
    lines (e.g. ``program``); ``prefer``: section order that decides which figure is the
    reference when as many places print each figure. Each place that prints another
    figure than the reference is one hit. Message values: ``label``, ``stated``,
    ``expected``, ``difference``, ``where`` (the reference place), ``column``, ``year``.
    """
    params = rule.params
    kinds = params.kinds
    checked = [r for r in _rows(facts, params.sections) if not kinds or r["kind"] in kinds]
    against = params.against
    references = (
        [r for r in _rows(facts, against) if not kinds or r["kind"] in kinds]
        if against
        else checked
    )
    prefer = list(params.prefer)
    for column in params.columns:
        yield from _disagreements(checked, references, column, prefer, bool(against))


def _by_line(rows: list[dict], column: str) -> dict[tuple[int, str], list[dict]]:
    groups: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in rows:
        # A line without a readable label cannot be matched with another place.
        if row["year"] is not None and row[column] is not None and row["key"] != "line:":
            groups[(row["year"], row["key"])].append(row)
    return groups


def _reference(rows: list[dict], column: str, prefer: list[str]) -> Decimal:
    """The figure most places print; ties go to the preferred section."""
    counts = Counter(r[column].value for r in rows)
    top = max(counts.values())
    tied = [r for r in rows if counts[r[column].value] == top]
    rank = {s: i for i, s in enumerate(prefer)}
    return min(tied, key=lambda r: rank.get(r["section"], len(rank)))[column].value


def _disagreements(
    checked: list[dict], references: list[dict], column: str, prefer: list[str], across: bool
) -> Iterator[Hit]:
    checked_groups = _by_line(checked, column)
    reference_groups = _by_line(references, column) if across else checked_groups
    for line_key, rows in checked_groups.items():
        others = reference_groups.get(line_key, [])
        if across:
            others = [r for r in others if r["table"] not in {x["table"] for x in rows}]
            if not others:
                continue
            reference = _reference(others, column, prefer)
        else:
            if len({r["table"] for r in rows}) < 2:
                continue
            reference = _reference(rows, column, prefer)
        for row in rows:
            figure = row[column]
            # Two lines of one table may share a label (a kegiatan under two programs).
            sources = [
                r for r in others if r[column].value == reference and r["table"] != row["table"]
            ]
            if figure.value == reference or not sources:
                continue
            source = sources[0]
            yield Hit(
                page=figure.page or row["page"],
                bbox=figure.bbox or row["bbox"],
                evidence=row["raw"],
                values={
                    "label": row["label"],
                    "stated": figure.value,
                    "expected": reference,
                    "difference": abs(figure.value - reference),
                    # The other place names its label only when it prints another one.
                    "where": _where(source, label=source["label"] != row["label"]),
                    "here": _where(row),
                    "column": _column_name(column, row),
                    "year": line_key[0],
                },
                stated=figure.raw,
                expected=source[column].raw,
                related=tuple(_place(s, s[column]) for s in sources),
            )


SECTION_NAMES = {
    "dipa-bab2": {"id": "DIPA (Bab II)", "en": "DIPA (Chapter II)"},
    "realisasi-bab3": {"id": "tabel realisasi (Bab III)", "en": "realisation table (Chapter III)"},
    "multi-year": {"id": "tabel perbandingan tahunan", "en": "year-on-year table"},
    "jenis-belanja": {"id": "jenis belanja", "en": "spending types"},
    "sumber-dana": {"id": "sumber dana", "en": "funding sources"},
    "pnbp": {"id": "PNBP (Bab III)", "en": "PNBP (Chapter III)"},
    "lampiran-pk": {"id": "lampiran PK", "en": "PK attachment"},
    "ikhtisar": {"id": "Ikhtisar Eksekutif", "en": "Executive Summary"},
    "bab4": {"id": "Bab IV", "en": "Chapter IV"},
    "capaian-table": {"id": "tabel capaian", "en": "achievement table"},
}


# A figure stated in a sentence (its line's table is "s<n>", see the prose recognizer) is
# named by the chapter's text, not by the table the section is named after.
SENTENCE_NAMES = {
    "dipa-bab2": {"id": "uraian Bab II", "en": "Chapter II text"},
    "realisasi-bab3": {"id": "uraian Bab III", "en": "Chapter III text"},
    "ikhtisar": {"id": "uraian Ikhtisar Eksekutif", "en": "Executive Summary text"},
    "bab4": {"id": "uraian Bab IV", "en": "Chapter IV text"},
}


def _where(row: Mapping[str, Any], label: bool = False) -> dict[str, str]:
    """Where a figure stands, in words: section and page, and its label when asked."""
    in_sentence = row["table"].startswith("s") and row["section"] in SENTENCE_NAMES
    names = (SENTENCE_NAMES if in_sentence else SECTION_NAMES).get(
        row["section"], {"id": row["section"], "en": row["section"]}
    )
    named = f" ('{row['label']}')" if label else ""
    return {
        "id": f"{names['id']}, hlm. {row['page']}{named}",
        "en": f"{names['en']}, p. {row['page']}{named}",
    }


NAME_PREFIX = re.compile(r"^(?:sub\s*)?(?:kegiatan|kegiatn|program)\s*")


def name_key(label: str, min_words: int) -> str | None:
    """A program or kegiatan name as the letters it is spelt with ("Penguatan Kapasitas
    Kesiap Siagaan" = "Penguatan Kapasitas Kesiapsiagaan"), when it has ``min_words`` words;
    None for a short or generic label."""
    text = NAME_PREFIX.sub("", label.lower().strip())
    if len(re.findall(r"[a-z]{2,}", text)) < min_words:
        return None
    return re.sub(r"[^a-z]", "", text)


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetMajorityParams(Params):
    """Parameters of ``budget-majority``."""

    columns: tuple[Column, ...]
    kinds: tuple[LineKind, ...]
    sections: tuple[Section, ...] = ()
    min_words: int = 3
    min_places: int = 2
    max_ratio: Decimal = Decimal(2)


@check_kind("budget-majority", BudgetMajorityParams)
def budget_majority(
    rule: Rule[BudgetMajorityParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A program or kegiatan amount printed in one place only, when the same name (same
    year, same column) is printed with one other amount in at least ``min_places`` other
    places (tables or sentences).

    Params: ``columns``; ``kinds`` and ``sections`` of the lines taken (a PK attachment may
    predate a revision: see BUD006); ``min_words``: the words a name needs
    to be matched (a generic label matches nothing); ``min_places``; ``max_ratio``: the two
    amounts are within this factor of each other (a slip of a digit, not another figure).
    A name printed with two amounts in one place (two units' kegiatan of one name) is not
    compared, nor a pagu whose agreeing places all stand in other sections (a revision).
    Message values: ``label``, ``stated``, ``expected``, ``difference``, ``here``, ``where``
    (the agreeing places), ``count``, ``column``, ``year``.
    """
    params = rule.params
    groups: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in _rows(facts, params.sections):
        if row["kind"] not in params.kinds or row["year"] is None or row["doubt"]:
            continue
        key = name_key(row["label"], params.min_words)
        if key is not None:
            groups[(row["year"], key)].append(row)
    for (year, _key), rows in groups.items():
        for column in params.columns:
            yield from _minority(rows, column, year, params)


def _minority(
    rows: list[dict], column: str, year: int, params: BudgetMajorityParams
) -> Iterator[Hit]:
    printed = [r for r in rows if r[column] is not None]
    places: dict[Decimal, dict[str, dict]] = defaultdict(dict)
    for row in printed:
        places[row[column].value].setdefault(row["table"], row)
    tables = [r["table"] for r in printed]
    if len(places) != 2 or len(set(tables)) != len(tables):
        return
    (odd, odd_places), (reference, agreeing) = sorted(places.items(), key=lambda p: len(p[1]))
    if len(odd_places) != 1 or len(agreeing) < params.min_places or reference <= 0:
        return
    if not 1 / params.max_ratio <= odd / reference <= params.max_ratio:
        return
    (row,) = odd_places.values()
    if column == "pagu" and all(s["section"] != row["section"] for s in agreeing.values()):
        # Every place that agrees is in another part of the report: the allocation may have
        # been revised between the plan (Bab II) and the realisation (Bab III).
        return
    figure = row[column]
    sources = list(agreeing.values())
    yield Hit(
        page=figure.page or row["page"],
        bbox=figure.bbox or row["bbox"],
        evidence=row["raw"],
        values={
            "label": row["label"],
            "stated": odd,
            "expected": reference,
            "difference": abs(odd - reference),
            "here": _where(row),
            "where": {lang: "; ".join(_where(s)[lang] for s in sources) for lang in ("id", "en")},
            "count": len(sources),
            "column": _column_name(column, row),
            "year": year,
        },
        stated=figure.raw,
        expected=sources[0][column].raw,
        related=tuple(_place(s, s[column]) for s in sources),
    )
