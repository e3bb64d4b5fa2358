"""Statements from narrative sentences: a realisation near the word "target" and its target.

"memperoleh hasil sebesar 3,87 dari target 3,25 atau 100%", "target ... sebesar 3,13 ...
capaian sebesar 100%"; and a realisation stated alone ("realisasi ... adalah sebesar 3,96").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.indicators.context import (
    REFERS_BACK,
    Context,
    Statement,
    sentence_start,
)
from lkjip_audit.recognize.indicators.places import prose_place
from lkjip_audit.recognize.indicators.stream import Num

# The text says an indicator is better when smaller (a waiting time, a count of complaints).
_LOWER_BETTER = re.compile(
    r"semakin\s+(kecil|rendah|sedikit|cepat|singkat)\b[^.]{0,40}\bsemakin\s+baik|"
    r"(lebih\s+)?(rendah|kecil)\s+(lebih|semakin)\s+baik|lower\s+is\s+better|"
    r"target\s+dibagi\s+(dengan\s+)?realisasi",
    re.I,
)
_TARGET_WORD = re.compile(r"\btarget(?:nya)?\b", re.I)
# The next item of a list: a name before it is another item's.
_LIST_ITEM = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z])[.)]\s")
# Between "target" and its figure when the sentence gives the target alone ("sudah mencapai
# target (targetnya 91%)", "target tahun 2016 sebesar 91%"): nothing but these words.
_TARGET_ALONE = re.compile(
    r"^\s*(?:tahun\s+(?:19|20)\d\d\s*)?(?:yang\s+ditetapkan\s*)?(?:sebesar|adalah|yaitu|:)?\s*$",
    re.I,
)
_REALISED_AFTER_TARGET = re.compile(
    r"\b(realisasi(nya)?|terealisasi|tercapai|mencapai|dicapai|tercatat)\b", re.I
)
_REALISED_BEFORE = re.compile(
    r"(sebesar|adalah|mencapai|hasil|realisasi|terealisasi|tercatat|memperoleh|diperoleh|"
    r"yaitu|nilai|menjadi|angka|menghasilkan|dicapai|diraih|:)\s*(\(|\[)?\s*$",
    re.I,
)
_CAPAIAN_BEFORE = re.compile(
    r"(atau|capaian|capaiannya|sehingga|dengan|kinerjanya)\b[^.\d]{0,45}$", re.I
)
# A quarter's or a month's figure is not the year's.
_PART_OF_YEAR = re.compile(
    r"\b(triwulan|semester|tw\s*[1-4iv]+|bulan|januari|februari|maret|april|mei|juni|juli|"
    r"agustus|september|oktober|november|desember)\b",
    re.I,
)
# A medium-term (Renstra) target, not this year's.
_NOT_THIS_YEAR_TARGET = re.compile(r"jangka\s+menengah|renstra|rencana\s+strategis", re.I)
# The widest gap, in characters, between figures read as one statement.
_GAP = 80
_REALISASI_WORD = re.compile(r"\b(realisasi|terealisasi)\b", re.I)
# Up to the value, no other figure (a year may be named: "pada tahun 2023 adalah 3,96").
_REALISASI_VALUE = re.compile(
    r"^(?:[^.\d]|(?:19|20)\d\d\b){0,120}?\b(sebesar|adalah|mencapai|yaitu|tercatat|menjadi)\s*$",
    re.I,
)
# A sentence ends, unless the next one refers back to its figure ("Nilai ini ...").
_NEW_SENTENCE = re.compile(rf"[.;]\s+(?!{REFERS_BACK.pattern})")


def _years_ok(text: str, year: int | None) -> bool:
    """No year other than the report's is named in ``text``."""
    named = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    return not named or (year is not None and named <= {year})


def prose_statements(ctx: Context) -> Iterator[Statement]:
    """Statements from sentences naming a realisation and its target (either order).

    A target of another year (the Renstra's medium-term target) gives a statement marked
    ``other_year``: its capaian can be checked, but it is no statement of this year's target.
    """
    stream, text = ctx.stream, ctx.stream.text
    figures = stream.figures()
    for match in _TARGET_WORD.finditer(text):
        k = match.start()
        place = prose_place(stream.at(k))
        if place is None:
            continue
        target = next((n for n in figures if match.end() <= n.start <= match.end() + _GAP), None)
        if target is None or any(match.end() <= n.start < target.start for n in figures):
            continue
        realised = _realised(ctx, figures, k, target)
        if realised is None:
            alone = _target_alone(ctx, match, target)
            if alone is not None:
                yield alone
            continue
        first = min(k, realised.start)
        if _PART_OF_YEAR.search(text[max(0, first - 80) : first]):
            continue
        other_year = (
            not _years_ok(text[match.end() : target.start], ctx.year)
            or not _years_ok(text[max(0, first - 60) : first], ctx.year)
            or bool(_NOT_THIS_YEAR_TARGET.search(text[max(0, k - 80) : target.end]))
        )
        # The indicator is named before both figures, between the target and the
        # realisation ("Dari target 70,00, Nilai SAKIP terealisasi 77,99"), or after both
        # ("... dicapai oleh indikator ...").
        after = max(target.end, realised.end)
        key = (
            ctx.mention_in_sentence(first)
            or ctx.mention_in_sentence(realised.start)
            or ctx.mention_later_in_sentence(after)
        )
        if key is None:
            continue
        capaian = _capaian_after(ctx, figures, after) or _capaian_before(ctx, figures, first)
        yield _statement(
            ctx,
            key,
            place,
            realised,
            target=stream.located(target),
            capaian=stream.located(capaian) if capaian else None,
            lower_is_better=bool(_LOWER_BETTER.search(text[max(0, first - 400) : after])),
            other_year=other_year,
        )


def _target_alone(ctx: Context, match: re.Match[str], target: Num) -> Statement | None:
    """A sentence that names an indicator's target without a realisation next to it
    ("Capaian UCI ... sudah mencapai target (targetnya 91%)"); None unless the target's words
    lead straight to the figure, for the report year, and the sentence names the indicator."""
    text = ctx.stream.text
    gap = text[match.end() : target.start]
    lead = text[max(0, match.start() - 80) : match.start()]
    if (
        not _TARGET_ALONE.match(gap)
        or not _years_ok(gap, ctx.year)
        or not _years_ok(lead[-60:], ctx.year)
        or _PART_OF_YEAR.search(lead)
        or _NOT_THIS_YEAR_TARGET.search(lead + gap)
    ):
        return None
    mention = ctx.last_mention(match.start(), match.start() - sentence_start(text, match.start()))
    place = prose_place(ctx.stream.at(match.start()))
    if mention is None or place is None or _LIST_ITEM.search(text[mention[0] : match.start()]):
        return None
    key = mention[1]
    return _statement(ctx, key, place, target, target=ctx.stream.located(target), alone=True)


def _capaian_after(ctx: Context, figures: list[Num], after: int) -> Num | None:
    """The capaian percentage right after a statement's figures ("atau capaian sebesar 100%")."""
    text = ctx.stream.text
    return next(
        (
            n
            for n in figures
            if after <= n.start <= after + _GAP
            and n.stated.is_percent
            and _CAPAIAN_BEFORE.search(text[after : n.start])
            and not any(after <= m.start < n.start for m in figures)
        ),
        None,
    )


def _capaian_before(ctx: Context, figures: list[Num], first: int) -> Num | None:
    """The capaian stated before its figures: "Capaian ... adalah 100% (realisasi 3,87
    terhadap target 3,25)"."""
    text = ctx.stream.text
    start = sentence_start(text, first)
    before = [n for n in figures if start <= n.start and n.end <= first]
    if not before or not before[-1].stated.is_percent or first - before[-1].end > _GAP // 4:
        return None
    return before[-1] if re.search(r"\bcapaian\b", text[start : before[-1].start], re.I) else None


def realisasi_statements(ctx: Context, taken: set[int]) -> Iterator[Statement]:
    """Sentences stating a realisation without its target ("realisasi ... adalah sebesar 3,96").

    ``taken`` holds the positions of figures already read as part of a fuller statement.
    """
    stream, text = ctx.stream, ctx.stream.text
    figures = stream.figures()
    for match in _REALISASI_WORD.finditer(text):
        place = prose_place(stream.at(match.start()))
        if place is None:
            continue
        value = next((n for n in figures if match.end() <= n.start <= match.end() + 100), None)
        if value is None or value.start in taken or value.stated.is_percent:
            continue
        gap = text[match.end() : value.start]
        if not _REALISASI_VALUE.match(gap) or re.search(
            r"rata|target|anggaran|belanja|pnbp|rp", gap, re.I
        ):
            continue
        lead = text[max(0, match.start() - 60) : value.start]
        if not _years_ok(gap, ctx.year) or _PART_OF_YEAR.search(lead):
            continue
        key = ctx.mention_in_sentence(value.start)
        if key is None:
            continue
        yield _statement(ctx, key, place, value)


def _statement(
    ctx: Context,
    key: str,
    place: str,
    realised: Num,
    *,
    target: Stated | None = None,
    capaian: Stated | None = None,
    lower_is_better: bool = False,
    other_year: bool = False,
    alone: bool = False,
) -> Statement:
    """A narrative statement of ``key``, placed at its realisation ``realised`` (at its target
    when the target is stated ``alone``)."""
    line = ctx.stream.at(realised.start).line
    located = ctx.stream.located(realised)
    return Statement(
        name=ctx.names.name(key),
        key=key,
        place=place,
        year=ctx.year,
        page=line.page,
        bbox=located.bbox,
        raw=line.text,
        target=target,
        realisasi=None if alone else located,
        capaian=capaian,
        lower_is_better=lower_is_better,
        pos=realised.start,
        other_year=other_year,
    )


def _same_sentence(gap: str) -> bool:
    """No sentence ends in ``gap``, unless the next one refers back ("Nilai ini ...")."""
    return not _NEW_SENTENCE.search(gap)


def _realised(ctx: Context, figures: list[Num], k: int, target: Num) -> Num | None:
    """The realisation a "target" is compared with: just before it, or just after the target."""
    text = ctx.stream.text
    before = [n for n in figures if k - _GAP <= n.end <= k]
    if before:
        candidate = before[-1]
        lead = text[max(0, candidate.start - 30) : candidate.start]
        gap = text[candidate.end : k]
        same_kind = candidate.stated.is_percent == target.stated.is_percent
        if (
            same_kind
            and _REALISED_BEFORE.search(lead)
            and "target" not in gap.lower()
            and _same_sentence(gap)
        ):
            return candidate
    # After the target, the sentence may name the unit and the year before the realisation
    # ("Dari target ... sebesar 3,25, realisasi yang dicapai <unit> pada tahun 2023 adalah").
    after = [n for n in figures if target.end < n.start <= target.end + 2 * _GAP]
    if after:
        candidate = after[0]
        gap = text[target.end : candidate.start]
        same_kind = candidate.stated.is_percent == target.stated.is_percent
        if (
            same_kind
            and _REALISED_AFTER_TARGET.search(gap)
            and (candidate.start <= target.end + _GAP or _same_sentence(gap))
        ):
            return candidate
    return None


def lower_is_better_keys(ctx: Context) -> set[str]:
    """Indicators the text says are better when smaller ("semakin kecil ... semakin baik")."""
    keys = set()
    for match in _LOWER_BETTER.finditer(ctx.stream.text):
        key = ctx.mention_before(match.start(), reach=600)
        if key:
            keys.add(key)
    return keys
