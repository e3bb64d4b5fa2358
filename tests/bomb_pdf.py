"""PDF bombs, built in the test (never committed): small files that cost gigabytes or hours
to read without limits.

- ``huge_page``: a report whose pages are 200 × 200 inches (the largest page PDF allows);
- ``flate_bomb``: a page whose content stream is a few hundred KB compressed and ``size``
  bytes once inflated;
- ``fan_out_bomb``: form XObjects that each draw the next one ``fan`` times, ``depth`` deep:
  ``fan ** depth`` rectangles from a few hundred bytes;
- ``pixel_bomb``: an image of ``side`` × ``side`` pixels whose data inflates from almost
  nothing.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf
from reportlab.pdfgen import canvas
from test_cli import CHAPTERS

INCH = 72
CHUNK = 1 << 24


def huge_page(path: Path, inches: float = 200) -> Path:
    """A report with every chapter, on pages ``inches`` wide and high."""
    side = inches * INCH
    pdf = canvas.Canvas(str(path), pagesize=(side, side), invariant=1)
    for lines in CHAPTERS:
        y = side - 72
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return path


def _deflated(filler: bytes, size: int) -> bytes:
    """About ``size`` bytes of ``filler`` repeated, zlib-compressed in well under a second:
    after a full flush the compressor forgets what it saw, so one block's output can be
    repeated as is (the checksum is computed over the whole)."""
    block = filler * (CHUNK // len(filler))
    count = max(1, size // len(block))
    squeeze = zlib.compressobj(9)
    head = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    body = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(block, checksum)
    # An empty final fixed-Huffman block, then the Adler-32 of everything.
    return head + body * (count - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")


def _one_page(contents: bytes) -> pikepdf.Pdf:
    """A new PDF of one A4 page drawn by ``contents``."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].obj.Contents = pdf.make_stream(contents)
    return pdf


def flate_bomb(path: Path, size: int = 1 << 30) -> Path:
    """One page whose content stream inflates to ``size`` bytes of drawing operators."""
    pdf = _one_page(b"")
    stream = pdf.pages[0].obj.Contents
    stream.write(_deflated(b"0 0 m 1 1 l S\n", size), filter=pikepdf.Name.FlateDecode)
    pdf.save(path)
    return path


def fan_out_bomb(path: Path, fan: int = 10, depth: int = 9) -> Path:
    """Forms ``X0`` … ``X{depth}``: X0 draws a rectangle, each other form draws the one below
    it ``fan`` times, and the page draws the top one."""
    pdf = _one_page(b"/X Do\n")
    below = None
    for level in range(depth + 1):
        form = pdf.make_stream(b"0 0 1 1 re f\n" if level == 0 else b"/X Do\n" * fan)
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = [0, 0, 1, 1]
        if below is not None:
            form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=below))
        below = form
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=below))
    pdf.save(path)
    return path


def pixel_bomb(path: Path, side: int = 60_000) -> Path:
    """One page showing a grey image of ``side`` × ``side`` pixels."""
    pdf = _one_page(b"q 500 0 0 500 50 300 cm /Im Do Q\n")
    image = pdf.make_stream(b"")
    image.write(_deflated(b"\x80", side * side), filter=pikepdf.Name.FlateDecode)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width = image.Height = side
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im=image))
    pdf.save(path)
    return path
