"""The Lampiran: Perjanjian Kinerja with signatures, and the long PK kegiatan table."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from corpus.render_base import WriterBase


class LampiranSections(WriterBase):
    """The attachments a reviewer checks: PK targets, signatures with NIPs, PK kegiatan."""

    def lampiran(self) -> list[Flowable]:
        r = self.r
        head = self.p(self.f.val("head.L", "LAMPIRAN"), "h1")
        head.toc = (0, "LAMPIRAN")
        rows = self.pk_target_rows("lpk")
        pihak = self.grid(
            self.s,
            [
                ["", ""],
                [
                    self.signature(
                        False, f"Pihak Kedua,\n{r.superior.jabatan}", r.superior, "nip.sup.lp"
                    ),
                    self.signature(
                        True, f"Pihak Pertama,\nKepala {r.satker}", r.head, "nip.head.lp"
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
                f"Kepala {escape(r.satker)} dengan Kepala Kantor Wilayah Kementerian Hukum dan HAM "
                f"{escape(r.region)} menyepakati target kinerja berikut:"
            ),
            self.table(rows, [1, 5.5, 6.5, 3], "lllr"),
            Spacer(1, 0.5 * cm),
            KeepTogether(pihak),
            Spacer(1, 0.6 * cm),
            self.p(f"RINCIAN KEGIATAN DAN ANGGARAN PERJANJIAN KINERJA TAHUN {r.year}", "h2"),
            self.pk_table(),
            PageBreak(),
            *self.staff_pk(),
        ]

    def pk_table(self) -> Flowable:
        rows, bold = [["Kegiatan", "Target", "Anggaran"]], []
        for i, line in enumerate(self.r.pk_lines):
            bold.append(len(rows))
            rows.append(
                [
                    escape(line.name),
                    f"{self.f.val(f'lk.{i}.vol', self.f.num(line.volume, 0))} {line.unit}",
                    self.rp(f"lk.{i}.amt", line.amount),
                ]
            )
            for j, sub in enumerate(line.subs):
                rows.append(
                    [
                        f"- {escape(sub.name)}",
                        f"{self.f.val(f'lk.{i}.{j}.vol', self.f.num(sub.volume, 0))} {sub.unit}",
                        self.rp(f"lk.{i}.{j}.amt", sub.amount),
                    ]
                )
        bold.append(len(rows))
        rows.append(["Jumlah", "", self.rp("lk.total", sum(x.amount for x in self.r.pk_lines))])
        return self.table(rows, [7.4, 3.4, 5.2], "lrr", bold_rows=bold)

    def staff_pk(self) -> list[Flowable]:
        r = self.r
        out: list[Flowable] = [
            self.p(f"PERJANJIAN KINERJA TAHUN {r.year} PEJABAT STRUKTURAL", "h2"),
            self.p(
                "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
                "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini "
                "berjanji akan mewujudkan target kinerja sesuai lampiran perjanjian ini."
            ),
        ]
        cells = [self.signature(False, f"Pihak Kedua,\nKepala {r.satker}", r.head, "nip.head.lp2")]
        cells += [
            self.signature(False, f"Pihak Pertama,\n{p.jabatan}", p, f"nip.staff.{i}")
            for i, p in enumerate(r.staff)
        ]
        if len(cells) % 2:
            cells.append(Paragraph("", self.s.cells["l"]))
        rows = [[cells[i], cells[i + 1]] for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[8 * cm, 8 * cm])
        table.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]
            )
        )
        out.append(table)
        return out
