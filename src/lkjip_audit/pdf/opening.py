"""Open a PDF read-only, hash it, and decide whether it can be audited and why not."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lkjip_audit.extract.model import PageLabel, PageTriage
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.pdf import messages
from lkjip_audit.pdf.messages import Reason
from lkjip_audit.pdf.objects import read_objects
from lkjip_audit.pdf.triage import triage_page

HEADER_WINDOW = 1024  # "%PDF-" must start within the first KiB (as readers accept)
TRAILER_WINDOW = 2048  # a complete PDF ends with "%%EOF" (whitespace or junk may follow)
CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class OpenedPdf:
    """A PDF as opened: identity, page count, and whether (and why not) it can be audited."""

    path: Path
    sha256: str | None
    pages: int | None
    status: DocumentStatus
    reason: Reason | None = None
    scanned_pages: tuple[int, ...] = ()
    garbled_pages: tuple[int, ...] = ()
    triage: tuple[PageTriage, ...] = ()


def _hash_and_sniff(path: Path) -> tuple[str, Reason | None]:
    """The file's sha256 and, when it cannot be a complete PDF, the reason why."""
    digest = hashlib.sha256()
    head = b""
    tail = b""
    # Opened without waiting (a FIFO with no writer would block) and read only if regular.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return "", messages.NOT_REGULAR
    with os.fdopen(descriptor, "rb") as handle:
        while chunk := handle.read(CHUNK):
            if not head:
                head = chunk[:HEADER_WINDOW]
            tail = (tail + chunk)[-TRAILER_WINDOW:]
            digest.update(chunk)
    if not head:
        return digest.hexdigest(), messages.EMPTY
    if b"%PDF-" not in head:
        return digest.hexdigest(), messages.NOT_PDF
    if b"%%EOF" not in tail:
        return digest.hexdigest(), messages.TRUNCATED
    return digest.hexdigest(), None


def sniff(path: Path) -> OpenedPdf:
    """Hash ``path`` and check that it can be a complete PDF, without parsing it.

    The status is ``unreadable`` (with the reason) for a missing, empty, non-PDF or truncated
    file, else provisionally ``audited`` with no page count. Never raises.
    """
    path = Path(path)
    try:
        sha256, problem = _hash_and_sniff(path)
    except OSError:
        return OpenedPdf(path, None, None, DocumentStatus.UNREADABLE, messages.CANNOT_READ)
    if problem is not None:
        return OpenedPdf(path, sha256 or None, None, DocumentStatus.UNREADABLE, problem)
    return OpenedPdf(path, sha256, None, DocumentStatus.AUDITED)


def open_document(opened: OpenedPdf) -> tuple[OpenedPdf, pdfium.PdfDocument | None]:
    """Open a sniffed file with pdfium; the document is None when it cannot be read.

    The returned OpenedPdf has status ``audited`` when the document opened; call
    :func:`classify` with the pages' triage to settle the status. Never raises on bad input.
    """
    if opened.status != DocumentStatus.AUDITED:
        return opened, None
    try:
        document = pdfium.PdfDocument(str(opened.path))
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            return replace(opened, status=DocumentStatus.ENCRYPTED, reason=messages.ENCRYPTED), None
        return replace(opened, status=DocumentStatus.UNREADABLE, reason=messages.CORRUPT), None
    except (OSError, ValueError):
        return replace(opened, status=DocumentStatus.UNREADABLE, reason=messages.CORRUPT), None
    return replace(opened, pages=len(document)), document


def load_document(path: Path) -> tuple[OpenedPdf, pdfium.PdfDocument | None]:
    """:func:`sniff` then :func:`open_document`."""
    return open_document(sniff(path))


@contextmanager
def open_page(
    document: pdfium.PdfDocument, index: int
) -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage]]:
    """A page and its text page (0-based ``index``), closed when the block ends."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            yield page, textpage
        finally:
            textpage.close()
    finally:
        page.close()


def page_size(page: pdfium.PdfPage) -> tuple[float, float]:
    """Width and height of the page's unrotated space, in which pdfium gives every position
    (the /Rotate of a page is undone here; the page is then read in the orientation of its
    text, see :mod:`lkjip_audit.extract.orientation`)."""
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):
        return height, width
    return width, height


def map_error_count(textpage: pdfium.PdfTextPage) -> int:
    """How many characters pdfium could not map to Unicode (fonts without ToUnicode)."""
    raw = textpage.raw
    return sum(
        1 for i in range(textpage.count_chars()) if pdfium_c.FPDFText_HasUnicodeMapError(raw, i)
    )


def unreadable_page(number: int) -> PageTriage:
    """The triage of a page pdfium failed to load."""
    return PageTriage(page=number, label=PageLabel.GARBLED)


def quick_triage(document: pdfium.PdfDocument, index: int) -> PageTriage:
    """Triage one page from pdfium's text and objects, without character boxes."""
    try:
        with open_page(document, index) as (page, textpage):
            width, height = page_size(page)
            objects = read_objects(page.raw, textpage.raw, width, height)
            text = textpage.get_text_range()
            return triage_page(index + 1, objects, text, width * height, map_error_count(textpage))
    except (pdfium.PdfiumError, OSError, ValueError):
        return unreadable_page(index + 1)


def classify(opened: OpenedPdf, triages: list[PageTriage]) -> OpenedPdf:
    """Settle the status of an opened document from its pages' triage.

    The document is audited when readable pages outnumber scanned and garbled ones; the
    unreadable pages are then named in ``reason``. Otherwise the larger group decides.
    """
    scanned = tuple(t.page for t in triages if t.label == PageLabel.SCANNED)
    garbled = tuple(t.page for t in triages if t.label == PageLabel.GARBLED)
    readable = sum(
        1 for t in triages if t.label in (PageLabel.TEXT, PageLabel.TABLE_CANDIDATE) and t.chars
    )
    if readable > len(scanned) + len(garbled):
        status, reason = DocumentStatus.AUDITED, messages.pages_reason(scanned, garbled)
    elif garbled and len(garbled) >= len(scanned):
        status, reason = DocumentStatus.UNREADABLE, messages.GARBLED
    elif scanned:
        status, reason = DocumentStatus.SCANNED, messages.SCANNED
    else:
        status, reason = DocumentStatus.UNREADABLE, messages.NO_TEXT
    return replace(
        opened,
        status=status,
        reason=reason,
        scanned_pages=scanned,
        garbled_pages=garbled,
        triage=tuple(triages),
    )


def open_pdf(path: Path) -> OpenedPdf:
    """Open ``path`` read-only and classify it; never raises on bad input, never writes."""
    opened, document = load_document(path)
    if document is None:
        return opened
    try:
        triages = [quick_triage(document, i) for i in range(len(document))]
    finally:
        document.close()
    return classify(opened, triages)
