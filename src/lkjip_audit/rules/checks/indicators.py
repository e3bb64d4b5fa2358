"""Check kinds over indicator statements and narrative claims.

- ``ratio``: a stated percentage against numerator / denominator × 100 (capaian, with the
  profile's cap and the indicator's direction);
- ``equal-across-places``: one indicator, one year, one value in every place;
- ``claim``: growth, difference and average claims against the numbers they name;
- ``interval-category``: a stated quality category against the interval table.

Every comparison uses :func:`lkjip_audit.numbers.agrees` (printed precision), never an epsilon.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal

from rapidfuzz import fuzz

from lkjip_audit.facts import Facts
from lkjip_audit.facts.indicators import CLAIM_KINDS, PLACES, entity_kind
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
from lkjip_audit.rules.params import OneOf, Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, abstain, check_kind

HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")
PLACE_NAMES = {
    "ikhtisar": {"id": "Ikhtisar Eksekutif", "en": "Executive Summary"},
    "pk": {"id": "Perjanjian Kinerja (Bab II)", "en": "Performance Agreement (Ch. II)"},
    "bab2": {"id": "Bab II", "en": "Ch. II"},
    "bab3-table": {"id": "tabel Bab III", "en": "Ch. III table"},
    "bab3-narrative": {"id": "uraian Bab III", "en": "Ch. III narrative"},
    "bab3-comparison": {"id": "perbandingan Bab III", "en": "Ch. III comparison"},
    "bab4": {"id": "Bab IV", "en": "Ch. IV"},
    "lampiran-pk": {"id": "lampiran PK", "en": "PK annex"},
}
PLACE_ORDER = tuple(PLACE_NAMES)
Places = tuple[Annotated[str, OneOf(PLACES)], ...]


def rounded(value: Decimal) -> Decimal:
    """``value`` to two decimals, as recomputations are shown."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def percent_text(value: Decimal) -> str:
    """ "119,08%": a recomputed percentage as the report would print it."""
    return f"{format_number(rounded(value), 2)}%"


def _present(value: Any) -> bool:
    return isinstance(value, Stated)


def fact_records(
    facts: Facts,
    table: str,
    places: Sequence[str] = (),
    exclude_places: Sequence[str] = (),
    kinds: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Rows of ``table`` filtered by the rule's ``places`` / ``exclude_places`` / ``kinds``."""
    frame = facts.table(table)
    if frame.empty:
        return []
    if places:
        frame = frame[frame["place"].isin(places)]
    if exclude_places:
        frame = frame[~frame["place"].isin(exclude_places)]
    if kinds and "kind" in frame:
        frame = frame[frame["kind"].isin(kinds)]
    return [{k: _missing_as_none(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _missing_as_none(value: Any) -> Any:
    """pandas stores a missing cell as NaN (or NA); rules treat it as absent."""
    if value is None or isinstance(value, (str, Stated, tuple, list)):
        return value
    import pandas as pd

    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def _place_text(place: str) -> dict[str, str]:
    return PLACE_NAMES.get(place, {"id": place, "en": place})


def _lower_is_better(row: Mapping[str, Any], settings: Mapping[str, Any]) -> bool | None:
    """Direction: the row's own mark (wording, a formula's order) or the profile's list;
    None when nothing says (most indicators are higher-is-better, but not all)."""
    direction = row.get("direction")
    if direction in ("lower", "higher"):
        return direction == "lower"
    if bool(row.get("lower_is_better")):
        return True
    name = str(row.get("name") or row.get("key") or "").lower()
    listed = settings.get("lower_is_better") or []
    if any(fuzz.token_set_ratio(name, str(item).lower()) >= 90 for item in listed):
        return True
    return None


# ---------------------------------------------------------------------------------------------
# ratio


@dataclass(frozen=True, slots=True)
class RatioOutcome:
    """What a stated percentage is against its recomputation."""

    kind: str  # "ok", "mismatch", "capped", "zero", "implausible", "direction-unknown"
    expected: Interval | None


MAX_CAPAIAN = Decimal(1000)


def _fits(stated: Stated, expected: Interval) -> bool:
    return agrees(stated, expected) or within_last_digit(stated, expected.mid)


def _lower_formulas(realisasi: Interval, t: Interval) -> list[Interval]:
    """Capaian of a lower-is-better indicator by the two usual formulas: target / realisasi
    and (2 × target − realisasi) / target (PermenPANRB's "rumus II")."""
    r = realisasi
    formulas = []
    if r.lo > 0:
        formulas.append(t / r * HUNDRED)
    if t.lo > 0:
        formulas.append((t * 2 - r) / t * HUNDRED)
    return formulas


def ratio_outcome(
    stated: Stated,
    numerator: Stated,
    denominator: Stated,
    lower: bool | None,
    cap: Decimal | None,
    exact_denominator: bool = False,
    exact_numerator: bool = False,
) -> RatioOutcome:
    """Compare ``stated`` with numerator / denominator × 100 (the lower-is-better formulas
    when ``lower``; ``None``: the direction is not known).

    Under ``cap`` a stated value equal to the cap is consistent when the uncapped ratio
    reaches it (outcome ``capped``, worth an info). A difference within one unit of the last
    printed digit is a rounding slip (``ok``). A stated or recomputed value outside
    (0 %, 1000 %], or the two an order of magnitude apart, is ``implausible``: the figures were
    misread (a budget amount or a year taken for a target), not miscalculated. When the
    direction is not known, a stated value that only a lower-is-better formula gives is
    ``direction-unknown``: the report may rightly count the indicator that way.
    ``exact_denominator``: the denominator is a set figure (a target), exact as printed,
    not a rounded measurement; ``exact_numerator``: the numerator is a count of things.
    """
    if denominator.value == 0 or (lower and numerator.value == 0):
        return RatioOutcome("zero" if stated.value != 0 else "ok", None)
    bottom = Interval.exact(denominator.value) if exact_denominator else denominator.interval()
    top = Interval.exact(numerator.value) if exact_numerator else numerator.interval()
    expected = top / bottom * HUNDRED
    lower_formulas = _lower_formulas(top, bottom)
    if lower:
        expected = lower_formulas[0]
        if any(_fits(stated, e) for e in lower_formulas):
            return RatioOutcome("ok", expected)
    elif _fits(stated, expected):
        return RatioOutcome("ok", expected)
    if not (
        0 < stated.value <= MAX_CAPAIAN
        and 0 < expected.mid <= MAX_CAPAIAN
        and same_magnitude(stated.value, expected.mid)
    ):
        return RatioOutcome("implausible", expected)
    if cap is not None and agrees(stated, cap) and expected.hi >= cap:
        return RatioOutcome("capped", expected)
    if lower is None and any(_fits(stated, e) for e in lower_formulas):
        return RatioOutcome("direction-unknown", expected)
    return RatioOutcome("mismatch", expected)


def _cap(settings: Mapping[str, Any]) -> Decimal | None:
    cap = settings.get("capaian_cap")
    if cap in (None, "none", "null", ""):
        return None
    return Decimal(str(cap))


@dataclass(frozen=True, slots=True, kw_only=True)
class RatioParams(Params):
    """Parameters of ``ratio``."""

    table: Table
    numerator: str
    denominator: str
    stated: str
    report: Literal["mismatch", "capped", "zero"] = "mismatch"
    direction: Literal["indicator", "as-written"] = "indicator"
    places: Places = ()
    exclude_places: Places = ()
    kinds: tuple[Annotated[str, OneOf(CLAIM_KINDS)], ...] = ()
    exact_denominator: bool = False
    exact_numerator: bool = False


_ABSTAIN_REASONS = {
    "implausible": (
        "angka capaian, realisasi dan target tidak sebanding",
        "achievement, realisation and target are not of one magnitude",
    ),
    "direction-unknown": (
        "capaian sesuai bila indikator semakin rendah semakin baik; arahnya tidak disebut",
        "the achievement fits a lower-is-better indicator, and the report does not say which it is",
    ),
    "copied": (
        "angka baris sama persis dengan baris indikator lain: baris itu mungkin salinan",
        "the row's figures are exactly another indicator's: the row may be a copy",
    ),
}
# Names this alike (rapidfuzz token set ratio) may be one indicator printed two ways.
_LIKE_NAMES = 80


def _figures(row: Mapping[str, Any], columns: Sequence[str]) -> tuple[Any, ...] | None:
    values = [row.get(c) for c in columns]
    if not all(_present(v) for v in values):
        return None
    return (row.get("year"), *(v.value for v in values))


def _copied_rows(rows: list[dict[str, Any]], columns: Sequence[str]) -> set[int]:
    """Indices of rows whose figures (same year) are exactly those of a row of another,
    unlike-named indicator: a row copied over another one, whose capaian is then no
    evidence about its own indicator."""
    by_figures: dict[tuple[Any, ...], list[int]] = {}
    for i, row in enumerate(rows):
        figures = _figures(row, columns)
        if figures is not None:
            by_figures.setdefault(figures, []).append(i)
    copied: set[int] = set()
    for members in by_figures.values():
        for i in members:
            name = str(rows[i].get("name") or "").lower()
            if any(
                fuzz.token_set_ratio(name, str(rows[j].get("name") or "").lower()) < _LIKE_NAMES
                for j in members
            ):
                copied.add(i)
    return copied


@check_kind("ratio", RatioParams)
def ratio(rule: Rule[RatioParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A stated percentage must equal numerator / denominator × 100 within printed precision.

    Params: ``table``; ``numerator``, ``denominator``, ``stated``: columns; ``report``: which
    outcome this rule reports: ``mismatch`` (default), ``capped`` (consistent only because
    of the profile's ``capaian_cap``) or ``zero`` (denominator 0, not computable);
    ``direction``: ``indicator`` (default: lower-is-better from the wording or the profile's
    ``lower_is_better`` list inverts the ratio) or ``as-written``; ``places``,
    ``exclude_places``, ``kinds``: row filters; ``exact_denominator``: the denominator (a
    target) is exact as printed; ``exact_numerator``: the numerator is a count. Message
    values: ``name``, ``place``, ``stated``, ``numerator``, ``denominator``, ``expected``,
    ``formula``.
    """
    params = rule.params
    report = params.report
    cap = _cap(context.settings)
    rows = fact_records(facts, params.table, params.places, params.exclude_places, params.kinds)
    columns = (params.numerator, params.denominator, params.stated)
    copied = _copied_rows(rows, columns) if params.table == "indicators" else set()
    for index, row in enumerate(rows):
        stated, top, bottom = (
            row.get(c) for c in (params.stated, params.numerator, params.denominator)
        )
        if not (_present(stated) and _present(top) and _present(bottom)):
            continue
        # As written: a formula as its author wrote it, a claim that says its direction by it.
        lower = (
            _lower_is_better(row, context.settings)
            if params.direction == "indicator"
            else row.get("direction") == "lower"
        )
        outcome = ratio_outcome(
            stated, top, bottom, lower, cap, params.exact_denominator, params.exact_numerator
        )
        if index in copied and outcome.kind == "mismatch":
            outcome = RatioOutcome("copied", outcome.expected)
        if outcome.kind in _ABSTAIN_REASONS and report == "mismatch":
            yield abstain(
                stated.page or int(row["page"]),
                stated.bbox or row["bbox"],
                row["raw"],
                *_ABSTAIN_REASONS[outcome.kind],
            )
        if outcome.kind != report:
            continue
        first, second = (bottom, top) if lower else (top, bottom)
        value = rounded(outcome.expected.mid) if outcome.expected else None
        expected = percent_text(value) if value is not None else "-"
        yield Hit(
            page=stated.page or int(row["page"]),
            bbox=stated.bbox or row["bbox"],
            evidence=row["raw"],
            values={
                "name": row.get("name") or row.get("key") or "",
                "place": _place_text(str(row.get("place", ""))),
                "stated": stated,
                "numerator": first,
                "denominator": second,
                "expected": value if value is not None else "-",
                "cap": cap if cap is not None else "-",
            },
            stated=stated.raw,
            expected=expected,
            related=tuple(
                Place(v.page, v.bbox, v.raw)
                for v in (top, bottom)
                if v.page and v.page != stated.page
            ),
        )


# ---------------------------------------------------------------------------------------------
# equal-across-places


def same_value(a: Stated, b: Stated) -> bool:
    """Two printed values state the same figure: equal, or one is the other rounded coarser."""
    if a.value == b.value:
        return True
    coarse, fine = (a, b) if a.decimals < b.decimals else (b, a)
    return (
        coarse.decimals != fine.decimals
        and coarse.interval().lo <= fine.value <= coarse.interval().hi
    )


@dataclass(slots=True)
class _Group:
    value: Stated
    rows: list[dict[str, Any]]

    @property
    def places(self) -> list[str]:
        return sorted({r["place"] for r in self.rows}, key=PLACE_ORDER.index)


def _value_groups(rows: list[dict[str, Any]], column: str) -> list[_Group]:
    groups: list[_Group] = []
    for row in rows:
        value = row[column]
        group = next((g for g in groups if same_value(g.value, value)), None)
        if group is None:
            groups.append(_Group(value, [row]))
        else:
            group.rows.append(row)
    return groups


def _reference(groups: list[_Group], preferred: Sequence[str]) -> tuple[_Group, str]:
    """The group other values are compared with, and why (``majority`` or ``preferred``).

    The value stated in most places (then most often) wins; a tie goes to the value of the
    first of ``preferred`` places (e.g. the PK for targets).
    """

    def weight(g: _Group) -> tuple[int, int]:
        return (len(g.places), len(g.rows))

    def rank(g: _Group) -> int:
        return min((preferred.index(p) for p in g.places if p in preferred), default=len(preferred))

    best = max(groups, key=lambda g: (*weight(g), -rank(g)))
    tied = any(g is not best and weight(g) == weight(best) for g in groups)
    if not tied:
        return best, "majority"
    return best, "preferred" if rank(best) < len(preferred) else "tie"


def comparable(value: Stated, reference: Stated) -> bool:
    """Two statements of one indicator can be held against each other: a percentage against
    a plain number, or values an order of magnitude apart, mean that one of them was read from
    another column or sentence than the indicator's own figure."""
    return value.is_percent == reference.is_percent and same_magnitude(value.value, reference.value)


def _listing(groups: list[_Group], lang: str) -> str:
    parts = []
    for g in groups:
        places = ", ".join(_place_text(p)[lang] for p in g.places)
        pages = ", ".join(str(p) for p in sorted({int(r["page"]) for r in g.rows}))
        page_word = "hlm." if lang == "id" else "p."
        parts.append(f"{g.value.raw} ({places}, {page_word} {pages})")
    return "; ".join(parts)


def _others(groups: list[_Group], group: _Group, reference: _Group) -> dict[str, str]:
    """ " Nilai lain: ..." for the values neither stated here nor the reference, or nothing."""
    rest = [g for g in groups if g is not group and g is not reference]
    if not rest:
        return {"id": "", "en": ""}
    return {
        "id": f" Nilai lain: {_listing(rest, 'id')}.",
        "en": f" Other values: {_listing(rest, 'en')}.",
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class EqualAcrossPlacesParams(Params):
    """Parameters of ``equal-across-places``."""

    table: Table
    column: str
    preferred_places: Places = ()
    places: Places = ()
    exclude_places: Places = ()


@check_kind("equal-across-places", EqualAcrossPlacesParams)
def equal_across_places(
    rule: Rule[EqualAcrossPlacesParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """One indicator in one year must state the same ``column`` value in every place.

    The reference is the value of the first of ``preferred_places`` that holds exactly one
    value (e.g. the PK for targets), else the value stated in the most places. One finding
    per other value and place. Message values: ``name``, ``year``, ``value``, ``place``,
    ``pages``, ``reference``, ``reference_places``, ``basis``, ``others``.
    """
    params = rule.params
    column = params.column
    records = fact_records(facts, params.table, params.places, params.exclude_places)
    rows = [r for r in records if _present(r.get(column))]
    by_indicator: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for row in rows:
        year = row.get("year")
        year = None if year is None else int(year)
        by_indicator.setdefault((row["key"], year), []).append(row)
    for (_, year), members in by_indicator.items():
        groups = _value_groups(members, column)
        if len(groups) < 2:
            continue
        reference, basis = _reference(groups, params.preferred_places)
        if basis == "tie":
            first = members[0]
            yield abstain(
                int(first["page"]),
                first["bbox"],
                first["raw"],
                "nilai berbeda di dua bagian tanpa rujukan yang lebih kuat",
                "the values differ between parts and none is better attested",
            )
            continue
        basis_text = (
            {"id": "nilai pada Perjanjian Kinerja", "en": "the Performance Agreement value"}
            if basis == "preferred"
            else {"id": "nilai yang paling sering disebut", "en": "the value stated most often"}
        )
        name = next(
            (r["name"] for r in members if r["place"] in ("pk", "lampiran-pk")), members[0]["name"]
        )
        for group in groups:
            if group is reference:
                continue
            for place in group.places:
                at = [r for r in group.rows if r["place"] == place]
                first = at[0]
                value: Stated = first[column]
                # "84,77 %" in a PK table that prints each target with its unit is held
                # against the reference as printed with the same unit somewhere ("85,00%").
                if not any(comparable(value, r[column]) for r in reference.rows):
                    yield abstain(
                        value.page or int(first["page"]),
                        value.bbox or first["bbox"],
                        first["raw"],
                        "jenis atau besaran angka tidak sebanding",
                        "the figures are not of one kind or magnitude",
                    )
                    continue
                pages = ", ".join(str(p) for p in sorted({int(r["page"]) for r in at}))
                yield Hit(
                    page=value.page or int(first["page"]),
                    bbox=value.bbox or first["bbox"],
                    evidence=first["raw"],
                    values={
                        "name": name,
                        "year": year if year is not None else "-",
                        "value": value,
                        "place": _place_text(place),
                        "pages": pages,
                        "reference": reference.value,
                        "reference_places": {
                            lang: _listing([reference], lang) for lang in ("id", "en")
                        },
                        "basis": basis_text,
                        "others": _others(groups, group, reference),
                    },
                    stated=value.raw,
                    expected=reference.value.raw,
                    related=tuple(
                        Place(
                            r[column].page or int(r["page"]),
                            r[column].bbox or r["bbox"],
                            r["raw"],
                        )
                        for g in groups
                        if g is not group
                        for r in g.rows[:3]
                    ),
                )


# ---------------------------------------------------------------------------------------------
# copied-row

_ROW_VALUES = ("target", "realisasi", "capaian")


def _row_key(row: Mapping[str, Any]) -> tuple[Decimal | None, ...]:
    return tuple(v.value if _present(v) else None for v in (row.get(c) for c in _ROW_VALUES))


def _specific(value: Stated) -> bool:
    """A figure unlikely to recur by chance: printed with decimals, not 0 or 100."""
    return value.decimals > 0 and value.value not in (0, HUNDRED)


@dataclass(frozen=True, slots=True, kw_only=True)
class CopiedRowParams(Params):
    """Parameters of ``copied-row``."""

    table: Table
    places: Places = ()


@check_kind("copied-row", CopiedRowParams)
def copied_row(rule: Rule[CopiedRowParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A row that repeats another indicator's figures for the same year is a copied row.

    The row states target, realisasi and capaian exactly as another indicator does on the
    same page, the realisasi is a specific figure (decimals, not 0 or 100), the other
    indicator states it on another page too, and this indicator states that year nowhere
    else: the figures are the other indicator's, this one's were not filled in. Message
    values: ``name``, ``year``, ``value``, ``other``, ``pages``.
    """
    rows = [
        r
        for r in fact_records(facts, rule.params.table, rule.params.places)
        if _present(r.get("target")) and _present(r.get("realisasi")) and r.get("year")
    ]
    every = [r for r in fact_records(facts, rule.params.table) if r.get("year")]
    for row in rows:
        year, key, realisasi = int(row["year"]), row["key"], row["realisasi"]
        if not _specific(realisasi):
            continue
        own = [r for r in every if r["key"] == key and int(r["year"]) == year]
        if any(_present(r.get("realisasi")) and r["page"] != row["page"] for r in own):
            continue
        for source in rows:
            if (
                source["key"] == key
                or int(source["year"]) != year
                or source["page"] != row["page"]
                or _row_key(source) != _row_key(row)
            ):
                continue
            pages = sorted(
                {
                    int(r["page"])
                    for r in every
                    if r["key"] == source["key"]
                    and int(r["year"]) == year
                    and _present(r.get("realisasi"))
                    and same_value(r["realisasi"], realisasi)
                }
            )
            if len(pages) < 2:
                continue
            yield Hit(
                page=realisasi.page or int(row["page"]),
                bbox=realisasi.bbox or row["bbox"],
                evidence=row["raw"],
                values={
                    "name": row["name"],
                    "year": year,
                    "value": realisasi,
                    "other": source["name"],
                    "pages": ", ".join(str(p) for p in pages),
                },
                stated=realisasi.raw,
                related=(Place(int(source["page"]), source["bbox"], source["raw"]),),
            )
            break


# ---------------------------------------------------------------------------------------------
# claim


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """A claim's verdict: whether it holds, the expected value, and what the author did."""

    holds: bool
    expected: Decimal
    explanation: Mapping[str, str]


def growth_result(stated: Stated, earlier: Stated, current: Stated, down: bool) -> ClaimResult:
    """A growth claim P% from ``earlier`` to ``current``: relative change (or, between two
    percentages, the change in points), else which formula."""
    a, b = earlier.interval(), current.interval()
    change = (a - b) if down else (b - a)
    relative = change / a * HUNDRED
    size = abs(stated.value)
    claimed = Stated(stated.raw, size, stated.decimals, is_percent=True)
    if agrees(claimed, relative):
        return ClaimResult(True, relative.mid, {})
    if earlier.is_percent and current.is_percent and agrees(claimed, change):
        # A percentage that rises by points ("naik 2,43%" from 53,6% to 56,03%) is a
        # common and readable way to say it.
        return ClaimResult(True, relative.mid, {})
    alternatives = (
        (
            change / b * HUNDRED,
            {
                "id": f"angka itu sama dengan selisih dibagi nilai akhir {current.raw}, "
                f"bukan nilai awal {earlier.raw}",
                "en": f"that figure is the difference divided by the final value {current.raw}, "
                f"not the initial {earlier.raw}",
            },
        ),
        (
            change,
            {
                "id": "angka itu adalah selisih dalam poin, bukan persentase",
                "en": "that figure is the difference in points, not a percentage",
            },
        ),
    )
    for value, explanation in alternatives:
        if agrees(claimed, value):
            return ClaimResult(False, relative.mid, explanation)
    return ClaimResult(
        False,
        relative.mid,
        {"id": "tidak cocok dengan rumus mana pun", "en": "it matches no usual formula"},
    )


def difference_result(stated: Stated, other: Stated, own: Stated) -> ClaimResult:
    """A difference claim "lebih besar D poin": D must be |own − other|."""
    diff = own.interval() - other.interval()
    claimed = Stated(stated.raw, abs(stated.value), stated.decimals)
    magnitude = Interval(min(abs(diff.lo), abs(diff.hi)), max(abs(diff.lo), abs(diff.hi)))
    if diff.lo <= 0 <= diff.hi:
        magnitude = Interval(Decimal(0), magnitude.hi)
    return ClaimResult(agrees(claimed, magnitude), own.value - other.value, {})


def _table_hint(
    facts: Facts, row: Mapping[str, Any], stated: Stated, own: Stated
) -> dict[str, str]:
    """A comparison table that names the other unit with the value the claim needs."""
    frame = facts.table("indicators")
    if frame.empty:
        return {"id": "", "en": ""}
    for ref in frame[(frame["place"] == "bab3-comparison") & (frame["key"] == row["key"])].to_dict(
        "records"
    ):
        value = ref.get("reference")
        if not _present(value) or same_value(value, row["a"]):
            continue
        if not _entity_matches(ref.get("entity"), row.get("entity")):
            continue
        if difference_result(stated, value, own).holds:
            return {
                "id": f" Tabel perbandingan (hlm. {ref['page']}) menyebut nilai "
                f"{ref.get('entity')} {value.raw}, yang sesuai dengan selisih {stated.raw}.",
                "en": f" The comparison table (p. {ref['page']}) gives {ref.get('entity')} "
                f"{value.raw}, which matches the difference {stated.raw}.",
            }
    return {"id": "", "en": ""}


def _entity_matches(table_entity: Any, claim_entity: Any) -> bool:
    return claim_entity is None or entity_kind(str(table_entity or "")) == claim_entity


def average_result(stated: Stated, capaian: list[Stated]) -> ClaimResult:
    """An average-capaian claim against the mean of the indicators' stated capaian."""
    total = capaian[0].interval()
    for value in capaian[1:]:
        total = total + value.interval()
    mean = total / len(capaian)
    return ClaimResult(agrees(stated, mean), mean.mid, {})


def _indicator_capaian(facts: Facts, year: Any) -> list[Stated]:
    """One capaian per indicator of the year: the capaian table's, else the first stated."""
    import pandas as pd

    frame = facts.table("indicators")
    if frame.empty:
        return []
    chosen: dict[str, Stated] = {}
    for place in ("bab3-table", "ikhtisar", "bab3-narrative", "bab4"):
        for row in frame[frame["place"] == place].to_dict("records"):
            row_year = row.get("year")
            if _present(row.get("capaian")) and (
                row_year is None or pd.isna(row_year) or row_year == year
            ):
                chosen.setdefault(row["key"], row["capaian"])
    return list(chosen.values())


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimParams(Params):
    """Parameters of ``claim``."""

    kind: Literal["growth", "difference", "average"]
    places: Places = ()
    exclude_places: Places = ()
    min_indicators: int = 2


@check_kind("claim", ClaimParams)
def claim(rule: Rule[ClaimParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A narrative claim must follow from the numbers it names.

    When the report states the indicator's own value differently in different places (a
    ``realisasi-consistency`` finding of its own), a claim that holds for any of those values
    is not reported again.

    ``kind``: ``growth`` ("meningkat sebesar 17,3%" from a to b = (b − a) / a × 100; when
    another formula explains the figure the message says which), ``difference`` ("lebih besar
    0,33 poin" = own − other), ``average`` (mean of the indicators' capaian; needs
    ``min_indicators``, default 2). Message values: ``name``, ``stated``, ``a``, ``b``,
    ``expected``, ``explanation``, ``hint``, ``entity``, ``count``.
    """
    params = rule.params
    kind = params.kind
    rows = [r for r in fact_records(facts, "claims", params.places, params.exclude_places, [kind])]
    for row in rows:
        stated: Stated = row["stated"]
        values: dict[str, Any] = {"name": row.get("name") or row.get("key") or "", "stated": stated}
        others = [v for v in (row.get("others") or ()) if _present(v)]
        if kind == "growth" and _present(row.get("a")) and _present(row.get("b")):
            down = row.get("direction") == "down"
            result = growth_result(stated, row["a"], row["b"], down)
            if any(growth_result(stated, row["a"], other, down).holds for other in others):
                continue
            expected = percent_text(result.expected)
            values.update(
                a=row["a"],
                b=row["b"],
                expected=rounded(result.expected),
                explanation=result.explanation,
            )
        elif kind == "difference" and _present(row.get("a")) and _present(row.get("b")):
            result = difference_result(stated, row["a"], row["b"])
            if any(difference_result(stated, row["a"], other).holds for other in others):
                continue
            expected = format_number(rounded(abs(result.expected)), 2)
            values.update(
                a=row["a"],
                b=row["b"],
                expected=rounded(abs(result.expected)),
                entity=row.get("entity") or "-",
                hint=_table_hint(facts, row, stated, row["b"]),
            )
        elif kind == "average":
            capaian = _indicator_capaian(facts, row.get("year"))
            if len(capaian) < params.min_indicators:
                continue
            result = average_result(stated, capaian)
            expected = percent_text(result.expected)
            values.update(
                expected=rounded(result.expected),
                count=len(capaian),
                a=" + ".join(c.raw for c in capaian),
            )
        else:
            continue
        if result.holds:
            continue
        yield Hit(
            page=stated.page or int(row["page"]),
            bbox=stated.bbox or row["bbox"],
            evidence=row["raw"],
            values=values,
            stated=stated.raw,
            expected=expected,
            related=tuple(
                Place(v.page, v.bbox, v.raw)
                for v in (row.get("a"), row.get("b"))
                if _present(v) and v.page and v.page != stated.page
            ),
        )


# ---------------------------------------------------------------------------------------------
# interval-category


@dataclass(frozen=True, slots=True)
class Band:
    """One row of an interval table: the lowest value of the band, its letter and its name."""

    lo: Decimal = field(metadata={"param": "from"})
    letter: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """An interval table: the range of values it covers and its bands."""

    min: Decimal
    max: Decimal
    bands: tuple[Band, ...]


def _scales(params: IntervalCategoryParams) -> list[tuple[Decimal, Decimal, list[Band]]]:
    return [(s.min, s.max, sorted(s.bands, key=lambda b: b.lo)) for s in params.scales]


def allowed_bands(value: Stated, bands: list[Band], top: Decimal) -> list[Band]:
    """The bands a printed value may fall in (its rounding interval may straddle a bound)."""
    interval = value.interval()
    found = []
    for i, band in enumerate(bands):
        hi = bands[i + 1].lo if i + 1 < len(bands) else top + 1
        if interval.lo < hi and interval.hi >= band.lo:
            found.append(band)
    return found


def _category_words(text: str) -> list[str]:
    return [part.strip().lower() for part in str(text).split(";") if part.strip()]


@dataclass(frozen=True, slots=True, kw_only=True)
class IntervalCategoryParams(Params):
    """Parameters of ``interval-category``."""

    scales: tuple[Scale, ...]
    places: Places = ()


@check_kind("interval-category", IntervalCategoryParams)
def interval_category(
    rule: Rule[IntervalCategoryParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A stated category (letter or name) must be the band of the interval table for its value.

    Params: ``scales``: a list of ``{min, max, bands: [{from, letter, name}]}``; the scale is
    the one whose range holds the value. Message values: ``value``, ``category``,
    ``expected``, ``scale``.
    """
    scales = _scales(rule.params)
    for row in fact_records(facts, "claims", rule.params.places, kinds=["mutu"]):
        value: Stated = row["stated"]
        scale = next((s for s in scales if s[0] <= value.value <= s[1]), None)
        if scale is None:
            continue
        bands = allowed_bands(value, scale[2], scale[1])
        words = _category_words(row.get("category") or "")
        allowed = {b.letter.lower() for b in bands} | {b.name.lower() for b in bands}
        wrong = [w for w in words if w not in allowed]
        if not wrong or not bands:
            continue
        expected = " / ".join(f"{b.letter} ({b.name})" for b in bands)
        yield Hit(
            page=value.page or int(row["page"]),
            bbox=value.bbox or row["bbox"],
            evidence=row["raw"],
            values={
                "value": value,
                "category": ", ".join(wrong),
                "expected": expected,
                "scale": f"{format_number(scale[0], 0)}–{format_number(scale[1], 0)}",
                "name": row.get("name") or row.get("key") or "",
            },
            stated=", ".join(wrong),
            expected=expected,
        )
