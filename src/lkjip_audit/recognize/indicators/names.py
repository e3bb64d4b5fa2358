"""Indicator names: normalised to a key, and matched across places despite typos and cuts.

The same indicator is printed differently in the PK, the capaian table and the prose
("Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian di Wilayah ...", "IKM"); a key
(:func:`normalise`) and a loose match (:func:`same_indicator`) make them one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# Words an indicator name starts with (capitalised, as printed in tables and prose).
HEAD_WORDS = (
    "Indeks|Nilai|Persentase|Presentase|Prosentase|Jumlah|Tingkat|Rasio|Rata-rata|Rata-Rata"
    "|Opini|Predikat"
)
HEAD = re.compile(rf"(?<![\w-])(?:{HEAD_WORDS})\b")
# Row numbering before a name: "1.", "a)", "iv.", or a bare "2 " before a word.
ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[.)]\s*|^\s*\d{1,2}\s+(?=\D)", re.I)
# Parts that vary between places without changing the indicator.
_DROP = (
    r"\bdi\s*wilayah\b.*$",
    r"\bterhadap\s+layanan\s+keimigrasian\b",
    r"\batas\s+layanan\s+keimigrasian\b",
    r"\btahun\s+\d{4}\b",
    r",?\s*\bdengan\s+(?:target|indikator)\b.*$",
    r"\([^)]*\)",
    r"\[[^\]]*\]",
)
# Words whose presence does not change the subject: the unit's own context, and fillers
# ("Persentase desa yang mencapai UCI" is "Persentase desa UCI").
_GENERIC = frozenset(
    {"keimigrasian", "imigrasi", "satker", "satuan", "kerja", "unit", "kantor", "wilayah"}
    | {"yang", "mencapai", "sudah", "telah"}
)
_MIN_SCORE = 88
# Words after which a name goes on about another subject, not the same one.
_QUALIFIERS = frozenset({"terhadap", "atas", "pada", "di", "bidang", "dalam", "untuk", "bagi"})
_MAX_NAME = 140
_MAX_NAME_WORDS = 20
# Words a shortened name keeps at least: fewer name too little to be one indicator alone.
_MIN_ABRIDGED = 4


def normalise(name: str) -> str:
    """Lower-case, drop numbering, "di Wilayah ...", "terhadap Layanan Keimigrasian", notes."""
    text = ENUMERATOR.sub("", name.strip()).lower()
    for pattern in _DROP:
        text = re.sub(pattern, " ", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def acronym(key: str) -> str:
    """Initials of the key's words ("indeks kepuasan masyarakat" -> "IKM")."""
    return "".join(word[0] for word in key.split() if word[0].isalpha()).upper()


_TYPO_SCORE = 80


def _words_correspond(a: set[str], b: set[str]) -> bool:
    """Every word of ``a`` missing from ``b`` is a typo of one of ``b``'s words."""
    return all(any(fuzz.ratio(word, other) >= _TYPO_SCORE for other in b) for word in a - b)


_ACRONYM_SIZES = range(3, 6)


def _spelled_out(short: str, long: str) -> str:
    """``long`` with each run of words whose initials spell a word of ``short`` that ``long``
    lacks replaced by that word: "rumah sakit umum daerah" becomes "rsud" against a name that
    says "RSUD"."""
    words = long.split()
    present = set(words)
    for word in short.split():
        if word in present or len(word) not in _ACRONYM_SIZES or not word.isalpha():
            continue
        size = len(word)
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if "".join(w[0] for w in run) == word and all(len(w) >= 3 for w in run):
                words[i : i + size] = [word]
                break
    return " ".join(words)


def same_indicator(a: str, b: str) -> bool:
    """Whether two normalised names are one indicator (typos, an extra generic word, an
    acronym printed in full in the other).

    A close overall match is not enough when a word has no counterpart: "Jumlah Puskesmas
    yang sudah terakreditasi" and "Jumlah Rumah Sakit yang sudah terakreditasi" are two.
    """
    if not a or not b:
        return False
    a, b = _spelled_out(b, a), _spelled_out(a, b)
    wa, wb = set(a.split()), set(b.split())
    if (
        fuzz.token_sort_ratio(a, b) >= _MIN_SCORE
        and _words_correspond(wa - _GENERIC, wb)
        and _words_correspond(wb - _GENERIC, wa)
    ):
        return True
    own_a, own_b = wa - _GENERIC, wb - _GENERIC
    return (
        bool(own_a and own_b)
        and _words_correspond(own_a, own_b)
        and _words_correspond(own_b, own_a)
    )


def extends(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with more words that do not change the subject.

    A name cut by a table cell ("Rata-rata Waktu Penyelesaian") is the start of the full
    name; an added qualifier ("... terhadap Layanan Publik Bidang Hukum") makes another
    indicator.
    """
    sw, lw = short.split(), long.split()
    if len(sw) < 2 or len(lw) <= len(sw):
        return False
    return lw[len(sw)] not in _QUALIFIERS and same_indicator(short, " ".join(lw[: len(sw)]))


def abridges(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with words left out, its own in the same order and the
    head word first: prose shortens "Persentase Layanan yang Diselesaikan Sesuai Standar
    Pelayanan" to "Persentase Layanan Sesuai Standar"."""
    sw, lw = short.split(), long.split()
    if len(sw) < _MIN_ABRIDGED or len(lw) <= len(sw) or sw[0] != lw[0]:
        return False
    rest = iter(lw)
    return all(word in rest for word in sw)


def valid_name(name: str) -> bool:
    """A plausible indicator name: 2+ words, no figures, not a whole paragraph."""
    return _name_sized(name) and not re.search(r"\d", ENUMERATOR.sub("", name))


def valid_cell_name(name: str) -> bool:
    """A plausible name in a table's indicator column, whatever its first word.

    The column says what the cell is, so a name need not start with a usual head word
    ("Cakupan ...", "Prevalensi ...", "Angka ...") and may hold figures of its own
    ("UCI > 90 %", "per 1000 KH"); it must still be words, not a value.
    """
    words = re.findall(r"[^\W\d_]{3,}", ENUMERATOR.sub("", name))
    return _name_sized(name) and len(words) >= 2 and name.strip()[:1].isalpha()


def _name_sized(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and len(name) <= _MAX_NAME


@dataclass(slots=True)
class IndicatorNames:
    """The keys met so far; :meth:`key` registers a name, :meth:`resolve` only looks it up."""

    keys: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """The key of ``name``: an existing key it matches, or a new key.

        A close match wins; else a key the name is a cut or an extension of, when that key
        is the only one.
        """
        normal = normalise(name)
        found = next((k for k in self.keys if same_indicator(k, normal)), None)
        if found is None:
            related = [k for k in self.keys if extends(normal, k) or extends(k, normal)]
            related = related or [k for k in self.keys if abridges(normal, k)]
            found = related[0] if len(related) == 1 else None
        if found is None and normal:
            self.keys.append(normal)
            found = normal
        for abbr in re.findall(r"\(([A-Z]{2,5})\)", name):
            self.aliases.setdefault(abbr, found or normal)
        if found:
            self.display.setdefault(found, " ".join(ENUMERATOR.sub("", name).split()))
        return found or normal

    def name(self, key: str) -> str:
        """The key's name as first printed."""
        return self.display.get(key, key)

    def resolve(self, phrase: str) -> str | None:
        """The key a prose mention refers to (its leading words, or an acronym), if any.

        A mention in prose runs on into other words ("Indeks Kepuasan Masyarakat Kantor
        Imigrasi ..."), so each key is compared with as many leading words of the mention.
        """
        phrase = phrase.strip()
        if re.fullmatch(r"[A-Z]{2,5}", phrase):
            if phrase in self.aliases:
                return self.aliases[phrase]
            matches = [k for k in self.keys if acronym(k) == phrase]
            # Else the one key that holds the acronym as a word ("... mencapai UCI").
            matches = matches or [k for k in self.keys if phrase.lower() in k.split()]
            return matches[0] if len(matches) == 1 else None
        words = normalise(phrase).split()
        best: tuple[int, str] | None = None
        for key in self.keys:
            size = len(key.split())
            if len(words) >= size and same_indicator(key, " ".join(words[:size])):
                best = max(best, (size, key)) if best else (size, key)
        return best[1] if best else None
