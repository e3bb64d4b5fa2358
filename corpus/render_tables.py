"""Paragraph styles and tables (ruled or unruled, header repeated on split) for the renderer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from corpus.render import FONT, FONT_BOLD

_ALIGN = {"l": TA_LEFT, "r": TA_RIGHT, "c": TA_CENTER}


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document (body size varies per document)."""

    body: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    formula: ParagraphStyle
    small: ParagraphStyle
    cells: dict[str, ParagraphStyle]
    head_cell: ParagraphStyle


def make_styles(size: float) -> Styles:
    """Styles for body text of ``size`` points."""
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=size,
        leading=size * 1.55,
        alignment=TA_JUSTIFY,
        spaceAfter=size * 0.6,
        firstLineIndent=1.0 * size * 2,
    )
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=size - 2, leading=(size - 2) * 1.25)
    return Styles(
        body=body,
        title=ParagraphStyle(
            "title",
            fontName=FONT_BOLD,
            fontSize=size + 5,
            leading=(size + 5) * 1.4,
            alignment=TA_CENTER,
            spaceAfter=size,
        ),
        h1=ParagraphStyle(
            "h1",
            fontName=FONT_BOLD,
            fontSize=size + 3,
            leading=(size + 3) * 1.4,
            alignment=TA_CENTER,
            spaceAfter=size,
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=FONT_BOLD,
            fontSize=size + 1,
            leading=(size + 1) * 1.4,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.5,
        ),
        formula=ParagraphStyle(
            "formula",
            fontName=FONT,
            fontSize=size,
            leading=size * 1.5,
            leftIndent=size * 3,
            spaceAfter=size * 0.6,
        ),
        small=ParagraphStyle("small", parent=body, fontSize=size - 1, firstLineIndent=0),
        cells={k: ParagraphStyle(f"cell_{k}", parent=cell, alignment=a) for k, a in _ALIGN.items()},
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER),
    )


def grid(
    styles: Styles,
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    ruled: bool,
    align: str,
    header_rows: int = 1,
    bold_rows: Sequence[int] = (),
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> Table:
    """A table of markup cells (or flowables); ``align`` is one letter per column (l, r, c).

    Ruled tables get a full grid; unruled ones only whitespace (and no lines at all, so that
    extraction has to work from the words' positions). The header repeats when the table
    splits across pages.
    """
    data = []
    for i, row in enumerate(rows):
        if i < header_rows:
            data.append([Paragraph(c, styles.head_cell) for c in row])
            continue
        cells: list[Flowable] = []
        for c, a in zip(row, align, strict=True):
            if not isinstance(c, str):
                cells.append(c)
                continue
            text = f"<b>{c}</b>" if i in bold_rows and c else c
            cells.append(Paragraph(text, styles.cells[a]))
        data.append(cells)
    table = Table(data, colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("SPAN", start, end) for start, end in spans]
    if ruled:
        style += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.86, 0.9, 0.95)),
        ]
    table.setStyle(TableStyle(style))
    table.spaceBefore, table.spaceAfter = 2, 8
    return table
