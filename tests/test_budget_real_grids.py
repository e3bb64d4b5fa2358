"""Budget grids of regional reports, reproduced on minimal PDFs of our own (no real page is
copied): a realisation table named in unit / program / kegiatan columns with a physical
progress column, a program whose kegiatan are printed at its own indentation, and revenue
sub-items listed inside one cell beside one figure each."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lkjip_audit.audit import audit_file
from lkjip_audit.extract import extract_document
from lkjip_audit.findings import Severity
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.budget import budget_lines

STYLE = getSampleStyleSheet()["BodyText"]
TOP_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def write(path: Path, rows: list[list[str]], before: tuple[str, ...] = ()) -> Path:
    """A Bab III with the table ``rows`` (cells may hold several lines), after the
    paragraphs ``before`` (a chapter heading opens a page)."""
    story: list = [Paragraph("LAPORAN KINERJA DINAS CONTOH TAHUN 2016", STYLE)]
    for text in (*before, "BAB III AKUNTABILITAS KINERJA"):
        if text.startswith("BAB "):
            story.append(PageBreak())
        story.append(Paragraph(text, STYLE))
    story += [
        Paragraph("Realisasi anggaran Tahun 2016 adalah sebagai berikut:", STYLE),
        Spacer(1, 8),
        Table(rows, style=TOP_GRID),
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


def flagged(path: Path, ruleset) -> list[tuple[str, str | None]]:
    result = audit_file(path, ruleset, use_cache=False)
    return sorted(
        (f.rule, f.stated)
        for f in result.findings
        if f.rule.startswith("BUD") and f.severity is not Severity.INFO
    )


LEVELS = [
    ["UNIT KERJA", "PROGRAM", "KEGIATAN", "ANGGARAN Rp.", "REALISASI Rp.", "Keu %", "FISIK %"],
    # The unit's line totals its indirect spending too: more than the rows shown.
    ["DINAS CONTOH", "", "", "9.000.000.000,-", "8.100.000.000,-", "90,00", "100"],
    ["Sekretariat", "Administrasi Perkantoran", "Penyediaan Jasa Kantor", "400.000.000,-",
     "380.000.000,-", "95,00", "100"],
    ["Bidang Logistik", "Kedaruratan", "Pengadaan Tenda Darurat", "250.000.000", "200.000.000",
     "80,00", "100"],
    # A kegiatan printed without its unit and program (the cells above stand for them).
    ["", "", "Pelatihan Relawan Siaga", "120.000.000", "96.000.000", "70,00", "100"],
]  # fmt: skip


def test_a_grid_named_by_unit_program_and_kegiatan_is_read_by_its_kegiatan(tmp_path):
    lines = budget_lines(
        extract_document(write(tmp_path / "levels.pdf", LEVELS), use_cache=False),
        DocumentMeta(year=2016),
    )
    by_label = {line.label: line for line in lines}
    relawan = by_label["Pelatihan Relawan Siaga"]
    assert relawan.pagu.value == Decimal("120000000")
    # The keuangan percentage, not the physical progress.
    assert relawan.percent.value == Decimal("70.00")
    assert "Penyediaan Jasa Kantor" in by_label and "Pengadaan Tenda Darurat" in by_label
    # Which column holds a label makes no row the part of another.
    assert all(line.parent is None for line in lines if line.table == relawan.table)


def test_a_unit_grid_gives_its_wrong_percentage_and_no_sum(tmp_path, ruleset):
    """96.000.000 / 120.000.000 = 80,00 %, printed 70,00; the unit's line is no sum of the
    kegiatan shown."""
    assert flagged(write(tmp_path / "levels.pdf", LEVELS), ruleset) == [("BUD003", "70,00")]


PROGRAM_HEADER = ["PROGRAM / KEGIATAN", "Alokasi Anggaran", "Realisasi Anggaran", "% Keuangan",
                  "% Fisik"]  # fmt: skip


def test_a_program_whose_kegiatan_share_its_indentation_is_their_sum(tmp_path, ruleset):
    """The first program states 300.000.000 / 210.000.000; its kegiatan add up to
    340.000.000 / 270.000.000. The second program agrees with its kegiatan. A physical
    progress printed without "%" ("92") closes the program's row."""
    rows = [
        PROGRAM_HEADER,
        ["PROGRAM PELAPORAN KINERJA", "300.000.000", "210.000.000", "70,00", "92"],
        ["Penyusunan Laporan Kinerja", "240.000.000", "216.000.000", "90,00%", "98,00%"],
        ["Pengelolaan Keuangan", "100.000.000", "54.000.000", "54,00%", "80,00%"],
        ["PROGRAM KERJASAMA DAERAH", "150.000.000", "120.000.000", "80,00", "90"],
        ["Fasilitasi Kerjasama", "100.000.000", "80.000.000", "80,00%", "90,00%"],
        ["Koordinasi Kerjasama", "50.000.000", "40.000.000", "80,00%", "90,00%"],
        ["JUMLAH BELANJA LANGSUNG", "490.000.000", "390.000.000", "79,59%", "90,00%"],
    ]
    assert flagged(write(tmp_path / "programs.pdf", rows), ruleset) == [
        ("BUD001", "210.000.000"),
        ("BUD001", "300.000.000"),
    ]


def test_a_program_at_the_end_of_what_was_read_is_not_summed(tmp_path, ruleset):
    """No program or total line after the kegiatan: the list may go on past the table's end
    (the next page), so the program is not compared with a part of its kegiatan."""
    rows = [
        PROGRAM_HEADER,
        ["PROGRAM PELAPORAN KINERJA", "300.000.000", "210.000.000", "70,00", "92"],
        ["Penyusunan Laporan Kinerja", "240.000.000", "168.000.000", "70,00%", "98,00%"],
    ]
    assert flagged(write(tmp_path / "open.pdf", rows), ruleset) == []


REVENUE_HEADER = ["NO.", "URAIAN", "Target Pendapatan", "Realisasi Pendapatan", "%"]


def test_sub_items_listed_in_one_cell_are_lines_of_their_own(tmp_path, ruleset):
    """One cell lists the revenue and its sub-items a. and b., each beside its figures:
    11.500.000.000 / 10.000.000.000 = 115,00 %, printed 105,00."""
    rows = [
        REVENUE_HEADER,
        ["1", "Pendapatan Asli Daerah", "12.000.000.000,-", "13.000.000.000,-", "108,33"],
        [
            "",
            "Pendapatan BLUD\na. Layanan Rawat Jalan\nb. Sewa Aset Daerah",
            "12.000.000.000,-\n10.000.000.000,-\n2.000.000.000,-",
            "13.000.000.000,-\n11.500.000.000,-\n1.500.000.000,-",
            "108,33\n105,00\n75,00",
        ],
        ["", "Jumlah", "12.000.000.000,-", "13.000.000.000,-", "108,33"],
    ]
    path = write(tmp_path / "revenue.pdf", rows)
    lines = budget_lines(extract_document(path, use_cache=False), DocumentMeta(year=2016))
    rawat = next(line for line in lines if line.label == "Layanan Rawat Jalan")
    assert rawat.pagu.value == Decimal("10000000000")
    assert rawat.realisasi.value == Decimal("11500000000")
    blud = next(line for line in lines if line.label == "Pendapatan BLUD")
    assert rawat.parent == blud.line_id
    assert flagged(path, ruleset) == [("BUD003", "105,00")]


KEGIATAN_TABLE = [
    ["UNIT KERJA", "PROGRAM", "KEGIATAN", "ANGGARAN Rp.", "REALISASI Rp.", "Keu %", "FISIK %"],
    ["Bidang Kesiapsiagaan", "Penanggulangan Bencana", "Penguatan Kesiapsiagaan Daerah",
     "866.600.000", "860.924.000", "99,35", "100"],
    ["", "", "Pelatihan Pemulihan Sarana Pasca Bencana", "660.180.000", "649.452.500",
     "98,38", "100"],
    ["", "", "Penyusunan Regulasi Kebencanaan", "196.250.000", "178.255.000", "90,83", "100"],
    ["", "", "Bimbingan Teknis Kebutuhan Pasca Bencana", "380.500.000", "319.195.000", "83,89",
     "100"],
]  # fmt: skip
KEGIATAN_PROSE = (
    "BAB II PERENCANAAN KINERJA",
    "Kegiatan tahun 2016 beserta anggarannya:",
    "(1) Kegiatan Penguatan Kesiapsiagaan Daerah, dengan alokasi anggaran Rp.866.600.000,-",
    "(2) Pelatihan pemulihan sarana pasca bencana, dengan alokasi anggaran Rp.680.180.000,-",
    "(3) Penyusunan Regulasi Kebencanaan, dengan alokasi anggaran Rp.186.250.000,-",
    "(4) Bimbingan Teknis Kebutuhan Pasca Bencana, dengan alokasi anggaran Rp.400.000.000,-",
    "Realisasi kegiatan Perjanjian Kinerja tahun 2016:",
    "(1) Kegiatan Penguatan Kesiap Siagaan Daerah, dengan alokasi anggaran Rp.866.600.000, "
    "dengan realisasi sebesar Rp.860.924.000 atau sebesar 99,35%.",
    "(2) Kegiatan Pelatihan Pemulihan Sarana Pasca Bencana, dengan alokasi anggaran "
    "Rp.660.180.000, dengan realisasi sebesar Rp.649.452.500 atau sebesar 98,38%.",
    "(3) Kegiatan Bimbingan Teknis Kebutuhan Pasca Bencana, dengan alokasi anggaran "
    "Rp.400.000.000,-",
    "BAB III AKUNTABILITAS KINERJA",
    "Capaian kegiatan tahun 2016:",
    "(1) Kegiatan Penguatan Kesiapsiagaan Daerah dengan alokasi anggaran Rp. 866.600.000,- "
    "dengan realisasi sebesar Rp. 860.942.000,- atau sebesar 99,35%.",
    "(2) Kegiatan Pelatihan Pemulihan Sarana Pasca Bencana dengan alokasi anggaran "
    "Rp. 660.180.000,- dengan realisasi sebesar Rp. 649.452.500,- atau sebesar 98,38%.",
)


def test_a_kegiatan_amount_printed_once_against_two_agreeing_places(tmp_path, ruleset):
    """Pelatihan's pagu reads 680.180.000 in one Bab II list and 660.180.000 in Bab III and
    the table; Penguatan's realisasi 860.942.000 in Bab III, 860.924.000 in Bab II (where
    the name is spelt "Kesiap Siagaan") and the table. Penyusunan's pagu differs between
    two places only (186.250.000 / 196.250.000): which one is right is not known. Bimbingan's
    pagu reads 400.000.000 twice in Bab II and 380.500.000 in the Bab III table: a pagu
    revised after the plan, not a slip."""
    path = write(tmp_path / "kegiatan.pdf", KEGIATAN_TABLE, KEGIATAN_PROSE)
    result = audit_file(path, ruleset, use_cache=False)
    found = sorted((f.rule, f.stated) for f in result.findings if f.rule == "BUD009")
    assert found == [("BUD009", "Rp. 860.942.000,-"), ("BUD009", "Rp.680.180.000,-")]
    realisasi = next(f for f in result.findings if f.stated == "Rp. 860.942.000,-")
    # Said where a reviewer finds each figure: a sentence of Bab III against two places.
    assert "di uraian Bab III, hlm. 3" in realisasi.message["id"]
    assert "2 tempat lain" in realisasi.message["id"]
    assert "tabel realisasi (Bab III)" in realisasi.message["id"]


def test_a_kegiatan_listed_with_its_sub_kegiatan_is_not_summed_twice(tmp_path, ruleset):
    """Under the program, a kegiatan (200.000.000) and its two sub-kegiatan at the same
    indentation: the rows are two levels (the sub-kegiatan add up to their kegiatan), not
    four parts of the program."""
    rows = [
        PROGRAM_HEADER,
        ["PROGRAM PELAYANAN ADMINISTRASI", "350.000.000", "300.000.000", "85,71", "95"],
        ["Penyediaan Jasa Kantor", "200.000.000", "180.000.000", "90,00%", "95,00%"],
        ["Penyediaan Jasa Surat Menyurat", "120.000.000", "110.000.000", "91,67%", "95,00%"],
        ["Penyediaan Jasa Kebersihan", "80.000.000", "70.000.000", "87,50%", "95,00%"],
        ["Penyediaan Alat Tulis Kantor", "150.000.000", "120.000.000", "80,00%", "95,00%"],
        ["PROGRAM KERJASAMA DAERAH", "150.000.000", "120.000.000", "80,00", "90"],
        ["Fasilitasi Kerjasama", "150.000.000", "120.000.000", "80,00%", "90,00%"],
    ]
    assert flagged(write(tmp_path / "nested.pdf", rows), ruleset) == []


def test_a_unit_grid_continued_on_the_next_page_keeps_its_label_columns(tmp_path):
    """The grid goes on on the next page without its header, its first row without unit and
    program: its rows are still named by their kegiatan column and stand at one level."""
    first = [*LEVELS[:3]]
    rest = [
        ["", "", "Pelatihan Relawan Siaga", "120.000.000", "96.000.000", "80,00", "100"],
        ["Bidang Logistik", "Kedaruratan", "Pengadaan Tenda Darurat", "250.000.000",
         "200.000.000", "80,00", "100"],
        ["", "", "Penyediaan Perahu Karet", "90.000.000", "81.000.000", "90,00", "100"],
    ]  # fmt: skip
    path = tmp_path / "continued.pdf"
    story = [
        Paragraph("BAB III AKUNTABILITAS KINERJA TAHUN 2016", STYLE),
        Table(first, style=TOP_GRID),
        PageBreak(),
        Table(rest, style=TOP_GRID),
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    lines = budget_lines(extract_document(path, use_cache=False), DocumentMeta(year=2016))
    continued = [line for line in lines if line.page == 2]
    assert [line.label for line in continued] == [
        "Pelatihan Relawan Siaga",
        "Pengadaan Tenda Darurat",
        "Penyediaan Perahu Karet",
    ]
    assert all(line.parent is None for line in continued)


def test_a_retribusi_table_by_year_is_revenue_and_its_capaian_is_checked(tmp_path, ruleset):
    # A unit's retribusi (its own revenue) printed with one column per year: the rows name the
    # target, the realisation and the capaian; 2016's capaian is wrong (1.258.885.577 /
    # 634.300.000 = 198,47 %), 2015's is right.
    rows = [
        ["Uraian", "Tahun 2015", "Tahun 2016"],
        ["Target Retribusi", "821.300.000", "634.300.000"],
        ["Realisasi", "991.857.930", "1.258.885.577"],
        ["Capaian", "120,77 %", "217,24 %"],
    ]
    path = tmp_path / "retribusi.pdf"
    story = [
        Paragraph("LAPORAN KINERJA DINAS CONTOH TAHUN 2016", STYLE),
        PageBreak(),
        Paragraph("BAB III AKUNTABILITAS KINERJA", STYLE),
        Paragraph("Dinas Contoh dibebani target retribusi 634.300.000.", STYLE),
        Spacer(1, 8),
        Table(rows, style=TOP_GRID),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    assert flagged(path, ruleset) == [("BUD007", "217,24 %")]
