"""The budget recognizer on the seed text and on hand-made layouts: sections, years,
hierarchy (bullets, indentation, numbers), number styles, prose figures."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from support import document_from_pages

from lkjip_audit.facts import Facts
from lkjip_audit.facts.budget import SECTIONS
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.budget import budget_lines, recognize_budget, split_runs
from lkjip_audit.recognize.budget.model import BudgetLine
from lkjip_audit.recognize.budget.tree import Node, build_parents, indent_levels


def seed_document(text: str):
    """The seed text as pages, split where the text shows a page break (3+ blank lines)."""
    return document_from_pages(re.split(r"\n[ \t]*\n[ \t]*\n[ \t]*\n", text))


def lines_of(pages: list[str], year: int | None = 2023) -> list[BudgetLine]:
    return budget_lines(document_from_pages(pages), DocumentMeta(year=year))


def by_label(lines: list[BudgetLine], start: str) -> list[BudgetLine]:
    return [line for line in lines if line.label.startswith(start)]


def value(figure) -> Decimal | None:
    return None if figure is None else figure.value


@pytest.fixture(scope="module")
def seed_lines(seed_text) -> list[BudgetLine]:
    return budget_lines(seed_document(seed_text), DocumentMeta())


def test_seed_sections_cover_every_budget_place(seed_lines):
    sections = {line.section for line in seed_lines}
    assert sections >= set(SECTIONS)


def test_seed_pnbp_table_is_read_by_year(seed_lines):
    table = {
        line.year: line for line in seed_lines if line.section == "pnbp" and line.table[0] == "t"
    }
    assert sorted(table) == [2021, 2022, 2023]
    assert value(table[2021].pagu) == 0
    assert value(table[2021].percent) == 100
    assert value(table[2023].pagu) == Decimal("1732400000")
    assert value(table[2023].realisasi) == Decimal("4242992013")


def test_seed_pnbp_target_in_prose(seed_lines):
    prose = [line for line in seed_lines if line.key == "pnbp" and line.table.startswith("s")]
    assert {line.section for line in prose} == {"ikhtisar", "pnbp", "bab4"}
    assert {value(line.pagu) for line in prose} == {Decimal("1732100000")}


def test_seed_jenis_belanja_side_by_side_years(seed_lines):
    jumlah = {
        line.year: line
        for line in seed_lines
        if line.section == "jenis-belanja" and line.kind == "total"
    }
    assert value(jumlah[2021].pagu) == Decimal("6341874000")
    assert value(jumlah[2022].realisasi) == Decimal("6690346094")
    children_2021 = [line for line in seed_lines if line.parent == jumlah[2021].line_id]
    assert {line.key for line in children_2021} == {
        "belanja-pegawai",
        "belanja-barang",
        "belanja-modal",
    }


def test_seed_lampiran_pk_hierarchy_from_bullets_and_numbers(seed_lines):
    pk = [line for line in seed_lines if line.section == "lampiran-pk"]
    ids = {line.line_id: line for line in pk}
    # "Layanan Perkantoran" has no bullet but is, by the numbers, the fourth layanan of
    # "Layanan Dukungan Manajemen Internal" (35.520.000 + 192.267.000 + 389.814.000 + ...).
    perkantoran = by_label(pk, "Layanan Perkantoran")[0]
    assert ids[perkantoran.parent].label == "Layanan Dukungan Manajemen Internal"
    gaji = by_label(pk, "Gaji dan Tunjangan")[0]
    assert gaji.parent == perkantoran.line_id
    # The output table is tied to the kegiatan of the PK program table above it.
    pelayanan = by_label(pk, "Pelayanan Publik Kepada Masyarakat")[0]
    assert ids[pelayanan.parent].label.startswith("Penyelenggaraan Fungsi")
    assert value(pelayanan.volume) == Decimal(9000) and pelayanan.unit == "orang"


def test_seed_dipa_prose_breakdowns(seed_lines):
    total = next(
        line
        for line in seed_lines
        if line.section == "dipa-bab2" and line.table.startswith("s") and line.key == "total"
    )
    groups = {}
    for line in seed_lines:
        if line.parent == total.line_id:
            groups.setdefault(line.group, set()).add(line.key)
    assert groups == {
        "jenis-belanja": {"belanja-pegawai", "belanja-barang", "belanja-modal"},
        "sumber-dana": {"rm", "sumber-pnbp"},
    }


def test_seed_ikhtisar_years_from_the_sentence(seed_lines):
    ikhtisar = {line.year: line for line in seed_lines if line.section == "ikhtisar"}
    assert value(ikhtisar[2022].pagu) == Decimal("6794505000")
    assert value(ikhtisar[2022].percent) == Decimal("98.47")


def test_seed_facts_validate(seed_text):
    facts = Facts()
    facts.update(recognize_budget(seed_document(seed_text), DocumentMeta()))
    assert not facts.problems
    table = facts.table("budget_lines")
    assert len(table) > 50
    assert table["bbox"].map(lambda b: b is not None).all()


def test_english_separators_without_rp_and_indentation_levels():
    lines = lines_of(
        [
            "BAB III\nAKUNTABILITAS KINERJA\n"
            "Uraian Pagu Realisasi %\n"
            "Program Alpha 8,538,182,000 8,497,875,809 99.53%\n"
            "    Kegiatan satu 5,000,000,000 4,990,000,000 99.80%\n"
            "    Kegiatan dua 3,538,182,000 3,507,875,809 99.14%\n"
        ]
    )
    alpha, one, two = lines
    assert alpha.section == "realisasi-bab3" and alpha.kind == "program"
    assert one.parent == alpha.line_id and two.parent == alpha.line_id
    assert value(alpha.pagu) == Decimal("8538182000")
    assert value(one.percent) == Decimal("99.80")


def test_indentation_makes_a_wrong_sum_visible():
    lines = lines_of(
        [
            "BAB II\nKegiatan Anggaran\n"
            "Program Beta Rp 900.000.000\n"
            "     Kegiatan A Rp 500.000.000\n"
            "     Kegiatan B Rp 300.000.000\n"
            "Total Rp 900.000.000\n"
        ]
    )
    beta, a, b, total = lines
    assert a.parent == beta.line_id and b.parent == beta.line_id
    assert total.kind == "total" and beta.parent == total.line_id


def test_flat_rows_group_by_their_sums():
    lines = lines_of(
        [
            "BAB III\nUraian Pagu\n"
            "Layanan Umum 600.000.000\n"
            "Layanan Satu 250.000.000\n"
            "Layanan Dua 350.000.000\n"
            "Layanan Lain 75.000.000\n"
            "Jumlah 675.000.000\n"
        ]
    )
    umum, satu, dua, lain, jumlah = lines
    assert satu.parent == umum.line_id and dua.parent == umum.line_id
    assert lain.parent == jumlah.line_id and umum.parent == jumlah.line_id


def test_a_sentence_is_not_a_table_row():
    lines = lines_of(
        [
            "BAB II\n"
            "Kantor memperoleh dukungan anggaran sebesar Rp. 1.000.000.000 dalam DIPA.\n"
            "Belanja pegawai sebesar Rp. 600.000.000 dan belanja barang sebesar\n"
            "Rp. 300.000.000.\n"
        ]
    )
    assert all(line.table.startswith("s") for line in lines)
    total = next(line for line in lines if line.key == "total")
    # Two of three jenis belanja and no enumeration word: no breakdown is claimed.
    assert not [line for line in lines if line.parent == total.line_id]


def test_regulation_year_is_not_the_figure_year():
    lines = lines_of(
        [
            "BAB III\n"
            "Berdasarkan PP Nomor 45 Tahun 2016 target PNBP tahun 2023 ditetapkan sebesar\n"
            "Rp 500.000.000.\n"
            "Sesuai PP Nomor 28 Tahun 2019, target PNBP ditetapkan sebesar Rp 400.000.000.\n"
        ]
    )
    assert [(line.year, value(line.pagu)) for line in lines] == [
        (2023, Decimal("500000000")),
        (2023, Decimal("400000000")),
    ]


def test_realisasi_word_nearest_the_amount_decides_its_role():
    lines = lines_of(
        [
            "BAB IV\n"
            "Realisasi Anggaran Belanja tahun 2023 adalah sebesar Rp 950.000.000 atau 95,00%\n"
            "dari total anggaran sebesar Rp 1.000.000.000;\n"
        ]
    )
    (line,) = lines
    assert (value(line.realisasi), value(line.pagu), value(line.percent)) == (
        Decimal("950000000"),
        Decimal("1000000000"),
        Decimal("95.00"),
    )


def test_amounts_wrapped_below_their_currency_signs():
    lines = lines_of(
        [
            "BAB III\nProgram / Kegiatan Pagu Realisasi %\n"
            "Program Gamma Rp. Rp. 97,31%\n"
            "Pelayanan Hukum 6.015.660.000 5.854.073.403\n"
        ]
    )
    (line,) = lines
    assert line.label == "Program Gamma Pelayanan Hukum"
    assert value(line.pagu) == Decimal("6015660000")
    assert value(line.percent) == Decimal("97.31")


def test_build_parents_keeps_explicit_children_that_do_not_add_up():
    nodes = [
        Node(Decimal(100), 0),
        Node(Decimal(60), 1),
        Node(Decimal(30), 1),
        Node(Decimal(500), 0),
    ]
    assert build_parents(nodes) == [None, 0, 0, None]


def test_build_parents_leaves_an_uncertain_total_alone():
    # 100 = 60 + 40 suggests a parent, but then the total (200) would not add up, while the
    # flat reading does: the total gets no children rather than a false sum.
    nodes = [
        Node(Decimal(100), 0),
        Node(Decimal(60), 0),
        Node(Decimal(40), 0),
        Node(Decimal(200), 0, total=True),
    ]
    assert build_parents(nodes) == [None, 0, 0, None]


def test_build_parents_total_of_flat_rows_that_do_not_add_up():
    nodes = [Node(Decimal(100), 0), Node(Decimal(120), 0), Node(Decimal(250), 0, total=True)]
    assert build_parents(nodes) == [2, 2, None]


def test_build_parents_total_over_a_line_and_its_only_sub_line_is_uncertain():
    # "Pendapatan Asli Daerah 16" then "Lain-lain PAD 16" then "Jumlah 16": one amount at two
    # levels, not two parts of the total.
    nodes = [Node(Decimal(16), 0), Node(Decimal(16), 0), Node(Decimal(16), 0, total=True)]
    assert build_parents(nodes) == [None, None, None]


def test_indent_levels_cluster_left_edges():
    assert indent_levels([72.0, 84.0, 73.0, 96.5]) == [0, 1, 0, 2]


def test_split_runs_needs_all_but_one_run_exact_and_unique():
    values = [Decimal(v) for v in (10, 20, 30, 40)]
    assert split_runs(values, [Decimal(35), Decimal(70)]) == [(0, 2), (2, 4)]
    assert split_runs(values, [Decimal(1), Decimal(2)]) is None


def test_growth_rate_is_not_the_absorption_percentage():
    lines = lines_of(
        [
            "BAB IV\n"
            "Realisasi anggaran tahun 2023 sebesar Rp 950.000.000, naik 12,5% dari realisasi\n"
            "tahun sebelumnya, dari pagu sebesar Rp 1.000.000.000.\n"
        ]
    )
    (line,) = lines
    assert line.percent is None and value(line.pagu) == Decimal("1000000000")


def test_account_code_before_the_amount_stays_in_the_label():
    (row,) = lines_of(["BAB III\nJenis Belanja Pagu\n51 Belanja Pegawai 2.034.257.000\n"])
    assert row.key == "belanja-pegawai" and value(row.pagu) == Decimal("2034257000")


def test_a_document_without_budget_gives_an_empty_valid_table():
    facts = Facts()
    facts.update(recognize_budget(document_from_pages(["", "Kata Pengantar\n"]), DocumentMeta()))
    assert not facts.problems and facts.table("budget_lines").empty


def test_remaining_and_increase_amounts_are_not_pagu_or_realisasi():
    lines = lines_of(
        [
            "BAB IV\n"
            "Realisasi anggaran tahun 2023 sebesar Rp 950.000.000 sehingga sisa anggaran\n"
            "sebesar Rp 50.000.000 dan realisasi meningkat sebesar Rp 120.000.000.\n"
        ]
    )
    (line,) = lines
    assert value(line.realisasi) == Decimal("950000000") and line.pagu is None


def test_a_quantity_with_its_unit_is_no_amount_of_money():
    lines = lines_of(
        [
            "BAB III\n"
            "Realisasi produksi kedelai pada Tahun 2023 sebesar 92.078 Ton dibandingkan dengan\n"
            "produksi nasional sebesar 858.305 Ton; luas serangan OPT mencapai 85.362 Ha.\n"
            "Realisasi anggaran tahun 2023 sebesar Rp 950.000.000 atau 95,00%.\n"
        ]
    )
    (line,) = lines
    assert value(line.realisasi) == Decimal("950000000")


def test_only_the_last_total_of_a_table_is_its_grand_total():
    lines = lines_of(
        [
            "BAB III\nUraian Pagu\n"
            "Kegiatan A 100.000.000\nKegiatan B 50.000.000\nJumlah 150.000.000\n"
            "Kegiatan C 70.000.000\nJumlah 70.000.000\nTotal 220.000.000\n"
        ]
    )
    assert [line.key for line in lines if line.kind == "total"] == [
        "subtotal:2",
        "subtotal:4",
        "total",
    ]
    assert by_label(lines, "Kegiatan C")[0].parent == by_label(lines, "Jumlah")[1].line_id


def test_columns_follow_the_header_words():
    (row,) = lines_of(
        [
            "BAB III\nUraian Pagu Realisasi Sisa %\n"
            "Belanja Pegawai 2.034.257.000 2.006.802.049 27.454.951 98,65\n"
        ]
    )
    assert (value(row.pagu), value(row.realisasi), value(row.percent)) == (
        Decimal("2034257000"),
        Decimal("2006802049"),
        Decimal("98.65"),
    )


def test_a_share_of_the_total_column_is_no_absorption_percentage():
    (row,) = lines_of(
        [
            "BAB III\nJenis Belanja Pagu Realisasi Proporsi (%)\n"
            "Belanja Barang 5.208.425.000 5.199.918.760 61,00%\n"
        ]
    )
    assert row.percent is None


def test_regional_words_for_spending_revenue_and_funding_sources():
    lines = lines_of(
        [
            "IKHTISAR EKSEKUTIF\n"
            "Dari pagu APBD sebesar Rp 18.718.496.000, Dinas Perhubungan membelanjakan\n"
            "Rp 18.573.614.990 pada tahun 2023, atau terserap 99,23%.\n"
            "Dari target retribusi daerah sebesar Rp 791.000.000, Dinas Perhubungan memungut\n"
            "Rp 1.294.617.754 pada tahun 2023 atau 163,67%.\n"
            "Sumber pendanaan terdiri atas PAD (Rp 8.718.496.000) dan Dana Alokasi Umum\n"
            "(Rp 10.000.000.000).\n"
        ]
    )
    by_key = {line.key: line for line in lines}
    total, revenue = by_key["total"], by_key["pnbp"]
    assert (value(total.pagu), value(total.realisasi)) == (
        Decimal("18718496000"),
        Decimal("18573614990"),
    )
    assert (value(revenue.pagu), value(revenue.realisasi)) == (
        Decimal("791000000"),
        Decimal("1294617754"),
    )
    assert {"sumber-pad", "sumber-transfer"} <= set(by_key)


@pytest.mark.parametrize(
    "sentence",
    [
        "Terserap 97,86 % anggaran tahun 2023: Rp. 24.643.648.002 dibelanjakan Dinas\n"
        "Pekerjaan Umum Kabupaten Sleman dari pagu Rp. 25.183.270.000.\n",
        "Penyerapan 97,86 % (24.643.648.002 dari 25.183.270.000) dicapai Dinas Pekerjaan\n"
        "Umum Kabupaten Sleman tahun 2023.\n",
    ],
)
def test_role_word_and_share_before_or_after_the_amounts(sentence):
    (line,) = lines_of(["RINGKASAN EKSEKUTIF\n" + sentence])
    assert (value(line.realisasi), value(line.pagu), value(line.percent)) == (
        Decimal("24643648002"),
        Decimal("25183270000"),
        Decimal("97.86"),
    )


def test_an_allocation_realised_later_in_its_sentence_stays_the_allocation():
    (line,) = lines_of(
        [
            "BAB III\n"
            "Pagu anggaran tahun 2023 sebesar Rp 1.000.000.000 terealisasi sebesar\n"
            "Rp 950.000.000 atau 95,00%.\n"
        ]
    )
    assert (value(line.pagu), value(line.realisasi), value(line.percent)) == (
        Decimal("1000000000"),
        Decimal("950000000"),
        Decimal("95.00"),
    )


def test_funding_sources_named_after_their_amounts_are_no_realisation():
    lines = lines_of(
        [
            "BAB II\n"
            "Alokasi APBD pada tahun anggaran 2023 berjumlah 9.600.367.000.\n"
            "Dilihat dari sumbernya, 4.000.494.000 berasal dari PAD dan\n"
            "5.599.873.000 dari dana perimbangan.\n"
        ]
    )
    assert all(line.realisasi is None for line in lines)


def test_a_pagu_named_with_its_possessive_suffix():
    (line,) = lines_of(
        ["BAB IV\nTahun 2023 ditutup dengan belanja 7,862,140,739; pagunya 8,016,003,000.\n"]
    )
    assert value(line.pagu) == Decimal("8016003000")
