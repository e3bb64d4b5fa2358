"""Page triage: cheap facts about a page that decide how (and whether) it is read."""

from __future__ import annotations

import re

from lkjip_audit.extract.model import PageLabel, PageTriage
from lkjip_audit.pdf.objects import PageObjects

SCANNED_COVERAGE = 0.5  # images cover at least half the page ...
MIN_TEXT_CHARS = 20  # ... and there is (almost) no text: a scan without a text layer
GARBLED_RATIO = 0.3  # this share of unreadable characters makes the page's text unusable
MIN_RULES = 2  # this many horizontal and vertical rules make a possible ruled table

_CID = re.compile(r"\(cid:\d+\)")
# Controls (but tab and line breaks), surrogates, private use, and U+FFFD.
_GARBAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ue000-\uf8ff\ufffd]")


def is_garbage(char: str) -> bool:
    """True for a character that no real text contains: controls, U+FFFD, private use."""
    return _GARBAGE.fullmatch(char) is not None


def garbled_count(text: str, map_errors: int = 0) -> int:
    """How many characters of ``text`` are unreadable (``map_errors`` counted by pdfium)."""
    cid_chars = sum(len(m.group()) for m in _CID.finditer(text))
    return max(map_errors, len(_GARBAGE.findall(text)) + cid_chars)


def has_rules(objects: PageObjects) -> bool:
    """True when the page has enough horizontal and vertical rules for a ruled table."""
    horizontal = sum(1 for e in objects.edges if e.orientation == "h")
    vertical = len(objects.edges) - horizontal
    return horizontal >= MIN_RULES and vertical >= MIN_RULES


def triage_page(
    number: int,
    objects: PageObjects,
    text: str,
    page_area: float,
    map_errors: int = 0,
) -> PageTriage:
    """Label a page from its objects and its text (as pdfium reads it)."""
    chars = sum(1 for ch in text if not ch.isspace())
    coverage = min(1.0, objects.image_area / page_area) if page_area > 0 else 0.0
    invisible = objects.invisible_chars / objects.text_chars if objects.text_chars else 0.0
    garbled = garbled_count(text, map_errors) / chars if chars else 0.0
    rules = has_rules(objects)
    if chars < MIN_TEXT_CHARS and coverage >= SCANNED_COVERAGE:
        label = PageLabel.SCANNED
    elif chars >= MIN_TEXT_CHARS and garbled >= GARBLED_RATIO:
        label = PageLabel.GARBLED
    elif rules:
        label = PageLabel.TABLE_CANDIDATE
    else:
        label = PageLabel.TEXT
    return PageTriage(
        page=number,
        label=label,
        chars=chars,
        image_coverage=round(coverage, 3),
        invisible_text_ratio=round(min(1.0, invisible), 3),
        garbled_ratio=round(min(1.0, garbled), 3),
        has_rules=rules,
    )
