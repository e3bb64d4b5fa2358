"""Number parsing, formatting and the interval tolerance rule (lkjip_audit.numbers)."""

from __future__ import annotations

import operator
from decimal import Decimal, localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lkjip_audit.numbers import (
    ENGLISH,
    INDONESIAN,
    Interval,
    NumberStyle,
    Stated,
    agrees,
    find_numbers,
    format_number,
    format_percent,
    parse_column,
    parse_number,
)

D = Decimal


def _parsed(raw: str, **kwargs) -> tuple[Decimal, int, bool]:
    stated = parse_number(raw, **kwargs)
    assert stated is not None, raw
    return stated.value, stated.decimals, stated.is_percent


# --- parse_number: every printed form -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "percent"),
    [
        ("Rp. 8.538.182.000", "8538182000", 0, False),
        ("Rp 8.538.182.000,-", "8538182000", 0, False),
        ("Rp.      2.561.189.000", "2561189000", 0, False),
        ("Rp.8.538.182.000,-", "8538182000", 0, False),
        ("8,538,182,000", "8538182000", 0, False),
        ("Rp. 2,561,189,000", "2561189000", 0, False),
        ("8.538.182.000,00", "8538182000.00", 2, False),
        ("1,234,567.5", "1234567.5", 1, False),
        ("99,53 %", "99.53", 2, True),
        ("99.53%", "99.53", 2, True),
        ("99,76 persen", "99.76", 2, True),
        ("17,3%", "17.3", 1, True),
        ("3,96", "3.96", 2, False),
        ("3.13", "3.13", 2, False),
        ("3.6", "3.6", 1, False),
        ("3.0644", "3.0644", 4, False),
        ("245 %", "245", 0, True),
        ("100%", "100", 0, True),
        ("24.000 orang", "24000", 0, False),
        ("512.428   km2", "512428", 0, False),
        ("0,33 poin", "0.33", 2, False),
        ("0", "0", 0, False),
        ("Rp0", "0", 0, False),
        ("Rp0,-", "0", 0, False),
        ("-3,5", "-3.5", 1, False),
        ("−12", "-12", 0, False),
        ("-17,3%", "-17.3", 1, True),
        ("-Rp 5.000", "-5000", 0, False),
        ("Rp -5.000", "-5000", 0, False),
        ("+0,3%", "0.3", 1, True),
        ("(3,87)", "3.87", 2, False),
        ("3,96.", "3.96", 2, False),
        ("  3,96  ", "3.96", 2, False),
        ("197103101991031001", "197103101991031001", 0, False),
    ],
)
def test_parse_number_forms(raw: str, value: str, decimals: int, percent: bool) -> None:
    assert _parsed(raw) == (D(value), decimals, percent)


@pytest.mark.parametrize(
    "raw",
    ["-", "–", "(dua)", "dua", "", "   ", "[…%]", "XX,XX%", "1.2.3", "31.12.2023", "3,96 dan 3,97"],
)
def test_parse_number_rejects_what_is_not_one_number(raw: str) -> None:
    assert parse_number(raw) is None


def test_parse_number_keeps_raw_text_and_place() -> None:
    raw = " Rp.  8.538.182.000,- "
    stated = parse_number(raw, page=17, bbox=(1.0, 2.0, 3.0, 4.0))
    assert stated == Stated(raw, D("8538182000"), 0, 17, (1.0, 2.0, 3.0, 4.0), False)
    assert str(stated) == raw
    assert f"tertulis {stated}" == f"tertulis {raw}"


def test_parse_number_value_is_decimal_with_printed_exponent() -> None:
    stated = parse_number("3,90")
    assert isinstance(stated.value, Decimal)
    assert stated.value.as_tuple().exponent == -2


# --- the ambiguous shape: one separator followed by exactly 3 digits ------------------------


@pytest.mark.parametrize(
    ("raw", "hint", "value", "decimals"),
    [
        # Indonesian default: "." groups thousands, "," is the decimal mark.
        ("3.130", None, "3130", 0),
        ("3,130", None, "3.130", 3),
        ("-3.130", None, "-3130", 0),
        # An explicit convention wins over the default.
        ("3.130", ENGLISH, "3.130", 3),
        ("3,130", ENGLISH, "3130", 0),
        ("3,130", INDONESIAN, "3.130", 3),
        ("3.130", INDONESIAN, "3130", 0),
        # Rupiah are never printed with 3 decimals, whatever the convention.
        ("Rp 3,130", None, "3130", 0),
        ("Rp 3.130", ENGLISH, "3130", 0),
        ("Rp. 3,130,-", INDONESIAN, "3130", 0),
        # A percentage with 3 digits after the mark is a decimal unless told otherwise.
        ("12.500%", None, "12.500", 3),
        ("12,500 %", ENGLISH, "12500", 0),
        # The other values of the column decide.
        ("3.130", ["3.13", "3.96"], "3.130", 3),
        ("3.130", ["1.234.567", "-"], "3130", 0),
        ("3,130", ["8,538,182,000"], "3130", 0),
        ("3,130", ["3,96"], "3.130", 3),
    ],
)
def test_parse_number_ambiguous(raw: str, hint, value: str, decimals: int) -> None:
    assert _parsed(raw, hint=hint)[:2] == (D(value), decimals)


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("0.130", "0.130", 3),  # a leading 0 is never a thousands group
        ("0,130", "0.130", 3),
        ("1234.567", "1234.567", 3),  # more than 3 digits before: no thousands grouping
        ("1.234.567", "1234567", 0),
        ("1,234,567", "1234567", 0),
        ("1.234,567", "1234.567", 3),  # both marks: the last one is decimal
        ("1,234.567", "1234.567", 3),
    ],
)
def test_shapes_that_look_ambiguous_but_are_not(raw: str, value: str, decimals: int) -> None:
    for hint in (None, INDONESIAN, ENGLISH):
        assert _parsed(raw, hint=hint)[:2] == (D(value), decimals)


def test_number_style_rejects_other_marks() -> None:
    with pytest.raises(ValueError, match="decimal mark"):
        NumberStyle(" ")
    assert INDONESIAN.thousands == "." and ENGLISH.thousands == ","


# --- find_numbers ---------------------------------------------------------------------------


def _found(text: str, **kwargs) -> list[tuple[str, Decimal, int, bool]]:
    found = find_numbers(text, **kwargs)
    for start, end, stated in found:
        assert text[start:end] == stated.raw
    return [(s.raw, s.value, s.decimals, s.is_percent) for _, _, s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # seed, Ikhtisar Eksekutif
            "adalah sebesar Rp. 8.497.875.809 atau 99,53% dari total anggaran Rp. 8.538.182.000 ",
            [
                ("Rp. 8.497.875.809", D("8497875809"), 0, False),
                ("99,53%", D("99.53"), 2, True),
                ("Rp. 8.538.182.000", D("8538182000"), 0, False),
            ],
        ),
        (
            # seed, realisasi table: "," both groups thousands and marks decimals in one line
            "Total Rp. 8,538,182,000 Rp. 8,497,875,809 99,53 % ",
            [
                ("Rp. 8,538,182,000", D("8538182000"), 0, False),
                ("Rp. 8,497,875,809", D("8497875809"), 0, False),
                ("99,53 %", D("99.53"), 2, True),
            ],
        ),
        ("Rp.8.538.182.000,-.", [("Rp.8.538.182.000,-", D("8538182000"), 0, False)]),
        ("meningkat sebesar 3,96.", [("3,96", D("3.96"), 2, False)]),
        ("nilai 3,96.Selanjutnya", [("3,96", D("3.96"), 2, False)]),
        ("3,87/3,25", [("3,87", D("3.87"), 2, False), ("3,25", D("3.25"), 2, False)]),
        ("IKM (3,87) tahun 2023", [("3,87", D("3.87"), 2, False), ("2023", D("2023"), 0, False)]),
        (
            "meningkat sebesar 17,3% dan lebih besar 0,33 poin",
            [("17,3%", D("17.3"), 1, True), ("0,33", D("0.33"), 2, False)],
        ),
        ("Renstra 2020-2024", [("2020", D(2020), 0, False), ("2024", D(2024), 0, False)]),
        ("triwulan ke-3 dari 24.000 orang", [("24.000", D(24000), 0, False)]),
        ("selisih -1,5 poin", [("-1,5", D("-1.5"), 1, False)]),
        ("NIP. 197103101991031001", [("197103101991031001", D("197103101991031001"), 0, False)]),
        ("capaian 245 %, lalu 100%.", [("245 %", D(245), 0, True), ("100%", D(100), 0, True)]),
        ("Luas laut = 512.428   km2 ", [("512.428", D(512428), 0, False)]),
        # codes, section numbers and glued words are not amounts
        ("Nomor M.HH-01.PR.03 bab 3.1.2 tanggal 31.12.2023 x3 3x", []),
        ("[…%] XX,XX% (dua)", []),
    ],
)
def test_find_numbers(text: str, expected: list) -> None:
    assert _found(text) == expected


def test_find_numbers_learns_the_convention_from_the_line() -> None:
    # seed, quality interval table: "3.0644" proves "." is the decimal mark on this line
    assert [v for _, v, _, _ in _found("3 3.0644 – 3.532 B BAIK")] == [3, D("3.0644"), D("3.532")]
    assert [v for _, v, _, _ in _found("Total 8,538,182,000 dari 3,130")] == [8538182000, 3130]
    # conflicting evidence on the line: the default decides
    assert [v for _, v, _, _ in _found("3.87 dan 3,96 dari 3.130")][-1] == 3130


def test_find_numbers_hint_overrides_the_line() -> None:
    assert _found("jumlah 3.130", hint=ENGLISH) == [("3.130", D("3.130"), 3, False)]
    assert _found("jumlah 3.130", hint=["3.13"]) == [("3.130", D("3.130"), 3, False)]


def test_find_numbers_nip_with_spaces_gives_its_parts() -> None:
    assert [s.raw for _, _, s in find_numbers("NIP 19870825 200801 1 001")] == [
        "19870825",
        "200801",
        "1",
        "001",
    ]


# --- parse_column ---------------------------------------------------------------------------


def _values(raws: list[str]) -> list[Decimal | None]:
    return [None if s is None else s.value for s in parse_column(raws)]


@pytest.mark.parametrize(
    ("raws", "expected"),
    [
        (["1.234.567", "3.130", "12.000"], ["1234567", "3130", "12000"]),
        (["3.13", "3.130"], ["3.13", "3.130"]),
        (["2,561,189,000", "3,130", "Rp 5,000"], ["2561189000", "3130", "5000"]),
        (["3,96", "3,130"], ["3.96", "3.130"]),
        # seed, quality intervals: upper bounds printed with "." decimals
        (["2.5996", "3.064", "3.532", "4.00"], ["2.5996", "3.064", "3.532", "4.00"]),
        # mixed marks in one column: the ambiguous value takes the magnitude of the others
        (["3,96", "3.87", "3.130"], ["3.96", "3.87", "3.130"]),
        (["1.234.567", "2,561,189,000", "3.130"], ["1234567", "2561189000", "3130"]),
        # no evidence: default rules
        (["3.130", "12.000"], ["3130", "12000"]),
        (["-", "", "(dua)", "[…]", "3,96"], [None, None, None, None, "3.96"]),
    ],
)
def test_parse_column(raws: list[str], expected: list[str | None]) -> None:
    assert _values(raws) == [None if e is None else D(e) for e in expected]


def test_parse_column_keeps_raw_and_decimals() -> None:
    column = parse_column(["3,25 ", "3,13"])
    assert [(s.raw, s.decimals) for s in column] == [("3,25 ", 2), ("3,13", 2)]


# --- Stated.interval, Interval and agrees ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "lo", "hi"),
    [
        ("99,53", "99.525", "99.535"),
        ("3,96", "3.955", "3.965"),
        ("3.0644", "3.06435", "3.06445"),
        ("17,3%", "17.25", "17.35"),
        ("100%", "99.5", "100.5"),
        ("Rp. 8.538.182.000", "8538181999.5", "8538182000.5"),
        ("-3,5", "-3.55", "-3.45"),
    ],
)
def test_stated_interval(raw: str, lo: str, hi: str) -> None:
    assert parse_number(raw).interval() == Interval(D(lo), D(hi))


def test_interval_basics() -> None:
    a = Interval(D("1.5"), D("2.5"))
    assert Interval.exact(3) == Interval(D(3), D(3))
    assert a.mid == D(2)
    assert a.contains(D("2.5")) and a.contains(2) and not a.contains(D("2.51"))
    assert a.overlaps(Interval(D("2.5"), D(9))) and not a.overlaps(Interval(D(3), D(4)))
    assert -a == Interval(D("-2.5"), D("-1.5"))
    assert str(a) == "[1.5; 2.5]"
    with pytest.raises(ValueError, match="empty interval"):
        Interval(D(2), D(1))


def test_interval_arithmetic_examples() -> None:
    a, b = Interval(D(1), D(2)), Interval(D(-3), D(4))
    assert a + b == Interval(D(-2), D(6))
    assert a - b == Interval(D(-3), D(5))
    assert a * b == Interval(D(-6), D(8))
    assert a / Interval(D(4), D(8)) == Interval(D("0.125"), D("0.5"))
    assert a + 1 == 1 + a == Interval(D(2), D(3))
    assert 10 - a == Interval(D(8), D(9))
    assert a * D("0.5") == D("0.5") * a == Interval(D("0.5"), D(1))
    assert 1 / a == Interval(D("0.5"), D(1))
    third = Interval.exact(1) / 3  # not exact in Decimal: a tight enclosure
    with localcontext(prec=60):
        assert third.lo < D(1) / D(3) < third.hi
    assert third.hi - third.lo <= D("1e-39")


def test_interval_division_by_zero_is_clear() -> None:
    with pytest.raises(ZeroDivisionError, match="contains zero"):
        Interval.exact(1) / Interval(D(-1), D(1))
    with pytest.raises(ZeroDivisionError):
        Interval.exact(1) / 0


def test_interval_refuses_floats() -> None:
    with pytest.raises(TypeError, match="float"):
        Interval.exact(1) + 0.1
    with pytest.raises(TypeError):
        Interval.exact(0.1)


_DEC = st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False)
_FRACTION = st.fractions(min_value=0, max_value=1, max_denominator=1000)


@st.composite
def _interval_and_point(draw) -> tuple[Interval, Decimal]:
    a, b = draw(_DEC), draw(_DEC)
    lo, hi = min(a, b), max(a, b)
    t = draw(_FRACTION)
    point = lo + (hi - lo) * D(t.numerator) / D(t.denominator)
    return Interval(lo, hi), min(max(point, lo), hi)


@given(_interval_and_point(), _interval_and_point(), st.sampled_from("+-*/"))
def test_interval_arithmetic_encloses_the_true_result(x, y, op: str) -> None:
    (a, p), (b, q) = x, y
    if op == "/":
        assume(not b.contains(0))
    apply = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}[op]
    with localcontext(prec=60):
        truth = apply(p, q)
    assert apply(a, b).contains(truth)


def test_agrees_on_domain_examples() -> None:
    # 8.498.000.000 / 8.538.182.000 x 100 = 99,5293... prints as 99,53
    assert agrees(parse_number("99,53"), D(8498000000) / D(8538182000) * 100)
    assert agrees(parse_number("99,53%"), Interval.exact(8497875809) / 8538182000 * 100)
    assert not agrees(parse_number("99,54"), D(8498000000) / D(8538182000) * 100)
    # a stated IKM of 3,87 where the unsur average to 3,88
    unsur = [D(v) for v in ("3.85", "3.90", "3.88", "3.86", "3.91", "3.89", "3.87", "3.88")]
    assert sum(unsur) / len(unsur) == D("3.88")
    assert not agrees(parse_number("3,87"), sum(unsur) / len(unsur))
    assert agrees(parse_number("3,88"), sum(unsur) / len(unsur))
    # "100%" but realisasi 3,96 / target 3,25 x 100 = 121,8%, with both inputs' rounding
    ratio = parse_number("3,96").interval() / parse_number("3,25").interval() * 100
    assert not agrees(parse_number("100%"), ratio)
    assert agrees(parse_number("121,8%"), ratio)


def test_agrees_carries_input_rounding() -> None:
    # 17,3% claimed for 3,20 -> 3,87: (3,87 - 3,20) / 3,20 x 100 = 20,9%
    old, new = parse_number("3,20").interval(), parse_number("3,87").interval()
    growth = (new - old) / old * 100
    assert not agrees(parse_number("17,3%"), growth)
    assert agrees(parse_number("20,9%"), growth)
    # bounds touch: closed intervals agree
    assert agrees(parse_number("3,87"), D("3.875"))
    assert not agrees(parse_number("3,87"), D("3.8751"))


# --- formatting and the parse/format round trip ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "thousands", "text"),
    [
        ("8538182000", 0, "id", True, "8.538.182.000"),
        ("8538182000", 0, "en", True, "8,538,182,000"),
        ("8538182000", 0, "id", False, "8538182000"),
        ("3.96", None, "id", True, "3,96"),
        ("3.96", None, "en", True, "3.96"),
        ("119.075", 2, "id", True, "119,08"),  # ROUND_HALF_UP, not banker's rounding
        ("2.345", 2, "id", True, "2,35"),
        ("1234.5", 2, "id", True, "1.234,50"),
        ("1234.5", 2, "en", True, "1,234.50"),
        ("-1234.5", 1, "id", True, "-1.234,5"),
        ("-0.001", 2, "id", True, "0,00"),
        ("99.9999", 2, "id", True, "100,00"),
        ("7", 3, "id", True, "7,000"),
    ],
)
def test_format_number(value: str, decimals, lang: str, thousands: bool, text: str) -> None:
    assert format_number(D(value), decimals, lang=lang, thousands=thousands) == text


def test_format_percent_and_int() -> None:
    assert format_percent(D("119.0769"), 2) == "119,08%"
    assert format_percent(D("119.0769"), 2, lang="en") == "119.08%"
    assert format_number(1234567) == "1.234.567"
    with pytest.raises(ValueError, match="unknown language"):
        format_number(D(1), lang="fr")


_PRINTED = st.tuples(
    st.decimals(min_value=-(10**12), max_value=10**12, places=0, allow_nan=False),
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=0, max_value=10**4 - 1),
).map(lambda t: (t[0] + D(t[2] % 10 ** t[1]).scaleb(-t[1]) if t[1] else t[0], t[1]))


@given(_PRINTED, st.booleans())
def test_indonesian_round_trip(printed: tuple[Decimal, int], thousands: bool) -> None:
    value, decimals = printed
    text = format_number(value, decimals, lang="id", thousands=thousands)
    assert _parsed(text)[:2] == (value, decimals)
    assert _parsed(text, hint=INDONESIAN)[:2] == (value, decimals)


@given(_PRINTED, st.booleans())
def test_english_round_trip_with_convention(printed: tuple[Decimal, int], thousands: bool) -> None:
    value, decimals = printed
    text = format_number(value, decimals, lang="en", thousands=thousands)
    assert _parsed(text, hint=ENGLISH)[:2] == (value, decimals)


@given(_PRINTED)
def test_english_round_trip_when_unambiguous(printed: tuple[Decimal, int]) -> None:
    value, decimals = printed
    whole = abs(int(value))
    # one mark followed by exactly 3 digits reads either way: "3.130", "3,130"
    assume(not (decimals == 3 and whole < 1000) and not (decimals == 0 and 1000 <= whole < 10**6))
    text = format_number(value, decimals, lang="en")
    assert _parsed(text)[:2] == (value, decimals)


_STYLE = {"id": INDONESIAN, "en": ENGLISH}


@given(_PRINTED, st.sampled_from(["id", "en"]), st.sampled_from(["", "Rp. ", "Rp "]))
def test_find_numbers_in_a_sentence(printed: tuple[Decimal, int], lang: str, prefix: str) -> None:
    value, decimals = printed
    assume(not prefix or decimals == 0)
    number = prefix + format_number(value, decimals, lang=lang)
    text = f"realisasi sebesar {number}."
    found = find_numbers(text, hint=_STYLE[lang])
    assert [(text[a:b], s.value, s.decimals) for a, b, s in found] == [(number, value, decimals)]
