"""Rotated pages are read in reading orientation: a budget table on a page with /Rotate 90,
180 or 270, or drawn turned with a canvas transform (a landscape lampiran, a table printed
sideways), reads as the same table upright; its finding has the same numbers and box, and the
evidence image shows the value under that box."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

from lkjip_audit.audit import audit_file
from lkjip_audit.extract import extract_document
from lkjip_audit.findings import Finding
from lkjip_audit.report.evidence import EvidenceRenderer

WIDTH, HEIGHT = A4
# The total's pagu is 1.100.000.000 where its lines add up to 1.000.000.000 (BUD001).
ROWS = [
    ["No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"],
    ["1", "Program Dukungan Manajemen", "600.000.000", "540.000.000", "90,00"],
    ["2", "Program Penegakan Hukum", "400.000.000", "380.000.000", "95,00"],
    ["", "Jumlah", "1.100.000.000", "920.000.000", "83,64"],
]
INK = 110
"""A grey level below which a rendered pixel is ink (the highlight tints, it does not darken)."""


def _budget_page(pdf: canvas.Canvas, width: float, height: float) -> None:
    """Bab III with its budget table, laid out on a page of ``width`` × ``height``."""
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(72, height - 72, "BAB III AKUNTABILITAS KINERJA")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, height - 96, "C. Realisasi Anggaran")
    table = Table(ROWS, colWidths=[30, 190, 95, 95, 50])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    _, table_height = table.wrapOn(pdf, width, height)
    table.drawOn(pdf, 72, height - 120 - table_height)


# Content turned counter-clockwise by the canvas (degrees), then the page's /Rotate.
# A quarter turn lays the page out in landscape: what a lampiran is.
LAYOUTS = {
    "upright": (0, 0),
    "rotate-90": (0, 90),
    "rotate-180": (0, 180),
    "rotate-270": (0, 270),
    "lampiran-rotate-90": (90, 90),
    "lampiran-rotate-270": (-90, 270),
    "sideways-no-rotate": (-90, 0),
    "upside-down": (180, 0),
}


def write_layout(path: Path, turned: int, rotate: int) -> Path:
    """A two-page report whose second page holds the budget table, drawn turned by ``turned``
    degrees (counter-clockwise) on a portrait A4 page, with /Rotate ``rotate``."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawString(72, HEIGHT - 72, "BAB I PENDAHULUAN")
    pdf.showPage()
    if turned == 90:
        pdf.translate(WIDTH, 0)
    elif turned == -90:
        pdf.translate(0, HEIGHT)
    elif turned == 180:
        pdf.translate(WIDTH, HEIGHT)
    pdf.rotate(turned)
    landscape = turned in (90, -90)
    _budget_page(pdf, *((HEIGHT, WIDTH) if landscape else (WIDTH, HEIGHT)))
    pdf.showPage()
    pdf.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as document:
            document.pages[1].Rotate = rotate
            document.save(path)
    return path


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rotation")
    return {name: write_layout(folder / f"{name}.pdf", *how) for name, how in LAYOUTS.items()}


def budget_sum(path: Path, ruleset) -> Finding:
    result = audit_file(path, ruleset, use_cache=False)
    [finding] = [f for f in result.findings if f.rule == "BUD001"]
    return finding


def ink_under(path: Path, finding: Finding) -> Image.Image:
    """Which pixels are ink under the finding's box in its evidence image."""
    with EvidenceRenderer() as renderer:
        image = renderer.image(path, finding.page, [finding.bbox])
    assert image is not None
    picture = Image.open(io.BytesIO(base64.b64decode(image.data_uri.split(",", 1)[1])))
    x0, top = image.crop[0], image.crop[1]
    box = finding.bbox
    pixels = tuple(
        round((value - origin) * image.scale)
        for value, origin in zip(box, (x0, top, x0, top), strict=True)
    )
    return picture.crop(pixels).convert("L").point(lambda grey: 255 if grey < INK else 0)


@pytest.fixture(scope="module")
def upright(layouts, ruleset) -> tuple[Finding, Image.Image]:
    finding = budget_sum(layouts["upright"], ruleset)
    return finding, ink_under(layouts["upright"], finding)


def test_the_upright_table_is_the_reference(upright):
    finding, ink = upright
    assert (finding.page, finding.stated, finding.expected) == (2, "1.100.000.000", "1.000.000.000")
    assert ink.getbbox() is not None, "the value's digits are under its box"


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "upright"])
def test_a_rotated_page_reads_as_the_upright_one(layouts, ruleset, upright, layout):
    reference, reference_ink = upright
    finding = budget_sum(layouts[layout], ruleset)
    assert (finding.page, finding.stated, finding.expected) == (2, "1.100.000.000", "1.000.000.000")
    assert finding.text("id") == reference.text("id")
    assert finding.bbox == pytest.approx(reference.bbox, abs=0.5)
    # The evidence image is rendered in reading orientation: the same digits under the box.
    ink = ink_under(layouts[layout], finding)
    assert ink.size == reference_ink.size
    same = sum(a == b for a, b in zip(ink.tobytes(), reference_ink.tobytes(), strict=True))
    assert same / len(ink.tobytes()) > 0.97


@pytest.mark.parametrize("layout", ["lampiran-rotate-90", "sideways-no-rotate", "upside-down"])
def test_turned_text_is_read_in_lines_not_one_character_each(layouts, layout):
    def page_two(path: Path) -> list[str]:
        return [line.text for line in extract_document(path, use_cache=False).pages[1].lines]

    assert page_two(layouts[layout]) == page_two(layouts["upright"])
