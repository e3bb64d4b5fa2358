"""A compact, quick-to-load form of an extraction for the cache.

Unpickling thousands of word objects is what a cache hit would spend its time on; here each
page's word boxes travel as one block of doubles and each line's words are recovered from its
text (words are joined by single spaces and never contain one), so loading is a few large
objects and rebuilding the words is one pass.
"""

from __future__ import annotations

import struct
from array import array

from lkjip_audit.extract.model import DocumentText, Line, PageContent, Word

FORMAT = "lkjip-audit/extraction@2"
BOX = "4d"  # a word box: four doubles


def _pack_page(page: PageContent) -> tuple:
    boxes = array("d")
    lines = []
    for line in page.lines:
        for word in line.words:
            boxes.extend(word.bbox)
        texts = [w.text for w in line.words]
        # Word texts are stored only when the line text does not give them back.
        lines.append((line.text, line.bbox, None if line.text.split(" ") == texts else texts))
    return (page.page, page.width, page.height, page.triage, lines, boxes.tobytes())


def pack(opened: object, text: DocumentText) -> tuple:
    """The extraction as tuples, strings and byte blocks (tables and triage stay objects)."""
    return (FORMAT, opened, [_pack_page(p) for p in text.pages], text.tables)


def _unpack_page(packed: tuple) -> PageContent:
    number, width, height, triage, lines, blob = packed
    boxes = struct.iter_unpack(BOX, blob)
    rebuilt = [
        Line(
            number,
            text,
            bbox,
            tuple(
                Word(word_text, next(boxes))
                for word_text in (texts if texts is not None else text.split(" "))
            ),
        )
        for text, bbox, texts in lines
    ]
    if next(boxes, None) is not None:
        raise ValueError("word boxes do not match the lines")
    return PageContent(number, width, height, triage, rebuilt)


def unpack(packed: tuple) -> tuple[object, DocumentText]:
    """The (opened, document text) packed by :func:`pack`; ValueError if it is not one."""
    if not isinstance(packed, tuple) or len(packed) != 4 or packed[0] != FORMAT:
        raise ValueError("not a packed extraction")
    _, opened, pages, tables = packed
    try:
        contents = [_unpack_page(p) for p in pages]
    except (StopIteration, RuntimeError, struct.error) as error:
        raise ValueError("word boxes do not match the lines") from error
    return opened, DocumentText(pages=contents, tables=tables)
