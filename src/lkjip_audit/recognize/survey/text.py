"""Running text for the survey recognizers: sentences that wrap over lines, with places.

A sentence in a report wraps over several lines (and sometimes pages). The lines are joined
with single spaces into one text; a position in that text maps back to its line, so a number
found in a sentence keeps the page and box of the line it is printed on.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lkjip_audit.extract.model import Line
from lkjip_audit.numbers import Stated, find_numbers
from lkjip_audit.recognize.survey.terms import industry_ikm, survey_ikm

_SENTENCE_END = re.compile(r"(?<=[^\s.][.!?])\s+(?=[A-Z\[])")

_TOPICS = {
    "ikm": re.compile(r"\b(SKM|IKM|Kepuasan\s+Masyarakat)\b", re.I),
    "ipk": re.compile(r"\b(IPK|Pengamanan\s+Keimigrasian)\b", re.I),
    "iki": re.compile(r"\b(IKI|Kepuasan\s+Internal|Integritas\s+Internal|IIO)\b", re.I),
}


@dataclass(frozen=True, slots=True)
class PlacedNumber:
    """A number found in running text, with its line (for evidence) and its Stated value."""

    stated: Stated
    line: Line
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the running text, and the survey topic it (or the text before) is about."""

    text: str
    start: int
    topic: str | None


class Passage:
    """The document's lines joined into one text, with positions mapped back to lines."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        self.starts: list[int] = []
        self._index = {id(line): i for i, line in enumerate(self.lines)}
        parts: list[str] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            parts.append(line.text)
            offset += len(line.text) + 1
        self.text = " ".join(parts)
        self.industry_ikm = industry_ikm(self.text)

    def line_at(self, position: int) -> tuple[Line, int]:
        """The line holding text position ``position``, and the offset within that line."""
        index = max(0, bisect.bisect_right(self.starts, position) - 1)
        return self.lines[index], position - self.starts[index]

    def line_index(self, position: int) -> int:
        """Index (in :attr:`lines`) of the line holding ``position``."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def index_of(self, line: Line) -> int:
        """Index (in :attr:`lines`) of ``line``, which must be one of the passage's lines."""
        return self._index[id(line)]

    def numbers(self, start: int, end: int) -> list[PlacedNumber]:
        """The numbers printed in ``text[start:end]``, each placed on its own line."""
        found = []
        for s, e, stated in find_numbers(self.text[start:end]):
            line, local = self.line_at(start + s)
            local_end = local + (e - s)
            if local_end > len(line.text):
                continue  # a number cannot wrap over a line break
            placed = dataclasses.replace(
                stated, page=line.page, bbox=line.span_bbox(local, local_end)
            )
            found.append(PlacedNumber(placed, line, start + s, start + e))
        return found

    def about_survey(self, text: str) -> bool:
        """Whether an "IKM" in ``text`` of this passage is the satisfaction index."""
        return survey_ikm(text, self.industry_ikm)

    def sentences(self) -> Iterator[Sentence]:
        """Sentences in reading order, each with the topic it or the latest one named."""
        topic: str | None = None
        position = 0
        for piece in _SENTENCE_END.split(self.text):
            start = self.text.find(piece, position)
            position = start + len(piece)
            named = [
                name
                for name, pattern in _TOPICS.items()
                if pattern.search(piece) and (name != "ikm" or self.about_survey(piece))
            ]
            if named:
                # a sentence naming two indices (a comparison, a list) leaves no topic
                topic = named[0] if len(named) == 1 else None
            yield Sentence(piece, start, topic)


def number_after(passage: Passage, position: int, limit: int = 24) -> PlacedNumber | None:
    """The number printed right after ``position`` (only spaces, brackets, ``:`` or ``=``
    between), or None."""
    for number in passage.numbers(position, min(len(passage.text), position + limit)):
        between = passage.text[position : number.start]
        return number if re.fullmatch(r"[\s\[(:=]*", between) else None
    return None


def names_other_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year other than the report's (a comparison, a target)."""
    if year is None:
        return False
    return any(int(y) != year for y in re.findall(r"\b(20\d\d)\b", text))
