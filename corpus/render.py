"""Render a :class:`corpus.model.Report` to PDF bytes, recording where watched values land.

The page of every watched value (a defect's injected text, and the places it disagrees with)
is recorded while drawing: the value's markup carries ``<onDraw>`` tags before and after it, and
reportlab calls back into the canvas on the page where the text is actually drawn. Printed page
numbers are roman in the front matter and arabic from the first chapter; the Daftar Isi is filled
by building twice (the first pass learns where each heading lands).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

import reportlab
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from corpus.model import Report

FONT = "Vera"
FONT_BOLD = "Vera-Bold"
MARK_CB = "lkjip_mark"
_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")


def register_fonts() -> None:
    """Register reportlab's bundled Vera TTF (covers Indonesian text, "…", "–", "×")."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(_FONT_DIR, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, os.path.join(_FONT_DIR, "VeraBd.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Italic", os.path.join(_FONT_DIR, "VeraIt.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-BoldItalic", os.path.join(_FONT_DIR, "VeraBI.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )


class Fmt:
    """Formats values the way one document prints them, applying overrides and markers."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.layout = report.layout

    def num(self, value: Decimal | int, places: int) -> str:
        """A number with the document's separators and ``places`` decimals."""
        text = f"{Decimal(value):,.{places}f}"
        if self.layout.amount_sep == ".":
            text = text.translate(str.maketrans(",.", ".,"))
        elif self.layout.decimal_sep == ",":
            whole, _, frac = text.partition(".")
            text = f"{whole},{frac}" if frac else whole
        return text

    def idx(self, value: Decimal, places: int = 2) -> str:
        """An index value ("3,96")."""
        return self.num(value, places)

    def pct(self, value: Decimal, places: int = 2) -> str:
        """A percentage ("99,53%" or "99,53 %")."""
        return f"{self.num(value, places)}{' ' if self.layout.pct_space else ''}%"

    def rp(self, amount: int) -> str:
        """A Rupiah amount with the document's prefix ("Rp. 8.538.182.000")."""
        return f"{self.layout.rp_prefix}{self.num(amount, 0)}{self.layout.rp_suffix}"

    def val(self, key: str, text: str) -> str:
        """Paragraph markup for the value at place ``key``: overridden and marked if watched."""
        shown = escape(self.report.overrides.get(key, text))
        if key not in self.report.watch:
            return shown
        self.report.originals[key] = text
        label = escape(key, {'"': "&quot;"})
        return (
            f'<onDraw name="{MARK_CB}" label="{label}|start"/>{shown}'
            f'<onDraw name="{MARK_CB}" label="{label}|end"/>'
        )


class Numbering(Flowable):
    """Zero-size flowable: from the page it lands on, print page labels of ``kind``."""

    def __init__(self, kind: str | None) -> None:
        super().__init__()
        self.kind = kind

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class Orientation(Flowable):
    """Zero-size flowable: from here on, pages are ``orientation`` ("landscape" or
    "portrait") in the word-processor renderer; reportlab keeps its portrait frame."""

    def __init__(self, orientation: str) -> None:
        super().__init__()
        self.orientation = orientation

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


def roman(n: int) -> str:
    """Lower-case roman numeral of ``n`` (1..3999)."""
    out = []
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered report: PDF bytes, pages per watched key, page count, TOC labels."""

    pdf: bytes
    marks: dict[str, list[int]]
    pages: int
    toc: tuple[tuple[int, str, str], ...]


class _Doc(BaseDocTemplate):
    """Doc template that tracks the page-label style and where TOC headings land."""

    def __init__(self, buf: io.BytesIO, header: str | None, **kw: object) -> None:
        super().__init__(buf, pagesize=A4, invariant=1, **kw)
        self.header = header
        frame = Frame(2.5 * cm, 2.2 * cm, A4[0] - 5 * cm, A4[1] - 4.6 * cm, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer)])
        self.numbering: tuple[str | None, int] = (None, 1)
        self.toc_seen: list[tuple[int, str, str]] = []

    def label(self, page: int) -> str:
        kind, start = self.numbering
        if kind == "roman":
            return roman(page - start + 1)
        if kind == "arabic":
            return str(page - start + 1)
        return ""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Numbering):
            self.numbering = (flowable.kind, self.page)
        toc = getattr(flowable, "toc", None)
        if toc is not None:
            self.toc_seen.append((toc[0], toc[1], self.label(self.page)))

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        label = self.label(canv.getPageNumber())
        if not label:
            return
        canv.saveState()
        canv.setFont(FONT, 9)
        canv.drawCentredString(A4[0] / 2, 1.3 * cm, label)
        if self.header and self.numbering[0] == "arabic":
            canv.setFont(FONT, 7.5)
            canv.drawRightString(A4[0] - 2.5 * cm, A4[1] - 1.5 * cm, self.header)
        canv.restoreState()


def _canvas_class(marks: list[tuple[str, int]]) -> type[Canvas]:
    class MarkCanvas(Canvas):
        def __init__(self, *args: object, **kw: object) -> None:
            super().__init__(*args, **kw)
            self.setNamedCB(MARK_CB, self._mark)

        def _mark(self, canv: Canvas, kind: str, label: str) -> None:
            marks.append((label, self.getPageNumber()))

    return MarkCanvas


def build_pdf(make_story, report: Report, header: str | None) -> Rendered:
    """Build the story twice or more until the Daftar Isi labels are stable.

    ``make_story(toc)`` returns the list of flowables given the TOC entries of the previous
    pass (an empty tuple on the first pass, when entries print without page labels).
    """
    rl_config.invariant = 1
    register_fonts()
    toc: tuple[tuple[int, str, str], ...] = ()
    for _ in range(4):
        marks: list[tuple[str, int]] = []
        buf = io.BytesIO()
        doc = _Doc(buf, header, title=f"LKjIP {report.satker} {report.year}", author=report.satker)
        doc.build(make_story(toc), canvasmaker=_canvas_class(marks))
        seen = tuple(doc.toc_seen)
        if seen == toc:
            break
        toc = seen
    else:
        raise RuntimeError(f"Daftar Isi did not stabilise for {report.satker}")
    pages: dict[str, set[int]] = {}
    for label, page in marks:
        pages.setdefault(label.rsplit("|", 1)[0], set()).add(page)
    return Rendered(buf.getvalue(), {k: sorted(v) for k, v in pages.items()}, doc.page, toc)
