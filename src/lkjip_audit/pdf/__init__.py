"""Opening documents: read-only, hashed, classified (audited, scanned, encrypted, unreadable)."""

from lkjip_audit.pdf.opening import OpenedPdf, open_pdf

__all__ = ["OpenedPdf", "open_pdf"]
