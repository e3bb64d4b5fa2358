"""Headings left from last year's report (PLH002): found where the content under them is
about the report year, left alone where it is about last year or the line is prose."""

from __future__ import annotations

from pathlib import Path

from real_layouts import write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.extract.model import Line
from lkjip_audit.recognize.stale_years import find_stale_headings


def lines(*texts: str, page: int = 1) -> list[Line]:
    return [Line(page, t, (0.0, 10.0 * i, 100.0, 10.0 * i + 8), ()) for i, t in enumerate(texts)]


def stale(*texts: str, year: int = 2016) -> list[str]:
    return [h.text for h in find_stale_headings(lines(*texts), year)]


def test_a_heading_with_last_year_over_this_years_table_is_stale():
    found = stale("2.3 Perjanjian Kinerja Tahun 2015", "Tabel 5", "Perjanjian Kinerja 2016")
    assert found == ["2.3 Perjanjian Kinerja Tahun 2015"]


def test_a_heading_about_last_year_is_not_stale():
    assert stale("B. Capaian Kinerja Tahun 2015", "Tabel 9 Capaian 2015 dan 2016") == []
    assert stale("Capaian Kinerja Tahun 2015", "Pada tahun 2015 capaian ...") == []


def test_prose_and_older_years_are_not_headings():
    assert stale("dengan capaian kinerja pada tahun 2015, diperoleh", "tahun 2016") == []
    assert stale("Perjanjian Kinerja Tahun 2014", "Perjanjian Kinerja 2016") == []


def test_content_on_the_next_page_does_not_confirm():
    heading = lines("Pengukuran Kinerja Tahun 2015", page=3)
    table = lines("Target 2016 Realisasi 2016", page=4)
    assert list(find_stale_headings(heading + table, 2016)) == []


def test_the_audit_warns_with_the_line_that_shows_the_year(tmp_path: Path, ruleset):
    pages = [
        ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016", "DINAS CONTOH KABUPATEN CONTOH"],
        [
            "BAB II PERENCANAAN KINERJA",
            "2.3 Perjanjian Kinerja Tahun 2015",
            "Tabel 5 Perjanjian Kinerja 2016",
            [("Indikator", "Target 2016"), ("Persentase dokumen tepat waktu", "90%")],
        ],
        ["BAB IV PENUTUP", "Kinerja tahun 2016 secara umum baik."],
    ]
    report = write_report(tmp_path / "stale.pdf", pages, "Dinas Contoh Kabupaten Contoh")
    result = audit_file(report, ruleset, use_cache=False)
    found = [f for f in result.findings if f.rule == "PLH002"]
    assert [(f.page, f.stated) for f in found] == [(2, "2.3 Perjanjian Kinerja Tahun 2015")]
    assert "Tabel 5 Perjanjian Kinerja 2016" in found[0].message["id"]
