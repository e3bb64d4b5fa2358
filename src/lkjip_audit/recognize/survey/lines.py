"""Lines as the survey recognizers see them: the label text and the numbers, placed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lkjip_audit.extract.model import Line
from lkjip_audit.numbers import Stated, find_numbers


@dataclass(frozen=True, slots=True)
class Number:
    """A number of a line: where it starts and ends in the text, and its Stated value
    (with page and bbox set)."""

    start: int
    end: int
    stated: Stated

    @property
    def center(self) -> float:
        """Horizontal centre of the printed number (PDF points)."""
        box = self.stated.bbox
        return (box[0] + box[2]) / 2 if box else 0.0


@dataclass(frozen=True, slots=True)
class NumberedLine:
    """A line split into its leading label and its numbers."""

    line: Line
    numbers: tuple[Number, ...]

    @property
    def label(self) -> str:
        """The text before the first number (the whole text when there is none)."""
        end = self.numbers[0].start if self.numbers else len(self.line.text)
        return self.line.text[:end].strip()

    @property
    def tail(self) -> str:
        """The text after the last number."""
        return self.line.text[self.numbers[-1].end :].strip() if self.numbers else ""

    @property
    def words(self) -> int:
        """How many words the line has."""
        return len(self.line.text.split())


def numbered(line: Line) -> NumberedLine:
    """Split ``line`` into label and placed numbers (each Stated carries page and bbox)."""
    numbers = tuple(
        Number(
            start,
            end,
            dataclasses.replace(stated, page=line.page, bbox=line.span_bbox(start, end)),
        )
        for start, end, stated in find_numbers(line.text)
    )
    return NumberedLine(line, numbers)


def is_integer(stated: Stated) -> bool:
    """Whether a value was printed without decimals."""
    return stated.decimals == 0
