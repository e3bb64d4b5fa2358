"""The ``sections`` fact table: chapter headings (Ikhtisar Eksekutif, BAB I–IV, Lampiran,
the PK title that opens the lampiran) and the chapters the Daftar Isi lists."""

from __future__ import annotations

import pandas as pd

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import (
    ChapterWalker,
    chapter_lines,
    find_chapter_headings,
    normalise,
)

PERJANJIAN_KINERJA = "perjanjian-kinerja"
COLUMNS = ["key", "title", "order", "listed", "page", "bbox", "raw"]


@recognizer("sections")
def recognize_sections(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """One row per chapter heading in document order, and one per chapter the Daftar Isi
    lists (``listed``: the Daftar Isi names a chapter the report may lack). A PK title that
    opens the lampiran is a ``perjanjian-kinerja`` row."""
    lines = chapter_lines(doc)
    headings = find_chapter_headings(lines)
    walker = ChapterWalker({id(h.line): h for h in headings if not h.listed})
    toc = {id(h.line): h for h in headings if h.in_toc}
    rows = []
    for line in lines:
        heading = walker.headings.get(id(line)) or toc.get(id(line))
        opens = walker.see(line)
        key = heading.key if heading else PERJANJIAN_KINERJA if opens else None
        if key is not None:
            title = normalise(line.text)
            listed = heading is not None and heading.listed
            rows.append(
                {"key": key, "title": title, "order": len(rows), "listed": listed}
                | {"page": line.page, "bbox": line.bbox, "raw": line.text}
            )
    return {"sections": pd.DataFrame(rows, columns=COLUMNS)}
