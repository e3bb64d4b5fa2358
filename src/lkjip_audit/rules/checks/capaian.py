"""``capaian-elsewhere``: a capaian printed without its realisation must follow from the
realisation and target the report gives for the same indicator and year elsewhere.

Summary tables often print only the target and the capaian ("Capaian tahun 2016 ... 70,30")
while the evaluation table prints target, realisasi and % realisasi. The reference is a row
whose own capaian follows from its own realisation and target; the check abstains unless the
document gives one realisation for the indicator and year, one such reference pair, and the
row's own target equals the reference's (a different target means another basis, or another
indicator under a similar name).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.numbers import Stated
from lkjip_audit.rules.checks.indicators import (
    _lower_is_better,
    _place_text,
    fact_records,
    percent_text,
    ratio_outcome,
    rounded,
    same_value,
)
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.registry import Hit, NoParams, RuleContext, check_kind

_EXCLUDED_PLACES = ("bab3-comparison",)
# Name similarity (rapidfuzz token set ratio) at which two rows may be one indicator: loose,
# since a like-named row can only make the check abstain.
_SIMILAR = 80


def _stated(row: Mapping[str, Any], column: str) -> Stated | None:
    value = row.get(column)
    return value if isinstance(value, Stated) else None


def _distinct(values: list[Stated]) -> list[Stated]:
    kept: list[Stated] = []
    for value in values:
        if not any(same_value(value, other) for other in kept):
            kept.append(value)
    return kept


def _similar(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two rows may name one indicator: their printed names share all the words of the
    shorter (names are spelt and wrapped differently from place to place)."""
    return fuzz.token_set_ratio(str(a.get("name")).lower(), str(b.get("name")).lower()) >= _SIMILAR


def _reference(rows: list[dict[str, Any]], settings: Mapping[str, Any]) -> dict[str, Any] | None:
    """The one row of an indicator-year whose capaian follows from its own figures, when the
    document gives one realisation and one such target; else None."""
    if len(_distinct([v for r in rows if (v := _stated(r, "realisasi")) is not None])) != 1:
        return None
    verified = []
    for row in rows:
        target, realised, capaian = (_stated(row, c) for c in ("target", "realisasi", "capaian"))
        if target is None or realised is None or capaian is None:
            continue
        lower = _lower_is_better(row, settings)
        if ratio_outcome(capaian, realised, target, lower, None, True).kind == "ok":
            verified.append(row)
    if len(_distinct([r["target"] for r in verified])) != 1:
        return None
    return verified[0]


@check_kind("capaian-elsewhere")
def capaian_elsewhere(rule: Rule[NoParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A capaian stated with its target but without its realisation must equal the capaian
    of the indicator's realisation and target stated elsewhere for the same year.

    Message values: ``name``, ``place``, ``stated``, ``numerator``, ``denominator``,
    ``expected``, ``reference_page``.
    """
    records = [
        r
        for r in fact_records(facts, "indicators", exclude_places=_EXCLUDED_PLACES)
        if r.get("year") is not None
    ]
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in records:
        groups.setdefault((row["key"], int(row["year"])), []).append(row)
    for (_, year), rows in groups.items():
        reference = _reference(rows, context.settings)
        if reference is None:
            continue
        for row in rows:
            stated, target = _stated(row, "capaian"), _stated(row, "target")
            if stated is None or target is None or _stated(row, "realisasi") is not None:
                continue
            if not same_value(target, reference["target"]):
                continue
            # Every realisation printed for a like-named indicator that year must be the
            # reference's: names are keyed apart when spelt apart, and a differing one may be
            # the realisation this capaian was computed from.
            like = [r for r in records if int(r["year"]) == year and _similar(r, row)]
            if _reference(like, context.settings) is None:
                continue
            lower = next(
                (
                    d
                    for d in (_lower_is_better(r, context.settings) for r in (row, reference))
                    if d is not None
                ),
                None,
            )
            hit = _mismatch(
                stated,
                reference["realisasi"],
                reference["target"],
                lower,
                row,
                place=_place_text(str(row.get("place", ""))),
                reference_page=int(reference["page"]),
            )
            if hit is not None:
                yield replace(
                    hit,
                    related=(
                        Place(
                            int(reference["page"]),
                            reference["realisasi"].bbox or reference["bbox"],
                            str(reference["raw"]),
                        ),
                    ),
                )


def _mismatch(
    stated: Stated,
    realised: Stated,
    target: Stated,
    lower: bool | None,
    row: Mapping[str, Any],
    **values: Any,
) -> Hit | None:
    """A hit when ``stated`` is not realisation / target × 100 in the direction ``lower``
    (None when it agrees, or when the figures cannot be of one indicator)."""
    outcome = ratio_outcome(stated, realised, target, lower, None, True)
    if outcome.kind != "mismatch" or outcome.expected is None:
        return None
    first, second = (target, realised) if lower else (realised, target)
    value = rounded(outcome.expected.mid)
    return Hit(
        page=stated.page or int(row["page"]),
        bbox=stated.bbox or row["bbox"],
        evidence=row["raw"],
        values={
            "name": row.get("name") or row["key"],
            "stated": stated,
            "numerator": first,
            "denominator": second,
            "expected": value,
            **values,
        },
        stated=stated.raw,
        expected=percent_text(value),
    )


def _main_row(claim: Mapping[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The indicator row a second pair was read from: same indicator, same realisation cell."""
    realised = claim["a"]
    return next(
        (
            r
            for r in rows
            if r["key"] == claim["key"]
            and isinstance(r.get("realisasi"), Stated)
            and r["realisasi"].bbox == realised.bbox
            and r["realisasi"].page == realised.page
        ),
        None,
    )


@check_kind("capaian-renstra")
def capaian_renstra(rule: Rule[NoParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """The capaian against the end-of-Renstra target a table row prints beside its own
    capaian must equal its realisation / that target × 100 (the inverse for a lower-is-better
    indicator).

    Checked only when the row's own capaian follows from its own target and realisation in
    the indicator's direction: a row already wrong on its year's pair (another formula, a
    misread column) says nothing sure of its second pair. Message values: ``name``,
    ``stated``, ``numerator``, ``denominator``, ``expected``.
    """
    rows = fact_records(facts, "indicators")
    for claim in fact_records(facts, "claims", kinds=["renstra"]):
        stated, realised, target = claim["stated"], claim["a"], claim["b"]
        if not all(isinstance(v, Stated) for v in (stated, realised, target)):
            continue
        lower = _lower_is_better(claim, context.settings)
        main = _main_row(claim, rows)
        if main is None or not all(
            isinstance(main.get(c), Stated) for c in ("target", "realisasi", "capaian")
        ):
            continue
        own = ratio_outcome(main["capaian"], realised, main["target"], lower, None, True)
        if own.kind != "ok":
            continue
        hit = _mismatch(stated, realised, target, lower, claim)
        if hit is not None:
            yield hit
