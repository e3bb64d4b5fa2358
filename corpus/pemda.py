"""The pemda family: the LKjIP of a Dinas, Badan or Inspektorat of a kabupaten, kota or
provinsi, consistent by construction like the Kemenkumham family of :mod:`corpus.model`.

A regional unit reports its Indikator Kinerja Utama (both polarities), an APBD budget per
program, kegiatan and sub kegiatan, a retribusi target where it collects one, one or two
signatories (the Kepala Daerah signs the Perjanjian Kinerja without a NIP) and, where it
serves the public, an SKM of the nine PermenPANRB unsur whose IKM is stated on the 25–100
scale. Place keys are the Kemenkumham family's, so every injector of :mod:`corpus.defects`
that applies to a regional unit works unchanged.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from corpus.model import (
    UNSUR_PERMENPAN,
    Budget,
    Indicator,
    Ipk,
    IpkPart,
    Layout,
    Person,
    Program,
    Report,
    build_budget,
    build_pk_lines,
    build_skm,
    make_person,
    q2,
)

UNITS = (
    ("Dinas Kesehatan", True),
    ("Dinas Kependudukan dan Pencatatan Sipil", True),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", True),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", True),
    ("Badan Perencanaan Pembangunan Daerah", False),
    ("Badan Pendapatan Daerah", True),
    ("Inspektorat", False),
    ("Dinas Perhubungan", True),
)
"""Unit names and whether the unit runs an SKM (a planning or audit body has no public
service to survey)."""
REGIONS = (
    ("Kabupaten", "Grobogan", "Purwodadi"),
    ("Kabupaten", "Sleman", "Sleman"),
    ("Kota", "Semarang", "Semarang"),
    ("Kabupaten", "Banyuwangi", "Banyuwangi"),
    ("Provinsi", "Jawa Barat", "Bandung"),
    ("Kota", "Pontianak", "Pontianak"),
    ("Provinsi", "Nusa Tenggara Barat", "Mataram"),
    ("Kabupaten", "Kutai Kartanegara", "Tenggarong"),
)
HEAD_OF_REGION = {"Kabupaten": "Bupati", "Kota": "Wali Kota", "Provinsi": "Gubernur"}
PEMDA_JABATAN = (
    "Sekretaris",
    "Kepala Bidang Perencanaan dan Pengendalian",
    "Kepala Bidang Pelayanan",
    "Kepala Bidang Pengembangan Sumber Daya",
    "Kepala Subbagian Umum dan Kepegawaian",
    "Kepala Subbagian Keuangan",
    "Kepala Subbagian Perencanaan, Evaluasi dan Pelaporan",
    "Kepala Seksi Data dan Informasi",
    "Kepala UPTD Pelayanan",
)
PEMDA_ACTIVITIES = (
    (
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "dokumen",
        (
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Koordinasi dan Penyusunan Laporan Capaian Kinerja",
            "Evaluasi Kinerja Perangkat Daerah",
        ),
    ),
    (
        "Administrasi Keuangan Perangkat Daerah",
        "bulan",
        ("Penyediaan Gaji dan Tunjangan ASN", "Pelaksanaan Penatausahaan Keuangan"),
    ),
    (
        "Administrasi Umum Perangkat Daerah",
        "paket",
        (
            "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Penyediaan Bahan Bacaan dan Peraturan",
            "Penyelenggaraan Rapat Koordinasi dan Konsultasi",
        ),
    ),
    (
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "laporan",
        ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "Penyediaan Jasa Kebersihan"),
    ),
    (
        "Pelayanan dan Pengembangan Layanan Publik",
        "layanan",
        (
            "Penyelenggaraan Pelayanan Terpadu",
            "Pengembangan Sistem Informasi Pelayanan",
            "Pengelolaan Pengaduan Masyarakat",
        ),
    ),
    (
        "Pembinaan dan Pengawasan Penyelenggaraan Urusan",
        "kegiatan",
        ("Monitoring dan Evaluasi Pelaksanaan Program", "Fasilitasi dan Pembinaan Teknis"),
    ),
)
PEMDA_VOLUMES = {
    "dokumen": (2, 12),
    "bulan": (12, 12),
    "paket": (1, 20),
    "laporan": (4, 12),
    "layanan": (1, 6),
    "kegiatan": (2, 30),
}
PROGRAMS = (
    (
        "Program Penunjang Urusan Pemerintahan Daerah",
        ("Administrasi Keuangan Perangkat Daerah", "Administrasi Umum Perangkat Daerah"),
    ),
    ("Program Peningkatan Pelayanan Publik", ("Pelayanan dan Pengembangan Layanan Publik",)),
)
JENIS = ("Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal")
SUMBER = ("Pendapatan Asli Daerah (PAD)", "Dana Transfer")


def pemda_name(unit: str, region: tuple[str, str, str]) -> str:
    """ "Dinas Kesehatan Kabupaten Grobogan"; an Inspektorat drops no word either."""
    return f"{unit} {region[0]} {region[1]}"


def pemda_budget(rng: random.Random, year: int) -> Budget:
    """An APBD budget: the DIPA builder's exact sums under regional names."""
    base = build_budget(rng, year)
    # The DIPA builder gives its first program one kegiatan and its second two; the
    # regional programs take them in the other order.
    programs = tuple(
        Program(name, tuple(replace(k, name=n) for k, n in zip(prog.kegiatan, names, strict=True)))
        for prog, (name, names) in zip(reversed(base.programs), PROGRAMS, strict=True)
    )
    return replace(
        base,
        programs=programs,
        jenis=tuple(replace(j, name=n) for j, n in zip(base.jenis, JENIS, strict=True)),
        sumber=tuple((n, v) for n, (_, v) in zip(SUMBER, base.sumber, strict=True)),
    )


def _index_targets(rng: random.Random, year: int, target: Decimal, value: Decimal, step: Decimal):
    targets = {y: target - step * (year - y) for y in (year - 2, year - 1, year)}
    real = {y: q2(value - Decimal(rng.randint(-40, 60)) * step / 10) for y in targets}
    real[year] = value
    return targets, real


def pemda_indicators(
    rng: random.Random, year: int, ikm100: Decimal | None, lower_better: bool
) -> tuple[Indicator, ...]:
    """The IKU of a regional unit: a percentage, an index, the IKM (on the 25–100 scale)
    where the unit runs an SKM, and a lower-is-better one in some documents."""
    sasaran_1 = "Meningkatnya kualitas pelayanan publik perangkat daerah"
    sasaran_2 = "Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah"
    out = []
    pct_value = q2(Decimal(rng.randint(7000, 9900)) / 100)
    targets, real = _index_targets(rng, year, Decimal(85), pct_value, Decimal("1.5"))
    out.append(
        Indicator(
            "cakupan",
            "Persentase Layanan yang Diselesaikan Sesuai Standar Pelayanan",
            "Persentase Layanan Sesuai Standar",
            sasaran_1,
            "%",
            True,
            targets,
            {y: min(Decimal(100), v) for y, v in real.items()},
        )
    )
    if ikm100 is not None:
        targets, real = _index_targets(rng, year, Decimal(80), ikm100, Decimal("1.0"))
        real = {y: min(Decimal(100), v) for y, v in real.items()}
        out.append(
            Indicator(
                "ikm", "Indeks Kepuasan Masyarakat", "IKM", sasaran_1, "indeks", True, targets, real
            )
        )
    sakip = q2(Decimal(rng.randint(6000, 8200)) / 100)
    targets, real = _index_targets(rng, year, Decimal(70), sakip, Decimal("1.0"))
    out.append(
        Indicator(
            "sakip",
            "Nilai Evaluasi Akuntabilitas Kinerja Perangkat Daerah",
            "Nilai SAKIP",
            sasaran_2,
            "nilai",
            True,
            targets,
            real,
        )
    )
    if lower_better:
        targets = {y: Decimal(10 - (y - year + 2)) for y in (year - 2, year - 1, year)}
        real = {y: q2(t - Decimal(rng.randint(50, 250)) / 100) for y, t in targets.items()}
        out.append(
            Indicator(
                "temuan",
                "Persentase Temuan Pemeriksaan yang Belum Ditindaklanjuti",
                "Temuan Belum Ditindaklanjuti",
                sasaran_2,
                "%",
                False,
                targets,
                real,
            )
        )
    return tuple(out)


def build_pemda_report(
    rng: random.Random,
    unit: tuple[str, bool],
    region: tuple[str, str, str],
    year: int,
    layout: Layout,
    seed: int,
    *,
    lower_better: bool,
) -> Report:
    """A clean regional report; without an SKM its layout's ``skm_layout`` is ``none``."""
    used: set[str] = set()
    name = pemda_name(unit[0], region)
    head = make_person(rng, f"Kepala {unit[0]}", year, used, (1966, 1982))
    if unit[0] == "Inspektorat":
        head = replace(head, jabatan="Inspektur")
    superior = Person(
        f"{rng.choice(('H. ', 'Dr. ', ''))}{make_person(rng, '', year, used).name}",
        f"{HEAD_OF_REGION[region[0]]} {region[1]}",
        "",
    )
    staff = tuple(
        make_person(rng, j, year, used)
        for j in rng.sample(PEMDA_JABATAN, rng.randint(6, len(PEMDA_JABATAN)))
    )
    with_skm = layout.skm_layout != "none"
    value = Decimal(rng.randint(316, 349)) / 100
    skm = build_skm(rng, value, rng.randint(150, 900), UNSUR_PERMENPAN)
    budget = pemda_budget(rng, year)
    no_ipk = IpkPart(0, ())
    return Report(
        satker=name,
        kode_satker=f"{rng.randint(1, 9)}.{rng.randint(1, 30):02d}.{rng.randint(1, 9):02d}",
        city=region[2],
        region=f"{region[0]} {region[1]}",
        year=year,
        head=head,
        superior=superior,
        staff=staff,
        indicators=pemda_indicators(
            rng, year, q2(skm.annual() * 25) if with_skm else None, lower_better
        ),
        skm=skm,
        ipk=Ipk(no_ipk, no_ipk, Decimal(0), Decimal(0), Decimal(0)),
        iki100=Decimal(0),
        iki=Decimal(0),
        region_values={},
        ikpa=Decimal(rng.randint(6000, 8200)) / 100,
        budget=budget,
        pk_lines=build_pk_lines(rng, budget.pagu, PEMDA_ACTIVITIES, PEMDA_VOLUMES),
        layout=layout,
        seed=seed,
    )
