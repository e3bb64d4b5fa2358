"""Every statement of a performance indicator: PK rows, capaian tables, narrative sentences.

The document is walked line by line; the chapter headings seen so far decide the *place* of
each statement (``ikhtisar``, ``pk``, ``bab2``, ``bab3-table``, ``bab3-narrative``,
``bab3-comparison``, ``bab4``, ``lampiran-pk``; see :mod:`.indicator_places`). Three sources
give statements:

- tables read by extraction (``doc.tables``): columns are found from their headers
  (:mod:`.indicator_tables`);
- table rows that are only lines of text (a name, then target/realisasi/capaian numbers; a
  wrapped name is taken from the lines above) (:mod:`.indicator_rows`);
- prose: a realisation near the word "target" and its target ("memperoleh hasil sebesar 3,87
  dari target 3,25 atau 100%", "target ... sebesar 3,13 ... capaian sebesar 100%")
  (:mod:`.indicator_prose`).

Indicator names are normalised and matched across places (:mod:`.indicator_names`); a name
that matches nothing keeps its own key.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pandas as pd

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.indicators.context import Context, Statement, find_mentions
from lkjip_audit.recognize.indicators.names import IndicatorNames
from lkjip_audit.recognize.indicators.places import place_lines
from lkjip_audit.recognize.indicators.polarity import LOWER, readings, sasaran_phrases
from lkjip_audit.recognize.indicators.prose import (
    lower_is_better_keys,
    prose_statements,
    realisasi_statements,
)
from lkjip_audit.recognize.indicators.rows import line_rows
from lkjip_audit.recognize.indicators.stream import Stream, is_year
from lkjip_audit.recognize.indicators.tables import table_rows

_CITED_YEAR = re.compile(r"(?:Nomor|No\.?)\s*[\w.:/-]+\s+(?:Tahun|TAHUN)\s+(20\d\d)")


def document_year(doc: DocumentText, meta: DocumentMeta) -> int | None:
    """The report year: the metadata's, or the year named most often with "Tahun".

    Years of cited regulations ("Nomor 29 Tahun 2014") and periods ("Tahun 2020–2024") do
    not count.
    """
    if meta.year:
        return meta.year
    years: Counter[int] = Counter()
    for line in doc.lines()[:600]:
        cited = {m.start(1) for m in _CITED_YEAR.finditer(line.text)}
        for m in re.finditer(r"\b(?:Tahun|TAHUN)\s+(20\d\d)\b(?!\s*[-–—]\s*\d)", line.text):
            if m.start(1) not in cited:
                years[int(m.group(1))] += 1
    return years.most_common(1)[0][0] if years else None


_LAST: list[tuple[DocumentText, DocumentMeta, tuple[Context, list[Statement]]]] = []


def analyse(doc: DocumentText, meta: DocumentMeta) -> tuple[Context, list[Statement]]:
    """Read every indicator statement; returns the context (names, mentions) and statements.

    The ``indicators`` and ``claims`` recognizers both need this reading of the same
    document, so the last one is kept.
    """
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] == meta:
        return _LAST[0][2]
    result = _analyse(doc, meta)
    _LAST[:] = [(doc, meta, result)]
    return result


def _analyse(doc: DocumentText, meta: DocumentMeta) -> tuple[Context, list[Statement]]:
    year = document_year(doc, meta)
    ctx = Context(year=year, names=IndicatorNames(), stream=Stream(place_lines(doc, year)))
    # Rows first, PK before the rest, so that the PK's spelling becomes the key.
    rows = sorted(
        [*line_rows(ctx), *table_rows(ctx, doc)],
        key=lambda s: (s.place not in ("pk", "lampiran-pk"), s.pos),
    )
    ctx.mentions = find_mentions(ctx)
    # Comparison rows need the mention before them; read them again now that names are known.
    rows = [r for r in rows if r.place != "bab3-comparison"]
    rows += [r for r in [*line_rows(ctx), *table_rows(ctx, doc)] if r.place == "bab3-comparison"]
    prose = list(prose_statements(ctx))
    taken = {s.pos for s in prose}
    statements = [plausible(s) for s in rows + prose + list(realisasi_statements(ctx, taken))]
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row]
    headers = [text for table in doc.tables for text in table.header]
    phrases = sasaran_phrases([ctx.stream.text, *headers, *cells])
    _mark_direction(statements, lower_is_better_keys(ctx), phrases)
    return ctx, sorted(statements, key=lambda s: s.pos)


def plausible(statement: Statement) -> Statement:
    """The statement without values that cannot be what it says: a year (2016) is never a
    target or realisation, whatever the sentence around it."""
    if statement.target is not None and is_year(statement.target):
        statement = replace(statement, target=None)
    if statement.realisasi is not None and is_year(statement.realisasi):
        statement = replace(statement, realisasi=None)
    return statement


def _mark_direction(
    statements: list[Statement], said_lower: set[str], phrases: list[tuple[str, frozenset[str]]]
) -> None:
    """An indicator's direction holds in every place: lower when the text says so, else what
    every name it is printed under reads, unless those readings disagree (see
    :mod:`.polarity`)."""
    said_lower = said_lower | {s.key for s in statements if s.lower_is_better}
    found: dict[str, set[str]] = {}
    for statement in statements:
        found.setdefault(statement.key, set()).update(readings(statement.name, phrases))
    for statement in statements:
        directions = {LOWER} if statement.key in said_lower else found[statement.key]
        statement.direction = next(iter(directions)) if len(directions) == 1 else None
        statement.lower_is_better = statement.direction == LOWER


COLUMNS = [
    "name", "key", "place", "year", "target", "realisasi", "capaian", "unit",
    "lower_is_better", "direction", "entity", "reference", "rating", "page", "bbox", "raw",
]  # fmt: skip


@recognizer("indicators")
def recognize_indicators(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``indicators`` fact table: every statement of every indicator."""
    _, statements = analyse(doc, meta)
    rows = [
        replace(s, target=None, capaian=None).row() if s.other_year else s.row()
        for s in statements
        if not s.derived
    ]
    return {"indicators": pd.DataFrame(rows, columns=COLUMNS)}
