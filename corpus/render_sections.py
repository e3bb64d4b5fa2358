"""The story of one LKjIP: cover, front matter, BAB I–IV and Lampiran as reportlab flowables.

:class:`Writer` assembles the sections written by the mixins of :mod:`corpus.render_indicators`,
:mod:`corpus.render_budget` and :mod:`corpus.render_lampiran`; shared helpers and the place-key
convention are in :mod:`corpus.render_base`.
"""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer

from corpus.model import Report, q2
from corpus.render import Numbering
from corpus.render_base import mutu_of
from corpus.render_budget import BudgetSections
from corpus.render_indicators import IndicatorSections
from corpus.render_lampiran import LampiranSections
from corpus.render_tables import grid

__all__ = ["Writer", "grid", "mutu_of"]

CHAPTER_TITLES = {
    "I": "PENDAHULUAN",
    "II": "PERENCANAAN KINERJA",
    "III": "AKUNTABILITAS KINERJA",
    "IV": "PENUTUP",
}
MISI = (
    "Membentuk peraturan perundang-undangan yang berkualitas dan melindungi kepentingan nasional;",
    "Menyelenggarakan pelayanan publik di bidang hukum yang berkualitas;",
    "Mendukung penegakan hukum di bidang kekayaan intelektual, keimigrasian, administrasi "
    "hukum umum dan pemasyarakatan yang bebas dari praktik korupsi, kolusi dan nepotisme;",
    "Melaksanakan penghormatan, perlindungan, penegakan dan pemajuan hak asasi manusia;",
    "Melaksanakan tata laksana pemerintahan yang baik melalui reformasi birokrasi dan kelembagaan.",
)


class Writer(IndicatorSections, BudgetSections, LampiranSections):
    """Builds the flowables of one report."""

    SUMMARY_TITLE = "IKHTISAR EKSEKUTIF"

    def __init__(self, report: Report, toc: tuple[tuple[int, str, str], ...]) -> None:
        # `grid` is looked up here, at construction, so it can be observed (see tests).
        super().__init__(report, toc, grid)

    def officials_table(self) -> Flowable:
        """The unit's structural officials: number, position, name."""
        r = self.r
        return self.table(
            [["No", "Jabatan", "Nama"]]
            + [
                [str(i), escape(p.jabatan), escape(p.name)]
                for i, p in enumerate((r.head, *r.staff), 1)
            ],
            [1, 9, 6],
            "lll",
        )

    def cover(self) -> list[Flowable]:
        r = self.r
        return [
            Numbering(None),
            Spacer(1, 4 * cm),
            self.p("LAPORAN KINERJA INSTANSI PEMERINTAH", "title"),
            self.p("(LKjIP)", "title"),
            self.p(f"TAHUN {r.year}", "title"),
            Spacer(1, 4 * cm),
            self.p(escape(r.satker.upper()), "h1"),
            self.p(f"KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM {escape(r.region.upper())}", "h1"),
            Spacer(1, 3 * cm),
            self.p(f"{escape(r.city.upper())}, {r.year + 1}", "h1"),
            PageBreak(),
        ]

    def pengantar(self) -> list[Flowable]:
        sig = self.signature(True, "Kepala Kantor,", self.r.head, "nip.head.kp")
        return [
            Numbering("roman"),
            self.heading("KATA PENGANTAR", 0),
            *self.prose("pengantar", 2),
            Spacer(1, 0.6 * cm),
            self.grid(self.s, [["", ""], ["", sig]], [8 * cm, 8 * cm], ruled=False, align="ll"),
            PageBreak(),
        ]

    def daftar_isi(self) -> list[Flowable]:
        rows = [["Uraian", "Halaman"]]
        for level, text, label in self.toc:
            indent = "&nbsp;" * 6 * level
            rows.append([f"{indent}{escape(text)}", label])
        out: list[Flowable] = [self.p("DAFTAR ISI", "h1")]
        if len(rows) > 1:
            out.append(self.grid(self.s, rows, [13 * cm, 3 * cm], ruled=False, align="lr"))
        return [*out, PageBreak()]

    def ikhtisar(self) -> list[Flowable]:
        r = self.r
        out: list[Flowable] = [self.heading(self.SUMMARY_TITLE, 0), *self.prose("latar", 2)]
        out.append(
            self.p(
                f"Pada tahun {r.year}, {escape(r.satker)} memiliki {len(r.indicators)} indikator "
                f"kinerja kegiatan yang tertuang dalam dokumen Perjanjian Kinerja tahun {r.year} "
                "dengan rincian capaian sebagai berikut:"
            )
        )
        if r.layout.ikhtisar_as_table:
            rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
            for i, ind in enumerate(r.indicators, 1):
                rows.append(
                    [
                        str(i),
                        escape(ind.name),
                        self.ival(f"ikh.{ind.key}.t", ind, ind.target[r.year]),
                        self.ival(f"ikh.{ind.key}.r", ind, ind.realisasi[r.year]),
                        self.pct(f"ikh.{ind.key}.c", self.capaian(ind)),
                    ]
                )
            out.append(self.table(rows, [1, 8, 2.3, 2.3, 2.4], "clrrr"))
            out.append(Spacer(1, 0.3 * cm))
        for i, ind in enumerate(r.indicators, 1):
            parts = []
            if not r.layout.ikhtisar_as_table:
                parts.append(
                    self.pick(
                        "ikhtisar_result",
                        name=escape(ind.name),
                        year=str(r.year),
                        r=self.ival(f"ikh.{ind.key}.r", ind, ind.realisasi[r.year]),
                        t=self.ival(f"ikh.{ind.key}.t", ind, ind.target[r.year]),
                        c=self.pct(f"ikh.{ind.key}.c", self.capaian(ind)),
                    )
                )
            growth = self.growth(ind, f"ikh.{ind.key}.g")
            if growth and r.layout.ikhtisar_as_table:
                # Without the result sentence the claim must still name its indicator.
                parts.append(f"{escape(ind.name)}: {growth}")
            elif growth:
                parts.append(growth)
            if parts:
                out.append(self.p(f"{i}. " + " ".join(parts), "small"))
        b = r.budget
        out.append(
            self.say(
                "budget_ikhtisar",
                r=self.rp("ikh.bud.r", b.realisasi),
                p=self.pct("ikh.bud.p", q2(Decimal(b.realisasi) * 100 / b.pagu), 2),
                pagu=self.rp("ikh.bud.pagu", b.pagu),
            )
        )
        out.append(self.pnbp_sentence("ikh.pnbp"))
        out += self.prose("isu", 1)
        return [*out, PageBreak()]

    def chapter_head(self, numeral: str, first: bool) -> list[Flowable]:
        title = CHAPTER_TITLES[numeral]
        head = self.p(self.f.val(f"head.{numeral}", f"BAB {numeral}"), "h1")
        sub = self.p(title, "h1")
        sub.toc = (0, f"BAB {numeral} {title}")
        return [Numbering("arabic"), head, sub] if first else [head, sub]

    def bab1(self) -> list[Flowable]:
        r = self.r
        pegawai = self.rng.randint(25, 140)
        return [
            self.heading("A. Latar Belakang", 1),
            *self.prose("latar", 7),
            self.heading("B. Tugas, Fungsi dan Struktur Organisasi", 1),
            *self.prose("tugas", 5),
            self.p(
                f"Dalam melaksanakan tugas dan fungsinya pada tahun {r.year}, {escape(r.satker)} "
                f"didukung oleh pegawai sebanyak {self.f.val('ph.pegawai', f'{pegawai} orang')} "
                "yang tersebar pada seluruh seksi dan subbagian."
            ),
            self.p(f"Susunan pejabat struktural {escape(r.satker)} tahun {r.year}:", "small"),
            self.officials_table(),
            self.heading("C. Maksud dan Tujuan", 1),
            *self.prose("tujuan", 3),
            self.heading("D. Aspek Strategis", 1),
            *self.prose("aspek", 3),
            self.heading("E. Isu Strategis", 1),
            *self.prose("isu", 5),
            self.heading("F. Landasan Hukum", 1),
            *[self.p(f"{i}. {escape(t)}", "small") for i, t in enumerate(self.laws(), 1)],
            self.heading("G. Sistematika Laporan", 1),
            *[self.p(f"BAB {n} {t.title()}", "small") for n, t in CHAPTER_TITLES.items()],
        ]

    def laws(self) -> list[str]:
        laws = list(self.fillers["hukum"])
        self.rng.shuffle(laws)
        return laws

    def bab2(self) -> list[Flowable]:
        r, b = self.r, self.r.budget
        rows = self.pk_target_rows("pk2")
        out: list[Flowable] = [
            self.heading("A. Rencana Strategis", 1),
            *self.prose("renstra", 4),
            self.p("Visi Kementerian Hukum dan HAM:", "small"),
            self.p("“Masyarakat Memperoleh Kepastian Hukum”", "formula"),
            self.p("Misi Kementerian Hukum dan HAM:", "small"),
            *[self.p(f"{i}. {m}", "formula") for i, m in enumerate(MISI, 1)],
            *self.prose("renstra", 3),
            self.heading("B. Perjanjian Kinerja", 1),
            *self.prose("renstra", 1),
            self.p(
                f"Berikut target kinerja tahun {r.year} sesuai Perjanjian Kinerja antara Kepala "
                f"{escape(r.satker)} dengan Kepala Kantor Wilayah Kementerian Hukum dan HAM "
                f"{escape(r.region)}:"
            ),
            self.table(rows, [1, 5.5, 6.5, 3], "lllr"),
            Spacer(1, 0.4 * cm),
            self.budget_pk_table(),
            Spacer(1, 0.4 * cm),
            self.say("dipa_total", total=self.rp("dipa.total", b.pagu)),
            self.say(
                "dipa_jenis",
                a=self.rp("dipa.jenis.0", b.jenis[0].pagu),
                b=self.rp("dipa.jenis.1", b.jenis[1].pagu),
                c=self.rp("dipa.jenis.2", b.jenis[2].pagu),
            ),
            self.say(
                "dipa_sumber",
                rm=self.rp("dipa.sumber.0", b.sumber[0][1]),
                pnbp=self.rp("dipa.sumber.1", b.sumber[1][1]),
            ),
        ]
        return out

    def bab4(self) -> list[Flowable]:
        r, b = self.r, self.r.budget
        out: list[Flowable] = [
            self.heading("A. Kesimpulan", 1),
            *self.prose("latar", 1),
            self.p(f"Capaian kinerja {escape(r.satker)} tahun {r.year} adalah sebagai berikut:"),
        ]
        for i, ind in enumerate(r.indicators, 1):
            sentence = self.pick(
                "bab4_indicator",
                name=escape(ind.name),
                r=self.ival(f"b4.{ind.key}.r", ind, ind.realisasi[r.year]),
                t=self.ival(f"b4.{ind.key}.t", ind, ind.target[r.year]),
            )
            out.append(self.p(f"{i}. {sentence}", "small"))
        out.append(
            self.say(
                "bab4_budget",
                r=self.rp("b4.bud.r", b.realisasi),
                pagu=self.rp("b4.bud.pagu", b.pagu),
            )
        )
        out += [self.heading("B. Saran", 1), *self.prose("saran", 3), *self.prose("tujuan", 1)]
        return out

    # ---- lampiran ------------------------------------------------------------------
    # ---- assembly ------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        out = self.cover() + self.pengantar() + self.daftar_isi() + self.ikhtisar()
        for n, numeral in enumerate(self.r.chapter_order):
            if numeral == "L":
                out += self.lampiran()
                continue
            out += self.chapter_head(numeral, n == 0)
            out += {"I": self.bab1, "II": self.bab2, "III": self.bab3, "IV": self.bab4}[numeral]()
            out.append(PageBreak())
        return out
