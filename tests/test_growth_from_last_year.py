"""A change "from last year's realisation" whose earlier value only the table above gives
(PCT001): flagged when it follows from no reading, left alone as a relative change, a change
in points, or last year's value itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import write_report

from lkjip_audit.audit import audit_file

INDICATOR = "Persentase rumah tangga ber-PHBS"


def _pages(figure: str) -> list:
    return [
        [
            "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
            "DINAS KESEHATAN PROVINSI CONTOH",
        ],
        [
            "BAB III AKUNTABILITAS KINERJA",
            "Pengukuran kinerja tahun 2016:",
            f"a) {INDICATOR}",
            [
                ("Indikator", "Target 2015", "Realisasi 2015", "Target 2016", "Realisasi 2016"),
                (INDICATOR, "40%", "53,6%", "55%", "56,03%"),
            ],
            "Tabel diatas memperlihatkan realisasi PHBS tahun 2016 adalah 56,03 %, hal ini "
            f"mengalami peningkatan dari hasil realisasi tahun 2015 sebesar {figure}. Hal ini "
            "karena komitmen daerah.",
        ],
        ["BAB IV PENUTUP", "Capaian kinerja tahun 2016 baik."],
    ]


def _growth(tmp_path: Path, ruleset, figure: str) -> list:
    report = write_report(tmp_path / "growth.pdf", _pages(figure), "Dinas Kesehatan Contoh")
    result = audit_file(report, ruleset, use_cache=False)
    return [(f.page, f.stated, f.expected) for f in result.findings if f.rule == "PCT001"]


def test_a_change_that_follows_from_no_reading_is_an_error(tmp_path: Path, ruleset):
    assert _growth(tmp_path, ruleset, "1,04%") == [(2, "1,04%", "4,53%")]


@pytest.mark.parametrize(
    "figure",
    [
        "4,53%",  # (56,03 − 53,6) / 53,6
        "2,43%",  # 56,03 − 53,6 in points
        "53,6%",  # last year's realisation itself
        "55%",  # this year's target
    ],
)
def test_readings_that_hold_are_left_alone(tmp_path: Path, ruleset, figure: str):
    assert _growth(tmp_path, ruleset, figure) == []
