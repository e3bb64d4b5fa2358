"""Check kinds over rows and text: every row, patterns in lines, and unique keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.names import same_person
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import OneOf, ParamError, Params, Table
from lkjip_audit.rules.patterns import PatternError, compile_pattern
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

if TYPE_CHECKING:
    import pandas as pd

MAX_LISTED = 6


def row_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """A fact row's cells as message values (bbox and raw are places, not values)."""
    return {k: v for k, v in row.items() if k != "bbox"}


@dataclass(frozen=True, slots=True, kw_only=True)
class EachRowParams(Params):
    """Parameters of ``each-row``."""

    table: Table
    stated: str | None = None


@check_kind("each-row", EachRowParams)
def each_row(rule: Rule[EachRowParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Every row of the fact table is a finding (e.g. every template placeholder found).

    Params: ``table``; ``stated``: the column shown as the stated text.
    Message values: every column of the row.
    """
    stated = rule.params.stated
    for row in facts.table(rule.params.table).to_dict("records"):
        yield Hit(
            page=row["page"],
            bbox=row["bbox"],
            evidence=row["raw"],
            values=row_values(row),
            stated=str(row[stated]) if stated else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PatternParams(Params):
    """Parameters of ``pattern``; every pattern must be a regular expression RE2 compiles
    (see :mod:`lkjip_audit.rules.patterns`)."""

    patterns: tuple[str, ...]
    ignore: tuple[str, ...] = ()
    flags: Literal["ignorecase"] | None = None

    def __post_init__(self) -> None:
        for key, patterns in (("patterns", self.patterns), ("ignore", self.ignore)):
            for index, pattern in enumerate(patterns):
                try:
                    compile_pattern(pattern, self.flags == "ignorecase")
                except PatternError as err:
                    raise ParamError(
                        f"{key}[{index}]", f"{pattern!r} is not a valid regular expression ({err})"
                    ) from None


@check_kind("pattern", PatternParams)
def pattern(rule: Rule[PatternParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each match of any of ``patterns`` (regular expressions, run by RE2 in linear time) in
    the text lines is a finding.

    Params: ``patterns``; ``ignore``: patterns whose match on the same line cancels it;
    ``flags``: ``ignorecase``. Message values: ``match``, ``page``.
    """
    ignorecase = rule.params.flags == "ignorecase"
    patterns = [compile_pattern(p, ignorecase) for p in rule.params.patterns]
    ignore = [compile_pattern(p, ignorecase) for p in rule.params.ignore]
    for row in facts.table("lines").to_dict("records"):
        text = row["raw"]
        if any(i.search(text) for i in ignore):
            continue
        for compiled in patterns:
            for match in compiled.finditer(text):
                yield Hit(
                    page=row["page"],
                    bbox=row["bbox"],
                    evidence=text,
                    values={"match": match.group(0), "page": row["page"]},
                    stated=match.group(0),
                )


Matcher = Callable[[str, str], bool]
MATCHERS: dict[str, Matcher] = {
    "exact": lambda a, b: a == b,
    "person-name": same_person,
}


def _clusters(values: list[str], matches: Matcher) -> list[list[int]]:
    """Indices of ``values`` grouped so that each group's members match its first member."""
    groups: list[list[int]] = []
    for index, value in enumerate(values):
        for group in groups:
            if matches(values[group[0]], value):
                group.append(index)
                break
        else:
            groups.append([index])
    return groups


def _pages(rows: pd.DataFrame) -> str:
    return ", ".join(str(p) for p in sorted(set(rows["page"])))


MatcherName = Annotated[str, OneOf(MATCHERS)]


@dataclass(frozen=True, slots=True, kw_only=True)
class UniqueParams(Params):
    """Parameters of ``unique``."""

    table: Table
    key: str
    value: str
    key_match: MatcherName = "exact"
    value_match: MatcherName = "exact"


@check_kind("unique", UniqueParams)
def unique(rule: Rule[UniqueParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """One ``key`` must have one ``value`` everywhere (one NIP, one person; one person, one NIP).

    Params: ``table``, ``key``, ``value`` (columns); ``key_match`` and ``value_match``:
    ``exact`` or ``person-name`` (titles, initials and small typos tolerated). Rows with an
    empty key or value are skipped. Message values: ``key``, ``count``, ``values`` (each
    distinct value with its pages).
    """
    key, value = rule.params.key, rule.params.value
    table = facts.table(rule.params.table)
    table = table[(table[key].astype(str).str.strip() != "") & (table[value].astype(str) != "")]
    table = table.reset_index(drop=True)
    key_matches = MATCHERS[rule.params.key_match]
    value_matches = MATCHERS[rule.params.value_match]
    for key_group in _clusters(table[key].astype(str).tolist(), key_matches):
        rows = table.iloc[key_group]
        value_groups = _clusters(rows[value].astype(str).tolist(), value_matches)
        if len(value_groups) < 2:
            continue
        groups = [rows.iloc[g] for g in value_groups]
        listed = [f"{g[value].iloc[0]} (hlm. {_pages(g)})" for g in groups[:MAX_LISTED]]
        second = groups[1].iloc[0]
        yield Hit(
            page=int(second["page"]),
            bbox=second["bbox"],
            evidence=second["raw"],
            values={
                "key": rows[key].iloc[0],
                "count": len(groups),
                "values": {
                    "id": "; ".join(listed),
                    "en": "; ".join(listed).replace("hlm.", "p."),
                },
            },
            stated=str(second[value]),
            expected=str(groups[0][value].iloc[0]),
            related=tuple(
                Place(int(g["page"].iloc[0]), g["bbox"].iloc[0], str(g["raw"].iloc[0]))
                for i, g in enumerate(groups)
                if i != 1
            ),
        )
