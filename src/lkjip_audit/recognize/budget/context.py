"""The report year as the budget recognizers read it (chapters: :mod:`..chapters`)."""

from __future__ import annotations

import re
from collections import Counter

from lkjip_audit.extract.model import Line

YEAR_IN_TEXT = re.compile(r"\btahun\s+(?:anggaran\s+)?(20\d\d|19\d\d)\b", re.IGNORECASE)


def document_year(lines: list[Line], known: int | None) -> int | None:
    """The report's year: the one given, else the year most named as "Tahun YYYY" early on."""
    if known is not None:
        return known
    years = Counter(
        int(m.group(1)) for line in lines[:300] for m in YEAR_IN_TEXT.finditer(line.text)
    )
    return years.most_common(1)[0][0] if years else None
