"""Target and realisation consistency on layouts of regional reports, reproduced on a minimal
PDF of our own: an indicator printed with its acronym in one table and spelled out in a detail
table that copies the row above it, a row whose year repeats another indicator's figures, a
target stated alone in a sentence ("targetnya 91,8%"),
and a Perjanjian Kinerja listed as numbered items whose names do not all start with a usual
head word."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Category, Severity

HEADER = "Dinas Kesehatan Provinsi Contoh"
COVER = [
    "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
    "DINAS KESEHATAN PROVINSI CONTOH",
]
DASAR = "Persentase RSUD terisi dokter spesialis Dasar sesuai standar"
PENUNJANG = "Persentase RSUD terisi dokter spesialis Penunjang sesuai standar"
UCI = "Persentase desa/kelurahan yang mencapai UCI"
SUMMARY = [
    ("Indikator Kinerja", "Target", "Realisasi", "Capaian"),
    (DASAR, "97,36%", "37,5%", "38,52%"),
    (PENUNJANG, "52,63%", "64,29%", "122,15%"),
    (UCI, "91%", "91,8%", "100,88%"),
]
# The detail table of the Penunjang indicator repeats the Dasar row (target, realisasi and
# capaian agree with each other, so only the comparison with other places shows it).
DETAIL = [
    ("Indikator Kinerja", "Target 2016", "Realisasi 2016", "Capaian 2016"),
    ("Persentase Rumah Sakit Umum Daerah terisi dokter spesialis Penunjang sesuai standar",
     "97,36%", "37,5%", "38,52%"),
]  # fmt: skip
# Two years side by side: the Hipertensi row's 2015 figures are the TB row's (which another
# table gives too); two indicators at 100% in both years are no copy of each other.
TWO_YEARS = [
    ("Indikator Sasaran", "Target 2015", "Realisasi 2015", "Capaian 2015", "Target 2016",
     "Realisasi 2016", "Capaian 2016"),
    ("Angka Keberhasilan Pengobatan TB", "78%", "70,4%", "90,25%", "86%", "62%", "72,09%"),
    ("Prevalensi Hipertensi", "78%", "70,4%", "90,25%", "33,06%", "32,59%", "98,58%"),
    ("Persentase Puskesmas melapor tepat waktu", "100%", "100%", "100%", "100%", "100%",
     "100%"),
    ("Persentase Rumah Sakit melapor tepat waktu", "100%", "100%", "100%", "100%", "100%",
     "100%"),
]  # fmt: skip
TB = [
    ("Indikator Sasaran", "Target 2015", "Realisasi 2015", "Capaian 2015"),
    ("Angka Keberhasilan Pengobatan TB", "78%", "70,4%", "90,25%"),
]
PAGES = [
    COVER,
    [
        "BAB II PERENCANAAN KINERJA",
        "Perjanjian Kinerja Tahun 2016 memuat indikator sebagai berikut :",
        f"1) {DASAR}, dengan target 97,36%",
        f"2) {PENUNJANG}, dengan target 52,63%",
        "3) Presentase Desa/kelurahan yang mencapai Universal Child Immunization (UCI), "
        "dengan target 91%",
        # Not a usual head word: the target must not go to the UCI indicator of item 3.
        "4) Cakupan Persalinan oleh Tenaga Kesehatan, dengan target 86%",
    ],
    [
        "BAB III AKUNTABILITAS KINERJA",
        "Capaian indikator kinerja tahun 2016:",
        SUMMARY,
        "Rincian indikator spesialis penunjang:",
        DETAIL,
        "Capaian UCI desa tahun 2016 mencapai 91,8 % (5.469 desa mencapai UCI dari 5.956 "
        "desa), sudah mencapai target (targetnya 91,8%). Kabupaten/Kota yang berhasil "
        "mencapai target UCI desa tahun 2016 berjumlah 19.",
    ],
    ["Capaian pengendalian penyakit tahun 2015:", TB],
    ["Capaian indikator pengendalian penyakit dua tahun terakhir:", TWO_YEARS],
    ["BAB IV PENUTUP", "Simpulan capaian indikator kinerja utama tahun 2016:", SUMMARY],
]


@pytest.fixture(scope="module")
def consistency_audit(tmp_path_factory, ruleset):
    folder: Path = tmp_path_factory.mktemp("regional-consistency")
    report = write_report(folder / "consistency.pdf", PAGES, HEADER)
    return audit_file(report, ruleset, use_cache=False)


def _flagged(result) -> list[tuple[str, str | None, int | None]]:
    return sorted(
        (f.rule, f.stated, f.page)
        for f in result.findings
        if f.severity is not Severity.INFO
        and f.category in (Category.TARGET_CONSISTENCY, Category.REALISASI_CONSISTENCY)
    )


def test_copied_row_and_target_stated_alone_are_found_and_nothing_else(consistency_audit):
    assert _flagged(consistency_audit) == [
        ("REA001", "37,5%", 3),
        ("REA002", "70,4%", 5),
        ("TGT001", "91,8%", 3),
        ("TGT001", "97,36%", 3),
    ]


def test_a_copied_row_names_the_row_it_copies(consistency_audit):
    copied = next(f for f in consistency_audit.findings if f.rule == "REA002")
    assert "Prevalensi Hipertensi" in copied.message["id"]
    assert "Angka Keberhasilan Pengobatan TB" in copied.message["id"]


def test_the_spelled_out_name_is_compared_with_its_acronym(consistency_audit):
    target = next(f for f in consistency_audit.findings if f.stated == "97,36%")
    assert "52,63%" in target.message["id"]
