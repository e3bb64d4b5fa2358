"""Text checks on the seed text and on hand-made edge cases: placeholders, NIPs, chapters."""

from __future__ import annotations

from collections import Counter

import pytest
from support import document_from_pages

from lkjip_audit.audit import recognize
from lkjip_audit.findings import Category
from lkjip_audit.names import same_person
from lkjip_audit.nip import nip_problems
from lkjip_audit.recognize.meta import read_meta
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.registry import RuleContext

SEED_NIP = "197103101991031001"


def audit_pages(pages: list[str], ruleset, year: int | None = 2023):
    doc = document_from_pages(pages)
    facts, problems = recognize(doc, read_meta(doc))
    assert not problems
    context = RuleContext(settings=ruleset.settings, year=year)
    return facts, run_rules(ruleset, facts, context)


def of(findings, category: Category):
    return [f for f in findings if f.category is category]


@pytest.fixture(scope="module")
def seed_audit(seed_text, ruleset):
    # One text page per 60 lines: page numbers do not matter for these checks.
    lines = seed_text.splitlines()
    pages = ["\n".join(lines[i : i + 60]) for i in range(0, len(lines), 60)]
    return audit_pages(pages, ruleset)


def test_seed_placeholders_are_all_found(seed_audit):
    _, findings = seed_audit
    found = Counter(f.stated for f in of(findings, Category.PLACEHOLDER))
    for marker in (
        "[Satuan Kerja]",
        "[3,18 (contoh)]",
        "[…%]",
        "[…]",
        "[peningkatan/penurunan]",
        "[kategori]",
        "[range nilainya]",
        "[screenshot tampilan nilai kinerja tahun 2023 pada aplikasi SMART]",
        "[sebutkan inovasi]",
    ):
        assert found[marker] >= 1, marker
    # "[satuan kerja]" is split over two lines in the seed and is found whole.
    assert any(text.startswith("[satuan") and text.endswith("kerja]") for text in found)
    # Nothing but bracketed template markers in the seed: no table-of-contents leader.
    assert all(text.startswith("[") for text in found)


def test_seed_shared_nip_names_three_people(seed_audit):
    facts, findings = seed_audit
    duplicates = of(findings, Category.DUPLICATE_NIP)
    assert len(duplicates) == 1
    message = duplicates[0].text("id")
    assert SEED_NIP in message and "3 orang" in message
    for name in ("Suprapto", "Zikri Satriansyah Panjaitan", "Mario Harri Nathaniel"):
        assert name in message
    assert not of(findings, Category.NIP_FORMAT)
    assert len(set(facts.table("persons")["nip"])) >= 12


def test_seed_chapters_are_complete_and_meta_is_read(seed_audit, seed_text):
    _, findings = seed_audit
    assert not of(findings, Category.STRUCTURE)
    doc = document_from_pages([seed_text])
    meta = read_meta(doc)
    assert meta.satker == "Kantor Imigrasi Kelas II TPI Belakang Padang"
    assert meta.year == 2023


def test_placeholder_variants_and_non_placeholders(ruleset):
    page = "\n".join(
        [
            "Capaian IKM tahun ini sebesar XX,XX% dari target XX.",
            "Lorem ipsum dolor sit amet.",
            "Nilai tersebut …… dibandingkan tahun lalu.",
            "Sebagaimana diatur dalam pedoman [1] dan [2, 3], nilai dihitung per bulan.",
            "BAB I PENDAHULUAN ..................................... 1",
            "KATA PENGANTAR ........................................ iii",
            "Data diperoleh dari survei (lihat Tabel 3.1) dan XXI kegiatan.",
            "Rincian pada Tabel Error! Reference source not found. menunjukkan capaian.",
            "Lihat halaman Error! Bookmark not defined. Kesalahan! Bookmark tidak ditentukan.",
            "Kesalahan sistem! Aplikasi tidak bekerja karena jaringan terputus.",
        ]
    )
    _, findings = audit_pages([page], ruleset)
    found = sorted(f.stated for f in of(findings, Category.PLACEHOLDER))
    assert found == sorted(
        [
            "XX,XX%",
            "XX",
            "Lorem ipsum",
            "……",
            "Error! Reference source not found.",
            "Error! Bookmark not defined.",
            "Kesalahan! Bookmark tidak ditentukan.",
        ]
    )


def test_nip_with_spaces_labels_and_impossible_structure(ruleset):
    page = "\n".join(
        [
            "Kepala Kantor,",
            "Budi Santoso, S.H.",
            "NIP: 19870825 200801 1 001",
            "Kepala Seksi",
            "Siti Aminah",
            "NIP. 199013452015032002",
            "Nama : Dewi Lestari",
            "NIP 19900101201003300",
            "Rudi Hartono NIP. 200101012015031001",
        ]
    )
    facts, findings = audit_pages([page], ruleset)
    persons = facts.table("persons")
    assert list(persons["name"]) == [
        "Budi Santoso, S.H.",
        "Siti Aminah",
        "Dewi Lestari",
        "Rudi Hartono",
    ]
    assert persons["nip"].iloc[0] == "198708252008011001"
    problems = {f.stated: f.text("id") for f in of(findings, Category.NIP_FORMAT)}
    assert "tanggal lahir" in problems["199013452015032002"]
    assert "panjangnya 17 digit" in problems["19900101201003300"]
    assert "usia 14 tahun" in problems["200101012015031001"]
    assert "198708252008011001" not in problems


def test_one_person_with_two_nips_is_found_despite_titles_and_initials(ruleset):
    pages = [
        "Muhammad Asyrodi Maulana Putra, A.Md.Im, S.H.\nNIP. 198509122003121001",
        "M. Asyrodi Maulana P., S.H.\nNIP. 198509122003121002",
    ]
    _, findings = audit_pages(pages, ruleset)
    duplicates = of(findings, Category.DUPLICATE_NIP)
    assert [f.rule for f in duplicates] == ["NIP002"]
    assert duplicates[0].page == 2
    assert duplicates[0].related[0].page == 1


def test_missing_and_misordered_chapters(ruleset):
    pages = [
        "IKHTISAR EKSEKUTIF\nRingkasan.",
        "BAB I\nPENDAHULUAN",
        "BAB III\nAKUNTABILITAS KINERJA",
        "BAB II\nPERENCANAAN KINERJA",
        "LAMPIRAN\nPERJANJIAN KINERJA TAHUN 2023",
    ]
    _, findings = audit_pages(pages, ruleset)
    messages = [f.text("en") for f in of(findings, Category.STRUCTURE)]
    assert any("Chapter III" in m and "out of order" in m for m in messages), messages
    assert any("Chapter IV" in m and "is missing" in m for m in messages), messages


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("M. Asyrodi Maulana P., A.Md.Im,S.H., M.Si", "Muhammad Asyrodi Maulana Putra", True),
        ("Dr. Budi Santoso S.H.", "Budi Santoso", True),
        ("Hendra S, S.Komp", "Hendra Saputra", True),
        ("Zikri Satriansyah Panjaitan", "Zikri Satriansyah Panjaitan, A. Md. Im. S. H", True),
        ("Suprapto", "Zikri Satriansyah Panjaitan", False),
        ("Hendra S", "Hendra Gunawan", False),
        ("Andri Yanto", "Andri Yanti Siregar Putri", False),
        ("Dewi Syahputra", "Dewi Saputra, S.E.", False),
        ("Hendra Gunawan", "Hendri Gunawan", False),
        ("Muhammad Asyrodi", "Muhamad Asyrodi, S.H.", True),
        ("Dr.R. Budi Santoso,Drs., M.Si", "Dr. R. Budi Santoso, Drs., M.Si", True),
        ("Dr.R. Budi Santoso", "Dr. T. Budi Santoso", False),
    ],
)
def test_person_names(a, b, same):
    assert same_person(a, b) is same


def test_nip_structure():
    assert nip_problems("198708252008011001", 2023) == []
    assert nip_problems("198708252008013001", 2023)  # gender digit 3
    assert nip_problems("198708252025011001", 2023)  # appointed after the report year
    assert nip_problems("198713252008011001", 2023)  # month 13


@pytest.mark.parametrize(
    ("cover", "satker", "year", "kode"),
    [
        (
            "LAPORAN KINERJA INSTANSI PEMERINTAH\nKANTOR IMIGRASI KELAS I KHUSUS TPI BATAM\n"
            "TAHUN 2023",
            "Kantor Imigrasi Kelas I Khusus TPI Batam",
            2023,
            None,
        ),
        (
            "Laporan Kinerja Rumah Detensi Imigrasi Pekanbaru Tahun Anggaran 2024 disusun",
            "Rumah Detensi Imigrasi Pekanbaru",
            2024,
            None,
        ),
        (
            "LKjIP Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Riau tahun 2022\n"
            "Kode Satker: 408128",
            "Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Riau",
            2022,
            "408128",
        ),
        (
            "Kantor Imigrasi Kelas II Non TPI Dabo Singkep\nLaporan Kinerja Tahun 2023",
            "Kantor Imigrasi Kelas II Non TPI Dabo Singkep",
            2023,
            None,
        ),
        (
            "Lembaga Pemasyarakatan Kelas IIA Batam\nLAPORAN KINERJA 2023",
            "Lembaga Pemasyarakatan Kelas IIA Batam",
            2023,
            None,
        ),
    ],
)
def test_meta_from_covers_of_other_units_and_styles(cover, satker, year, kode):
    meta = read_meta(document_from_pages([cover]))
    assert (meta.satker, meta.year, meta.kode_satker) == (satker, year, kode)


def test_two_signature_columns_whose_rows_do_not_line_up(ruleset):
    # The left column's name stands on the row of the right column's NIP.
    page = "\n".join(
        [
            "Pihak Kedua,                            Pihak Pertama,",
            "Kepala Kantor                           Kepala Subseksi Izin Tinggal",
            "                                        Wahyu Wibowo, M.Si.",
            "Nur Harahap                             NIP. 198909062017062010",
            "NIP. 197908102001101001",
        ]
    )
    facts, findings = audit_pages([page], ruleset)
    pairs = set(zip(facts.table("persons")["name"], facts.table("persons")["nip"], strict=True))
    assert pairs == {
        ("Wahyu Wibowo, M.Si.", "198909062017062010"),
        ("Nur Harahap", "197908102001101001"),
    }
    assert not of(findings, Category.DUPLICATE_NIP)
