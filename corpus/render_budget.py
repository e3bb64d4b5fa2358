"""Budget parts: the DIPA table of Bab II, Bab III B/C (realisasi, jenis belanja, PNBP, IKPA)."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from corpus.model import q2
from corpus.render_base import WriterBase


class BudgetSections(WriterBase):
    """DIPA, realisasi, jenis belanja, multi-year and PNBP tables and sentences."""

    REVENUE = "PNBP"
    """How the revenue the unit collects is named in its table."""

    def pnbp_sentence(self, prefix: str) -> Paragraph:
        b, y = self.r.budget, self.r.year
        ratio = q2(Decimal(b.pnbp_realisasi[y]) * 100 / b.pnbp_target[y])
        return self.say(
            "pnbp_ikhtisar",
            r=self.rp(f"{prefix}.r", b.pnbp_realisasi[y]),
            p=self.pct(f"{prefix}.p", ratio, 2),
            t=self.rp(f"{prefix}.t", b.pnbp_target[y]),
        )

    def budget_pk_table(self) -> Flowable:
        b = self.r.budget
        rows, bold = [["Program / Kegiatan", "Anggaran"]], []
        for i, prog in enumerate(b.programs):
            bold.append(len(rows))
            rows.append([escape(prog.name), self.rp(f"b2a.prog.{i}", prog.pagu)])
            for j, keg in enumerate(prog.kegiatan):
                rows.append(
                    [f"&nbsp;&nbsp;{escape(keg.name)}", self.rp(f"b2a.keg.{i}.{j}", keg.pagu)]
                )
        bold.append(len(rows))
        rows.append(["Total", self.rp("b2a.total", b.pagu)])
        return self.table(rows, [11.5, 4.5], "lr", bold_rows=bold)

    def anggaran(self) -> list[Flowable]:
        b, y = self.r.budget, self.r.year
        rows, bold = [["Program / Kegiatan", "Pagu", "Realisasi", "%"]], []

        def line(key: str, name: str, pagu: int, real: int) -> list[str]:
            pct = q2(Decimal(real) * 100 / pagu)
            return [
                name,
                self.rp(f"{key}.pagu", pagu),
                self.rp(f"{key}.real", real),
                self.pct(f"{key}.pct", pct, 2),
            ]

        for i, prog in enumerate(b.programs):
            bold.append(len(rows))
            rows.append(line(f"rt.prog.{i}", escape(prog.name), prog.pagu, prog.realisasi))
            for j, keg in enumerate(prog.kegiatan):
                rows.append(line(f"rt.keg.{i}.{j}", escape(keg.name), keg.pagu, keg.realisasi))
        bold.append(len(rows))
        rows.append(line("rt.total", "Total", b.pagu, b.realisasi))
        out: list[Flowable] = [
            CondPageBreak(6 * cm),
            self.heading("B. Realisasi Anggaran", 1),
            *self.prose("anggaran", 2),
            self.table(rows, [6.4, 3.6, 3.6, 2.4], "lrrr", bold_rows=bold),
            Spacer(1, 0.4 * cm),
        ]
        years = sorted(b.history)
        hist = [["Kinerja Keuangan", *[f"Tahun {yy}" for yy in years]]]
        hist.append(["Total Pagu", *[self.rp(f"my.{yy}.pagu", b.history[yy][0]) for yy in years]])
        hist.append(["Realisasi", *[self.rp(f"my.{yy}.real", b.history[yy][1]) for yy in years]])
        hist.append(
            [
                "Capaian",
                *[
                    self.pct(
                        f"my.{yy}.pct", q2(Decimal(b.history[yy][1]) * 100 / b.history[yy][0]), 2
                    )
                    for yy in years
                ],
            ]
        )
        rows = [["Jenis Belanja", "Pagu", "Realisasi", "%"]]
        for i, j in enumerate(b.jenis):
            rows.append(line(f"jb.{i}", j.name, j.pagu, j.realisasi)[:4])
        rows.append(line("jb.total", "Jumlah", b.pagu, b.realisasi))
        pnbp = [["Uraian", *[f"Tahun {yy}" for yy in sorted(b.pnbp_target)]]]
        pnbp.append(
            [
                f"Target {self.REVENUE}",
                *[self.rp(f"pnbp.{yy}.t", t) for yy, t in sorted(b.pnbp_target.items())],
            ]
        )
        pnbp.append(
            [
                "Realisasi",
                *[self.rp(f"pnbp.{yy}.r", v) for yy, v in sorted(b.pnbp_realisasi.items())],
            ]
        )
        pnbp.append(
            [
                "Capaian",
                *[
                    self.pct(
                        f"pnbp.{yy}.pct",
                        q2(Decimal(b.pnbp_realisasi[yy]) * 100 / b.pnbp_target[yy]),
                        2,
                    )
                    for yy in sorted(b.pnbp_target)
                ],
            ]
        )
        budget_part = [
            self.p("Perbandingan realisasi anggaran dengan tahun sebelumnya:", "small"),
            self.table(hist, [4, 4, 4, 4], "lrrr"),
            Spacer(1, 0.3 * cm),
            self.p("Realisasi berdasarkan jenis belanja:", "small"),
            self.table(rows, [6.4, 3.6, 3.6, 2.4], "lrrr", bold_rows=(len(rows) - 1,)),
            Spacer(1, 0.3 * cm),
        ]
        pnbp_part = [
            self.say("pnbp_target", t=self.rp("pnbp.prose.t", b.pnbp_target[y])),
            self.table(pnbp, [4, 4, 4, 4], "lrrr"),
            Spacer(1, 0.3 * cm),
        ]
        out += (
            budget_part + pnbp_part if self.r.layout.budget_before_pnbp else pnbp_part + budget_part
        )
        return out + self.budget_score()

    def budget_score(self) -> list[Flowable]:
        """Section C: the assessment of the budget's execution (IKPA) and its category."""
        y = self.r.year
        return [
            self.heading("C. Capaian Kinerja Anggaran", 1),
            *self.prose("smart", 4),
            self.p(
                f"Berdasarkan penilaian tersebut, nilai akhir IKPA {escape(self.r.satker)} tahun "
                f"{y} adalah {self.f.val('ph.ikpa_nilai', self.f.num(self.r.ikpa, 2))} dan "
                f"dikategorikan {self.f.val('ph.ikpa', 'Sangat Baik')}."
            ),
        ]
