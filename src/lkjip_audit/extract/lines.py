"""Reading-order lines: words grouped per visual row, in x order, joined by single spaces."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from lkjip_audit.extract.model import Line, Word, union_bbox

_CURRENCY = re.compile(r"^Rp\.?$", re.IGNORECASE)
_STARTS_NUMBER = re.compile(r"^\(?\d")
_ENDS_NUMBER = re.compile(r"\d$")
_PERCENT = re.compile(r"^%[.,;:)]?$")
# A wrapped line starts at (or left of) where the line above starts; a word further right
# on the next row is another cell of a table, not the rest of the sentence.
WRAP_TOLERANCE = 6.0


def _middle(word: Word) -> float:
    return (word.bbox[1] + word.bbox[3]) / 2


def group_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into visual rows (a word joins a row when its middle is inside the row's
    running mean top..bottom), rows top to bottom and words left to right."""
    rows: list[list[Word]] = []
    extents: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (_middle(w), w.bbox[0])):
        middle = _middle(word)
        if rows and extents[-1][0] <= middle <= extents[-1][1]:
            row = rows[-1]
            row.append(word)
            n = len(row)
            top, bottom = extents[-1]
            extents[-1] = (top + (word.bbox[1] - top) / n, bottom + (word.bbox[3] - bottom) / n)
        else:
            rows.append([word])
            extents.append((word.bbox[1], word.bbox[3]))
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    return rows


def make_line(page: int, words: list[Word]) -> Line:
    """A line of the given words (in the order given)."""
    text = " ".join(w.text for w in words)
    bbox = union_bbox([w.bbox for w in words])
    assert bbox is not None  # callers never pass an empty row
    return Line(page=page, text=text, bbox=bbox, words=tuple(words))


def _wraps(upper: list[Word], lower: list[Word]) -> bool:
    """Whether ``lower`` is the continuation of the sentence on ``upper``."""
    return lower[0].bbox[0] <= upper[0].bbox[0] + WRAP_TOLERANCE


def join_wrapped_amounts(rows: list[list[Word]]) -> list[list[Word]]:
    """Move the rest of an amount that wrapped onto the next line up to its line, so that it
    is found whole: a number after a line-final "Rp"/"Rp." ("... sebesar Rp." /
    "8.538.182.000,- ...") and a "%" after a line-final number ("... naik 9,9" / "%.")."""
    joined = [list(row) for row in rows]
    for upper, lower in itertools.pairwise(joined):
        if not upper or not lower or not _wraps(upper, lower):
            continue
        amount = _CURRENCY.match(upper[-1].text) and _STARTS_NUMBER.match(lower[0].text)
        percent = _ENDS_NUMBER.search(upper[-1].text) and _PERCENT.match(lower[0].text)
        if amount or percent:
            upper.append(lower.pop(0))
    return [row for row in joined if row]


def build_lines(page: int, words: Iterable[Word]) -> list[Line]:
    """The page's reading-order lines, with wrapped amounts joined."""
    rows = join_wrapped_amounts(group_rows(words))
    return [make_line(page, row) for row in rows]
