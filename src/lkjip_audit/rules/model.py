"""A rule as the YAML declares it, and a loaded rule set."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from lkjip_audit.findings import Category, Severity
from lkjip_audit.rules.params import NoParams, Params
from lkjip_audit.rules.patterns import compile_pattern

P = TypeVar("P", bound=Params)


def _matches(pattern: str, text: str) -> bool:
    return compile_pattern(pattern, ignorecase=True).search(text) is not None


@dataclass(frozen=True, slots=True)
class Rule(Generic[P]):
    """One rule: what it checks (a check kind with parameters) and what it says.

    ``params`` is the check kind's parameter dataclass, resolved when the rule loaded.
    """

    id: str
    category: Category
    severity: Severity
    title: Mapping[str, str]
    message: Mapping[str, str]
    check: str
    params: P = field(default_factory=NoParams)  # type: ignore[assignment]
    why: Mapping[str, str] = field(default_factory=dict)
    example: Mapping[str, str] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force, the profile settings, and where they came from."""

    source: str
    sha256: str
    rules: tuple[Rule, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    applies_to: str | None = None
    """For a profile: a pattern of the satker names (as the cover gives them) it is made for."""
    applies_unless: str | None = None
    """For a profile: a pattern of the satker names it is not for, though ``applies_to`` fits."""
    profiles: tuple[RuleSet, ...] = ()
    """Profiles a document may pick by its satker; this set is the fallback."""

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, if the set has it."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def for_document(self, satker: str | None) -> RuleSet:
        """The rule set for a document of ``satker``: the first profile made for it, else this
        set itself."""
        for profile in self.profiles:
            if not (satker and profile.applies_to and _matches(profile.applies_to, satker)):
                continue
            if not (profile.applies_unless and _matches(profile.applies_unless, satker)):
                return profile
        return self
