"""Capaian tables of regional reports, reproduced on a minimal PDF of our own: a summary table
that prints only the target and the capaian, and an evaluation table whose stacked header
groups target, realisasi and % realisasi under the year, next to last year's capaian and the
end-of-Renstra target, with the column numbers "1 2 3 ..." under the header; and a table
whose rest on the next page is printed without its header."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import flagged, write_report
from support import document_from_pages

from lkjip_audit.audit import audit_file
from lkjip_audit.extract import extract_document
from lkjip_audit.extract.model import Cell, DocumentText, Table
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.indicators import recognize_indicators

HEADER = "Rumah Sakit Contoh Provinsi Contoh"
COVER = [
    "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016",
    "RUMAH SAKIT CONTOH PROVINSI CONTOH",
]
# Summary: target and capaian only.
# - Waktu tunggu: 64,20 / 70 = 91,71, printed 70,00 (the target copied into the capaian).
# - Kepatuhan: 88 / 80 = 110,00, printed 110% (consistent).
# - Pelatihan: the summary's target 60 is not the evaluation's 75: another basis, no finding.
# Evaluation, against the end-of-Renstra target:
# - Kepatuhan: 88 / 90 = 97,78, printed 96,78.
# - Dokumen: its year's capaian is wrong (81 / 90 = 90,00, printed 88,00): its Renstra pair
#   (80,00 against 81 / 100 = 81,00) is not checked on a row already wrong.
SUMMARY = [
    ("Indikator Kinerja", "Target", "Capaian"),
    ("Persentase pasien dengan waktu tunggu sesuai standar", "70%", "70,00"),
    ("Persentase kepatuhan pemakaian alat pelindung diri", "80%", "110%"),
    ("Persentase pegawai yang mengikuti pelatihan teknis", "60%", "95%"),
]
EVALUATION = [
    (
        "Indikator",
        "Capaian\nThn Lalu",
        "Target",
        "Target\nRealisasi",
        "Target\n% Realisasi",
        "Target Akhir\nRenstra",
        "Capaian terhadap\nTarget Akhir Renstra",
    ),
    ("1", "2", "3", "4", "5", "6", "7"),
    ("Persentase pasien dengan waktu tunggu sesuai standar", "60,00", "70,00", "64,20",
     "91,71", "80,00", "80,25"),
    ("Persentase kepatuhan pemakaian alat pelindung diri", "75,00", "80,00", "88,00",
     "110,00", "90,00", "96,78"),
    ("Persentase pegawai yang mengikuti pelatihan teknis", "70,00", "75,00", "71,25",
     "95,00", "80,00", "89,06"),
    ("Persentase dokumen perencanaan yang tepat waktu", "90,00", "90,00", "81,00",
     "88,00", "100,00", "80,00"),
]  # fmt: skip
PAGES = [
    COVER,
    [
        "BAB III AKUNTABILITAS KINERJA",
        "Tabel 6 Capaian indikator kinerja tahun 2016:",
        SUMMARY,
        "Tabel 8 Evaluasi indikator kinerja:",
        EVALUATION,
    ],
]


@pytest.fixture(scope="module")
def capaian_pdf(tmp_path_factory) -> Path:
    folder: Path = tmp_path_factory.mktemp("regional-capaian")
    return write_report(folder / "capaian.pdf", PAGES, HEADER)


@pytest.fixture(scope="module")
def capaian_audit(capaian_pdf, ruleset):
    return audit_file(capaian_pdf, ruleset, use_cache=False)


def test_a_capaian_printed_without_its_realisation_is_checked_against_the_other_table(
    capaian_audit,
):
    assert flagged(capaian_audit) == [
        ("CAP001", "88,00"),
        ("CAP005", "70,00"),
        ("CAP006", "96,78"),
    ]
    finding = next(f for f in capaian_audit.findings if f.rule == "CAP005")
    assert "64,20 / 70,00 × 100% = 91,71" in finding.message["id"]
    assert finding.page == 2


def test_the_capaian_against_the_end_of_renstra_target_is_recomputed(capaian_audit):
    finding = next(f for f in capaian_audit.findings if f.rule == "CAP006")
    assert "88,00 / 90,00 × 100% = 97,78" in finding.message["id"]


def test_the_year_columns_under_a_stacked_header_are_read(capaian_pdf):
    """'Target Realisasi' is the realisation under the year's group, '% Realisasi' its
    capaian; last year's capaian and the Renstra columns are not this year's figures."""
    doc = extract_document(capaian_pdf, use_cache=False)
    rows = recognize_indicators(doc, DocumentMeta(year=2016))["indicators"]
    evaluation = rows[rows["realisasi"].notna()]
    assert sorted(str(v.raw) for v in evaluation["capaian"]) == [
        "110,00",
        "88,00",
        "91,71",
        "95,00",
    ]
    assert sorted(str(v.raw) for v in evaluation["realisasi"]) == [
        "64,20",
        "71,25",
        "81,00",
        "88,00",
    ]
    assert sorted(str(v.raw) for v in evaluation["target"]) == ["70,00", "75,00", "80,00", "90,00"]


def _cells(texts: tuple[str, ...], page: int, top: float, lefts: tuple[float, ...]) -> list[Cell]:
    return [
        Cell(text, page, (left, top, left + 60, top + 12))
        for text, left in zip(texts, lefts, strict=True)
    ]


LEFTS = (40.0, 220.0, 300.0, 380.0)
HEADER_KEYS = ["Indikator", "Target", "Realisasi", "Capaian (%)"]


def _split_table_document(lower_lefts: tuple[float, ...]) -> DocumentText:
    """A capaian table whose rest on the next page has no header: the extraction takes the
    first row there (the end of a wrapped name) for one."""
    doc = document_from_pages(
        ["BAB III AKUNTABILITAS KINERJA\nPengukuran kinerja tahun 2016:", "Lanjutan tabel"]
    )
    upper = Table(
        pages=(1,),
        bbox=(40.0, 200.0, 440.0, 240.0),
        header=HEADER_KEYS,
        rows=[_cells(("Persentase desa siaga aktif", "60%", "66%", "110%"), 1, 210, LEFTS)],
    )
    lower = Table(
        pages=(2,),
        bbox=(40.0, 100.0, 440.0, 140.0),
        header=["rawat inap", "", "", ""],
        rows=[
            _cells(
                ("Persentase penduduk dengan jaminan kesehatan", "65%", "65,56%", "114,27"),
                2,
                110,
                lower_lefts,
            )
        ],
    )
    doc.tables = [upper, lower]
    return doc


def test_the_rest_of_a_table_on_the_next_page_keeps_its_columns():
    doc = _split_table_document(LEFTS)
    rows = recognize_indicators(doc, DocumentMeta(year=2016))["indicators"]
    rest = rows[rows["page"] == 2].iloc[0]
    assert (rest["target"].raw, rest["realisasi"].raw, rest["capaian"].raw) == (
        "65%",
        "65,56%",
        "114,27",
    )


def test_a_headerless_table_with_other_columns_is_not_read_as_the_rest():
    doc = _split_table_document((40.0, 250.0, 330.0, 410.0))
    rows = recognize_indicators(doc, DocumentMeta(year=2016))["indicators"]
    assert (rows["page"] == 2).sum() == 0
