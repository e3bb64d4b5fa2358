"""The word-processor renderer: a report's story written as .docx and converted by LibreOffice.

Real LKjIP are typed in Word or LibreOffice and exported to PDF, which brings what reportlab's
drawing does not: justified text positioned glyph by glyph, font subsets, tables drawn as cell
borders with merged cells and header rows repeated on every page, headers and footers with page
number fields, a daftar isi with dot leaders whose page numbers the word processor fills in, a
landscape lampiran section and automatic bullet and numbered lists.

The same flowables the reportlab renderer draws (:mod:`corpus.render_sections`) are translated
here into python-docx: paragraph markup becomes runs, every watched value is wrapped in a
bookmark. LibreOffice exports the bookmarks as PDF named destinations, so the page of every
watched value is read back from the converted PDF (:func:`bookmark_pages`), never assumed.
Many documents are converted in ONE ``soffice`` call with a private profile (:func:`convert`).
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
import pikepdf
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from corpus.render import Numbering, Orientation

SOFFICE = "soffice"
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)
_TAG = re.compile(r"<(/?)(\w+)([^>]*?)/?>")
_LABEL = re.compile(r'label="([^"]*)"')
_NUMBERED = re.compile(r"^(\d+)\.\s+")
_BULLET = re.compile(r"^[-•]\s+")
ALIGN = {
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "r": WD_ALIGN_PARAGRAPH.RIGHT,
    "c": WD_ALIGN_PARAGRAPH.CENTER,
}


class ConversionError(RuntimeError):
    """LibreOffice did not produce the PDF of a document."""


def soffice_available() -> bool:
    """True when LibreOffice's ``soffice`` is on the PATH."""
    return shutil.which(SOFFICE) is not None


@dataclass(frozen=True, slots=True)
class DocxLook:
    """How the word processor lays one document out (varies per document)."""

    font: str
    size: float
    header: str | None


class _Builder:
    """Writes flowables into a python-docx document, recording bookmarks and TOC entries."""

    def __init__(self, look: DocxLook) -> None:
        self.doc = docx.Document()
        self.look = look
        self.bookmarks: dict[str, str] = {}  # bookmark name -> watched place key
        self.toc_entries: list[tuple[int, str, str]] = []  # level, text, bookmark
        self.toc_anchor: DocxParagraph | None = None
        self.break_pending = False
        self.numbered_run: int | None = None
        self._next_id = 0
        style = self.doc.styles["Normal"]
        style.font.name = look.font
        style.font.size = Pt(look.size)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), look.font)
        for s in ("List Number", "List Bullet"):
            self.doc.styles[s].font.size = Pt(look.size - 1)
        section = self.doc.sections[0]
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)

    # ---- runs and bookmarks --------------------------------------------------------
    def _bookmark(self, paragraph: DocxParagraph, name: str, start: bool) -> None:
        element = OxmlElement("w:bookmarkStart" if start else "w:bookmarkEnd")
        element.set(qn("w:id"), name[1:])
        if start:
            element.set(qn("w:name"), name)
        paragraph._p.append(element)

    def _new_bookmark(self, key: str) -> str:
        self._next_id += 1
        name = f"w{self._next_id}"
        self.bookmarks[name] = key
        return name

    def fill(self, paragraph: DocxParagraph, markup: str, bold: bool = False) -> None:
        """Runs of ``markup`` (reportlab paragraph markup) appended to ``paragraph``."""
        open_marks: dict[str, str] = {}
        pos = 0
        for match in _TAG.finditer(markup):
            self._text(paragraph, markup[pos : match.start()], bold)
            pos = match.end()
            closing, tag, attrs = match.groups()
            if tag == "b":
                bold = not closing
            elif tag == "br":
                paragraph.add_run().add_break()
            elif tag == "onDraw":
                label = html.unescape(_LABEL.search(attrs).group(1))
                key, _, edge = label.rpartition("|")
                if edge == "start":
                    open_marks[key] = self._new_bookmark(key)
                    self._bookmark(paragraph, open_marks[key], True)
                else:
                    self._bookmark(paragraph, open_marks.pop(key), False)
        self._text(paragraph, markup[pos:], bold)

    @staticmethod
    def _text(paragraph: DocxParagraph, markup: str, bold: bool) -> None:
        text = html.unescape(markup.replace("&nbsp;", "\u00a0"))
        if text:
            paragraph.add_run(text).bold = bold or None

    # ---- blocks --------------------------------------------------------------------
    def _paragraph(self, style: str | None = None) -> DocxParagraph:
        paragraph = self.doc.add_paragraph(style=style)
        if self.break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.break_pending = False
        return paragraph

    def paragraph(self, flowable: Paragraph) -> None:
        """A body paragraph, heading, list item or formula line."""
        name = flowable.style.name
        markup = flowable.text
        numbered, bullet = _NUMBERED.match(markup), _BULLET.match(markup)
        if name == "small" and numbered:
            paragraph = self._paragraph("List Number")
            self._number(paragraph, int(numbered.group(1)))
            markup = markup[numbered.end() :]
        elif name in ("small", "formula") and bullet:
            paragraph = self._paragraph("List Bullet")
            markup = markup[bullet.end() :]
        else:
            self.numbered_run = None
            paragraph = self._paragraph()
        fmt = paragraph.paragraph_format
        size = self.look.size
        if name in ("title", "h1"):
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.space_after = Pt(size)
            fmt.keep_with_next = True
        elif name == "h2":
            fmt.space_before, fmt.space_after = Pt(size * 0.6), Pt(size * 0.4)
            fmt.keep_with_next = True
        elif name == "body":
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = Pt(size * 2)
            fmt.line_spacing = 1.4
        elif name == "formula":
            fmt.left_indent = Pt(size * 3)
        elif name == "small":
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading = name in ("title", "h1", "h2")
        toc = getattr(flowable, "toc", None)
        if toc is not None:
            mark = self._new_bookmark(f"toc.{len(self.toc_entries)}")
            self._bookmark(paragraph, mark, True)
            self.toc_entries.append((toc[0], toc[1], mark))
        self.fill(paragraph, markup, bold=heading)
        if toc is not None:
            self._bookmark(paragraph, mark, False)
        if heading:
            for run in paragraph.runs:
                run.font.size = Pt(size + (3 if name != "h2" else 1))
        if markup == "DAFTAR ISI":
            self.toc_anchor = paragraph

    def _number(self, paragraph: DocxParagraph, first: int) -> None:
        """A numbered list item; a list starting at 1 restarts the word processor's count."""
        if first == 1 or self.numbered_run is None:
            self.numbered_run = self._restart_numbering(first)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = self.numbered_run

    def _restart_numbering(self, start: int) -> int:
        numbering = self.doc.part.numbering_part.numbering_definitions._numbering
        style_num = self.doc.styles["List Number"]._element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(start)
        return num.numId

    def table(self, flowable: Table) -> None:
        """A table: borders when ruled, merged cells, header rows repeated on every page."""
        rows = flowable._cellvalues
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 else None  # the element before the final sectPr
        if self.break_pending or (last is not None and last.tag == qn("w:tbl")):
            self._paragraph()
        columns = len(rows[0])
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ruled = bool(getattr(flowable, "_linecmds", None))
        if ruled:
            table.style = self.doc.styles["Table Grid"]
        # The story's column widths (points), as the grid the word processor lays out.
        widths = [Pt(w) for w in flowable._colWidths]
        table.autofit = False
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = width
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.width = widths[c]
                self._cell(cell.paragraphs[0], value)
        for (c0, r0), (c1, r1) in _spans(flowable):
            table.cell(r0, c0).merge(table.cell(r1, c1))
        for r in range(min(flowable.repeatRows or 0, len(rows))):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
        self.numbered_run = None

    def _cell(self, paragraph: DocxParagraph, value: object) -> None:
        paragraph.paragraph_format.space_after = Pt(1)
        for item in _flatten([value]):
            if isinstance(item, Paragraph):
                style = item.style
                paragraph.alignment = {0: ALIGN["l"], 1: ALIGN["c"], 2: ALIGN["r"]}.get(
                    style.alignment, ALIGN["l"]
                )
                self.fill(paragraph, item.text, bold=style.name == "head_cell")
                for run in paragraph.runs:
                    run.font.size = Pt(self.look.size - 2)
            elif isinstance(item, str):
                self.fill(paragraph, item)

    def gap(self) -> None:
        """An empty small paragraph: space, and what keeps two tables apart (the word
        processor joins tables with nothing between them into one)."""
        if self.break_pending:
            return
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run().font.size = Pt(4)

    def section(self, kind: str | None = None, orientation: str | None = None) -> None:
        """A new section on a new page: page numbers ``kind`` from 1, or a new orientation."""
        current = self.doc.sections[-1]
        starts_document = len(self.doc.paragraphs) == 0 and len(self.doc.tables) == 0
        section = current if starts_document else self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.break_pending = False
        if orientation is not None:
            landscape = orientation == "landscape"
            width, height = sorted((section.page_width, section.page_height))
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = (
                (height, width) if landscape else (width, height)
            )
        if kind is not None:
            self._page_numbers(section, kind)

    def _page_numbers(self, section, kind: str) -> None:
        pg = section._sectPr.find(qn("w:pgNumType"))
        if pg is None:
            pg = OxmlElement("w:pgNumType")
            section._sectPr.append(pg)
        pg.set(qn("w:fmt"), "lowerRoman" if kind == "roman" else "decimal")
        pg.set(qn("w:start"), "1")
        for part in (section.footer, section.header):
            part.is_linked_to_previous = False
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE")
        if self.look.header and kind == "arabic":
            head = section.header.paragraphs[0]
            head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            head.add_run(self.look.header).font.size = Pt(8)

    def daftar_isi(self) -> None:
        """Entries after the DAFTAR ISI heading: dot leaders to a PAGEREF of each heading."""
        if self.toc_anchor is None:
            return
        anchor = self.toc_anchor
        text_width = self.doc.sections[0].page_width - Cm(5)
        for level, text, mark in reversed(self.toc_entries):
            new = anchor.insert_paragraph_before()
            anchor._p.addnext(new._p)
            new.paragraph_format.left_indent = Cm(0.8 * level)
            new.paragraph_format.tab_stops.add_tab_stop(
                text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            new.add_run(f"{text}\t")
            _field(new, f"PAGEREF {mark} \\h")

    def add(self, flowables: Iterable[Flowable]) -> None:
        """Translate the story."""
        for flowable in _flatten(flowables):
            if isinstance(flowable, Numbering):
                if flowable.kind is None:
                    continue
                self.section(kind=flowable.kind)
            elif isinstance(flowable, Orientation):
                self.section(orientation=flowable.orientation)
            elif isinstance(flowable, PageBreak):
                self.break_pending = True
            elif isinstance(flowable, Paragraph):
                self.paragraph(flowable)
            elif isinstance(flowable, Table):
                self.table(flowable)
            elif isinstance(flowable, Spacer):
                self.gap()
            elif not isinstance(flowable, CondPageBreak):
                raise TypeError(f"no docx translation for {type(flowable).__name__}")

    def save(self) -> bytes:
        self.daftar_isi()
        buf = io.BytesIO()
        self.doc.core_properties.author = "lkjip-audit corpus"
        self.doc.save(buf)
        return buf.getvalue()


def _flatten(items: Iterable[object]) -> Iterable[object]:
    for item in items:
        if isinstance(item, KeepTogether):
            yield from _flatten(item._content)
        elif isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def _spans(table: Table) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    columns, rows = len(table._cellvalues[0]), len(table._cellvalues)
    out = []
    for _, (c0, r0), (c1, r1) in getattr(table, "_spanCmds", ()):
        c1, r1 = c1 % columns, r1 % rows
        if (c0, r0) != (c1, r1):
            out.append(((c0, r0), (c1, r1)))
    return out


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A complex field (PAGE, PAGEREF) the word processor computes while laying out."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1")):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


@dataclass(frozen=True, slots=True)
class DocxDocument:
    """A report written as .docx: its bytes and the watched place of every bookmark."""

    data: bytes
    bookmarks: dict[str, str]


def build_docx(story: Sequence[Flowable], look: DocxLook) -> DocxDocument:
    """The .docx of ``story`` (a Writer's flowables built without a Daftar Isi table)."""
    builder = _Builder(look)
    builder.add(story)
    data = builder.save()
    return DocxDocument(data, dict(builder.bookmarks))


def convert(docx_paths: Sequence[Path], outdir: Path, timeout: float = 1800) -> None:
    """Convert every .docx to PDF in ``outdir`` with ONE LibreOffice run (its start-up is
    the slow part) and a private, throw-away profile; raises :class:`ConversionError` when a
    PDF is missing afterwards."""
    if not docx_paths:
        return
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-soffice-") as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                PDF_FILTER,
                "--outdir",
                str(outdir),
                *map(str, docx_paths),
            ],
            check=False,
            capture_output=True,
            timeout=timeout,
        )
    missing = [p.name for p in docx_paths if not (outdir / f"{p.stem}.pdf").exists()]
    if missing:
        raise ConversionError(f"LibreOffice did not convert: {', '.join(missing)}")


def bookmark_pages(pdf_bytes: bytes) -> dict[str, int]:
    """Page (1-based) of every named destination of a converted PDF."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        index = {page.objgen: n for n, page in enumerate(pdf.pages, 1)}
        dests = pdf.Root.get("/Dests")
        out = {}
        if dests is not None:
            for name, target in dests.items():
                out[name.lstrip("/")] = index[target[0].objgen]
        return out


def marks_from_pdf(pdf_bytes: bytes, bookmarks: dict[str, str]) -> dict[str, list[int]]:
    """Pages of every watched place of a converted document, from its named destinations."""
    found = bookmark_pages(pdf_bytes)
    marks: dict[str, set[int]] = {}
    for name, key in bookmarks.items():
        if name in found:
            marks.setdefault(key, set()).add(found[name])
    return {k: sorted(v) for k, v in marks.items()}
