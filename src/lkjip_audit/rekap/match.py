"""Find a report's satker in the recap: by kode satker when printed, else by name.

Names differ between the recap and the reports ("Kantor Imigrasi" / "Kanim", "Rumah Detensi
Imigrasi" / "Rudenim", "Kelas II TPI Belakang Padang" / "Kelas II Belakang Padang", typos
such as "MALUTU"). Both sides are normalised, then compared on the place name (the words
that tell one office from another) and on the whole name. A match that is not clearly
better than the next candidate is ambiguous: the caller reports the candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from lkjip_audit.facts import Facts

MIN_SCORE = 85.0
"""Below this similarity (0-100) no recap row is the satker."""
MARGIN = 5.0
"""The best candidate must beat the next one by this much to be a match."""
MAX_CANDIDATES = 3
SUBSET_SCORE = 90.0

# Spelling variants, each rewritten to one form before comparing.
VARIANTS = (
    (r"\bkantor\s+imigrasi\b|\bkanim\b|\bkantor\s+imi\b", "kanim"),
    (r"\brumah\s+detensi\s+imigrasi\b|\brudenim\b", "rudenim"),
    (r"\bkantor\s+wilayah\b", "kanwil"),
    (r"\bkementerian\s+hukum\s+dan\s+(?:ham|hak\s+asasi\s+manusia)\b", "kemenkumham"),
    (r"\bnon[\s-]*tpi\b", "nontpi"),
    (r"\bkelas\s+iii\b|\bkelas\s+3\b", "kelas3"),
    (r"\bkelas\s+ii\b|\bkelas\s+2\b", "kelas2"),
    (r"\bkelas\s+i\b|\bkelas\s+1\b", "kelas1"),
    (r"\bmalutu\b", "maluku"),
    (r"\bd\s*\.?\s*i\s*\.?\s+(?=yogya)", "di "),
)
KIND_WORDS = frozenset({"kanim", "rudenim", "divisi", "keimigrasian", "kanwil", "kemenkumham"})
GRADE_WORDS = frozenset({"kelas1", "kelas2", "kelas3", "khusus", "tpi", "nontpi", "pusat", "ipk"})


def normalise(name: str) -> str:
    """A satker name in one spelling: lower case, variants unified, punctuation dropped."""
    text = name.lower()
    for pattern, replacement in VARIANTS:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", text)).strip()


def _kind(tokens: list[str]) -> str:
    for word in ("rudenim", "kanim"):
        if word in tokens:
            return word
    return "kanwil" if {"kanwil", "divisi"} & set(tokens) else ""


def _place(tokens: list[str]) -> str:
    return " ".join(t for t in tokens if t not in KIND_WORDS | GRADE_WORDS)


def similarity(a: str, b: str) -> float:
    """How alike two satker names are (0-100) after normalising.

    Mostly the place name ("belakang padang"); the office kind (Kanim, Rudenim, Kanwil) must
    agree when both names give one; class and TPI wording count a little.
    """
    ta, tb = normalise(a).split(), normalise(b).split()
    kind_a, kind_b = _kind(ta), _kind(tb)
    if kind_a and kind_b and kind_a != kind_b:
        return 0.0
    place_a, place_b = _place(ta), _place(tb)
    if not place_a or not place_b:
        return float(fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)))
    # A place name whose words are all in the other ("tanjung balai" of "tanjung balai
    # asahan") scores below an exact one, so that two such rows end up ambiguous.
    place = float(fuzz.ratio(place_a, place_b))
    words_a, words_b = set(place_a.split()), set(place_b.split())
    if words_a <= words_b or words_b <= words_a:
        place = max(place, SUBSET_SCORE)
    return 0.8 * place + 0.2 * fuzz.token_sort_ratio(" ".join(ta), " ".join(tb))


@dataclass(frozen=True, slots=True)
class Match:
    """The recap row found for a satker (or None), how sure, and the closest candidates.

    ``row`` is the row's position in the table searched; ``how`` is ``kode``, ``name``,
    ``ambiguous`` or ``missing``.
    """

    row: int | None
    score: float
    candidates: tuple[tuple[str, float], ...]
    how: str

    @property
    def found(self) -> bool:
        """Whether one row was chosen."""
        return self.row is not None


def _units(table) -> list[tuple[int, str]]:
    """(position, name) of the satker rows of a recap table (region rows are not satker)."""
    if "is_region_row" in table.columns:
        keep = ~table["is_region_row"].astype(bool)
    else:
        keep = table["row_type"] != "region"
    return [(i, name) for i, (name, ok) in enumerate(zip(table["satker"], keep, strict=True)) if ok]


def match_satker(
    name: str | None, kode: str | None, rekap: Facts, table: str = "rekap_ikm_iki"
) -> Match:
    """The row of ``table`` in ``rekap`` that is the satker ``name`` / ``kode``.

    A printed kode satker decides when the table has it. Otherwise the best name wins when
    it scores at least :data:`MIN_SCORE` and beats the runner-up by :data:`MARGIN`.
    """
    frame = rekap.table(table)
    if kode and "kode_satker" in frame.columns:
        hits = [i for i, k in enumerate(frame["kode_satker"]) if str(k).strip() == kode.strip()]
        if len(hits) == 1:
            return Match(hits[0], 100.0, ((frame["satker"].iloc[hits[0]], 100.0),), "kode")
    if not name:
        return Match(None, 0.0, (), "missing")
    scored = sorted(
        ((similarity(name, unit), i, unit) for i, unit in _units(frame)),
        key=lambda item: -item[0],
    )
    candidates = tuple((unit, round(score, 1)) for score, _, unit in scored[:MAX_CANDIDATES])
    if not scored or scored[0][0] < MIN_SCORE:
        return Match(None, scored[0][0] if scored else 0.0, candidates, "missing")
    best, runner = scored[0], scored[1] if len(scored) > 1 else None
    if runner is not None and best[0] - runner[0] < MARGIN:
        return Match(None, best[0], candidates, "ambiguous")
    return Match(best[1], best[0], candidates, "name")
