"""Lampiran the report promises but does not attach: the ``missing_lampiran`` fact table.

The Sistematika Penulisan (or the Daftar Isi) ends with the list of lampiran. Most lampiran
cannot be told apart from the chapters' own tables, but the signed Perjanjian Kinerja can: it
opens with its own title at the top of a page and carries the signatories (PIHAK PERTAMA /
PIHAK KEDUA). So only a listed PK is looked for, and it counts as missing only when

- another lampiran of the same list does stand at the top of a page after the list and the
  last chapter heading (the lampiran are attached: the file is not an excerpt),
- no page opens with a PK title and no page names the parties of a PK,
- no page is a scan (a signed PK is often attached as an image).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import BBox, DocumentText, Line, PageLabel
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.chapters import (
    PK_TITLE,
    chapter_lines,
    find_chapter_headings,
    is_toc_entry,
    normalise,
)

_LIST_TITLE = re.compile(r"^LAMPIRAN\s*:?$", re.I)
_ITEM = re.compile(r"^(?:[-–•·*]|[a-z0-9]{1,2}[.)])\s+(?P<text>\S.*)$", re.I)
_PK_ITEM = re.compile(r"^(?:lampiran\s+)?(?:perjanjian|penetapan)\s+kinerja\b", re.I)
_PARTIES = re.compile(r"PIHAK\s+(?:PERTAMA|KEDUA)|bertanda\s*tangan\s+di\s*bawah\s+ini", re.I)
_LEAD = re.compile(r"^lampiran\s+", re.I)
# Lines at the top of a page where a lampiran's title stands.
_TOP_LINES = 3
_KEY_WORDS = 2


@dataclass(frozen=True, slots=True)
class MissingLampiran:
    """A listed PK lampiran that the document does not contain."""

    text: str
    attached: str
    page: int
    bbox: BBox
    raw: str


def _listed(lines: list[Line]) -> Iterator[tuple[Line, list[tuple[Line, str]]]]:
    """Each "LAMPIRAN" list: its title line and its items (a wrapped item stays one)."""
    for index, line in enumerate(lines):
        if not _LIST_TITLE.match(normalise(line.text)):
            continue
        items: list[tuple[Line, str]] = []
        for item in lines[index + 1 :]:
            match = _ITEM.match(normalise(item.text))
            if item.page != line.page or match is None:
                break
            items.append((item, match["text"]))
        if items:
            yield line, items


def _key(item: str) -> str:
    """The words a lampiran's own title starts with ("rencana strategis")."""
    words = re.findall(r"[a-z]+", _LEAD.sub("", item).lower())
    return " ".join(words[:_KEY_WORDS])


def _tops(doc: DocumentText, after: int) -> list[tuple[int, str]]:
    """The first lines of each page after page ``after`` (past the last chapter heading, where
    the lampiran stand), lower-cased."""
    return [
        (page.page, normalise(line.text).lower())
        for page in doc.pages
        if page.page > after
        for line in page.lines[:_TOP_LINES]
    ]


def _pk_present(doc: DocumentText) -> bool:
    """A page that opens with a PK title or names a PK's parties, or a scanned page."""
    for page in doc.pages:
        if page.triage.label is PageLabel.SCANNED:
            return True
        tops = page.lines[:_TOP_LINES]
        if any(PK_TITLE.match(normalise(t.text)) and not is_toc_entry(t.text) for t in tops):
            return True
        if any(_PARTIES.search(line.text) for line in page.lines):
            return True
    return False


def find_missing_lampiran(doc: DocumentText) -> Iterator[MissingLampiran]:
    """Each PK lampiran listed in a "LAMPIRAN" list that the document does not attach."""
    lists = list(_listed(doc.lines()))
    if not lists or _pk_present(doc):
        return
    chapters = [h.line.page for h in find_chapter_headings(chapter_lines(doc)) if not h.listed]
    for title, items in lists:
        promised = [(line, text) for line, text in items if _PK_ITEM.match(text)]
        others = {_key(text) for _, text in items if not _PK_ITEM.match(text)} - {""}
        tops = _tops(doc, max([title.page, *chapters]))
        attached = sorted(
            {f"{key} (hlm. {page})" for key in others for page, top in tops if top.startswith(key)}
        )
        if not attached:
            continue
        for line, text in promised:
            yield MissingLampiran(text, ", ".join(attached), line.page, line.bbox, line.text)


COLUMNS = ["text", "attached", "page", "bbox", "raw"]


@recognizer("missing_lampiran")
def recognize_missing_lampiran(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``missing_lampiran`` fact table."""
    rows = [{c: getattr(hit, c) for c in COLUMNS} for hit in find_missing_lampiran(doc)]
    return {"missing_lampiran": pd.DataFrame(rows, columns=COLUMNS)}
