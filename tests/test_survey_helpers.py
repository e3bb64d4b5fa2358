"""Helpers for the survey tests: survey grids built from whole answer counts, and a way to run
the survey recognizer and rules over plain text. (No tests here; imported by test_survey_*.)"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd
from support import document_from_pages

from corpus.model import UNSUR_SKM
from lkjip_audit.facts import Facts
from lkjip_audit.facts.survey import ROLES
from lkjip_audit.findings import Finding
from lkjip_audit.numbers import parse_number
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.survey import recognize_survey
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.rules.registry import RuleContext

BOX = (72.0, 100.0, 90.0, 110.0)
SURVEY_CATEGORIES = {"ikm-recompute", "ipk-recompute", "mutu-category"}
# The keys the recognizer gives the eight unsur of the Ditjen form, in the generator's order.
UNSUR = ("informasi", "persyaratan", "prosedur", "waktu", "tarif", "sarana", "respon", "pengaduan")
# The eight unsur as reports print them (the corpus generator's labels).
UNSUR_LABELS = UNSUR_SKM
MONTHS_SHORT = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGT", "SEP", "OKT", "NOV", "DES")


def printed(value: Fraction | Decimal, decimals: int = 2) -> str:
    """``value`` the way a report prints it: half-up, decimal comma."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".replace(".", ",")


@dataclass(frozen=True)
class Survey:
    """A year of SKM answers: respondents per month and the answer-score sum per unsur."""

    respondents: tuple[int, ...]
    sums: tuple[tuple[int, ...], ...]

    @classmethod
    def make(cls, respondents: tuple[int, ...]) -> Survey:
        """A survey whose answers are mostly 4 with a few 3s, different in every month."""
        sums = tuple(
            tuple(4 * n - ((month * 3 + u * 5) % 7) for u in range(8))
            for month, n in enumerate(respondents)
        )
        return cls(respondents, sums)

    def unsur(self, month: int, u: int) -> Fraction:
        return Fraction(self.sums[month][u], self.respondents[month])

    def skm(self, month: int) -> Fraction:
        return Fraction(sum(self.sums[month]), 8 * self.respondents[month])

    def annual(self) -> Fraction:
        return Fraction(sum(map(sum, self.sums)), 8 * sum(self.respondents))

    def annual_unsur(self, u: int) -> Fraction:
        return Fraction(sum(s[u] for s in self.sums), sum(self.respondents))

    def column_rows(self, months: range = range(12)) -> list[str]:
        """The grid with months as columns, as printed lines (header first)."""
        rows = ["Unsur Layanan " + " ".join(MONTHS_SHORT[m] for m in months)]
        for u, label in enumerate(UNSUR_LABELS):
            rows.append(label + " " + " ".join(printed(self.unsur(m, u)) for m in months))
        rows.append("Nilai SKM " + " ".join(printed(self.skm(m)) for m in months))
        rows.append("Responden " + " ".join(str(self.respondents[m]) for m in months))
        return rows

    def annual_rows(self) -> list[str]:
        """The per-unsur annual table."""
        rows = ["Unsur Layanan Nilai"]
        rows += [f"{label} {printed(self.annual_unsur(u))}" for u, label in enumerate(UNSUR_LABELS)]
        rows.append(f"Nilai SKM {printed(self.annual())}")
        rows.append(f"Responden {sum(self.respondents)}")
        return rows


def grid_facts(month: int, cells: list[tuple[str, str]]) -> Facts:
    """An ``skm_values`` table of one month from ``(unsur key or role, printed value)``
    pairs: a role names a period total, anything else an unsur's NRR."""
    rows = []
    for key, raw in cells:
        value = parse_number(raw, page=1, bbox=BOX)
        role, item = (key, "") if key in ROLES else ("nrr", key)
        rows.append(
            {"grid": 0, "period_kind": "bulan", "period": month, "role": role, "item": item}
            | {"label": key, "value": value, "source": "table", "page": 1, "bbox": BOX, "raw": raw}
        )
    facts = Facts()
    facts.add("skm_values", pd.DataFrame(rows))
    assert not facts.problems
    return facts


def key_of(row) -> str:
    """An ``skm_values`` row's unsur key, or its role for a period total."""
    return row.item or row.role


def cells(facts: Facts, grid: int = 0) -> dict[tuple[int, str], str]:
    """(period, unsur key or role) -> raw printed value of the NRR and totals of one grid."""
    values = facts.table("skm_values")
    return {
        (int(r.period), key_of(r)): r.value.raw
        for r in values.itertuples()
        if int(r.grid) == grid and int(r.period) > 0 and r.role not in ("bobot", "tertimbang")
    }


def annual(facts: Facts) -> set[tuple[str, str, str]]:
    """(unsur key or role, source, raw value) of every figure for the whole year."""
    values = facts.table("skm_values")
    return {(key_of(r), r.source, r.value.raw) for r in values.itertuples() if r.period == 0}


def facts_of(pages: list[str], year: int = 2023) -> Facts:
    """The survey facts read from plain-text pages."""
    facts = Facts()
    facts.update(recognize_survey(document_from_pages(pages), DocumentMeta(year=year)))
    return facts


def survey_rules(ruleset: RuleSet) -> RuleSet:
    """The shipped rules of the survey categories only."""
    rules = tuple(r for r in ruleset.rules if r.category in SURVEY_CATEGORIES)
    return RuleSet(ruleset.source, ruleset.sha256, rules, ruleset.settings)


def findings_of(pages: list[str], ruleset: RuleSet, year: int = 2023) -> list[Finding]:
    """The survey findings on plain-text pages."""
    return run_rules(survey_rules(ruleset), facts_of(pages, year), RuleContext(year=year))


def split_seed(seed_text: str) -> list[str]:
    """The seed text cut into the physical pages the seed PDF has."""
    from corpus.seed_pdf import split_pages

    lines = seed_text.split("\n")
    return ["\n".join(lines[start:stop]) for start, stop in split_pages(lines)]
