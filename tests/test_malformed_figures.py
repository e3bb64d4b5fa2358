"""A target or realisation whose digit grouping is broken ("464.71,75"), in an indicator
table whose realisation header is itself mistyped ("REALALISASI"), reproduced on a minimal
PDF of our own; well-formed figures, and broken ones outside a value column, are left alone."""

from __future__ import annotations

import pytest
from real_layouts import flagged, write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Category
from lkjip_audit.recognize.indicators.malformed import malformed

HEADER = "Badan Penanggulangan Bencana Daerah Provinsi Contoh"
TABLE = [
    ("NO", "INDIKATOR KINERJA", "SATUAN", "TAHUN 2016 TARGET", "TAHUN 2016 REALALISASI"),
    ("1", "Jumlah korban bencana yang ditangani", "orang", "1% dari penduduk", "464.71,75"),
    ("2", "Jumlah desa tangguh bencana", "desa", "40", "1.042,5"),
    ("3.1.2", "Persentase rencana kontinjensi yang disusun", "%", "80", "85,5"),
    ("4", "Jumlah relawan terlatih", "orang", "2.500", "2.8766,5"),
]
PAGES = [
    [
        "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
        "BADAN PENANGGULANGAN BENCANA DAERAH PROVINSI CONTOH",
    ],
    ["BAB III AKUNTABILITAS KINERJA", "Tabel 3.1 Pengukuran kinerja tahun 2016:", TABLE],
]


@pytest.fixture(scope="module")
def audited(tmp_path_factory, ruleset):
    report = write_report(tmp_path_factory.mktemp("malformed") / "lkip.pdf", PAGES, HEADER)
    return audit_file(report, ruleset, use_cache=False)


def test_broken_realisations_are_found_and_nothing_else(audited):
    assert flagged(audited) == [("REA003", "2.8766,5"), ("REA003", "464.71,75")]


def test_the_finding_names_the_indicator_year_and_page(audited):
    finding = next(f for f in audited.findings if f.stated == "464.71,75")
    assert finding.category is Category.REALISASI_CONSISTENCY
    assert finding.page == 2
    assert "Jumlah korban bencana yang ditangani tahun 2016" in finding.message["id"]
    assert finding.bbox is not None


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("464.71,75", True),
        ("1.5,2 %", True),
        ("9.871.1466.000", True),
        ("464.971,75", False),
        ("3,25", False),
        ("1.000", False),
        ("1.2.3", False),
        ("12,5,3", False),
        ("2020/2021", False),
    ],
)
def test_broken_grouping(text: str, broken: bool) -> None:
    assert malformed(text) is broken
