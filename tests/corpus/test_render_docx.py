"""The word-processor documents of the corpus: typed as .docx, converted by LibreOffice, and
their truth pages read back from the converted PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from reportlab.platypus import Paragraph

from corpus.generate import ensure_corpus
from corpus.render_docx import DocxLook, bookmark_pages, build_docx, soffice_available
from corpus.render_tables import grid, make_styles

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "corpus" / "out"


@pytest.fixture(scope="session")
def docx_documents() -> list[dict]:
    """The truth entries of the corpus documents made through LibreOffice."""
    if not soffice_available():
        pytest.skip("LibreOffice (soffice) is not installed: no word-processor documents")
    truth = ensure_corpus(OUT, 1)
    return [d for d in truth["documents"] if d["layout"].get("renderer") == "docx"]


def squash(text: str) -> str:
    return "".join(text.split())


def test_every_injected_value_is_on_its_recorded_page(docx_documents):
    assert docx_documents
    for doc in docx_documents:
        with pdfplumber.open(OUT / doc["file"]) as pdf:
            for defect in doc["defects"]:
                shown = "".join(
                    squash(pdf.pages[p - 1].extract_text() or "") for p in defect["pages"]
                )
                assert squash(defect["injected"]) in shown, (doc["file"], defect)


def test_word_processor_layout_has_toc_leaders_landscape_lampiran_and_page_numbers(
    docx_documents,
):
    pemda = [d for d in docx_documents if d["layout"]["family"] == "pemda"]
    assert pemda
    pdf = pypdfium2.PdfDocument(OUT / pemda[0]["file"])
    try:
        sizes = [pdf[i].get_size() for i in range(len(pdf))]
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    assert any(w > h for w, h in sizes), "no landscape lampiran page"
    assert any(h > w for w, h in sizes)
    toc = next(t for t in texts if "DAFTAR ISI" in t)
    assert "....." in toc and "PENDAHULUAN" in toc
    # arabic page numbers in the footer restart at 1 on the first chapter
    chapter = next(i for i, t in enumerate(texts) if "PENDAHULUAN" in t and i > 2)
    assert texts[chapter].strip().splitlines()[-1].strip() == "1"


def test_bookmarks_merged_cells_and_repeated_header_survive_conversion(tmp_path):
    if not soffice_available():
        pytest.skip("LibreOffice (soffice) is not installed")
    from corpus.render import register_fonts
    from corpus.render_docx import convert, marks_from_pdf

    register_fonts()
    styles = make_styles(11)
    rows = [["No", "Uraian", ""], ["", "A", "B"]]
    rows += [[str(i), f"baris {i}", f"{i},00"] for i in range(1, 120)]
    mark = '<onDraw name="lkjip_mark" label="x.val|{}"/>'
    rows[60][2] = f"{mark.format('start')}60,00{mark.format('end')}"
    table = grid(
        styles,
        rows,
        [30, 200, 100],
        ruled=True,
        align="llr",
        header_rows=2,
        spans=(((0, 0), (0, 1)), ((1, 0), (2, 0))),
    )
    document = build_docx([Paragraph("Judul", styles.h1), table], DocxLook("DejaVu Sans", 11, None))
    path = tmp_path / "t.docx"
    path.write_bytes(document.data)
    convert([path], tmp_path)
    pdf_bytes = (tmp_path / "t.pdf").read_bytes()
    marks = marks_from_pdf(pdf_bytes, document.bookmarks)
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) >= 2
        page = marks["x.val"][0]
        assert "60,00" in pdf.pages[page - 1].extract_text()
        # the two-row header is repeated on every page of the table
        assert all("Uraian" in (p.extract_text() or "") for p in pdf.pages)
    assert bookmark_pages(pdf_bytes)
