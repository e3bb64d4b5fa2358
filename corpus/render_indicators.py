"""Bab III A: the capaian table and, per indicator, its survey, narrative and comparisons."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from corpus.model import MONTHS, UNSUR_SKM, Indicator, q2
from corpus.render_base import WriterBase, mutu_of

QUARTERS = ("I", "II", "III", "IV")


class IndicatorSections(WriterBase):
    """Bab III: capaian per indicator (IKM survey grid, IPK, IKI, multi-year, comparisons)."""

    def bab3(self) -> list[Flowable]:
        r = self.r
        rows = [
            ["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian"]
        ]
        for ind in r.indicators:
            rows.append(
                [
                    escape(ind.sasaran),
                    escape(ind.name),
                    self.ival(f"b3t.{ind.key}.t", ind, ind.target[r.year]),
                    self.ival(f"b3t.{ind.key}.r", ind, ind.realisasi[r.year]),
                    self.pct(f"b3t.{ind.key}.c", self.capaian(ind)),
                ]
            )
        heading = self.p(f"A. Capaian Kinerja {self.f.val('ph.satker_heading', r.satker)}", "h2")
        heading.toc = (1, "A. Capaian Kinerja")
        out: list[Flowable] = [
            heading,
            *self.prose("latar", 1),
            self.table(rows, [4.2, 5.4, 2, 2.2, 2.2], "llrrr"),
        ]
        for n, ind in enumerate(r.indicators, 1):
            out.append(CondPageBreak(5 * cm))
            out.append(self.p(f"{n}. Indikator Kinerja Kegiatan {escape(ind.name)}", "h2"))
            out += getattr(self, f"detail_{ind.key}")(ind)
            out += self.indicator_common(ind)
            out += self.prose("keberhasilan", 3)
        out += self.anggaran()
        return out

    def detail_ikm(self, ind: Indicator) -> list[Flowable]:
        skm, f = self.r.skm, self.f
        layout = self.r.layout.skm_layout
        out = self.prose("survei", 2)
        out.append(self.p(self.unsur_sentence()))
        annual = q2(skm.annual())
        if layout == "triwulan9":
            out += self.skm_by_quarter()
        elif layout == "tahunan9":
            out.append(self.skm_annual_summary())
        elif self.r.layout.months_as_rows and layout == "bulan8":
            out += self.skm_by_month()
        else:
            out += self.skm_by_unsur()
        out.append(
            self.say(
                "skm_annual",
                v=self.idx("skma.sentence.v", annual),
                n=f.val("skma.sentence.n", str(skm.respondents)),
            )
        )
        if layout in ("bulan8", "bulan9"):
            rows = [["Unsur Layanan", "Nilai"]]
            rows += [
                [escape(u), self.idx(f"skma.{i}", q2(skm.annual_unsur(i)))]
                for i, u in enumerate(skm.labels)
            ]
            rows.append(["Nilai SKM", self.idx("skma.nilai", annual)])
            rows.append(["Responden", f.val("skma.n", str(skm.respondents))])
            out.append(self.table(rows, [7.5, 3], "lr", bold_rows=(len(skm.labels) + 1,)))
        out += self.mutu_block(ind, annual, with_table=True)
        return out

    def unsur_sentence(self) -> str:
        """How many unsur the survey asks about, and which."""
        labels = self.r.skm.labels
        return escape(
            f"Kuesioner SKM memuat {len(labels)} unsur pelayanan: {', '.join(labels[:-1])} "
            f"dan {labels[-1]}."
        )

    def skm_cells(self, m: int) -> list[str]:
        """The unsur values, Nilai SKM and respondents of month ``m``."""
        month = self.r.skm.months[m]
        return [
            *[self.idx(f"skm.{m}.{u}", q2(month.unsur(u))) for u in range(len(month.sums))],
            self.idx(f"skm.{m}.nilai", q2(month.nilai())),
            self.f.val(f"skm.{m}.n", str(month.respondents)),
        ]

    def skm_by_unsur(self) -> list[Flowable]:
        """The SKM grid as the seed prints it: unsur as rows, two tables of six months."""
        out: list[Flowable] = []
        labels = self.r.skm.labels
        for half in (range(6), range(6, 12)):
            columns = [self.skm_cells(m) for m in half]
            rows = [["Unsur Layanan", *[MONTHS[m] for m in half]]]
            names = [*(escape(u) for u in labels), "Nilai SKM", "Responden"]
            rows += [[label, *[col[i] for col in columns]] for i, label in enumerate(names)]
            out += [
                self.table(rows, [5.2] + [1.8] * 6, "lrrrrrr", bold_rows=(len(labels) + 1,)),
                Spacer(1, 0.3 * cm),
            ]
        return out

    def skm_by_month(self) -> list[Flowable]:
        """The SKM grid transposed: one row per month, unsur as (wrapped) columns."""
        head = ["Bulan", *UNSUR_SKM, "Nilai SKM", "Resp."]
        rows = [head] + [[MONTHS[m], *self.skm_cells(m)] for m in range(12)]
        return [
            self.table(rows, [1.4] + [1.5] * 8 + [1.4, 1.2], "l" + "r" * 10),
            Spacer(1, 0.3 * cm),
        ]

    def skm_by_quarter(self) -> list[Flowable]:
        """9 unsur × 4 quarters and the year: NRR per unsur, NRR tertimbang, IKM konversi
        (× 25), mutu and respondents."""
        skm, f = self.r.skm, self.f
        quarters = [skm.quarter(q) for q in range(4)]
        columns = [(f"skq.{q}", period) for q, period in enumerate(quarters)]
        rows = [["Unsur Pelayanan", *(f"Triwulan {r}" for r in QUARTERS), "Tahunan"]]
        for u, label in enumerate(skm.labels):
            cells = [self.idx(f"{key}.{u}", q2(period.unsur(u))) for key, period in columns]
            rows.append([escape(label), *cells, self.idx(f"skma.{u}", q2(skm.annual_unsur(u)))])
        values = [(key, period.nilai()) for key, period in columns] + [("skma", skm.annual())]
        rows.append(["NRR Tertimbang", *(self.idx(f"{key}.nilai", q2(v)) for key, v in values)])
        rows.append(["IKM Konversi", *(self.idx(f"{key}.konv", q2(v * 25)) for key, v in values)])
        rows.append(["Mutu Pelayanan", *(f.val(f"{key}.mutu", mutu_of(v)[0]) for key, v in values)])
        counts = [(key, period.respondents) for key, period in columns]
        counts.append(("skma", skm.respondents))
        rows.append(["Responden", *(f.val(f"{key}.n", str(n)) for key, n in counts)])
        return [
            self.table(rows, [5.6] + [2.0] * 5, "lrrrrr", bold_rows=(len(skm.labels) + 1,)),
            Spacer(1, 0.3 * cm),
        ]

    def skm_annual_summary(self) -> Flowable:
        """The year only: NRR, bobot 1/n (printed 0,111) and NRR tertimbang per unsur, then
        their sum, the konversi × 25, the mutu and the respondents."""
        skm, f = self.r.skm, self.f
        weight = q2(Decimal(1) / len(skm.labels), 3)
        rows = [["No", "Unsur Pelayanan", "NRR", "Bobot", "NRR Tertimbang"]]
        for u, label in enumerate(skm.labels):
            nrr = q2(skm.annual_unsur(u))
            rows.append(
                [
                    str(u + 1),
                    escape(label),
                    self.idx(f"skma.{u}", nrr),
                    f.idx(weight, 3),
                    self.idx(f"skma.{u}.t", q2(nrr * weight, 3), 3),
                ]
            )
        annual = skm.annual()
        rows.append(["", "Jumlah NRR Tertimbang", "", "", self.idx("skma.nilai", q2(annual))])
        rows.append(["", "IKM Konversi", "", "", self.idx("skma.konv", q2(annual * 25))])
        letter, name = mutu_of(annual)
        rows.append(["", "Mutu Pelayanan", "", "", f.val("skma.mutu", f"{letter} ({name})")])
        rows.append(["", "Responden", "", "", f.val("skma.n", str(skm.respondents))])
        return self.table(rows, [1, 8.5, 2, 2, 2.6], "llrrr")

    def mutu_block(self, ind: Indicator, value: Decimal, *, with_table: bool) -> list[Flowable]:
        out: list[Flowable] = []
        if with_table:
            rows = [["Nilai Persepsi", "Nilai Interval", "Mutu Pelayanan", "Kinerja Unit"]]
            rows += [
                ["1", "1,00 – 2,5996", "D", "Tidak Baik"],
                ["2", "2,60 – 3,064", "C", "Kurang Baik"],
                ["3", "3,0644 – 3,532", "B", "Baik"],
                ["4", "3,5324 – 4,00", "A", "Sangat Baik"],
            ]
            out += [Spacer(1, 0.3 * cm), self.table(rows, [3, 4, 3, 4], "cccl")]
        letter, cat = mutu_of(value)
        shown = self.f.val(f"mutu.{ind.key}", f"{cat}")
        out.append(self.say("mutu", abbr=ind.abbr, v=self.f.idx(value), letter=letter, cat=shown))
        return out

    def ipk_table(self, part, tag: str) -> Flowable:
        rows = [["No", "Nama Unsur", "Bobot (%)", "Nilai"]]
        for i, (name, bobot, nilai) in enumerate(part.unsur, 1):
            rows.append(
                [
                    str(i),
                    name,
                    self.f.val(f"ipk.{tag}.{i}.b", str(bobot)),
                    self.idx(f"ipk.{tag}.{i}.v", nilai),
                ]
            )
        rows.append(["", "Jumlah", str(sum(b for _, b, _ in part.unsur)), ""])
        return self.table(rows, [1.2, 7, 3, 3], "llrr")

    def detail_ipk(self, ind: Indicator) -> list[Flowable]:
        ipk, f = self.r.ipk, self.f
        n = ipk.internal.respondents + ipk.external.respondents
        out = self.prose("ipk", 2)
        out += [
            self.p("Unsur survei pihak internal:", "small"),
            self.ipk_table(ipk.internal, "int"),
            Spacer(1, 0.3 * cm),
            self.p("Unsur survei pihak eksternal:", "small"),
            self.ipk_table(ipk.external, "ext"),
            Spacer(1, 0.3 * cm),
            self.say(
                "ipk_parts",
                ni=f.val("ipk.int.n", str(ipk.internal.respondents)),
                ne=f.val("ipk.ext.n", str(ipk.external.respondents)),
                vi=self.idx("ipk.int.v", ipk.internal_value),
                ve=self.idx("ipk.ext.v", ipk.external_value),
            ),
            self.say(
                "ipk_total",
                "formula",
                ni=str(ipk.internal.respondents),
                vi=self.idx("ipk.formula.vi", ipk.internal_value),
                ne=str(ipk.external.respondents),
                ve=self.idx("ipk.formula.ve", ipk.external_value),
                n=str(n),
                v=self.idx("ipk.total.v", ipk.total),
            ),
        ]
        return out + self.mutu_block(ind, ipk.total, with_table=False)

    def detail_iki(self, ind: Indicator) -> list[Flowable]:
        out = self.prose("iki", 1)
        out.append(
            self.say(
                "iki_conversion",
                v100=self.f.val("iki.v100", self.f.num(self.r.iki100, 2)),
                v4=self.idx("iki.v4", self.r.iki),
            )
        )
        return out + self.mutu_block(ind, self.r.iki, with_table=False)

    def detail_waktu(self, ind: Indicator) -> list[Flowable]:
        return [
            self.p(
                "Indikator ini mengukur rata-rata jumlah hari kerja yang dibutuhkan sejak "
                "permohonan paspor dinyatakan lengkap sampai dengan paspor diterbitkan; "
                "semakin kecil nilainya, semakin baik kinerjanya, sehingga capaian dihitung "
                "sebagai target dibagi realisasi."
            )
        ]

    def indicator_common(self, ind: Indicator) -> list[Flowable]:
        r, y, k = self.r, self.r.year, ind.key
        a, b = ind.realisasi[y], ind.target[y]
        if not ind.higher_is_better:
            a, b = b, a
        out = [
            self.say(
                "realisasi_sentence",
                name=escape(ind.name),
                abbr=ind.abbr,
                r=self.ival(f"b3n.{k}.r", ind, ind.realisasi[y]),
                t=self.ival(f"b3n.{k}.t", ind, ind.target[y]),
            ),
            self.say(
                "capaian_formula",
                "formula",
                abbr=ind.abbr,
                a=self.value_text(ind, a),
                b=self.value_text(ind, b),
                c=self.pct(f"b3f.{k}.c", self.capaian(ind)),
            ),
        ]
        years = (y - 2, y - 1, y)
        cells = {
            yy: (
                self.ival(f"b3m.{k}.{yy}.t", ind, ind.target[yy]),
                self.ival(f"b3m.{k}.{yy}.r", ind, ind.realisasi[yy]),
                self.pct(f"b3m.{k}.{yy}.c", self.capaian(ind, yy)),
            )
            for yy in years
        }
        if self.r.layout.years_as_rows:
            rows = [["Tahun", "Target", "Realisasi", "Capaian"]]
            rows += [[str(yy), *cells[yy]] for yy in years]
            widths, align = [3, 3, 3, 3], "crrr"
        else:
            rows = [["Uraian", *[str(yy) for yy in years]]]
            rows += [
                [t, *[cells[yy][i] for yy in years]]
                for i, t in enumerate(("Target", "Realisasi", "Capaian"))
            ]
            widths, align = [4, 3, 3, 3], "lrrr"
        out += [
            Spacer(1, 0.2 * cm),
            self.p(f"Perbandingan {escape(ind.name)} tahun {years[0]}–{y}:", "small"),
            self.table(rows, widths, align),
        ]
        growth = self.growth(ind, f"b3g.{k}.g")
        if growth:
            out.append(self.p(growth))
        other = r.region_values.get(k)
        if other is not None and other != ind.realisasi[y]:
            d = ind.realisasi[y] - other
            out.append(
                self.say(
                    "compare_more" if d > 0 else "compare_less",
                    abbr=ind.abbr,
                    other=f"Kantor Wilayah Kementerian Hukum dan HAM {escape(r.region)}",
                    v=self.idx(f"b3cmp.{k}.v", other),
                    r=self.value_text(ind, ind.realisasi[y]),
                    d=self.idx(f"b3cmp.{k}.d", abs(d)),
                )
            )
        return out
