"""Check kinds about the document as a whole: NIP structure, required chapters, the year."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place, Severity
from lkjip_audit.nip import nip_problems
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

MAX_PAGES = 5  # pages named in a message before "…"


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
    excerpt_severity: Literal["error", "warning", "info"] = "info"


@check_kind("required-sections", RequiredSectionsParams)
def required_sections(
    rule: Rule[RequiredSectionsParams], facts: Facts, context: RuleContext
) -> Iterator[Hit]:
    """The chapters in ``sections`` must each be present, in this order.

    Params: ``sections``: a list of ``{keys: [heading keys], name: {id, en}}``; a chapter is
    found by any of its keys after the previous chapter. A chapter found earlier is out of
    order, at the page where it stands. A missing chapter is placed where the Daftar Isi
    lists it, else before the next chapter found (no page when none follows).
    ``excerpt_severity`` (default info) replaces the rule's severity for chapters missing
    past the last one found (a document that visibly ends, e.g. at Bab IV) and, in a
    document that also opens with a chapter on its first page, for those before the first.
    Message values: ``section``, ``problem`` ({id, en}), ``found`` (the chapters found).
    """
    table = facts.table("sections").sort_values("order")
    rows = table.to_dict("records")
    sections = rule.params.sections
    required = {key for section in sections for key in section.keys}
    headings = [h for h in rows if not h["listed"] and h["key"] in required]
    listed = [h for h in rows if h["listed"] and h["key"] in required]
    found = ", ".join(dict.fromkeys(h["title"] for h in headings)) or "-"
    taken: list[dict | None] = []
    position = -1
    for section in sections:
        after = [h for h in headings if h["key"] in section.keys and h["order"] > position]
        taken.append(after[0] if after else None)
        position = after[0]["order"] if after else position
    present = [i for i, heading in enumerate(taken) if heading is not None]
    opens = bool(present) and taken[present[0]]["page"] == 1  # type: ignore[index]
    for index, section in enumerate(sections):
        if taken[index] is not None:
            continue
        earlier = [h for h in headings if h["key"] in section.keys]
        if earlier:
            yield _out_of_order(section, earlier[0], _last_taken(sections, taken, index), found)
            continue
        trailing = not present or index > present[-1]
        excerpt = trailing or (opens and index < present[0] and present[-1] < len(sections) - 1)
        following = next((h for h in taken[index + 1 :] if h is not None), None)
        entry = next((h for h in listed if h["key"] in section.keys), None)
        hit = _missing(section, entry, following, found)
        yield replace(hit, severity=Severity(rule.params.excerpt_severity)) if excerpt else hit


def _last_taken(
    sections: tuple[Chapter, ...], taken: list[dict | None], index: int
) -> tuple[Chapter, dict] | None:
    return next(
        ((sections[i], taken[i]) for i in range(index - 1, -1, -1) if taken[i] is not None), None
    )


def _out_of_order(
    section: Chapter, place: dict, previous: tuple[Chapter, dict] | None, found: str
) -> Hit:
    where_id, where_en = f"ada di halaman {place['page']}", f"stands on page {place['page']}"
    if previous is not None:
        name, page = previous[0].name, previous[1]["page"]
        where_id += f", sebelum {name['id']} (halaman {page})"
        where_en += f", before {name.get('en', name['id'])} (page {page})"
    return Hit(
        page=int(place["page"]),
        bbox=place["bbox"],
        evidence=place["raw"],
        values={
            "section": section.name,
            "problem": {
                "id": f"tidak pada urutannya: {where_id}",
                "en": f"is out of order: it {where_en}",
            },
            "found": found,
        },
        stated=place["title"],
        expected=section.name["id"],
    )


def _missing(section: Chapter, entry: dict | None, following: dict | None, found: str) -> Hit:
    if entry is not None:
        page = entry["page"]
        problem = {
            "id": f"tercantum dalam Daftar Isi (halaman {page}) tetapi tidak ada dalam laporan",
            "en": f"is listed in the table of contents (page {page}) but is not in the report",
        }
        return Hit(
            page=int(page),
            bbox=entry["bbox"],
            evidence=entry["raw"],
            values={"section": section.name, "problem": problem, "found": found},
            stated=entry["title"],
            expected=section.name["id"],
        )
    problem = {"id": "tidak ditemukan", "en": "is missing"}
    if following is not None:
        page, title = following["page"], following["title"]
        problem = {
            "id": f"tidak ditemukan (seharusnya sebelum {title}, halaman {page})",
            "en": f"is missing (it belongs before {title}, page {page})",
        }
    return Hit(
        page=int(following["page"]) if following else None,
        bbox=following["bbox"] if following else None,
        evidence=following["raw"] if following else found,
        values={"section": section.name, "problem": problem, "found": found},
        expected=section.name["id"],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverYearParams(Params):
    """Parameters of ``cover-year``."""

    table: Table
    min_body: int = 3


@check_kind("cover-year", CoverYearParams)
def cover_year(rule: Rule[CoverYearParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """The year on the cover must be the report year the body gives.

    Params: ``table`` (rows with ``place`` cover or body and ``year``); ``min_body``: how
    many times the body must give the report year with the report's title before it
    outweighs the cover (default 3). Message values: ``cover_year``, ``year``, ``page``
    (the cover's) and ``pages`` (where the body gives the report year).
    """
    table = facts.table(rule.params.table)
    body = table[(table["place"] == "body") & (table["year"] == context.year)]
    cover = table[(table["place"] == "cover") & (table["year"] != context.year)]
    if context.year is None or len(body) < rule.params.min_body or cover.empty:
        return
    first = cover.iloc[0]
    pages = sorted(set(body["page"]))
    shown = ", ".join(str(p) for p in pages[:MAX_PAGES]) + (", …" if len(pages) > MAX_PAGES else "")
    yield Hit(
        page=int(first["page"]),
        bbox=first["bbox"],
        evidence=first["raw"],
        values={
            "cover_year": int(first["year"]),
            "year": context.year,
            "page": int(first["page"]),
            "pages": shown,
        },
        stated=str(first["year"]),
        expected=str(context.year),
        related=(Place(int(body.iloc[0]["page"]), body.iloc[0]["bbox"], body.iloc[0]["raw"]),),
    )
