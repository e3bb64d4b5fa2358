"""Run a rule set over a document's facts and turn every hit into a finding."""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lkjip_audit.facts import FactProblem, Facts
from lkjip_audit.findings import Category, Finding, Severity
from lkjip_audit.fingerprint import subject_of
from lkjip_audit.numbers import Stated, format_number
from lkjip_audit.rules.model import Rule, RuleSet
from lkjip_audit.rules.registry import CHECK_KINDS, Hit, RuleContext, load_check_kinds

log = logging.getLogger(__name__)
LANGS = ("id", "en")


def format_value(value: Any, lang: str) -> str:
    """A message value as a reviewer reads it in ``lang``: a Stated as printed.

    A mapping with language keys (``{"id": ..., "en": ...}``) gives the text in ``lang``.
    """
    if isinstance(value, Mapping) and "id" in value:
        return str(value.get(lang) or value["id"])
    if isinstance(value, Stated):
        return value.raw
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return format_number(value, decimals, lang=lang)
    if isinstance(value, float):
        return format_number(Decimal(str(round(value, 2))), 2, lang=lang)
    return str(value)


class _Values(dict):
    """Message values; a field the hit did not give stays visible as ``{name}``."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Fill ``template`` with ``values`` formatted for ``lang``."""
    filled = _Values({k: format_value(v, lang) for k, v in values.items()})
    return string.Formatter().vformat(template, (), filled)


def to_finding(rule: Rule, hit: Hit) -> Finding:
    """The finding a rule makes of one hit, in every language the rule speaks."""
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=hit.severity or rule.severity,
        page=hit.page,
        message={lang: render_message(rule.message[lang], hit.values, lang) for lang in LANGS},
        stated=hit.stated,
        expected=hit.expected,
        evidence=hit.evidence,
        bbox=hit.bbox,
        title=dict(rule.title),
        related=hit.related,
        subject=subject_of(hit.values),
    )


def problem_finding(problem: FactProblem) -> Finding:
    """An ``extraction`` finding for a fact row that failed its schema."""
    return Finding(
        rule="EXT010",
        category=Category.EXTRACTION,
        severity=Severity.INFO,
        page=None,
        message={
            "id": (
                f"Sebagian isi tabel {problem.table} tidak dapat dibaca dengan benar "
                f"(kolom {problem.column}: {problem.value!r}); baris itu tidak diperiksa."
            ),
            "en": (
                f"Part of the {problem.table} table could not be read correctly "
                f"(column {problem.column}: {problem.value!r}); that row was not checked."
            ),
        },
        evidence=problem.value,
    )


def failed_rule_finding(rule: Rule, error: Exception) -> Finding:
    """An ``extraction`` finding for a rule whose check failed on this document's facts.

    An error: what the rule checks was not checked, so ``--fail-on`` must not pass the report
    as if it had been.
    """
    return Finding(
        rule=rule.id,
        category=Category.EXTRACTION,
        severity=Severity.ERROR,
        page=None,
        message={
            "id": f"Aturan {rule.id} tidak dapat dijalankan pada dokumen ini ({error}).",
            "en": f"Rule {rule.id} could not run on this document ({error}).",
        },
        title=dict(rule.title),
    )


def run_rules(ruleset: RuleSet, facts: Facts, context: RuleContext) -> list[Finding]:
    """Every finding of every rule of ``ruleset`` over ``facts``, in rule order.

    A check that fails on unexpected facts becomes an ``extraction`` finding: one rule
    never stops the others. Abstentions are counted in ``context.unverified``.
    """
    load_check_kinds()
    findings = [problem_finding(p) for p in facts.problems]
    for rule in ruleset.rules:
        check = CHECK_KINDS[rule.check]
        try:
            for hit in check.fn(rule, facts, context):
                if hit.unverified is not None:
                    context.unverified[rule.category] += 1
                else:
                    findings.append(to_finding(rule, hit))
        except Exception as error:  # a rule's bug must not stop the audit
            log.exception("rule %s failed", rule.id)
            findings.append(failed_rule_finding(rule, error))
    return findings
