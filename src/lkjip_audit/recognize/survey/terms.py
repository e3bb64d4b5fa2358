"""Words of the survey tables: month names in any spelling, and unsur labels matched fuzzily.

Reports print months as ``JAN``, ``Jan.``, ``Januari``, ``SEPT``, ``Agt``, ``Nop`` ... and
unsur labels as ``Prosedur/ Alur``, ``Waktu Penyelesaian`` (possibly wrapped over two
lines), ``Sarana dan Prasarana`` ...; these helpers turn them into month numbers and the
item keys of :mod:`lkjip_audit.facts.survey`.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from lkjip_audit.facts.survey import RESPONDEN, SKM

_MONTH_NAMES = {
    1: ("januari", "january"),
    2: ("februari", "pebruari", "february"),
    3: ("maret", "march"),
    4: ("april",),
    5: ("mei", "may"),
    6: ("juni", "june"),
    7: ("juli", "july"),
    8: ("agustus", "august"),
    9: ("september",),
    10: ("oktober", "october"),
    11: ("november", "nopember"),
    12: ("desember", "december"),
}
_MONTH_ALIASES = {"agt": 8, "ags": 8, "agst": 8, "sept": 9, "spt": 9, "nop": 11, "des": 12}
# every abbreviation (a prefix of three letters or more) of every name, looked up in one step
_MONTH_WORDS = {
    name[:end]: month
    for month, names in _MONTH_NAMES.items()
    for name in names
    for end in range(3, len(name) + 1)
} | _MONTH_ALIASES

# "IKM" is also Industri Kecil dan Menengah (Disperindag, Koperasi dan UKM): in a report that
# uses it so, the acronym is the satisfaction index only where its text speaks of the survey.
_INDUSTRY_IKM = re.compile(r"industri\s+kecil\s+(?:dan\s+)?menengah", re.IGNORECASE)
_SURVEY_WORDS = re.compile(r"kepuasan|surve[iy]|\bSKM\b|responden", re.IGNORECASE)


def industry_ikm(text: str) -> bool:
    """Whether a report's ``text`` calls Industri Kecil dan Menengah "IKM"."""
    return _INDUSTRY_IKM.search(text) is not None


def survey_ikm(text: str, industry: bool) -> bool:
    """Whether an "IKM" in ``text`` (a sentence) is the Indeks Kepuasan Masyarakat: always,
    unless the report also uses IKM for industry (``industry``) and the text names no survey.
    """
    return not industry or _SURVEY_WORDS.search(text) is not None


_ITEM_LABELS: dict[str, tuple[str, ...]] = {
    "informasi": ("informasi", "keterbukaan informasi", "informasi pelayanan"),
    "persyaratan": ("persyaratan", "persyaratan pelayanan", "syarat"),
    "prosedur": ("prosedur alur", "alur prosedur", "prosedur", "sistem mekanisme dan prosedur"),
    "waktu": ("waktu penyelesaian", "waktu pelayanan", "jangka waktu", "waktu"),
    "tarif": ("tarif biaya", "biaya tarif", "tarif", "biaya"),
    "sarana": ("sarana prasarana", "sarana dan prasarana", "sarpras"),
    "respon": ("respon", "respons", "responsivitas", "daya tanggap"),
    "konsultasi": (
        "konsultasi pengaduan",
        "konsultasi dan pengaduan",
        "pengaduan",
        "penanganan pengaduan",
    ),
    SKM: (
        "nilai skm",
        "skm",
        "nilai ikm",
        "ikm",
        "indeks kepuasan masyarakat",
        "nilai rata rata",
        "rata rata",
        "nilai indeks",
    ),
    RESPONDEN: ("responden", "jumlah responden", "jml responden", "total responden"),
}
_VARIANTS = [(variant, item) for item, names in _ITEM_LABELS.items() for variant in names]
_CUTOFF = 85.0


def month_of(token: str) -> int | None:
    """The month (1..12) a header or row token names, or None.

    Accepts full names and any abbreviation that is a prefix of an Indonesian or English
    month name (at least three letters), plus the usual short forms (Agt, Sept, Nop).
    """
    return _MONTH_WORDS.get(token.strip(".:,;()").lower())


def months_in(text: str) -> list[tuple[int, int, int]]:
    """Every month word of ``text`` as ``(start, end, month)`` in reading order."""
    return [
        (m.start(), m.end(), month)
        for m in re.finditer(r"[A-Za-z]+\.?", text)
        if (month := month_of(m.group())) is not None
    ]


def normalise_label(text: str) -> str:
    """Lower case letters only, single spaces: ``"Prosedur/ Alur"`` -> ``"prosedur alur"``."""
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def label_score(text: str) -> tuple[str | None, float]:
    """The survey item a row label names, and how sure (0..100); ``(None, 0)`` if none.

    Exact variants win; otherwise the best :func:`rapidfuzz.fuzz.ratio` over all variants,
    so that ``Respon`` and ``Responden`` stay apart and typos still match.
    """
    label = normalise_label(text)
    if not label:
        return None, 0.0
    best: tuple[str | None, float] = (None, 0.0)
    for variant, item in _VARIANTS:
        score = 100.0 if label == variant else fuzz.ratio(label, variant)
        if score > best[1]:
            best = (item, score)
    return best if best[1] >= _CUTOFF else (None, best[1])


def item_of(text: str) -> str | None:
    """The survey item a row label names, or None."""
    return label_score(text)[0]
