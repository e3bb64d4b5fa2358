"""Numeric claims of the narrative that name other numbers: the ``claims`` fact table.

- ``growth``: "mengalami peningkatan dari tahun 2022 sebesar 3,20 atau meningkat sebesar
  17,3%" (``a`` the earlier value, ``b`` the current realisation of the indicator);
- ``difference``: "dibandingkan dengan ... Kanwil ... sebesar 3,63, maka nilai IKM ... lebih
  besar 0,33 poin" (``a`` the other unit's value, ``b`` the office's own);
- ``ratio``: a capaian written as a formula ("Capaian IKM = 3,87 / 3,25 × 100% = 119,08%") or
  against another year's target (the Renstra's), ``stated`` vs ``a`` / ``b`` × 100;
- ``average``: "nilai rata-rata capaian kinerja sebesar 100%";
- ``mutu``: a value and the quality category stated for it ("3,87 ... kategori Sangat Baik");
- ``share``: a count given as a share of a whole named in the same sentence ("terdapat 14
  RSUD ... 37,5% atau ada 5 RSUD", ``stated`` vs ``a`` / ``b`` × 100).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from lkjip_audit.extract.model import DocumentText
from lkjip_audit.facts.indicators import entity_kind
from lkjip_audit.numbers import Stated, agrees, find_numbers
from lkjip_audit.recognize import DocumentMeta, recognizer
from lkjip_audit.recognize.indicators import analyse
from lkjip_audit.recognize.indicators.context import Context, Statement
from lkjip_audit.recognize.indicators.places import PROSE_PLACES
from lkjip_audit.recognize.indicators.stream import Num
from lkjip_audit.recognize.survey.terms import industry_ikm, survey_ikm

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\d])|[.!?]$|:\s")
_GROWTH = re.compile(
    r"\b(naik|meningkat|peningkatan|kenaikan|tumbuh|bertambah|turun|menurun|penurunan|"
    r"berkurang|susut)\b(?:\s+(?:sebesar|yaitu|"
    r"sekitar|hingga|mencapai))?\s*$",
    re.I,
)
_EARLIER = re.compile(
    r"tahun\s+(?P<y>(?:19|20)\d\d)\s*(?:yang\s+)?(?:sebesar|adalah|yaitu|hanya|:)?\s*"
    r"(?:dari\s+)?\(?\s*$",
    re.I,
)
# "peningkatan dari hasil realisasi tahun 2015 sebesar 1,04%": the change from last year's
# realisation, which the sentence does not print (the table before it does).
_GROWTH_FROM = re.compile(
    r"\b(?P<dir>naik|meningkat|peningkatan|kenaikan|turun|menurun|penurunan)\s+"
    r"(?:dari|dibanding(?:kan)?(?:\s+dengan)?)\s+(?:(?:hasil|nilai|angka)\s+)?"
    r"(?:realisasi|capaian)\s+(?:pada\s+)?tahun\s+(?P<y>(?:19|20)\d\d)\s+sebesar\s*$",
    re.I,
)
_MOVED_TO = re.compile(r"\b(menjadi|ke)\s*$", re.I)
_YEAR_AFTER = re.compile(r"\s*\(\s*(?:tahun\s+)?(?P<y>(?:19|20)\d\d)\s*\)")
_YEAR_NAMED_AFTER = re.compile(r"\s*\(?\s*(?:pada\s+)?(?:tahun\s+)?(?P<y>(?:19|20)\d\d)\b")
_DIFFERENCE = re.compile(r"\blebih\s+(?P<dir>besar|tinggi|kecil|rendah)\s+(?:sebesar\s+)?$", re.I)
_POINTS_AFTER = re.compile(r"^\s*(poin|point|angka|indeks)\b", re.I)
_FORMULA = re.compile(
    r"[=:]\s*\(?\s*(?P<a>\d[\d.,]*)\s*(?:/|:|÷)\s*(?P<b>\d[\d.,]*)\s*\)?\s*[x×X*]\s*100\s*%?\s*="
    r"\s*(?P<c>\d[\d.,]*\s*%)"
)
_AVERAGE = re.compile(
    r"rata\s*-?\s*rata\s+capaian(?:\s+kinerja)?(?:\s+\w+){0,4}?\s+(?:sebesar|adalah|yaitu|:)?\s*$",
    re.I,
)
_CATEGORY = re.compile(
    r"\b(?:(?:di)?kategori(?:kan)?|tergolong|mutu(?:\s+pelayanan)?|predikat|grade)\s+"
    r"(?:mutu\s+|pelayanan\s+)?"
    r"[\"“(]?(?P<cat>sangat\s+baik|kurang\s+baik|tidak\s+baik|baik|[ABCD](?![\w-]))",
    re.I,
)
_PAREN_CATEGORY = re.compile(
    r"\b(?:mutu|kategori|predikat|grade)\s+[ABCD]\s*\(\s*(?P<cat>sangat\s+baik|kurang\s+baik|"
    r"tidak\s+baik|baik)\s*\)",
    re.I,
)
_MUTU_CONTEXT = re.compile(r"mutu\s+pelayanan|unit\s+pelayanan|kepuasan|SKM|IPK|IKI", re.I)
_IKM = re.compile(r"\bIKM\b", re.I)
_NOT_MUTU = re.compile(r"IKPA|SAKIP|reformasi\s+birokrasi|akuntabilitas|opini|WTP", re.I)
_RANGE = re.compile(r"\d\s*[-–—]\s*\d|\bs\.?d\.?\b|sampai", re.I)
# "37,5% atau ada 5 RSUD": a percentage restated as a count right after it.
_SHARE_LINK = re.compile(
    r"\s*\)?\s*(?:atau|yaitu|yakni)\s+(?:(?:ada|setara|dengan|sebanyak|sejumlah|sekitar)\s+)*",
    re.I,
)
# The whole a count is a share of: "dari 14 RSUD", "terdapat 14 RSUD", "total 14 RSUD".
_WHOLE_LEAD = re.compile(r"\b(?:dari|terdapat|total|seluruh|sebanyak|jumlah)\s+$", re.I)
_UNIT = re.compile(
    r"\s+(?P<unit>[A-Za-z][\w-]*(?:\s+(?!(?:yaitu|yakni|yang|dan|atau|dari|di)\b)\w+){0,2})"
)
# The class a counted thing ends with ("RSUD kelas C", "Puskesmas tipe II").
_CLASS = re.compile(r"[A-D]|[IVX]{1,4}|\d")
# Words after a number that make it an amount or a time span, not a count of things.
_NOT_COUNTED = {
    "persen", "ribu", "juta", "miliar", "milyar", "triliun", "tahun", "bulan", "hari", "jam",
    "kali", "poin", "point", "rp", "rupiah", "kh", "per",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim before it becomes a fact row."""

    kind: str
    stated: Stated
    place: str
    page: int
    raw: str
    key: str | None = None
    a: Stated | None = None
    b: Stated | None = None
    direction: str | None = None
    entity: str | None = None
    category: str | None = None
    year: int | None = None
    name: str | None = None
    others: tuple[Stated, ...] = ()

    def row(self) -> dict[str, object]:
        """The fact row of this claim."""
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "place": self.place,
            "year": self.year,
            "stated": self.stated,
            "a": self.a,
            "b": self.b,
            "direction": self.direction,
            "entity": self.entity,
            "category": self.category,
            "others": self.others,
            "page": self.page,
            "bbox": self.stated.bbox,
            "raw": self.raw,
        }


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence holding ``pos`` (numbers' decimal marks do not end one)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos)
    return start, end_match.start() if end_match else len(text)


class _Reader:
    """Claims over one analysed document."""

    def __init__(self, ctx: Context, statements: list[Statement]) -> None:
        self.ctx = ctx
        self.text = ctx.stream.text
        self.statements = statements
        self.figures = [n for n in ctx.stream.numbers if not n.is_year]
        self.industry_ikm = industry_ikm(self.text)

    def place(self, pos: int) -> str | None:
        item = self.ctx.stream.at(pos)
        return None if item.in_table else PROSE_PLACES.get(item.section)

    def claim(self, kind: str, num: Num, **fields: object) -> Claim | None:
        place = self.place(num.start)
        if place is None:
            return None
        stream = self.ctx.stream
        key = fields.get("key")
        if isinstance(key, str):
            fields["name"] = self.ctx.names.name(key)
        return Claim(
            kind=kind,
            stated=stream.located(num),
            place=place,
            page=stream.at(num.start).line.page,
            raw=stream.at(num.start).line.text,
            year=self.ctx.year,
            **fields,  # type: ignore[arg-type]
        )

    def realisasi_before(self, key: str, pos: int, entity: str | None = None) -> Stated | None:
        """The office's own value of ``key`` as last stated before ``pos``.

        A comparison row naming the same other unit wins (it is the table the sentence
        summarises); otherwise the latest realisation stated in the same chapter.
        """
        same = [s for s in self.statements if s.key == key and s.realisasi is not None]
        if entity:
            rows = [
                s for s in same if s.place == "bab3-comparison" and entity_kind(s.entity) == entity
            ]
            if rows:
                return min(rows, key=lambda s: abs(s.pos - pos)).realisasi
        section = self.ctx.stream.at(pos).section
        before = [
            s
            for s in same
            if s.pos < pos
            and self.ctx.stream.at(s.pos).section == section
            and s.place != "bab3-comparison"
        ]
        return before[-1].realisasi if before else None

    def other_values(self, key: str, chosen: Stated) -> tuple[Stated, ...]:
        """The indicator's other realisations this year (the text may disagree with itself)."""
        found: list[Stated] = []
        for s in self.statements:
            value = s.realisasi
            if s.key != key or value is None or s.year not in (None, self.ctx.year):
                continue
            if value.value != chosen.value and all(v.value != value.value for v in found):
                found.append(value)
        return tuple(found)

    def subject(self, start: int, pos: int) -> str | None:
        """The indicator a claim in the sentence from ``start`` to ``pos`` is about.

        A name in the sentence itself; else, for a numbered list item ("2. Dibandingkan
        ..."), the indicator with that number in the same chapter; else the last one named
        just before the sentence.
        """
        inside = [k for p, k in self.ctx.mentions if start <= p < pos]
        if inside:
            return inside[-1]
        number = re.match(r"\s*(\d{1,2})[.)]\s", self.text[start : start + 6]) or re.search(
            r"(?:^|\s)(\d{1,2})[.)]\s*$", self.text[max(0, start - 6) : start]
        )
        if number:
            section = self.ctx.stream.at(start).section
            keys: list[str] = []
            for s in self.statements:
                if self.ctx.stream.at(s.pos).section == section and s.key not in keys:
                    keys.append(s.key)
            index = int(number.group(1)) - 1
            return keys[index] if 0 <= index < len(keys) else None
        return self.ctx.mention_before(start, reach=800)

    def growth(self) -> Iterator[Claim]:
        for num in self.figures:
            if not num.stated.is_percent:
                continue
            if not _GROWTH.search(self.text[max(0, num.start - 40) : num.start]):
                continue
            start, _ = _sentence(self.text, num.start)
            window = self.text[start : num.start]
            earlier = self._earlier(start, num.start)
            key = self.subject(start, num.start)
            if key is None:
                continue
            if earlier is None:
                # "Naik 6,3 %: realisasi 80,00 tahun 2023 dibanding 77,80 tahun 2022",
                # "Peningkatan 2,1 % terjadi dari 80,05 pada 2022 ke 81,75 pada 2023".
                earlier, current = self._years_after(num)
            else:
                current = (
                    self._current(start, num.start)
                    or self._moved_to(earlier.end, num.start)
                    or self.realisasi_before(key, start + 1)
                )
            if earlier is None:
                continue
            if current is None:
                continue
            lead = window + self.text[max(0, num.start - 40) : num.start]
            down = bool(re.search(r"turun|menurun|penurunan|berkurang|susut", lead, re.I))
            claim = self.claim(
                "growth",
                num,
                key=key,
                a=self.ctx.stream.located(earlier),
                b=current,
                direction="down" if down else "up",
                others=self.other_values(key, current),
            )
            if claim:
                yield claim

    def growth_from_last_year(self) -> Iterator[Claim]:
        """A change "from last year's realisation" whose earlier value only a table gives.

        Both values come from the indicator's own statements, each the one value stated for
        its year; a figure equal to one of the indicator's values names it, not a change.
        """
        year = self.ctx.year
        for num in self.figures:
            lead = self.text[max(0, num.start - 120) : num.start]
            match = _GROWTH_FROM.search(lead)
            if year is None or match is None or int(match["y"]) != year - 1:
                continue
            start, _ = _sentence(self.text, num.start)
            key = self.subject(start, num.start)
            earlier = self._only_realisasi(key, year - 1)
            current = self._only_realisasi(key, year)
            if earlier is None or current is None or self._names_a_value(num, key, year):
                continue
            down = match["dir"].lower() in ("turun", "menurun", "penurunan")
            claim = self.claim(
                "growth", num, key=key, a=earlier, b=current, direction="down" if down else "up"
            )
            if claim:
                yield claim

    def _names_a_value(self, num: Num, key: str | None, year: int) -> bool:
        """The figure is one of the indicator's own values of this or last year (its target,
        realisation or capaian): the sentence names that value, not a change."""
        return any(
            agrees(num.stated, value.value)
            for s in self.statements
            if s.key == key and s.year in (year, year - 1)
            for value in (s.target, s.realisasi, s.capaian)
            if value is not None
        )

    def _only_realisasi(self, key: str | None, year: int) -> Stated | None:
        """The realisation of ``key`` in ``year`` when every statement gives the same one."""
        found = {
            s.realisasi.value: s.realisasi
            for s in self.statements
            if s.key == key and s.year == year and s.realisasi is not None
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _years_after(self, growth: Num) -> tuple[Num | None, Stated | None]:
        """The earlier and this year's values named after a growth rate in its sentence (a
        colon does not end it), each with its year right after it."""
        _, end = _sentence(self.text, growth.start)
        if self.text.startswith(":", end):
            end = _sentence(self.text, end + 1)[1]
        by_year: dict[int, Num] = {}
        for num in [n for n in self.figures if growth.end <= n.start < end]:
            match = _YEAR_NAMED_AFTER.match(self.text, num.end)
            if match and not num.stated.is_percent:
                by_year.setdefault(int(match["y"]), num)
        earlier = [y for y in by_year if self.ctx.year is not None and y < self.ctx.year]
        if not earlier or self.ctx.year not in by_year:
            return None, None
        return by_year[max(earlier)], self.ctx.stream.located(by_year[self.ctx.year])

    def _current(self, start: int, end: int) -> Stated | None:
        """This year's value when the sentence names it ("Realisasi tahun 2023 sebesar 3,70")."""
        for num in [n for n in self.figures if start <= n.start < end]:
            lead = self.text[max(start, num.start - 40) : num.start]
            match = _EARLIER.search(lead)
            if match and not num.stated.is_percent and int(match["y"]) == self.ctx.year:
                return self.ctx.stream.located(num)
        return None

    def _moved_to(self, start: int, end: int) -> Stated | None:
        """The value a change went to, named after the earlier one ("dari 3,76 menjadi 3,92",
        "dari 3,76 (tahun 2022) ke 3,92")."""
        for num in [n for n in self.figures if start <= n.start < end]:
            lead = self.text[max(start, num.start - 12) : num.start]
            if not num.stated.is_percent and _MOVED_TO.search(lead):
                return self.ctx.stream.located(num)
        return None

    def _earlier(self, start: int, end: int) -> Num | None:
        """The previous year's value named between ``start`` and ``end``, its year before it
        ("tahun 2022 sebesar 3,76") or after it ("3,76 (tahun 2022)")."""
        year = self.ctx.year
        for num in reversed([n for n in self.figures if start <= n.start < end]):
            lead = self.text[max(start, num.start - 40) : num.start]
            match = _EARLIER.search(lead) or _YEAR_AFTER.match(self.text, num.end)
            if match and not num.stated.is_percent and (year is None or int(match["y"]) < year):
                return num
        return None

    def differences(self) -> Iterator[Claim]:
        for num in self.figures:
            if num.stated.is_percent:
                continue
            match = _DIFFERENCE.search(self.text[max(0, num.start - 40) : num.start])
            if not match or not _POINTS_AFTER.match(self.text[num.end : num.end + 12]):
                continue
            start, end = _sentence(self.text, num.start)
            named = [
                n
                for n in self.figures
                if start <= n.start < end and n is not num and not n.stated.is_percent
            ]
            key = self.subject(start, num.start)
            if key is None or not 1 <= len(named) <= 2:
                continue
            own, other = self._own_and_other(key, named)
            if other is None:
                continue
            entity = entity_kind(self.text[max(start, other.start - 160) : other.start]) or (
                entity_kind(self.text[start:end])
            )
            own = own or self.realisasi_before(key, num.start, entity)
            if own is None:
                continue
            down = match["dir"].lower() in ("kecil", "rendah")
            claim = self.claim(
                "difference",
                num,
                key=key,
                a=self.ctx.stream.located(other),
                b=own,
                direction="down" if down else "up",
                entity=entity,
                others=self.other_values(key, own),
            )
            if claim:
                yield claim

    def _own_and_other(self, key: str, named: list[Num]) -> tuple[Stated | None, Num | None]:
        """Of the values a comparison names, the office's own (a known realisation of ``key``)
        and the other unit's; with one value named, it is the other unit's."""
        if len(named) == 1:
            return None, named[0]
        known = {s.realisasi.value for s in self.statements if s.key == key and s.realisasi}
        mine = [n for n in named if n.stated.value in known]
        if len(mine) != 1:
            return None, None
        other = next(n for n in named if n is not mine[0])
        return self.ctx.stream.located(mine[0]), other

    def ratios(self) -> Iterator[Claim]:
        """Capaian formulas, and capaian against another year's target."""
        stream = self.ctx.stream
        for match in _FORMULA.finditer(self.text):
            nums = {n.start: n for n in self.figures if match.start() <= n.start < match.end()}
            a, b, c = (nums.get(match.start(g)) for g in ("a", "b", "c"))
            if a is None or b is None or c is None:
                continue
            claim = self.claim(
                "ratio",
                c,
                key=self.ctx.mention_before(match.start(), reach=200),
                a=stream.located(a),
                b=stream.located(b),
                direction="formula",
            )
            if claim:
                yield claim
        for s in self.statements:
            if s.other_year and s.capaian is not None and s.realisasi and s.target:
                # A table row's second pair is checked in the indicator's known direction.
                yield Claim(
                    kind="renstra" if s.derived else "ratio",
                    stated=s.capaian,
                    place=s.place,
                    page=s.capaian.page or s.page,
                    raw=s.raw,
                    key=s.key,
                    name=s.name,
                    a=s.realisasi,
                    b=s.target,
                    direction=s.direction
                    if s.derived
                    else ("lower" if s.lower_is_better else "higher"),
                    year=s.year if s.derived else self.ctx.year,
                )

    def averages(self) -> Iterator[Claim]:
        for num in self.figures:
            if num.stated.is_percent and _AVERAGE.search(
                self.text[max(0, num.start - 80) : num.start]
            ):
                claim = self.claim("average", num)
                if claim:
                    yield claim

    def mutu(self) -> Iterator[Claim]:
        seen: set[int] = set()
        for match in _CATEGORY.finditer(self.text):
            start, end = self._mutu_window(match.start())
            if start in seen or self.place(match.start()) is None:
                continue
            values = self._on_scale_values(start, end)
            if not values and self.text.startswith(":", end):
                # "Mutu pelayanan B, kategori Baik: itulah arti nilai IKM 87,25": the value
                # is named in the clause after the colon.
                end = _sentence(self.text, end + 1)[1]
                values = self._on_scale_values(start, end)
            sentence = self.text[start:end]
            if _RANGE.search(sentence) or _NOT_MUTU.search(sentence):
                continue
            ikm = _IKM.search(sentence) and survey_ikm(sentence, self.industry_ikm)
            if not (_MUTU_CONTEXT.search(sentence) or ikm):
                continue
            if len({n.stated.value for n in values}) != 1:
                continue
            categories = [m["cat"] for m in _CATEGORY.finditer(sentence)]
            categories += [m["cat"] for m in _PAREN_CATEGORY.finditer(sentence)]
            seen.add(start)
            claim = self.claim(
                "mutu",
                values[0],
                key=self.ctx.mention_before(values[0].start, reach=300),
                category="; ".join(categories),
            )
            if claim:
                yield claim

    def shares(self) -> Iterator[Claim]:
        """A percentage restated as a count, with the whole counted in the same sentence.

        Only when the sentence counts the same thing once more, as a whole ("dari 14 RSUD",
        "terdapat 14 RSUD") larger than the count: otherwise what the percentage is a share of
        is not sure.
        """
        figures = self.figures
        for index, num in enumerate(figures[:-1]):
            part = figures[index + 1]
            if not num.stated.is_percent or not _count(part.stated):
                continue
            if not _SHARE_LINK.fullmatch(self.text, num.end, part.start):
                continue
            unit = _unit(self.text, part.end)
            if unit is None:
                continue
            start, end = _sentence(self.text, num.start)
            counted = {
                n.stated.value: n
                for n in figures
                if start <= n.start < end
                and n is not part
                and _count(n.stated)
                and _same_thing(_unit(self.text, n.end), unit)
            }
            if len(counted) != 1:
                continue
            whole = next(iter(counted.values()))
            lead = self.text[max(start, whole.start - 12) : whole.start]
            if whole.stated.value <= part.stated.value or not _WHOLE_LEAD.search(lead):
                continue
            stream = self.ctx.stream
            claim = self.claim(
                "share", num, a=stream.located(part), b=stream.located(whole), name=unit
            )
            if claim:
                yield claim

    def _on_scale_values(self, start: int, end: int) -> list[Num]:
        return [
            n
            for n in self.figures
            if start <= n.start < end and not n.stated.is_percent and _on_scale(n.stated)
        ]

    def _mutu_window(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, without table rows printed right above it."""
        start, end = _sentence(self.text, pos)
        stream = self.ctx.stream
        first, here = stream.index(start), stream.index(pos)
        for i in range(here, first - 1, -1):
            line = stream.placed[i].line.text
            if _RANGE.search(line) or len(find_numbers(line)) >= 3:
                start = max(start, stream.starts[i] + len(line) + 1)
                break
        return start, end


def _count(value: Stated) -> bool:
    """A whole number of things (not a percentage, not a decimal)."""
    return not value.is_percent and value.decimals == 0 and value.value > 0


def _unit(text: str, pos: int) -> str | None:
    """The thing counted by the number ending at ``pos`` ("RSUD kelas C"), if it is one."""
    match = _UNIT.match(text, pos)
    if match is None or match["unit"].split()[0].lower() in _NOT_COUNTED:
        return None
    return match["unit"]


def _same_thing(unit: str | None, other: str) -> bool:
    """Two counts of the same thing: the same first word after the numbers, and the same
    class where both name one ("RSUD kelas C", "RSUD klasifikasi C")."""
    if unit is None or unit.split()[0].lower() != other.split()[0].lower():
        return False
    classes = [_CLASS.fullmatch(u.split()[-1]) for u in (unit, other) if len(u.split()) > 1]
    return len(classes) < 2 or not all(classes) or classes[0][0] == classes[1][0]


def _on_scale(value: Stated) -> bool:
    """A value on the 1–4 or the 25–100 scale of the quality interval table."""
    return 1 <= value.value <= 4 or 25 <= value.value <= 100


def find_claims(ctx: Context, statements: list[Statement]) -> list[Claim]:
    """Every claim of the document, in reading order."""
    reader = _Reader(ctx, statements)
    claims = [
        *reader.growth(),
        *reader.growth_from_last_year(),
        *reader.differences(),
        *reader.ratios(),
        *reader.averages(),
        *reader.mutu(),
        *reader.shares(),
    ]
    return claims


COLUMNS = [
    "kind", "key", "name", "place", "year", "stated", "a", "b", "direction", "entity",
    "category", "others", "page", "bbox", "raw",
]  # fmt: skip


@recognizer("claims")
def recognize_claims(doc: DocumentText, meta: DocumentMeta) -> dict[str, pd.DataFrame]:
    """The ``claims`` fact table."""
    ctx, statements = analyse(doc, meta)
    rows = [c.row() for c in find_claims(ctx, statements)]
    return {"claims": pd.DataFrame(rows, columns=COLUMNS)}
