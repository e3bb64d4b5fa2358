"""Polarity read from the report's own words, on a minimal PDF of our own: a prevalence is
lower-is-better by nature, a sasaran "Meningkatnya <subject>" makes its indicator
higher-is-better, an indicator nothing speaks of stays unknown (the check abstains), and a row
whose figures are exactly another indicator's is not held against its own polarity."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import flagged, write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Category

HEADER = "Dinas Contoh Kabupaten Contoh"
COVER = ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2021", "DINAS CONTOH KABUPATEN CONTOH"]
# Prevalensi anemia: 18 / 20 = 90,00 is the higher-is-better formula; lower: 20 / 18 = 111,11.
# Wilayah bebas genangan: the sasaran says more is better; 80 / 82 = 97,56 is the lower
# formula, 82 / 80 = 102,50.
# Lahan kritis: 50 / 40 = 125,00 fits only a lower formula, and nothing says which way the
# indicator goes: not verified.
# Prevalensi gizi kurang: the figures of the row below it (78 / 70,4 / 90,25), copied.
# Angka kematian bayi: rates per 1000 (5,8 / 4,01 = 144,64, printed 141,46).
# Angka kematian ibu: rates per different bases (100.000 and 10.000): not compared.
TABLE = [
    ("Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"),
    ("Terkendalinya masalah gizi", "Prevalensi anemia pada remaja putri", "20%", "18%",
     "90,00%"),
    ("Meningkatnya wilayah bebas genangan", "Persentase wilayah bebas genangan", "80%",
     "82%", "97,56%"),
    ("Terpulihkannya lahan", "Persentase lahan kritis tertangani", "50", "40", "125,00%"),
    ("Terkendalinya masalah gizi", "Prevalensi balita gizi kurang", "78%", "70,4%",
     "90,25%"),
    ("Terkendalinya penyakit", "Angka keberhasilan pengobatan penyakit menular", "78%",
     "70,4%", "90,25%"),
    ("Menurunnya kematian bayi", "Angka kematian bayi", "5,8/1000 KH", "4,01/ 1000 KH",
     "141,46%"),
    ("Menurunnya kematian ibu", "Angka kematian ibu", "89/100.000 KH", "8,7/ 10.000 KH",
     "87,00%"),
]  # fmt: skip
PAGES = [
    COVER,
    ["BAB III AKUNTABILITAS KINERJA", "Capaian indikator kinerja tahun 2021:", TABLE],
]


@pytest.fixture(scope="module")
def polarity_audit(tmp_path_factory, ruleset):
    folder: Path = tmp_path_factory.mktemp("regional-polarity")
    report = write_report(folder / "polarity.pdf", PAGES, HEADER)
    return audit_file(report, ruleset, use_cache=False)


def test_capaian_computed_against_the_indicators_own_polarity_are_found(polarity_audit):
    assert flagged(polarity_audit) == [
        ("CAP001", "141,46%"),
        ("CAP001", "90,00%"),
        ("CAP001", "97,56%"),
    ]


def test_the_recomputation_follows_the_polarity(polarity_audit):
    messages = {f.stated: f.message["id"] for f in polarity_audit.findings}
    assert "20% / 18% × 100% = 111," in messages["90,00%"]
    assert "82% / 80% × 100% = 102," in messages["97,56%"]
    assert "5,8/1000 KH / 4,01/ 1000 KH × 100% = 144," in messages["141,46%"]


def test_unknown_polarity_and_copied_rows_are_not_verified(polarity_audit):
    capaian = [c for c in polarity_audit.coverage if c.category is Category.CAPAIAN]
    assert sum(c.unverified for c in capaian) >= 2
    assert not any(f.stated in ("125,00%", "90,25%") for f in polarity_audit.findings)
