"""A Perjanjian Kinerja the lampiran list promises and the document lacks (STR003): reported
only when the list's other lampiran are attached and nothing looks like a PK."""

from __future__ import annotations

from pathlib import Path

from real_layouts import write_report

from lkjip_audit.audit import audit_file

HEADER = "Dinas Contoh Provinsi Contoh"
SISTEMATIKA = [
    "1.4 Sistematika Penulisan",
    "BAB IV PENUTUP",
    "LAMPIRAN",
    "- Rencana Strategis Dinas Contoh 2013 - 2018",
    "- Pengukuran Kinerja Tahun 2016",
    "- Perjanjian Kinerja Tahun 2016",
]
RENSTRA = ["RENCANA STRATEGIS (RENSTRA) TAHUN 2013 - 2018", [("Sasaran", "Target"), ("A", "1")]]
PK = ["PERJANJIAN KINERJA TAHUN 2016", "PIHAK PERTAMA PIHAK KEDUA"]


def _found(tmp_path: Path, ruleset, name: str, *lampiran: list) -> list:
    pages = [
        ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016", "DINAS CONTOH PROVINSI CONTOH"],
        ["BAB I PENDAHULUAN", "Laporan kinerja tahun 2016.", *SISTEMATIKA],
        ["BAB II PERENCANAAN KINERJA", "Perjanjian Kinerja tahun 2016 disusun bersama."],
        ["BAB III AKUNTABILITAS KINERJA", "Capaian tahun 2016 baik."],
        ["BAB IV PENUTUP", "Kinerja tahun 2016 baik."],
        *lampiran,
    ]
    result = audit_file(write_report(tmp_path / name, pages, HEADER), ruleset, use_cache=False)
    return [f for f in result.findings if f.rule == "STR003"]


def test_a_promised_pk_missing_among_attached_lampiran_is_reported(tmp_path: Path, ruleset):
    found = _found(tmp_path, ruleset, "missing.pdf", RENSTRA)
    assert [(f.page, f.stated) for f in found] == [(2, "Perjanjian Kinerja Tahun 2016")]
    assert "rencana strategis" in found[0].message["id"]


def test_an_attached_pk_or_an_excerpt_is_not_reported(tmp_path: Path, ruleset):
    assert _found(tmp_path, ruleset, "attached.pdf", RENSTRA, PK) == []
    # Without any of its lampiran the file may be an excerpt: the PK is not said missing.
    assert _found(tmp_path, ruleset, "excerpt.pdf") == []
