"""A font whose metrics are broken (ascent and descent of thousands of points, as some PDF
writers leave them) must not merge a page's lines into one: glyph heights then come from the
font size around the baseline."""

from __future__ import annotations

import os
from pathlib import Path

import pikepdf
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from lkjip_audit.extract import read_pdf

FIRST = "Persentase jalan dalam kondisi baik 84 % 79,82 % 95,02 %"
SECOND = "Baris kedua di bawahnya"


def broken_metrics_pdf(path: Path) -> Path:
    vera = Path(os.path.dirname(reportlab.__file__)) / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(vera)))
    drawing = canvas.Canvas(str(path))
    drawing.setFont("Vera", 10)
    drawing.drawString(72, 700, FIRST)
    drawing.drawString(72, 680, SECOND)
    drawing.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                obj.Ascent, obj.Descent = 30000, -30000
                obj.FontBBox = [-1000, -30000, 1000, 30000]
        pdf.save(path)
    return path


def test_lines_stay_apart_when_the_font_metrics_are_broken(tmp_path):
    doc = read_pdf(broken_metrics_pdf(tmp_path / "broken.pdf"), use_cache=False).text
    lines = [line.text for line in doc.pages[0].lines]
    assert lines == [FIRST, SECOND]
    first = doc.pages[0].lines[0]
    assert first.bbox[3] - first.bbox[1] < 20
