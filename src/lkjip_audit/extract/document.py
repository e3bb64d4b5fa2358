"""Reading a whole document: status, pages' lines, stitched tables, cached."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium

from lkjip_audit.extract import cache
from lkjip_audit.extract.model import DocumentText, PageTriage
from lkjip_audit.extract.ocr import OcrSettings, read_pages
from lkjip_audit.extract.page import PageRead, read_page, read_scanned
from lkjip_audit.extract.stitch import PageLayout, stitch
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.limits import Limits
from lkjip_audit.pdf.opening import OpenedPdf, classify, open_document, quick_triage, sniff

# Part of every cache key: bump it whenever what extraction returns changes.
EXTRACTOR_VERSION = "8"


@dataclass(slots=True)
class Extraction:
    """A document as opened (status, hash, triage of every page) and what was read from it."""

    opened: OpenedPdf
    text: DocumentText


def _pages_tag(pages: Iterable[int] | None) -> str:
    return "all" if pages is None else "p" + "_".join(str(p) for p in sorted(set(pages)))


def cache_key(sha256: str, pages: Iterable[int] | None = None, ocr: str = "") -> str:
    """The cache key of a file's extraction (``pages`` selects 1-based pages; ``ocr`` is the
    tag of the OCR settings, empty when no page is OCR'd)."""
    return f"{sha256}-x{EXTRACTOR_VERSION}-{_pages_tag(pages)}{'-' + ocr if ocr else ''}"


def _with_ocr(
    document: pdfium.PdfDocument, reads: list[PageRead], ocr: OcrSettings, use_cache: bool
) -> list[PageRead]:
    """``reads`` with every scanned page read again from the words OCR finds on it."""
    by_page = {read.content.page: i for i, read in enumerate(reads)}
    scanned = [r.content.page - 1 for r in reads if ocr.wants(r.content.triage)]
    for index, page in read_pages(document, scanned, ocr, use_cache):
        position = by_page[index + 1]
        reads[position] = read_scanned(reads[position].content, page)
    return reads


def _read(
    opened: OpenedPdf,
    document: pdfium.PdfDocument,
    pages: set[int] | None,
    ocr: OcrSettings,
    use_cache: bool,
) -> Extraction:
    triages: list[PageTriage] = []
    reads: list[PageRead] = []
    for index in range(len(document)):
        if pages is not None and index + 1 not in pages:
            triages.append(quick_triage(document, index))
            continue
        read = read_page(document, index)
        triages.append(read.content.triage)
        reads.append(read)
    if ocr.active:
        reads = _with_ocr(document, reads, ocr, use_cache)
    contents = [read.content for read in reads]
    tables = [table for read in reads for table in read.tables]
    layouts = {c.page: PageLayout(c.height, tuple(line.bbox for line in c.lines)) for c in contents}
    stitched = stitch(tables, layouts)
    text = DocumentText(pages=contents, tables=[t.to_table() for t in stitched])
    return Extraction(classify(opened, triages), text)


def read_pdf(
    path: Path,
    pages: Iterable[int] | None = None,
    use_cache: bool = True,
    limits: Limits | None = None,
    ocr: OcrSettings | None = None,
    opened: OpenedPdf | None = None,
) -> Extraction:
    """Open, classify and read ``path`` (only ``pages``, 1-based, when given); scanned pages
    are read by OCR as ``ocr`` says (by default: when Tesseract is installed). ``opened`` is
    the file as :func:`sniff` already gave it (not hashed again).

    Never raises on bad input: a document that cannot be opened, or whose structure is over
    ``limits`` (the defaults when None), comes back with its status and reason and no pages.
    Results are cached by sha256 unless ``use_cache`` is False.
    """
    from lkjip_audit.pdf.preflight import over_limit

    ocr = ocr or OcrSettings()
    selected = None if pages is None else set(pages)
    opened = opened or sniff(Path(path))
    key = cache_key(opened.sha256 or "", selected, ocr.tag)
    if use_cache and opened.status == DocumentStatus.AUDITED:
        hit = _cached(key, opened.path)
        if hit is not None:
            return hit
    problem = (
        over_limit(opened.path, Limits.resolve(limits))
        if opened.status is DocumentStatus.AUDITED
        else None
    )
    if problem is not None:
        opened = replace(opened, status=DocumentStatus.UNREADABLE, reason=problem)
    opened, document = open_document(opened)
    if document is None:
        return Extraction(opened, DocumentText(pages=[]))
    try:
        result = _read(opened, document, selected, ocr, use_cache)
    finally:
        document.close()
    if use_cache:
        cache.store(key, result)
    return result


def _cached(key: str, path: Path) -> Extraction | None:
    """The cached extraction for ``key``, reported under the path it is read at now."""
    hit = cache.load(key, Extraction)
    return None if hit is None else Extraction(replace(hit.opened, path=path), hit.text)


def extract_document(
    path: Path, pages: Iterable[int] | None = None, use_cache: bool = True
) -> DocumentText:
    """Lines and tables of ``path`` (see :func:`read_pdf`); empty for an unreadable file."""
    return read_pdf(path, pages, use_cache).text
