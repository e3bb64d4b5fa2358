"""Annual survey figures as printed: the per-unsur table, the narrative and formula lines.

The annual table is a run of ``<unsur> <value>`` lines (``Informasi 3,95`` ...,
``Nilai SKM 3,96``, ``Responden 374``), or of ``<unsur> <NRR> <bobot> <NRR tertimbang>``
lines (``Persyaratan 3,52 0,111 0,39``) closed by the index, its conversion (``IKM
(Konversi) 88,10``) and the category (``Mutu Pelayanan B``). The narrative states the
annual value in a sentence about the SKM/IKM of the report's own year (``diperoleh hasil
nilai SKM selama tahun 2023 sebesar 3,96``), never about a target, another year, the Kanwil
or the Ditjen. A formula line (``= 3,18``) is a calculation result printed after a grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_audit.extract.model import Line
from lkjip_audit.facts.survey import BOBOT, KONVERSI, NRR, RESPONDEN, SKM, TERTIMBANG
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.survey.grid import Grid
from lkjip_audit.recognize.survey.lines import NumberedLine, is_integer
from lkjip_audit.recognize.survey.terms import INDEX, MUTU, is_unsur, label_score, months_in
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
    """An annual figure as printed, with the line it stands on: its role, its unsur (for
    per-unsur roles; empty otherwise), and ``category`` for a printed mutu category."""

    role: str
    item: str
    label: str
    value: Stated | None
    source: str
    line: Line
    category: str = ""


_CATEGORY = re.compile(r"\b(sangat\s+baik|kurang\s+baik|tidak\s+baik|baik|[ABCD])\b", re.I)


def annual_tables(lines: Sequence[NumberedLine], grids: Sequence[Grid]) -> list[list[SummaryValue]]:
    """Runs of ``<item> <value>`` lines outside the period grids: one list per table."""
    inside = {i for grid in grids for i in range(grid.first, grid.last + 1)}
    tables: list[list[SummaryValue]] = []
    run: list[SummaryValue] = []
    gap = 0
    for index, nl in enumerate(lines):
        values = [] if index in inside else _item_values(nl)
        if values:
            run.extend(values)
            gap = 0
            continue
        gap += 1
        # A table split across pages has the page number, a running header and its repeated
        # header row between its parts: allow those lines at a page break.
        crossing = bool(run) and nl.line.page != run[-1].line.page
        if gap > (PAGE_BREAK_GAP if crossing else ROW_GAP):
            tables.append(_accepted(run))
            run = []
    tables.append(_accepted(run))
    return [t for t in tables if t]


def _item_values(nl: NumberedLine) -> list[SummaryValue]:
    """The figures of one row of an annual table (none when the line is not one)."""
    numbers = list(nl.numbers)
    if not numbers:
        return _category(nl)
    label = nl.label
    if not label and len(numbers) >= 2 and is_integer(numbers[0].stated):
        label = nl.line.text[numbers[0].end : numbers[1].start].strip()
        numbers = numbers[1:]
    if not label or months_in(label):
        return []
    item, _ = label_score(label)
    if item is None or any(n.stated.is_percent for n in numbers):
        return []
    values = [n.stated for n in numbers]
    if is_unsur(item):
        return _unsur_values(item, label, values, nl.line)
    if len(values) != 1:
        return []
    value = values[0]
    role = _total_role(item, value)
    return [] if role is None else [SummaryValue(role, "", label, value, "table", nl.line)]


def _category(nl: NumberedLine) -> list[SummaryValue]:
    """``Mutu Pelayanan : B (Baik)``: the category printed for the table's index."""
    text = nl.line.text
    found = _CATEGORY.search(text)
    if found is None or label_score(text[: found.start()].strip(" :="))[0] != MUTU:
        return []
    category = text[found.start() :].strip()
    return [SummaryValue(MUTU, "", text[: found.start()].strip(), None, "table", nl.line, category)]


def _unsur_values(item: str, label: str, values: list[Stated], line: Line) -> list[SummaryValue]:
    """``<unsur> <NRR>`` or ``<unsur> <NRR> <bobot> <NRR tertimbang>``."""
    if not values or not 1 <= values[0].value <= 4:
        return []
    if len(values) == 1:
        roles = [NRR]
    elif len(values) == 3 and all(v.value < 1 for v in values[1:]):
        roles = [NRR, BOBOT, TERTIMBANG]
    else:
        return []
    return [
        SummaryValue(role, item, label, value, "table", line)
        for role, value in zip(roles, values, strict=True)
    ]


def _total_role(item: str, value: Stated) -> str | None:
    """The role of a total row's value, or None when the value does not fit its label."""
    if item == RESPONDEN:
        return RESPONDEN if is_integer(value) and value.value > 0 else None
    if item in (INDEX, SKM) and 1 <= value.value <= 4:
        return SKM
    if item in (INDEX, KONVERSI) and 25 <= value.value <= 100 and value.decimals:
        return KONVERSI
    return None


def _accepted(run: list[SummaryValue]) -> list[SummaryValue]:
    """A run is the annual table when it names at least three distinct unsur."""
    unsur = {v.item for v in run if v.role == NRR}
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
                found.append(SummaryValue(SKM, "", text.strip(), value, "formula", nl.line))
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


def _narrated(role: str, label: str, number: PlacedNumber) -> SummaryValue:
    return SummaryValue(role, "", " ".join(label.split()), number.stated, "narrative", number.line)
