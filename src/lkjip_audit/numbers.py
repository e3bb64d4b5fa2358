"""Indonesian number parsing and the printed-precision comparison every numeric rule uses.

A :class:`Stated` value is a number as the report prints it: the raw text, the exact value,
how many decimals were printed and where it stands. Its :meth:`Stated.interval` is the range
of true values that print that way; rules compare a recomputation with it by interval overlap
(:func:`agrees`), never with a fixed epsilon.

Reading "." and ",". A number is digit groups joined by single "." or "," characters.
Most shapes have one reading:

- no separator: an integer;
- both separators: the last one is the decimal mark, the others group thousands;
- one separator repeated with 3-digit groups ("1.234.567"): thousands;
- one separator followed by 1-2 or 4+ digits ("3,96", "3.0644"), or after a leading 0 or
  more than 3 digits ("0.125", "1234.567"): decimal;
- anything else ("1.2.3", "31.12.2023") is not a number.

A single separator followed by exactly 3 digits ("3.130") is ambiguous. It is decided by, in
order: an "Rp" prefix (thousands; Rupiah are never printed with 3 decimals); the convention
given as ``hint`` or learnt from the other values of the line or column when they all agree;
for a column whose values disagree, the reading closer in magnitude to its unambiguous values;
a "%" (decimal); and finally the Indonesian default: "." groups thousands, "," is decimal.
Parentheses are not a sign: "(3,87)" is 3,87 (in these reports they enclose a note, not a
debit).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from lkjip_audit.extract.model import BBox

_FLOOR = Context(prec=40, rounding=ROUND_FLOOR)
_CEILING = Context(prec=40, rounding=ROUND_CEILING)
_EXACT = Context(prec=60, rounding=ROUND_HALF_UP)

_NUMBER = re.compile(
    r"""
    (?<![\w.,])(?<![^\W\d_]-)             # not the tail of a word, other number, "ke-3"
    (?P<sign1>[-−+](?=Rp|RP|rp|IDR|\d))? # a sign glued to what follows ("2020-2024" has none)
    (?P<rp>(?:Rp|RP|rp|IDR)\.?\s*)?
    (?P<sign2>[-−](?=\d))?
    (?P<core>\d+(?:[.,]\d+)*)
    (?:[.,]-)?                           # "Rp 5.000,-": no further digits
    (?P<pct>\s*(?:%|persen\b))?
    (?![.,]?\d)(?!\w)                    # "3,96." ends before the period; "3x" is no number
    """,
    re.VERBOSE,
)
_LEAD = re.compile(r"\s*\(?\s*")
_TRAIL = re.compile(r"\)?(?:\s*\(?[^\W\d_]\S*(?:\s+\(?[^\W\d_]\S*)*)?\s*[.;:]?")
_GROUPED = re.compile(r"[1-9]\d{0,2}")


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """A separator convention: which character is the decimal mark ("," or ".")."""

    decimal: str

    def __post_init__(self) -> None:
        if self.decimal not in {",", "."}:
            raise ValueError(f"decimal mark must be ',' or '.', not {self.decimal!r}")

    @property
    def thousands(self) -> str:
        """The thousands separator: the other character."""
        return "." if self.decimal == "," else ","


INDONESIAN = NumberStyle(",")
ENGLISH = NumberStyle(".")
_STYLES = {"id": INDONESIAN, "en": ENGLISH}


def _number(value: Decimal | int) -> Decimal:
    """Accept Decimal and int only: binary floats would smuggle in representation error."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}")
    return Decimal(value)


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed range of Decimals; arithmetic keeps it a guaranteed enclosure."""

    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval: lo {self.lo} > hi {self.hi}")

    @classmethod
    def exact(cls, value: Decimal | int) -> Interval:
        """The degenerate interval [value, value]."""
        value = _number(value)
        return cls(value, value)

    @property
    def mid(self) -> Decimal:
        """The midpoint."""
        return _EXACT.divide(_EXACT.add(self.lo, self.hi), 2)

    def contains(self, x: Decimal | int) -> bool:
        """Whether x lies in the interval (bounds included)."""
        return self.lo <= _number(x) <= self.hi

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one point."""
        return self.lo <= other.hi and other.lo <= self.hi

    def __str__(self) -> str:
        return f"[{self.lo}; {self.hi}]"

    def __add__(self, other: Interval | Decimal | int) -> Interval:
        o = _interval(other)
        return Interval(_FLOOR.add(self.lo, o.lo), _CEILING.add(self.hi, o.hi))

    def __sub__(self, other: Interval | Decimal | int) -> Interval:
        o = _interval(other)
        return Interval(_FLOOR.subtract(self.lo, o.hi), _CEILING.subtract(self.hi, o.lo))

    def __mul__(self, other: Interval | Decimal | int) -> Interval:
        o = _interval(other)
        pairs = [(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(
            min(_FLOOR.multiply(a, b) for a, b in pairs),
            max(_CEILING.multiply(a, b) for a, b in pairs),
        )

    def __truediv__(self, other: Interval | Decimal | int) -> Interval:
        o = _interval(other)
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError(f"division by the interval {o}, which contains zero")
        pairs = [(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(
            min(_FLOOR.divide(a, b) for a, b in pairs),
            max(_CEILING.divide(a, b) for a, b in pairs),
        )

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __radd__(self, other: Decimal | int) -> Interval:
        return _interval(other) + self

    def __rsub__(self, other: Decimal | int) -> Interval:
        return _interval(other) - self

    def __rmul__(self, other: Decimal | int) -> Interval:
        return _interval(other) * self

    def __rtruediv__(self, other: Decimal | int) -> Interval:
        return _interval(other) / self


def _interval(value: Interval | Decimal | int) -> Interval:
    return value if isinstance(value, Interval) else Interval.exact(value)


@dataclass(frozen=True, slots=True)
class Stated:
    """A number as printed: raw text, exact value, decimals printed, and its place."""

    raw: str
    value: Decimal
    decimals: int
    page: int | None = None
    bbox: BBox | None = None
    is_percent: bool = False

    def interval(self) -> Interval:
        """All values that print this way: value ± half a unit of the last printed decimal."""
        half = Decimal(5).scaleb(-self.decimals - 1)
        return Interval(_EXACT.subtract(self.value, half), _EXACT.add(self.value, half))

    def __str__(self) -> str:
        """The raw text, so a message template quotes the number exactly as printed."""
        return self.raw


def agrees(stated: Stated, recomputed: Interval | Decimal | int) -> bool:
    """THE tolerance rule: a recomputation agrees with a printed value when their intervals meet.

    Give ``recomputed`` as an Interval built from the inputs' :meth:`Stated.interval` to carry
    their rounding too; a Decimal counts as exact.
    """
    return stated.interval().overlaps(_interval(recomputed))


def within_last_digit(stated: Stated, exact: Decimal) -> bool:
    """``exact`` lies within one unit of ``stated``'s last printed digit: a truncation or a
    rounding slip ("selisih pembulatan"), never a defect worth an error."""
    return abs(stated.value - exact) <= Decimal(1).scaleb(-stated.decimals)


MAX_FACTOR = Decimal(10)


def same_magnitude(a: Decimal, b: Decimal) -> bool:
    """Two figures within a factor of ten of each other. Further apart, one of them was read
    from the wrong place (a column, a unit, a glued number) far more often than mistyped."""
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high / low <= MAX_FACTOR


@dataclass(frozen=True, slots=True)
class _Reading:
    value: Decimal
    decimals: int
    style: NumberStyle | None  # the convention this reading implies, None when it implies none


def _readings(core: str) -> list[_Reading]:
    """Every valid reading of a digit string: none (not a number), one, or two (ambiguous).

    When there are two, the thousands reading comes first.
    """
    seps = re.findall(r"[.,]", core)
    groups = re.split(r"[.,]", core)
    if not seps:
        return [_Reading(Decimal(core), 0, None)]
    last, head = seps[-1], seps[:-1]
    readings = []
    if all(s == last for s in head) and _grouped(groups):
        readings.append(_Reading(Decimal("".join(groups)), 0, NumberStyle(_other(last))))
    if all(s != last for s in head) and (not head or _grouped(groups[:-1])):
        value = Decimal(f"{''.join(groups[:-1])}.{groups[-1]}")
        readings.append(_Reading(value, len(groups[-1]), NumberStyle(last)))
    return readings


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups form a thousands grouping like 1 234 567."""
    return bool(_GROUPED.fullmatch(groups[0])) and all(len(g) == 3 for g in groups[1:])


def _other(sep: str) -> str:
    return "." if sep == "," else ","


@dataclass(frozen=True, slots=True)
class _Convention:
    """What is known around a number: a separator style, or the magnitude of its neighbours."""

    style: NumberStyle | None = None
    typical: Decimal | None = None


def _convention(cores: Sequence[str], *, by_magnitude: bool) -> _Convention:
    """Learn the convention from the unambiguous values among ``cores``."""
    sure = [r[0] for r in map(_readings, cores) if len(r) == 1]
    styles = {r.style for r in sure if r.style is not None}
    if len(styles) == 1:
        return _Convention(style=styles.pop())
    sizes = [abs(r.value) for r in sure if r.value]
    if by_magnitude and sizes:
        return _Convention(typical=statistics.median(sizes))
    return _Convention()


def _choose(
    readings: list[_Reading], core: str, rp: bool, pct: bool, conv: _Convention
) -> _Reading:
    """Pick one reading of an ambiguous number by the rules in the module docstring."""
    thousands, decimal = readings
    if rp:
        return thousands
    if conv.style is not None:
        return decimal if conv.style == decimal.style else thousands
    if conv.typical is not None:
        return min(readings, key=lambda r: abs((abs(r.value) / conv.typical).log10()))
    if pct:
        return decimal
    return thousands if "." in core else decimal


def _stated(
    match: re.Match[str], raw: str, conv: _Convention, page: int | None, bbox: BBox | None
) -> Stated | None:
    readings = _readings(match["core"])
    if not readings:
        return None
    rp, pct = bool(match["rp"]), bool(match["pct"])
    reading = readings[0] if len(readings) == 1 else _choose(readings, match["core"], rp, pct, conv)
    negative = (match["sign1"] or "+") != "+" or bool(match["sign2"])
    value = reading.value.copy_negate() if negative else reading.value
    return Stated(raw, value, reading.decimals, page, bbox, is_percent=pct)


def _hint_convention(hint: NumberStyle | Sequence[str] | None) -> _Convention:
    if hint is None:
        return _Convention()
    if isinstance(hint, NumberStyle):
        return _Convention(style=hint)
    column = [hint] if isinstance(hint, str) else hint
    return _convention(_cores(column), by_magnitude=True)


def _cores(texts: Sequence[str]) -> list[str]:
    return [m["core"] for text in texts for m in _NUMBER.finditer(text or "")]


def parse_number(
    raw: str,
    *,
    page: int | None = None,
    bbox: BBox | None = None,
    hint: NumberStyle | Sequence[str] | None = None,
) -> Stated | None:
    """Parse one printed number ("Rp. 8.538.182.000,-", "99,53 %", "24.000 orang").

    Returns None when ``raw`` is not exactly one number (words like "(dua)", a dash "-",
    "1.2.3", two numbers). A unit word after the number is allowed and dropped. ``hint`` is
    the convention for ambiguous shapes: a :class:`NumberStyle`, or the other values of the
    column. ``raw`` is kept exactly as given.
    """
    return _parse(raw, _hint_convention(hint), page, bbox)


def _parse(raw: str, conv: _Convention, page: int | None, bbox: BBox | None) -> Stated | None:
    matches = list(_NUMBER.finditer(raw or ""))
    if len(matches) != 1:
        return None
    m = matches[0]
    if not _LEAD.fullmatch(raw, 0, m.start()) or not _TRAIL.fullmatch(raw[m.end() :].strip()):
        return None
    return _stated(m, raw, conv, page, bbox)


def find_numbers(
    text: str, *, hint: NumberStyle | Sequence[str] | None = None
) -> list[tuple[int, int, Stated]]:
    """Every number in a line of text as ``(start, end, Stated)`` with ``text[start:end]`` raw.

    The span includes an "Rp"/"Rp." prefix, a sign, a ",-" suffix and a "%" (with or without
    a space), but not a sentence period or surrounding parentheses. Ambiguous shapes follow
    ``hint`` when given, otherwise the unambiguous numbers of the same line if they all agree,
    otherwise the default rules. Dates, codes and NIPs come back as plain numbers: callers
    decide what they mean.
    """
    if hint is None:
        return list(_numbers_of_line(text or ""))
    return _numbers(text or "", _hint_convention(hint))


@lru_cache(maxsize=8192)
def _numbers_of_line(text: str) -> tuple[tuple[int, int, Stated], ...]:
    """:func:`find_numbers` without a hint, kept per text: every recognizer reads the numbers
    of the same lines (Stated values are frozen, so the tuples can be shared)."""
    matches = list(_NUMBER.finditer(text))
    return tuple(_numbers(text, _convention([m["core"] for m in matches], by_magnitude=False)))


def _numbers(text: str, conv: _Convention) -> list[tuple[int, int, Stated]]:
    found = []
    for m in _NUMBER.finditer(text):
        stated = _stated(m, m.group(), conv, None, None)
        if stated is not None:
            found.append((m.start(), m.end(), stated))
    return found


def parse_column(raws: Sequence[str]) -> list[Stated | None]:
    """Parse the cells of one table column with one convention for ambiguous shapes.

    The convention comes from the column's unambiguous values when they all agree; when they
    disagree, each ambiguous value takes the reading closest in magnitude to them. Cells that
    are not a number give None.
    """
    conv = _hint_convention(list(raws))
    return [_parse(raw, conv, None, None) for raw in raws]


def format_number(
    value: Decimal | int, decimals: int | None = None, lang: str = "id", thousands: bool = True
) -> str:
    """Print a number the report's way: "8.538.182.000", "3,96" (id) or "3.96" (en).

    ``decimals`` defaults to the value's own exponent; rounding is ROUND_HALF_UP.
    """
    if lang not in _STYLES:
        raise ValueError(f"unknown language {lang!r}; expected one of {sorted(_STYLES)}")
    style = _STYLES[lang]
    value = _number(value)
    if decimals is None:
        decimals = max(0, -int(value.as_tuple().exponent))
    rounded = _EXACT.quantize(value, Decimal(1).scaleb(-decimals))
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", style.thousands)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{whole}{style.decimal}{fraction}" if fraction else f"{sign}{whole}"


def format_percent(value: Decimal | int, decimals: int | None = None, lang: str = "id") -> str:
    """Print a percentage: "119,08%" (id) or "119.08%" (en)."""
    return f"{format_number(value, decimals, lang)}%"
