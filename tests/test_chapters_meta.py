"""Chapters, satker and report year of regional (pemda) reports, read from small PDFs drawn
in the layouts real reports use: headings numbered "I." without BAB, a heading split over two
lines under a running header, a Daftar Isi and a Sistematika that list every chapter, a cover
whose year is the year of publication, an excerpt holding BAB I–IV only."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from support import document_from_pages

from lkjip_audit.audit import recognize
from lkjip_audit.extract import extract_document
from lkjip_audit.findings import Category, Severity
from lkjip_audit.recognize.chapters import BAB1, BAB4, IKHTISAR, LAMPIRAN, heading_key
from lkjip_audit.recognize.meta import read_meta
from lkjip_audit.recognize.survey.text import Passage
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.loader import DEFAULT_RULES, load_ruleset
from lkjip_audit.rules.registry import RuleContext

PROSE = "Kinerja tahun ini diuraikan menurut sasaran strategis dan indikator kinerjanya."


def draw(path: Path, pages: list[list[str]], running: str | None = None) -> Path:
    """One PDF page per list of lines; ``running`` (with the page number) heads every page."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        if running is not None:
            pdf.drawString(72, 810, f"{running} {number}")
        y = 770
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def audit(path: Path, profile: Path | str = DEFAULT_RULES):
    doc = extract_document(path)
    meta = read_meta(doc)
    facts, problems = recognize(doc, meta)
    assert not problems
    ruleset = load_ruleset(profile)
    context = RuleContext(settings=ruleset.settings, year=meta.year, satker=meta.satker)
    return meta, facts, run_rules(ruleset, facts, context)


def structure(findings) -> list:
    return [f for f in findings if f.category is Category.STRUCTURE]


@pytest.mark.parametrize(
    ("text", "after", "key"),
    [
        ("BAB I \r", "", BAB1),
        ("BAB. IV PENUTUP", "", BAB4),
        ("IV.", "PENUTUP", BAB4),
        ("IV.", "Tabel 4.1", None),
        ("I. SASARAN : Meningkatnya kemandirian", "", None),
        ("Ihtisar Eksekutif", "", IKHTISAR),
        ("RINGKASAN EKSEKUTIF", "", IKHTISAR),
        ("Lampiran. Dokumen Penetapan Indikator Kinerja Utama", "", LAMPIRAN),
        ("Lampiran : 2 (dua) berkas", "", None),
        ("BAB III AKUNTABILITAS KINERJA ........ 17", "", None),
        ("BAB. II PERENCANAAN KINERJA II - 1", "", None),
        ("Bab III menguraikan capaian kinerja", "", None),
    ],
)
def test_heading_variants(text, after, key):
    assert heading_key(text, after) == key


def test_chapters_numbered_without_bab_and_a_footer_year(tmp_path):
    # The layout of an OpenOffice export: "I. PENDAHULUAN", no cover, no Ikhtisar, the year
    # only in the running footer and in "Tahun Anggaran 2016", a cited PP of 2006 on page 1.
    footer = "LKIP Dinas Perikanan Provinsi Nusa Contoh 2016"
    pages = [
        [
            "I. PENDAHULUAN",
            "Laporan Kinerja Instansi Pemerintah (LKIP) berpedoman kepada Peraturan",
            "Pemerintah Nomor 8 tahun 2006 tentang Pelaporan Keuangan dan Kinerja.",
            "Dinas Perikanan Provinsi Nusa Contoh melaksanakan pelaporan Tahun Anggaran 2016.",
        ],
        ["II. PERENCANAAN DAN PERJANJIAN KINERJA", PROSE],
        ["III. AKUNTABILITAS KINERJA", PROSE],
        ["IV.", "PENUTUP", PROSE],
        ["Lampiran. Dokumen Penetapan Indikator Kinerja Utama (IKU)", PROSE],
    ]
    meta, facts, findings = audit(draw(tmp_path / "r.pdf", pages, running=footer))
    assert (meta.satker, meta.year) == ("Dinas Perikanan Provinsi Nusa Contoh", 2016)
    keys = list(facts.table("sections")["key"])
    assert keys == ["bab1", "bab2", "bab3", "bab4", "lampiran"]
    (missing,) = structure(findings)
    assert missing.severity is Severity.ERROR and missing.page == 1
    assert "Ikhtisar Eksekutif" in missing.text("id") and "I. PENDAHULUAN" in missing.text("id")


def test_daftar_isi_and_sistematika_entries_are_no_chapters(tmp_path):
    # The Daftar Isi lists a Ringkasan Eksekutif the report lacks; the Sistematika in Bab I
    # names every chapter again; leaders without page numbers are no template leftovers.
    pages = [
        ["PEMERINTAH PROVINSI NUSA CONTOH", "DINAS KESEHATAN PROVINSI NUSA CONTOH", "Tahun 2016"],
        ["KATA PENGANTAR", "Laporan Kinerja Dinas Kesehatan Provinsi Nusa Contoh tahun 2016."],
        [
            "DAFTAR ISI",
            "RINGKASAN EKSEKUTIF",
            "KATA PENGANTAR ..........................",
            "BAB. I PENDAHULUAN",
            "1.1. Latar Belakang 1",
            "BAB. II PERENCANAAN DAN PERJANJIAN KINERJA",
            "2.1 Perencanaan 12",
            "BAB. III AKUNTABILITAS KINERJA",
            "BAB. IV PENUTUP",
            "LAMPIRAN",
        ],
        [
            "BAB I",
            "PENDAHULUAN",
            "1.4. Sistematika Penulisan :",
            "BAB I PENDAHULUAN",
            "1.1. Latar Belakang",
            "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
            "2.1. Perencanaan",
            "BAB III AKUNTABILITAS KINERJA",
            "BAB IV PENUTUP",
            "LAMPIRAN",
            "- Rencana Strategis",
        ],
        ["BAB II", "PERENCANAAN DAN PERJANJIAN KINERJA", PROSE],
        ["BAB III", "AKUNTABILITAS KINERJA", PROSE],
        ["BAB IV", "PENUTUP", PROSE],
        ["LAMPIRAN", "Rencana Strategis Tahun 2013 - 2018"],
    ]
    running = "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2016"
    meta, facts, findings = audit(draw(tmp_path / "r.pdf", pages, running=running))
    assert (meta.satker, meta.year) == ("Dinas Kesehatan Provinsi Nusa Contoh", 2016)
    sections = facts.table("sections")
    headings = sections[~sections["listed"]]
    assert list(zip(headings["key"], headings["page"], strict=True)) == [
        ("kata-pengantar", 2),
        ("bab1", 4),
        ("bab2", 5),
        ("bab3", 6),
        ("bab4", 7),
        ("lampiran", 8),
    ]
    (listed,) = structure(findings)
    assert listed.severity is Severity.ERROR and listed.page == 3
    assert listed.stated == "RINGKASAN EKSEKUTIF" and "Daftar Isi" in listed.text("id")
    assert not [f for f in findings if f.category is Category.PLACEHOLDER]


def test_split_headings_under_a_running_header_and_a_report_without_lampiran(tmp_path):
    # Nitro-style pages: the running header comes first on every page, "BAB I" and its title
    # on two lines, the unit's name wrapped, regulations and the Renstra period named with
    # other years; the report ends at Bab IV (no lampiran: information only).
    pages = [
        [
            "IKHTISAR EKSEKUTIF",
            "Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas Pekerjaan Umum Dan Penataan",
            "Ruang Kabupaten Contoh Tahun 2021 disusun berdasarkan Rencana Strategis 2016 - 2021.",
        ],
        [
            "BAB I",
            "PENDAHULUAN",
            "Dinas Pekerjaan Umum Dan Penataan Ruang Kabupaten Contoh dibentuk berdasarkan",
            "Peraturan Bupati Contoh Nomor 53 Tahun 2016 tentang Susunan Organisasi.",
        ],
        ["BAB II", "PERENCANAAN KINERJA", PROSE],
        ["BAB III", "AKUNTABILITAS KINERJA", PROSE],
        ["BAB IV", "PENUTUP", PROSE],
    ]
    running = "Laporan Kinerja Instansi Pemerintah ( LKjIP ) Tahun 2021"
    meta, _, findings = audit(draw(tmp_path / "r.pdf", pages, running=running))
    expected = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh"
    assert (meta.satker, meta.year) == (expected, 2021)
    (lampiran,) = structure(findings)
    assert lampiran.severity is Severity.INFO and lampiran.page is None


def test_cover_year_of_publication_gives_way_to_the_body(tmp_path):
    pages = [
        ["BADAN PENANGGULANGAN BENCANA", "DAERAH PROVINSI NUSA CONTOH", "TAHUN 2017"],
        ["IKHTISAR EKSEKUTIF", PROSE],
        ["BAB I", PROSE],
        ["BAB II", PROSE],
        ["BAB III", PROSE],
        ["BAB IV", PROSE],
        ["LAMPIRAN", PROSE],
    ]
    running = "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016"
    meta, _, findings = audit(draw(tmp_path / "r.pdf", pages, running=running))
    assert meta.satker == "Badan Penanggulangan Bencana Daerah Provinsi Nusa Contoh"
    assert meta.year == 2016
    (cover,) = structure(findings)
    assert (cover.rule, cover.severity, cover.page) == ("STR002", Severity.INFO, 1)
    assert (cover.stated, cover.expected) == ("2017", "2016")
    assert "2017" in cover.text("en") and "2016" in cover.text("en")


def test_an_excerpt_of_bab_i_to_iv_only_is_no_error(tmp_path):
    pages = [
        ["BAB I", "PENDAHULUAN", "Rumah Sakit Jiwa Provinsi Nusa Contoh menyusun LKIP tahun 2016."],
        ["BAB II", "PERENCANAAN KINERJA", PROSE],
        ["BAB III", "AKUNTABILITAS KINERJA", PROSE],
        ["BAB IV", "PENUTUP", PROSE],
    ]
    meta, _, findings = audit(draw(tmp_path / "r.pdf", pages))
    assert (meta.satker, meta.year) == ("Rumah Sakit Jiwa Provinsi Nusa Contoh", 2016)
    assert {f.severity for f in structure(findings)} == {Severity.INFO}
    assert len(structure(findings)) == 2  # Ikhtisar and Lampiran, as information


def test_imigrasi_profile_requires_the_pk_lampiran(tmp_path):
    pages = [
        ["IKHTISAR EKSEKUTIF", "Kantor Imigrasi Kelas I TPI Contoh, Laporan Kinerja Tahun 2023"],
        ["BAB I", PROSE],
        ["BAB II", PROSE],
        ["BAB III", PROSE],
        ["BAB IV", PROSE, "PERJANJIAN KINERJA TAHUN 2023"],
    ]
    profile = "lkjip:imigrasi"
    _, facts, findings = audit(draw(tmp_path / "r.pdf", pages), profile)
    assert "perjanjian-kinerja" in set(facts.table("sections")["key"])
    assert not structure(findings)
    _, _, findings = audit(draw(tmp_path / "s.pdf", [*pages[:-1], ["BAB IV", PROSE]]), profile)
    (missing,) = structure(findings)
    assert missing.severity is Severity.WARNING and "Perjanjian Kinerja" in missing.text("id")


def test_rank_lines_between_name_and_nip_are_no_names(tmp_path):
    # One official signs twice, promoted in between ("Pembina Utama Muda", then "Madya", each
    # on the line above the NIP); another signs as Plt. with rank and grade.
    pages = [
        [
            "Bandung, Januari 2016",
            "Kepala Dinas Perikanan",
            "Provinsi Nusa Contoh",
            "Ir. BUDI HARTONO, MP.",
            "Pembina Utama Muda",
            "NIP. 19560622 198503 1 011",
        ],
        [
            "Plt. KEPALA DINAS PERIKANAN",
            "dr. H. SITI AMINAH, MM.",
            "Pembina Tk. I",
            "IV/b",
            "NIP. 19570712 198403 2 001",
        ],
        ["Ir. BUDI HARTONO, MP", "Pembina Utama Madya", "NIP. 19560622 198503 1 011"],
    ]
    _, facts, findings = audit(draw(tmp_path / "r.pdf", pages))
    persons = facts.table("persons")
    assert list(persons["name"]) == [
        "Ir. BUDI HARTONO, MP.",
        "dr. H. SITI AMINAH, MM.",
        "Ir. BUDI HARTONO, MP",
    ]
    assert not [f for f in findings if f.category is Category.DUPLICATE_NIP]


@pytest.mark.parametrize(
    ("definition", "claimed"),
    [
        ("Indeks Kepuasan Masyarakat (IKM) diukur setiap bulan.", True),
        ("Industri Kecil dan Menengah (IKM) dibina di seluruh kabupaten.", False),
    ],
)
def test_ikm_of_small_industry_is_no_satisfaction_index(tmp_path, definition, claimed):
    pages = [
        ["IKHTISAR EKSEKUTIF", definition],
        [
            "BAB III",
            "AKUNTABILITAS KINERJA",
            PROSE,
            "Nilai IKM 3,40 menempatkan Dinas pada kategori mutu A (Sangat Baik).",
        ],
    ]
    _, facts, findings = audit(draw(tmp_path / "r.pdf", pages))
    claims = facts.table("claims")
    assert ("mutu" in set(claims["kind"])) is claimed
    assert bool([f for f in findings if f.rule == "MUT001"]) is claimed


def test_ikm_sentence_topic_needs_the_survey_where_ikm_is_also_industry():
    doc = document_from_pages(
        [
            "Industri Kecil dan Menengah (IKM) tumbuh. Nilai IKM naik menjadi 3,50. "
            "Survei kepuasan IKM tahun ini sebesar 3,40."
        ]
    )
    topics = [s.topic for s in Passage(doc.lines()).sentences()]
    assert topics == [None, None, "ikm"]


def test_a_satker_report_is_never_its_direktorat_jenderal(tmp_path):
    """The cover's letterhead names the Direktorat Jenderal more often than the satker on
    the first pages; the report is the satker's, and "IMIGRASI" is no roman numeral I."""
    letterhead = ["KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA", "DIREKTORAT JENDERAL IMIGRASI"]
    pages = [
        [*letterhead, "LAPORAN KINERJA TAHUN 2023", "KANTOR IMIGRASI KELAS II TPI SABANG"],
        [*letterhead, "KATA PENGANTAR", "Direktorat Jenderal Imigrasi menetapkan indikator."],
        [*letterhead, "BAB I", PROSE],
    ]
    meta, _, _ = audit(draw(tmp_path / "r.pdf", pages))
    assert meta.satker == "Kantor Imigrasi Kelas II TPI Sabang"
    only_ditjen = [[*letterhead, "LAPORAN KINERJA TAHUN 2023"], ["BAB I", PROSE]]
    meta, _, _ = audit(draw(tmp_path / "d.pdf", only_ditjen))
    assert meta.satker == "Direktorat Jenderal Imigrasi"


def test_ocr_garbled_bab_ii_and_an_ikhtisar_after_the_daftar_tabel(tmp_path):
    # As OCR read the real 142-page scan: "BAB il" is Bab II (not "BAB" on page "il"), and the
    # Ikhtisar on the page after the Daftar Tabel (whose entries name no chapter) starts the
    # report instead of going on with the list.
    pages = [
        ["LAPORAN KINERJA DINAS CONTOH PROVINSI NUSA CONTOH TAHUN 2016"],
        ["KATA PENGANTAR", "Laporan Kinerja tahun 2016 disusun."],
        ["DAFTAR TABEL", "Tabel 2.1 Matriks Tujuan dan Sasaran ........ II-3"],
        ["IKHTISAR EKSEKUTIF", "Ringkasan capaian tahun 2016."],
        ["BAB!", "PENDAHULUAN", "Latar belakang."],
        ["BAB il", "PERENCANAAN KINERJA", "Rencana strategis."],
        ["BAB III", "AKUNTABILITAS KINERJA", "Capaian kinerja."],
        ["BAB IV", "PENUTUP", "Kesimpulan."],
        ["LAMPIRAN", "Perjanjian Kinerja."],
    ]
    _, facts, findings = audit(draw(tmp_path / "ocr-headings.pdf", pages))
    sections = facts.table("sections")
    started = list(sections[~sections["listed"].astype(bool)]["key"])
    assert started == ["kata-pengantar", IKHTISAR, BAB1, "bab2", "bab3", BAB4, LAMPIRAN]
    assert structure(findings) == []
