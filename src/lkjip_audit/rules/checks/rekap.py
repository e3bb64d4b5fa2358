"""Check kinds over the Ditjen recap: the report against its recap row (``recap-match``,
``recap-satker``) and the recap against itself (``recap-internal``).

``recap-internal`` checks the recap tables of the facts it is given (a recap read alone by
``lkjip-audit rekap``), or the recap attached inside the audited report (``context.rekap``
of kind ``attached``). A recap given with ``--rekap`` is checked once, by the ``rekap``
command, not again with every report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.numbers import agrees
from lkjip_audit.rekap import consistency
from lkjip_audit.rekap.against import (
    MEASURE_LABELS,
    NATIONAL_ENTITY,
    PART_LABELS,
    RECAP_COUNTS,
    RECAP_TABLE,
    RECAP_VALUE,
    REGION_ENTITY,
    RecapRows,
    Statement,
    above_values,
    consensus,
    own_counts,
    own_values,
    places_text,
    recap_rows,
    recap_value,
)
from lkjip_audit.rekap.selfcheck import Contradiction, contradiction, national_value, parts_value
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import NoParams, OneOf, ParamError, Params
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

RECAP_TABLES = ("rekap_ikm_iki", "rekap_ipk", "rekap_national")
MEASURES = ("ikm", "iki", "ipk")
HOW = {
    "missing": {"id": "tidak ditemukan", "en": "was not found"},
    "ambiguous": {"id": "cocok dengan lebih dari satu baris", "en": "matches more than one row"},
}


def row_evidence(row: Mapping[str, Any]) -> str:
    """A recap row as evidence: its printed text, or its file line and cells."""
    line = row.get("line")
    if not isinstance(line, int):
        return str(row["raw"])
    return f"{row.get('sheet') or ''}:{line}: {row['raw']}"


def row_place(row: Mapping[str, Any], source: str = "") -> Place:
    """A recap row as the other side of a finding.

    ``source`` names a recap file apart from the audited document: its page numbers are not
    the document's, so they go into the text and the place itself has no page.
    """
    if not source:
        return Place(row.get("page"), row.get("bbox"), row_evidence(row))
    if isinstance(row.get("line"), int):  # a CSV or XLSX row names its file and line
        return Place(None, None, row_evidence(row))
    page = row.get("page")
    where = Path(source).name + (f" hal./p. {page}" if page is not None else "")
    return Place(None, None, f"{where}: {row_evidence(row)}")


def _recap_hit(issue: consistency.Issue) -> Hit:
    return Hit(
        page=issue.row.get("page"),
        bbox=issue.row.get("bbox"),
        evidence=row_evidence(issue.row),
        values=issue.values,
        stated=issue.stated,
        expected=issue.expected,
        related=tuple(row_place(r) for r in issue.related),
    )


InternalTest = Callable[[Facts, "RecapInternalParams"], Iterable[consistency.Issue]]
INTERNAL_TESTS: dict[str, InternalTest] = {
    "region-sum": lambda rekap, params: consistency.region_sums(rekap),
    "region-mean": lambda rekap, params: consistency.region_means(rekap),
    "ipk-total": lambda rekap, params: consistency.ipk_totals(rekap),
    "national": lambda rekap, params: consistency.national_rows(rekap),
    "note": lambda rekap, params: consistency.note_threshold(rekap, params.threshold),
    "copied-run": lambda rekap, params: consistency.copied_runs(
        rekap, list(params.columns), params.min_run
    ),
}
"""The tests of ``recap-internal`` by name: each gives the recap's issues of one kind."""


def recap_under_check(facts: Facts, context: RuleContext) -> Facts | None:
    """The recap whose internal consistency is checked: the facts' own recap tables, or the
    recap attached inside the audited document."""
    if any(name in facts.tables for name in RECAP_TABLES):
        return facts
    rekap = context.rekap
    if rekap is not None and getattr(rekap, "kind", "") == "attached":
        return rekap
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecapInternalParams(Params):
    """Parameters of ``recap-internal``; a copied run is at least two rows long."""

    test: Annotated[str, OneOf(INTERNAL_TESTS)]
    threshold: Decimal | None = None
    min_run: int = 4
    columns: tuple[str, ...] = ("ikm_n", "iki_n")

    def __post_init__(self) -> None:
        if self.min_run < 2:
            raise ParamError("min_run", f"is {self.min_run}; expected at least 2")


@check_kind("recap-internal", RecapInternalParams)
def recap_internal(
    rule: Rule[RecapInternalParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """The Ditjen recap against itself; ``test`` picks what is checked.

    ``region-sum``: a region row's respondents = Σ its unit rows' respondents.
    ``region-mean``: a region row's value = the respondent-weighted mean of its unit rows
    (interval rule: the rounding of every unit value is carried).
    ``ipk-total``: IPK total respondents = internal + external (+ the total-only Rudenim rows
    of a region); total index = their respondent-weighted mean.
    ``national``: a national row = Σ / weighted mean of all unit rows, or of the region rows
    (it is wrong only when it matches neither).
    ``note``: the "responden kurang memadai" note stands exactly on the rows whose internal or
    external respondents are below ``threshold`` (default: the threshold the recap uses).
    ``copied-run``: ``min_run`` (default 4) or more respondent counts in a row that repeat,
    in order, those of another region, in the ``columns`` given (default ikm_n, iki_n).
    Message values: measure, region, unit, stated, expected and the figures of each test.
    """
    rekap = recap_under_check(facts, context)
    if rekap is None:
        return
    issues = INTERNAL_TESTS[rule.params.test](rekap, rule.params)
    yield from (_recap_hit(issue) for issue in issues)


def _rows_for(context: RuleContext) -> RecapRows | None:
    if context.rekap is None or not context.satker:
        return None
    return recap_rows(context.rekap, context.satker, getattr(context, "kode_satker", None))


def _source(context: RuleContext) -> str:
    kind = getattr(context.rekap, "kind", "")
    return "" if kind == "attached" else str(getattr(context.rekap, "source", "") or "")


@dataclass(frozen=True, slots=True, kw_only=True)
class RecapMatchParams(Params):
    """Parameters of ``recap-match``."""

    measures: tuple[Annotated[str, OneOf(MEASURES)], ...]
    field: Literal["value", "respondents", "above"]


@check_kind("recap-match", RecapMatchParams)
def recap_match(rule: Rule[RecapMatchParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """The report's figures against its row of the Ditjen recap (``context.rekap``).

    ``field``: ``value`` (the realisation the report states most often vs its recap row,
    interval rule), ``respondents`` (respondent counts, exact), or ``above`` (the Kanwil and
    Ditjen figures the report quotes vs the recap's region and national rows).
    ``measures``: any of ikm, iki, ipk. Nothing is checked without a recap or when the satker
    cannot be found in it (``recap-satker`` says so).
    Message values: measure, satker, stated, expected, recap_unit, score, pages, unit, and
    recap_note: empty, or what the recap's own parts give when its cell contradicts them (the
    report then backed by those parts gets a warning blaming the recap, not an error).
    """
    rows = _rows_for(context)
    if rows is None:
        return
    for measure in rule.params.measures:
        field = rule.params.field
        if field == "value":
            yield from _value_hits(rows, facts, measure, context)
        elif field == "respondents":
            yield from _count_hits(rows, facts, measure, context)
        else:
            yield from _above_hits(rows, facts, measure, context)


def _hit(
    statements: list[Statement],
    recap_row: Mapping[str, Any],
    values: dict[str, Any],
    context: RuleContext,
    own: Contradiction | None = None,
) -> Hit:
    """A mismatch; ``own`` is what the recap's own parts give for its cell: when the recap
    contradicts itself the message says so, and the report backed by those parts gets a
    warning that blames the recap instead of an error."""
    first = statements[0]
    note, severity = contradiction(own, values["expected"], values["stated"])
    return Hit(
        page=first.page,
        bbox=first.bbox,
        evidence=first.raw,
        values={
            **values,
            "pages": places_text(statements),
            "times": len(statements),
            "recap_note": note,
        },
        stated=first.value.raw,
        expected=values["expected"].raw,
        related=(row_place(recap_row, _source(context)),),
        severity=severity,
    )


def _base(rows: RecapRows, measure: str, context: RuleContext, row: Mapping[str, Any]) -> dict:
    match = rows.match(measure)
    return {
        "measure": MEASURE_LABELS[measure],
        "satker": context.satker,
        "recap_unit": row["satker"],
        "score": Decimal(str(round(match.score, 1))),
    }


def _disagreeing(tied: list[list[Statement]], agree) -> list[Statement] | None:
    """The statements of the report's figure when no figure tied for most agrees."""
    if not tied or any(agree(group[0].value) for group in tied):
        return None
    return tied[0]


def _value_hits(rows: RecapRows, facts: Facts, measure: str, context: RuleContext) -> Iterator[Hit]:
    row = rows.row(measure)
    expected = recap_value(row, RECAP_VALUE[measure])
    if expected is None:
        return
    tied = consensus(own_values(facts, measure, context.year))
    stated = _disagreeing(tied, lambda value: agrees(value, expected.interval()))
    if stated is None:
        return
    values = {**_base(rows, measure, context, row), "stated": stated[0].value, "expected": expected}
    own = parts_value(rows.rekap, RECAP_TABLE[measure], row, RECAP_VALUE[measure])
    yield _hit(stated, row, values, context, own)


def _count_hits(rows: RecapRows, facts: Facts, measure: str, context: RuleContext) -> Iterator[Hit]:
    row = rows.row(measure)
    for part, column in RECAP_COUNTS[measure].items():
        expected = recap_value(row, column)
        if expected is None:
            continue
        tied = consensus(own_counts(facts, measure, part))
        stated = _disagreeing(tied, lambda value, e=expected: value.value == e.value)
        if stated is None:
            continue
        values = {
            **_base(rows, measure, context, row),
            "part": PART_LABELS[part],
            "stated": stated[0].value,
            "expected": expected,
        }
        yield _hit(stated, row, values, context)


def _above_hits(rows: RecapRows, facts: Facts, measure: str, context: RuleContext) -> Iterator[Hit]:
    for statement in above_values(facts, measure, context.year):
        if NATIONAL_ENTITY.search(statement.entity):
            row, column = rows.national_row(measure), "index"
            own = national_value(rows.rekap, measure)
        elif REGION_ENTITY.search(statement.entity):
            row, column = rows.region_row(measure), RECAP_VALUE[measure]
            own = parts_value(rows.rekap, RECAP_TABLE[measure], row, column) if row else None
        else:
            continue
        expected = recap_value(row, column)
        if expected is None or agrees(statement.value, expected.interval()):
            continue
        values = {
            **_base(rows, measure, context, rows.row(measure) or row),
            "unit": statement.entity,
            "recap_unit": row.get("satker") or row.get("label"),
            "stated": statement.value,
            "expected": expected,
        }
        yield _hit([statement], row, values, context, own)


@check_kind("recap-satker")
def recap_satker(rule: Rule[NoParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """The report's satker cannot be found in the recap, or matches several rows: say so and
    name the closest candidates, instead of guessing.

    Message values: satker, how (missing / ambiguous), candidates, lampiran.
    """
    rows = _rows_for(context)
    if rows is None:
        return
    for lampiran, match in (("I", rows.ikm), ("II", rows.ipk)):
        if (
            match.found
            or rows.rekap.table("rekap_ikm_iki" if lampiran == "I" else "rekap_ipk").empty
        ):
            continue
        candidates = "; ".join(f"{name} ({score:.0f})" for name, score in match.candidates) or "-"
        yield Hit(
            page=None,
            bbox=None,
            evidence=context.satker,
            values={
                "satker": context.satker,
                "how": HOW[match.how],
                "candidates": candidates,
                "lampiran": lampiran,
            },
            stated=context.satker,
            expected=candidates,
        )
