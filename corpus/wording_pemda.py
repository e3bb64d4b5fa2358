"""Words of the pemda family: how a Dinas, Badan or Inspektorat writes its LKjIP.

Written fresh for regional units (not edits of :mod:`corpus.wording`): at least three
phrasings per sentence kind, in orders the Kemenkumham family never uses (the target before
the realisation, the capaian before both). :data:`HELD_OUT_PHRASES` is a family of phrasings
kept out of the tuning corpus: only the held-out seed writes it (see
:func:`pemda_phrases`), so the recognizers are measured on words nobody tuned them on.
Fields are the same as the Kemenkumham kinds; every variant uses every value field.
"""

from __future__ import annotations

from collections.abc import Mapping

PEMDA_PHRASES: dict[str, tuple[str, ...]] = {
    "ikhtisar_result": (
        "Dari target {name} tahun {year} sebesar {t}, realisasinya mencapai {r} sehingga "
        "capaiannya {c}.",
        "Target {name} ditetapkan {t}; sampai akhir tahun {year} terealisasi {r}, dengan "
        "tingkat capaian {c}.",
        "Sasaran dengan indikator {name} menunjukkan realisasi {r} berbanding target {t}, "
        "yang berarti capaian kinerja {c}.",
    ),
    "growth_up": (
        "Kinerja ini membaik dibandingkan tahun {py}: dari {rp} menjadi {r} pada tahun {year}, "
        "bertambah {g}.",
        "Jika disandingkan dengan capaian tahun {py} sebesar {rp}, realisasi {year} yang "
        "mencapai {r} menunjukkan kenaikan {g}.",
        "Realisasi bergerak naik dari {rp} (tahun {py}) ke {r} (tahun {year}) atau tumbuh {g}.",
    ),
    "growth_down": (
        "Kinerja ini melemah dibandingkan tahun {py}: dari {rp} menjadi {r} pada tahun {year}, "
        "berkurang {g}.",
        "Jika disandingkan dengan capaian tahun {py} sebesar {rp}, realisasi {year} yang "
        "sebesar {r} menunjukkan penurunan {g}.",
        "Realisasi bergerak turun dari {rp} (tahun {py}) ke {r} (tahun {year}) atau susut {g}.",
    ),
    "realisasi_sentence": (
        "Dari target {abbr} sebesar {t}, realisasi yang dicapai {satker} pada tahun {year} "
        "adalah {r}.",
        "Pada akhir tahun {year}, {name} di lingkungan {satker} terealisasi {r} terhadap "
        "target {t}.",
        "Pengukuran {abbr} tahun {year} menghasilkan angka {r}, sementara target yang "
        "diperjanjikan {t}.",
    ),
    "capaian_formula": (
        "Persentase capaian {abbr} = ({a} / {b}) x 100% = {c}",
        "Capaian = {a} dibagi {b} dikali 100% = {c}",
        "% capaian {abbr} = {a} : {b} x 100 % = {c}",
    ),
    "mutu": (
        "Nilai IKM {v} tersebut berada pada rentang mutu {letter}, sehingga kinerja "
        "pelayanan {satker} dikategorikan {cat}.",
        "Mengacu pada tabel nilai persepsi, {abbr} sebesar {v} masuk kategori {cat} dengan "
        "mutu pelayanan {letter}.",
        "Kinerja unit pelayanan tergolong {cat} (mutu {letter}) karena nilai {abbr} mencapai {v}.",
    ),
    "bab4_indicator": (
        "Dari target {t}, {name} terealisasi {r}.",
        "{name}: target {t}, realisasi {r}.",
        "Pada indikator {name}, angka yang dicapai adalah {r} sedangkan targetnya {t}.",
    ),
    "budget_ikhtisar": (
        "Dari pagu APBD sebesar {pagu}, {satker} membelanjakan {r} pada tahun {year}, "
        "atau terserap {p}.",
        "Anggaran {satker} tahun {year} dialokasikan {pagu} dan terealisasi {r} ({p}).",
        "Serapan belanja tahun {year} mencapai {p}, yakni {r} dari alokasi {pagu}.",
    ),
    "pnbp_ikhtisar": (
        "Dari target retribusi daerah sebesar {t}, {satker} memungut {r} pada tahun {year} "
        "atau {p}.",
        "Retribusi daerah tahun {year} terealisasi {r} terhadap target {t}, dengan capaian {p}.",
        "Pendapatan retribusi tahun {year} mencapai {p}, yaitu {r} dari target {t}.",
    ),
    "pnbp_target": (
        "Target pendapatan retribusi {satker} tahun anggaran {year} ditetapkan dalam APBD "
        "sebesar {t}.",
        "Melalui Peraturan Daerah tentang APBD Tahun {year}, {satker} dibebani target "
        "retribusi {t}.",
        "Untuk tahun {year}, retribusi daerah yang harus dipungut {satker} ditargetkan {t}.",
    ),
    "bab4_budget": (
        "Dari alokasi APBD sebesar {pagu}, belanja yang terealisasi pada tahun {year} sebesar {r}.",
        "Belanja tahun {year} terealisasi {r} dari pagu {pagu}.",
        "Pagu belanja {pagu} tahun {year} terserap sebanyak {r}.",
    ),
    "dipa_total": (
        "Melalui Dokumen Pelaksanaan Anggaran (DPA) Tahun {year}, {satker} mengelola "
        "anggaran belanja sebesar {total}.",
        "Alokasi APBD untuk {satker} pada tahun anggaran {year} berjumlah {total}.",
        "Pelaksanaan program, kegiatan dan sub kegiatan tahun {year} didukung DPA sebesar {total}.",
    ),
    "dipa_jenis": (
        "Menurut jenisnya, belanja pegawai dianggarkan {a}, belanja barang dan jasa {b}, "
        "serta belanja modal {c}.",
        "Anggaran tersebut dibagi ke belanja pegawai ({a}), belanja barang dan jasa ({b}) "
        "dan belanja modal ({c}).",
        "Rincian per jenis belanja: pegawai {a}; barang dan jasa {b}; modal {c}.",
    ),
    "dipa_sumber": (
        "Dana tersebut bersumber dari Pendapatan Asli Daerah sebesar {rm} dan dana transfer "
        "sebesar {pnbp}.",
        "Dilihat dari sumbernya, {rm} berasal dari PAD dan {pnbp} dari dana perimbangan.",
        "Sumber pendanaan terdiri atas PAD ({rm}) dan Dana Alokasi Umum ({pnbp}).",
    ),
    "skm_annual": (
        "Survei tahun {year} yang diisi {n} responden menghasilkan nilai rata-rata {v}.",
        "Rata-rata tertimbang seluruh unsur dari {n} responden tahun {year} adalah {v}.",
        "Hasil pengolahan kuesioner {n} responden sepanjang {year} menunjukkan nilai SKM {v}.",
    ),
}

HELD_OUT_PHRASES: dict[str, tuple[str, ...]] = {
    "ikhtisar_result": (
        "Capaian {name} tahun {year} adalah {c} (realisasi {r} terhadap target {t}).",
        "Tingkat capaian {c} diraih {name}, hasil realisasi {r} atas target {t} pada tahun {year}.",
    ),
    "realisasi_sentence": (
        "Capaian {abbr} {satker} tahun {year} dihitung dari realisasi {r} dan target {t}.",
        "Angka realisasi {abbr} tahun {year} yang dilaporkan {satker}: {r} (target {t}).",
    ),
    "bab4_indicator": (
        "{name} mencatat realisasi {r}, melampaui atau mendekati target {t}.",
        "Realisasi {r} atas target {t} dicapai oleh indikator {name}.",
    ),
    "budget_ikhtisar": (
        "Terserap {p} anggaran tahun {year}: {r} dibelanjakan {satker} dari pagu {pagu}.",
        "Penyerapan {p} ({r} dari {pagu}) dicapai {satker} tahun {year}.",
    ),
    "pnbp_ikhtisar": (
        "Capaian retribusi daerah tahun {year} adalah {p} (realisasi {r} terhadap target {t}).",
        "Retribusi yang dipungut {satker} tahun {year}, {r}, setara {p} dari target {t}.",
    ),
    "bab4_budget": (
        "Realisasi belanja {r} tercatat pada tahun {year} atas pagu {pagu}.",
        "Tahun {year} ditutup dengan belanja {r}; pagunya {pagu}.",
    ),
    "mutu": (
        "Kategori {cat} (mutu {letter}) disandang pelayanan {satker} dengan {abbr} {v}.",
        "Mutu pelayanan {letter}, kategori {cat}: itulah arti nilai {abbr} {v}.",
    ),
    "growth_up": (
        "Naik {g}: realisasi {r} tahun {year} dibanding {rp} tahun {py}.",
        "Peningkatan {g} terjadi dari {rp} pada {py} ke {r} pada {year}.",
    ),
    "growth_down": (
        "Turun {g}: realisasi {r} tahun {year} dibanding {rp} tahun {py}.",
        "Penurunan {g} terjadi dari {rp} pada {py} ke {r} pada {year}.",
    ),
    "skm_annual": (
        "Nilai SKM {v} diperoleh dari {n} responden sepanjang tahun {year}.",
        "IKM {year}: {v}, dengan {n} responden.",
    ),
}


def pemda_phrases(held_out: bool) -> Mapping[str, tuple[str, ...]]:
    """The pemda sentence variants; the held-out family replaces them where it has its own."""
    return {**PEMDA_PHRASES, **HELD_OUT_PHRASES} if held_out else PEMDA_PHRASES


PEMDA_FILLER: dict[str, tuple[str, ...]] = {
    "pengantar": (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya "
        "Laporan Kinerja {satker} Tahun {year} dapat kami susun tepat waktu.",
        "Laporan ini merupakan wujud pertanggungjawaban pelaksanaan Rencana Kerja dan "
        "Perjanjian Kinerja kepada Kepala Daerah dan masyarakat.",
        "Kritik dan saran untuk penyempurnaan laporan ini kami terima dengan terbuka.",
        "Semoga laporan ini dapat menjadi bahan evaluasi bagi perbaikan kinerja perangkat "
        "daerah di masa yang akan datang.",
    ),
    "latar": (
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah mewajibkan setiap perangkat daerah "
        "menyampaikan laporan kinerja sebagai bentuk pertanggungjawaban atas penggunaan APBD.",
        "{satker} merupakan unsur pelaksana urusan pemerintahan yang menjadi kewenangan "
        "daerah, dipimpin oleh seorang kepala yang bertanggung jawab kepada Kepala Daerah "
        "melalui Sekretaris Daerah.",
        "Laporan kinerja memuat perbandingan antara target dalam Perjanjian Kinerja dan "
        "realisasinya, disertai analisis keberhasilan dan hambatan.",
        "Evaluasi atas implementasi SAKIP oleh Inspektorat menjadi masukan penting bagi "
        "perbaikan perencanaan dan pengukuran kinerja.",
        "Rencana Pembangunan Jangka Menengah Daerah menjadi acuan utama bagi Rencana "
        "Strategis perangkat daerah.",
    ),
    "tugas": (
        "{satker} mempunyai tugas membantu Kepala Daerah melaksanakan urusan pemerintahan "
        "di bidangnya serta tugas pembantuan yang diberikan kepada daerah.",
        "Susunan organisasi terdiri atas Kepala, Sekretariat dengan subbagian-subbagiannya, "
        "beberapa Bidang dengan seksi-seksinya, Unit Pelaksana Teknis dan kelompok jabatan "
        "fungsional.",
        "Dalam melaksanakan tugasnya, {satker} menyelenggarakan fungsi perumusan kebijakan "
        "teknis, pelaksanaan kebijakan, evaluasi dan pelaporan, serta administrasi dinas.",
        "Kedudukan, tugas dan fungsi perangkat daerah ditetapkan dengan Peraturan Kepala "
        "Daerah tentang kedudukan, susunan organisasi, tugas dan fungsi serta tata kerja.",
    ),
    "tujuan": (
        "Laporan ini disusun untuk memberikan informasi kinerja yang terukur kepada Kepala "
        "Daerah atas kinerja yang telah dicapai selama satu tahun anggaran.",
        "Laporan kinerja juga menjadi sarana perbaikan berkelanjutan bagi {satker}.",
        "Informasi yang disajikan menjadi bahan penyusunan Rencana Kerja tahun berikutnya.",
    ),
    "aspek": (
        "Peningkatan kualitas pelayanan publik menjadi aspek strategis yang terus "
        "diperkuat melalui standar pelayanan dan maklumat pelayanan.",
        "Sinergi dengan perangkat daerah lain dan pemerintah desa menentukan keberhasilan "
        "program di wilayah {city}.",
        "Pemanfaatan sistem informasi pemerintahan daerah mendukung perencanaan dan "
        "penganggaran yang terintegrasi.",
    ),
    "isu": (
        "Keterbatasan anggaran daerah menuntut prioritas program yang tepat sasaran.",
        "Jumlah dan kompetensi aparatur belum sepenuhnya sebanding dengan beban kerja.",
        "Tuntutan masyarakat akan layanan yang cepat dan transparan semakin meningkat.",
        "Ketersediaan data yang akurat dan mutakhir masih menjadi tantangan dalam "
        "perencanaan berbasis bukti.",
    ),
    "hukum": (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        "Instansi Pemerintah.",
        "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian "
        "Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja.",
        "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi "
        "dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah.",
        "Peraturan Daerah tentang Rencana Pembangunan Jangka Menengah Daerah.",
    ),
    "renstra": (
        "Rencana Strategis perangkat daerah memuat tujuan, sasaran, strategi, arah kebijakan, "
        "program dan kegiatan yang disusun sesuai tugas dan fungsi.",
        "Indikator Kinerja Utama ditetapkan dengan Keputusan Kepala Daerah dan menjadi "
        "ukuran keberhasilan sasaran strategis.",
        "Perjanjian Kinerja ditandatangani oleh kepala perangkat daerah dan Kepala Daerah "
        "pada awal tahun anggaran.",
        "Cascading kinerja menurunkan sasaran perangkat daerah ke sasaran program, kegiatan "
        "dan sub kegiatan.",
    ),
    "survei": (
        "Survei Kepuasan Masyarakat dilaksanakan sesuai Peraturan Menteri PANRB Nomor 14 "
        "Tahun 2017 dengan sembilan unsur pelayanan.",
        "Setiap unsur dinilai responden pada skala 1 sampai 4, lalu nilai indeks dikonversi "
        "ke skala 25 sampai 100.",
        "Kuesioner diberikan kepada penerima layanan secara langsung maupun melalui tautan daring.",
    ),
    "anggaran": (
        "Pelaksanaan program dan kegiatan dibiayai APBD sesuai Dokumen Pelaksanaan Anggaran.",
        "Realisasi anggaran dipantau setiap bulan melalui Sistem Informasi Pemerintahan Daerah.",
    ),
    "smart": (
        "Hasil evaluasi akuntabilitas kinerja oleh Inspektorat menjadi ukuran kualitas "
        "implementasi SAKIP perangkat daerah.",
        "Rekomendasi hasil evaluasi ditindaklanjuti melalui rencana aksi perbaikan.",
    ),
    "saran": (
        "Menyusun target kinerja yang realistis namun menantang berdasarkan data dasar yang "
        "akurat.",
        "Melaksanakan pemantauan capaian kinerja secara triwulanan.",
        "Meningkatkan kapasitas aparatur dalam perencanaan dan pengukuran kinerja.",
    ),
    "keberhasilan": (
        "Capaian ini didukung oleh komitmen pimpinan dan koordinasi lintas bidang.",
        "Inovasi pelayanan berbasis daring mempermudah masyarakat memperoleh layanan.",
        "Hambatan yang dihadapi antara lain keterbatasan sarana dan prasarana pendukung.",
        "Ke depan, perbaikan dilakukan melalui penyederhanaan prosedur dan peningkatan "
        "kompetensi petugas.",
    ),
}
