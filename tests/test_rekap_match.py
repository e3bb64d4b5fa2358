"""Finding a report's satker in the recap: by kode, by name, or not at all (with candidates)."""

from __future__ import annotations

import pytest

from corpus.recap_pdf import DATA_DIR
from lkjip_audit.rekap import match_satker, read_rekap
from lkjip_audit.rekap.match import normalise, similarity
from lkjip_audit.rekap.model import same_region


@pytest.fixture(scope="module")
def rekap():
    return read_rekap(DATA_DIR)


def matched_name(rekap, name, kode=None, table="rekap_ikm_iki"):
    match = match_satker(name, kode, rekap, table)
    return None if match.row is None else rekap.table(table).iloc[match.row]["satker"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Kantor Imigrasi Kelas II TPI Belakang Padang",
            "Kantor Imigrasi Kelas II TPI Belakang Padang",
        ),
        (
            "Kantor Imigrasi Kelas II Belakang Padang",
            "Kantor Imigrasi Kelas II TPI Belakang Padang",
        ),
        ("KANIM KELAS II TPI BELAKANG PADANG", "Kantor Imigrasi Kelas II TPI Belakang Padang"),
        ("Kanim Kelas 1 Khusus TPI Batam", "Kantor Imigrasi Kelas I Khusus TPI Batam"),
        (
            "Kantor Imigrasi Kelas I Non-TPI Jakarta Selatan",
            "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan",
        ),
        ("Rumah Detensi Imigrasi Denpasar", "Rudenim Denpasar"),
        ("Rudenim Pusat Tanjungpinang", "Rudenim Pusat Tanjung Pinang"),
        ("Kantor Imigrasi Tanjung Pinang", "Kantor Imigrasi Kelas I TPI Tanjung Pinang"),
    ],
)
def test_names_match_across_spellings(rekap, name, expected):
    assert matched_name(rekap, name) == expected


def test_the_same_names_match_in_lampiran_ii(rekap):
    assert (
        matched_name(rekap, "Rudenim Denpasar", table="rekap_ipk")
        == "Rumah Detensi Imigrasi Denpasar"
    )
    assert (
        matched_name(rekap, "Kantor Imigrasi Kelas II Belakang Padang", table="rekap_ipk")
        == "Kantor Imigrasi Kelas II TPI Belakang Padang"
    )


def test_a_kode_satker_decides_over_the_name(rekap):
    match = match_satker("Kantor Imigrasi Somewhere Else", "408128", rekap)
    assert match.how == "kode" and match.score == 100.0
    assert rekap.table("rekap_ikm_iki").iloc[match.row]["satker"].endswith("Belakang Padang")


def test_a_kanim_is_never_matched_to_the_rudenim_of_its_town(rekap):
    assert matched_name(rekap, "Kantor Imigrasi Kelas I TPI Denpasar") != "Rudenim Denpasar"
    assert similarity("Kanim Denpasar", "Rudenim Denpasar") == 0.0


def test_an_ambiguous_name_names_its_candidates(rekap):
    match = match_satker("Kantor Imigrasi Kelas II TPI Tanjung Balai", None, rekap)
    assert match.how == "ambiguous" and match.row is None
    names = [name for name, _ in match.candidates[:2]]
    assert sorted(names) == [
        "Kantor Imigrasi Kelas II TPI Tanjung Balai Asahan",
        "Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun",
    ]


def test_an_unknown_satker_is_missing_with_candidates(rekap):
    match = match_satker("Kantor Imigrasi Kelas II TPI Atlantis", None, rekap)
    assert match.how == "missing" and match.row is None and len(match.candidates) == 3
    assert match_satker(None, None, rekap).how == "missing"


def test_region_rows_are_not_satker_candidates(rekap):
    match = match_satker("Kanwil Kemenkumham Kepulauan Riau", None, rekap)
    assert all(not name.startswith("DIVISI") for name, _ in match.candidates)


def test_normalise_unifies_the_usual_variants():
    assert normalise("Kantor Imigrasi Kelas I Khusus Non TPI") == "kanim kelas1 khusus nontpi"
    assert normalise("Rumah Detensi Imigrasi Pusat") == "rudenim pusat"
    assert normalise("KANWIL MALUTU UTARA") == "kanwil maluku utara"


def test_region_names_match_despite_typos_and_dots():
    regions = ["MALUKU", "MALUKU UTARA", "D.I. YOGYAKARTA", "RIAU", "KEPULAUAN RIAU"]
    assert same_region("MALUTU UTARA", regions) == "MALUKU UTARA"
    assert same_region("D.I YOGYAKARTA", regions) == "D.I. YOGYAKARTA"
    assert same_region("RIAU", regions) == "RIAU"
    assert same_region("PAPUA", regions) is None
