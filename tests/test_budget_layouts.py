"""The budget recognizer and checks on small PDFs drawn with reportlab, each reproducing a
layout that real reports print and that was once misread (no real page is copied)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lkjip_audit.extract import extract_document
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.budget import budget_lines
from lkjip_audit.recognize.budget.model import BudgetLine

STYLE = getSampleStyleSheet()["BodyText"]
GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])


def ruled(rows: list[list[str]], widths: list[float]) -> Table:
    """A ruled table whose cells wrap like a word processor's."""
    cells = [[Paragraph(text, STYLE) for text in row] for row in rows]
    table = Table(cells, colWidths=widths)
    table.setStyle(GRID)
    return table


def build(path: Path, flowables: list) -> list[BudgetLine]:
    """Write the PDF (the flowables in Bab III), then read its budget lines as the auditor
    does."""
    heading = Paragraph("BAB III AKUNTABILITAS KINERJA", STYLE)
    SimpleDocTemplate(str(path), pagesize=A4).build([heading, Spacer(1, 12), *flowables])
    return budget_lines(extract_document(path, use_cache=False), DocumentMeta(year=2019))


def named(lines: list[BudgetLine], label: str) -> BudgetLine:
    return next(line for line in lines if line.label.startswith(label))


def amount(figure) -> Decimal | None:
    return None if figure is None else figure.value


REVISION_HEADER = [
    "PROGRAM/ KEGIATAN",
    "ANGGARAN SEBELUM PERUBAHAN",
    "ANGGARAN SESUDAH PERUBAHAN",
    "REALISASI ANGGARAN",
    "REALISASI %",
]
REVISION_WIDTHS = [150.0, 80.0, 80.0, 80.0, 60.0]


def test_revision_columns_are_typed_from_the_header_cells(tmp_path):
    """Four figure columns: the pagu is the revised allocation, the realisasi its own column
    ("Realisasi Anggaran" is one column, not a realisasi and an anggaran)."""
    rows = [
        REVISION_HEADER,
        ["Program Pelayanan Gizi", "640.000.000,-", "702.150.000,-", "680.085.300,-", "96,86"],
        ["Penyediaan Makanan Pasien", "640.000.000,-", "702.150.000,-", "702.150.000,-", "91,20"],
    ]
    lines = build(tmp_path / "revision.pdf", [ruled(rows, REVISION_WIDTHS)])
    program = named(lines, "Program Pelayanan Gizi")
    assert amount(program.pagu) == Decimal("702150000")
    assert amount(program.realisasi) == Decimal("680085300")
    assert amount(program.percent) == Decimal("96.86")
    kegiatan = named(lines, "Penyediaan Makanan")
    assert amount(kegiatan.realisasi) == Decimal("702150000")


def test_a_grid_continued_without_its_header_keeps_the_column_types(tmp_path):
    first = [
        REVISION_HEADER,
        ["Program Obat Pasien", "310.000.000,-", "295.500.000,-", "281.020.000,-", "95,10"],
    ]
    second = [
        ["Program Sarana Rawat Inap", "820.000.000,-", "845.000.000,-", "799.331.250,-", "94,60"],
        ["Pengadaan Tempat Tidur", "820.000.000,-", "845.000.000,-", "799.331.250,-", "94,60"],
    ]
    lines = build(
        tmp_path / "continued.pdf",
        [ruled(first, REVISION_WIDTHS), PageBreak(), ruled(second, REVISION_WIDTHS)],
    )
    continued = named(lines, "Program Sarana Rawat Inap")
    assert amount(continued.pagu) == Decimal("845000000")
    assert amount(continued.realisasi) == Decimal("799331250")


def test_two_rows_merged_into_one_cell_are_not_read(tmp_path):
    """Two rows the extraction put into one grid row (two amounts in a cell) are no line of
    their own: the row is kept without figures and marked, so no check guesses its parts."""
    rows = [
        REVISION_HEADER,
        [
            "Pembinaan Pegawai<br/>Program Kearsipan",
            "150.000.000,-<br/>90.000.000,-",
            "150.000.000,-<br/>90.000.000,-",
            "141.300.000,-<br/>88.200.000,-",
            "94,20<br/>98,00",
        ],
        ["Penataan Arsip Dinamis", "90.000.000,-", "90.000.000,-", "88.200.000,-", "98,00"],
    ]
    lines = build(tmp_path / "merged.pdf", [ruled(rows, REVISION_WIDTHS)])
    merged = named(lines, "Pembinaan Pegawai")
    assert merged.doubt == "cell"
    assert merged.pagu is None and merged.realisasi is None
    assert named(lines, "Penataan Arsip").doubt == ""


def test_revision_columns_in_plain_lines_are_not_guessed(tmp_path):
    """Without cell borders the words of a two-line header cannot be put over their columns:
    rows with allocations before and after a revision are kept unread."""
    text = [
        Paragraph("Tabel 4 Rencana Anggaran", STYLE),
        Paragraph("PROGRAM / KEGIATAN ANGGARAN SEBELUM PERUBAHAN ANGGARAN SESUDAH", STYLE),
        Paragraph("Program Pelayanan Gizi 640.000.000,- 702.150.000,-", STYLE),
        Spacer(1, 12),
    ]
    lines = build(tmp_path / "plain.pdf", text)
    row = named(lines, "Program Pelayanan Gizi")
    assert row.doubt == "columns"
    assert row.realisasi is None


def paragraphs(*texts: str) -> list:
    return [Paragraph(text, STYLE) for text in texts]


def test_items_of_a_numbered_list_are_parts_not_the_total(tmp_path):
    """Each "(n) ... dengan alokasi anggaran Rp X" and "a. ... sebesar Rp X" is one item of a
    breakdown; the amount wrapped onto its own line ("anggaran Rp X") ends the sentence."""
    lines = build(
        tmp_path / "items.pdf",
        [
            Paragraph("BAB II PERENCANAAN KINERJA", STYLE),
            *paragraphs(
                "(1) Pembinaan relawan siaga banjir di wilayah selatan, dengan alokasi",
                "anggaran Rp.410.250.000,-",
                "(2) Penyusunan peta rawan longsor, dengan alokasi anggaran Rp.95.400.000,-",
                "Dana hibah provinsi dengan rincian: a. Bantuan Sub Bid. Sarana dengan alokasi "
                "Rp. 1.250.000.000,-. b. Bantuan Sub Bid. Logistik dengan alokasi "
                "Rp. 730.000.000,-",
            ),
        ],
    )
    amounts = {line.pagu.value: line for line in lines if line.pagu is not None}
    assert set(amounts) == {
        Decimal("410250000"),
        Decimal("95400000"),
        Decimal("1250000000"),
        Decimal("730000000"),
    }
    assert {line.kind for line in amounts.values()} == {"part"}


def test_a_summary_point_about_the_whole_budget_stays_the_total(tmp_path):
    lines = build(
        tmp_path / "summary.pdf",
        paragraphs(
            "2. Realisasi Anggaran Belanja tahun 2019 adalah sebesar Rp. 4.100.000.000 atau "
            "97,62% dari total anggaran Rp. 4.200.000.000."
        ),
    )
    (total,) = lines
    assert total.key == "total"
    assert (amount(total.pagu), amount(total.realisasi)) == (
        Decimal("4200000000"),
        Decimal("4100000000"),
    )


def test_the_two_halves_of_a_regional_budget_and_their_revision(tmp_path):
    """Belanja Tidak Langsung and Belanja Langsung are budgets of their own; the allocation
    before the revision is not the pagu, the one after it is, and an increase is neither."""
    lines = build(
        tmp_path / "halves.pdf",
        paragraphs(
            "Alokasi Belanja Tidak Langsung sebelum perubahan adalah sebesar Rp.30.000.000.000,- "
            "dan setelah dilakukan perubahan adalah sebesar Rp.32.000.000.000,- ada penambahan "
            "sebesar Rp.2.000.000.000,- Realisasi Belanja Tidak Langsung adalah sebesar "
            "Rp.30.400.000.000 atau 95,00 %.",
            "Jumlah anggaran yang digunakan sebesar Rp. 50.000.000.000,- atau 89,29% dari "
            "anggaran sebesar Rp. 56.000.000.000,-, terdiri dari Belanja Tidak Langsung "
            "Rp. 32.000.000.000,- dengan realisasi sebesar Rp. 30.400.000.000,- (95,00%) dan "
            "Belanja Langsung Rp. 24.000.000.000,- dengan realisasi sebesar "
            "Rp. 19.600.000.000,- (81,67%).",
        ),
    )
    by_key: dict[str, list[BudgetLine]] = {}
    for line in lines:
        by_key.setdefault(line.key, []).append(line)
    assert set(by_key) == {"belanja-tidak-langsung", "belanja-langsung", "total"}
    for line in lines:
        assert line.percent is not None
        exact = line.realisasi.value / line.pagu.value * 100
        assert abs(exact - line.percent.value) < Decimal("0.01"), line
    (whole,) = by_key["total"]
    assert amount(whole.realisasi) == Decimal("50000000000")


def test_a_plan_table_with_two_column_sets_is_not_summed(tmp_path):
    """A Renja table prints the draft plan and its revision side by side, each with its own
    "Pagu Indikatif (Rp. 000)": "(Rp. 000)" is a unit, not an amount of 0, and a row holding
    both plans' amounts is not read as one pagu."""
    rows = [
        ["No", "Program/Kegiatan", "Pagu (Rp. 000)", "Program/Kegiatan", "Pagu (Rp. 000)"],
        ["A.", "Program Penyuluhan Tani", "21.500.750", "Program Penyuluhan Tani", "35.010.200"],
        ["1", "Kegiatan Sekolah Lapang", "2.100.000", "Kegiatan Sekolah Lapang", "1.890.000"],
        ["2", "", "", "Kegiatan Demplot Padi", "640.500"],
    ]
    lines = build(
        tmp_path / "renja.pdf",
        [Paragraph("LAMPIRAN", STYLE), ruled(rows, [30.0, 120.0, 80.0, 120.0, 80.0])],
    )
    assert all(line.pagu is None or line.pagu.value != 0 for line in lines)
    for both_plans in ("Program Penyuluhan", "Kegiatan Sekolah"):
        row = named(lines, both_plans)
        assert row.doubt == "columns" and row.pagu is None


def test_targets_in_units_are_not_money(tmp_path):
    """Grouped numbers under "Satuan / Target" are quantities ("Produksi Knol 50.000"), not
    amounts: without a money header, caption or "Rp" they make no budget lines."""
    text = paragraphs(
        "Uraian Indikator Satuan Target",
        "Benih kentang bersertifikat Produksi Knol 50.000",
        "Bibit buah unggul Produksi Batang 6.500",
        "Benih padi sawah Produksi Kg 25.000",
    )
    assert build(tmp_path / "units.pdf", [Paragraph("LAMPIRAN", STYLE), *text]) == []


def test_the_financial_percentage_of_a_sentence_not_the_physical_one(tmp_path):
    """ "atau 95,07" (no % sign) and "98,67.%" (a stray dot) are the realisasi's share;
    "realisasi fisik 100%" is work done; "163.305..000" is no amount of Rp 163.305."""
    lines = build(
        tmp_path / "shares.pdf",
        paragraphs(
            "(1) Kegiatan Pengelolaan Arsip dengan alokasi anggaran sebesar Rp. 200.000.000,- "
            "dan realisasi anggaran sebesar 190.140.000 atau 95,07 dan realisasi fisik "
            "sebesar 100%.",
            "(2) Kegiatan Kajian Mitigasi dengan alokasi anggaran Rp.450.000.000,- dengan "
            "realisasi anggaran sebesar Rp.444.015.000,- atau sebesar 98,67.% dengan capaian "
            "fisik 100 %.",
            "(3) Kegiatan Pelaporan Internal dengan alokasi anggaran sebesar Rp. 170.000.000,-, "
            "realisasi anggaran sebesar Rp. 169.133..000,- atau 99,49% dan realisasi fisik "
            "sebesar 100%.",
        ),
    )
    broken, unsigned, stray_dot = sorted(lines, key=lambda line: line.pagu.value)
    assert broken.realisasi is None and broken.percent is None
    assert amount(unsigned.percent) == Decimal("95.07") and unsigned.percent.is_percent
    assert amount(stray_dot.percent) == Decimal("98.67")
