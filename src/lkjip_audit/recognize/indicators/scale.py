"""The report's own scale for rating a capaian: "80 s/d 100 % = Sangat Baik (SB)".

Regional reports print the scale they rate each indicator's capaian with, one band per line,
in many notations: "≥ 100 % Sangat Baik", "> 80 - < 100 % Baik", "60 s/d 79 % = Baik (B)",
"< 55 % Kurang". A block of three or more such lines with distinct, ordered bands is the
scale. A document with two different capaian scales has none that can be trusted, and the
rating check then abstains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line
from lkjip_audit.numbers import parse_number
from lkjip_audit.recognize import DocumentMeta, recognizer

# Rating words, longest first so that "Sangat Baik" is not read as "Baik".
RATINGS = (
    "sangat memuaskan", "sangat baik", "sangat tinggi", "sangat kurang", "sangat rendah",
    "kurang baik", "tidak baik", "memuaskan", "baik", "tinggi", "cukup", "sedang", "kurang",
    "rendah", "buruk",
)  # fmt: skip
_NUMBER = r"\d{1,3}(?:[.,]\d{1,2})?"
_RATING = "|".join(r"\s+".join(w.split()) for w in RATINGS)
# One band: a range, then "=" or ":" maybe, a rating word, an abbreviation maybe.
_BAND = re.compile(
    rf"^\s*(?:[a-e][.)]\s*)?"
    rf"(?P<range>(?:[<>≤≥]=?\s*)?{_NUMBER}\s*%?\s*"
    rf"(?:(?:s/d|s\.d\.?|sampai(?:\s+dengan)?|-|–|—)\s*(?:[<>≤≥]=?\s*)?{_NUMBER}\s*%?)?)"
    rf"\s*[=:]?\s*(?P<name>{_RATING})\b\s*(?:\((?P<abbr>[A-Z]{{1,3}})\))?\s*[.;,]?\s*$",
    re.I,
)
_BOUND = re.compile(rf"([<>≤≥]=?)?\s*({_NUMBER})")
_RATING_WORD = re.compile(rf"\b(?:{_RATING})\b", re.I)
# Lines between two bands of one scale (a wrapped note) and bands a scale needs.
_MAX_GAP = 2
_MIN_BANDS = 3
# The lines above a scale say what it rates: a survey's interval table is not a capaian scale.
_CONTEXT_LINES = 6
_CAPAIAN_CONTEXT = re.compile(r"capai|kinerja|penilaian|kategori", re.I)
_SURVEY_CONTEXT = re.compile(r"\b(?:ikm|skm|ipk)\b|kepuasan|survei|konversi|mutu\s+pelayanan", re.I)


@dataclass(frozen=True, slots=True)
class Band:
    """A band of the scale: capaian from ``lo`` to ``hi`` (None: open) is ``name``."""

    lo: Decimal | None
    hi: Decimal | None
    name: str
    abbr: str | None
    page: int
    bbox: BBox
    raw: str


def _bounds(text: str) -> tuple[Decimal | None, Decimal | None]:
    """The (lower, upper) bounds of a range: "< 55 %" has no lower one, "≥ 100 %" no upper."""
    found = []
    for sign, number in _BOUND.findall(text):
        stated = parse_number(number)
        if stated is not None:
            found.append((sign, stated.value))
    if len(found) >= 2:
        return found[0][1], found[1][1]
    sign, value = found[0]
    return (None, value) if sign.startswith(("<", "≤")) else (value, None)


def band_of(line: Line) -> Band | None:
    """The band a legend line states, or None."""
    match = _BAND.match(line.text)
    if match is None:
        return None
    lo, hi = _bounds(match.group("range"))
    name = " ".join(match.group("name").lower().split())
    return Band(lo, hi, name, match.group("abbr"), line.page, line.bbox, line.text.strip())


def _looks_like_band(line: Line) -> bool:
    """A short line opening with a figure and naming a rating that :func:`band_of` could not
    read ("80 > 100 Baik")."""
    text = line.text
    return (
        len(text.split()) <= 8
        and bool(re.match(r"^\s*(?:[a-e][.)]\s*)?[<>≤≥]?=?\s*\d", text))
        and bool(_RATING_WORD.search(text))
    )


def _valid(bands: list[Band]) -> bool:
    """Distinct names, one open bottom and top at most, bounds rising without overlap."""
    if len({b.name for b in bands}) != len(bands):
        return False
    if sum(b.lo is None for b in bands) > 1 or sum(b.hi is None for b in bands) > 1:
        return False
    ordered = sorted(bands, key=lambda b: (b.lo is not None, b.lo or 0))
    edges = [(b.lo, b.hi) for b in ordered]
    for (lo, hi), (next_lo, _) in pairwise(edges):
        if (
            next_lo is None
            or (lo is not None and next_lo <= lo)
            or (hi is not None and hi > next_lo)
        ):
            return False
    return True


def _rates_capaian(bands: list[Band], above: list[Line]) -> bool:
    """Whether a block of bands is a capaian scale: in percent, or introduced as one."""
    context = " ".join(line.text for line in above)
    if _SURVEY_CONTEXT.search(context):
        return False
    return any("%" in b.raw for b in bands) or bool(_CAPAIAN_CONTEXT.search(context))


def _blocks(lines: list[Line]) -> list[list[Band]]:
    """Runs of band lines (a short note may sit between two), each with what is above it."""
    blocks: list[tuple[int, list[Band]]] = []
    current: list[Band] = []
    start = gap = 0
    broken = False
    for i, line in enumerate(lines):
        band = band_of(line)
        if band is not None:
            start = i if not current else start
            current.append(band)
            gap = 0
            continue
        gap += 1
        # A band line that cannot be read leaves a hole in the scale: the block is unusable.
        broken = broken or (bool(current) and gap <= _MAX_GAP and _looks_like_band(line))
        if gap > _MAX_GAP and current:
            if not broken:
                blocks.append((start, current))
            current, broken = [], False
    if current and not broken:
        blocks.append((start, current))
    return [
        bands
        for start, bands in blocks
        if len(bands) >= _MIN_BANDS
        and _valid(bands)
        and _rates_capaian(bands, lines[max(0, start - _CONTEXT_LINES) : start])
    ]


def read_scale(lines: list[Line]) -> list[Band]:
    """The capaian scale, bands from the lowest up; empty when its ``lines`` print
    none or two that differ."""
    found: dict[tuple, list[Band]] = {}
    for block in _blocks(lines):
        ordered = sorted(block, key=lambda b: (b.lo is not None, b.lo or 0))
        found.setdefault(tuple((b.lo, b.name) for b in ordered), ordered)
    return next(iter(found.values())) if len(found) == 1 else []


COLUMNS = ["lo", "hi", "name", "abbr", "page", "bbox", "raw"]


@recognizer("rating_scale")
def recognize_rating_scale(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``rating_scale`` fact table: the bands of the report's own capaian scale."""
    rows = [
        {column: getattr(band, column) for column in COLUMNS} for band in read_scale(doc.lines())
    ]
    return {"rating_scale": pd.DataFrame(rows, columns=COLUMNS)}
