"""Template leftovers: bracketed instructions, "(contoh)", "XX", ellipsis runs, lorem ipsum,
Word field errors ("Error! Bookmark not defined.")."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line, union_bbox
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import chapter_lines, table_of_contents

# A bracket pair whose content is a reference ("[1]", "[2, 5]", "[3-4]") is a citation.
CITATION = re.compile(r"^\s*\d+(\s*[-–,;]\s*\d+)*\s*$")
BRACKET = re.compile(r"\[([^\[\]]{0,160})\]")
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("contoh", re.compile(r"\(\s*contoh\s*\)", re.IGNORECASE)),
    ("xx", re.compile(r"(?<![A-Za-z0-9])XX(?:[.,]XX)?\s?%?(?![A-Za-z0-9])")),
    ("lorem", re.compile(r"lorem\s+ipsum", re.IGNORECASE)),
    # A Word field whose target is gone prints its error in the text: "Error! Bookmark not
    # defined.", "Error! Reference source not found.", "Kesalahan! Bookmark tidak ditentukan."
    (
        "field-error",
        re.compile(
            r"\b(?:Error|Kesalahan)!\s*[^.!\n]{3,60}?\b(?:not\s+defined|not\s+found|not\s+valid"
            r"|tidak\s+ditentukan|tidak\s+ditemukan|tidak\s+didefinisikan|tidak\s+valid)\.?",
            re.IGNORECASE,
        ),
    ),
    # Two or more ellipsis characters, or a dotted run that is not a table-of-contents leader
    # (a leader ends in a page number).
    (
        "ellipsis",
        re.compile(r"…{2,}|…\s*\.{2,}|\.{2,}\s*…|\.{6,}(?!\.*\s*(?:[0-9]+|[ivxlcdm]+)\s*$)"),
    ),
)
# A bracket left open at the end of a line may close on one of the next lines.
MAX_CONTINUATION_LINES = 2


@dataclass(frozen=True, slots=True)
class PlaceholderHit:
    """One leftover: its text, its kind, and where it is."""

    text: str
    kind: str
    page: int
    bbox: BBox
    raw: str


def _bracket_hits(lines: list[Line], index: int) -> Iterator[PlaceholderHit]:
    line = lines[index]
    for match in BRACKET.finditer(line.text):
        if not CITATION.match(match.group(1)):
            yield PlaceholderHit(
                match.group(0), "bracket", line.page, line.span_bbox(*match.span()), line.text
            )
    opened = line.text.rfind("[")
    if opened > line.text.rfind("]"):
        continued = [line]
        for follower in lines[index + 1 : index + 1 + MAX_CONTINUATION_LINES]:
            if follower.page != line.page:
                break
            continued.append(follower)
            closed = follower.text.find("]")
            if closed >= 0:
                if "[" in follower.text[:closed]:
                    break
                text = " ".join([line.text[opened:], *(f.text for f in continued[1:-1])])
                text = f"{text} {follower.text[: closed + 1]}"
                boxes = [line.span_bbox(opened, len(line.text))]
                boxes += [f.bbox for f in continued[1:-1]]
                boxes.append(follower.span_bbox(0, closed + 1))
                raw = " ".join(f.text for f in continued)
                yield PlaceholderHit(text, "bracket", line.page, union_bbox(boxes), raw)
                break


def find_placeholders(
    lines: list[Line], contents: Collection[int] = frozenset()
) -> list[PlaceholderHit]:
    """Every template leftover in ``lines``, one per occurrence, in reading order.

    ``contents`` holds the ``id`` of the lines of a table of contents, whose dot leaders
    (with or without their page number) are no leftovers.
    """
    hits: list[PlaceholderHit] = []
    for index, line in enumerate(lines):
        bracket_hits = list(_bracket_hits(lines, index))
        hits.extend(bracket_hits)
        for kind, pattern in PATTERNS:
            if kind == "ellipsis" and id(line) in contents:
                continue
            for match in pattern.finditer(line.text):
                inside_bracket = any(
                    h.page == line.page and match.group(0) in h.text for h in bracket_hits
                )
                if not inside_bracket:
                    hits.append(
                        PlaceholderHit(
                            match.group(0).strip(),
                            kind,
                            line.page,
                            line.span_bbox(*match.span()),
                            line.text,
                        )
                    )
    return hits


@recognizer("placeholders")
def recognize_placeholders(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``placeholders`` fact table."""
    rows = [
        {"text": h.text, "kind": h.kind, "page": h.page, "bbox": h.bbox, "raw": h.raw}
        for h in find_placeholders(doc.lines(), table_of_contents(chapter_lines(doc)))
    ]
    return {"placeholders": pd.DataFrame(rows, columns=["text", "kind", "page", "bbox", "raw"])}
