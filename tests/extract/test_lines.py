"""Words and lines with boxes: positions match what was drawn, rows stay rows."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import reportlab
from pdf_fixtures import ROW_STEP, UNRULED_ROWS, UNRULED_TOP_Y, UNRULED_X, Drawn
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from lkjip_audit.extract import extract_document
from lkjip_audit.extract.lines import build_lines, join_wrapped_amounts
from lkjip_audit.extract.model import Word

HEIGHT = A4[1]


def _contains(bbox, x: float, y: float) -> bool:
    return bbox[0] - 0.5 <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def test_word_boxes_hold_the_drawn_positions(prose_drawn: tuple[Path, list[Drawn]]) -> None:
    path, drawn = prose_drawn
    words = [w for line in extract_document(path).lines() for w in line.words]
    for item in drawn:
        first = item.text.split()[0]
        matches = [w for w in words if w.text == first and _contains(w.bbox, item.x, item.baseline)]
        assert len(matches) == 1, item
        assert abs(matches[0].bbox[0] - item.x) < 1.0


def test_line_per_row_with_single_spaces(prose_drawn: tuple[Path, list[Drawn]]) -> None:
    path, _ = prose_drawn
    texts = [line.text for line in extract_document(path).lines()]
    assert "Jumlah" in texts
    assert all("  " not in text for text in texts)


def test_amount_after_line_final_rp_is_joined(prose_drawn: tuple[Path, list[Drawn]]) -> None:
    path, drawn = prose_drawn
    lines = extract_document(path).lines()
    joined = [line for line in lines if "Rp. 8.538.182.000,-" in line.text]
    assert len(joined) == 1
    line = joined[0]
    assert line.text == drawn[0].text + " " + drawn[1].text.split()[0]
    start = line.text.index("8.538.182.000")
    box = line.span_bbox(start, start + len("8.538.182.000,-"))
    assert _contains(box, drawn[1].x, drawn[1].baseline)
    rest = [line for line in lines if line.text.startswith("atau 99,53 %")]
    assert len(rest) == 1


def test_unruled_table_rows_are_lines_in_x_order(pdfs: dict[str, Path]) -> None:
    lines = extract_document(pdfs["unruled"]).lines()
    for i, row in enumerate(UNRULED_ROWS):
        expected = " ".join(cell for cell in row if cell is not None)
        baseline = HEIGHT - (UNRULED_TOP_Y - i * ROW_STEP)
        found = [line for line in lines if line.bbox[1] <= baseline <= line.bbox[3]]
        assert [line.text for line in found] == [expected]
        first_x = next(x for x, cell in zip(UNRULED_X, row, strict=True) if cell is not None)
        assert abs(found[0].words[0].bbox[0] - first_x) < 1.0


def test_span_bbox_maps_a_cell_of_a_row(pdfs: dict[str, Path]) -> None:
    line = next(ln for ln in extract_document(pdfs["unruled"]).lines() if ln.text.startswith("1 "))
    start = line.text.index("3,87")
    box = line.span_bbox(start, start + 4)
    assert abs(box[0] - UNRULED_X[3]) < 1.0


def test_rows_group_by_vertical_middle() -> None:
    words = [
        Word("b", (50, 100, 60, 110)),
        Word("a", (10, 101, 20, 111)),
        Word("c", (10, 120, 20, 130)),
    ]
    lines = build_lines(1, words)
    assert [line.text for line in lines] == ["a b", "c"]
    assert lines[0].bbox == (10, 100, 60, 111)


def test_join_wrapped_amount_leaves_other_lines() -> None:
    rows = [
        [Word("sebesar", (0, 0, 30, 10)), Word("Rp", (32, 0, 40, 10))],
        [Word("1.000", (0, 12, 20, 22)), Word("rupiah", (22, 12, 40, 22))],
        [Word("Rp.", (0, 24, 10, 34))],
        [Word("tahun", (0, 36, 20, 46))],
    ]
    texts = [[w.text for w in row] for row in join_wrapped_amounts(rows)]
    assert texts == [["sebesar", "Rp", "1.000"], ["rupiah"], ["Rp."], ["tahun"]]


def test_rotated_page_reads_in_unrotated_space(pdfs: dict[str, Path], tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.pdf"
    with pikepdf.open(pdfs["unruled"]) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(rotated)
    plain, turned = extract_document(pdfs["unruled"]), extract_document(rotated)
    assert [line.text for line in turned.lines()] == [line.text for line in plain.lines()]
    assert turned.lines()[0].bbox == plain.lines()[0].bbox


def test_percent_wrapped_onto_the_next_line_joins_its_number() -> None:
    rows = [
        [Word("naik", (72, 0, 92, 10)), Word("9.9", (96, 0, 110, 10))],
        [Word("%.", (72, 12, 80, 22)), Word("Hal", (84, 12, 98, 22))],
    ]
    texts = [[w.text for w in row] for row in join_wrapped_amounts(rows)]
    assert texts == [["naik", "9.9", "%."], ["Hal"]]


def test_table_cell_wrap_further_right_stays_in_its_row() -> None:
    # "Rp" ends the first row of a narrow right-hand cell; its amount wraps under it, far to
    # the right of where the row starts: that is the cell's second line, not a sentence's.
    rows = [
        [Word("Total", (77, 0, 102, 10)), Word("Rp", (505, 0, 518, 10))],
        [Word("12.236.864.000,-", (432, 12, 518, 22))],
    ]
    texts = [[w.text for w in row] for row in join_wrapped_amounts(rows)]
    assert texts == [["Total", "Rp"], ["12.236.864.000,-"]]


def test_rows_stay_apart_when_the_font_claims_an_absurd_ascent(tmp_path: Path) -> None:
    # Some writers (Nitro Pro) embed fonts whose ascent reaches far above the page; pdfium's
    # loose glyph boxes then overlap every row and the whole page came out as one line.
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(vera)))
    drawn = tmp_path / "drawn.pdf"
    page = canvas.Canvas(str(drawn), pagesize=A4)
    page.setFont("Vera", 11)
    for i, text in enumerate(["Laporan Kinerja Tahun 2021 3", "BAB I", "PENDAHULUAN"]):
        page.drawString(72, 760 - i * 20, text)
    page.save()
    tall = tmp_path / "tall.pdf"
    with pikepdf.open(drawn) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                # pdfium reads the ascent when the font box allows it
                obj.FontBBox = pikepdf.Array([-183, -236, 1287, 100000])
                obj.Ascent = 100000
        pdf.save(tall)
    texts = [line.text for line in extract_document(tall).lines()]
    assert texts == ["Laporan Kinerja Tahun 2021 3", "BAB I", "PENDAHULUAN"]
