"""Multi-page LKjIP-like reports for the benchmark: prose, ruled and unruled tables."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PROSE = (
    "Berdasarkan hasil pengukuran kinerja tahun {year}, capaian indikator kinerja utama "
    "menunjukkan peningkatan dibandingkan tahun sebelumnya dengan realisasi anggaran sebesar "
    "Rp. {amount},- atau {percent} % dari pagu yang ditetapkan dalam DIPA. "
)


def _amount(i: int) -> str:
    return f"{8_538_182_000 + i * 1_250_000:,}".replace(",", ".")


def _ruled(page: int) -> Table:
    rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    for r in range(10):
        rows.append(
            [str(r + 1), f"Persentase layanan keimigrasian {page}.{r}", "3,25", "3,87", "119,08%"]
        )
    table = Table(rows, colWidths=[30, 220, 60, 70, 70])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ]
        )
    )
    return table


def _unruled(page: int) -> Table:
    rows = [["Bulan", "Responden", "Nilai SKM", "Mutu"]]
    for month in range(1, 13):
        rows.append([f"Bulan {month}", str(100 + page + month), "3,54", "A"])
    return Table(rows, colWidths=[120, 100, 100, 80])


def write_report(path: Path, pages: int) -> Path:
    """A report of ``pages`` pages: every third page a ruled table, every fifth an unruled."""
    style = getSampleStyleSheet()
    story = []
    for page in range(pages):
        text = PROSE.format(year=2023, amount=_amount(page), percent="99,53")
        story.append(Paragraph(f"BAB {page // 10 + 1} Bagian {page + 1}", style["Heading2"]))
        story.append(Paragraph(text * 3, style["BodyText"]))
        if page % 3 == 0:
            story += [Spacer(1, 8), _ruled(page)]
        elif page % 5 == 0:
            story += [Spacer(1, 8), _unruled(page)]
        else:
            story.append(Paragraph(text * 4, style["BodyText"]))
        story.append(Paragraph(text * 2, style["BodyText"]))
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path
