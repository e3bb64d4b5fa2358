"""Check kinds for survey figures: means, weighted means, sums, GRIM, ranges, conversions.

They work over long fact tables (one printed number per row, in a ``value`` column of
:class:`~lkjip_audit.numbers.Stated`), picking rows with ``where`` filters
(``{column: value}`` or ``{column: [values]}``). Every comparison is by interval overlap
(:func:`~lkjip_audit.numbers.agrees`): each printed input carries half a unit of its last
decimal through the formula, so a finding means no rounding can explain the difference.

A grid on the 1..4 scale that prints ``4`` beside ``3,96`` (the survey application drops
trailing zeros) means ``4,00``: with ``grid_precision: true`` a whole number on the scale
takes the decimals of the other values of its group.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import pandas as pd

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.numbers import Interval, Stated, agrees, format_number
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import ParamError, Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
SCALE = (Decimal(1), Decimal(4))
Filter = Mapping[str, Any]
"""A ``where`` filter: ``{column: value}`` or ``{column: [values]}``."""
Columns = tuple[str, ...]
Keys = tuple[str | int, ...]
_PART_NAMES = {
    "internal": {"id": "internal", "en": "internal"},
    "external": {"id": "eksternal", "en": "external"},
}


# --- selection and places -----------------------------------------------------------------


def select(frame: pd.DataFrame, where: Mapping[str, Any] | None) -> pd.DataFrame:
    """The rows of ``frame`` whose columns equal (or are among) the ``where`` values."""
    mask = pd.Series(True, index=frame.index)
    for column, wanted in (where or {}).items():
        if column not in frame.columns:
            return frame.iloc[0:0]
        values = wanted if isinstance(wanted, list | tuple) else [wanted]
        mask &= frame[column].isin(values)
    return frame[mask]


def _groups(frame: pd.DataFrame, by: Sequence[str]) -> list[tuple[tuple, pd.DataFrame]]:
    if not by or frame.empty:
        return [((), frame)] if not frame.empty else []
    return [
        (key if isinstance(key, tuple) else (key,), rows)
        for key, rows in frame.groupby(list(by), sort=True)
    ]


def _place(row: Mapping[str, Any]) -> Place:
    return Place(int(row["page"]), row["bbox"], str(row["raw"]))


def _hit(row: Mapping[str, Any], values: dict[str, Any], expected: Decimal, **extra: Any) -> Hit:
    """A hit at the stated value of ``row``, with ``expected`` printed at its precision."""
    stated: Stated = row["value"]
    return Hit(
        page=int(row["page"]),
        bbox=row["bbox"],
        evidence=str(row["raw"]),
        values={"stated": stated, "expected": expected, **values},
        stated=stated.raw,
        expected=format_number(expected, stated.decimals),
        **extra,
    )


def _at(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals`` (for printing the recomputation)."""
    return Decimal(format_number(value, decimals, lang="en", thousands=False))


def _month(month: Any) -> dict[str, str]:
    index = int(month) - 1
    return {lang: names[index] for lang, names in MONTHS.items()}


def _precise(values: Sequence[Stated], on: bool) -> list[Stated]:
    """Whole numbers on the 1..4 scale take the decimals of their neighbours (see module)."""
    decimals = max((v.decimals for v in values), default=0)
    if not on or decimals == 0:
        return list(values)
    return [
        replace(v, decimals=decimals) if v.decimals == 0 and SCALE[0] <= v.value <= SCALE[1] else v
        for v in values
    ]


def _single(rows: pd.DataFrame) -> Stated | None:
    """The one value of ``rows`` (several equal printings count as one), else None."""
    values = {v.value: v for v in rows["value"]}
    return next(iter(values.values())) if len(values) == 1 else None


def _nearest(groups: list[tuple[tuple, pd.DataFrame]], page: int) -> tuple[tuple, pd.DataFrame]:
    return min(groups, key=lambda g: min(abs(int(p) - page) for p in g[1]["page"]))


def _count(value: Stated) -> Interval:
    """A weight or count printed as a whole number (respondents, bobot) is exact, not rounded."""
    return Interval.exact(value.value) if value.decimals == 0 else value.interval()


def _clip(interval: Interval, on: bool) -> Interval:
    """A mean of 1..4 answers lies in 1..4: clip a widened interval to the scale."""
    if not on or interval.hi < SCALE[0] or interval.lo > SCALE[1]:
        return interval  # wholly off the scale: leave it for the range rule to report
    return Interval(max(interval.lo, SCALE[0]), min(interval.hi, SCALE[1]))


# --- mean-of -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class MeanOfParams(Params):
    """Parameters of ``mean-of``."""

    table: Table
    target: Filter
    parts: Filter
    group_by: Columns = ()
    min_parts: int = 1
    skip_if: Filter | None = None
    grid_precision: bool = False


@check_kind("mean-of", MeanOfParams)
def mean_of(rule: Rule[MeanOfParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A stated value must equal the plain mean of its parts (monthly Nilai SKM = mean of
    its unsur).

    Params: ``table``; ``target`` and ``parts``: ``where`` filters picking the stated value
    and the parts within each group; ``group_by``: columns forming the groups (e.g. grid and
    month); ``min_parts``: fewer parts read and the group is skipped; ``skip_if``: a filter
    whose presence in a group makes the mean unknowable (an unrecognised row);
    ``grid_precision``. Message values: ``stated``, ``expected``, ``parts`` (as printed),
    ``count``, ``month``.
    """
    params = rule.params
    table = facts.table(params.table)
    on = params.grid_precision
    for _, rows in _groups(table, params.group_by):
        if params.skip_if and not select(rows, params.skip_if).empty:
            continue
        parts = select(rows, params.parts)
        if parts.empty or len(parts) < params.min_parts:
            continue
        precise = _precise([*parts["value"], *select(rows, params.target)["value"]], on)
        inputs = precise[: len(parts)]
        mean = sum((v.interval() for v in inputs), Interval.exact(0)) / len(inputs)
        point = sum((v.value for v in inputs), Decimal(0)) / len(inputs)
        for row, stated in zip(
            select(rows, params.target).to_dict("records"), precise[len(parts) :], strict=True
        ):
            if agrees(stated, _clip(mean, on)):
                continue
            yield _hit(
                row,
                {
                    "parts": " + ".join(v.raw for v in parts["value"]),
                    "count": len(inputs),
                    "month": _month(row["month"]) if "month" in row else "",
                },
                _at(point, stated.decimals),
                related=tuple(_place(r) for r in parts.to_dict("records")[:1]),
            )


# --- weighted-mean -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightedMeanParams(Params):
    """Parameters of ``weighted-mean``."""

    table: Table
    values: Filter
    weights: Filter
    key: str
    target: Filter
    group_by: Columns = ()
    each: Mapping[str, tuple[Any, ...]] | None = None
    target_table: Table | None = None
    match: Columns = ()
    prefer: Columns = ()
    keys: Keys = ()
    values_range: tuple[Decimal, Decimal] | None = None
    weights_total: Decimal | None = None
    or_mean_of: Filter | None = None
    grid_precision: bool = False


@check_kind("weighted-mean", WeightedMeanParams)
def weighted_mean(
    rule: Rule[WeightedMeanParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A stated value must equal Σ(value × weight) / Σ weight over its parts (annual IKM from
    the months and their respondents; IPK from internal and external; IPK part from bobot).

    Params: ``table``; ``values`` and ``weights``: filters for the two inputs, paired by
    the ``key`` column (month, part, unsur); ``group_by``: columns forming independent sets
    (a grid, a table); ``target`` (filter) in ``target_table`` (default ``table``): the
    stated results; ``match``: columns a target must share with its group (otherwise the
    group nearest by page is used); ``prefer``: columns a target should share with its group
    when some group does; ``keys``: keys that must all be present; ``values_range``:
    lowest and highest value, a group with a value outside is on another scale and skipped;
    ``weights_total``: a group whose weights do not add up to it is skipped;
    ``or_mean_of``: a filter of parts (the unsur); the stated value also stands when it is the
    weighted mean of each key's mean of these parts; ``each``:
    ``{column: [v1, v2...]}`` runs the check once per value, added to every filter;
    ``grid_precision``. A key printed with two different values is skipped as ambiguous.
    Message values: ``stated``, ``expected``, ``inputs``, ``total_weight``, ``item``.
    """
    each = rule.params.each or {}
    column, choices = next(iter(each.items()), (None, [None]))
    for choice in choices:
        extra = {column: choice} if column else {}
        yield from _weighted(rule, facts, extra)


def _weighted(rule: Rule[WeightedMeanParams], facts: Facts, extra: dict[str, Any]) -> Iterator[Hit]:
    params = rule.params
    table = facts.table(params.table)
    targets = select(facts.table(params.target_table or params.table), {**params.target, **extra})
    if targets.empty:
        return
    sets = []
    for key, rows in _groups(table, params.group_by):
        pairs = _pairs(rows, params, extra)
        if pairs:
            sets.append((key, rows, pairs))
    if not sets:
        return
    match = params.match
    prefer = params.prefer
    for row in targets.to_dict("records"):
        candidates = [s for s in sets if all(_shares(s[1], row, c) for c in match)]
        preferred = [s for s in candidates if all(_shares(s[1], row, c) for c in prefer)]
        candidates = preferred or candidates
        if not candidates:
            continue
        grouped = [(s[0], s[1]) for s in candidates]
        chosen_key, _ = _nearest(grouped, int(row["page"]))
        _, _, pairs = next(s for s in candidates if s[0] == chosen_key)
        hit = _weighted_hit(row, row["value"], pairs, params.grid_precision, extra)
        if hit is not None and not _explained_by_parts(
            _rows_of(candidates, chosen_key), params, pairs, row["value"]
        ):
            yield hit


def _rows_of(sets: list, key: tuple) -> pd.DataFrame:
    return next(s[1] for s in sets if s[0] == key)


def _explained_by_parts(
    rows: pd.DataFrame, params: WeightedMeanParams, pairs: list, stated: Stated
) -> bool:
    """Whether ``stated`` is the weighted mean when each key's value is the mean of its
    parts (``or_mean_of``): an annual IKM right from the unsur grid although one monthly
    Nilai SKM is misprinted (that month is its own finding)."""
    spec = params.or_mean_of
    if not spec:
        return False
    on = params.grid_precision
    parts = select(rows, spec)
    means = []
    for key, _, weight in pairs:
        values = _precise(list(parts[parts[params.key] == key]["value"]), on)
        if len(values) < len(next(iter(spec.values()))):
            return False
        mean = sum((v.interval() for v in values), Interval.exact(0)) / len(values)
        means.append((mean, _count(weight)))
    total = sum((w for _, w in means), Interval.exact(0))
    if total.lo <= 0:
        return False
    return agrees(stated, _clip(sum((m * w for m, w in means), Interval.exact(0)) / total, on))


def _shares(rows: pd.DataFrame, target: Mapping[str, Any], column: str) -> bool:
    return column in rows.columns and target.get(column) in set(rows[column])


def _pairs(
    rows: pd.DataFrame, params: WeightedMeanParams, extra: dict[str, Any]
) -> list[tuple[Any, Stated, Stated]] | None:
    """(key, value, weight) per key of a group, or None when a key is missing or ambiguous."""
    key = params.key
    values = select(rows, {**params.values, **extra})
    weights = select(rows, params.weights)
    keys = params.keys or list(dict.fromkeys([*values[key], *weights[key]]))
    pairs = []
    for k in keys:
        value = _single(values[values[key] == k])
        weight = _single(weights[weights[key] == k])
        if value is None or weight is None:
            return None
        pairs.append((k, value, weight))
    if not pairs or not _in_range([v for _, v, _ in pairs], params.values_range):
        return None
    total = params.weights_total
    if total is not None and sum(w.value for _, _, w in pairs) != total:
        return None  # weights that do not add up are a finding of their own
    precise = _precise([v for _, v, _ in pairs], params.grid_precision)
    return [(k, v, w) for (k, _, w), v in zip(pairs, precise, strict=True)]


def _in_range(values: list[Stated], bounds: tuple[Decimal, Decimal] | None) -> bool:
    if not bounds:
        return True
    low, high = bounds
    return all(low <= v.value <= high for v in values)


def _weighted_hit(
    row: Mapping[str, Any],
    stated: Stated,
    pairs: list[tuple[Any, Stated, Stated]],
    on: bool,
    extra: dict[str, Any],
) -> Hit | None:
    total = sum((_count(w) for _, _, w in pairs), Interval.exact(0))
    if total.lo <= 0:
        return None
    products = sum((v.interval() * _count(w) for _, v, w in pairs), Interval.exact(0))
    result = _clip(products / total, on)
    if agrees(stated, result):
        return None
    weight = sum((w.value for _, _, w in pairs), Decimal(0))
    point = sum((v.value * w.value for _, v, w in pairs), Decimal(0)) / weight
    inputs = " + ".join(f"{v.raw} × {w.raw}" for _, v, w in pairs)
    return _hit(
        row,
        {
            "inputs": inputs,
            "total_weight": _plain(weight),
            "sum_products": _plain(sum((v.value * w.value for _, v, w in pairs), Decimal(0))),
            "item": row.get("label") or row.get("item", ""),
            "part": _PART_NAMES.get(str(row.get("part")), row.get("part", "")),
        },
        _at(point, stated.decimals),
    )


def _plain(value: Decimal) -> Decimal:
    """A Decimal without trailing zeros (printed as the reviewer would write it)."""
    normal = value.normalize()
    return normal if normal.as_tuple().exponent <= 0 else normal.quantize(Decimal(1))


# --- sum-of --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SumOfParams(Params):
    """Parameters of ``sum-of``: the total is a ``target`` or a constant (``equals``)."""

    table: Table
    parts: Filter
    key: str
    target: Filter | None = None
    target_table: Table | None = None
    equals: Decimal | None = None
    group_by: Columns = ()
    keys: Keys = ()

    def __post_init__(self) -> None:
        if (self.target is None) == (self.equals is None):
            raise ParamError("target", "or 'equals' must be given, not both nor neither")


@check_kind("sum-of", SumOfParams)
def sum_of(rule: Rule[SumOfParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A stated total must equal the sum of its parts (respondents of the year = Σ monthly
    respondents; IPK respondents = internal + external), or a constant (``equals: 100`` for
    bobot).

    Params: ``table``; ``parts``: filter of the parts, one per ``key`` value (a key printed
    twice with different values is ambiguous and skips the group); ``keys``: keys that must
    all be present; ``group_by``; ``target`` in ``target_table`` (the group nearest by page
    is used) or ``equals``. Message values: ``stated``, ``expected``, ``parts``, ``count``.
    """
    params = rule.params
    table = facts.table(params.table)
    sets = []
    for key, rows in _groups(select(table, params.parts), params.group_by):
        parts = _keyed(rows, params.key, params.keys)
        if parts:
            sets.append((key, rows, parts))
    if not sets:
        return
    if params.equals is not None:
        yield from _sum_equals(sets, params.equals)
        return
    targets = select(facts.table(params.target_table or params.table), params.target)
    for row in targets.to_dict("records"):
        key, _ = _nearest([(s[0], s[1]) for s in sets], int(row["page"]))
        _, _, parts = next(s for s in sets if s[0] == key)
        total = sum((_count(v) for v in parts), Interval.exact(0))
        if agrees(row["value"], total):
            continue
        yield _hit(
            row,
            {"parts": " + ".join(v.raw for v in parts), "count": len(parts)},
            sum((v.value for v in parts), Decimal(0)),
        )


def _keyed(rows: pd.DataFrame, key: str, keys: Sequence[Any] | None) -> list[Stated] | None:
    wanted = keys or list(dict.fromkeys(rows[key]))  # in the order printed
    parts = [_single(rows[rows[key] == k]) for k in wanted]
    return None if any(p is None for p in parts) else [p for p in parts if p is not None]


def _sum_equals(sets: list, constant: Decimal) -> Iterator[Hit]:
    for _, rows, parts in sets:
        total = sum((_count(v) for v in parts), Interval.exact(0))
        if total.contains(constant):
            continue
        first = rows.to_dict("records")[0]
        point = sum((v.value for v in parts), Decimal(0))
        yield Hit(
            page=int(first["page"]),
            bbox=first["bbox"],
            evidence=str(first["raw"]),
            values={
                "stated": point,
                "expected": constant,
                "parts": " + ".join(v.raw for v in parts),
                "count": len(parts),
            },
            stated=format_number(point),
            expected=format_number(constant),
            related=tuple(_place(r) for r in rows.to_dict("records")[1:]),
        )


# --- grim ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class GrimParams(Params):
    """Parameters of ``grim``."""

    table: Table
    values: Filter
    counts: Filter
    key: str
    group_by: Columns = ()
    items: int = 1
    scale: tuple[Decimal, Decimal] = SCALE


@check_kind("grim", GrimParams)
def grim(rule: Rule[GrimParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """GRIM: a mean of whole-number answers from n respondents must be k / (n × items) for
    a whole k. Tested only where the test has power (n × items < 10^decimals printed).

    Params: ``table``; ``values`` and ``counts``: filters for the means and the respondent
    counts, paired by ``key`` within each ``group_by`` group; ``items``: questions per
    respondent behind one mean (1 for an unsur); ``scale``: lowest and highest answer
    score. Message values: ``stated``, ``n``, ``month``, ``item``, ``nearest`` (the
    possible means on either side, as k/n).
    """
    params = rule.params
    items = params.items
    low, high = params.scale
    table = facts.table(params.table)
    key = params.key
    for _, rows in _groups(table, params.group_by):
        counts = select(rows, params.counts)
        for row in select(rows, params.values).to_dict("records"):
            count = _single(counts[counts[key] == row[key]])
            if count is None or count.decimals or count.value <= 0:
                continue
            hit = _grim_hit(row, int(count.value) * items, count, low, high)
            if hit is not None:
                yield hit


def _grim_hit(
    row: Mapping[str, Any], n: int, count: Stated, low: Decimal, high: Decimal
) -> Hit | None:
    stated: Stated = row["value"]
    if stated.decimals == 0 or n >= 10**stated.decimals:
        return None
    interval = stated.interval()
    first = max(math.ceil(interval.lo * n), int(low * n))
    last = min(math.floor(interval.hi * n), int(high * n))
    if first <= last:
        return None
    below = max(min(math.floor(stated.value * n), int(high * n)), int(low * n))
    above = min(max(math.ceil(stated.value * n), int(low * n)), int(high * n))
    nearest = sorted({below, above})
    shown = [format_number(Decimal(k) / n, stated.decimals) for k in nearest]
    fractions = [f"{k}/{n}" for k in nearest]
    return Hit(
        page=int(row["page"]),
        bbox=row["bbox"],
        evidence=str(row["raw"]),
        values={
            "stated": stated,
            "n": count,
            "month": _month(row["month"]) if "month" in row else "",
            "item": row.get("label", ""),
            "nearest": " / ".join(f"{s} ({f})" for s, f in zip(shown, fractions, strict=True)),
        },
        stated=stated.raw,
        expected=" / ".join(shown),
    )


# --- range ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RangeParams(Params):
    """Parameters of ``range``."""

    table: Table
    values: Filter
    min: Decimal
    max: Decimal


@check_kind("range", RangeParams)
def value_range(rule: Rule[RangeParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A value must lie between ``min`` and ``max`` (a 1..4 survey value above 4 is impossible).

    Params: ``table``; ``values``: filter; ``min``, ``max``. Message values: ``stated``,
    ``min``, ``max``, ``month``, ``item``.
    """
    params = rule.params
    low, high = params.min, params.max
    for row in select(facts.table(params.table), params.values).to_dict("records"):
        stated: Stated = row["value"]
        if low <= stated.value <= high:
            continue
        yield Hit(
            page=int(row["page"]),
            bbox=row["bbox"],
            evidence=str(row["raw"]),
            values={
                "stated": stated,
                "min": low,
                "max": high,
                "month": _month(row["month"]) if "month" in row else "",
                "item": row.get("label", ""),
            },
            stated=stated.raw,
            expected=f"{format_number(low)}–{format_number(high)}",
        )


# --- months-complete -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthsCompleteParams(Params):
    """Parameters of ``months-complete``."""

    table: Table
    group_by: Columns = ()
    values: Filter | None = None


@check_kind("months-complete", MonthsCompleteParams)
def months_complete(
    rule: Rule[MonthsCompleteParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A monthly grid must cover January to December.

    Params: ``table`` (with a ``month`` column); ``group_by`` (one grid per group);
    ``values``: filter of the rows that count. Message values: ``missing`` (month names),
    ``count``.
    """
    params = rule.params
    table = select(facts.table(params.table), params.values)
    for _, rows in _groups(table, params.group_by):
        missing = sorted(set(range(1, 13)) - {int(m) for m in rows["month"]})
        if not missing:
            continue
        first = rows.sort_values(["page"]).to_dict("records")[0]
        names = {lang: ", ".join(MONTHS[lang][m - 1] for m in missing) for lang in MONTHS}
        yield Hit(
            page=int(first["page"]),
            bbox=first["bbox"],
            evidence=str(first["raw"]),
            values={"missing": names, "count": len(missing)},
            stated=str(12 - len(missing)),
            expected="12",
        )


# --- scaled --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaledParams(Params):
    """Parameters of ``scaled``."""

    table: Table
    source: Filter
    target: Filter
    divisor: Decimal
    group_by: Columns = ()


@check_kind("scaled", ScaledParams)
def scaled(rule: Rule[ScaledParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A converted value must equal the source value / ``divisor`` (IKI: 0-100 value / 25).

    Params: ``table``; ``source`` and ``target``: filters, paired within each ``group_by``
    group. Message values: ``stated``, ``expected``, ``source``, ``divisor``.
    """
    params = rule.params
    divisor = params.divisor
    table = facts.table(params.table)
    for _, rows in _groups(table, params.group_by):
        source = _single(select(rows, params.source))
        if source is None:
            continue
        for row in select(rows, params.target).to_dict("records"):
            stated: Stated = row["value"]
            if agrees(stated, source.interval() / divisor):
                continue
            origin = select(rows, params.source).to_dict("records")[0]
            yield _hit(
                row,
                {"source": source, "divisor": divisor},
                _at(source.value / divisor, stated.decimals),
                related=(_place(origin),),
            )
