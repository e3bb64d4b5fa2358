"""Phrase variants: several ways each kind of sentence is written in real LKjIP.

Each kind maps to a tuple of ``str.format`` templates with named fields; the renderer picks one
per document and place with the document's ``random.Random`` (:func:`pick`), so that no tool
can rely on one phrasing. Templates hold plain text only (no markup); values arrive formatted.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

PHRASES: dict[str, tuple[str, ...]] = {
    "ikhtisar_result": (
        "Capaian indikator kinerja kegiatan {name} memperoleh hasil sebesar {r} dari target "
        "{t} atau {c}.",
        "Indikator {name} terealisasi sebesar {r} dengan target {t}, sehingga capaian "
        "kinerjanya adalah {c}.",
        "Untuk indikator {name}, realisasi tahun {year} mencapai {r} terhadap target {t} "
        "dengan capaian {c}.",
        "Pada indikator {name} diperoleh realisasi {r} dari target yang ditetapkan sebesar {t}, "
        "atau capaian sebesar {c}.",
    ),
    "growth_up": (
        "Realisasi tahun {year} sebesar {r} mengalami peningkatan dari realisasi tahun {py} "
        "sebesar {rp} atau meningkat sebesar {g}.",
        "Dibandingkan tahun {py} yang sebesar {rp}, realisasi tahun {year} ({r}) naik {g}.",
        "Nilai {r} tersebut lebih tinggi dari realisasi tahun {py} ({rp}), yaitu meningkat {g}.",
    ),
    "growth_down": (
        "Realisasi tahun {year} sebesar {r} mengalami penurunan dari realisasi tahun {py} "
        "sebesar {rp} atau menurun sebesar {g}.",
        "Dibandingkan tahun {py} yang sebesar {rp}, realisasi tahun {year} ({r}) turun {g}.",
    ),
    "realisasi_sentence": (
        "Dengan demikian realisasi {name} pada {satker} tahun {year} adalah sebesar {r} "
        "dari target sebesar {t}.",
        "Berdasarkan hasil tersebut, {name} {satker} tahun {year} terealisasi sebesar {r}, "
        "sedangkan target yang ditetapkan adalah {t}.",
        "Realisasi {abbr} {satker} pada tahun {year} tercatat sebesar {r} dengan target {t}.",
    ),
    "capaian_formula": (
        "Capaian {abbr} = {a} / {b} × 100% = {c}",
        "Capaian kinerja {abbr}: ({a} : {b}) × 100% = {c}",
    ),
    "compare_more": (
        "Jika dibandingkan dengan nilai {abbr} {other} tahun {year} sebesar {v}, maka nilai "
        "{abbr} pada {satker} sebesar {r} lebih besar {d} poin.",
        "Nilai {abbr} {satker} ({r}) lebih tinggi {d} poin dibandingkan dengan {other} yang "
        "memperoleh nilai {v}.",
    ),
    "compare_less": (
        "Jika dibandingkan dengan nilai {abbr} {other} tahun {year} sebesar {v}, maka nilai "
        "{abbr} pada {satker} sebesar {r} lebih kecil {d} poin.",
        "Nilai {abbr} {satker} ({r}) lebih rendah {d} poin dibandingkan dengan {other} yang "
        "memperoleh nilai {v}.",
    ),
    "mutu": (
        "Berdasarkan tabel interval tersebut, nilai {abbr} sebesar {v} termasuk dalam mutu "
        "pelayanan {letter} dengan kategori {cat}.",
        "Dengan nilai {v}, kinerja unit pelayanan pada {satker} berada dalam kategori {cat} "
        "(mutu {letter}).",
        "Nilai {abbr} {v} menempatkan {satker} pada kategori mutu {letter} ({cat}).",
    ),
    "bab4_indicator": (
        "{name} terpenuhi dengan realisasi sebesar {r} dari target {t}.",
        "{name} tercapai dengan realisasi {r} terhadap target {t} tanpa catatan.",
        "Indikator {name} memperoleh realisasi {r} (target {t}).",
    ),
    "budget_ikhtisar": (
        "Realisasi belanja {satker} tahun {year} adalah sebesar {r} atau {p} dari total "
        "anggaran {pagu}.",
        "Dari pagu anggaran sebesar {pagu}, {satker} merealisasikan belanja sebesar {r} atau {p}.",
    ),
    "pnbp_ikhtisar": (
        "Realisasi PNBP {satker} tahun {year} sebesar {r} atau {p} dari target {t}.",
        "Penerimaan Negara Bukan Pajak yang terealisasi pada tahun {year} adalah {r}, "
        "yaitu {p} dari target sebesar {t}.",
    ),
    "pnbp_target": (
        "Direktorat Jenderal Imigrasi menetapkan target PNBP pada {satker} tahun {year} "
        "sebesar {t}.",
        "Target Penerimaan Negara Bukan Pajak {satker} untuk tahun anggaran {year} "
        "ditetapkan sebesar {t}.",
    ),
    "bab4_budget": (
        "Realisasi Anggaran Belanja tahun {year} adalah sebesar {r} dari total pagu "
        "sebesar {pagu}.",
        "Anggaran belanja tahun {year} terserap sebesar {r} dari pagu {pagu}.",
    ),
    "dipa_total": (
        "Pelaksanaan program dan kegiatan pada {satker} sesuai dengan DIPA Tahun Anggaran "
        "{year} memperoleh dukungan anggaran sebesar {total}.",
        "Berdasarkan DIPA Nomor SP DIPA-013.06.2.{kode}/{year}, {satker} memperoleh pagu "
        "anggaran sebesar {total}.",
        "Untuk mendukung pelaksanaan program dan kegiatan tahun {year}, {satker} memperoleh "
        "alokasi anggaran dalam DIPA sebesar {total}.",
    ),
    "dipa_jenis": (
        "Alokasi anggaran tersebut terdiri atas belanja pegawai sebesar {a}, belanja barang "
        "sebesar {b}, dan belanja modal sebesar {c}.",
        "Menurut jenis belanja, anggaran dialokasikan untuk belanja pegawai {a}, belanja "
        "barang {b} dan belanja modal {c}.",
    ),
    "dipa_sumber": (
        "Sumber dananya berasal dari Rupiah Murni (RM) sebesar {rm} dan Penerimaan Negara "
        "Bukan Pajak (PNBP) sebesar {pnbp}.",
        "Dilihat dari sumber dana, anggaran terdiri dari RM sebesar {rm} dan PNBP sebesar {pnbp}.",
    ),
    "ipk_parts": (
        "Dengan jumlah responden sebanyak {ni} responden internal dan {ne} responden "
        "eksternal, diperoleh nilai IPK sebesar {vi} untuk internal dan {ve} untuk eksternal.",
        "Survei melibatkan {ni} responden internal dengan nilai {vi} dan {ne} responden "
        "eksternal dengan nilai {ve}.",
    ),
    "ipk_total": (
        "Nilai IPK = ({ni} × {vi} + {ne} × {ve}) / {n} = {v}",
        "IPK gabungan = ({ni} × {vi} + {ne} × {ve}) : {n} = {v}",
    ),
    "iki_conversion": (
        "Nilai Survei Integritas Internal Organisasi sebesar {v100} dikonversi ke skala 4 "
        "menjadi {v100} / 25 = {v4}.",
        "Hasil survei internal pada skala 100 adalah {v100}; setelah dikonversi ke skala 4 "
        "(dibagi 25) diperoleh nilai {v4}.",
    ),
    "skm_annual": (
        "Dengan formulasi tersebut diperoleh nilai SKM tahun {year} sebesar {v} dari {n} "
        "responden.",
        "Nilai IKM tahunan hasil pembobotan dengan jumlah responden ({n} orang) adalah {v}.",
    ),
}

FILLER: dict[str, tuple[str, ...]] = {
    "pengantar": (
        "Segala puji dan syukur kami panjatkan kehadirat Tuhan Yang Maha Esa atas berkat dan "
        "rahmat-Nya sehingga Laporan Kinerja {satker} Tahun {year} dapat diselesaikan.",
        "Penyusunan laporan ini mengacu pada Peraturan Presiden Nomor 29 Tahun 2014 tentang "
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014.",
        "Laporan Kinerja ini menyajikan informasi capaian Indikator Kinerja Kegiatan "
        "sebagaimana ditetapkan dalam Perjanjian Kinerja Tahun {year}, beserta permasalahan "
        "dan kendala yang dihadapi dalam pencapaiannya.",
        "Kami menyadari bahwa laporan ini masih jauh dari sempurna; oleh karena itu saran "
        "dan masukan yang membangun sangat kami harapkan demi perbaikan di masa mendatang.",
        "Semoga Laporan Kinerja ini bermanfaat sebagai bahan evaluasi dan pengambilan "
        "keputusan bagi pimpinan serta pemangku kepentingan.",
    ),
    "latar": (
        "Akuntabilitas kinerja merupakan perwujudan kewajiban instansi pemerintah untuk "
        "mempertanggungjawabkan keberhasilan dan kegagalan pelaksanaan misi organisasi "
        "dalam mencapai tujuan dan sasaran yang telah ditetapkan.",
        "{satker} sebagai Unit Pelaksana Teknis di bawah Kantor Wilayah Kementerian Hukum "
        "dan HAM {region} melaksanakan sebagian tugas dan fungsi Direktorat Jenderal "
        "Imigrasi di wilayah kerjanya yang meliputi {city} dan sekitarnya.",
        "Sejarah keimigrasian Indonesia mencerminkan perjalanan panjang sejak masa Hindia "
        "Belanda hingga terbentuknya Direktorat Jenderal Imigrasi yang mengelola lalu lintas "
        "orang, izin tinggal, serta pengawasan orang asing.",
        "Wilayah kerja {satker} memiliki posisi yang strategis karena berbatasan dengan jalur "
        "perlintasan orang yang padat, sehingga fungsi pelayanan dan pengawasan "
        "keimigrasian menjadi sangat penting.",
        "Laporan Kinerja disusun setiap tahun sebagai sarana evaluasi atas pelaksanaan "
        "Perjanjian Kinerja dan sebagai umpan balik bagi perencanaan tahun berikutnya.",
        "Penerapan Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mendorong setiap "
        "satuan kerja untuk merencanakan, mengukur, melaporkan dan mengevaluasi kinerjanya "
        "secara berkesinambungan.",
    ),
    "tugas": (
        "{satker} mempunyai tugas melaksanakan sebagian tugas pokok dan fungsi Kementerian "
        "Hukum dan HAM di bidang keimigrasian di wilayah kerjanya.",
        "Dalam melaksanakan tugasnya, {satker} menyelenggarakan fungsi pelayanan dokumen "
        "perjalanan Republik Indonesia, pelayanan izin tinggal, intelijen dan penindakan "
        "keimigrasian, serta pengelolaan teknologi informasi keimigrasian.",
        "Struktur organisasi terdiri atas Subbagian Tata Usaha, Seksi Lalu Lintas dan Izin "
        "Tinggal Keimigrasian, Seksi Intelijen dan Penindakan Keimigrasian, serta Seksi "
        "Teknologi Informasi dan Komunikasi Keimigrasian.",
        "Setiap seksi dipimpin oleh seorang Kepala Seksi yang bertanggung jawab langsung "
        "kepada Kepala Kantor dan dibantu oleh para Kepala Subseksi.",
    ),
    "isu": (
        "Tingginya mobilitas orang asing di wilayah kerja menuntut peningkatan kapasitas "
        "pengawasan dan koordinasi dengan instansi terkait melalui Tim Pengawasan Orang Asing.",
        "Keterbatasan sumber daya manusia dan sarana prasarana menjadi tantangan dalam "
        "memberikan pelayanan yang cepat, mudah dan terjangkau.",
        "Transformasi digital layanan keimigrasian memerlukan kesiapan infrastruktur "
        "jaringan dan kompetensi pegawai di bidang teknologi informasi.",
        "Pencegahan tindak pidana perdagangan orang dan penyelundupan manusia tetap menjadi "
        "isu strategis yang memerlukan perhatian bersama.",
    ),
    "renstra": (
        "Rencana Strategis Direktorat Jenderal Imigrasi Tahun 2020–2024 menjadi acuan dalam "
        "penyusunan perencanaan kinerja seluruh satuan kerja keimigrasian.",
        "Visi Kementerian Hukum dan HAM adalah masyarakat memperoleh kepastian hukum; misi "
        "tersebut dijabarkan ke dalam sasaran strategis, sasaran program dan sasaran kegiatan.",
        "Tata nilai PASTI (Profesional, Akuntabel, Sinergi, Transparan dan Inovatif) menjadi "
        "pedoman perilaku seluruh pegawai dalam melaksanakan tugas.",
        "Restrukturisasi program dan kegiatan menyederhanakan program teknis menjadi Program "
        "Penegakan dan Pelayanan Hukum serta Program Dukungan Manajemen.",
        "Perjanjian Kinerja merupakan lembar janji kinerja antara pimpinan unit kerja dan "
        "atasannya yang memuat target kinerja yang akan diwujudkan dalam satu tahun.",
    ),
    "survei": (
        "Pengukuran Indeks Kepuasan Masyarakat dilakukan melalui Survei Kepuasan Masyarakat "
        "(SKM) sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017 dengan skala Likert 1 "
        "sampai 4.",
        "Nilai tahunan dihitung dengan mengalikan nilai SKM setiap periode dengan jumlah "
        "responden periode tersebut, lalu membagi jumlahnya dengan total responden setahun.",
        "Survei dilaksanakan secara elektronik melalui aplikasi Survei Kepuasan Masyarakat "
        "yang dapat diakses pemohon setelah menerima layanan.",
        "Setiap responden memberikan penilaian pada skala 1 (tidak baik) sampai 4 (sangat "
        "baik) untuk masing-masing unsur layanan.",
    ),
    "ipk": (
        "Survei Indeks Pengamanan Keimigrasian dilaksanakan melalui kuesioner elektronik "
        "yang melibatkan pihak internal dan pihak eksternal.",
        "Penilaian unsur menggunakan skala Likert dan menghasilkan nilai berskala 4; setiap "
        "unsur memiliki bobot yang seluruhnya berjumlah 100 persen.",
        "Responden internal terdiri dari pejabat dan pegawai yang menangani fungsi intelijen, "
        "penindakan dan pengawasan keimigrasian.",
        "Responden eksternal berasal dari instansi mitra seperti kepolisian, pemerintah daerah "
        "dan anggota Tim Pengawasan Orang Asing.",
        "Nilai IPK satuan kerja diperoleh dari rata-rata tertimbang nilai internal dan "
        "eksternal dengan jumlah responden masing-masing sebagai bobot.",
    ),
    "iki": (
        "Pengukuran Indeks Kepuasan Internal dilakukan melalui Survei Integritas Internal "
        "Organisasi dengan skala 100 yang kemudian dikonversi ke skala 4.",
    ),
    "anggaran": (
        "Berbagai kegiatan yang dilaksanakan dalam upaya mencapai sasaran tidak terlepas "
        "dari penggunaan anggaran yang tepat dan efektif pada masing-masing sasaran kegiatan.",
        "Penyerapan anggaran dipantau setiap bulan melalui aplikasi SAKTI dan dilaporkan "
        "kepada Kantor Wilayah.",
    ),
    "smart": (
        "Seluruh satuan kerja wajib melaporkan capaian kinerja anggaran ke dalam aplikasi "
        "SMART Direktorat Jenderal Anggaran yang menilai capaian keluaran, penyerapan "
        "anggaran, efisiensi dan konsistensi.",
        "Indikator Kinerja Pelaksanaan Anggaran (IKPA) mengukur kualitas perencanaan, "
        "pelaksanaan dan hasil pelaksanaan anggaran belanja satuan kerja.",
        "Nilai IKPA {satker} tahun {year} termasuk dalam kategori sangat baik sehingga perlu "
        "dipertahankan pada tahun-tahun berikutnya.",
    ),
    "saran": (
        "Meningkatkan kualitas perencanaan kinerja dan anggaran agar target yang ditetapkan "
        "lebih menantang dan terukur.",
        "Melaksanakan monitoring dan evaluasi capaian kinerja secara berkala setiap triwulan.",
        "Meningkatkan kompetensi pegawai melalui pendidikan dan pelatihan teknis keimigrasian.",
        "Memperkuat koordinasi dengan instansi terkait dalam pengawasan orang asing.",
    ),
    "tujuan": (
        "Maksud penyusunan Laporan Kinerja adalah memberikan informasi kinerja yang terukur "
        "kepada pemberi mandat atas kinerja yang telah dan seharusnya dicapai.",
        "Tujuan penyusunan laporan ini adalah sebagai upaya perbaikan berkesinambungan bagi "
        "{satker} untuk meningkatkan kinerjanya.",
        "Laporan ini juga menjadi sarana komunikasi kepada masyarakat mengenai pelaksanaan "
        "tugas dan fungsi keimigrasian di wilayah {city}.",
        "Informasi yang disajikan diharapkan dapat menjadi dasar perumusan kebijakan dan "
        "perencanaan kegiatan pada tahun {year} dan tahun berikutnya.",
    ),
    "aspek": (
        "Aspek strategis organisasi mencakup pelayanan keimigrasian yang cepat dan transparan, "
        "penegakan hukum keimigrasian yang tegas, serta pengawasan orang asing yang efektif.",
        "Letak {city} yang menjadi tujuan wisata dan investasi menjadikan layanan izin "
        "tinggal sebagai salah satu layanan dengan permintaan tertinggi.",
        "Kerja sama dengan pemerintah daerah, kepolisian dan instansi vertikal lainnya menjadi "
        "faktor penentu keberhasilan pengawasan di wilayah kerja.",
        "Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi dan Wilayah Birokrasi "
        "Bersih dan Melayani menjadi agenda strategis {satker} pada tahun {year}.",
        "Pengelolaan pengaduan masyarakat melalui kanal daring dan tatap muka dilakukan untuk "
        "menjaga kualitas pelayanan publik.",
    ),
    "hukum": (
        "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian menjadi landasan utama "
        "pelaksanaan fungsi keimigrasian.",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja "
        "Instansi Pemerintah mengatur kewajiban penyusunan laporan kinerja.",
        "Peraturan Menteri Hukum dan HAM Nomor 29 Tahun 2015 tentang Organisasi dan Tata Kerja "
        "Kementerian Hukum dan HAM menetapkan struktur dan tugas satuan kerja.",
        "Keputusan Menteri Hukum dan HAM Nomor M.HH-01.PR.03 Tahun 2023 menjadi pedoman "
        "penyusunan Laporan Kinerja di lingkungan Kementerian Hukum dan HAM.",
    ),
    "keberhasilan": (
        "Keberhasilan pencapaian indikator ini tidak terlepas dari komitmen pimpinan dan "
        "seluruh pegawai dalam memberikan pelayanan yang prima.",
        "Inovasi layanan jemput bola dan pelayanan pada hari libur turut meningkatkan "
        "kepuasan pengguna layanan.",
        "Pemanfaatan aplikasi antrean daring mempersingkat waktu tunggu pemohon di kantor.",
        "Koordinasi yang baik dengan Tim Pengawasan Orang Asing di tingkat kabupaten/kota "
        "mendukung efektivitas pengawasan.",
        "Evaluasi berkala atas hasil survei dijadikan dasar perbaikan sarana dan prasarana "
        "pelayanan.",
        "Kendala yang dihadapi antara lain keterbatasan jumlah petugas pada saat permohonan "
        "meningkat menjelang musim libur.",
    ),
}

# Sentences per background paragraph: real reports write paragraphs of several sentences.
SENTENCES_PER_PARAGRAPH = (2, 4)


def pick(
    rng: random.Random, kind: str, phrases: Mapping[str, Sequence[str]] = PHRASES, **values: str
) -> str:
    """One variant of sentence ``kind`` of ``phrases`` chosen by ``rng``, filled with
    ``values``."""
    return rng.choice(phrases[kind]).format(**values)


def filler(
    rng: random.Random,
    kind: str,
    count: int,
    pools: Mapping[str, Sequence[str]] = FILLER,
    **values: str,
) -> list[str]:
    """``count`` paragraphs of background prose of ``kind``, each of a few pool sentences.

    Sentences are drawn without replacement until the pool is used up, so neighbouring
    paragraphs do not repeat each other.
    """
    pool = list(pools[kind])
    deck: list[str] = []
    paragraphs = []
    for _ in range(count):
        if not deck:
            last = paragraphs[-1] if paragraphs else ""
            deck = rng.sample(pool, len(pool))
            if len(deck) > 1 and last.endswith(deck[0].format(**values)):
                deck.append(deck.pop(0))
        size = min(len(deck), rng.randint(*SENTENCES_PER_PARAGRAPH))
        sentences, deck = deck[:size], deck[size:]
        paragraphs.append(" ".join(s.format(**values) for s in sentences))
    return paragraphs
