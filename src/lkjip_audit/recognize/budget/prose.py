"""Budget figures named in sentences: "realisasi ... sebesar Rp X atau 99,53% dari total
anggaran Rp Y", "belanja pegawai sebesar ...", "Rupiah Murni (RM) sebesar ... dan PNBP
sebesar ...", "target PNBP ... sebesar ...".

Each amount is read with the words just before it (since the previous figure): an item word
(belanja pegawai/barang/modal, Rupiah Murni, PNBP as a source) names the line, "realisasi"
or "dari ... anggaran/pagu/target" its role, and the nearest "tahun YYYY" before it (not a
regulation's "Nomor 45 Tahun 2016") its year. A percentage right after a realisasi is its
percentage. The subject is PNBP when the sentence names PNBP before the amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkjip_audit.extract.model import BBox, Line, union_bbox
from lkjip_audit.numbers import Stated, find_numbers
from lkjip_audit.recognize.budget.cells import Regions
from lkjip_audit.recognize.budget.model import BudgetLine
from lkjip_audit.recognize.budget.text import (
    BELANJA_HALVES,
    JENIS_BELANJA,
    MIN_MONEY,
    PNBP,
    continues_sentence,
    in_ratio,
    is_year,
    measured,
    parse_row,
)
from lkjip_audit.recognize.chapters import BAB2, BAB3, BAB4, IKHTISAR, ChapterWalker, heading_key

SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-Z(])")
# An amount followed by its share of a base: "Rp X,- (95,15%) dari", "Rp X atau 93,30% dari".
SHARE_OF_BASE = re.compile(
    r"[,\-\s]*(?:atau\s+)?(?:setara\s+dengan\s+)?\(?\s*\d{1,3}(?:[.,]\d+)?\s*%\s*\)?\s*dari\b"
)
# The role word after an amount: "Rp X dibelanjakan ... dari pagu Rp Y" (X was spent of the
# base named later), and "(X dari Y)", an amount right before a bare base amount.
SPENT_BEFORE_BASE = re.compile(
    r"[,\-\s]*(?:telah\s+)?(?:di(?:belanjakan|realisasikan|gunakan)|terserap|terpakai|"
    r"terealisasi)\b[^\d;]{0,200}?\bdari\b"
)
BARE_BASE = re.compile(r"[,\-\s]*dari\s+(?:rp\.?\s*)?\d")
PARENTHESIS_REACH = 300  # characters back to look for the "(" a cut would fall inside
# A list marker: "a.", "1.", "b)", "(3)", "D.". A sentence that opens with one is an item
# of an enumeration: its amount is one part of a budget, not the unit's total.
MARKER = r"(?:\(\s*(?:\d{1,2}|[a-zA-Z])\s*\)|(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)])"
# A list item about the whole budget ("2. Realisasi Anggaran Belanja tahun 2023 adalah ...")
# is a point of a summary, not one part of a breakdown.
NAMES_THE_WHOLE = re.compile(
    r"\banggaran\s+belanja\b|\b(?:total|jumlah|seluruh|keseluruhan)\s+(?:pagu|anggaran|belanja)|"
    r"\bdipa\b"
)
# "Sub Bid. Pelayanan", "Kab. Bogor": the period of a short capitalised abbreviation.
ABBREVIATION = re.compile(r"(?<!\w)[A-Z][a-z]{1,3}$")
TRAILING_MARKER = re.compile(rf"(?:^|(?<=\s)){MARKER}$")
LIST_START = re.compile(rf"\s{MARKER}\s*[A-Z]")
ENUMERATED = re.compile(rf"^\s*{MARKER}")
YEAR = re.compile(r"\b(?:tahun|ta\.?)\s+(?:anggaran\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
CITATION = re.compile(r"(?:nomor|no\.?)\s*[\w./-]+\s*$", re.IGNORECASE)
BASE = re.compile(
    r"\b(?:dari|terhadap|atas)\s+(?:total\s+|jumlah\s+|keseluruhan\s+)?"
    r"(?:pagu|anggaran|target|dipa)"
)
GROWTH = re.compile(
    r"naik|turun|meningkat|menurun|kenaikan|penurunan|peningkatan|lebih|selisih|pertumbuhan"
)
REALISASI_WORD = re.compile(
    r"realisasi|terealisasi|terserap|penyerapan|serapan|(?:yang\s+)?(?:digunakan|terpakai)\b|"
    r"\b(?:mem|di)belanjakan\b|\bmemungut\b"
)
PAGU_WORD = re.compile(r"\b(?:pagu(?:nya)?|anggaran\w*|(?:di)?target(?:kan|nya)?|dipa|alokasi)\b")
RUPIAH_MURNI = re.compile(r"rupiah\s+murni|\brm\b")
SOURCES = re.compile(r"rupiah\s+murni|sumber\s+(?:dana|pendanaan)")
# A regional unit's funding sources: its own revenue and the transfers from the centre.
REGIONAL_SOURCES = (
    ("sumber-pad", re.compile(r"pendapatan\s+asli\s+daerah|\bpad\b")),
    (
        "sumber-transfer",
        re.compile(r"\bdana\s+(?:alokasi\s+(?:umum|khusus)|transfer|perimbangan|bagi\s+hasil)"),
    ),
)
ENUMERATION = re.compile(r"\b(?:terdiri|meliputi|yaitu|berasal|bersumber|antara\s+lain)\b")
# The name of the program or kegiatan a list item is about: "(7) Kegiatan Penguatan
# Kapasitas Kesiapsiagaan, dengan alokasi anggaran Rp ..." -> "Penguatan Kapasitas ...".
PART_NAME = re.compile(
    rf"^\s*{MARKER}\s*(?:(?:sub\s*-?\s*)?(?:kegiatan|kegiatn|program)\s*:?\s*)?"
    r"(?P<name>[A-Za-z][^,;:()\d]*?)\s*(?:,|\b(?:dengan|sebesar|melalui|alokasi|anggaran|pagu|"
    r"yang|rp)\b)",
    re.IGNORECASE,
)
MIN_NAME_WORDS = 3
CHAPTER_SECTIONS = {BAB2: "dipa-bab2", BAB3: "realisasi-bab3", IKHTISAR: "ikhtisar", BAB4: "bab4"}
ITEM_GROUPS = {
    "belanja-pegawai": "jenis-belanja",
    "belanja-barang": "jenis-belanja",
    "belanja-modal": "jenis-belanja",
    "rm": "sumber-dana",
    "sumber-pnbp": "sumber-dana",
    "sumber-pad": "sumber-dana",
    "sumber-transfer": "sumber-dana",
}
PAGU, REALISASI, OTHER = "pagu", "realisasi", "other"
# Keys of the items a sentence names (a spending type, a funding source, a budget half).
ITEMS = frozenset({*ITEM_GROUPS, "belanja-langsung", "belanja-tidak-langsung"})
# A figure named in a sentence has no label cell: it is named by what it is.
PROSE_LABELS = {
    "total": "Anggaran belanja",
    "part": "Anggaran program/kegiatan",
    "pnbp": "PNBP",
    "belanja-pegawai": "Belanja Pegawai",
    "belanja-barang": "Belanja Barang",
    "belanja-modal": "Belanja Modal",
    "rm": "Rupiah Murni (RM)",
    "belanja-langsung": "Belanja Langsung",
    "belanja-tidak-langsung": "Belanja Tidak Langsung",
    "sumber-pnbp": "PNBP (sumber dana)",
    "sumber-pad": "Pendapatan Asli Daerah (sumber dana)",
    "sumber-transfer": "Dana transfer (sumber dana)",
}
# An amount of one program or kegiatan, named in its sentence ("(7) Kegiatan Penguatan ...,
# dengan alokasi anggaran Rp ..."): a part of the budget, not the unit's total.
PART = re.compile(r"\b(?:[Ss]ub\s*-?\s*)?(?:[Kk]egiatan|[Pp]rogram|[Kk]egiatn)\s*:?\s+[A-Z]")
WHOLE = re.compile(
    r"\b(?:seluruh|semua|total|keseluruhan|jumlah)\s+(?:\w+\s+){0,2}(?:kegiatan|program)"
)
OTHER_AMOUNT = re.compile(
    r"\b(?:sisa|selisih|efisiensi|tidak\s+terserap|naik|turun|meningkat|menurun|kenaikan|"
    r"penurunan|peningkatan|bertambah|berkurang|penambahan|pengurangan|tambahan|rata-rata|"
    r"per\s+bulan)"
    r"(?:\s+(?:anggaran\w*|pagu|realisasi|dana|target))?"
)


# An allocation before its revision is not the pagu the report is measured against; one
# "setelah perubahan" (or that a budget "menjadi") replaces the allocation named before it.
ORIGINAL = re.compile(
    r"\bsebelum\s+(?:dilakukan\s+)?(?:perubahan|revisi)|(?<!rupiah\s)\bmurni\b|\bsemula\b"
)
REVISED = re.compile(r"\b(?:setelah|sesudah)\s+(?:dilakukan\s+)?(?:perubahan|revisi)|\bmenjadi\b")
# Words naming the whole budget: an amount after them is not the item named before.
WHOLE_BUDGET = re.compile(r"\b(?:total|jumlah|keseluruhan|seluruh)\b")


PHYSICAL = re.compile(r"fisik")
# A number whose grouping breaks off ("163.305..000", "920.942.,000") right after it.
MALFORMED = re.compile(r"[.,]{1,2}\d")
STRAY_PERCENT = re.compile(r"\s?\.\s?%")
SHARE_LEAD = re.compile(r"\W*atau(?:\s+sebesar)?\s*")
MAX_SHARE = 200


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of running text with the lines it came from (for the figures' boxes)."""

    text: str
    chapter: str
    paragraph: int
    spans: tuple[tuple[int, Line], ...]  # (offset in text, line) for each line joined

    def place(self, start: int, end: int) -> tuple[int, BBox | None]:
        """Page and box of ``text[start:end]``."""
        boxes, page = [], None
        for offset, line in self.spans:
            lo, hi = max(start, offset), min(end, offset + len(line.text))
            if lo < hi:
                page = page or line.page
                if line.page == page:
                    boxes.append(line.span_bbox(lo - offset, hi - offset))
        return page or self.spans[0][1].page, union_bbox(boxes)


def sentences(lines: list[Line], regions: Regions) -> Iterator[Sentence]:
    """Running-text sentences by chapter; tables, table rows and headings break paragraphs."""
    walker = ChapterWalker.of(lines)
    paragraph: list[Line] = []
    chapter = walker.chapter
    number = 0
    previous = None
    for line in lines:
        walker.see(line)
        is_row = regions.table_of(line) is not None or (
            not continues_sentence(previous, line) and parse_row(line) is not None
        )
        previous = line
        heading = heading_key(line.text) is not None
        if walker.chapter != chapter or is_row or heading:
            yield from _split(paragraph, chapter, number)
            paragraph, chapter, number = [], walker.chapter, number + 1
            if is_row or heading:
                continue
        paragraph.append(line)
    yield from _split(paragraph, chapter, number)


def _split(paragraph: list[Line], chapter: str, number: int) -> Iterator[Sentence]:
    if not paragraph:
        return
    spans, parts, offset = [], [], 0
    for line in paragraph:
        spans.append((offset, line))
        parts.append(line.text)
        offset += len(line.text) + 1
    text = " ".join(parts)
    start = 0
    for end in [*_cuts(text), len(text)]:
        piece = text[start:end]
        if piece.strip():
            local = tuple(
                (o - start, line) for o, line in spans if o + len(line.text) > start and o < end
            )
            yield Sentence(piece, chapter, number, local)
        start = end


def _in_parentheses(text: str, position: int) -> bool:
    """``position`` lies inside a parenthesis opened shortly before: "(Kegiatan A; Kegiatan
    B)" lists the parts of one sentence, it does not end it. A stray "(" far back does not
    hold the rest of the paragraph together."""
    before = text[max(0, position - PARENTHESIS_REACH) : position]
    return before.rfind("(") > before.rfind(")")


def _cuts(text: str) -> list[int]:
    """Where the sentences of a paragraph start: after a full stop (not one closing an
    abbreviation such as "Bid." or a list marker such as "a.", nor one inside parentheses),
    and at each list marker ("(3) Kegiatan ...", "b. Bantuan ..."), which opens an item of
    its own."""
    ends = {
        m.end()
        for m in SENTENCE_END.finditer(text)
        if not ABBREVIATION.search(text, 0, m.start())
        and not TRAILING_MARKER.search(text, 0, m.end())
        and not _in_parentheses(text, m.start())
    }
    starts = {m.start() + 1 for m in LIST_START.finditer(text)}
    return sorted(c for c in ends | starts if 0 < c < len(text))


@dataclass(slots=True)
class _Record:
    key: str
    year: int | None
    label: str
    pagu: Stated | None = None
    realisasi: Stated | None = None
    percent: Stated | None = None


def _year_before(text: str, default: int | None) -> int | None:
    years = [m for m in YEAR.finditer(text) if not CITATION.search(text[: m.start()])]
    return int(years[-1].group(1)) if years else default


def _item_key(context: str, sentence: str) -> str | None:
    items = (*JENIS_BELANJA, *BELANJA_HALVES)
    found = [(m.start(), key) for key, pattern in items for m in pattern.finditer(context)]
    found += [(m.start(), "rm") for m in RUPIAH_MURNI.finditer(context)]
    if SOURCES.search(sentence):
        found += [(m.start(), "sumber-pnbp") for m in PNBP.finditer(context)]
        found += [(m.start(), key) for key, p in REGIONAL_SOURCES for m in p.finditer(context)]
    return max(found)[1] if found else None


def _role(context: str, previous: str | None, item: str | None) -> str | None:
    # The role word nearest the amount wins; "realisasi anggaran" is a realisasi, "dari
    # (total) anggaran" the base of a percentage, and "sisa anggaran" or "meningkat
    # sebesar" another amount altogether.
    marks = [(m.end(), 0, PAGU) for m in BASE.finditer(context)]
    marks += [(m.end(), 0, REALISASI) for m in REALISASI_WORD.finditer(context)]
    marks += [
        (m.end(), 0, PAGU)
        for m in PAGU_WORD.finditer(context)
        if not REALISASI_WORD.search(context[max(0, m.start() - 14) : m.start()])
    ]
    # "sisa anggaran" ends where "anggaran" ends: the qualifier wins the tie.
    marks += [(m.end(), 1, OTHER) for m in OTHER_AMOUNT.finditer(context)]
    if marks:
        return max(marks)[2]
    # An allocation named without a role word ("belanja barang sebesar ...") continues the
    # enumeration it is part of; a first item is an allocation.
    return previous or (PAGU if item else None)


def read_sentence(sentence: Sentence, default_year: int | None) -> list[_Record]:
    """The budget records one sentence states."""
    text = sentence.text
    lower = text.lower()
    records: list[_Record] = []
    boundary, role, last = 0, None, None
    last_item: str | None = None
    item_role: str | None = None
    leading: Stated | None = None
    base_next = False
    for start, end, stated in find_numbers(text):
        # A budget figure in a sentence is at least a thousand Rupiah ("Rp. 16" is a page
        # number glued to a dangling "Rp."), and no quantity ("realisasi 85.362 Ha").
        is_money = (
            not stated.is_percent
            and stated.value >= MIN_MONEY
            and (stated.raw.lower().startswith("rp") or not is_year(stated))
            and not in_ratio(text, start, end)
            and not measured(text, end)
        )
        if stated.is_percent or _unsigned_share(lower, boundary, start, end, stated, role):
            # "X atau 99,53% dari pagu": the realisasi's share; "naik 5%" is a growth rate,
            # "realisasi fisik 100%" the work done, not the money spent.
            context = lower[boundary:start]
            other = GROWTH.search(context) or PHYSICAL.search(context)
            if last is not None and role == REALISASI and last.percent is None and not other:
                last.percent = _placed(sentence, stated, start, end, percent=True)
            elif last is None and REALISASI_WORD.search(context) and not other:
                # "Penyerapan 89,38% (X dari Y)": the share named before the amounts.
                leading = _placed(sentence, stated, start, end, percent=True)
            boundary = end
            continue
        if is_money and (MALFORMED.match(text, end) or stated.decimals > 2):
            # "163.305..000", "907458.180": an amount whose separators are broken is no
            # amount that can be read, and what follows it is not its percentage.
            boundary, last = end, None
            continue
        if not is_money:
            continue
        context = lower[boundary:start]
        boundary = end
        share, leading = leading, None
        named = _item_key(context, lower)
        item = named
        if item is None and (not WHOLE_BUDGET.search(context) or BASE.search(context)):
            # "Belanja Langsung sebesar X ... terealisasi sebesar Y": the item named for the
            # first amount is the item of the next ones, until the sentence names the whole;
            # "... Y atau 93,30% dari jumlah anggaran Z" names the base of Y, the same item's.
            item = last_item
        new_item = named is not None and named != last_item
        if new_item:
            # A new item without a role word takes the role the previous item's first amount
            # had ("realisasi belanja pegawai A, belanja barang B"); the first item of a
            # breakdown of the whole is an allocation ("direalisasikan X, terdiri dari BTL A
            # dengan realisasi B").
            role = item_role if last_item is not None else PAGU
        role = _role(context, role, item)
        if base_next:
            role, base_next = PAGU, False
        elif any(p.match(lower, end) for p in (SHARE_OF_BASE, SPENT_BEFORE_BASE, BARE_BASE)):
            # "X (95,15%) dari total anggaran Y", "X dibelanjakan ... dari pagu Y": X is what
            # was spent of Y, whatever word ("fisik anggaran") stood before it.
            role = REALISASI
            base_next = BARE_BASE.match(lower, end) is not None
        if new_item:
            item_role = role
        last_item = item
        if role in (None, OTHER) or (role == PAGU and ORIGINAL.search(context)):
            continue
        key = item or ("pnbp" if PNBP.search(lower[:start]) else _part_or_total(text[:start]))
        year = _year_before(text[:start], default_year)
        revised = role == PAGU and REVISED.search(context) is not None
        record = next(
            (
                r
                for r in reversed(records)
                if (r.key, r.year) == (key, year) and (revised or getattr(r, role) is None)
            ),
            None,
        )
        if record is None:
            record = _Record(key, year, PROSE_LABELS.get(key, key))
            records.append(record)
        setattr(record, role, _placed(sentence, stated, start, end))
        if role == REALISASI and record.percent is None:
            record.percent = share
        last = record
    return records


def _part_or_total(before: str) -> str:
    """``part`` when the sentence is an item of a list or names one program or kegiatan
    before the amount, else ``total``."""
    if ENUMERATED.match(before) and not NAMES_THE_WHOLE.search(before.lower()):
        return "part"
    if PART.search(before) and not WHOLE.search(before.lower()):
        return "part"
    return "total"


def _unsigned_share(
    lower: str, boundary: int, start: int, end: int, stated: Stated, role: str | None
) -> bool:
    """A realisasi's percentage printed without "%": "Rp X atau 95,07" (1 or 2 decimals,
    at most 100 and a bit, right after "atau"), or with a stray dot ("98,67.%")."""
    if role != REALISASI or stated.is_percent:
        return False
    if STRAY_PERCENT.match(lower, end):
        return True
    return (
        stated.decimals in (1, 2)
        and stated.value <= MAX_SHARE
        and SHARE_LEAD.fullmatch(lower[boundary:start]) is not None
    )


def _placed(
    sentence: Sentence, stated: Stated, start: int, end: int, percent: bool = False
) -> Stated:
    page, bbox = sentence.place(start, end)
    is_percent = stated.is_percent or percent
    return Stated(stated.raw, stated.value, stated.decimals, page, bbox, is_percent)


def prose_lines(lines: list[Line], regions: Regions, default_year: int | None) -> list[BudgetLine]:
    """Every budget figure stated in sentences, with jenis belanja / sumber dana items
    linked to the total they break down when the sentence enumerates them."""
    out: list[BudgetLine] = []
    last_total: dict[int, BudgetLine] = {}
    for index, sentence in enumerate(sentences(lines, regions)):
        section_of_chapter = CHAPTER_SECTIONS.get(sentence.chapter)
        if section_of_chapter is None:
            continue
        records = read_sentence(sentence, default_year)
        parts = [r for r in records if r.key == "part"]
        name = part_name(sentence.text) if len(parts) == 1 else None
        if name is not None:
            parts[0].label = name
        # "s<n>": figures of a sentence (the checks name their place by the chapter's text).
        table = f"s{index}"
        made = [
            _line(r, f"{table}.{i}", table, section_of_chapter, sentence)
            for i, r in enumerate(records)
        ]
        for line in made:
            if line.key == "total" and line.pagu is not None:
                last_total[sentence.paragraph] = line
        _link_items(made, last_total.get(sentence.paragraph), sentence.text.lower())
        out.extend(made)
    return out


def part_name(text: str) -> str | None:
    """The program or kegiatan a list item names before its amounts, when it names one in
    at least three words (a generic "anggaran kegiatan" is no name)."""
    match = PART_NAME.match(text)
    if match is None:
        return None
    name = " ".join(match.group("name").split())
    return name if len(re.findall(r"[A-Za-z]{2,}", name)) >= MIN_NAME_WORDS else None


def _line(
    record: _Record, line_id: str, table: str, chapter_section: str, sentence: Sentence
) -> BudgetLine:
    group = ITEM_GROUPS.get(record.key)
    if group is not None:
        section, kind = group, group
    elif record.key == "pnbp":
        section = "pnbp" if chapter_section == "realisasi-bab3" else chapter_section
        kind = "pnbp"
    elif record.key == "part":
        # Named in a sentence only by its own words: held against nothing elsewhere, but its
        # realisasi, pagu and percentage are checked together.
        section, kind = chapter_section, "part"
        record.key = f"part.{line_id}"
    else:
        section, kind = chapter_section, "total"
    figure = record.pagu or record.realisasi
    return BudgetLine(
        line_id=line_id,
        table=table,
        section=section,
        year=record.year,
        label=record.label,
        key=record.key,
        kind=kind,
        level=0 if group is None else 1,
        page=(figure.page or 1) if figure else 1,
        bbox=figure.bbox if figure else None,
        raw=" ".join(sentence.text.split()),
        pagu=record.pagu,
        realisasi=record.realisasi,
        percent=record.percent,
    )


def _link_items(made: list[BudgetLine], total: BudgetLine | None, sentence: str) -> None:
    """Items of a complete enumeration become the children of the total they break down."""
    if total is None:
        return
    for group, needed in (("jenis-belanja", 3), ("sumber-dana", 2)):
        items = [line for line in made if line.kind == group and line.pagu is not None]
        keys = {line.key for line in items}
        complete = len(keys) >= needed or (len(keys) >= 2 and ENUMERATION.search(sentence))
        if not complete or len(keys) != len(items):
            continue
        for line in items:
            if line.year not in (None, total.year):
                break
        else:
            for line in items:
                line.parent, line.group, line.year = total.line_id, group, total.year
