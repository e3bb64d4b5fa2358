"""Words with boxes from pdfium's characters (a few ms per page, no pdfminer parse)."""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lkjip_audit.extract.model import BBox, Word
from lkjip_audit.extract.orientation import Turn

X_TOLERANCE = 3.0  # a horizontal gap wider than this between glyphs splits a word (as pdfplumber)
BREAKS = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009\ufffe\x00")
MAP_ERROR_SAMPLE = 8  # ask pdfium about Unicode map errors for one character in this many
# Some writers (Nitro Pro) embed fonts whose ascent is absurd, so pdfium's loose box of a glyph
# reaches far above the page: every word then overlaps every row and a page reads as one line.
# A loose box taller than this many font sizes is replaced by one built from the baseline.
MAX_LOOSE_HEIGHT = 3.0
ASCENT, DESCENT = 0.8, 0.25  # of the font size, above and below the baseline


@dataclass(slots=True)
class PageWords:
    """A page's words, its whole text (for triage) and its estimated Unicode map errors."""

    words: list[Word]
    text: str
    map_errors: int


def _codes(textpage: pdfium.PdfTextPage) -> list[int]:
    """Every character's code, in one call when pdfium's text maps 1:1 to its characters."""
    raw = textpage.raw
    count = textpage.count_chars()
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    if pdfium_c.FPDFText_GetText(raw, 0, count, buffer) == count + 1:
        return buffer[:count]
    return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count)]


def _boxes(raw: pdfium_c.FPDF_TEXTPAGE, turn: Turn) -> Callable[[int], BBox]:
    """A function giving character ``index``'s box in reading space: its loose box, or, when
    that box is implausibly tall, the font size around the character's baseline.

    Called for every character of a page, so the box of an upright page (no turn) is read
    without the general rotation and the ctypes argument is built once."""
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    get_box, font_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    height = turn.height
    upright = turn.quarters % 4 == 0

    def char_box(index: int) -> BBox:
        get_box(raw, index, loose_ref)
        if upright:
            # turn.box when nothing turns: each coordinate pair in order (same min/max rule)
            left, right, top, bottom = (
                loose.left,
                loose.right,
                height - loose.top,
                height - loose.bottom,
            )
            box = (
                right if right < left else left,
                bottom if bottom < top else top,
                right if right > left else left,
                bottom if bottom > top else top,
            )
        else:
            box = turn.box(loose.left, height - loose.top, loose.right, height - loose.bottom)
        size = font_size(raw, index)
        if size <= 0 or box[3] - box[1] <= MAX_LOOSE_HEIGHT * size:
            return box
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y))
        baseline = turn.point(x.value, height - y.value)[1]
        return box[0], baseline - ASCENT * size, box[2], baseline + DESCENT * size

    return char_box


def _characters(codes: Sequence[int]) -> Iterator[tuple[int, str]]:
    """Each character with the index of its first code: pdfium gives UTF-16 units one at a
    time, so a character outside the BMP (an emoji) comes as a surrogate pair, joined here.
    A lone surrogate is no character at all (it cannot even be written as UTF-8): dropped."""
    index, count = 0, len(codes)
    while index < count:
        code = codes[index]
        if 0xD800 <= code <= 0xDBFF and index + 1 < count and 0xDC00 <= codes[index + 1] <= 0xDFFF:
            yield index, chr(0x10000 + ((code - 0xD800) << 10) + (codes[index + 1] - 0xDC00))
            index += 2
            continue
        if not 0xD800 <= code <= 0xDFFF:
            yield index, chr(code) if 0 <= code < 0x110000 else "\ufffd"
        index += 1


def read_words(textpage: pdfium.PdfTextPage, turn: Turn) -> PageWords:
    """Split the page's characters into words at spaces, line breaks, gaps wider than
    X_TOLERANCE and jumps to another row, in the reading space of ``turn``; boxes are
    pdfium's loose boxes (font ascent to descent) in top-left coordinates of that space."""
    raw = textpage.raw
    char_box = _boxes(raw, turn)
    has_map_error = pdfium_c.FPDFText_HasUnicodeMapError
    chars: list[str] = []
    words: list[Word] = []
    current: list[str] = []
    x0 = top = x1 = bottom = 0.0
    sampled = errors = 0
    for i, char in _characters(_codes(textpage)):
        chars.append(char)
        if char in BREAKS:
            if current:
                words.append(Word("".join(current), (x0, top, x1, bottom)))
                current = []
            continue
        if i % MAP_ERROR_SAMPLE == 0:
            sampled += 1
            errors += bool(has_map_error(raw, i))
        left, char_top, right, char_bottom = char_box(i)
        if current and (
            left - x1 > X_TOLERANCE
            or right < x0
            or not top <= (char_top + char_bottom) / 2 <= bottom
        ):
            words.append(Word("".join(current), (x0, top, x1, bottom)))
            current = []
        if current:
            x1 = max(x1, right)
            top, bottom = min(top, char_top), max(bottom, char_bottom)
        else:
            x0, top, x1, bottom = left, char_top, right, char_bottom
        current.append(char)
    if current:
        words.append(Word("".join(current), (x0, top, x1, bottom)))
    text = "".join(chars)
    map_errors = round(errors * len(text) / sampled) if sampled else 0
    return PageWords(words, text, map_errors)
