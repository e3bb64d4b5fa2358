"""``--select`` and ``--ignore``: narrow the rules in force, as linters do.

A code is a rule id (``BUD005``), a category (``budget-sum``) or a prefix of rule ids
(``BUD``, ``NIP0``); several may be given, repeated or comma-separated. ``--select`` keeps
only the rules a code names, ``--ignore`` then drops the rules a code names. Profiles are
narrowed alike, and the rule set's digest changes with the selection, so that a cached
result of the full set is never taken for a narrowed one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from lkjip_audit.rules.model import Rule, RuleSet


class SelectionError(ValueError):
    """A code that names no rule of the set."""


def codes(values: Iterable[str] | None) -> list[str]:
    """The codes of repeated and comma-separated option values."""
    return [code.strip() for value in values or () for code in value.split(",") if code.strip()]


def names(code: str, rule: Rule) -> bool:
    """Whether ``code`` names ``rule``: its id, a prefix of its id, or its category."""
    return rule.id.upper().startswith(code.upper()) or rule.category.value == code.lower()


def _narrowed(ruleset: RuleSet, select: Sequence[str], ignore: Sequence[str]) -> RuleSet:
    kept = [
        rule
        for rule in ruleset.rules
        if (not select or any(names(c, rule) for c in select))
        and not any(names(c, rule) for c in ignore)
    ]
    spec = f"{ruleset.sha256}|select={','.join(select)}|ignore={','.join(ignore)}"
    return replace(
        ruleset,
        rules=tuple(kept),
        sha256=hashlib.sha256(spec.encode()).hexdigest(),
        profiles=tuple(_narrowed(p, select, ignore) for p in ruleset.profiles),
    )


def select_rules(ruleset: RuleSet, select: Sequence[str], ignore: Sequence[str]) -> RuleSet:
    """``ruleset`` narrowed to the rules ``select`` names, less those ``ignore`` names;
    :class:`SelectionError` for a code that names no rule at all."""
    if not select and not ignore:
        return ruleset
    every = [rule for s in (ruleset, *ruleset.profiles) for rule in s.rules]
    for code in (*select, *ignore):
        if not any(names(code, rule) for rule in every):
            raise SelectionError(f"{code!r} names no rule id, prefix or category")
    return _narrowed(ruleset, select, ignore)
