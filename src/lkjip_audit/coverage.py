"""What each category of checks had to work on: fact rows counted per category.

A category whose checks found nothing to read must say so ("tidak dapat diperiksa"), never
show a pass; the reports combine these counts with the findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lkjip_audit.facts import Facts
from lkjip_audit.facts.survey import OUTSIDE
from lkjip_audit.findings import Category, Coverage


@dataclass(frozen=True, slots=True)
class _Source:
    """One fact table a category's checks read, and how its rows are counted and named."""

    table: str
    noun: dict[str, str]
    distinct: str | tuple[str, ...] | None = None
    where: tuple[str, str] | None = None
    exclude: tuple[str, object] | None = None
    recap: bool = False
    unread: bool = False
    """Rows of things found but not read: they count as not verified, each with its reason
    (``reason_id``/``reason_en`` and page), never as checked."""


def _source(table: str, noun_id: str, noun_en: str, **how) -> _Source:
    return _Source(table, {"id": noun_id, "en": noun_en}, **how)


_INDICATORS = _source("indicators", "indikator", "indicators", distinct="key")
_BUDGET = _source("budget_lines", "baris anggaran", "budget lines")
_PERSONS = _source("persons", "NIP", "NIPs")
_RECAP = (
    _source("rekap_ikm_iki", "baris rekap IKM/IKI", "IKM/IKI recap rows", recap=True),
    _source("rekap_ipk", "baris rekap IPK", "IPK recap rows", recap=True),
)

SOURCES: dict[Category, tuple[_Source, ...]] = {
    Category.CAPAIAN: (_INDICATORS,),
    Category.TARGET_CONSISTENCY: (_INDICATORS,),
    Category.REALISASI_CONSISTENCY: (_INDICATORS,),
    Category.BUDGET_SUM: (_BUDGET,),
    Category.BUDGET_PERCENTAGE: (_BUDGET,),
    Category.BUDGET_CONSISTENCY: (_BUDGET,),
    Category.IKM_RECOMPUTE: (
        _source(
            "skm_values",
            "periode SKM",
            "SKM periods",
            distinct=("grid", "period_kind", "period"),
            exclude=("grid", OUTSIDE),
        ),
        _source("skm_values", "nilai SKM", "SKM values"),
        _source(
            "skm_unread", "tabel SKM tidak dapat diperiksa", "SKM tables not checked", unread=True
        ),
    ),
    Category.IPK_RECOMPUTE: (
        _source("ipk_parts", "angka IPK", "IPK figures"),
        _source("iki", "angka IKI", "IKI figures"),
    ),
    Category.PERCENTAGE: (_source("claims", "pernyataan angka", "numeric claims"),),
    Category.MUTU_CATEGORY: (
        _source("claims", "kategori mutu", "quality categories", where=("kind", "mutu")),
        _source("skm_categories", "kategori mutu tabel SKM", "SKM table quality categories"),
    ),
    Category.PLACEHOLDER: (_source("lines", "baris teks", "text lines"),),
    Category.DUPLICATE_NIP: (_PERSONS,),
    Category.NIP_FORMAT: (_PERSONS,),
    Category.REKAP_MISMATCH: _RECAP,
    Category.REKAP_INTERNAL: _RECAP,
    Category.STRUCTURE: (_source("sections", "bab/bagian", "chapters/sections"),),
}
"""The fact tables each category's checks run over (``extraction`` has none)."""


def _count(facts: Facts, source: _Source) -> int:
    if source.table not in facts.tables:
        return 0
    frame = facts.tables[source.table]
    if source.where is not None:
        column, value = source.where
        frame = frame[frame[column] == value] if column in frame.columns else frame.iloc[0:0]
    if source.exclude is not None and source.exclude[0] in frame.columns:
        frame = frame[frame[source.exclude[0]] != source.exclude[1]]
    distinct = (source.distinct,) if isinstance(source.distinct, str) else source.distinct
    if distinct and all(c in frame.columns for c in distinct):
        return len(frame.drop_duplicates(subset=list(distinct)))
    return len(frame)


def _reasons(facts: Facts, source: _Source, lang: str) -> str:
    """The reasons an unread source's rows give, with their pages: ``(hal. 12: ...)``."""
    frame = facts.tables.get(source.table)
    if frame is None or frame.empty:
        return ""
    page = {"id": "hal.", "en": "p."}[lang]
    reasons = "; ".join(f"{page} {r['page']}: {r[f'reason_{lang}']}" for _, r in frame.iterrows())
    return f" ({reasons})"


_UNVERIFIED = {"id": "tidak dapat diverifikasi", "en": "could not be verified"}


def coverage_from_facts(
    facts: Facts, rekap: Facts | None = None, unverified: Mapping[Category, int] | None = None
) -> list[Coverage]:
    """One :class:`Coverage` per category: the rows its checks had in ``facts`` (and the recap),
    and the comparisons they abstained from (``unverified``)."""
    result = []
    for category, sources in SOURCES.items():
        usable = [s for s in sources if rekap is not None or not s.recap]
        counted = [(s, n) for s in usable if (n := _count(rekap if s.recap else facts, s))]
        checked = [(s, n) for s, n in counted if not s.unread]
        unread = [(s, n) for s, n in counted if s.unread]
        abstained = (unverified or {}).get(category, 0)
        description = {}
        for lang in ("id", "en"):
            parts = [f"{n} {s.noun[lang]}" for s, n in checked]
            parts += [f"{n} {s.noun[lang]}{_reasons(facts, s, lang)}" for s, n in unread]
            if abstained:
                parts.append(f"{abstained} {_UNVERIFIED[lang]}")
            description[lang] = ", ".join(parts)
        result.append(
            Coverage(
                category,
                sum(n for _, n in checked),
                description,
                abstained + sum(n for _, n in unread),
            )
        )
    return result
