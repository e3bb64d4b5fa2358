"""Indicator statements and narrative claims read from text: the seed report and hand-made
pages in other wordings, number formats and layouts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import document_from_pages

from corpus.seed_pdf import DEFAULT_TEXT, read_lines, split_pages
from lkjip_audit.extract.model import Cell, DocumentText, Table
from lkjip_audit.facts import Facts
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.claims import recognize_claims
from lkjip_audit.recognize.indicators import recognize_indicators
from lkjip_audit.recognize.indicators.names import IndicatorNames, normalise, same_indicator

IKM = "indeks kepuasan masyarakat"
IPK = "indeks pengamanan keimigrasian"
IKI = "indeks kepuasan internal"


@pytest.fixture(scope="module")
def seed_document() -> DocumentText:
    """The seed text, one page per page of the original report."""
    lines = read_lines(DEFAULT_TEXT)
    return document_from_pages(["\n".join(lines[a:b]) for a, b in split_pages(lines)])


@pytest.fixture(scope="module")
def seed_facts(seed_document) -> Facts:
    facts = Facts()
    facts.update(recognize_indicators(seed_document, DocumentMeta()))
    facts.update(recognize_claims(seed_document, DocumentMeta()))
    return facts


def read(*pages: str, year: int | None = 2023) -> Facts:
    doc = document_from_pages(list(pages))
    facts = Facts()
    facts.update(recognize_indicators(doc, DocumentMeta(year=year)))
    facts.update(recognize_claims(doc, DocumentMeta(year=year)))
    assert facts.problems == []
    return facts


def values(frame, key: str, column: str, place: str | None = None) -> set[str]:
    rows = frame[frame["key"] == key]
    if place:
        rows = rows[rows["place"] == place]
    return {v.raw for v in rows[column] if v is not None}


# --- names -------------------------------------------------------------------------------


def test_normalise_drops_numbering_region_and_service_phrase():
    assert (
        normalise("1. Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian di Wilayah") == IKM
    )
    assert normalise("Indeks Kepuasan Internal diwilayah") == IKI


def test_names_match_typos_and_generic_words_but_not_other_indicators():
    assert same_indicator(normalise("Indeks Kepuasan Masyarkat"), IKM)
    assert same_indicator(normalise("Indeks Kepuasan Internal Keimigrasian di Wilayah"), IKI)
    assert not same_indicator(IKM, IKI)
    assert not same_indicator(IKM, IPK)


def test_names_match_an_acronym_spelled_out_fillers_and_typos_but_not_a_sibling():
    rsud = normalise("Persentase RSUD terisi dokter spesialis Penunjang sesuai standar")
    spelled = "Persentase Rumah Sakit Umum Daerah terisi dokter spesialis Penunjang sesuai standar"
    sibling = "Persentase Rumah Sakit Umum Daerah terisi dokter spesialis Dasar sesuai standar"
    assert same_indicator(normalise(spelled), rsud)
    assert not same_indicator(normalise(sibling), rsud)
    uci = normalise("Persentase desa/kelurahan UCI > 90 %")
    assert same_indicator(uci, normalise("Persentasi desa/kelurahan yang mencapai UCI > 90 %"))
    assert not same_indicator(uci, normalise("Persentase desa/kelurahan UHC > 90 %"))


def test_a_name_after_another_head_word_is_not_a_mention_of_the_headless_name():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Indikator Kinerja Target Realisasi Capaian\n"
        "Persentase Rumah Sakit terakreditasi 80% 82% 102,5%\n"
        "Jumlah Rumah Sakit yang sudah terakreditasi tahun 2023 mencapai 70 dari target 76.\n"
    )
    table = facts.table("indicators")
    key = normalise("Persentase Rumah Sakit terakreditasi")
    assert values(table, key, "target") == {"80%"}


def test_names_keep_an_unmatched_name_and_resolve_mentions_and_acronyms():
    names = IndicatorNames()
    first = names.key("Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian di Wilayah")
    assert names.key("Indeks Kepuasan Masyarkat") == first
    assert names.key("Persentase Penyelesaian Pengaduan") == "persentase penyelesaian pengaduan"
    assert names.resolve("Indeks Kepuasan Masyarakat Kantor Imigrasi Kelas II") == first
    assert names.resolve("IKM") == first
    assert names.resolve("Indeks Pengamanan Keimigrasian") is None


def test_a_name_cut_by_its_cell_joins_the_full_name_but_a_qualified_one_does_not():
    names = IndicatorNames()
    full = names.key("Rata-rata Waktu Penyelesaian Permohonan Paspor")
    assert names.key("Rata-rata Waktu Penyelesaian") == full
    ikk = names.key("Indeks Kepuasan Masyarakat")
    assert names.key("Indeks Kepuasan Masyarakat terhadap Layanan Publik Bidang Hukum") != ikk


# --- the seed ------------------------------------------------------------------------------


def test_seed_realisations_conflict_between_places(seed_facts):
    table = seed_facts.table("indicators")
    this_year = table[table["year"] == 2023]
    assert values(this_year, IKM, "realisasi", "ikhtisar") == {"3,87"}
    assert values(this_year, IKM, "realisasi", "bab3-table") == {"3,25", "3,96"}
    assert values(this_year, IKM, "realisasi", "bab3-narrative") == {"3,96"}
    assert values(this_year, IPK, "realisasi", "ikhtisar") == {"3,13"}
    assert values(this_year, IPK, "realisasi", "bab3-narrative") == {"3,98"}
    assert values(this_year, IKI, "realisasi", "ikhtisar") == {"3,86"}


def test_seed_targets_come_from_pk_lampiran_and_tables(seed_facts):
    table = seed_facts.table("indicators")
    assert values(table, IKM, "target", "pk") == {"3,25"}
    assert values(table, IPK, "target", "lampiran-pk") == {"3,13"}
    assert values(table, IKI, "target", "lampiran-pk") == {"3.13"}
    assert values(table, "nilai reformasi birokrasi", "target", "pk") == {"87"}


def test_seed_multi_year_table_gives_one_row_per_year(seed_facts):
    table = seed_facts.table("indicators")
    rows = table[(table["key"] == IKM) & (table["raw"].str.startswith("3,15"))]
    by_year = {int(r.year): r for r in rows.itertuples()}
    assert set(by_year) == {2021, 2022, 2023}
    assert by_year[2022].target.raw == "3,20" and by_year[2022].realisasi is None
    assert (by_year[2023].target.raw, by_year[2023].realisasi.raw) == ("3,25", "3,96")
    assert by_year[2023].capaian.raw == "100%"


def test_seed_comparison_rows_name_the_other_unit(seed_facts):
    table = seed_facts.table("indicators")
    rows = table[(table["place"] == "bab3-comparison") & (table["key"] == IKM)]
    assert {(r.entity, r.reference.raw, r.realisasi.raw) for r in rows.itertuples()} == {
        ("Kanwil Kemenkumham Kepri", "3,63", "3,96"),
        ("Direktorat Jenderal Imigrasi", "3,94", "3,96"),
    }


def test_seed_rows_keep_page_box_and_raw_text(seed_facts):
    table = seed_facts.table("indicators")
    row = table[(table["place"] == "ikhtisar") & (table["key"] == IKM)].iloc[0]
    assert row["page"] == row["realisasi"].page == 4
    assert row["realisasi"].bbox is not None and "3,87" in row["raw"]


def test_seed_claims(seed_facts):
    claims = seed_facts.table("claims")
    growth = claims[claims["kind"] == "growth"]
    assert {(r.stated.raw, r.a.raw, r.b.raw) for r in growth.itertuples()} == {
        ("17,3%", "3,20", "3,87"),
        ("0,3%", "3,12", "3,13"),
    }
    differences = claims[claims["kind"] == "difference"]
    ditjen = differences[differences["stated"].map(lambda s: s.raw) == "0,02"].iloc[0]
    assert (ditjen["a"].raw, ditjen["b"].raw, ditjen["entity"]) == ("3,96", "3,96", "ditjen")
    ratios = claims[claims["kind"] == "ratio"]
    assert {(r.a.raw, r.b.raw) for r in ratios.itertuples()} == {("3,96", "3,30"), ("3,96", "3,14")}


def test_seed_recap_letter_is_not_read_as_the_offices_statements(seed_facts):
    table = seed_facts.table("indicators")
    assert "3,94" not in values(table, IKM, "realisasi") - values(
        table[table["place"] == "bab3-comparison"], IKM, "reference"
    )


# --- other wordings and layouts --------------------------------------------------------------

PK_PAGE = """BAB II
PERENCANAAN KINERJA
PERJANJIAN KINERJA TAHUN 2023
No Sasaran Kegiatan Indikator Kinerja Kegiatan Target
1 Meningkatnya layanan Indeks Kepuasan Masyarakat 3.25 indeks
2 Meningkatnya layanan Rata-rata Waktu Penyelesaian Paspor 3.00 hari
"""

BAB3_PAGE = """BAB III
AKUNTABILITAS KINERJA
Realisasi IKM Kantor Imigrasi Kelas I TPI Contoh pada tahun 2023 tercatat sebesar 3.51
dengan target 3.25, sehingga capaian kinerjanya adalah 108.00%.
3. Indikator Kinerja Kegiatan Rata-rata Waktu Penyelesaian Paspor
Indikator ini mengukur lama penyelesaian; semakin kecil nilainya, semakin baik kinerjanya.
Untuk indikator Rata-rata Waktu Penyelesaian Paspor, realisasi tahun 2023 mencapai 2.50
terhadap target 3.00 dengan capaian 120.00%.
"""


def test_other_wording_dot_decimals_and_lower_is_better():
    facts = read(PK_PAGE, BAB3_PAGE)
    table = facts.table("indicators")
    ikm = table[(table["key"] == IKM) & (table["place"] == "bab3-narrative")].iloc[0]
    assert (ikm["realisasi"].value, ikm["target"].value) == (Decimal("3.51"), Decimal("3.25"))
    assert ikm["capaian"].raw == "108.00%"
    assert not ikm["lower_is_better"]
    waktu = table[table["key"].str.startswith("rata-rata waktu")]
    assert set(waktu["place"]) == {"pk", "bab3-narrative"}
    assert waktu["lower_is_better"].all()


def test_target_of_another_year_is_not_this_years_target():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\nIndeks Kepuasan Masyarakat tahun 2023 sebesar 3,40.\n"
        "Target Indeks Kepuasan Masyarakat tahun 2024 adalah sebesar 3,30 sementara realisasi\n"
        "di tahun 2023 adalah sebesar 3,40 atau capaian sebesar 103,03%.\n"
    )
    table = facts.table("indicators")
    assert table["target"].isna().all()
    assert values(table, IKM, "realisasi") == {"3,40"}
    ratio = facts.table("claims").query("kind == 'ratio'").iloc[0]
    assert (ratio["a"].raw, ratio["b"].raw, ratio["stated"].raw) == ("3,40", "3,30", "103,03%")


def test_numbered_growth_list_is_read_for_the_numbered_indicator():
    facts = read(
        "IKHTISAR EKSEKUTIF\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 3,25 3,94 121,2%\n"
        "2 Indeks Pengamanan Keimigrasian 3,13 3,74 119,5%\n"
        "1. Dibandingkan tahun 2022 yang sebesar 3,79, realisasi tersebut naik 4,0%.\n"
        "2. Dibandingkan tahun 2022 yang sebesar 3,86, realisasi tersebut turun 3,1%.\n"
    )
    growth = facts.table("claims").query("kind == 'growth'")
    assert {(r.key, r.a.raw, r.b.raw, r.direction) for r in growth.itertuples()} == {
        (IKM, "3,79", "3,94", "up"),
        (IPK, "3,86", "3,74", "down"),
    }


@pytest.mark.parametrize(
    ("sentence", "value", "category"),
    [
        (
            "Nilai IKM 3,40 menempatkan Kantor Imigrasi Kelas II pada kategori mutu A (Sangat "
            "Baik).",
            "3,40",
            "A; Sangat Baik",
        ),
        # the value named after a colon
        (
            "Mutu pelayanan B, kategori Kurang Baik: itulah arti nilai IKM 87,25 yang\n"
            "diperoleh dari 877 responden.",
            "87,25",
            "B; Kurang Baik",
        ),
    ],
)
def test_mutu_claim_reads_value_and_categories_but_not_the_interval_table(
    sentence, value, category
):
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Nilai Persepsi Nilai Interval Mutu Kinerja Unit\n"
        "3 3,0644 – 3,532 B Baik\n"
        "4 3,5324 – 4,00 A Sangat Baik\n" + sentence + "\n"
    )
    mutu = facts.table("claims").query("kind == 'mutu'")
    assert len(mutu) == 1
    assert mutu.iloc[0]["stated"].raw == value
    assert mutu.iloc[0]["category"] == category


def test_extracted_table_with_split_headers_and_wrapped_cells():
    doc = document_from_pages(["BAB III\nAKUNTABILITAS KINERJA\nTabel capaian kinerja"])
    line = doc.pages[0].lines[-1]

    def cell(text: str, row: int) -> Cell:
        return Cell(text, 1, (72.0, 200.0 + 14 * row, 300.0, 210.0 + 14 * row))

    header = ["Indikator", "Targ et 2023", "Reali sasi 2023", "Capa ian 2023"]
    rows = [
        [cell("Indeks Kepuasan", 0), cell("3,25", 0), cell("3,93", 0), cell("120,9 2 %", 0)],
        [cell("Masyarakat", 1), cell("", 1), cell("", 1), cell("", 1)],
    ]
    doc.tables.append(Table((1,), (72.0, line.bbox[3] + 20, 500.0, 240.0), header, rows, False))
    table = recognize_indicators(doc, DocumentMeta(year=2023))["indicators"]
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["name"], row["key"], row["place"]) == (
        "Indeks Kepuasan Masyarakat",
        IKM,
        "bab3-table",
    )
    assert (row["target"].raw, row["realisasi"].raw, row["capaian"].value) == (
        "3,25",
        "3,93",
        Decimal("120.92"),
    )


def test_budget_and_prose_lines_are_no_indicator_rows():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Kegiatan Anggaran Realisasi Persentase\n"
        "Jumlah 9.994.711.000 9.825.932.287 98,31%\n"
        "Anggaran Rp. 8.538.182.000 Rp. 8.497.875.809 100%\n"
    )
    assert facts.table("indicators").empty


def test_a_quarters_figure_is_not_the_years_realisation():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Pada triwulan I, realisasi Indeks Kepuasan Masyarakat adalah sebesar 3,10 dari target\n"
        "sebesar 3,25. Realisasi Indeks Kepuasan Masyarakat tahun 2023 adalah sebesar 3,51 dari\n"
        "target sebesar 3,25.\n"
    )
    table = facts.table("indicators")
    assert values(table, IKM, "realisasi") == {"3,51"}


def test_a_figure_is_only_tied_to_an_indicator_named_in_its_sentence():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Realisasi Indeks Kepuasan Masyarakat tahun 2023 adalah sebesar 3,51 dari target 3,25.\n"
        "Pada tahun 2023 realisasi penerbitan paspor adalah sebesar 3,20 ribu dokumen.\n"
        "Capaian ini didukung inovasi layanan. Nilai ini sebesar 3,51 dari target 3,25.\n"
    )
    table = facts.table("indicators")
    assert values(table, IKM, "realisasi") == {"3,51"}


def test_target_before_realisation_with_unit_and_year_between_and_other_orders():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 3,25 3,87 119,08%\n"
        "2 Nilai Evaluasi Akuntabilitas Kinerja 70,00 77,99 111,41%\n"
        "Rincian tiap indikator adalah sebagai berikut.\n"
        "Dari target Indeks Kepuasan Masyarakat sebesar 3,25, realisasi yang dicapai Dinas\n"
        "Kesehatan Kabupaten Grobogan pada tahun 2023 adalah 3,78.\n"
        "Dari target 70,00, Nilai Evaluasi Akuntabilitas Kinerja terealisasi 77,90.\n"
    )
    table = facts.table("indicators")
    narrative = table[table["place"] == "bab3-narrative"]
    assert {(r.key.split()[0], r.realisasi.raw, r.target.raw) for r in narrative.itertuples()} == {
        ("indeks", "3,78", "3,25"),
        ("nilai", "77,90", "70,00"),
    }


def test_realisation_named_by_its_measurement_before_the_target():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 80,00 82,25 102,81%\n"
        "Pengukuran Indeks Kepuasan Masyarakat tahun 2023 menghasilkan angka 82,12, sementara\n"
        "target yang diperjanjikan 80,00.\n"
    )
    assert values(facts.table("indicators"), IKM, "realisasi") >= {"82,12"}


def test_growth_from_a_value_with_its_year_after_it_to_the_new_one():
    facts = read(
        "IKHTISAR EKSEKUTIF\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 3,25 3,94 121,2%\n"
        "Indeks Kepuasan Masyarakat: realisasi bergerak turun dari 3,99 (tahun 2022) ke 3,94\n"
        "(tahun 2023) atau susut 1,3%.\n"
    )
    growth = facts.table("claims").query("kind == 'growth'")
    assert {(r.a.raw, r.b.raw, r.direction) for r in growth.itertuples()} == {
        ("3,99", "3,94", "down")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Naik 6,3 %: realisasi 80,00 tahun 2023 dibanding 77,80 tahun 2022.",
            ("77,80", "80,00", "up"),
        ),
        (
            "Penurunan 2,1 % terjadi dari 81,75 pada 2022 ke 80,00 pada 2023.",
            ("81,75", "80,00", "down"),
        ),
    ],
)
def test_growth_rate_before_the_values_it_compares(sentence, expected):
    facts = read(
        "IKHTISAR EKSEKUTIF\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 80,00 80,00 100,0%\n"
        "Indeks Kepuasan Masyarakat tahun 2023 mencapai target.\n" + sentence + "\n"
    )
    growth = facts.table("claims").query("kind == 'growth'")
    assert [(r.a.raw, r.b.raw, r.direction) for r in growth.itertuples()] == [expected]


def test_a_shortened_name_and_a_year_table_keep_the_indicator_one_key():
    full = "Persentase Layanan yang Diselesaikan Sesuai Standar Pelayanan"
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        f"1 {full} 85,00 84,93 99,92%\n"
        "% capaian Persentase Layanan Sesuai Standar = 84,93 : 85,00 x 100 % = 99,92%\n"
        "Angka realisasi Persentase Layanan Sesuai Standar tahun 2023 yang dilaporkan Dinas\n"
        "Kesehatan: 84,82 (target 85,00).\n"
        f"Perbandingan {full}\ntahun 2021–2023:\n"
        "Uraian 2021 2022 2023\n"
        "Target 82,00 83,50 85,00\n"
        "Realisasi 79,08 78,03 84,93\nCapaian 96,44% 93,45% 99,92%\n",
        # the year header repeated where the table breaks across the page
        "Uraian 2021 2022 2023\nPeningkatan 8,8% terjadi dari 78,03 pada 2022 ke 84,93.\n",
    )
    table = facts.table("indicators")
    assert set(table.key) == {normalise(full)}
    assert values(table, normalise(full), "realisasi") >= {"84,93", "84,82"}


def test_mutu_claim_with_dikategorikan():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "Survei dilaksanakan sepanjang tahun.\n"
        "Nilai IKM 82,25 tersebut berada pada rentang mutu B, sehingga kinerja pelayanan\n"
        "Dinas Kesehatan dikategorikan Baik.\n"
    )
    mutu = facts.table("claims").query("kind == 'mutu'")
    assert len(mutu) == 1
    assert mutu.iloc[0]["stated"].raw == "82,25"
    assert "Baik" in mutu.iloc[0]["category"]


def test_capaian_before_its_figures_and_indicator_named_after_them():
    facts = read(
        "BAB III\nAKUNTABILITAS KINERJA\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Indeks Kepuasan Masyarakat 3,25 3,87 119,08%\n"
        "2 Nilai Evaluasi Akuntabilitas Kinerja 70,00 77,99 111,41%\n"
        "Rincian tiap indikator adalah sebagai berikut.\n"
        "Capaian Indeks Kepuasan Masyarakat tahun 2023 adalah 100% (realisasi 3,87 terhadap\n"
        "target 3,25).\n"
        "Realisasi 77,90 atas target 70,00 dicapai oleh indikator Nilai Evaluasi Akuntabilitas\n"
        "Kinerja.\n"
    )
    table = facts.table("indicators")
    narrative = table[table["place"] == "bab3-narrative"]
    rows = {
        (r.key.split()[0], r.realisasi.raw, r.target.raw, r.capaian.raw if r.capaian else None)
        for r in narrative.itertuples()
    }
    assert rows == {("indeks", "3,87", "3,25", "100%"), ("nilai", "77,90", "70,00", None)}


def test_a_name_that_only_follows_the_figures_is_the_next_items():
    # A list printed without full stops: the next item's name follows the target, but the
    # figures are the first item's.
    facts = read(
        "BAB II\nPERENCANAAN KINERJA\n"
        "1) Jumlah Puskesmas yang sudah terakreditasi, dengan target 64 realisasi 82\n"
        "2) Jumlah Rumah Sakit yang sudah terakreditasi, dengan target 70 realisasi 76\n",
        year=2016,
    )
    table = facts.table("indicators")
    assert values(table, "jumlah rumah sakit", "target") == {"70"}
