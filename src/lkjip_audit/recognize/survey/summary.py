"""Annual survey figures as printed: the per-unsur table, the narrative and formula lines.

The annual table is a run of ``<unsur> <value>`` lines (``Informasi 3,95`` ...,
``Nilai SKM 3,96``, ``Responden 374``). The narrative states the annual value in a sentence
about the SKM/IKM of the report's own year (``diperoleh hasil nilai SKM selama tahun 2023
sebesar 3,96``), never about a target, another year, the Kanwil or the Ditjen. A formula
line (``= 3,18``) is a calculation result printed after the monthly grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_audit.extract.model import Line
from lkjip_audit.facts.survey import RESPONDEN, SKM, UNSUR
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.survey.grid import Grid
from lkjip_audit.recognize.survey.lines import NumberedLine, is_integer
from lkjip_audit.recognize.survey.terms import label_score, months_in
from lkjip_audit.recognize.survey.text import (
    Passage,
    PlacedNumber,
    Sentence,
    names_other_year,
    number_after,
)

ROW_GAP = 2
"""Lines without a value that may stand between two rows of the annual table."""
PAGE_BREAK_GAP = 5
"""The same where the table goes on on the next page."""
FORMULA_WINDOW = 60
"""Lines after the monthly grid in which a bare ``= value`` line is the annual result."""

_FORMULA_END = re.compile(r"capaian|target|pengamanan|kepuasan internal|\bIPK\b|\bIKI\b", re.I)
_FORMULA = re.compile(r"=\s*\[?\s*[\d.,]+\s*(?:\(contoh\))?\s*\]?\s*$")

_KEYWORD = re.compile(r"\b(?:SKM|IKM|Indeks\s+Kepuasan\s+Masyarakat)\b", re.I)
_LEAD = re.compile(r"\b(?:nilai|hasil|indeks)\b", re.I)
_VERB = re.compile(r"\b(?:adalah\s+sebesar|sebesar|adalah|yaitu|menjadi)\b", re.I)
_RESPONDENTS = re.compile(
    r"\b(?:dari|jumlah\s+responden(?:\s+(?:sebanyak|sejumlah|adalah|yaitu))?|"
    r"total\s+responden(?:\s+(?:sebanyak|sejumlah|adalah|yaitu))?)(?=\s*[\[(]?\s*\d)",
    re.I,
)
_NOT_OWN_ANNUAL = re.compile(
    r"realisasi|capaian|target|kanwil|kantor\s+wilayah|direktorat|ditjen|nasional|dibanding|"
    r"internal|eksternal|pengamanan|\bbulan\b|\bunsur\b|\btriwulan\b|semester",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SummaryValue:
    """An annual figure as printed, with the line it stands on."""

    item: str
    label: str
    value: Stated
    source: str
    line: Line


def annual_tables(lines: Sequence[NumberedLine], grids: Sequence[Grid]) -> list[SummaryValue]:
    """Runs of ``<item> <value>`` lines outside the monthly grids, and grid summary cells."""
    found = [
        SummaryValue(c.item, c.label, c.value, "table", c.line)
        for grid in grids
        for c in grid.cells
        if c.month is None
    ]
    inside = {i for grid in grids for i in range(grid.first, grid.last + 1)}
    run: list[SummaryValue] = []
    gap = 0
    for index, nl in enumerate(lines):
        value = None if index in inside else _item_value(nl)
        if value is not None:
            run.append(value)
            gap = 0
            continue
        gap += 1
        # A table split across pages has the page number, a running header and its repeated
        # header row between its parts: allow those lines at a page break.
        crossing = bool(run) and nl.line.page != run[-1].line.page
        if gap > (PAGE_BREAK_GAP if crossing else ROW_GAP):
            found.extend(_accepted(run))
            run = []
    found.extend(_accepted(run))
    return found


def _item_value(nl: NumberedLine) -> SummaryValue | None:
    numbers = list(nl.numbers)
    label = nl.label
    if not label and len(numbers) == 2 and is_integer(numbers[0].stated):
        label = nl.line.text[numbers[0].end : numbers[1].start].strip()
        numbers = numbers[1:]
    if len(numbers) != 1 or not label or months_in(label):
        return None
    item, _ = label_score(label)
    value = numbers[0].stated
    if item is None or value.is_percent:
        return None
    if item == RESPONDEN and not (is_integer(value) and value.value > 0):
        return None
    if item != RESPONDEN and not (1 <= value.value <= 4):
        return None
    return SummaryValue(item, label, value, "table", nl.line)


def _accepted(run: list[SummaryValue]) -> list[SummaryValue]:
    """A run is the annual table when it names at least three distinct unsur."""
    unsur = {v.item for v in run if v.item in UNSUR}
    return run if len(unsur) >= 3 else []


def formula_lines(lines: Sequence[NumberedLine], grids: Sequence[Grid]) -> list[SummaryValue]:
    """Lines ending in ``= value`` (1..4, with decimals) printed after a monthly grid."""
    found = []
    for grid in grids:
        for nl in lines[grid.last + 1 : grid.last + 1 + FORMULA_WINDOW]:
            text = nl.line.text
            if _FORMULA_END.search(text):
                break
            if not nl.numbers or not _FORMULA.search(text):
                continue
            value = nl.numbers[-1].stated
            if value.decimals and not value.is_percent and 1 <= value.value <= 4:
                found.append(SummaryValue(SKM, text.strip(), value, "formula", nl.line))
    return found


def narrative(
    passage: Passage, year: int | None, windows: Sequence[tuple[int, int]]
) -> list[SummaryValue]:
    """Annual SKM values and respondent totals stated in sentences about the IKM.

    Only sentences within ``windows`` (line ranges around the monthly grids) count: the
    Ikhtisar and Bab IV restate the value, which is the realisasi rules' business.
    """
    found = []
    for sentence in passage.sentences():
        line = passage.line_index(sentence.start)
        if sentence.topic != "ikm" or not any(a <= line <= b for a, b in windows):
            continue
        found.extend(_annual_values(passage, sentence, year))
        for match in _RESPONDENTS.finditer(sentence.text):
            context = sentence.text[max(0, match.start() - 80) : match.end()]
            if _NOT_OWN_ANNUAL.search(context) or months_in(context):
                continue  # a month's respondents, the IPK's, or another office's
            number = number_after(passage, sentence.start + match.end())
            if number is None or not is_integer(number.stated):
                continue
            after = passage.text[number.end : number.end + 20]
            if match.group().lower() == "dari" and not re.match(r"\s*(orang\s+)?responden", after):
                continue
            found.append(_narrated(RESPONDEN, match.group(), number))
    return found


def _annual_values(passage: Passage, sentence: Sentence, year: int | None) -> list[SummaryValue]:
    """``<nilai|hasil|indeks> ... SKM/IKM ... sebesar <value>`` of the report's own year."""
    found: list[SummaryValue] = []
    text = sentence.text
    if not passage.about_survey(text):
        return found
    for keyword in _KEYWORD.finditer(text):
        lead = list(_LEAD.finditer(text, max(0, keyword.start() - 60), keyword.start()))
        verb = _VERB.search(text, keyword.end(), keyword.end() + 160)
        if not lead or verb is None:
            continue
        claim = text[lead[-1].start() : verb.end()]
        context = text[max(0, lead[-1].start() - 40) : verb.end()]
        if _NOT_OWN_ANNUAL.search(context) or names_other_year(context, year):
            continue
        if months_in(text[keyword.end() : verb.start()]) or _KEYWORD.search(
            text, keyword.end(), verb.start()
        ):
            continue  # a month's value, or the claim belongs to a later keyword
        number = number_after(passage, sentence.start + verb.end())
        if number is not None and 1 <= number.stated.value <= 4:
            found.append(_narrated(SKM, claim, number))
    return found


def _narrated(item: str, label: str, number: PlacedNumber) -> SummaryValue:
    return SummaryValue(item, " ".join(label.split()), number.stated, "narrative", number.line)
