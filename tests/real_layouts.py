"""Minimal PDFs that reproduce the layouts real reports of regional units are written in:
running headers that carry the page number, numbered PK lists, multi-period capaian tables.

Drawn with reportlab from our own words and numbers, never copied from a real report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

Item = str | Sequence[Sequence[str]]
"""A paragraph, or a table as rows of cell texts (the first row is the header)."""


def write_report(path: Path, pages: Sequence[Sequence[Item]], running_header: str) -> Path:
    """A PDF of ``pages``, each page headed by ``running_header`` and its page number, the way
    word processors print "Dinas ... Provinsi ... 15" at the top of every page."""
    styles = getSampleStyleSheet()
    story: list = []
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        for item in page:
            if isinstance(item, str):
                story.append(Paragraph(item, styles["BodyText"]))
                story.append(Spacer(1, 6))
                continue
            table = Table([list(row) for row in item], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 8))

    def header(canvas, document) -> None:
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, A4[1] - 40, f"{running_header} {document.page}")

    SimpleDocTemplate(str(path), pagesize=A4, topMargin=72).build(
        story, onFirstPage=header, onLaterPages=header
    )
    return path


def flagged(result) -> list[tuple[str, str | None]]:
    """(rule, stated) of a result's error and warning findings on values, sorted: what a
    layout test expects to be found and nothing else."""
    from lkjip_audit.findings import Category, Severity

    return sorted(
        (f.rule, f.stated)
        for f in result.findings
        if f.severity is not Severity.INFO
        and f.category not in (Category.EXTRACTION, Category.STRUCTURE)
    )
