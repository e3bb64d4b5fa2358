"""``own-scale``: a capaian's rating ("Baik", "SB") must be the band the report's own scale
gives it.

The scale is the one the report prints (``rating_scale`` facts); without one, or when a
rating word is not one of the scale's, the check abstains rather than guess which scale the
office meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lkjip_audit.facts import Facts
from lkjip_audit.findings import Place
from lkjip_audit.numbers import Stated, format_number
from lkjip_audit.rules.checks.indicators import fact_records
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.registry import Hit, NoParams, RuleContext, abstain, check_kind


def _squashed(text: str) -> str:
    """Lower case without spaces or brackets: "Sangatbaik", "(SB)" and "sangat baik" compare."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _band_text(band: dict[str, Any]) -> str:
    name = str(band["name"]).title()
    return f"{name} ({band['abbr']})" if band.get("abbr") else name


def _range_text(band: dict[str, Any]) -> str:
    lo, hi = band.get("lo"), band.get("hi")
    if lo is None:
        return f"< {format_number(hi, None)}%"
    if hi is None:
        return f"≥ {format_number(lo, None)}%"
    return f"{format_number(lo, None)}–{format_number(hi, None)}%"


def _named_band(rating: str, bands: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The band ``rating`` names, by its name or its abbreviation."""
    words = _squashed(rating)
    for band in bands:
        if words in (_squashed(band["name"]), _squashed(band.get("abbr") or "")):
            return band
    return None


def fitting_bands(value: Stated, bands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bands a printed capaian lies in, looked up as the report would: by its printed
    figure.

    A band printed up to just below the next one ("60 s/d 79 %" under "80 s/d 100 %": whole
    percents) runs up to the next band's start, which belongs to the next band only: 79,6
    is Baik, 80 Sangat Baik. Bands printed as touching ("60 - 80 %", "80 - 100 %") leave
    their shared bound to both, so a value on it fits either side.
    """
    figure = value.value
    fitting = []
    for i, band in enumerate(bands):
        lo, own_hi = band.get("lo"), band.get("hi")
        next_lo = bands[i + 1].get("lo") if i + 1 < len(bands) else None
        if next_lo is None:
            below_top = own_hi is None or figure <= own_hi
        elif own_hi is not None and own_hi < next_lo:
            below_top = figure < next_lo
        else:
            below_top = figure <= next_lo
        if (lo is None or figure >= lo) and below_top:
            fitting.append(band)
    return fitting


@check_kind("own-scale")
def own_scale(rule: Rule[NoParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """A rated capaian must carry the rating of the band it falls in on the report's scale.

    Message values: ``name``, ``capaian``, ``rating``, ``expected``, ``range``, ``scale_page``.
    """
    bands = fact_records(facts, "rating_scale")
    if not bands:
        return
    for row in fact_records(facts, "indicators"):
        capaian, rating = row.get("capaian"), row.get("rating")
        if not isinstance(capaian, Stated) or not rating:
            continue
        named = _named_band(str(rating), bands)
        fitting = fitting_bands(capaian, bands)
        page, bbox = capaian.page or int(row["page"]), capaian.bbox or row["bbox"]
        if named is None or not fitting:
            yield abstain(
                page,
                bbox,
                row["raw"],
                "predikat atau capaian di luar skala penilaian laporan",
                "the rating or the capaian is outside the report's rating scale",
            )
            continue
        if any(band is named for band in fitting):
            continue
        expected = " / ".join(_band_text(b) for b in fitting)
        yield Hit(
            page=page,
            bbox=bbox,
            evidence=row["raw"],
            values={
                "name": row.get("name") or row.get("key") or "",
                "capaian": capaian,
                "rating": str(rating),
                "expected": expected,
                "range": " / ".join(_range_text(b) for b in fitting),
                "scale_page": int(bands[0]["page"]),
            },
            stated=str(rating),
            expected=expected,
            related=tuple(Place(int(b["page"]), b["bbox"], str(b["raw"])) for b in fitting),
        )
