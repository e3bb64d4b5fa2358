"""The document model of one synthetic LKjIP, consistent by construction.

Every figure a report prints is derived here from integers (survey answer counts, Rupiah
amounts) so that a clean report recomputes exactly: monthly unsur means are k/n, the monthly
Nilai SKM is the mean of its eight unsur, annual values are respondent-weighted, budget totals
are sums of their lines. Printed (rounded) values are computed from the exact ones by
:mod:`corpus.render`; the model keeps exact values. Deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

UNSUR_SKM = (
    "Informasi",
    "Persyaratan",
    "Prosedur/Alur",
    "Waktu Penyelesaian",
    "Tarif/Biaya",
    "Sarana/Prasarana",
    "Respon",
    "Konsultasi/Pengaduan",
)
UNSUR_PERMENPAN = (
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)
"""The 9 unsur of PermenPANRB 14/2017."""
SKM_LAYOUTS = ("bulan8", "bulan9", "triwulan9", "tahunan9")
"""How a report prints its SKM: the seed's 8 unsur by month; the regulation's 9 by month
(1–4 scale); 9 by quarter with NRR tertimbang, konversi × 25 and mutu; an annual summary
only (NRR, bobot, NRR tertimbang, konversi, mutu)."""
MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGT", "SEP", "OKT", "NOV", "DES")
IPK_INTERNAL_WEIGHTS = (
    ("Intelijen", 20),
    ("Penyidikan", 10),
    ("TAK", 10),
    ("Pengawasan", 20),
    ("Pengaduan", 20),
    ("Pencegahan", 20),
)
IPK_EXTERNAL_WEIGHTS = (
    ("Intelijen", 20),
    ("Penyidikan dan TAK", 20),
    ("Pengawasan", 20),
    ("Pengaduan", 20),
    ("Pencegahan", 20),
)
TWO = Decimal("0.01")


def q2(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals, as a report prints it."""
    exp = Decimal(1).scaleb(-places)
    if isinstance(value, Fraction):
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            exp, rounding=ROUND_HALF_UP
        )
    return Decimal(value).quantize(exp, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class SatkerRecap:
    """One satker's row of the Ditjen recap, with its region's figures."""

    kode: str
    name: str
    region: str
    ikm: Decimal
    ikm_n: int
    iki: Decimal
    iki_n: int
    ipk_int_n: int
    ipk_int: Decimal
    ipk_ext_n: int
    ipk_ext: Decimal
    ipk: Decimal
    region_ikm: Decimal
    region_iki: Decimal
    region_ipk: Decimal


@dataclass(frozen=True, slots=True)
class Person:
    """A signatory: name as printed, position, NIP (18 digits, no spaces)."""

    name: str
    jabatan: str
    nip: str


@dataclass(frozen=True, slots=True)
class Indicator:
    """A performance indicator with three years of target and realisation."""

    key: str
    name: str
    abbr: str
    sasaran: str
    unit: str
    higher_is_better: bool
    target: dict[int, Decimal]
    realisasi: dict[int, Decimal]

    def capaian(self, year: int, decimals: int) -> Decimal:
        """Capaian % from the printed target and realisation (uncapped)."""
        t, r = self.target[year], self.realisasi[year]
        ratio = r / t if self.higher_is_better else t / r
        return q2(ratio * 100, decimals)


@dataclass(frozen=True, slots=True)
class SkmMonth:
    """One month of the SKM survey: respondents and the answer-score sum per unsur."""

    respondents: int
    sums: tuple[int, ...]

    def unsur(self, i: int) -> Fraction:
        """Exact mean of unsur ``i`` (k/n)."""
        return Fraction(self.sums[i], self.respondents)

    def nilai(self) -> Fraction:
        """Exact Nilai SKM (NRR tertimbang): the mean of the unsur means."""
        return Fraction(sum(self.sums), len(self.sums) * self.respondents)


@dataclass(frozen=True, slots=True)
class Skm:
    """The monthly SKM answers of a year, and the labels of its unsur."""

    months: tuple[SkmMonth, ...]
    labels: tuple[str, ...] = UNSUR_SKM

    def quarter(self, q: int) -> SkmMonth:
        """The answers of quarter ``q`` (0-based): its three months together."""
        months = self.months[3 * q : 3 * q + 3]
        sums = tuple(sum(m.sums[u] for m in months) for u in range(len(self.labels)))
        return SkmMonth(sum(m.respondents for m in months), sums)

    @property
    def respondents(self) -> int:
        """Respondents over the year."""
        return sum(m.respondents for m in self.months)

    def annual_unsur(self, i: int) -> Fraction:
        """Respondent-weighted annual mean of unsur ``i``."""
        return Fraction(sum(m.sums[i] for m in self.months), self.respondents)

    def annual(self) -> Fraction:
        """Respondent-weighted annual Nilai SKM (= IKM)."""
        total = sum(sum(m.sums) for m in self.months)
        return Fraction(total, len(self.labels) * self.respondents)


@dataclass(frozen=True, slots=True)
class IpkPart:
    """The internal or external IPK survey: respondents and (unsur, bobot, nilai)."""

    respondents: int
    unsur: tuple[tuple[str, int, Decimal], ...]

    def index(self) -> Decimal:
        """Σ bobot × nilai / 100, exact (nilai printed with two decimals)."""
        return sum((Decimal(b) * v for _, b, v in self.unsur), Decimal(0)) / 100


@dataclass(frozen=True, slots=True)
class Ipk:
    """IPK: internal and external parts and the stated (recap) total."""

    internal: IpkPart
    external: IpkPart
    internal_value: Decimal
    external_value: Decimal
    total: Decimal


@dataclass(frozen=True, slots=True)
class Kegiatan:
    """A DIPA kegiatan line: pagu and realisasi in whole Rupiah."""

    name: str
    pagu: int
    realisasi: int


@dataclass(frozen=True, slots=True)
class Program:
    """A DIPA program and its kegiatan."""

    name: str
    kegiatan: tuple[Kegiatan, ...]

    @property
    def pagu(self) -> int:
        """Sum of its kegiatan pagu."""
        return sum(k.pagu for k in self.kegiatan)

    @property
    def realisasi(self) -> int:
        """Sum of its kegiatan realisasi."""
        return sum(k.realisasi for k in self.kegiatan)


@dataclass(frozen=True, slots=True)
class Budget:
    """The year's DIPA: programs, jenis belanja, sources, history and PNBP."""

    programs: tuple[Program, ...]
    jenis: tuple[Kegiatan, ...]
    sumber: tuple[tuple[str, int], ...]
    history: dict[int, tuple[int, int]]
    pnbp_target: dict[int, int]
    pnbp_realisasi: dict[int, int]

    @property
    def pagu(self) -> int:
        """Total pagu."""
        return sum(p.pagu for p in self.programs)

    @property
    def realisasi(self) -> int:
        """Total realisasi."""
        return sum(p.realisasi for p in self.programs)


@dataclass(frozen=True, slots=True)
class PkLine:
    """A line of the lampiran PK kegiatan table: volume, unit, amount, sub-lines."""

    name: str
    volume: int
    unit: str
    amount: int
    subs: tuple[PkLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """How one document prints: number formats, ruling, order, wording choices."""

    ruled: bool
    amount_sep: str
    decimal_sep: str
    rp_prefix: str
    pct_space: bool
    capaian_decimals: int
    ikhtisar_as_table: bool
    budget_before_pnbp: bool
    font_size: float
    nip_spaced: bool
    header: bool
    years_as_rows: bool
    months_as_rows: bool
    rp_suffix: str
    skm_layout: str = SKM_LAYOUTS[0]
    family: str = "imigrasi"
    """The report family: "imigrasi" (Kemenkumham office) or "pemda" (regional unit)."""
    renderer: str = "reportlab"
    """How the PDF is made: drawn by reportlab, or "docx" typed and converted by LibreOffice."""
    roman_chapters: bool = False
    """Chapters headed "I. PENDAHULUAN" instead of "BAB I" (a held-out layout switch)."""
    held_out_words: bool = False
    """The held-out family of phrasings (see :mod:`corpus.wording_pemda`)."""


@dataclass(slots=True)
class Report:
    """One LKjIP: everything a renderer needs, plus the defects' overrides."""

    satker: str
    kode_satker: str
    city: str
    region: str
    year: int
    head: Person
    superior: Person
    staff: tuple[Person, ...]
    indicators: tuple[Indicator, ...]
    skm: Skm
    ipk: Ipk
    iki100: Decimal
    iki: Decimal
    region_values: dict[str, Decimal]
    ikpa: Decimal
    budget: Budget
    pk_lines: tuple[PkLine, ...]
    layout: Layout
    seed: int
    overrides: dict[str, str] = field(default_factory=dict)
    watch: set[str] = field(default_factory=set)
    # The clean text of every watched place, filled in by the renderer.
    originals: dict[str, str] = field(default_factory=dict)
    chapter_order: tuple[str, ...] = ("I", "II", "III", "IV", "L")


FIRST_NAMES = (
    "Arif",
    "Budi",
    "Dewi",
    "Eka",
    "Fajar",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Oktaviani",
    "Putu",
    "Rizky",
    "Sari",
    "Teguh",
    "Utami",
    "Wahyu",
    "Yusuf",
    "Zulkifli",
    "Andi",
    "Bambang",
    "Citra",
    "Dimas",
    "Rahmat",
    "Siti",
    "Agus",
    "Ratna",
)
LAST_NAMES = (
    "Pratama",
    "Saputra",
    "Wibowo",
    "Siregar",
    "Nasution",
    "Hidayat",
    "Kurniawan",
    "Lubis",
    "Harahap",
    "Setiawan",
    "Permana",
    "Santoso",
    "Wijaya",
    "Simanjuntak",
    "Rahayu",
    "Susanto",
    "Purnomo",
    "Gunawan",
    "Hutapea",
    "Panjaitan",
    "Syahputra",
    "Maulana",
    "Firmansyah",
)
TITLES = ("S.H.", "S.E.", "S.Kom.", "A.Md.Im., S.H.", "S.H., M.H.", "S.Sos.", "M.Si.", "S.T.")
JABATAN = (
    "Kepala Subbagian Tata Usaha",
    "Kepala Seksi Lalu Lintas dan Izin Tinggal Keimigrasian",
    "Kepala Seksi Intelijen dan Penindakan Keimigrasian",
    "Kepala Seksi Teknologi Informasi dan Komunikasi Keimigrasian",
    "Kepala Subseksi Izin Tinggal Keimigrasian",
    "Kepala Subseksi Lalu Lintas Keimigrasian",
    "Kepala Subseksi Penindakan Keimigrasian",
    "Kepala Subseksi Intelijen Keimigrasian",
    "Kepala Urusan Kepegawaian",
    "Kepala Urusan Keuangan",
    "Kepala Urusan Umum",
)


def make_nip(
    rng: random.Random, year: int, used: set[str], born: tuple[int, int] = (1966, 1996)
) -> str:
    """A valid NIP not in ``used``: birth date, TMT at age 19–30 and before ``year``."""
    while True:
        birth = date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
        tmt_year = min(birth.year + rng.randint(19, 30), year - 1)
        nip = (
            f"{birth:%Y%m%d}{tmt_year:04d}{rng.randint(1, 12):02d}"
            f"{rng.choice('12')}{rng.randint(1, 15):03d}"
        )
        if nip not in used:
            used.add(nip)
            return nip


def make_person(
    rng: random.Random,
    jabatan: str,
    year: int,
    used: set[str],
    born: tuple[int, int] = (1966, 1996),
) -> Person:
    """A plausible official with a unique name and a unique valid NIP (``used`` holds both):
    two officials of one office with the same name would be a real finding."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    while name in used:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    used.add(name)
    if rng.random() < 0.7:
        name = f"{name}, {rng.choice(TITLES)}"
    return Person(name, jabatan, make_nip(rng, year, used, born))


def split_int(rng: random.Random, total: int, parts: int, low: float, high: float) -> list[int]:
    """``total`` split into ``parts`` positive integers with random shares in [low, high]."""
    shares = [rng.uniform(low, high) for _ in range(parts)]
    scale = total / sum(shares)
    values = [max(1, int(s * scale)) for s in shares]
    values[-1] += total - sum(values)
    return values


def build_skm(
    rng: random.Random, value: Decimal, respondents: int, labels: tuple[str, ...] = UNSUR_SKM
) -> Skm:
    """A monthly grid of ``labels`` whose annual respondent-weighted IKM prints as ``value``."""
    unsur = len(labels)
    months = split_int(rng, respondents, 12, 0.75, 1.25)
    total = int(q2(value * unsur * respondents, 0))
    while q2(Fraction(total, unsur * respondents)) != value:
        total += 1 if Fraction(total, unsur * respondents) < value else -1
    sums = [[4 * n] * unsur for n in months]
    deficit = 4 * unsur * respondents - total
    cells = [(m, u) for m in range(12) for u in range(unsur)]
    weights = [rng.random() ** 2 for _ in cells]
    while deficit > 0:
        m, u = rng.choices(cells, weights)[0]
        if sums[m][u] > 3 * months[m]:
            step = min(deficit, rng.randint(1, 3), sums[m][u] - 3 * months[m])
            sums[m][u] -= step
            deficit -= step
    grid = tuple(SkmMonth(n, tuple(s)) for n, s in zip(months, sums, strict=True))
    return Skm(grid, labels)


def build_ipk_part(
    rng: random.Random, respondents: int, value: Decimal, weights: tuple[tuple[str, int], ...]
) -> IpkPart:
    """Unsur values (two decimals) whose bobot-weighted mean prints as ``value``."""
    values = [min(Decimal(4), q2(value + Decimal(rng.randint(-12, 12)) / 100)) for _ in weights]
    part = IpkPart(respondents, tuple((n, b, v) for (n, b), v in zip(weights, values, strict=True)))
    # Nudge one unsur a cent at a time (heaviest with room first) until the mean prints right.
    order = sorted(range(len(weights)), key=lambda i: -weights[i][1])
    while q2(part.index()) != value:
        step = TWO if part.index() < value else -TWO
        i = next(i for i in order if Decimal(1) <= values[i] + step <= Decimal(4))
        values[i] += step
        part = IpkPart(
            respondents, tuple((n, b, v) for (n, b), v in zip(weights, values, strict=True))
        )
    return part


def build_budget(rng: random.Random, year: int) -> Budget:
    """DIPA programs/kegiatan, jenis belanja, sources, history and PNBP, sums exact."""
    total = rng.randint(4_000, 30_000) * 1_000_000 + rng.randint(0, 999) * 1_000
    layanan = int(total * rng.uniform(0.2, 0.4)) // 1000 * 1000
    dukungan = total - layanan
    dukungan_split = split_int(rng, dukungan // 1000, 2, 0.3, 0.7)

    def kegiatan(name: str, pagu: int) -> Kegiatan:
        return Kegiatan(name, pagu, pagu - int(pagu * rng.uniform(0.001, 0.03)))

    programs = (
        Program(
            "Program Penegakan dan Pelayanan Hukum",
            (
                kegiatan(
                    "Penyelenggaraan Fungsi Pengkoordinasian, Pelayanan dan Penegakan "
                    "Hukum Keimigrasian di Wilayah",
                    layanan,
                ),
            ),
        ),
        Program(
            "Program Dukungan Manajemen",
            (
                kegiatan(
                    "Dukungan Manajemen dan Teknis Lainnya UPT Imigrasi", dukungan_split[0] * 1000
                ),
                kegiatan("Layanan Perkantoran UPT Imigrasi", dukungan_split[1] * 1000),
            ),
        ),
    )
    pagu = sum(p.pagu for p in programs)
    real = sum(p.realisasi for p in programs)
    pagu_parts = [v * 1000 for v in split_int(rng, pagu // 1000, 3, 0.15, 0.6)]
    real_parts = [v - int(v * rng.uniform(0.0, 0.02)) for v in pagu_parts[:2]]
    real_parts.append(real - sum(real_parts))
    jenis = tuple(
        Kegiatan(n, p, r)
        for n, p, r in zip(
            ("Belanja Pegawai", "Belanja Barang", "Belanja Modal"),
            pagu_parts,
            real_parts,
            strict=True,
        )
    )
    rm = int(pagu * rng.uniform(0.3, 0.6)) // 1000 * 1000
    history = {}
    for back in (2, 1):
        h_pagu = int(pagu * rng.uniform(0.6, 0.95)) // 1000 * 1000
        history[year - back] = (h_pagu, h_pagu - int(h_pagu * rng.uniform(0.005, 0.12)))
    history[year] = (pagu, real)
    pnbp_target = {y: rng.randint(500, 9_000) * 100_000 for y in (year - 2, year - 1, year)}
    pnbp_real = {y: int(t * rng.uniform(0.8, 2.6)) for y, t in pnbp_target.items()}
    return Budget(
        programs,
        jenis,
        (("Rupiah Murni (RM)", rm), ("Penerimaan Negara Bukan Pajak (PNBP)", pagu - rm)),
        history,
        pnbp_target,
        pnbp_real,
    )


PK_ACTIVITIES = (
    (
        "Pelayanan Publik Kepada Masyarakat",
        "orang",
        (
            "Layanan Penerbitan Dokumen Perjalanan RI",
            "Penerbitan Izin Tinggal",
            "Layanan Izin Tinggal Terbatas",
        ),
    ),
    (
        "Operasi Bidang Keamanan",
        "operasi",
        (
            "Penyelidikan Intelijen Keimigrasian",
            "Operasi Mandiri di Wilayah",
            "Operasi Gabungan",
            "Penyidikan Tindak Pidana Keimigrasian",
        ),
    ),
    (
        "Pengawasan dan Pengendalian Masyarakat",
        "orang",
        ("Tindakan Administratif Keimigrasian", "Pemeriksaan Keimigrasian di TPI"),
    ),
    (
        "Pemantauan Masyarakat dan Kelompok Masyarakat",
        "laporan",
        ("Pengawasan Orang Asing", "Pemeriksaan di atas Alat Angkut"),
    ),
    (
        "Layanan Dukungan Manajemen Internal",
        "layanan",
        (
            "Layanan BMN",
            "Layanan Umum",
            "Layanan Data dan Informasi",
            "Layanan Hubungan Masyarakat",
        ),
    ),
    (
        "Layanan Perkantoran",
        "layanan",
        ("Gaji dan Tunjangan", "Operasional dan Pemeliharaan Kantor"),
    ),
    (
        "Layanan Sarana dan Prasarana Internal",
        "unit",
        (
            "Pengadaan Perangkat Pengolah Data dan Komunikasi",
            "Pengadaan Peralatan dan Fasilitas Perkantoran",
        ),
    ),
    (
        "Layanan Manajemen Kinerja Internal",
        "laporan",
        (
            "Layanan Perencanaan dan Penganggaran",
            "Layanan Manajemen Keuangan",
            "Layanan Reformasi Kinerja",
        ),
    ),
)
VOLUME_RANGE = {
    "orang": (50, 20_000),
    "operasi": (1, 30),
    "laporan": (1, 15),
    "layanan": (1, 4),
    "unit": (2, 25),
}


def build_pk_lines(
    rng: random.Random,
    total: int,
    activities: tuple[tuple[str, str, tuple[str, ...]], ...] = PK_ACTIVITIES,
    volumes: dict[str, tuple[int, int]] = VOLUME_RANGE,
) -> tuple[PkLine, ...]:
    """Lampiran PK kegiatan lines (``activities``: name, unit, sub-lines) whose amounts
    partition ``total``; sub-lines add up."""
    amounts = [v * 1000 for v in split_int(rng, total // 1000, len(activities), 0.3, 1.7)]
    lines = []
    for (name, unit, subs), amount in zip(activities, amounts, strict=True):
        lo, hi = volumes[unit]
        vols = [rng.randint(lo, hi) for _ in subs]
        sub_amounts = [v * 1000 for v in split_int(rng, amount // 1000, len(subs), 0.2, 1.8)]
        sub_lines = tuple(
            PkLine(s, v, unit, a) for s, v, a in zip(subs, vols, sub_amounts, strict=True)
        )
        lines.append(PkLine(name, sum(vols), unit, amount, sub_lines))
    return tuple(lines)


def indicator_history(
    rng: random.Random, year: int, value: Decimal, target: Decimal, step: Decimal
) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """Targets rising by ``step`` per year and past realisations near ``value``."""
    targets = {y: target - step * (year - y) for y in (year - 2, year - 1, year)}
    real = {y: min(Decimal(4), q2(value - Decimal(rng.randint(-15, 25)) / 100)) for y in targets}
    real[year] = value
    return targets, real


def build_indicators(
    rng: random.Random, year: int, ikm: Decimal, ipk: Decimal, iki: Decimal, lower_better: bool
) -> tuple[Indicator, ...]:
    """The IKK of an immigration office (IKM, IPK, IKI, optionally a lower-is-better one)."""
    sasaran_1 = "Meningkatnya kualitas pelaksanaan tugas dan fungsi keimigrasian di Wilayah"
    sasaran_2 = "Meningkatnya Layanan Dukungan Manajemen dan Dukungan Teknis lainnya di Wilayah"
    specs = [
        (
            "ikm",
            "Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian di Wilayah",
            "IKM",
            sasaran_1,
            ikm,
            Decimal("3.25"),
        ),
        (
            "ipk",
            "Indeks Pengamanan Keimigrasian di Wilayah",
            "IPK",
            sasaran_1,
            ipk,
            Decimal("3.13"),
        ),
        ("iki", "Indeks Kepuasan Internal di Wilayah", "IKI", sasaran_2, iki, Decimal("3.13")),
    ]
    indicators = []
    for key, name, abbr, sasaran, value, target in specs:
        targets, real = indicator_history(rng, year, value, target, Decimal("0.05"))
        indicators.append(Indicator(key, name, abbr, sasaran, "indeks", True, targets, real))
    if lower_better:
        targets = {y: Decimal(5 - (y - year + 2)) for y in (year - 2, year - 1, year)}
        real = {y: q2(t - Decimal(rng.randint(20, 120)) / 100) for y, t in targets.items()}
        indicators.insert(
            2,
            Indicator(
                "waktu",
                "Rata-rata Waktu Penyelesaian Permohonan Paspor",
                "Waktu Penyelesaian",
                sasaran_1,
                "hari",
                False,
                targets,
                real,
            ),
        )
    return tuple(indicators)


def city_of(satker: str) -> str:
    """The town in a satker name ("Kantor Imigrasi Kelas I TPI Batam" -> "Batam")."""
    words = satker.split()
    for marker in ("TPI", "Imigrasi", "Rudenim"):
        if marker in words:
            tail = words[len(words) - words[::-1].index(marker) :]
            if tail and tail[0] in ("Khusus", "Non"):
                tail = tail[2:] if tail[0] == "Non" else tail[1:]
            if tail and tail[0] == "TPI":
                tail = tail[1:]
            if tail:
                return " ".join(tail)
    return words[-1]


def build_report(
    rng: random.Random,
    recap: SatkerRecap,
    year: int,
    layout: Layout,
    seed: int,
    *,
    lower_better: bool,
) -> Report:
    """A clean, internally consistent report for ``recap``'s satker."""
    used: set[str] = set()
    head = make_person(rng, f"Kepala {recap.name}", year, used, (1966, 1985))
    superior = make_person(
        rng,
        f"Kepala Kantor Wilayah Kementerian Hukum dan HAM {recap.region}",
        year,
        used,
        (1964, 1975),
    )
    staff = tuple(
        make_person(rng, j, year, used) for j in rng.sample(JABATAN, rng.randint(7, len(JABATAN)))
    )
    ipk = Ipk(
        build_ipk_part(rng, recap.ipk_int_n, recap.ipk_int, IPK_INTERNAL_WEIGHTS),
        build_ipk_part(rng, recap.ipk_ext_n, recap.ipk_ext, IPK_EXTERNAL_WEIGHTS),
        recap.ipk_int,
        recap.ipk_ext,
        recap.ipk,
    )
    budget = build_budget(rng, year)
    iki100 = min(Decimal(100), q2(recap.iki * 25 + Decimal(rng.randint(-10, 10)) / 100))
    return Report(
        satker=recap.name,
        kode_satker=recap.kode,
        city=city_of(recap.name),
        region=recap.region,
        year=year,
        head=head,
        superior=superior,
        staff=staff,
        indicators=build_indicators(rng, year, recap.ikm, recap.ipk, recap.iki, lower_better),
        skm=build_skm(
            rng,
            recap.ikm,
            recap.ikm_n,
            UNSUR_SKM if layout.skm_layout == SKM_LAYOUTS[0] else UNSUR_PERMENPAN,
        ),
        ipk=ipk,
        iki100=iki100,
        iki=recap.iki,
        region_values={"ikm": recap.region_ikm, "ipk": recap.region_ipk, "iki": recap.region_iki},
        ikpa=Decimal(rng.randint(9500, 9990)) / 100,
        budget=budget,
        pk_lines=build_pk_lines(rng, budget.pagu),
        layout=layout,
        seed=seed,
    )
