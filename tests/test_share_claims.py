"""A percentage restated as a count of a whole named in the same sentence (PCT005): flagged
when count / whole does not give it, left alone when the whole is not sure."""

from __future__ import annotations

from pathlib import Path

from real_layouts import write_report

from lkjip_audit.audit import audit_file

COVER = ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016", "DINAS CONTOH PROVINSI CONTOH"]
HEADER = "Dinas Contoh Provinsi Contoh"


def _audit(tmp_path: Path, ruleset, *sentences: str) -> list:
    pages = [
        COVER,
        ["KATA PENGANTAR", "Laporan Kinerja Tahun 2016 menyajikan kinerja tahun 2016."],
        [
            "BAB III AKUNTABILITAS KINERJA",
            "a) Persentase puskesmas terakreditasi",
            *sentences,
        ],
    ]
    report = write_report(tmp_path / "share.pdf", pages, HEADER)
    result = audit_file(report, ruleset, use_cache=False)
    return [f for f in result.findings if f.rule == "PCT005"]


def test_a_share_that_does_not_follow_from_its_counts_is_an_error(tmp_path: Path, ruleset):
    found = _audit(
        tmp_path,
        ruleset,
        "Berdasarkan pendataan tahun 2016 terdapat 16 puskesmas di wilayah kerja dan yang "
        "telah terakreditasi lebih kurang 40,5% atau ada 6 puskesmas yaitu puskesmas utara, "
        "puskesmas selatan dan lainnya.",
        "Sisanya 62,5% atau setara dengan 10 puskesmas dari 16 puskesmas belum terakreditasi.",
    )
    assert [(f.page, f.stated, f.expected) for f in found] == [(3, "40,5%", "37,50%")]
    assert "6 dari 16" in found[0].message["id"]


def test_shares_without_one_sure_whole_are_left_alone(tmp_path: Path, ruleset):
    found = _audit(
        tmp_path,
        ruleset,
        # Two wholes of the same thing: which one the share is of is not sure.
        "Dari 16 puskesmas kota dan 20 puskesmas desa, 40,5% atau 6 puskesmas terakreditasi.",
        # The whole counts another thing.
        "Terdapat 16 kecamatan, dan 40,5% atau 6 puskesmas telah terakreditasi.",
        # Another class of the same thing.
        "Terdapat 16 RSUD kelas B, dan 40,5% atau 6 RSUD kelas C memenuhi standar.",
        # An amount, not a count.
        "Dari 16 miliar anggaran, 40,5% atau 6 miliar terserap.",
    )
    assert found == []
