"""IPK and IKI figures as printed: unsur tables with bobot, narrative, formula lines.

IPK tables are runs of ``[No] <unsur> <bobot> <nilai>`` rows under a header naming the
``Bobot``; a caption naming ``internal`` or ``eksternal`` sits above every table or below
every table. The narrative names respondents and values per part (``6 responden internal``,
``3,99 untuk internal``) and the total; a formula line ``(6 × 3,99 + 9 × 3,97) / 15 = 3,98``
gives both parts and the total. IKI sentences state the 0-100 survey value and its 4-scale
conversion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_audit.extract.model import Line
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.survey.lines import NumberedLine, is_integer
from lkjip_audit.recognize.survey.terms import normalise_label
from lkjip_audit.recognize.survey.text import (
    Passage,
    PlacedNumber,
    names_other_year,
    number_after,
)

_PART = {"internal": "internal", "eksternal": "external", "external": "external"}
_TOTAL_ROW = re.compile(r"\b(jumlah|total|ipk|indeks|nilai)\b")
_NUM = r"\d[\d.,]*"
_TIMES = r"\s*[×xX*·]\s*"
_FORMULA = re.compile(
    rf"\(\s*(?P<a>{_NUM}){_TIMES}(?P<b>{_NUM})\s*\+\s*(?P<c>{_NUM}){_TIMES}(?P<d>{_NUM})\s*\)"
    rf"\s*[/:]\s*(?P<n>{_NUM})\s*=\s*(?P<v>{_NUM})"
)
_RESP_BEFORE = re.compile(r"responden\s+(?:pihak\s+)?(internal|eksternal)\b", re.I)
_RESP_AFTER = re.compile(
    r"\bresponden\s+(?:pihak\s+)?(internal|eksternal)\s*"
    r"(?:sebanyak|sejumlah|berjumlah|adalah|:)?(?=\s*\d)",
    re.I,
)
_VALUE_BEFORE = re.compile(r"untuk\s+(?:pihak\s+|responden\s+)?(internal|eksternal)\b", re.I)
_VALUE_AFTER = re.compile(
    r"(?:\bIPK|\bnilai|responden)\s+(?:pihak\s+)?(internal|eksternal)\s*"
    r"(?:dengan\s+nilai|sebesar|adalah|:|=)?(?=\s*\d)",
    re.I,
)
_TOTAL_N = re.compile(
    r"\bjumlah\s+responden\s*(?:sebanyak|sejumlah|adalah|:)?(?=\s*\d)|"
    r"\btotal\s+responden\s*(?:sebanyak|sejumlah|adalah|:)?(?=\s*\d)",
    re.I,
)
_TOTAL_IPK = re.compile(
    r"\b(?:Indeks\s+Pengamanan\s+Keimigrasian|IPK)\b(?P<mid>[^;]{0,140}?)\b(?:sebesar|adalah)\b",
    re.I,
)
_NOT_OWN_TOTAL = re.compile(
    r"realisasi|target|kanwil|kantor\s+wilayah|direktorat|ditjen|nasional|dibanding|"
    r"internal|eksternal",
    re.I,
)
_PAGE_NUMBER = re.compile(r"[-–\s]*(halaman|hal\.?)?[\s\d–-]*")
_CONVERSION = re.compile(r"konversi|skala\s*4|dibagi\s*25|/\s*25|:\s*25", re.I)


@dataclass(frozen=True, slots=True)
class IpkValue:
    """One printed IPK figure."""

    part: str
    field: str
    unsur: str
    group: int
    value: Stated
    source: str
    line: Line


@dataclass(frozen=True, slots=True)
class IkiValue:
    """One printed IKI figure; ``group`` pairs a survey value with its conversion."""

    field: str
    group: int
    value: Stated
    source: str
    line: Line


# --- tables --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Table:
    first: int
    last: int
    rows: list[tuple[str, NumberedLine]]


def ipk_tables(lines: Sequence[NumberedLine]) -> list[IpkValue]:
    """Bobot/nilai rows of every IPK unsur table, with the part its caption names."""
    tables = _bobot_tables(lines)
    parts = _caption_parts(lines, tables)
    found = []
    for group, (table, part) in enumerate(zip(tables, parts, strict=True)):
        for label, nl in table.rows:
            bobot, nilai = (n.stated for n in nl.numbers[-2:])
            if _TOTAL_ROW.search(normalise_label(label)):
                found.append(IpkValue(part, "ipk", "", group, nilai, "table", nl.line))
                continue
            found.append(IpkValue(part, "bobot", label, group, bobot, "table", nl.line))
            found.append(IpkValue(part, "nilai", label, group, nilai, "table", nl.line))
    return found


def _bobot_tables(lines: Sequence[NumberedLine]) -> list[_Table]:
    """Tables under a ``Bobot`` header. A header repeated after a page break continues the
    table; one after a caption naming a part, or whose rows restart at 1, starts a new one."""
    tables: list[_Table] = []
    current: _Table | None = None
    gap, captioned, fresh_header = 0, False, False
    for index, nl in enumerate(lines):
        if "bobot" in nl.line.text.lower() and not nl.numbers:
            if current is None or captioned:
                current = _Table(index, index, [])
                tables.append(current)
            gap, captioned, fresh_header = 0, False, True
            continue
        if current is None:
            continue
        row = _bobot_row(nl)
        if row is not None:
            label, restarts = row
            if fresh_header and restarts and current.rows:
                current = _Table(index - 1, index, [])
                tables.append(current)
            current.rows.append((label, nl))
            current.last = index
            gap, captioned, fresh_header = 0, False, False
            continue
        gap += 1
        captioned = captioned or _caption(lines, index, index + 1) is not None
        furniture = (
            not nl.numbers
            or _is_page_number(nl)
            or _TOTAL_ROW.search(nl.label.lower())
            or all(_is_year(n.stated) for n in nl.numbers)  # a running header
        )
        if gap > 4 or not furniture:
            current = None
    return [t for t in tables if len(t.rows) >= 2]


def _is_year(value: Stated) -> bool:
    return is_integer(value) and 1900 <= value.value <= 2100


def _is_page_number(nl: NumberedLine) -> bool:
    """A page number line (``13``, ``- 13 -``, ``Halaman 13``)."""
    text = nl.line.text.lower()
    return (
        len(nl.numbers) == 1
        and re.fullmatch(r"[-–\s]*(halaman|hal\.?)?[\s\d–-]*", text) is not None
    )


def _bobot_row(nl: NumberedLine) -> tuple[str, bool] | None:
    """The unsur label of a ``[No] <unsur> <bobot> <nilai>`` row and whether its number is
    1 (a table starting over), or None."""
    numbers = list(nl.numbers)
    label = nl.label
    first = False
    if not label and len(numbers) == 3 and is_integer(numbers[0].stated):
        label = nl.line.text[numbers[0].end : numbers[1].start].strip()
        first = numbers[0].stated.value == 1
        numbers = numbers[1:]
    if len(numbers) != 2 or not re.search(r"[A-Za-z]{3}", label) or nl.tail:
        return None
    if nl.line.text[numbers[0].end : numbers[1].start].strip():
        return None  # words between the numbers: a sentence, not a row
    if numbers[1].stated.is_percent:
        return None
    return label, first


def _caption_parts(lines: Sequence[NumberedLine], tables: list[_Table]) -> list[str]:
    """The part of each table, from captions all above or else all below the tables."""
    above = [_caption(lines, max(0, t.first - 3), t.first) for t in tables]
    below = [_caption(lines, t.last + 1, t.last + 4) for t in tables]
    for chosen in (above, below):
        if all(p is not None for p in chosen) and len(set(chosen)) == len(chosen):
            return [str(p) for p in chosen]
    if len(tables) == 2:
        return ["internal", "external"]  # the Ditjen template's order
    return ["unknown"] * len(tables)


def _caption(lines: Sequence[NumberedLine], start: int, end: int) -> str | None:
    for nl in lines[start:end]:
        if nl.numbers and not re.match(r"\s*(tabel|table)\b", nl.line.text, re.I):
            continue
        words = re.findall(r"internal|eksternal|external", nl.line.text.lower())
        if len(set(words)) == 1 and nl.words <= 12:
            return _PART[words[0]]
    return None


# --- narrative and formula -----------------------------------------------------------------


NEAR_PARTS = 40
"""Lines around the parts (tables, per-part sentences) where a stated total is the one
computed from them; elsewhere (Ikhtisar, Bab IV) it is the realisasi rules' business."""


def ipk_narrative(
    passage: Passage, year: int | None, anchors: Sequence[Line] = ()
) -> list[IpkValue]:
    """IPK respondents and values per part, and the total, from sentences and formulas.

    ``anchors`` are lines of the IPK tables; totals count only near them or near a sentence
    that names the parts.
    """
    parts: list[IpkValue] = []
    totals: list[IpkValue] = []
    for sentence in passage.sentences():
        if sentence.topic != "ipk":
            continue
        parts.extend(_formulas(passage, sentence.start, sentence.text))
        parts.extend(_part_values(passage, sentence.start, sentence.text))
        totals.extend(_totals(passage, sentence.start, sentence.text, year))
    near = [passage.index_of(line) for line in (*anchors, *(p.line for p in parts))]
    return parts + [
        t for t in totals if any(abs(passage.index_of(t.line) - a) <= NEAR_PARTS for a in near)
    ]


def _formulas(passage: Passage, offset: int, text: str) -> list[IpkValue]:
    """``(n_int × v_int + n_ext × v_ext) / n = v``: both parts (internal first, as the
    formula is always written) and the total."""
    found = []
    for match in _FORMULA.finditer(text):
        placed = [
            number
            for key in "abcdnv"
            if (number := _placed(passage, offset + match.start(key), offset + match.end(key)))
        ]
        if len(placed) != 6:
            continue
        n_int, v_int, n_ext, v_ext, n, v = placed
        for part, field, number in (
            ("internal", "responden", n_int),
            ("internal", "ipk", v_int),
            ("external", "responden", n_ext),
            ("external", "ipk", v_ext),
            ("total", "responden", n),
            ("total", "ipk", v),
        ):
            found.append(_ipk(part, field, number, "formula"))
    return found


def _placed(passage: Passage, start: int, end: int) -> PlacedNumber | None:
    numbers = passage.numbers(start, end)
    return numbers[0] if len(numbers) == 1 else None


def _ipk(part: str, field: str, number: PlacedNumber, source: str) -> IpkValue:
    return IpkValue(part, field, "", 0, number.stated, source, number.line)


def _part_values(passage: Passage, offset: int, text: str) -> list[IpkValue]:
    """``6 responden internal``, ``responden eksternal sebanyak 9``, ``3,99 untuk internal``,
    ``IPK eksternal sebesar 3,97``."""
    found = []
    for pattern, field, before in (
        (_RESP_BEFORE, "responden", True),
        (_RESP_AFTER, "responden", False),
        (_VALUE_BEFORE, "ipk", True),
        (_VALUE_AFTER, "ipk", False),
    ):
        for match in pattern.finditer(text):
            number = (
                _number_before(passage, offset + match.start())
                if before
                else number_after(passage, offset + match.end())
            )
            if number is None or not _fits(field, number.stated):
                continue
            part = _PART[match.group(1).lower()]
            found.append(_ipk(part, field, number, "narrative"))
    return _unique(found)


def _number_before(passage: Passage, position: int) -> PlacedNumber | None:
    """The number printed right before ``position`` (``6 responden internal``)."""
    numbers = passage.numbers(max(0, position - 24), position)
    if not numbers:
        return None
    last = numbers[-1]
    between = passage.text[last.end : position]
    return last if re.fullmatch(r"[\s)\]]*(orang\s*)?", between) else None


def _fits(field: str, value: Stated) -> bool:
    if field == "responden":
        return is_integer(value) and value.value > 0
    return 1 <= value.value <= 4 and not value.is_percent


def _unique(values: list[IpkValue]) -> list[IpkValue]:
    seen = set()
    kept = []
    for v in values:
        key = (v.part, v.field, v.value.page, v.value.bbox)
        if key not in seen:
            seen.add(key)
            kept.append(v)
    return kept


def _totals(passage: Passage, offset: int, text: str, year: int | None) -> list[IpkValue]:
    found = []
    for match in _TOTAL_N.finditer(text):
        number = number_after(passage, offset + match.end())
        after = passage.text[number.end : number.end + 30] if number else ""
        if number is None or _RESP_BEFORE.match(after.strip()):
            continue
        if not _fits("responden", number.stated):
            continue
        found.append(_ipk("total", "responden", number, "narrative"))
    if _FORMULA.search(text):
        return found
    for match in _TOTAL_IPK.finditer(text):
        before = text[max(0, match.start() - 40) : match.end()]
        if _NOT_OWN_TOTAL.search(before) or names_other_year(before, year):
            continue
        number = number_after(passage, offset + match.end())
        if number is None or not _fits("ipk", number.stated):
            continue
        if re.match(r"\s*untuk\b", passage.text[number.end : number.end + 12]):
            continue
        found.append(_ipk("total", "ipk", number, "narrative"))
    return found


# --- IKI -----------------------------------------------------------------------------------


def iki_conversions(passage: Passage) -> list[IkiValue]:
    """Sentences about the IKI that print the 0-100 value and its 4-scale conversion."""
    found = []
    group = 0
    for sentence in passage.sentences():
        if sentence.topic != "iki" or not _CONVERSION.search(sentence.text):
            continue
        numbers = [
            n
            for n in passage.numbers(sentence.start, sentence.start + len(sentence.text))
            if not _is_scale_word(passage.text[max(0, n.start - 12) : n.start])
        ]
        survey = next((n for n in numbers if 4 < n.stated.value <= 100 and n.stated.decimals), None)
        converted = [n for n in numbers if 1 <= n.stated.value <= 4 and n.stated.decimals]
        if survey is None or not converted:
            continue
        found.append(IkiValue("survey", group, survey.stated, "narrative", survey.line))
        last = converted[-1]
        found.append(IkiValue("converted", group, last.stated, "narrative", last.line))
        group += 1
    return found


def _is_scale_word(before: str) -> bool:
    """``skala 100``, ``skala 4``, ``/ 25``, ``dibagi 25``: constants, not figures."""
    return bool(re.search(r"(skala|bagi|/|:)\s*$", before, re.I))
