"""Check kinds for survey figures: means, weighted means, sums, products, GRIM, ranges,
conversions, periods and mutu categories.

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
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lkjip_audit.facts import Facts
from lkjip_audit.facts.survey import PERIOD_KINDS
from lkjip_audit.findings import Place
from lkjip_audit.numbers import Interval, Stated, agrees, format_number
from lkjip_audit.rules.checks.indicators import Band, Scale
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import ParamError, Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

if TYPE_CHECKING:
    import pandas as pd

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
_ROMAN = ("I", "II", "III", "IV")
_PERIOD_WORDS = {
    "triwulan": {"id": "Triwulan", "en": "Quarter"},
    "semester": {"id": "Semester", "en": "Semester"},
}
_YEAR_WORDS = {"id": "tahunan", "en": "annual"}
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
    import numpy as np

    # A numpy mask: a pandas Series of booleans costs more than the filtering on these
    # small frames.
    mask = np.ones(len(frame), dtype=bool)
    for column, wanted in (where or {}).items():
        if column not in frame.columns:
            return frame.iloc[0:0]
        values = wanted if isinstance(wanted, list | tuple) else [wanted]
        mask &= frame[column].isin(values).to_numpy()
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


def period_name(kind: str, period: int) -> dict[str, str]:
    """How a period is named in a message: ``Maret``, ``Triwulan II``, ``tahunan``."""
    if period == 0:
        return dict(_YEAR_WORDS)
    if kind == "bulan":
        return _month(period)
    words = _PERIOD_WORDS.get(kind, {"id": kind, "en": kind})
    return {lang: f"{word} {_ROMAN[period - 1]}" for lang, word in words.items()}


def _row_period(row: Mapping[str, Any]) -> dict[str, str] | str:
    """The period of a fact row, named (empty when the table has none)."""
    if "period" not in row:
        return ""
    return period_name(str(row.get("period_kind", "bulan")), int(row["period"]))


def _precise(values: Sequence[Stated], on: bool) -> list[Stated]:
    """Whole numbers on the 1..4 scale take the decimals of their neighbours (see module)."""
    decimals = max((v.decimals for v in values), default=0)
    if not on or decimals == 0:
        return list(values)
    return [
        replace(v, decimals=decimals) if v.decimals == 0 and SCALE[0] <= v.value <= SCALE[1] else v
        for v in values
    ]


def _single(printed: Iterable[Stated]) -> Stated | None:
    """The one value printed (several equal printings count as one), else None."""
    values = {v.value: v for v in printed}
    return next(iter(values.values())) if len(values) == 1 else None


def _values_by(rows: pd.DataFrame, key: str) -> dict[Any, list[Stated]]:
    """The ``value`` cells of ``rows`` per value of their ``key`` column, in row order: one
    pass instead of filtering the frame once per key (pandas costs a lot per small filter)."""
    return _split(zip(rows[key], rows["value"], strict=True))


def _split(cells: Iterable[tuple[Any, Stated]]) -> dict[Any, list[Stated]]:
    """(key, value) cells as the values of each key, in order."""
    split: dict[Any, list[Stated]] = {}
    for k, value in cells:
        split.setdefault(k, []).append(value)
    return split


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
    key: str | None = None
    complete_in: Columns = ()
    weight_decimals: int | None = None
    grid_precision: bool = False


@check_kind("mean-of", MeanOfParams)
def mean_of(rule: Rule[MeanOfParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A stated value must equal the plain mean of its parts (a period's Nilai SKM / NRR
    tertimbang = the mean of its unsur NRR, each weighted 1/n).

    Params: ``table``; ``target`` and ``parts``: ``where`` filters picking the stated value
    and the parts within each group; ``group_by``: columns forming the groups (e.g. grid and
    period); ``min_parts``: fewer parts read and the group is skipped; ``key`` and
    ``complete_in``: a group is checked only when its parts have every ``key`` value that
    parts of its larger group (the columns of ``complete_in``, e.g. the grid) have (a period
    with an unsur left unread is not a mean of the others); ``weight_decimals``: the report
    may have weighted each part by 1/n printed to this many decimals (0,111 for 9 unsur), so
    a mean × n × 0,111 stands too; ``grid_precision``. Message values: ``stated``,
    ``expected``, ``parts`` (as printed), ``count``, ``period``.
    """
    params = rule.params
    table = facts.table(params.table)
    on = params.grid_precision
    complete = _complete_keys(select(table, params.parts), params.key, params.complete_in)
    for key, rows in _groups(table, params.group_by):
        parts = select(rows, params.parts)
        if parts.empty or len(parts) < params.min_parts:
            continue
        if complete is not None and not complete(key, parts):
            continue
        precise = _precise([*parts["value"], *select(rows, params.target)["value"]], on)
        inputs = precise[: len(parts)]
        mean = _weighted_mean_interval(inputs, params.weight_decimals)
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
                    "period": _row_period(row),
                },
                _at(point, stated.decimals),
                related=tuple(_place(r) for r in parts.to_dict("records")[:1]),
            )


def _complete_keys(parts: pd.DataFrame, key: str | None, within: Columns):
    """A test ``(group key, group parts) -> bool``: the group has every ``key`` value its
    larger group (``within``, a prefix of ``group_by``) has; None when not asked for."""
    if key is None or parts.empty:
        return None
    wanted = {k: set(rows[key]) for k, rows in _groups(parts, within)}

    def complete(group: tuple, rows: pd.DataFrame) -> bool:
        return set(rows[key]) == wanted.get(group[: len(within)], set())

    return complete


def _weighted_mean_interval(values: Sequence[Stated], decimals: int | None) -> Interval:
    """The mean of ``values``, widened to Σ value × round(1/n, ``decimals``) when the report
    may have weighted with the printed weight (0,111) instead of the exact 1/n."""
    count = len(values)
    mean = sum((v.interval() for v in values), Interval.exact(0)) / count
    if decimals is None:
        return mean
    printed = _at(Decimal(1) / count, decimals) * count
    low, high = min(printed, Decimal(1)), max(printed, Decimal(1))
    return Interval(mean.lo * low, mean.hi * high)


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
    per: str | None = None
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
    weighted mean of each key's mean of these parts; ``per``: a column (``item``): the check
    runs once per value of it among the targets, that value added to the ``values`` and
    ``target`` filters (each unsur's annual value from that unsur's periods);
    ``grid_precision``. A key printed with two different values is skipped as ambiguous.
    Message values: ``stated``, ``expected``, ``inputs``, ``total_weight``, ``item``.
    """
    params = rule.params
    column = params.per
    groups = [
        _inputs(key, rows, params)
        for key, rows in _groups(facts.table(params.table), params.group_by)
    ]
    if column is None:
        yield from _weighted(rule, facts, groups, {})
        return
    targets = select(facts.table(params.target_table or params.table), params.target)
    for choice in dict.fromkeys(targets[column]) if column in targets.columns else ():
        yield from _weighted(rule, facts, groups, {column: choice})


@dataclass(frozen=True, slots=True)
class _Inputs:
    """One ``group_by`` set of a weighted-mean rule with its value and weight cells, read once
    for every ``per`` choice: ``values`` holds (key, the ``per`` column's cell, value)."""

    key: tuple
    rows: pd.DataFrame
    values: list[tuple[Any, Any, Stated]]
    weights: list[tuple[Any, Stated]]


def _inputs(key: tuple, rows: pd.DataFrame, params: WeightedMeanParams) -> _Inputs:
    per, column = params.per, params.key
    # The ``per`` choice replaces any filter of the rule on that column (see _pairs).
    values = select(rows, {c: w for c, w in params.values.items() if c != per})
    weights = select(rows, params.weights)
    if per is None:
        chosen = [None] * len(values)
    elif per in values.columns:
        chosen = list(values[per])
    else:  # no such column: no value can be chosen
        values, chosen = values.iloc[0:0], []
    return _Inputs(
        key,
        rows,
        list(zip(values[column], chosen, values["value"], strict=True)),
        list(zip(weights[column], weights["value"], strict=True)),
    )


def _weighted(
    rule: Rule[WeightedMeanParams],
    facts: Facts,
    groups: list[_Inputs],
    extra: dict[str, Any],
) -> Iterator[Hit]:
    params = rule.params
    targets = select(facts.table(params.target_table or params.table), {**params.target, **extra})
    if targets.empty:
        return
    sets = []
    for group in groups:
        pairs = _pairs(group, params, extra)
        if pairs:
            sets.append((group.key, group.rows, pairs))
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
    parts = _values_by(select(rows, spec), params.key)
    means = []
    counts = {len(parts.get(key, ())) for key, _, _ in pairs}
    if len(counts) != 1 or counts == {0}:
        return False  # a period with an unsur unread: no mean to compare
    for key, _, weight in pairs:
        values = _precise(parts[key], on)
        mean = sum((v.interval() for v in values), Interval.exact(0)) / len(values)
        means.append((mean, _count(weight)))
    total = sum((w for _, w in means), Interval.exact(0))
    if total.lo <= 0:
        return False
    return agrees(stated, _clip(sum((m * w for m, w in means), Interval.exact(0)) / total, on))


def _shares(rows: pd.DataFrame, target: Mapping[str, Any], column: str) -> bool:
    return column in rows.columns and target.get(column) in set(rows[column])


def _pairs(
    group: _Inputs, params: WeightedMeanParams, extra: dict[str, Any]
) -> list[tuple[Any, Stated, Stated]] | None:
    """(key, value, weight) per key of a group, or None when a key is missing or ambiguous.

    The values are those of the rule's ``values`` filter with ``extra`` (the ``per`` choice)
    in place of its filter on that column."""
    choice = extra.get(params.per) if params.per is not None else None
    values = [(k, v) for k, chosen, v in group.values if params.per is None or chosen == choice]
    keys = params.keys or list(
        dict.fromkeys([*(k for k, _ in values), *(k for k, _ in group.weights)])
    )
    values_by, weights_by = _split(values), _split(group.weights)
    pairs = []
    for k in keys:
        value = _single(values_by.get(k, ()))
        weight = _single(weights_by.get(k, ()))
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
    match: Columns = ()

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
    is used) or ``equals``; ``match``: columns a target must share with its group (Σ NRR
    tertimbang of one period of one grid). Message values: ``stated``, ``expected``,
    ``parts``, ``count``, ``period``.
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
        candidates = [(k, r) for k, r, _ in sets if all(_shares(r, row, c) for c in params.match)]
        if not candidates:
            continue
        key, _ = _nearest(candidates, int(row["page"]))
        _, _, parts = next(s for s in sets if s[0] == key)
        total = sum((_count(v) for v in parts), Interval.exact(0))
        if agrees(row["value"], total):
            continue
        yield _hit(
            row,
            {
                "parts": " + ".join(v.raw for v in parts),
                "count": len(parts),
                "period": _row_period(row),
            },
            sum((v.value for v in parts), Decimal(0)),
        )


def _keyed(rows: pd.DataFrame, key: str, keys: Sequence[Any] | None) -> list[Stated] | None:
    wanted = keys or list(dict.fromkeys(rows[key]))  # in the order printed
    by_key = _values_by(rows, key)
    parts = [_single(by_key.get(k, ())) for k in wanted]
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
    specific: str | None = None
    items: int = 1
    scale: tuple[Decimal, Decimal] = SCALE


@check_kind("grim", GrimParams)
def grim(rule: Rule[GrimParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """GRIM: a mean of whole-number answers from n respondents must be k / (n × items) for
    a whole k. Tested only where the test has power (n × items < 10^decimals printed).

    Params: ``table``; ``values`` and ``counts``: filters for the means and the respondent
    counts, paired by ``key`` within each ``group_by`` group; ``specific``: a column
    (``item``): a count that shares its value with the mean (the respondents of that unsur)
    is used before the general count (the column empty: the period's respondents);
    ``items``: questions per respondent behind one mean (1 for an unsur); ``scale``: lowest
    and highest answer score. Message values: ``stated``, ``n``, ``period``, ``item``,
    ``nearest`` (the possible means on either side, as k/n).
    """
    params = rule.params
    items = params.items
    low, high = params.scale
    table = facts.table(params.table)
    key = params.key
    for _, rows in _groups(table, params.group_by):
        counts = select(rows, params.counts)
        specific = params.specific if params.specific in counts.columns else None
        by_key: dict[Any, list[dict[str, Any]]] = {}
        for count_row in counts.to_dict("records"):
            by_key.setdefault(count_row[key], []).append(count_row)
        for row in select(rows, params.values).to_dict("records"):
            count = _count_for(by_key.get(row[key], []), row, specific)
            if count is None or count.decimals or count.value <= 0:
                continue
            hit = _grim_hit(row, int(count.value) * items, count, low, high)
            if hit is not None:
                yield hit


def _count_for(
    counts: list[dict[str, Any]], row: Mapping[str, Any], specific: str | None
) -> Stated | None:
    """The respondent count behind ``row`` among the count rows of its key: its own
    (``specific`` column shared) or the general one (that column empty)."""
    if specific is None:
        return _single(c["value"] for c in counts)
    own = [c["value"] for c in counts if c[specific] == row.get(specific)]
    return _single(own or [c["value"] for c in counts if c[specific] == ""])


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
            "period": _row_period(row),
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
                "period": _row_period(row),
                "item": row.get("label", ""),
            },
            stated=stated.raw,
            expected=f"{format_number(low)}–{format_number(high)}",
        )


# --- periods-complete ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodsCompleteParams(Params):
    """Parameters of ``periods-complete``."""

    table: Table
    group_by: Columns = ()
    values: Filter | None = None


@check_kind("periods-complete", PeriodsCompleteParams)
def periods_complete(
    rule: Rule[PeriodsCompleteParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A grid by period must cover the whole year: 12 months, 4 quarters or 2 semesters.

    Params: ``table`` (with ``period_kind`` and ``period`` columns); ``group_by`` (one grid
    per group); ``values``: filter of the rows that count (an annual column, period 0, never
    does). Message values: ``missing`` (period names), ``count``, ``expected``.
    """
    params = rule.params
    table = select(facts.table(params.table), params.values)
    table = table[table["period"] != 0] if "period" in table.columns else table
    for _, rows in _groups(table, params.group_by):
        kinds = set(rows["period_kind"])
        if len(kinds) != 1:
            continue
        kind = kinds.pop()
        expected = PERIOD_KINDS.get(kind, 1)
        missing = sorted(set(range(1, expected + 1)) - {int(m) for m in rows["period"]})
        if not missing:
            continue
        first = rows.sort_values(["page"]).to_dict("records")[0]
        names = {
            lang: ", ".join(period_name(kind, m)[lang] for m in missing) for lang in ("id", "en")
        }
        yield Hit(
            page=int(first["page"]),
            bbox=first["bbox"],
            evidence=str(first["raw"]),
            values={"missing": names, "count": len(missing), "expected": expected},
            stated=str(expected - len(missing)),
            expected=str(expected),
        )


# --- scaled --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaledParams(Params):
    """Parameters of ``scaled``."""

    table: Table
    source: Filter
    target: Filter
    divisor: Decimal = Decimal(1)
    factor: Decimal = Decimal(1)
    group_by: Columns = ()
    or_mean_of: Filter | None = None
    weight_decimals: int | None = None


@check_kind("scaled", ScaledParams)
def scaled(rule: Rule[ScaledParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A converted value must equal the source value × ``factor`` / ``divisor`` (IKI: 0-100
    value / 25; IKM konversi: NRR tertimbang × 25).

    Params: ``table``; ``source`` and ``target``: filters, paired within each ``group_by``
    group; ``or_mean_of``: a filter of parts (the unsur NRR): the target also stands when it
    is their mean converted (a misprinted source is its own finding), with
    ``weight_decimals`` as in ``mean-of``. Message values: ``stated``, ``expected``,
    ``source``, ``divisor``, ``factor``, ``period``.
    """
    params = rule.params
    ratio = params.factor / params.divisor
    table = facts.table(params.table)
    for _, rows in _groups(table, params.group_by):
        source = _single(select(rows, params.source)["value"])
        if source is None:
            continue
        parts = select(rows, params.or_mean_of) if params.or_mean_of else rows.iloc[0:0]
        for row in select(rows, params.target).to_dict("records"):
            stated: Stated = row["value"]
            if agrees(stated, source.interval() * ratio):
                continue
            if not parts.empty and agrees(
                stated,
                _weighted_mean_interval(list(parts["value"]), params.weight_decimals) * ratio,
            ):
                continue
            origin = select(rows, params.source).to_dict("records")[0]
            yield _hit(
                row,
                {
                    "source": source,
                    "divisor": params.divisor,
                    "factor": params.factor,
                    "period": _row_period(row),
                },
                _at(source.value * ratio, stated.decimals),
                related=(_place(origin),),
            )


# --- product-of ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductOfParams(Params):
    """Parameters of ``product-of``."""

    table: Table
    target: Filter
    left: Filter
    right: Filter
    key: str
    group_by: Columns = ()


@check_kind("product-of", ProductOfParams)
def product_of(rule: Rule[ProductOfParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A stated value must equal the product of two others of the same ``key`` (an unsur's
    NRR tertimbang = its NRR × its bobot).

    Params: ``table``; ``target``, ``left``, ``right``: filters, paired by the ``key``
    column within each ``group_by`` group. Message values: ``stated``, ``expected``,
    ``left``, ``right``, ``item``.
    """
    params = rule.params
    table = facts.table(params.table)
    for _, rows in _groups(table, params.group_by):
        left = _values_by(select(rows, params.left), params.key)
        right = _values_by(select(rows, params.right), params.key)
        for row in select(rows, params.target).to_dict("records"):
            a = _single(left.get(row[params.key], ()))
            b = _single(right.get(row[params.key], ()))
            if a is None or b is None:
                continue
            stated: Stated = row["value"]
            if agrees(stated, a.interval() * b.interval()):
                continue
            yield _hit(
                row,
                {"left": a, "right": b, "item": row.get("label", "")},
                _at(a.value * b.value, stated.decimals),
            )


# --- equal-weights -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class EqualWeightsParams(Params):
    """Parameters of ``equal-weights``."""

    table: Table
    weights: Filter
    parts: Filter
    key: str
    group_by: Columns = ()


@check_kind("equal-weights", EqualWeightsParams)
def equal_weights(
    rule: Rule[EqualWeightsParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """Each printed weight must be 1/n, n the number of parts weighted (0,111 for 9 unsur,
    0,125 for 8, 0,071 for 14).

    Params: ``table``; ``weights``: filter of the printed weights; ``parts``: filter of the
    parts, counted by distinct ``key`` within each ``group_by`` group. Message values:
    ``stated``, ``expected``, ``count``.
    """
    params = rule.params
    table = facts.table(params.table)
    for _, rows in _groups(table, params.group_by):
        count = select(rows, params.parts)[params.key].nunique()
        if count == 0:
            continue
        exact = Decimal(1) / count
        for row in select(rows, params.weights).to_dict("records"):
            stated: Stated = row["value"]
            if agrees(stated, exact):
                continue
            yield _hit(row, {"count": count}, _at(exact, stated.decimals))


# --- skm-category --------------------------------------------------------------------------

_CATEGORY_WORDS = re.compile(r"sangat\s+baik|kurang\s+baik|tidak\s+baik|baik|\b[ABCD]\b", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class SkmCategoryParams(Params):
    """Parameters of ``skm-category``."""

    table: Table
    values_table: Table
    values: Filter
    parts: Filter
    scales: tuple[Scale, ...]
    group_by: Columns = ()
    weight_decimals: int | None = None


@check_kind("skm-category", SkmCategoryParams)
def skm_category(
    rule: Rule[SkmCategoryParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """A mutu category printed in an SKM table must be the band of its period's index.

    Params: ``table``: the printed categories; ``values_table`` and ``values``: the index of
    the same ``group_by`` group (the 25..100 conversion and the 1..4 value: the category
    must fit each that is printed); ``parts``: the unsur NRR, whose mean (with
    ``weight_decimals`` as in ``mean-of``) also decides the category (a misprinted index is
    its own finding); ``scales``: the interval tables of PermenPANRB 14/2017, the one whose
    range holds the value applies. Message values: ``value``, ``category``, ``expected``,
    ``period``.
    """
    params = rule.params
    values = facts.table(params.values_table)
    scales = [(s.min, s.max, sorted(s.bands, key=lambda b: b.lo)) for s in params.scales]
    groups = {key: rows for key, rows in _groups(values, params.group_by)}
    for row in facts.table(params.table).to_dict("records"):
        rows = groups.get(tuple(row[c] for c in params.group_by))
        if rows is None:
            continue
        words = [w.group().lower() for w in _CATEGORY_WORDS.finditer(str(row["category"]))]
        parts = select(rows, params.parts)
        mean = (
            _weighted_mean_interval(list(parts["value"]), params.weight_decimals)
            if not parts.empty
            else None
        )
        for value in select(rows, params.values)["value"]:
            scale = next((sc for sc in scales if sc[0] <= value.value <= sc[1]), None)
            if scale is None:
                continue
            allowed = _bands(value.interval(), scale)
            if mean is not None:
                allowed += _bands(mean * (scale[1] / SCALE[1]), scale)
            names = {b.letter.lower() for b in allowed} | {b.name.lower() for b in allowed}
            wrong = [w for w in words if w not in names]
            if not wrong or not allowed:
                continue
            expected = " / ".join(f"{b.letter} ({b.name})" for b in _bands(value.interval(), scale))
            yield Hit(
                page=int(row["page"]),
                bbox=row["bbox"],
                evidence=str(row["raw"]),
                values={
                    "value": value,
                    "category": row["category"],
                    "expected": expected,
                    "period": _row_period(row),
                },
                stated=str(row["category"]),
                expected=expected,
            )
            break


def _bands(interval: Interval, scale: tuple[Decimal, Decimal, list[Band]]) -> list[Band]:
    """The bands of ``scale`` an interval of values meets."""
    _, top, bands = scale
    found = []
    for i, band in enumerate(bands):
        hi = bands[i + 1].lo if i + 1 < len(bands) else top + 1
        if interval.lo < hi and interval.hi >= band.lo:
            found.append(band)
    return found
