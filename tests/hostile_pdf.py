"""Hostile PDFs, built in the test: text whose Unicode map holds characters outside the BMP,
control characters and lone surrogates.

reportlab draws the text with DejaVu Sans (it has the glyphs) but writes a ToUnicode map that
cannot express a character outside the BMP; the map is then rewritten with pikepdf: every
entry as UTF-16BE (surrogate pairs for non-BMP characters), and the characters named in
``remap`` mapped to whatever text is wanted, however hostile.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "DejaVuSans"
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# A bfchar entry's target: the Unicode value reportlab wrote (4 to 6 hex digits).
TARGET = re.compile(r"(?<=> )<([0-9A-F]{4,6})>")


def _utf16(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def _register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    return FONT


def hostile_pdf(
    path: Path, pages: Sequence[Sequence[str]], remap: Mapping[str, str] | None = None
) -> Path:
    """A PDF with one page per item of ``pages`` (one line per string), whose text reads as
    drawn except that each character in ``remap`` reads as its value."""
    remap = remap or {}
    sheet = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    font = _register_font()
    for lines in pages:
        sheet.setFont(font, 11)
        y = 780
        for line in lines:
            sheet.drawString(72, y, line)
            y -= 18
        sheet.showPage()
    sheet.save()

    def target(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return f"<{_utf16(remap.get(char, char))}>"

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for stream in pdf.objects:
            if isinstance(stream, pikepdf.Stream) and "/Length" in stream:
                data = stream.read_bytes()
                if b"beginbfchar" in data:
                    stream.write(TARGET.sub(target, data.decode("ascii")).encode("ascii"))
        pdf.save(path)
    return path
