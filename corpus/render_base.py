"""Shared helpers of the report writer: styles, formatted and marked values, tables.

Every number goes through :meth:`corpus.render.Fmt.val` with a place key (e.g. ``b3t.ikm.c``,
the capaian of IKM in the Bab III table) so a defect can override exactly one place and the
renderer can record where it lands. Wording comes from :mod:`corpus.wording`, chosen by a
``random.Random`` seeded from the report, so the same report always renders the same way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph

from corpus.model import Indicator, Person, Report, q2
from corpus.render import Fmt
from corpus.render_tables import Styles, make_styles
from corpus.wording import FILLER, PHRASES, filler, pick

MUTU = (
    (Decimal("3.5324"), "A", "Sangat Baik"),
    (Decimal("3.0644"), "B", "Baik"),
    (Decimal("2.60"), "C", "Kurang Baik"),
    (Decimal("1"), "D", "Tidak Baik"),
)


def mutu_of(value: Decimal) -> tuple[str, str]:
    """Quality letter and category of an IKM-scale value."""
    return next((letter, cat) for low, letter, cat in MUTU if value >= low)


class WriterBase:
    """State and small helpers shared by the section writers."""

    def __init__(
        self, report: Report, toc: tuple[tuple[int, str, str], ...], grid: Callable[..., Flowable]
    ) -> None:
        self.r = report
        self.f = Fmt(report)
        self.s: Styles = make_styles(report.layout.font_size)
        self.rng = random.Random(report.seed * 7919 + 17)
        self.toc = toc
        # The family's sentence variants and background prose (see corpus.wording).
        self.phrases: Mapping[str, Sequence[str]] = PHRASES
        self.fillers: Mapping[str, Sequence[str]] = FILLER
        self.ruled = report.layout.ruled
        # The table builder is passed in so callers can observe every table drawn.
        self.grid = grid
        self.vals = {
            "satker": report.satker,
            "year": str(report.year),
            "region": report.region,
            "city": report.city,
            "kode": report.kode_satker,
        }

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, getattr(self.s, style))

    def prose(self, kind: str, count: int) -> list[Flowable]:
        return [self.p(escape(t)) for t in filler(self.rng, kind, count, self.fillers, **self.vals)]

    def pick(self, kind: str, **values: str) -> str:
        """A variant of sentence ``kind`` of this document's family, filled with ``values``."""
        return pick(self.rng, kind, self.phrases, **values)

    def say(self, kind: str, style: str = "body", **values: str) -> Paragraph:
        """A sentence of ``kind``; ``values`` are already markup (escaped/marked)."""
        return self.p(self.pick(kind, **{**self._esc_vals(), **values}), style)

    def _esc_vals(self) -> dict[str, str]:
        return {k: escape(v) for k, v in self.vals.items()}

    def heading(self, text: str, level: int, key: str | None = None) -> Paragraph:
        markup = self.f.val(key, text) if key else escape(text)
        para = self.p(markup, "h1" if level == 0 else "h2")
        para.toc = (level, text)
        return para

    def idx(self, key: str, value: Decimal, places: int = 2) -> str:
        return self.f.val(key, self.f.idx(value, places))

    def pct(self, key: str, value: Decimal, places: int | None = None) -> str:
        places = self.r.layout.capaian_decimals if places is None else places
        return self.f.val(key, self.f.pct(value, places))

    def rp(self, key: str, amount: int) -> str:
        return self.f.val(key, self.f.rp(amount))

    def nip(self, key: str, nip: str) -> str:
        text = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if self.r.layout.nip_spaced else nip
        return f"NIP. {self.f.val(key, text)}"

    def table(self, rows, widths, align, **kw) -> Flowable:
        return self.grid(
            self.s, rows, [w * cm for w in widths], ruled=self.ruled, align=align, **kw
        )

    def value_text(self, ind: Indicator, value: Decimal) -> str:
        return self.f.idx(value) if ind.unit == "indeks" else self.f.num(value, 2)

    def pk_target_rows(self, prefix: str) -> list[list[str]]:
        """The PK target table (header and one row per indicator); ``prefix`` names the
        place of its values ("pk2" in Bab II, "lpk" in the lampiran) for defect injection."""
        r = self.r
        rows = [["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"]]
        for i, ind in enumerate(r.indicators, 1):
            target = self.ival(f"{prefix}.{ind.key}.t", ind, ind.target[r.year])
            rows.append([str(i), escape(ind.sasaran), escape(ind.name), f"{target} {ind.unit}"])
        return rows

    def ival(self, key: str, ind: Indicator, value: Decimal) -> str:
        return self.f.val(key, self.value_text(ind, value))

    def capaian(self, ind: Indicator, year: int | None = None) -> Decimal:
        return ind.capaian(year or self.r.year, self.r.layout.capaian_decimals)

    # ---- front matter --------------------------------------------------------------
    def signature(self, place_date: bool, role: str, person: Person, key: str) -> Flowable:
        """A signature block; ``role`` lines are separated by newlines."""
        lines = []
        if place_date:
            lines.append(
                f"{escape(self.r.city)}, {self.rng.randint(3, 28)} Januari {self.r.year + 1}"
            )
        lines += [escape(line) for line in role.split("\n")]
        lines += ["<br/><br/>", f"<b>{escape(person.name)}</b>"]
        lines.append(self.nip(key, person.nip))
        return Paragraph("<br/>".join(lines), self.s.cells["l"])

    def growth(self, ind: Indicator, key: str) -> str | None:
        """The growth claim against last year, computed from the printed values."""
        y = self.r.year
        now, before = ind.realisasi[y], ind.realisasi[y - 1]
        if not ind.higher_is_better or now == before:
            return None
        g = q2(abs(now - before) * 100 / before, 1)
        return self.pick(
            "growth_up" if now > before else "growth_down",
            year=str(y),
            r=self.value_text(ind, now),
            py=str(y - 1),
            rp=self.value_text(ind, before),
            g=self.f.val(key, self.f.pct(g, 1)),
        )

    # ---- chapters ------------------------------------------------------------------
