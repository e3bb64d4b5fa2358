"""Defect injection: change ONE value in ONE place of a clean report, per findings-v1 category.

An injector picks a place key (see :mod:`corpus.render_sections`), overrides the text drawn
there and names the related places whose pages also count (the other side of the
disagreement a checker may point at). The renderer records the page of every one of those
places while drawing; :func:`corpus.generate.truth_entry` turns that into ground truth.
Injectors take the keys already used in the document so defects never touch each other.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from corpus.model import Indicator, Report, make_nip, q2
from corpus.render import Fmt
from corpus.render_base import mutu_of


@dataclass(frozen=True, slots=True)
class Defect:
    """One injected defect: category, place key, text drawn there, related places."""

    category: str
    key: str
    injected: str
    description: str
    related: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every place whose page belongs to the ground truth."""
        return (self.key, *self.related)


class NoPlace(Exception):
    """The report has no free place for this injector (try another variant)."""


Injector = Callable[[Report, random.Random, set[str], int], Defect]


def _free(rng: random.Random, keys: list[str], taken: set[str], variant: int) -> str:
    """A free key, preferring family number ``variant`` (cyclically).

    Keys fall into families by their first component (``b3t``, ``ikh``, ``lk`` ...: one place
    in the report each); when all keys are of one family, each key is its own family. Successive
    occurrences of a category pass successive variants and so land in different places.
    """
    families: dict[str, list[str]] = {}
    for key in keys:
        families.setdefault(key.split(".")[0], []).append(key)
    groups = list(families.values()) if len(families) > 1 else [[k] for k in keys]
    for step in range(len(groups)):
        group = [k for k in groups[(variant + step) % len(groups)] if k not in taken]
        if group:
            return rng.choice(group)
    raise NoPlace(keys[0] if keys else "")


def _shift(rng: random.Random, lo: int, hi: int) -> Decimal:
    """A signed shift of lo..hi hundredths, never zero."""
    return Decimal(rng.randint(lo, hi) * rng.choice((-1, 1))) / 100


def _ind(report: Report, key: str) -> Indicator:
    return next(i for i in report.indicators if i.key == key.split(".")[1])


def _ind_keys(report: Report, pattern: str, only=lambda i: True) -> list[str]:
    return [pattern.format(k=i.key, y=report.year) for i in report.indicators if only(i)]


def _index_text(fmt: Fmt, ind: Indicator, value: Decimal) -> str:
    return fmt.idx(value) if ind.unit == "indeks" else fmt.num(value, 2)


def _wrong_index(rng: random.Random, value: Decimal) -> Decimal:
    """``value`` moved by 0,06–0,30, staying on the 1–4 scale."""
    shift = _shift(rng, 6, 30)
    return value + shift if Decimal(1) <= value + shift <= Decimal(4) else value - abs(shift)


# ---- indicators ------------------------------------------------------------------------
def capaian(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A stated capaian % that is not realisasi/target."""
    y = report.year
    keys = _ind_keys(report, "b3t.{k}.c") + _ind_keys(report, "ikh.{k}.c")
    keys += _ind_keys(report, "b3f.{k}.c") + [f"b3m.{i.key}.{y - 1}.c" for i in report.indicators]
    key = _free(rng, keys, taken, variant)
    ind = _ind(report, key)
    year = y - 1 if key.startswith("b3m.") else y
    true = ind.capaian(year, report.layout.capaian_decimals)
    wrong = true + Decimal(rng.randint(5, 25) * rng.choice((-1, 1)))
    text = Fmt(report).pct(wrong, report.layout.capaian_decimals)
    return Defect(
        "capaian",
        key,
        text,
        f"capaian {ind.abbr} {year} tertulis {text}, "
        f"seharusnya {Fmt(report).pct(true, report.layout.capaian_decimals)}",
    )


def target_consistency(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """The target of one indicator differs in a PK table (Bab II or lampiran)."""
    key = _free(
        rng, _ind_keys(report, "pk2.{k}.t") + _ind_keys(report, "lpk.{k}.t"), taken, variant
    )
    ind = _ind(report, key)
    true = ind.target[report.year]
    text = _index_text(Fmt(report), ind, _wrong_index(rng, true))
    return Defect(
        "target-consistency",
        key,
        text,
        f"target {ind.abbr} tertulis {text}, di tempat lain {_index_text(Fmt(report), ind, true)}",
        (f"b3t.{ind.key}.t",),
    )


def realisasi_consistency(
    report: Report, rng: random.Random, taken: set[str], variant: int
) -> Defect:
    """The realisation of one indicator differs in the narrative or Bab IV."""
    key = _free(rng, _ind_keys(report, "b3n.{k}.r") + _ind_keys(report, "b4.{k}.r"), taken, variant)
    ind = _ind(report, key)
    true = ind.realisasi[report.year]
    text = _index_text(Fmt(report), ind, _wrong_index(rng, true))
    return Defect(
        "realisasi-consistency",
        key,
        text,
        f"realisasi {ind.abbr} tertulis {text}, "
        f"di tabel capaian {_index_text(Fmt(report), ind, true)}",
        (f"b3t.{ind.key}.r",),
    )


def percentage(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A growth %, a "lebih besar ... poin" difference or a PNBP % that does not follow."""
    y, fmt = report.year, Fmt(report)
    growing = lambda i: i.higher_is_better and i.realisasi[y] != i.realisasi[y - 1]  # noqa: E731
    compared = lambda i: report.region_values.get(i.key) not in (None, i.realisasi[y])  # noqa: E731
    keys = _ind_keys(report, "b3g.{k}.g", growing) + _ind_keys(report, "ikh.{k}.g", growing)
    keys += [*_ind_keys(report, "b3cmp.{k}.d", compared), "ikh.pnbp.p", f"pnbp.{y}.pct"]
    key = _free(rng, keys, taken, variant)
    if key.startswith("b3cmp."):
        ind = _ind(report, key)
        true = abs(ind.realisasi[y] - report.region_values[ind.key])
        text = fmt.idx(true + Decimal(rng.randint(5, 20)) / 100)
        return Defect(
            "percentage",
            key,
            text,
            f"selisih {ind.abbr} dengan Kanwil tertulis {text} poin, seharusnya {fmt.idx(true)}",
        )
    if key.endswith(".g"):
        ind = _ind(report, key)
        now, before = ind.realisasi[y], ind.realisasi[y - 1]
        true = q2(abs(now - before) * 100 / before, 1)
        text = fmt.pct(true + Decimal(rng.randint(30, 120)) / 10, 1)
        return Defect(
            "percentage",
            key,
            text,
            f"pertumbuhan {ind.abbr} tertulis {text}, seharusnya {fmt.pct(true, 1)}",
        )
    b = report.budget
    true = q2(Decimal(b.pnbp_realisasi[y]) * 100 / b.pnbp_target[y])
    text = fmt.pct(true + Decimal(rng.randint(500, 3000)) / 100, 2)
    return Defect(
        "percentage", key, text, f"persentase PNBP tertulis {text}, seharusnya {fmt.pct(true, 2)}"
    )


def mutu_category(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A stated quality category that contradicts the value: in a sentence, or in the SKM
    table of a layout that prints one (a quarter's letter, the annual summary's category)."""
    layout = report.layout.skm_layout
    keys = [f"mutu.{i.key}" for i in report.indicators if i.key in ("ikm", "ipk", "iki")]
    if layout == "triwulan9":
        keys = [f"skq.{q}.mutu" for q in range(4)] + ["skma.mutu"]
    elif layout == "tahunan9":
        keys = ["skma.mutu"]
    key = _free(rng, keys, taken, variant)
    if key.startswith("mutu."):
        value = {"ikm": q2(report.skm.annual()), "ipk": report.ipk.total, "iki": report.iki}[
            key.split(".")[1]
        ]
        true = mutu_of(value)[1]
        text = rng.choice([c for c in ("Baik", "Kurang Baik", "Tidak Baik") if c != true])
        return Defect(
            "mutu-category",
            key,
            text,
            f"kategori mutu tertulis {text} untuk nilai {Fmt(report).idx(value)}, "
            f"seharusnya {true}",
        )
    skm = report.skm
    value = skm.annual() if key == "skma.mutu" else skm.quarter(int(key.split(".")[1])).nilai()
    letter, name = mutu_of(value)
    # a category two bands away: no rounding of the value can make it right
    wrong = {"A": ("C", "Kurang Baik"), "B": ("D", "Tidak Baik")}.get(letter, ("A", "Sangat Baik"))
    text = wrong[0] if key.startswith("skq.") else f"{wrong[0]} ({wrong[1]})"
    return Defect(
        "mutu-category",
        key,
        text,
        f"kategori mutu tabel SKM tertulis {text} untuk nilai {Fmt(report).idx(q2(value * 25))}, "
        f"seharusnya {letter} ({name})",
    )


# ---- surveys ---------------------------------------------------------------------------
def ikm_recompute(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A wrong figure of the SKM table the layout prints: monthly (the seed's 8 unsur, or the
    regulation's 9), quarterly or annual-only."""
    layout = report.layout.skm_layout
    if layout == "none":
        raise NoPlace("ikm-recompute")
    if layout == "triwulan9":
        return _quarterly_defect(report, rng, _free(rng, _quarterly_keys(report), taken, variant))
    if layout == "tahunan9":
        return _annual_defect(report, rng, _free(rng, _annual_keys(report), taken, variant))
    return _monthly_defect(report, rng, taken, variant)


def _lowered(fmt: Fmt, rng: random.Random, true: Decimal, low: int, high: int) -> str:
    """``true`` printed lowered by a random low..high hundredths: an injected wrong value."""
    return fmt.idx(true - Decimal(rng.randint(low, high)) / 100)


def _monthly_defect(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A monthly Nilai SKM, an impossible unsur mean (GRIM) or an annual unsur value."""
    fmt, skm = Fmt(report), report.skm
    unsur = len(skm.labels)
    keys = [f"skm.{m}.nilai" for m in range(12)] + [f"skma.{u}" for u in range(unsur)]
    keys += [
        f"skm.{m}.{u}" for m in range(12) for u in range(unsur) if skm.months[m].respondents < 90
    ]
    key = _free(rng, keys, taken, variant)
    parts = key.split(".")
    if key.startswith("skma."):
        true = q2(skm.annual_unsur(int(parts[1])))
        text = _lowered(fmt, rng, true, 8, 30)
        return Defect(
            "ikm-recompute",
            key,
            text,
            f"nilai tahunan unsur "
            f"{skm.labels[int(parts[1])]} tertulis {text}, seharusnya {fmt.idx(true)}",
            ("skma.nilai",),
        )
    month = skm.months[int(parts[1])]
    if parts[2] == "nilai":
        true = q2(month.nilai())
        text = _lowered(fmt, rng, true, 6, 20)
        return Defect(
            "ikm-recompute",
            key,
            text,
            f"Nilai SKM bulan ke-{int(parts[1]) + 1} "
            f"tertulis {text}, rata-rata unsurnya {fmt.idx(true)}",
            ("skma.nilai", "skma.sentence.v"),
        )
    n = month.respondents
    possible = {q2(Decimal(k) / n) for k in range(n, 4 * n + 1)}
    true = q2(month.unsur(int(parts[2])))
    impossible = [v for v in (true - Decimal(d) / 100 for d in range(1, 40)) if v not in possible]
    if not impossible:
        raise NoPlace(key)
    text = fmt.idx(impossible[0])
    return Defect(
        "ikm-recompute",
        key,
        text,
        f"nilai unsur {text} tidak mungkin dengan {n} responden (bukan k/{n})",
        (f"skm.{parts[1]}.nilai",),
    )


def _quarterly_keys(report: Report) -> list[str]:
    unsur = range(len(report.skm.labels))
    keys = [f"skq.{q}.{f}" for q in range(4) for f in ("nilai", "konv")]
    keys += [f"skq.{q}.{u}" for q in range(4) for u in unsur]
    return keys + [f"skma.{u}" for u in unsur] + ["skma.konv"]


def _quarterly_defect(report: Report, rng: random.Random, key: str) -> Defect:
    """A quarter's NRR tertimbang, konversi or unsur NRR, or an annual unsur or konversi."""
    fmt, skm = Fmt(report), report.skm
    parts = key.split(".")
    period = skm.quarter(int(parts[1])) if parts[0] == "skq" else None
    where = f"triwulan {int(parts[1]) + 1}" if period else "tahunan"
    if parts[-1] == "konv":
        true = q2((period.nilai() if period else skm.annual()) * 25)
        text = _lowered(fmt, rng, true, 150, 600)
        return Defect(
            "ikm-recompute",
            key,
            text,
            f"IKM konversi {where} tertulis {text}, seharusnya {fmt.idx(true)}",
        )
    if parts[-1] == "nilai":
        true = q2(period.nilai())
        text = _lowered(fmt, rng, true, 6, 20)
        return Defect(
            "ikm-recompute",
            key,
            text,
            f"NRR tertimbang {where} tertulis {text}, rata-rata unsurnya {fmt.idx(true)}",
        )
    u = int(parts[-1])
    true = q2(period.unsur(u) if period else skm.annual_unsur(u))
    text = _lowered(fmt, rng, true, 20, 45)
    related = (f"skq.{parts[1]}.nilai", f"skma.{u}") if period else ("skma.nilai",)
    return Defect(
        "ikm-recompute",
        key,
        text,
        f"NRR unsur {skm.labels[u]} {where} tertulis {text}, seharusnya {fmt.idx(true)}",
        related,
    )


def _annual_keys(report: Report) -> list[str]:
    unsur = range(len(report.skm.labels))
    return [f"skma.{u}.t" for u in unsur] + [f"skma.{u}" for u in unsur] + ["skma.konv"]


def _annual_defect(report: Report, rng: random.Random, key: str) -> Defect:
    """An unsur's NRR or NRR tertimbang, or the konversi, of the annual-only summary."""
    fmt, skm = Fmt(report), report.skm
    parts = key.split(".")
    if key == "skma.konv":
        true = q2(skm.annual() * 25)
        text = _lowered(fmt, rng, true, 150, 600)
        return Defect(
            "ikm-recompute", key, text, f"IKM konversi tertulis {text}, seharusnya {fmt.idx(true)}"
        )
    u = int(parts[1])
    nrr = q2(skm.annual_unsur(u))
    if parts[-1] == "t":
        true = q2(nrr * q2(Decimal(1) / len(skm.labels), 3), 3)
        text = fmt.idx(true + Decimal(rng.randint(20, 60)) / 1000, 3)
        return Defect(
            "ikm-recompute",
            key,
            text,
            f"NRR tertimbang {skm.labels[u]} tertulis {text}, seharusnya {fmt.idx(true, 3)}",
            ("skma.nilai",),
        )
    text = fmt.idx(nrr - Decimal(rng.randint(20, 45)) / 100)
    return Defect(
        "ikm-recompute",
        key,
        text,
        f"NRR unsur {skm.labels[u]} tertulis {text}, seharusnya {fmt.idx(nrr)}; "
        "NRR tertimbang dan jumlahnya tidak lagi sesuai",
        ("skma.nilai",),
    )


def ipk_recompute(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """An IPK unsur value or bobot, a part index, or the IKI 100-scale value that does not fit."""
    fmt, ipk = Fmt(report), report.ipk
    keys = [f"ipk.int.{i}.v" for i in range(1, len(ipk.internal.unsur) + 1)]
    keys += [f"ipk.ext.{i}.b" for i in range(1, len(ipk.external.unsur) + 1)]
    keys += ["ipk.int.v", "ipk.ext.v", "iki.v100"]
    key = _free(rng, keys, taken, variant)
    if key == "iki.v100":
        text = fmt.num(report.iki100 - Decimal(rng.randint(150, 600)) / 100, 2)
        return Defect(
            "ipk-recompute",
            key,
            text,
            f"nilai IKI skala 100 tertulis {text}, tidak sesuai dengan {fmt.idx(report.iki)} × 25",
            ("iki.v4",),
        )
    if key.endswith(".b"):
        i = int(key.split(".")[2])
        text = str(ipk.external.unsur[i - 1][1] + rng.choice((5, 10)))
        return Defect(
            "ipk-recompute",
            key,
            text,
            "bobot unsur IPK eksternal tidak berjumlah 100",
            ("ipk.ext.v", "ipk.formula.ve"),
        )
    if key.count(".") == 3:
        i = int(key.split(".")[2])
        true = ipk.internal.unsur[i - 1][2]
        text = fmt.idx(max(Decimal(1), true - Decimal(rng.randint(25, 60)) / 100))
        return Defect(
            "ipk-recompute",
            key,
            text,
            f"nilai unsur IPK internal ke-{i} tertulis "
            f"{text}; rata-rata berbobot tidak lagi {fmt.idx(ipk.internal_value)}",
            ("ipk.int.v", "ipk.formula.vi"),
        )
    true = ipk.internal_value if key == "ipk.int.v" else ipk.external_value
    text = _lowered(fmt, rng, true, 15, 40)
    return Defect(
        "ipk-recompute",
        key,
        text,
        f"nilai IPK {key.split('.')[1]} tertulis {text}, "
        f"IPK gabungan {fmt.idx(ipk.total)} tidak lagi terhitung",
        # The recomputed total disagrees with every statement of it in the IPK section.
        (
            "ipk.formula.vi" if key == "ipk.int.v" else "ipk.formula.ve",
            "ipk.total.v",
            "mutu.ipk",
            "b3n.ipk.r",
        ),
    )


# ---- budget ----------------------------------------------------------------------------
def budget_sum(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A lampiran PK line (amount or volume) that no longer adds up."""
    fmt = Fmt(report)
    keys = ["lk.total"]
    for i, line in enumerate(report.pk_lines):
        keys.append(f"lk.{i}.amt")
        keys += [f"lk.{i}.{j}.{f}" for j in range(len(line.subs)) for f in ("amt", "vol")]
    key = _free(rng, keys, taken, variant)
    delta = rng.randint(3, 90) * 1_000_000 + rng.randint(1, 9) * 1000
    if key == "lk.total":
        true = sum(x.amount for x in report.pk_lines)
        return Defect(
            "budget-sum",
            key,
            fmt.rp(true + delta),
            "jumlah lampiran PK tidak sama dengan jumlah kegiatannya",
        )
    parts = key.split(".")
    line = report.pk_lines[int(parts[1])]
    if len(parts) == 3:
        return Defect(
            "budget-sum",
            key,
            fmt.rp(line.amount + delta),
            f"anggaran kegiatan {line.name} tidak sama dengan jumlah sub-kegiatannya",
            (f"lk.{parts[1]}.0.amt", "lk.total"),
        )
    sub = line.subs[int(parts[2])]
    parent = f"lk.{parts[1]}.{parts[3]}"
    if parts[3] == "vol":
        text = fmt.num(sub.volume + rng.randint(1, max(2, sub.volume // 3)), 0)
        return Defect(
            "budget-sum",
            key,
            text,
            f"volume {sub.name} tertulis {text} {sub.unit}; "
            f"jumlah volume tidak sama dengan {line.volume}",
            (parent,),
        )
    text = fmt.rp(max(1000, sub.amount - delta) if rng.random() < 0.5 else sub.amount + delta)
    return Defect(
        "budget-sum",
        key,
        text,
        f"anggaran {sub.name} tertulis {text}; sub-kegiatan tidak berjumlah {fmt.rp(line.amount)}",
        (parent,),
    )


def budget_percentage(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A realisasi/pagu % that does not match its amounts."""
    b, fmt, y = report.budget, Fmt(report), report.year
    rows = {"rt.total.pct": (b.pagu, b.realisasi), "ikh.bud.p": (b.pagu, b.realisasi)}
    for i, prog in enumerate(b.programs):
        rows[f"rt.prog.{i}.pct"] = (prog.pagu, prog.realisasi)
        for j, keg in enumerate(prog.kegiatan):
            rows[f"rt.keg.{i}.{j}.pct"] = (keg.pagu, keg.realisasi)
    for i, j in enumerate(b.jenis):
        rows[f"jb.{i}.pct"] = (j.pagu, j.realisasi)
    for yy, (p, r) in b.history.items():
        if yy != y:
            rows[f"my.{yy}.pct"] = (p, r)
    key = _free(rng, sorted(rows), taken, variant)
    pagu, real = rows[key]
    true = q2(Decimal(real) * 100 / pagu)
    wrong = true - Decimal(rng.randint(120, 900)) / 100
    text = fmt.pct(wrong, 2)
    return Defect(
        "budget-percentage",
        key,
        text,
        f"persentase realisasi tertulis {text}, seharusnya {fmt.pct(true, 2)}",
    )


def budget_consistency(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """The same amount stated differently: PNBP target in prose, Bab IV realisasi or pagu."""
    b, fmt, y = report.budget, Fmt(report), report.year
    places = {
        "pnbp.prose.t": (b.pnbp_target[y], f"pnbp.{y}.t", "target PNBP"),
        "b4.bud.r": (b.realisasi, "rt.total.real", "realisasi anggaran"),
        "b4.bud.pagu": (b.pagu, "rt.total.pagu", "pagu anggaran"),
    }
    key = _free(rng, sorted(places), taken, variant)
    amount, other, what = places[key]
    text = fmt.rp(amount + rng.choice((-1, 1)) * rng.randint(1, 400) * 100_000)
    return Defect(
        "budget-consistency",
        key,
        text,
        f"{what} tertulis {text}, di tabel {fmt.rp(amount)}",
        (other,),
    )


# ---- text ------------------------------------------------------------------------------
PLACEHOLDERS = {
    "ph.pegawai": "XX orang",
    "ph.satker_heading": "[Satuan Kerja]",
    "ph.ikpa": "[kategori]",
    "ph.ikpa_nilai": "[…]",
}


def placeholder(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """Template text left where a value or name belongs."""
    key = _free(rng, sorted(PLACEHOLDERS), taken, variant)
    text = PLACEHOLDERS[key]
    return Defect("placeholder", key, text, f"teks templat {text} tertinggal")


def _nip_text(report: Report, nip: str) -> str:
    if report.layout.nip_spaced and len(nip) == 18:
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def duplicate_nip(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """One NIP for two people, or the head of office with two NIPs."""
    staff = [f"nip.staff.{i}" for i in range(len(report.staff))]
    kind = variant % 3
    if kind == 0 and "nip.head.lp" not in taken:
        new = make_nip(rng, report.year, {p.nip for p in (report.head, *report.staff)})
        text = _nip_text(report, new)
        return Defect(
            "duplicate-nip",
            "nip.head.lp",
            text,
            f"{report.head.name} tertulis dengan NIP {text} dan {report.head.nip}",
            ("nip.head.kp",),
        )
    key = _free(rng, staff, taken, variant)
    if kind == 1:
        text = _nip_text(report, report.head.nip)
        return Defect(
            "duplicate-nip",
            key,
            text,
            f"NIP {report.head.nip} dipakai dua orang",
            ("nip.head.kp", "nip.head.lp", "nip.head.lp2"),
        )
    other = _free(rng, [k for k in staff if k != key], taken | {key}, variant)
    person = report.staff[int(other.split(".")[2])]
    text = _nip_text(report, person.nip)
    return Defect(
        "duplicate-nip",
        key,
        text,
        f"NIP {person.nip} milik {person.name} dipakai pejabat lain",
        (other,),
    )


def nip_format(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """A NIP that cannot be valid: length, birth month, TMT before 18, gender digit."""
    key = _free(rng, [f"nip.staff.{i}" for i in range(len(report.staff))], taken, variant)
    nip = report.staff[int(key.split(".")[2])].nip
    kind = variant % 4
    if kind == 0:
        bad, why = nip[:12] + nip[13:], "17 digit"
    elif kind == 1:
        bad, why = nip[:4] + "13" + nip[6:], "bulan lahir 13"
    elif kind == 2:
        bad, why = nip[:8] + f"{int(nip[:4]) + 12:04d}" + nip[12:], "TMT pada usia 12 tahun"
    else:
        bad, why = nip[:14] + "3" + nip[15:], "digit jenis kelamin 3"
    text = _nip_text(report, bad)
    return Defect("nip-format", key, text, f"NIP {text} tidak valid ({why})")


# ---- structure -------------------------------------------------------------------------
STRUCTURE_SWAPS = {
    "head.IV": (("I", "II", "IV", "III", "L"), "head.III", "BAB IV sebelum BAB III"),
    "head.L": (("I", "II", "III", "L", "IV"), "head.IV", "Lampiran sebelum BAB IV"),
    "head.II": (("II", "I", "III", "IV", "L"), "head.I", "BAB II sebelum BAB I"),
}


def structure(report: Report, rng: random.Random, taken: set[str], variant: int) -> Defect:
    """Two chapters out of order; the truth is both headings' pages."""
    if report.chapter_order != ("I", "II", "III", "IV", "L"):
        raise NoPlace("structure")
    key = _free(rng, sorted(STRUCTURE_SWAPS), taken, variant)
    order, other, what = STRUCTURE_SWAPS[key]
    report.chapter_order = order
    numeral = key.split(".")[1]
    injected = numeral if report.layout.roman_chapters else f"BAB {numeral}"
    injected = "LAMPIRAN" if key == "head.L" else injected
    return Defect("structure", key, injected, f"urutan bab salah: {what}", (other,))


INJECTORS: dict[str, Injector] = {
    "capaian": capaian,
    "target-consistency": target_consistency,
    "realisasi-consistency": realisasi_consistency,
    "budget-sum": budget_sum,
    "budget-percentage": budget_percentage,
    "budget-consistency": budget_consistency,
    "ikm-recompute": ikm_recompute,
    "ipk-recompute": ipk_recompute,
    "percentage": percentage,
    "mutu-category": mutu_category,
    "placeholder": placeholder,
    "duplicate-nip": duplicate_nip,
    "nip-format": nip_format,
    "structure": structure,
}


def inject(
    report: Report, category: str, rng: random.Random, taken: set[str], variant: int = 0
) -> Defect:
    """Inject one defect of ``category`` into ``report`` (overrides and watch updated).

    ``taken`` holds the places of the document's earlier defects; they are left alone.
    ``variant`` selects the family of places (see :func:`_free`).
    """
    defect = INJECTORS[category](report, rng, taken, variant)
    if taken & set(defect.keys):
        raise NoPlace(defect.key)  # its related places belong to another defect
    if defect.category != "structure":
        report.overrides[defect.key] = defect.injected
    report.watch.update(defect.keys)
    return defect
