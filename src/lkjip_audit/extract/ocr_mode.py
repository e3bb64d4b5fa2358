"""Which pages are read with OCR (a module of its own: the command line imports it at start)."""

from __future__ import annotations

from enum import StrEnum


class OcrMode(StrEnum):
    """Which pages are read with OCR."""

    AUTO = "auto"
    """Pages triaged as scanned, when Tesseract is installed."""
    ALWAYS = "always"
    """Also pages that are mostly an image but carry some text (a scanner's own, often poor,
    text layer, or a typed header over a scan): their words come from OCR instead."""
    NEVER = "never"
    """No page: scanned pages are reported as not checked."""
