"""Tables: ruled (merged cells, multi-level header, shading), unruled, split across pages."""

from __future__ import annotations

from pathlib import Path

from pdf_fixtures import RULED_ROWS, SPLIT_ROWS, UNRULED_ROWS
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle
from support import document_from_pages

from lkjip_audit.extract import extract_document
from lkjip_audit.extract.cells import RawTable, clean_text, text_of
from lkjip_audit.extract.lines import build_lines
from lkjip_audit.extract.model import Cell, Word
from lkjip_audit.extract.stitch import PageLayout, stitch
from lkjip_audit.extract.unruled import unruled_tables


def _texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_ruled_table_cells_and_header(pdfs: dict[str, Path]) -> None:
    tables = extract_document(pdfs["ruled"]).tables
    assert len(tables) == 1
    table = tables[0]
    assert table.ruled
    assert table.header == ["No", "Kelompok", "Uraian", "Realisasi 2021", "Realisasi 2022"]
    expected = [list(row) for row in RULED_ROWS]
    expected[1][1] = expected[0][1]  # the merged "Kelompok" cell is forward-filled
    assert _texts(table) == expected


def test_ruled_cells_keep_page_and_box(pdfs: dict[str, Path]) -> None:
    table = extract_document(pdfs["ruled"]).tables[0]
    for row in table.rows:
        for cell in row:
            assert cell.page == 1
            assert cell.bbox is not None
            assert table.bbox[0] - 1 <= cell.bbox[0] <= cell.bbox[2] <= table.bbox[2] + 1
    amount = table.rows[0][3]
    line = next(ln for ln in extract_document(pdfs["ruled"]).lines() if "8.538.182.000" in ln.text)
    start = line.text.index("8.538.182.000")
    word_box = line.span_bbox(start, start + len("8.538.182.000"))
    assert amount.bbox[0] <= word_box[0] and word_box[2] <= amount.bbox[2]


def test_unruled_table_with_continuation_row(pdfs: dict[str, Path]) -> None:
    tables = extract_document(pdfs["unruled"]).tables
    assert len(tables) == 1
    table = tables[0]
    assert not table.ruled
    assert table.header == list(UNRULED_ROWS[0])
    expected: list[list[str]] = []
    for row in UNRULED_ROWS[1:]:
        if row[0] is None:
            expected[-1] = [f"{a} {b}" if b else a for a, b in zip(expected[-1], row, strict=True)]
        else:
            expected.append(list(row))
    assert _texts(table) == expected


def test_split_table_is_stitched(pdfs: dict[str, Path]) -> None:
    tables = extract_document(pdfs["split"]).tables
    assert len(tables) == 1
    table = tables[0]
    assert table.pages == (1, 2)
    assert table.header == ["No", "Kegiatan", "Anggaran"]
    assert len(table.rows) == len(SPLIT_ROWS)
    assert _texts(table) == SPLIT_ROWS
    assert {row[0].page for row in table.rows} == {1, 2}


def test_page_subset_reads_only_those_pages(pdfs: dict[str, Path]) -> None:
    doc = extract_document(pdfs["split"], pages=[2])
    assert [page.page for page in doc.pages] == [2]
    assert doc.tables[0].pages == (2,)
    assert doc.tables[0].rows[-1][1].text == SPLIT_ROWS[-1][1]


def test_clean_text_joins_numbers_split_by_wrapping() -> None:
    assert clean_text("8.538.\n182.000") == "8.538.182.000"
    assert clean_text("8,538, 182,000") == "8,538,182,000"
    assert clean_text("Tahun  2022, 2023") == "Tahun 2022, 2023"
    assert clean_text("Rp. 8.538") == "Rp. 8.538"


def _raw(page: int, header: list[str], rows: list[list[str]], columns: list[float]) -> RawTable:
    def cells(texts: list[str]) -> list[Cell]:
        return [Cell(text, page, (0.0, 0.0, 1.0, 1.0)) for text in texts]

    return RawTable(
        page=page,
        bbox=(columns[0], 100.0, columns[-1], 700.0),
        columns=columns,
        header_rows=[cells(header)],
        rows=[cells(r) for r in rows],
        ruled=True,
    )


def test_row_split_by_page_break_is_merged() -> None:
    upper = _raw(4, ["No", "Uraian"], [["1", "Belanja"], ["2", "Belanja barang"]], [50, 90, 400])
    lower = _raw(5, ["", "operasional kantor"], [["3", "Belanja modal"]], [50, 90, 400])
    (table,) = stitch([upper, lower])
    assert table.pages == [4, 5]
    assert [[c.text for c in row] for row in table.rows] == [
        ["1", "Belanja"],
        ["2", "Belanja barang operasional kantor"],
        ["3", "Belanja modal"],
    ]


def test_second_header_line_repeated_on_the_next_page_is_dropped() -> None:
    # A two-line header taken as header plus first body row; the next page repeats both
    # lines. The second line must not be merged into the last row as if it continued it.
    header, second = ["No", "Kegiatan", "Volume", "Anggaran"], ["", "", "Satuan", "(Rp)"]
    upper = _raw(18, header, [second, ["3", "Administrasi Umum", "33", "1.757.544.000"]], COLS)
    lower = _raw(19, header, [second, ["", "- Penyediaan Peralatan", "17", "806.185.000"]], COLS)
    (table,) = stitch([upper, lower])
    assert [[c.text for c in row] for row in table.rows][1:] == [
        ["3", "Administrasi Umum", "33", "1.757.544.000"],
        ["", "- Penyediaan Peralatan", "17", "806.185.000"],
    ]


def test_a_row_with_figures_like_the_first_is_kept() -> None:
    rows = [["1", "Belanja pegawai", "12", "100.000"]]
    upper = _raw(4, ["No", "Uraian", "Volume", "Jumlah"], rows, COLS)
    lower = _raw(5, ["No", "Uraian", "Volume", "Jumlah"], rows, COLS)
    (table,) = stitch([upper, lower])
    assert len(table.rows) == 2


COLS = [50.0, 80.0, 300.0, 360.0, 460.0]


def test_tables_with_other_columns_are_not_stitched() -> None:
    upper = _raw(4, ["No", "Uraian"], [["1", "Belanja"]], [50, 90, 400])
    lower = _raw(5, ["Bulan", "Nilai"], [["Januari", "3,96"]], [50, 200, 300])
    assert len(stitch([upper, lower])) == 2


def test_unpadded_table_keeps_total_row_and_merges_wrapped_text() -> None:
    page = "\n".join(
        [
            "No    Nama Unsur          Bobot",
            "1     Intelijen           20",
            "2     Penyidikan dan      10",
            "      TAK",
            "3     Pengawasan          20",
            "      Jumlah              50",
        ]
    )
    (table,) = unruled_tables(document_from_pages([page]).pages[0].lines, 1)
    assert table.header_rows[0][1].text == "Nama Unsur"
    assert [[c.text for c in row] for row in table.rows] == [
        ["1", "Intelijen", "20"],
        ["2", "Penyidikan dan TAK", "10"],
        ["3", "Pengawasan", "20"],
        ["", "Jumlah", "50"],
    ]


def _justified_line(row: int, words: list[str], gap: float) -> list[Word]:
    """Words of one justified line: 6 points per letter, all spaces stretched to ``gap``."""
    placed, x = [], 72.0
    for text in words:
        placed.append(Word(text, (x, 100.0 + 14 * row, x + 6 * len(text), 110.0 + 14 * row)))
        x += 6 * len(text) + gap
    return placed


def test_justified_line_above_a_table_stays_prose() -> None:
    prose = _justified_line(0, ["Rincian", "capaian", "tahun", "ini", "sebagai", "berikut:"], 13.0)
    cells = [["Unsur", "Nilai", "Mutu"], ["Informasi", "3,93", "A"], ["Respon", "3,95", "A"]]
    rows = [
        Word(text, (x, 114.0 + 14 * i, x + 6 * len(text), 124.0 + 14 * i))
        for i, row in enumerate(cells)
        for x, text in zip((72.0, 200.0, 300.0), row, strict=True)
    ]
    (table,) = unruled_tables(build_lines(1, prose + rows), 1)
    assert [c.text for c in table.header_rows[0]] == cells[0]
    assert [[c.text for c in row] for row in table.rows] == cells[1:]


def _stack(lines: list[list[tuple[str, float, float]]]) -> list[Word]:
    """Words of a cell: one list of (text, x0, x1) per visual line, 12 points apart."""
    return [
        Word(text, (x0, 100.0 + 12 * i, x1, 110.0 + 12 * i))
        for i, line in enumerate(lines)
        for text, x0, x1 in line
    ]


def test_cell_text_rejoins_a_word_split_at_the_cell_edge() -> None:
    # A 38-point cell with 5 points of padding: "Targ" fills it, "et" goes on in lower case.
    narrow = (169.0, 95.0, 207.0, 140.0)
    words = _stack([[("Targ", 174.0, 199.0)], [("et", 181.0, 192.0)], [("2021", 174.0, 200.0)]])
    assert text_of(words, narrow) == "Target 2021"
    wide = (100.0, 95.0, 300.0, 140.0)
    words = _stack([[("Persentase", 105.0, 160.0)], [("penyelesaian", 105.0, 170.0)]])
    assert text_of(words, wide) == "Persentase penyelesaian"


def test_cell_text_rejoins_a_number_broken_by_the_wrap() -> None:
    assert text_of(_stack([[("117,1", 10, 40)], [("4", 10, 16), ("%", 18, 26)]])) == "117,14 %"
    assert text_of(_stack([[("8.538.", 10, 40)], [("182.000", 10, 50)]])) == "8.538.182.000"
    assert text_of(_stack([[("2021", 10, 40)], [("2022", 10, 40)]])) == "2021 2022"


def test_same_header_tables_with_text_between_are_not_stitched() -> None:
    upper = _raw(4, ["No", "Uraian"], [["1", "Belanja"]], [50, 90, 400])
    lower = _raw(5, ["No", "Uraian"], [["1", "Belanja modal"]], [50, 90, 400])
    # Both tables span 100..700 on an 842-point page; a line below the upper one on page 4.
    layouts = {
        4: PageLayout(842.0, ((50.0, 720.0, 400.0, 730.0),)),
        5: PageLayout(842.0, ()),
    }
    assert len(stitch([upper, lower], layouts)) == 2
    assert len(stitch([upper, lower], {4: PageLayout(842.0, ()), 5: PageLayout(842.0, ())})) == 1


def test_table_running_over_three_pages_is_stitched_whole() -> None:
    # Page 4's part ends at 700, page 5's runs to 760 (its last row's text is a line at
    # 720-740): the third page goes on from page 5's last row, not from page 4's bottom.
    def placed(page: int, rows: list[list[str]], top: float, bottom: float) -> RawTable:
        table = _raw(page, ["No", "Uraian"], rows, [50, 90, 400])
        step = (bottom - top) / len(rows)
        table.rows = [
            [Cell(text, page, (50.0, top + i * step, 400.0, top + (i + 1) * step)) for text in row]
            for i, row in enumerate(rows)
        ]
        table.bbox = (50.0, top, 400.0, bottom)
        return table

    first = placed(4, [["1", "Belanja"]], 400.0, 700.0)
    second = placed(5, [["2", "Belanja barang"], ["3", "Belanja jasa"]], 80.0, 760.0)
    third = placed(6, [["4", "Belanja modal"]], 80.0, 300.0)
    layouts = {
        4: PageLayout(842.0, ((50.0, 120.0, 400.0, 130.0),)),
        5: PageLayout(842.0, ((50.0, 720.0, 400.0, 740.0),)),
        6: PageLayout(842.0, ()),
    }
    (table,) = stitch([first, second, third], layouts)
    assert table.pages == [4, 5, 6]
    assert [row[0].text for row in table.rows] == ["1", "2", "3", "4"]


def _grid_table(rows: list[list[str]]) -> Table:
    table = Table(rows, colWidths=[220, 80, 80, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return table


def test_last_row_alone_at_the_top_of_the_next_page_is_stitched(tmp_path: Path) -> None:
    # A ruled table runs to the bottom of its page and leaves one row, boxed alone, at the top
    # of the next; alone such a box is no table, but here it is the table's last row.
    path = tmp_path / "one_row_over.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    upper = _grid_table(
        [["Indikator", "Target", "Capaian", "Kategori"]]
        + [[f"Indikator kinerja nomor {i}", "75 %", "100%", "SB"] for i in range(1, 4)]
    )
    _, tall = upper.wrapOn(pdf, width, height)
    upper.drawOn(pdf, 60, 0.1 * height + 10)
    pdf.drawString(60, 0.1 * height + 20 + tall, "Tabel 7 Pengukuran kinerja")
    pdf.showPage()
    lower = _grid_table([["Indeks kepuasan pegawai", "75%", "80%", "B"]])
    _, tall = lower.wrapOn(pdf, width, height)
    lower.drawOn(pdf, 60, 0.9 * height - 10 - tall)
    pdf.drawString(60, 0.9 * height - 40 - tall, "Evaluasi capaian indikator kinerja")
    pdf.showPage()
    pdf.save()
    (table,) = extract_document(path).tables
    assert table.pages == (1, 2)
    assert _texts(table)[-1] == ["Indeks kepuasan pegawai", "75%", "80%", "B"]
    assert table.rows[-1][0].page == 2


def test_a_boxed_line_alone_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "boxed.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    box = _grid_table([["Catatan penting", "lihat", "lampiran", "II"]])
    box.wrapOn(pdf, *A4)
    box.drawOn(pdf, 60, 500)
    pdf.save()
    assert extract_document(path).tables == []
