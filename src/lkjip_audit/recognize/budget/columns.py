"""What a column of a budget table holds, from its header cell.

A table may print more amounts than pagu and realisasi: the allocation before and after a
revision ("Anggaran Sebelum Perubahan", "Sesudah Perubahan", "Murni"), a remainder, a
physical progress percentage ("Realisasi Fisik"). A header cell is read as one phrase
("Realisasi Anggaran" is the realisasi, not a realisasi and an anggaran), and a row is
typed only when its header says which amount is the pagu and which the realisasi.
"""

from __future__ import annotations

import re

from lkjip_audit.recognize.budget.text import PERCENT, words_of

PAGU, REALISASI, SISA = "pagu", "realisasi", "sisa"
BEFORE = "before"
"""An allocation before its revision: printed, but not the pagu the realisasi is set against."""
OTHER = "other"
"""A figure column that is no financial amount (physical progress, a share of the total)."""

REVISED = frozenset("sesudah setelah perubahan revisi".split())
ORIGINAL = frozenset("sebelum murni semula awal".split())
PAGU_WORDS = frozenset("pagu anggaran alokasi dipa target".split())
PERCENT_WORDS = frozenset("persentase persen capaian".split())
SHARE_WORDS = re.compile(r"\b(?:proporsi|porsi|kontribusi|komposisi|bobot|terhadap\s+total)")
REVISION_HEADER = re.compile(r"\b(?:sebelum|sesudah|setelah|murni|semula)\b|\bperubahan\b")


def column_role(header: str) -> str | None:
    """The role of one column from its header cell's text, or None for a label column."""
    text = header.lower()
    words = set(words_of(text))
    if "fisik" in words or SHARE_WORDS.search(text):
        return OTHER
    if "%" in text or words & PERCENT_WORDS:
        return PERCENT
    if "realisasi" in words:
        return REALISASI
    if "sisa" in words:
        return SISA
    if words & ORIGINAL:
        return BEFORE
    if words & (PAGU_WORDS | REVISED):
        return PAGU
    return None


def names_a_revision(header: str) -> bool:
    """Whether a header names allocations before/after a revision: more amount columns than
    pagu and realisasi, which words in a line cannot assign to their columns."""
    return bool(REVISION_HEADER.search(header.lower()))
