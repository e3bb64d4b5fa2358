"""Misreadings found on real reports of regional units, each reproduced on a minimal PDF of
our own (see ``real_layouts``): the audit must neither report them nor lose the true defect
that sits beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_layouts import write_report
from rich.console import Console

from lkjip_audit.audit import audit_file, read_facts
from lkjip_audit.extract import read_pdf
from lkjip_audit.findings import Category, Severity
from lkjip_audit.recognize.indicators.names import normalise, same_indicator
from lkjip_audit.report.console import render_console

HEADER = "Dinas Kesehatan Provinsi Contoh"
COVER = [
    "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
    "DINAS KESEHATAN PROVINSI CONTOH",
]
# Bab II: a numbered list of PK targets; the running header above carries the page number,
# and "Perjanjian Kinerja Tahun 2016" names a year right before a target.
BAB2 = [
    "BAB II PERENCANAAN KINERJA",
    "Perjanjian Kinerja Tahun 2016 menetapkan sasaran dengan indikator sebagai berikut :",
    "1) Persentase Desa Siaga Aktif, dengan target 66,7%",
    "2) Jumlah Puskesmas yang sudah terakreditasi, dengan target 64",
    "3) Jumlah Rumah Sakit yang sudah terakreditasi, dengan target 70",
    "4) Ratio kematian ibu, dengan target 89/100.000 KH",
    # The list runs on to the next page: its last name ends the page, its target opens the
    # next one, under the running header.
    "5) Persentase penduduk dengan jaminan kesehatan",
]
# Bab III: the multi-period table of regional reports: last year's capaian, this year's
# target, realisasi and % realisasi, the end-of-Renstra target and the capaian against it.
# The % realisasi of Desa Siaga Aktif is wrong (94,9 / 66,7 = 142,28, printed 149,63).
MEASURES = [
    (
        "No",
        "Indikator",
        "Capaian Tahun Lalu (2015)",
        "Target 2016",
        "Realisasi 2016",
        "% Realisasi 2016",
        "Target Akhir Renstra",
        "Capaian terhadap Target Akhir Renstra (%)",
    ),
    ("1", "Persentase Desa Siaga Aktif", "115,5", "66,7%", "94,9%", "149,63", "81%", "117,16%"),
    ("2", "Jumlah Puskesmas yang sudah terakreditasi", "0", "64", "82", "128,13", "256", "32,03%"),
    (
        "3",
        "Jumlah Rumah Sakit yang sudah terakreditasi",
        "138,1",
        "70",
        "76",
        "108,57",
        "90",
        "84,44%",
    ),
]
# A rate printed in a table cell: 89 per 100.000 live births, not Rp 100.000.
RATES = [
    ("Indikator", "Target", "Realisasi"),
    ("Ratio kematian ibu", "89/100.000 KH", "86,97/100.000 KH"),
]
BAB3 = [
    "dengan target 65%.",
    "BAB III AKUNTABILITAS KINERJA",
    "Pengukuran kinerja tahun 2016:",
    MEASURES,
    RATES,
]
BAB4 = [
    "BAB IV PENUTUP",
    "Capaian kinerja tahun 2016 secara umum sangat baik dan akan dipertahankan.",
]


@pytest.fixture(scope="module")
def regional_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("regional")
    return write_report(folder / "regional.pdf", [COVER, BAB2, BAB3, BAB4], HEADER)


@pytest.fixture(scope="module")
def regional_audit(regional_report, ruleset):
    return audit_file(regional_report, ruleset, use_cache=False)


@pytest.fixture(scope="module")
def regional_indicators(regional_report):
    _, facts, _ = read_facts(read_pdf(regional_report, use_cache=False).text)
    return facts.table("indicators")


def flagged(result, category: Category) -> list:
    return [
        f for f in result.findings if f.category is category and f.severity is not Severity.INFO
    ]


def test_page_numbers_and_years_are_never_targets(regional_indicators):
    targets = {t.raw for t in regional_indicators["target"] if t is not None}
    assert not targets & {"1", "2", "3", "4", "2015", "2016"}, targets


def test_a_rate_base_is_not_a_figure(regional_report, regional_indicators):
    values = {
        v.value
        for column in ("target", "realisasi")
        for v in regional_indicators[column]
        if v is not None
    }
    _, facts, _ = read_facts(read_pdf(regional_report).text)
    budget = facts.table("budget_lines")
    amounts = {v.value for c in ("pagu", "realisasi") for v in budget[c] if v is not None}
    assert 100000 not in values | amounts


def test_columns_of_other_periods_are_not_read_as_this_years(regional_indicators):
    table = regional_indicators[regional_indicators["place"] == "bab3-table"]
    rows = {r["name"]: r for _, r in table.iterrows()}
    desa = next(r for name, r in rows.items() if "Desa Siaga" in name)
    assert (desa["target"].raw, desa["realisasi"].raw, desa["capaian"].raw) == (
        "66,7%",
        "94,9%",
        "149,63",
    )


def test_no_consistency_finding_from_misread_values(regional_audit):
    assert flagged(regional_audit, Category.TARGET_CONSISTENCY) == []
    assert flagged(regional_audit, Category.REALISASI_CONSISTENCY) == []


def test_the_true_capaian_defect_is_still_found(regional_audit):
    capaian = flagged(regional_audit, Category.CAPAIAN)
    assert [(f.page, f.stated) for f in capaian] == [(3, "149,63")]
    assert "142,28" in capaian[0].message["id"]


def test_two_accredited_facilities_are_two_indicators():
    puskesmas = normalise("Jumlah Puskesmas yang sudah terakreditasi, dengan target")
    rumah_sakit = normalise("Jumlah Rumah Sakit yang sudah terakreditasi, dengan target")
    assert puskesmas == "jumlah puskesmas yang sudah terakreditasi"
    assert not same_indicator(puskesmas, rumah_sakit)
    assert same_indicator(puskesmas, normalise("Jumlah Puskesmas yang sudah terakreditas"))


# A regional unit's budget and performance pages: a share of the whole that follows its
# amount, an item's base after its share, a list of kegiatan inside parentheses, a table of
# performance measures in units, and a table of cumulative and Renstra figures.
BUDGET_PROSE = [
    "BAB III AKUNTABILITAS KINERJA",
    "Secara keseluruhan pencapaian Realisasi Keuangan maupun fisik anggaran APBD TA.2016 "
    "sampai Bulan Desember 2016 yaitu sebesar Rp.190.250.400.000,- (95,12%) dari total "
    "anggaran sebesar Rp.200.000.000.000,- dengan pencapaian fisik sebesar 99,10%. Dengan "
    "rincian untuk Belanja Langsung, realisasi keuangan mencapai Rp.92.500.000.000,- atau "
    "(92,50%) dari jumlah anggaran sebesar Rp.100.000.000.000,- dengan pencapaian fisik "
    "sebesar 99,50%.",
    "Sasaran ini didukung oleh Program Peningkatan Produksi Pertanian (Kegiatan Peningkatan "
    "Produksi Padi; Peningkatan Produksi Buah dan Sayuran) dengan jumlah anggaran sebesar "
    "Rp.12.345.600.000,-.",
]
PERFORMANCE = [
    ("Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "%"),
    ("Sasaran hama", "Jumlah luas serangan hama", "Ha", "120.500", "96.400", "120,00"),
]
CUMULATIVE = [
    (
        "Indikator Kinerja",
        "Realisasi sampai dengan Tahun 2016 (Tahun 2014+2015+2016)",
        "Target Renstra s/d Tahun 2018",
        "Realisasi 2015 Thdp Tahun 2014",
    ),
    ("Jumlah kelompok tani yang menerapkan sistem mutu", "48", "100", "48,00"),
]
BUDGET_PAGES = [
    COVER,
    ["BAB II PERENCANAAN KINERJA", "Jumlah kelompok tani yang menerapkan sistem mutu, "
     "dengan target 12 kelompok."],
    [*BUDGET_PROSE, PERFORMANCE, CUMULATIVE],
    BAB4,
]  # fmt: skip


@pytest.fixture(scope="module")
def budget_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("regional-budget")
    return write_report(folder / "budget.pdf", BUDGET_PAGES, HEADER)


def test_regional_budget_pages_give_no_false_finding(budget_report, ruleset):
    result = audit_file(budget_report, ruleset, use_cache=False)
    wrong = [
        (f.rule, f.page, f.stated)
        for f in result.findings
        if f.severity is not Severity.INFO
        and f.category not in (Category.EXTRACTION, Category.STRUCTURE)
    ]
    assert wrong == []


def test_an_amount_followed_by_its_share_of_a_base_is_the_realisasi(budget_report):
    _, facts, _ = read_facts(read_pdf(budget_report, use_cache=False).text)
    lines = facts.table("budget_lines")
    realised = {r.value for r in lines["realisasi"] if r is not None}
    allocated = {p.value for p in lines["pagu"] if p is not None}
    assert {190250400000, 92500000000} <= realised
    assert 190250400000 not in allocated
    assert not {120500, 96400} & (realised | allocated)  # hectares are no Rupiah


def test_a_regional_unit_is_checked_with_the_pemda_profile_and_no_recap(regional_audit):
    assert regional_audit.satker == "Dinas Kesehatan Provinsi Contoh"
    assert regional_audit.profile == "lkjip:pemda"
    assert not regional_audit.rekap_checked
    output = Console(width=120, record=True, force_terminal=False)
    render_console([regional_audit], output, "id")
    text = output.export_text()
    assert "profil aturan: lkjip:pemda" in text
    assert "rekap Ditjen dilewati" not in text
