"""Amounts mistyped beyond reading: a thousands group of four digits ("9.871.1466.000").

Such an amount cannot be compared with anything: the check only says it is malformed, on
a budget line (the line or one above it on its page speaks of Rupiah, anggaran, pagu,
realisasi or belanja: a table's header may be far above its last rows), so that a code or
a phone number is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.recognize import DocumentMeta, recognizer

# Dot-grouped digits with exactly one group of four among groups of three.
MALFORMED = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3})*\.\d{4}(?:\.\d{3})+(?:,\d{1,2})?(?:,-)?(?![\d.])"
)
_BUDGET_WORDS = re.compile(r"\bRp\b|anggaran|pagu|realisasi|belanja|\bdana\b", re.I)


@dataclass(frozen=True, slots=True)
class MalformedAmount:
    """An amount whose digit groups cannot be read."""

    text: str
    page: int
    bbox: BBox
    raw: str


def find_malformed(lines: list[Line]) -> Iterator[MalformedAmount]:
    """Each malformed amount on a budget line of ``lines``."""
    for index, line in enumerate(lines):
        for match in MALFORMED.finditer(line.text):
            above = (other for other in reversed(lines[: index + 1]) if other.page == line.page)
            if any(_BUDGET_WORDS.search(other.text) for other in above):
                yield MalformedAmount(
                    match.group(), line.page, line.span_bbox(*match.span()), line.text
                )


COLUMNS = ["text", "page", "bbox", "raw"]


@recognizer("malformed_amounts")
def recognize_malformed(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``malformed_amounts`` fact table."""
    rows = [{c: getattr(hit, c) for c in COLUMNS} for hit in find_malformed(doc.lines())]
    return {"malformed_amounts": pd.DataFrame(rows, columns=COLUMNS)}
