"""Text left from last year's report outside headings: the ``stale_sentences`` and
``stale_tables`` fact tables.

Real reports name last year all the time (comparisons, tables with both years), so only two
shapes count as sure leftovers:

- a sentence that says what the report itself accounts for ("LKIP ... sebagai bentuk
  pertanggungjawaban atas penggunaan anggaran DPA TA 2015") with last year as the only year;
- a table repeated from one template (the same caption sentence, the same column header),
  printed at least twice with the report year and once with last year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line, Word, union_bbox
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import chapter_lines, table_of_contents

_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(])|[.!?]\s*$")
# The report naming itself, and saying what it accounts for.
_REPORT = re.compile(
    r"\b(?:LKj?IP|LAKIP|LAKIN|laporan\s+(?:akuntabilitas\s+)?kinerja|laporan\s+ini)\b", re.I
)
_ACCOUNTS = re.compile(r"\bpertanggung\s*-?\s*jawaban\b", re.I)
# The period a sentence names: "tahun 2015", "anggaran DPA TA 2015", "tahun anggaran 2015".
_PERIOD = re.compile(
    r"(?:anggaran\s+(?:DPA|DIPA|APBD|APBN)\s+)?(?:T\.?A\.?|tahun(?:\s+anggaran)?)\s+"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# Words that make last year a comparison or a span, not the report's own period.
_COMPARES = re.compile(
    r"dibanding|sebelum|\blalu\b|sampai|hingga|\bs\.?\s*d\b|sejak|periode|renstra|rpjmd?|"
    r"evaluasi|\bnilai\b|predikat|(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d",
    re.I,
)
_MAX_SENTENCE = 600
# A caption's formula: the words either side of its year.
_FORMULA_WORDS = 3
# Lines above a table header where its caption stands.
_CAPTION_LINES = 6
# How far above a header's year its label may stand (points).
_LABEL_GAP = 30.0
_LABEL = re.compile(r"^[A-Za-z]{4,}$")
_CLAUSE_END = re.compile(r"[.!?:;](?!\d)")


@dataclass(frozen=True, slots=True)
class StaleSentence:
    """A sentence about the report's own period naming only last year."""

    text: str
    sentence: str
    stale_year: int
    year: int
    page: int
    bbox: BBox
    raw: str


@dataclass(frozen=True, slots=True)
class StaleTable:
    """A table header naming last year where the same table elsewhere names the report year."""

    text: str
    caption: str
    stale_year: int
    year: int
    count: int
    pages: str
    page: int
    bbox: BBox
    raw: str


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


class _Stream:
    """Lines joined by spaces, with the way back from a character to its line."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.starts: list[int] = []
        offset = 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line.text) + 1
        self.text = " ".join(line.text for line in lines)

    def line_at(self, pos: int) -> Line:
        index = max(i for i, start in enumerate(self.starts) if start <= pos)
        return self.lines[index]

    def sentences(self) -> Iterator[tuple[int, int]]:
        start = 0
        for match in _SENTENCE_END.finditer(self.text):
            yield start, match.end()
            start = match.end()
        yield start, len(self.text)


def find_stale_sentences(
    lines: list[Line], year: int | None, contents: Collection[int] = frozenset()
) -> Iterator[StaleSentence]:
    """Each sentence in which the report says what it accounts for with ``year - 1`` as its
    only year ("LKIP ... pertanggungjawaban atas penggunaan anggaran DPA TA 2015").

    ``contents`` holds the ``id`` of the table-of-contents lines, which are left out.
    """
    if year is None:
        return
    stream = _Stream([line for line in lines if id(line) not in contents])
    text = stream.text
    named = Counter(int(y) for y in _YEAR.findall(text))
    if named[year] <= named[year - 1]:
        return  # the body does not bear the report year out: the year read may be wrong
    for start, end in stream.sentences():
        sentence = text[start:end]
        if (
            len(sentence) > _MAX_SENTENCE
            or _years(sentence) != {year - 1}
            or not _REPORT.search(sentence)
            or not _ACCOUNTS.search(sentence)
            or _COMPARES.search(sentence)
        ):
            continue
        periods = [m for m in _PERIOD.finditer(sentence) if int(m["y"]) == year - 1]
        if not periods:
            continue
        first = stream.line_at(start + periods[0].start())
        yield StaleSentence(
            text=" ... ".join(m.group(0) for m in periods),
            sentence=" ".join(sentence.split()),
            stale_year=year - 1,
            year=year,
            page=first.page,
            bbox=first.span_bbox(0, len(first.text)),
            raw=first.text,
        )


@dataclass(frozen=True, slots=True)
class _Header:
    """One column header printed as a label over a year ("REALISASI" over "2021")."""

    label: str
    year: int
    index: int
    bbox: BBox

    @property
    def text(self) -> str:
        return f"{self.label} {self.year}"


def _headers(lines: list[Line]) -> Iterator[_Header]:
    """Column headers whose line names one year only, the label standing right above it."""
    for index, line in enumerate(lines):
        years = [w for w in line.words if _YEAR.fullmatch(w.text)]
        if len(years) != 1 or len(_years(line.text)) != 1:
            continue
        word = years[0]
        label = _label_above(lines, index, word)
        if label is not None:
            yield _Header(
                label.text.upper(), int(word.text), index, union_bbox([label.bbox, word.bbox])
            )


def _label_above(lines: list[Line], index: int, year: Word) -> Word | None:
    x0, top, x1, _ = year.bbox
    for line in reversed(lines[max(0, index - 3) : index]):
        if line.page != lines[index].page or top - line.bbox[3] > _LABEL_GAP:
            return None
        for word in line.words:
            if _LABEL.match(word.text) and word.bbox[0] < x1 and word.bbox[2] > x0:
                return word
    return None


def _formula(text: str, match: re.Match[str]) -> str:
    """The words either side of a year, the year left out: the caption's template."""
    before = text[: match.start()].split()[-_FORMULA_WORDS:]
    after = text[match.end() :].split()[:_FORMULA_WORDS]
    words = [re.sub(r"\W+", "", w.lower()) for w in (*before, "#", *after)]
    return " ".join(w for w in words if w)


def _caption(lines: list[Line], header: _Header) -> tuple[str, int, str] | None:
    """The caption sentence above ``header``: its formula, its year and its text."""
    page = lines[header.index].page
    above = [
        line
        for line in lines[max(0, header.index - _CAPTION_LINES) : header.index]
        if line.page == page
    ]
    text = " ".join(line.text for line in above)
    for match in reversed(list(_YEAR.finditer(text))):
        formula = _formula(text, match)
        if len(formula.split()) >= 2 * _FORMULA_WORDS:
            return formula, int(match.group(1)), _clause(text, match)
    return None


def _clause(text: str, match: re.Match[str]) -> str:
    """The caption's own words around its year: from the punctuation before to the one after."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0)
    end = _CLAUSE_END.search(text, match.end())
    return " ".join(text[start : end.start() if end else len(text)].split())


def find_stale_tables(lines: list[Line], year: int | None) -> Iterator[StaleTable]:
    """Each table header naming ``year - 1`` under a caption naming ``year - 1``, where the
    same caption and header are printed with ``year`` at least twice and with last year only
    this once."""
    if year is None:
        return
    headers = list(_headers(lines))
    captions = {id(h): _caption(lines, h) for h in headers}
    seen = Counter(
        (h.label, h.year, c[0], c[1]) for h in headers if (c := captions[id(h)]) and c[1] == h.year
    )
    for header in headers:
        caption = captions[id(header)]
        if header.year != year - 1 or caption is None or caption[1] != year - 1:
            continue
        formula = caption[0]
        same = [
            h
            for h in headers
            if h.label == header.label
            and h.year == year
            and (c := captions[id(h)])
            and c[:2] == (formula, year)
        ]
        if len(same) < 2 or seen[(header.label, year - 1, formula, year - 1)] != 1:
            continue
        line = lines[header.index]
        yield StaleTable(
            text=header.text,
            caption=caption[2],
            stale_year=year - 1,
            year=year,
            count=len(same),
            pages=", ".join(str(p) for p in sorted({lines[h.index].page for h in same})),
            page=line.page,
            bbox=header.bbox,
            raw=line.text,
        )


SENTENCE_COLUMNS = ["text", "sentence", "stale_year", "year", "page", "bbox", "raw"]
TABLE_COLUMNS = [
    "text", "caption", "stale_year", "year", "count", "pages", "page", "bbox", "raw",
]  # fmt: skip


@recognizer("stale_periods")
def recognize_stale_periods(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``stale_sentences`` and ``stale_tables`` fact tables."""
    lines = doc.lines()
    contents = table_of_contents(chapter_lines(doc))
    sentences = [
        {c: getattr(hit, c) for c in SENTENCE_COLUMNS}
        for hit in find_stale_sentences(lines, meta.year, contents)
    ]
    tables = [
        {c: getattr(hit, c) for c in TABLE_COLUMNS} for hit in find_stale_tables(lines, meta.year)
    ]
    return {
        "stale_sentences": pd.DataFrame(sentences, columns=SENTENCE_COLUMNS),
        "stale_tables": pd.DataFrame(tables, columns=TABLE_COLUMNS),
    }
