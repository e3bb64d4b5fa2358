"""Reading one line of a budget table: its label, its bullet, and its figures by kind.

A table row is a line whose tail is figures only (amounts, percentages, volumes with their
unit word) after a label; a sentence that names an amount ("sebesar Rp ...") is not a row.
Labels are normalised to keys so that the same line printed in two places can be matched:
jenis belanja, sumber dana and totals get fixed keys, other lines the set of their words
(word order differs between places: "Pelayanan dan Penegakan Hukum" = "Penegakan dan
Pelayanan Hukum").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from lkjip_audit.extract.model import Line
from lkjip_audit.numbers import Stated, find_numbers

MONEY, PERCENT, VOLUME, YEAR, PLAIN = "money", "percent", "volume", "year", "plain"

BULLET = re.compile(r"^\s*[-–•·*▪]\s*")
NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]?|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])\s+")
# Words that make a line a sentence about an amount rather than a table row.
PROSE_WORDS = frozenset(
    "sebesar adalah atau dari yaitu senilai mencapai terdiri berasal sedangkan sejumlah "
    "terhadap dengan merupakan".split()
)
# Words a column header is made of.
HEADER_WORDS = frozenset(
    "no nomor uraian kegiatan program anggaran pagu realisasi persentase % capaian target "
    "jenis belanja sumber dana keterangan sisa output volume satuan indikator kinerja "
    "sasaran tahun ta rp jumlah kinerja keuangan rupiah alokasi dipa penyerapan "
    "kode akun proporsi porsi kontribusi komposisi bobot terhadap sebelum sesudah setelah "
    "perubahan murni semula revisi fisik".split()
)
# A header naming none of these heads an indicator table, not a budget table.
MONEY_HEADER_WORDS = frozenset("anggaran pagu realisasi alokasi dipa belanja dana rp".split())
YEAR_WORDS = frozenset("tahun ta t.a. anggaran kinerja keuangan uraian".split())
STOP_WORDS = frozenset("dan di ke yang pada untuk dengan serta atas dalam the of rp".split())
JENIS_BELANJA = (
    ("belanja-pegawai", re.compile(r"\bbelanja\s+pegawai\b")),
    ("belanja-barang", re.compile(r"\bbelanja\s+barang\b")),
    ("belanja-modal", re.compile(r"\bbelanja\s+modal\b")),
)
# The two halves of a regional (APBD) budget: each a budget of its own, never "the" total.
BELANJA_HALVES = (
    ("belanja-tidak-langsung", re.compile(r"\bbelanja\s+tidak\s+langsung\b")),
    ("belanja-langsung", re.compile(r"\bbelanja\s+langsung\b")),
)
TOTAL = re.compile(r"^(?:total|jumlah|grand\s+total|sub\s*total)\b")
# Words that leave a total the table's whole ("Jumlah Anggaran", "Total Pagu 2023"); any
# other word names what it totals ("Jumlah Program Wajib", "Total Pendapatan").
WHOLE_TOTAL_WORDS = frozenset(
    "total jumlah grand sub subtotal anggaran pagu belanja keseluruhan seluruhnya seluruh "
    "dana biaya realisasi dipa tahun ta".split()
)
RUPIAH_MURNI = re.compile(r"\brupiah\s+murni\b|^\(?rm\)?$")
PNBP = re.compile(r"\bpnbp\b|penerimaan\s+negara\s+bukan\s+pajak|\bretribusi\b")
MIN_MONEY = Decimal(1000)
# The largest figure read as a percentage printed without "%" after another percentage.
MAX_PERCENT = Decimal(1000)
# "(Rp. 000)" in a header: the amounts below are in thousands; no amount itself.
THOUSANDS_UNIT = re.compile(r"^(?:rp|idr)\.?\s*0{3}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One number of a line: what kind it is, its unit word, and where it stands."""

    stated: Stated
    kind: str
    unit: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Row:
    """A budget table row: label (bullet and numbering removed) and its figures in order."""

    line: Line
    label: str
    bullet: bool
    figures: tuple[Figure, ...]
    x0: float


def is_year(stated: Stated) -> bool:
    """A bare four-digit year such as 2023 (no separator, no Rp, no %)."""
    return (
        stated.raw.strip().isdigit()
        and len(stated.raw.strip()) == 4
        and 1990 <= stated.value <= 2100
    )


def _unit_after(text: str, end: int) -> str | None:
    """The unit word right after a number ("9.000 orang"), if any."""
    match = re.match(r"\s*([A-Za-z][A-Za-z.]{0,14})(?=\s|$)", text[end:])
    if match and match.group(1).lower().rstrip(".") not in {"rp", "dan", "atau", "dari"}:
        return match.group(1).rstrip(".")
    return None


# Units of a quantity a report measures ("92.078 Ton", "85.362 Ha", "1.250 orang"): the
# number before one is never an amount of money, whatever the sentence calls it.
MEASURE_UNIT = re.compile(
    r"\s*(?:ton|kg|kw|kwintal|kuintal|ha|hektar|km|meter|m2|m3|liter|orang|jiwa|ekor|batang"
    r"|pohon|knol|tangkai|bibit|butir|unit|buah|paket|dokumen|desa|kk|kelompok|pelaku)\b",
    re.IGNORECASE,
)


def measured(text: str, end: int) -> bool:
    """The number ending at ``text[end]`` is followed by a unit of measure."""
    return MEASURE_UNIT.match(text, end) is not None


def in_ratio(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is one side of a rate ("89/100.000 KH", "5,8/1000"):
    a count, never an amount of money."""
    return text[:start].rstrip().endswith("/") or text[end:].lstrip().startswith("/")


def figures_of(line: Line) -> list[Figure]:
    """Every number of a line, classified as money, percent, volume, year or plain."""
    figures = []
    for start, end, stated in find_numbers(line.text):
        placed = dataclasses.replace(stated, page=line.page, bbox=line.span_bbox(start, end))
        unit = None
        if stated.is_percent:
            kind = PERCENT
        elif in_ratio(line.text, start, end) or THOUSANDS_UNIT.search(stated.raw):
            kind = PLAIN
        elif stated.raw.lower().startswith(("rp", "idr")):
            kind = MONEY
        elif is_year(stated):
            kind = YEAR
        elif (unit := _unit_after(line.text, end)) is not None:
            kind = VOLUME
        elif (
            stated.value >= MIN_MONEY
            and stated.decimals == 0
            and re.search(r"\d[.,]\d", stated.raw)
        ):
            # Without "Rp", an amount is printed grouped ("8.538.182.000"); a bare long
            # integer is a NIP, a code or a count.
            kind = MONEY
        else:
            kind = PLAIN
        figures.append(Figure(placed, kind, unit, start, end))
    return figures


def _gap_ok(gap: str, before: Figure) -> bool:
    """Whether the text between two figures of a row is nothing but a unit or a dash."""
    gap = gap.strip()
    if before.kind == VOLUME and before.unit is not None:
        gap = gap[len(before.unit) :].lstrip(".").strip() if gap.startswith(before.unit) else gap
    return gap in {"", "-", "–", ",-", "(", ")", "%"}


def parse_row(line: Line) -> Row | None:
    """The line as a budget table row, or None when it is not one (prose, header, text)."""
    figures = figures_of(line)
    if not figures:
        return None
    text = line.text
    # Walk back from the end: the row's figures are the tail where only units/dashes separate.
    if not _gap_ok(text[figures[-1].end :], figures[-1]):
        return None
    first = len(figures) - 1
    while first > 0 and _gap_ok(
        text[figures[first - 1].end : figures[first].start], figures[first - 1]
    ):
        first -= 1
    tail = figures[first:]
    # A code, a count or a year in front of the amounts belongs to the label ("51 Belanja
    # Pegawai", "Realisasi 2023 Rp ...").
    if tail[0].kind in (PLAIN, YEAR):
        while tail and tail[0].kind in (PLAIN, YEAR):
            tail = tail[1:]
        if not any(f.kind == MONEY for f in tail):
            return None
    if any(f.kind == YEAR for f in tail) or not any(f.kind in (MONEY, PERCENT) for f in tail):
        return None
    if tail[-1].kind in (VOLUME, YEAR):
        return None
    label = text[: tail[0].start].strip()
    words = {w.lower().strip(",.:;()") for w in label.split()}
    if words & PROSE_WORDS or label.endswith((",", ":")):
        return None
    bullet = bool(BULLET.match(label))
    label = NUMBERING.sub("", BULLET.sub("", label)).strip()
    # A plain number glued after the money of a row is a percentage printed without "%";
    # so is one after that percentage (a physical progress column: "87,66 100").
    kinds = [f.kind for f in tail]
    for i in range(1, len(tail)):
        if kinds[i] == PLAIN and (
            kinds[i - 1] == MONEY
            or (
                kinds[i - 1] == PERCENT
                and MONEY in kinds[:i]
                and tail[i].stated.value <= MAX_PERCENT
            )
        ):
            kinds[i] = PERCENT
    tail = [
        f if f.kind == k else dataclasses.replace(f, kind=k)
        for f, k in zip(tail, kinds, strict=True)
    ]
    if any(f.kind == PLAIN for f in tail):
        return None
    x0 = line.words[0].bbox[0] if line.words else line.bbox[0]
    return Row(line, label, bullet, tuple(tail), x0)


SENTENCE_WORDS = 5


def continues_sentence(previous: Line | None, line: Line) -> bool:
    """Whether ``line`` carries on the sentence of the line above: that line is running
    text (several words, no table row, no closing punctuation) and this one opens in lower
    case ("(8) Pengembangan forum kebencanaan, dengan alokasi" / "anggaran Rp.290.945.000").
    Such a line is a sentence's end, not a table row labelled "anggaran"."""
    if previous is None or previous.page != line.page or not line.text[:1].islower():
        return False
    text = previous.text.rstrip()
    return (
        len(text.split()) >= SENTENCE_WORDS
        and not text.endswith((".", ":", ";", "!", "?"))
        and parse_row(previous) is None
    )


DANGLING = re.compile(r"^(?:Rp|RP|IDR)\.?$")


def merge_wrapped(line: Line, below: Line) -> Line | None:
    """A row whose amounts wrapped to the next line ("Program X Rp. Rp. 97,31%" above
    "Pelayanan Hukum 6.015.660.000 5.854.073.403") as one line, or None.

    The currency signs left without a number are filled, in order, by the amounts of the
    line below; the label is both lines' labels.
    """
    words = line.words
    dangling = [
        i
        for i, w in enumerate(words)
        if DANGLING.match(w.text)
        and (
            i + 1 == len(words)
            or not re.match(r"[-−]?\d", words[i + 1].text)
            or _is_pct(words, i + 1)
        )
    ]
    if not dangling or below.page != line.page:
        return None
    between = words[dangling[0] : dangling[-1] + 1]
    if any(not DANGLING.match(w.text) for w in between):
        return None
    money = [f for f in figures_of(below) if f.kind == MONEY]
    if len(money) < len(dangling) or parse_row(below) is None:
        return None
    first = money[0].start
    offsets, offset = [], 0
    for word in below.words:
        start = below.text.find(word.text, offset)
        offsets.append(start)
        offset = start + len(word.text)
    below_label = [w for w, o in zip(below.words, offsets, strict=True) if o < first]
    below_money = [w for w, o in zip(below.words, offsets, strict=True) if o >= first]
    merged = (
        *line.words[: dangling[0]],
        *below_label,
        *below_money,
        *line.words[dangling[-1] + 1 :],
    )
    bbox = (
        min(line.bbox[0], below.bbox[0]),
        line.bbox[1],
        max(line.bbox[2], below.bbox[2]),
        below.bbox[3],
    )
    return Line(line.page, " ".join(w.text for w in merged), bbox, merged)


def _is_pct(words: tuple, i: int) -> bool:
    """Whether the word at i is a percentage ("97,31%", or "97,31" followed by "%")."""
    text = words[i].text
    return text.endswith("%") or (i + 1 < len(words) and words[i + 1].text == "%")


def header_years(line: Line) -> list[int] | None:
    """The years of a column header line ("Tahun 2021 Tahun 2022", "2023"), or None."""
    numbers = find_numbers(line.text)
    if not numbers or not all(is_year(s) for _, _, s in numbers):
        return None
    rest = re.sub(r"\d{4}", " ", line.text).lower().split()
    if len(rest) > 3 * len(numbers) + 2 or any(
        w.strip("():-") not in YEAR_WORDS | HEADER_WORDS for w in rest if w.strip("():-")
    ):
        return None
    return [int(s.value) for _, _, s in numbers]


def is_header(line: Line) -> bool:
    """A budget column header: two or more words, all header words, one naming money."""
    words = [w.lower().strip(".,:;()") for w in line.text.split()]
    words = [w for w in words if re.search(r"\w|%", w) and not re.fullmatch(r"\d{1,2}", w)]
    return (
        len(words) >= 2
        and all(w in HEADER_WORDS for w in words)
        and bool(set(words) & MONEY_HEADER_WORDS)
    )


def words_of(label: str) -> list[str]:
    """The lower-case words of a label, punctuation removed."""
    return re.findall(r"[a-z0-9]+", label.lower())


def label_key(label: str) -> str:
    """The key under which the same budget line is matched across places."""
    text = " ".join(words_of(label))
    for key, pattern in BELANJA_HALVES:
        if pattern.search(text):
            return key
    if TOTAL.match(text):
        named = sorted(
            {w for w in words_of(label) if not w.isdigit()} - WHOLE_TOTAL_WORDS - STOP_WORDS
        )
        return "total:" + " ".join(named) if named else "total"
    if text in {"anggaran", "pagu", "total pagu", "pagu anggaran"}:
        return "total"
    for key, pattern in JENIS_BELANJA:
        if pattern.search(text):
            return key
    if RUPIAH_MURNI.search(text):
        return "rm"
    if PNBP.search(text):
        return "pnbp"
    return "line:" + " ".join(sorted(set(words_of(label)) - STOP_WORDS))


def is_total(label: str) -> bool:
    """Whether the label opens with "Total" or "Jumlah"."""
    return bool(TOTAL.match(" ".join(words_of(label))))


def label_kind(key: str, label: str) -> str:
    """What a line is from its key and label."""
    if key == "total" or key.startswith(("subtotal:", "total:")) or is_total(label):
        return "total"
    if key.startswith("belanja-"):
        return "jenis-belanja"
    if key == "rm":
        return "sumber-dana"
    if key == "pnbp":
        return "pnbp"
    first = words_of(label)[:1]
    if first == ["program"]:
        return "program"
    if first == ["kegiatan"]:
        return "kegiatan"
    return "line"
