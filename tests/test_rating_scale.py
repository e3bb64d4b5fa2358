"""The report's own rating scale ("80 s/d 100 % = Sangat Baik (SB)") and the ratings of its
capaian tables (MUT003), on notations regional reports print and on a minimal PDF of our own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from real_layouts import write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.extract.model import Line
from lkjip_audit.findings import Category, Severity
from lkjip_audit.numbers import parse_number
from lkjip_audit.recognize.indicators.scale import band_of, read_scale
from lkjip_audit.rules.checks.rating import fitting_bands


def line(text: str, page: int = 1) -> Line:
    return Line(page, text, (0.0, 0.0, 100.0, 10.0), ())


@pytest.mark.parametrize(
    ("text", "lo", "hi", "name", "abbr"),
    [
        ("80 s/d 100 % = Sangat Baik (SB)", 80, 100, "sangat baik", "SB"),
        ("≥ 100 % Sangat Baik", 100, None, "sangat baik", None),
        ("> 80 - < 100 % Baik", 80, 100, "baik", None),
        ("< 55 % Kurang", None, 55, "kurang", None),
        ("c. 50 – 75 = Cukup (C)", 50, 75, "cukup", "C"),
        ("60 sampai dengan 79 : Baik", 60, 79, "baik", None),
    ],
)
def test_a_band_line_in_each_notation(text, lo, hi, name, abbr):
    band = band_of(line(text))
    assert band is not None
    assert (band.lo, band.hi, band.name, band.abbr) == (
        None if lo is None else Decimal(lo),
        None if hi is None else Decimal(hi),
        name,
        abbr,
    )


@pytest.mark.parametrize(
    "text", ["Capaian kinerja tahun 2016 sangat baik", "80 > 100 Baik", "Tabel 3 Baik sekali"]
)
def test_prose_and_unreadable_notations_are_no_band(text):
    assert band_of(line(text)) is None


def document(*texts: str) -> list[Line]:
    return [line(t) for t in texts]


CAPAIAN_SCALE = ("Skala penilaian capaian kinerja:", "≥ 100 % Sangat Baik",
                 "> 80 - < 100 % Baik", "> 55 - < 80 % Cukup", "< 55 % Kurang")  # fmt: skip


def test_a_scale_is_read_from_the_lowest_band_up():
    bands = read_scale(document(*CAPAIAN_SCALE))
    assert [b.name for b in bands] == ["kurang", "cukup", "baik", "sangat baik"]


def test_a_survey_interval_table_is_not_a_capaian_scale():
    survey = (
        "Nilai interval konversi IKM:",
        "25,00 - 64,99 Tidak Baik",
        "65,00 - 76,60 Kurang Baik",
        "76,61 - 88,30 Baik",
        "88,31 - 100,00 Sangat Baik",
    )
    assert read_scale(document(*survey)) == []


def test_a_scale_with_a_band_it_cannot_read_is_not_used():
    broken = ("Skala penilaian:", "> 100 Sangat Baik", "80 > 100 Baik", "> 55 – 80 Sedang",
              "< 55 Kurang")  # fmt: skip
    assert read_scale(document(*broken)) == []


def test_two_different_scales_leave_none_to_trust():
    other = ("Kategori penilaian kinerja:", "≥ 90 % Sangat Baik", "≥ 75 - < 90 % Baik",
             "< 75 % Kurang")  # fmt: skip
    spacer = tuple(f"paragraf {i}" for i in range(4))
    assert read_scale(document(*CAPAIAN_SCALE, *spacer, *other)) == []


# A minimal report: the scale in Bab III, then a capaian table with a rating column.
RATED = [
    ("Indikator Kinerja", "Target 2016", "Realisasi 2016", "Capaian 2016", "Kategori"),
    # 88,61 % is Sangat Baik on this scale: "Baik" is wrong.
    ("Persentase hunian tempat tidur", "80%", "70,89%", "88,61%", "Baik"),
    # 80 % starts the top band; "60 s/d 79 %" below it is printed in whole percents and
    # stops short of 80: "Baik" is wrong.
    ("Persentase pasien terlayani", "100%", "80%", "80%", "Baik"),
    # 79,6 % lies between 79 and 80: the "60 s/d 79 %" band runs up to 80, "Baik" stands.
    ("Persentase rujukan tepat waktu", "100%", "79,6%", "79,6%", "Baik"),
    # A rating word the scale does not have: not checked.
    ("Persentase dokumen tepat waktu", "100%", "96%", "96%", "Memuaskan"),
]
PAGES = [
    ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016", "RUMAH SAKIT UMUM DAERAH KOTA CONTOH"],
    [
        "BAB III AKUNTABILITAS KINERJA",
        "Penilaian capaian kinerja menggunakan batasan nilai sebagai berikut :",
        "80 s/d 100 % = Sangat Baik (SB)",
        "60 s/d 79 % = Baik (B)",
        "50 s/d 59 % = Sedang (S)",
        "< 50 % = Kurang (K)",
        "Capaian indikator kinerja tahun 2016:",
        RATED,
    ],
    ["BAB IV PENUTUP", "Kinerja tahun 2016 secara umum baik."],
]


@pytest.fixture(scope="module")
def rated_audit(tmp_path_factory, ruleset):
    folder: Path = tmp_path_factory.mktemp("rated")
    report = write_report(folder / "rated.pdf", PAGES, "RSUD Kota Contoh")
    return audit_file(report, ruleset, use_cache=False)


def test_the_rating_that_contradicts_the_scale_is_found(rated_audit):
    found = [
        f
        for f in rated_audit.findings
        if f.category is Category.MUTU_CATEGORY and f.severity is not Severity.INFO
    ]
    assert [(f.rule, f.stated) for f in found] == [("MUT003", "Baik"), ("MUT003", "Baik")]
    assert "88,61%" in found[0].message["id"] and "Sangat Baik (SB)" in found[0].message["id"]
    assert "80%" in found[1].message["id"]
    assert found[0].related and found[0].related[0].page == 2


def _band(lo, hi, name):
    return {"lo": None if lo is None else Decimal(lo), "hi": None if hi is None else Decimal(hi),
            "name": name}  # fmt: skip


@pytest.mark.parametrize(
    ("figure", "expected"),
    [("80", ["sangat baik"]), ("79,6", ["baik"]), ("60", ["baik"]), ("59,5", ["sedang"])],
)
def test_a_band_printed_in_whole_percents_runs_up_to_the_next(figure, expected):
    bands = [_band(50, 59, "sedang"), _band(60, 79, "baik"), _band(80, 100, "sangat baik")]
    value = parse_number(figure)
    assert [b["name"] for b in fitting_bands(value, bands)] == expected


def test_a_bound_two_bands_share_fits_both():
    bands = [_band(60, 80, "baik"), _band(80, 100, "sangat baik")]
    assert [b["name"] for b in fitting_bands(parse_number("80"), bands)] == ["baik", "sangat baik"]
    assert [b["name"] for b in fitting_bands(parse_number("79"), bands)] == ["baik"]


def test_an_unknown_rating_word_is_not_verified(rated_audit):
    mutu = [c for c in rated_audit.coverage if c.category is Category.MUTU_CATEGORY]
    assert sum(c.unverified for c in mutu) >= 1
