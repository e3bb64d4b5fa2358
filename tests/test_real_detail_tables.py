"""Per-indicator detail tables of regional reports, reproduced on a minimal PDF of our own:
two years of target, realisasi, capaian and predikat side by side, indicator names that do
not start with "Persentase" or "Jumlah", lower-is-better indicators whose direction the
report never states, and a Renstra plan table of five years' targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import flagged, write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Category

HEADER = "Dinas Kesehatan Provinsi Contoh"
COVER = [
    "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
    "DINAS KESEHATAN PROVINSI CONTOH",
]
DETAIL_HEADER = (
    "Indikator Sasaran",
    "Target 2015",
    "Realisasi 2015",
    "Capaian 2015",
    "Penilaian 2015",
    "Target 2016",
    "Realisasi 2016",
    "Capaian 2016",
    "Penilaian 2016",
)
# Cakupan: 2016 capaian wrong (92,46 / 86 = 107,51, printed 102,7).
# UCI: a name with a figure in it; 2015 capaian wrong (81,81 / 90 = 90,90, printed 97,95).
# Angka kesakitan: lower is better, never said; 2016 capaian by target / realisasi
# (40 / 32 = 125,00): consistent for such an indicator, so no finding.
DETAIL_ROWS = [
    ("Cakupan Persalinan oleh Tenaga Kesehatan", "85%", "95,95%", "112,88%", "Sangat Baik",
     "86%", "92,46%", "102,7%", "Sangat Baik"),
    ("Persentase desa/kelurahan mencapai UCI > 90 %", "90%", "81,81%", "97,95%", "Baik",
     "91%", "91,8%", "100,88%", "Sangat Baik"),
    ("Angka kesakitan demam berdarah per 100.000 penduduk", "45", "40", "112,50%",
     "Sangat Baik", "40", "32", "125,00%", "Sangat Baik"),
]  # fmt: skip
# The Renstra's targets for 2014-2018: its 2015 target for Cakupan (84%) was revised to 85%
# in the 2015 PK, which a plan may be; its 2016 target agrees with the PK.
PLAN = [
    ("Indikator Kinerja", "Target 2014", "Target 2015", "Target 2016", "Target 2017",
     "Target 2018"),
    ("Cakupan Persalinan oleh Tenaga Kesehatan", "80%", "84%", "86%", "87%", "88%"),
]  # fmt: skip
PAGES = [
    COVER,
    [
        "BAB II PERENCANAAN KINERJA",
        "Perjanjian Kinerja Tahun 2016 memuat indikator sebagai berikut :",
        "1) Cakupan Persalinan oleh Tenaga Kesehatan, dengan target 86%",
    ],
    [
        "BAB III AKUNTABILITAS KINERJA",
        "Capaian indikator sasaran selama dua tahun terakhir:",
        [DETAIL_HEADER, *DETAIL_ROWS],
    ],
    ["BAB IV PENUTUP", "Target Renstra 2014-2018:", PLAN],
]


@pytest.fixture(scope="module")
def detail_audit(tmp_path_factory, ruleset):
    folder: Path = tmp_path_factory.mktemp("regional-detail")
    report = write_report(folder / "detail.pdf", PAGES, HEADER)
    return audit_file(report, ruleset, use_cache=False)


def test_wrong_capaian_in_detail_tables_are_found_and_nothing_else(detail_audit):
    assert flagged(detail_audit) == [("CAP001", "102,7%"), ("CAP001", "97,95%")]


def test_the_capaian_of_a_name_without_a_usual_head_word_is_recomputed(detail_audit):
    cakupan = next(f for f in detail_audit.findings if f.stated == "102,7%")
    assert "92,46% / 86% × 100% = 107,5" in cakupan.message["id"]
    assert cakupan.page == 3


def test_a_capaian_only_a_lower_is_better_formula_gives_is_not_verified(detail_audit):
    capaian = [c for c in detail_audit.coverage if c.category is Category.CAPAIAN]
    assert sum(c.unverified for c in capaian) >= 1
    assert not any(f.stated == "125,00%" for f in detail_audit.findings)
