"""The story of a pemda LKjIP: the Kemenkumham writer's tables and place keys, the regional
unit's own cover, chapter naming (Ringkasan Eksekutif, BAB I–IV or I–IV, Penutup), words,
APBD budget, retribusi, SAKIP score, IKM on the 25–100 scale and a landscape lampiran with a
merged-header Rencana Anggaran table."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from corpus.model import Indicator, Person, Report, q2
from corpus.render import Numbering, Orientation
from corpus.render_base import mutu_of
from corpus.render_sections import Writer
from corpus.wording_pemda import PEMDA_FILLER, pemda_phrases

CHAPTERS = {
    "I": "PENDAHULUAN",
    "II": "PERENCANAAN KINERJA",
    "III": "AKUNTABILITAS KINERJA",
    "IV": "PENUTUP",
}
MUTU_100 = (
    ("25,00 – 64,99", "D", "Tidak Baik"),
    ("65,00 – 76,60", "C", "Kurang Baik"),
    ("76,61 – 88,30", "B", "Baik"),
    ("88,31 – 100,00", "A", "Sangat Baik"),
)
DETAIL = {
    "cakupan": "Indikator ini mengukur bagian layanan yang diselesaikan dalam waktu dan "
    "persyaratan sesuai standar pelayanan yang ditetapkan.",
    "sakip": "Nilai ini merupakan hasil evaluasi akuntabilitas kinerja oleh Inspektorat "
    "terhadap perencanaan, pengukuran, pelaporan dan evaluasi internal kinerja.",
    "temuan": "Indikator ini berpolaritas negatif: semakin kecil persentase temuan yang belum "
    "ditindaklanjuti, semakin baik kinerjanya, sehingga capaian dihitung sebagai target "
    "dibagi realisasi.",
}


class PemdaWriter(Writer):
    """Builds the flowables of one regional unit's report."""

    SUMMARY_TITLE = "RINGKASAN EKSEKUTIF"
    REVENUE = "Retribusi"

    def __init__(self, report: Report, toc: tuple[tuple[int, str, str], ...]) -> None:
        super().__init__(report, toc)
        self.phrases = pemda_phrases(report.layout.held_out_words)
        self.fillers = PEMDA_FILLER

    def cover(self) -> list[Flowable]:
        r = self.r
        return [
            Numbering(None),
            Spacer(1, 3 * cm),
            self.p("LAPORAN KINERJA", "title"),
            self.p("INSTANSI PEMERINTAH", "title"),
            self.p(f"TAHUN {r.year}", "title"),
            Spacer(1, 4 * cm),
            self.p(escape(r.satker.upper()), "h1"),
            Spacer(1, 3 * cm),
            self.p(f"PEMERINTAH {escape(r.region.upper())}", "h1"),
            self.p(f"{escape(r.city.upper())}, {r.year + 1}", "h1"),
            PageBreak(),
        ]

    def pengantar(self) -> list[Flowable]:
        sig = self.signature(True, f"{self.r.head.jabatan},", self.r.head, "nip.head.kp")
        return [
            Numbering("roman"),
            self.heading("KATA PENGANTAR", 0),
            *self.prose("pengantar", 2),
            Spacer(1, 0.6 * cm),
            self.grid(self.s, [["", ""], ["", sig]], [8 * cm, 8 * cm], ruled=False, align="ll"),
            PageBreak(),
        ]

    def chapter_head(self, numeral: str, first: bool) -> list[Flowable]:
        title = CHAPTERS[numeral]
        if self.r.layout.roman_chapters:
            head = self.p(f"{self.f.val(f'head.{numeral}', numeral)}. {title}", "h1")
            head.toc = (0, f"{numeral}. {title}")
            heads = [head]
        else:
            sub = self.p(title, "h1")
            sub.toc = (0, f"BAB {numeral} {title}")
            heads = [self.p(self.f.val(f"head.{numeral}", f"BAB {numeral}"), "h1"), sub]
        return [Numbering("arabic"), *heads] if first else heads

    def bab1(self) -> list[Flowable]:
        r = self.r
        pegawai = self.rng.randint(30, 260)
        return [
            self.heading("A. Latar Belakang", 1),
            *self.prose("latar", 5),
            self.heading("B. Kedudukan, Tugas dan Fungsi", 1),
            *self.prose("tugas", 4),
            self.p(
                f"Pada tahun {r.year}, {escape(r.satker)} didukung oleh "
                f"{self.f.val('ph.pegawai', f'{pegawai} orang')} Aparatur Sipil Negara."
            ),
            self.p(f"Pejabat struktural {escape(r.satker)}:", "small"),
            self.officials_table(),
            self.heading("C. Isu Strategis", 1),
            *[self.p(f"- {escape(t)}", "small") for t in self.fillers["isu"]],
            self.heading("D. Dasar Hukum", 1),
            *[self.p(f"{i}. {escape(t)}", "small") for i, t in enumerate(self.laws(), 1)],
            self.heading("E. Sistematika Penyajian", 1),
            *[self.p(f"- {self.chapter_name(n)}", "small") for n in CHAPTERS],
        ]

    def chapter_name(self, numeral: str) -> str:
        title = CHAPTERS[numeral].title()
        return f"{numeral}. {title}" if self.r.layout.roman_chapters else f"Bab {numeral} {title}"

    def bab2(self) -> list[Flowable]:
        r, b = self.r, self.r.budget
        return [
            self.heading("A. Rencana Strategis", 1),
            *self.prose("renstra", 3),
            self.heading("B. Indikator Kinerja Utama dan Perjanjian Kinerja", 1),
            *self.prose("renstra", 1),
            self.p(
                f"Target kinerja tahun {r.year} dalam Perjanjian Kinerja {escape(r.head.jabatan)} "
                f"dengan {escape(r.superior.jabatan)}:"
            ),
            self.table(self.pk_target_rows("pk2"), [1, 5.5, 6.5, 3], "lllr"),
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

    def _detail(self, ind: Indicator) -> list[Flowable]:
        return [self.p(escape(DETAIL[ind.key]))]

    detail_cakupan = detail_sakip = detail_temuan = _detail

    def mutu_block(self, ind: Indicator, value: Decimal, *, with_table: bool) -> list[Flowable]:
        """The IKM's quality on the 25–100 scale a regional unit reports it on."""
        out: list[Flowable] = []
        if with_table:
            rows = [["Nilai Interval Konversi", "Mutu Pelayanan", "Kinerja Unit Pelayanan"]]
            rows += [list(row) for row in MUTU_100]
            out += [Spacer(1, 0.3 * cm), self.table(rows, [5, 4, 5], "ccl")]
        letter, cat = mutu_of(value)
        shown = self.f.val(f"mutu.{ind.key}", cat)
        value100 = self.f.idx(q2(value * 25))
        out.append(self.say("mutu", abbr=ind.abbr, v=value100, letter=letter, cat=shown))
        return out

    def budget_score(self) -> list[Flowable]:
        """Section C: the unit's SAKIP evaluation score and its category."""
        return [
            self.heading("C. Hasil Evaluasi Akuntabilitas Kinerja", 1),
            *self.prose("smart", 2),
            self.p(
                f"Hasil evaluasi SAKIP {escape(self.r.satker)} tahun {self.r.year - 1} "
                f"memperoleh nilai {self.f.val('ph.ikpa_nilai', self.f.num(self.r.ikpa, 2))} "
                f"dengan predikat {self.f.val('ph.ikpa', 'BB')}."
            ),
        ]

    def head_of_region_signature(self, person: Person) -> Flowable:
        """The Kepala Daerah signs without a NIP (an elected official has none)."""
        return self.p(
            f"Pihak Kedua,<br/>{escape(person.jabatan)}<br/><br/><br/><b>{escape(person.name)}</b>",
            "small",
        )

    def lampiran(self) -> list[Flowable]:
        r = self.r
        head = self.p(self.f.val("head.L", "LAMPIRAN"), "h1")
        head.toc = (0, "LAMPIRAN")
        pihak = self.grid(
            self.s,
            [
                ["", ""],
                [
                    self.head_of_region_signature(r.superior),
                    self.signature(
                        True, f"Pihak Pertama,\n{r.head.jabatan}", r.head, "nip.head.lp"
                    ),
                ],
            ],
            [8 * cm, 8 * cm],
            ruled=False,
            align="ll",
        )
        return [
            head,
            self.p(f"PERJANJIAN KINERJA TAHUN {r.year}", "h2"),
            self.p(
                f"{escape(r.head.jabatan)} dan {escape(r.superior.jabatan)} menyepakati target "
                "kinerja berikut:"
            ),
            self.table(self.pk_target_rows("lpk"), [1, 5.5, 6.5, 3], "lllr"),
            Spacer(1, 0.5 * cm),
            KeepTogether(pihak),
            Orientation("landscape"),
            self.p(f"RENCANA ANGGARAN SUB KEGIATAN TAHUN {r.year}", "h2"),
            self.pk_table(),
            Orientation("portrait"),
            *self.staff_pk(),
        ]

    def pk_table(self) -> Flowable:
        """Kegiatan and sub kegiatan with volume, unit and anggaran under a two-row header
        whose cells are merged."""
        rows = [
            ["No", "Kegiatan / Sub Kegiatan", "Target", "", "Anggaran"],
            ["", "", "Volume", "Satuan", "(Rp)"],
        ]
        bold = []
        for i, line in enumerate(self.r.pk_lines):
            bold.append(len(rows))
            rows.append(
                [
                    str(i + 1),
                    escape(line.name),
                    self.f.val(f"lk.{i}.vol", self.f.num(line.volume, 0)),
                    line.unit,
                    self.rp(f"lk.{i}.amt", line.amount),
                ]
            )
            for j, sub in enumerate(line.subs):
                rows.append(
                    [
                        "",
                        f"- {escape(sub.name)}",
                        self.f.val(f"lk.{i}.{j}.vol", self.f.num(sub.volume, 0)),
                        sub.unit,
                        self.rp(f"lk.{i}.{j}.amt", sub.amount),
                    ]
                )
        bold.append(len(rows))
        total = sum(x.amount for x in self.r.pk_lines)
        rows.append(["", "Jumlah", "", "", self.rp("lk.total", total)])
        return self.table(
            rows,
            [1.0, 6.8, 1.8, 2.2, 4.2],
            "clrlr",
            header_rows=2,
            bold_rows=bold,
            spans=(((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (3, 0))),
        )
