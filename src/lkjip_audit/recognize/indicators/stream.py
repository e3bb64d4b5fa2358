"""The placed lines joined into one text, with its numbers and the way back to each line.

Sentences and wrapped names run across lines and pages; reading one text lets a pattern span
them, while every position still leads back to its line, page and box.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import lru_cache

from lkjip_audit.numbers import Stated, find_numbers
from lkjip_audit.recognize.indicators.places import Placed


@dataclass(frozen=True, slots=True)
class Num:
    """A number found in the stream: its span, its value, and whether it reads as a year."""

    start: int
    end: int
    stated: Stated
    is_year: bool


@lru_cache(maxsize=8192)
def numbers_in(text: str) -> tuple[tuple[int, int, Stated], ...]:
    """:func:`find_numbers` of a line, cached: rows and prose read the same lines. The base of
    a rate is left out ("89/100.000 KH": the figure is 89 per 100.000, never 100.000); a
    formula's divisor ("3,78 / 3,13") stays."""
    return tuple(n for n in find_numbers(text) if not _rate_base(text, n[0], n[2]))


def _rate_base(text: str, start: int, stated: Stated) -> bool:
    """The number at ``start`` follows a "/" and is 10, 100, 1000, ...: the base of a rate."""
    digits = str(int(stated.value)) if stated.value == stated.value.to_integral_value() else ""
    power_of_ten = len(digits) >= 2 and digits == "1" + "0" * (len(digits) - 1)
    return power_of_ten and text[:start].rstrip().endswith("/")


def is_year(stated: Stated) -> bool:
    """A bare 4-digit integer 1990..2100 is a year, not a figure."""
    return (
        not stated.is_percent
        and stated.decimals == 0
        and stated.raw.strip().isdigit()
        and 1990 <= stated.value <= 2100
    )


@dataclass(slots=True)
class Stream:
    """The text of many lines joined by spaces, with the way back to each line and box."""

    placed: list[Placed]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    numbers: list[Num] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts, offset = [], 0
        for item in self.placed:
            self.starts.append(offset)
            parts.append(item.line.text)
            for start, end, stated in numbers_in(item.line.text):
                self.numbers.append(Num(start + offset, end + offset, stated, is_year(stated)))
            offset += len(item.line.text) + 1
        self.text = " ".join(parts)

    def figures(self) -> list[Num]:
        """The numbers that are not years."""
        return [n for n in self.numbers if not n.is_year]

    def index(self, pos: int) -> int:
        """The index of the line holding character ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def at(self, pos: int) -> Placed:
        """The placed line holding character ``pos``."""
        return self.placed[self.index(pos)]

    def located(self, num: Num) -> Stated:
        """The number with the page and box of its span."""
        i = self.index(num.start)
        line = self.placed[i].line
        offset = self.starts[i]
        return replace(
            num.stated, page=line.page, bbox=line.span_bbox(num.start - offset, num.end - offset)
        )
