"""Signatories read from a signature page: the name above each NIP in its own column."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from lkjip_audit.extract.document import read_pdf
from lkjip_audit.recognize.persons import find_persons


def signature_page(path: Path, left: tuple[tuple[float, float, str], ...] = ()) -> Path:
    """A Perjanjian Kinerja signed by a Bupati (no NIP: an elected official has none) on the
    left and the head of a Dinas (with NIP) on the right, names on one row; ``left`` adds
    (x, y, text) runs to the Bupati's column."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 11)
    rows = (
        (700, "Pihak Kedua,", "Pihak Pertama,"),
        (686, "Bupati Grobogan", "Kepala Dinas Kesehatan"),
        (630, "" if left else "H. Gita Permana, S.Kom.", "Agus Firmansyah, S.Sos."),
    )
    for y, text_left, right in rows:
        canvas.drawString(80, y, text_left)
        canvas.drawString(330, y, right)
    for x, y, text in left:
        canvas.drawString(x, y, text)
    canvas.drawString(330, 616, "NIP. 197210031993081008")
    canvas.save()
    return path


@pytest.mark.parametrize(
    "left",
    [
        pytest.param((), id="names-apart"),
        # The Bupati's long name ends 20 pt before the Kepala Dinas's name starts.
        pytest.param(((105, 630, "H. Rizky Kurniawan, A.Md.Im., S.H., M.Si."),), id="long-name"),
        # The Bupati's degrees wrap onto a line of their own, between the name and the NIP.
        pytest.param(((80, 641, "Dr. Wahyu Syahputra, A.Md.Im.,"), (80, 623, "S.H.")), id="wrap"),
    ],
)
def test_a_nip_takes_the_name_of_its_own_column_when_the_other_signatory_has_none(tmp_path, left):
    doc = read_pdf(signature_page(tmp_path / "pk.pdf", left), use_cache=False).text
    persons = list(find_persons(doc))
    assert [(p.name, p.nip) for p in persons] == [("Agus Firmansyah, S.Sos.", "197210031993081008")]
