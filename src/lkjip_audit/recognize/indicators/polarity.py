"""Polarity: whether an indicator is better when higher or when lower, from the report's words.

Three readings, each a rule a reviewer states:

- the text says so near the indicator ("semakin rendah semakin baik", "target dibagi
  realisasi"), read by :func:`.prose.lower_is_better_keys`;
- the indicator measures something bad by nature: a prevalence ("Prevalensi ...") or a death
  rate ("Angka/Rasio Kematian ...");
- the sasaran it serves says which way its subject should move: "Meningkatnya wilayah bebas
  banjir" for "Persentase wilayah bebas banjir", "Menurunnya rasio kematian ibu dan bayi" for
  "Rasio kematian ibu". The sasaran must name every word of the indicator (but its head word
  "Persentase", "Jumlah", ...): "Meningkatnya keselamatan pasien" says nothing of "Angka
  insiden keselamatan pasien".

What the text says of the indicator itself decides; otherwise the other two readings must
agree, or the direction stays unknown and the capaian check abstains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from lkjip_audit.recognize.indicators.names import HEAD, normalise

LOWER, HIGHER = "lower", "higher"
# Heads of a name that count something bad ("Persentase penurunan prevalensi ..." does not).
_BY_NATURE = re.compile(r"prevalensi\b|(?:angka|rasio|ratio)\s+kematian\b")
# Verbs of a sasaran, by the way they move their subject; a one-letter typo is still read.
_VERBS = {
    "meningkatnya": HIGHER,
    "peningkatan": HIGHER,
    "bertambahnya": HIGHER,
    "menurunnya": LOWER,
    "penurunan": LOWER,
    "berkurangnya": LOWER,
}
_VERB_SCORE = 90
# Words that only say what kind of figure an indicator is, not what it measures.
_HEADS = frozenset(
    "persentase presentase prosentase jumlah angka rasio ratio tingkat nilai indeks cakupan "
    "rata-rata proporsi".split()
)
_STOP = frozenset("yang dan di ke dari dengan dalam pada untuk oleh atau serta".split())
_OBJECT_WORDS = 10
_OBJECT_REACH = 160
_MIN_SUBJECT_WORDS = 2
_OBJECT_END = re.compile(r"[•;:.()\d]|\s-\s")


def _words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in _STOP]


def _verb(word: str) -> str | None:
    for verb, direction in _VERBS.items():
        if fuzz.ratio(word.lower(), verb) >= _VERB_SCORE:
            return direction
    return None


def sasaran_phrases(texts: Iterable[str]) -> list[tuple[str, frozenset[str]]]:
    """(direction, subject words) of every "Meningkatnya <subject>" / "Menurunnya <subject>"
    in ``texts`` (lines of prose, table cells)."""
    found = []
    for text in texts:
        tokens = re.finditer(r"\S+", text)
        for token in tokens:
            direction = _verb(token.group().strip("•-"))
            if direction is None:
                continue
            rest = text[token.end() : token.end() + _OBJECT_REACH]
            end = _OBJECT_END.search(rest)
            rest = rest[: end.start()] if end else rest
            # In a table read as lines the indicator's own name may follow the sasaran.
            head = next((m for m in HEAD.finditer(rest) if m.start() > 0), None)
            subject = _words(rest[: head.start()] if head else rest)[:_OBJECT_WORDS]
            if subject:
                found.append((direction, frozenset(subject)))
    return found


def by_nature(name: str) -> str | None:
    """``lower`` for an indicator that counts something bad by nature."""
    return LOWER if _BY_NATURE.match(normalise(name)) else None


def by_sasaran(name: str, phrases: list[tuple[str, frozenset[str]]]) -> set[str]:
    """The directions of the sasaran phrases that name every word of the indicator."""
    subject = {w for w in _words(name) if w not in _HEADS}
    if len(subject) < _MIN_SUBJECT_WORDS:
        return set()
    return {direction for direction, words in phrases if subject <= words}


def readings(name: str, phrases: list[tuple[str, frozenset[str]]]) -> set[str]:
    """The directions the indicator's name and the sasaran phrases give it (none, one, or
    two that disagree)."""
    found = by_sasaran(name, phrases)
    nature = by_nature(name)
    if nature:
        found.add(nature)
    return found
