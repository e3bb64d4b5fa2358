"""Identical findings merged: one rule saying the same thing at several places is one
finding that lists its places, so a reviewer reads it once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lkjip_audit.findings import Finding, Place


def _identity(finding: Finding) -> tuple:
    """What makes two findings the same: rule, severity, message, the numbers compared."""
    return (
        finding.rule,
        finding.severity,
        tuple(sorted(finding.message.items())),
        finding.stated,
        finding.expected,
    )


def merge_identical(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with identical ones merged, in the order of their first place; the first
    place stays in ``page``/``bbox``/``evidence``, the others go to ``places``."""
    merged: dict[tuple, Finding] = {}
    for finding in findings:
        key = _identity(finding)
        first = merged.get(key)
        if first is None:
            merged[key] = finding
            continue
        place = Place(finding.page, finding.bbox, finding.evidence or "")
        seen = [Place(first.page, first.bbox, first.evidence or ""), *first.places]
        if place not in seen:
            merged[key] = replace(first, places=(*first.places, place, *finding.places))
    return list(merged.values())


def expand_places(finding: Finding) -> list[Finding]:
    """A merged finding as one finding per place (for scoring place by place)."""
    return [finding] + [
        replace(finding, page=p.page, bbox=p.bbox, evidence=p.text, places=())
        for p in finding.places
    ]


def page_list(finding: Finding) -> str:
    """The pages of every place of a finding: "4, 15, 19" (empty when none is known)."""
    pages = [finding.page, *(p.page for p in finding.places)]
    return ", ".join(str(p) for p in dict.fromkeys(pages) if p is not None)
