"""A finding's stable identity across runs and submissions: its fingerprint.

The fingerprint is made of what a finding is *about*, never of where it was printed or of the
figures: the rule, the satker, the year and the subject (the indicator's name, the budget
line, the person and NIP, the survey period and item, the template marker). A satker that
moves a table to another page, or corrects one figure of an indicator while another stays
wrong, keeps the fingerprint of what is still wrong; a reviewer's acceptance and the history
between submissions hang on it. Text is compared with its whitespace collapsed and folded to
lower case, so that a reflowed line is the same subject.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from lkjip_audit.findings import DocumentResult, Finding

SUBJECT_KEYS = (
    "name",
    "key",
    "label",
    "column",
    "item",
    "period",
    "measure",
    "unit",
    "region",
    "recap_unit",
    "nip",
    "section",
    "text",
)
"""Message values that name what a finding is about (never a figure, a page or a count),
in the order they make up the subject."""
SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` with runs of whitespace as one space, trimmed and case-folded."""
    return SPACE.sub(" ", text).strip().casefold()


def _text(value: Any) -> str:
    if isinstance(value, Mapping):  # a text by language: the Indonesian one is the name
        value = value.get("id", "")
    raw = getattr(value, "raw", value)  # a Stated figure names itself by its printed text
    return normalise(str(raw))


def subject_of(values: Mapping[str, Any]) -> str:
    """The subject of a hit from its message values: ``key=value`` pairs of
    :data:`SUBJECT_KEYS`, normalised; empty when the hit names no subject (a whole-document
    finding such as a missing chapter list)."""
    parts = [f"{key}={_text(values[key])}" for key in SUBJECT_KEYS if key in values]
    return "|".join(part for part in parts if not part.endswith("="))


def fingerprint(rule: str, satker: str | None, year: int | None, subject: str) -> str:
    """The fingerprint: the rule id, a dash and 16 hex digits of the digest of rule, satker,
    year and subject ("BUD005-3f2a9c1d0e4b5a6c"), readable as to which rule it is."""
    key = "\x1f".join((rule, normalise(satker or ""), str(year or ""), subject))
    return f"{rule}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def finding_id(result: DocumentResult, finding: Finding) -> str:
    """The fingerprint of ``finding`` in the document of ``result``."""
    return fingerprint(finding.rule, result.satker, result.year, finding.subject)
