"""Words of the survey tables: month names in any spelling, and unsur labels matched fuzzily.

Reports print months as ``JAN``, ``Jan.``, ``Januari``, ``SEPT``, ``Agt``, ``Nop`` ...,
quarters as ``Triwulan I``, ``TW 2``, ``Trw. III``, semesters as ``Semester I``, ``Smt 2``,
and unsur labels as ``Prosedur/ Alur``, ``Waktu Penyelesaian`` (possibly wrapped over two
lines), ``Sistem, Mekanisme dan Prosedur``, ``U3`` ...; these helpers turn them into periods
and the unsur keys and roles of :mod:`lkjip_audit.facts.survey`.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from lkjip_audit.facts.survey import BOBOT, KONVERSI, RESPONDEN, SKM

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


UNSUR_LABELS: dict[str, tuple[str, ...]] = {
    # PermenPANRB 14/2017 (9 unsur), with the names the Ditjen 8-unsur form uses for the same
    # element (Tarif/Biaya, Sarana/Prasarana, Konsultasi/Pengaduan)
    "persyaratan": ("persyaratan", "persyaratan pelayanan", "syarat"),
    "prosedur": (
        "sistem mekanisme dan prosedur",
        "sistem mekanisme prosedur",
        "prosedur alur",
        "alur prosedur",
        "prosedur",
        "prosedur pelayanan",
    ),
    "waktu": ("waktu penyelesaian", "waktu pelayanan", "jangka waktu", "waktu"),
    "tarif": ("biaya tarif", "tarif biaya", "tarif", "biaya"),
    "produk": (
        "produk spesifikasi jenis pelayanan",
        "produk spesifikasi",
        "spesifikasi jenis pelayanan",
        "produk layanan",
        "produk",
    ),
    "kompetensi": ("kompetensi pelaksana", "kompetensi petugas", "kompetensi"),
    "perilaku": ("perilaku pelaksana", "perilaku petugas", "perilaku"),
    "pengaduan": (
        "penanganan pengaduan saran dan masukan",
        "penanganan pengaduan saran masukan",
        "penanganan pengaduan",
        "konsultasi pengaduan",
        "konsultasi dan pengaduan",
        "pengaduan",
        "konsultasi",
    ),
    "sarana": ("sarana dan prasarana", "sarana prasarana", "sarpras", "sarana"),
    # the Ditjen form's own two
    "informasi": ("informasi", "keterbukaan informasi", "informasi pelayanan"),
    "respon": ("respon", "respons", "responsivitas", "daya tanggap"),
    # KepmenPAN 25/2004 (14 unsur), those not named above
    "kejelasan": ("kejelasan petugas pelayanan", "kejelasan petugas"),
    "kedisiplinan": ("kedisiplinan petugas pelayanan", "kedisiplinan petugas"),
    "tanggung_jawab": ("tanggung jawab petugas pelayanan", "tanggung jawab petugas"),
    "kemampuan": ("kemampuan petugas pelayanan", "kemampuan petugas"),
    "kecepatan": ("kecepatan pelayanan",),
    "keadilan": ("keadilan mendapatkan pelayanan", "keadilan pelayanan"),
    "kesopanan": ("kesopanan dan keramahan petugas", "kesopanan dan keramahan"),
    "kewajaran_biaya": ("kewajaran biaya pelayanan", "kewajaran biaya"),
    "kepastian_biaya": ("kepastian biaya pelayanan", "kepastian biaya"),
    "kepastian_jadwal": ("kepastian jadwal pelayanan", "kepastian jadwal"),
    "kenyamanan": ("kenyamanan lingkungan",),
    "keamanan": ("keamanan pelayanan",),
}
"""The unsur of the three SKM forms in use (see ``docs/survey.md``), by key, with the names
reports print for them."""

INDEX = "indeks"
"""A total row named only as the index (``IKM``, ``Nilai SKM``): its scale says whether it
is the 1..4 value or the 25..100 conversion."""
MUTU = "mutu"
"""A row or column of mutu categories."""

_TOTAL_LABELS: dict[str, tuple[str, ...]] = {
    INDEX: (
        "nilai skm",
        "skm",
        "nilai ikm",
        "ikm",
        "indeks kepuasan masyarakat",
        "nilai indeks",
        "nilai rata rata",
        "rata rata",
        "nilai",
    ),
    SKM: (
        "nrr tertimbang",
        "jumlah nrr tertimbang",
        "total nrr tertimbang",
        "nilai rata rata tertimbang",
        "nilai indeks tertimbang",
        "ikm skala",
        "nilai skm skala",
    ),
    KONVERSI: (
        "konversi",
        "nilai konversi",
        "ikm konversi",
        "konversi ikm",
        "nilai ikm konversi",
        "ikm setelah konversi",
        "ikm unit pelayanan",
        "nilai ikm x",
        "ikm x",
        "nilai konversi ikm",
        "skm konversi",
        "nilai skm konversi",
    ),
    RESPONDEN: ("responden", "jumlah responden", "jml responden", "total responden", "resp"),
    BOBOT: ("bobot", "bobot nilai", "nilai bobot", "bobot unsur", "penimbang"),
    MUTU: (
        "mutu",
        "mutu pelayanan",
        "kategori",
        "kategori mutu",
        "predikat",
        "kinerja unit pelayanan",
        "kinerja unit",
    ),
}
_CODE = re.compile(r"^u\s?(\d{1,2})(?:\s+(.*))?$")
MAX_CODE = 14
"""The most unsur a form has had (KepmenPAN 25/2004): ``U15`` is no unsur code."""
_VARIANTS = [
    *((variant, key) for key, names in UNSUR_LABELS.items() for variant in names),
    *((variant, role) for role, names in _TOTAL_LABELS.items() for variant in names),
]
TOTALS = frozenset(_TOTAL_LABELS)
_CUTOFF = 85.0
# A label ending in a conjunction or a comma is unfinished: the row broke across a page and
# the rest of its name ("Sistem, Mekanisme dan" ... "Prosedur") stands on the next page.
_UNFINISHED = re.compile(r"(?:\bdan|\bserta|[,/&])\s*$", re.I)


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


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"\b(?:triwulan|trw|tw|kuartal|q)\.?\s*(iv|i{1,3}|[1-4])\b", re.I)
_SEMESTER = re.compile(r"\b(?:semester|smt|sem)\.?\s*(i{1,2}|[12])\b", re.I)


def periods_in(text: str) -> list[tuple[int, int, str, int]]:
    """Every period word of ``text`` as ``(start, end, kind, number)`` in reading order:
    months (``bulan``), quarters (``triwulan``: ``Triwulan I``, ``TW 2``, ``Q3``) and
    semesters (``semester``: ``Semester I``, ``Smt 2``)."""
    found = [(a, b, "bulan", m) for a, b, m in months_in(text)]
    for kind, pattern in (("triwulan", _QUARTER), ("semester", _SEMESTER)):
        for match in pattern.finditer(text):
            number = match.group(1).lower()
            found.append((match.start(), match.end(), kind, _ROMAN.get(number) or int(number)))
    return sorted(found)


def normalise_label(text: str) -> str:
    """Lower case letters only, single spaces: ``"Prosedur/ Alur"`` -> ``"prosedur alur"``."""
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def label_score(text: str) -> tuple[str | None, float]:
    """What a row label names, and how sure (0..100); ``(None, score)`` if nothing.

    The answer is an unsur key of :data:`UNSUR_LABELS`, a code ``u1``..``u14`` (``U3``,
    ``U 3``), or a total of :data:`TOTALS` (the index, SKM, konversi, respondents, bobot,
    mutu). A label that starts with a code and goes on with a name (``U1 Persyaratan``) is
    read by its name.

    Exact variants win; otherwise the best :func:`rapidfuzz.fuzz.ratio` over all variants,
    so that ``Respon`` and ``Responden`` stay apart and typos still match.
    """
    code = _CODE.match(" ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()))
    if code and 0 < int(code.group(1)) <= MAX_CODE:
        named = _by_name(code.group(2) or "")
        return named if named[0] is not None else (f"u{int(code.group(1))}", 100.0)
    return _by_name(text)


def _by_name(text: str) -> tuple[str | None, float]:
    label = normalise_label(text)
    if not label:
        return None, 0.0
    # a header cell wraps words inside a narrow column ("Wakt" / "u Pe" / "nyel" / "esaia"):
    # compared without spaces too
    squeezed = label.replace(" ", "")
    best: tuple[str | None, float] = (None, 0.0)
    for variant, item in _VARIANTS:
        if label == variant:
            return item, 100.0
        score = max(fuzz.ratio(label, variant), fuzz.ratio(squeezed, variant.replace(" ", "")))
        if score > best[1]:
            best = (item, score)
    if best[1] < _CUTOFF and len(label.split()) >= 2 and _UNFINISHED.search(text):
        started = {item for variant, item in _VARIANTS if variant.startswith(label + " ")}
        if len(started) == 1:
            return started.pop(), _CUTOFF
    return best if best[1] >= _CUTOFF else (None, best[1])


def item_of(text: str) -> str | None:
    """The unsur key, code or total a row label names, or None."""
    return label_score(text)[0]


def is_unsur(item: str | None) -> bool:
    """Whether ``item`` (an answer of :func:`label_score`) names an unsur, not a total."""
    return item is not None and item not in TOTALS
