"""Check kinds about the document as a whole: NIP structure and required chapters."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.nip import nip_problems
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind


@dataclass(frozen=True, slots=True, kw_only=True)
class NipValidParams(Params):
    """Parameters of ``nip-valid``."""

    table: Table
    column: str
    min_age: int = 18


@check_kind("nip-valid", NipValidParams)
def nip_valid(rule: Rule[NipValidParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each distinct NIP in ``column`` that cannot be valid is one finding at its first place.

    Params: ``table``, ``column``; ``min_age`` at appointment (default 18). The report
    year bounds birth and appointment dates. Message values: ``nip``, ``name``,
    ``problems`` (in the message's language), ``pages``.
    """
    table = facts.table(rule.params.table)
    for nip, rows in table.groupby(rule.params.column, sort=False):
        problems = nip_problems(str(nip), context.year, rule.params.min_age)
        if not problems:
            continue
        first = rows.iloc[0]
        yield Hit(
            page=int(first["page"]),
            bbox=first["bbox"],
            evidence=first["raw"],
            values={
                "nip": first.get("nip_raw", nip),
                "name": first.get("name", ""),
                "problems": {
                    "id": "; ".join(p.id for p in problems),
                    "en": "; ".join(p.en for p in problems),
                },
                "pages": ", ".join(str(p) for p in sorted(set(rows["page"]))),
            },
            stated=str(nip),
            related=tuple(
                Place(int(r["page"]), r["bbox"], r["raw"]) for _, r in rows.iloc[1:].iterrows()
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Chapter:
    """One required chapter: the heading keys that find it and its name ({id, en})."""

    keys: tuple[str, ...]
    name: Mapping[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class RequiredSectionsParams(Params):
    """Parameters of ``required-sections``."""

    sections: tuple[Chapter, ...]


@check_kind("required-sections", RequiredSectionsParams)
def required_sections(
    rule: Rule[RequiredSectionsParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """The chapters in ``sections`` must each be present, in this order.

    Params: ``sections``: a list of ``{keys: [heading keys], name: {id, en}}``; a chapter is
    found by any of its keys after the previous chapter. Message values: ``section``,
    ``problem`` ({id, en}), ``found`` (the chapters found in order).
    """
    table = facts.table("sections").sort_values("order")
    headings = table.to_dict("records")
    found = ", ".join(dict.fromkeys(h["title"] for h in headings)) or "-"
    position = -1
    for section in rule.params.sections:
        keys = set(section.keys)
        after = [h for h in headings if h["key"] in keys and h["order"] > position]
        if after:
            position = after[0]["order"]
            continue
        before = [h for h in headings if h["key"] in keys]
        problem = (
            {"id": "tidak pada urutannya", "en": "is out of order"}
            if before
            else {"id": "tidak ditemukan", "en": "is missing"}
        )
        place = before[0] if before else None
        yield Hit(
            page=int(place["page"]) if place else None,
            bbox=place["bbox"] if place else None,
            evidence=place["raw"] if place else found,
            values={"section": section.name, "problem": problem, "found": found},
            stated=place["title"] if place else None,
            expected=section.name["id"],
        )
