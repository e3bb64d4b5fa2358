"""Last year's text outside headings (PLH003, PLH004): the sentence on what the report accounts
for, and one copy of a repeated table; comparisons with last year are left alone."""

from __future__ import annotations

from pathlib import Path

from real_layouts import write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.extract.model import Line, Word
from lkjip_audit.recognize.stale_periods import find_stale_sentences

ACCOUNTS = (
    "Laporan Kinerja Instansi Pemerintah (LKIP) merupakan gambaran keberhasilan organisasi, "
    "pencapaian sasaran yang telah ditentukan pada tahun {a} serta sebagai bentuk "
    "pertanggungjawaban atas penggunaan anggaran DPA TA {b}."
)


def lines(*texts: str, page: int = 1) -> list[Line]:
    out = []
    for i, text in enumerate(texts):
        box = (0.0, 10.0 * i, 100.0, 10.0 * i + 8)
        out.append(Line(page, text, box, tuple(Word(w, box) for w in text.split())))
    return out


BODY = "Kinerja tahun 2016, anggaran tahun 2016 dan program tahun 2016 dilaporkan di sini."


def stale(*texts: str, year: int = 2016) -> list[str]:
    return [s.text for s in find_stale_sentences(lines(BODY, *texts), year)]


def test_the_reports_own_period_with_last_year_is_stale():
    text = ACCOUNTS.format(a=2015, b=2015)
    assert stale(text[:90], text[90:]) == ["tahun 2015 ... anggaran DPA TA 2015"]


def test_the_report_year_or_a_comparison_is_not_stale():
    assert stale(ACCOUNTS.format(a=2016, b=2016)) == []
    assert stale(ACCOUNTS.format(a=2015, b=2016)) == []
    compared = "LKIP ini merupakan pertanggungjawaban kinerja dibandingkan tahun 2015."
    assert stale(compared) == []
    # Last year named, but not as what this report accounts for.
    assert stale("Pada tahun 2015 anggaran DPA TA 2015 terserap 95 persen.") == []
    assert stale("Hasil evaluasi LKIP tahun 2015 atas pertanggungjawaban kinerja: nilai B.") == []


def test_a_body_that_names_last_year_most_leaves_the_year_in_doubt():
    text = ACCOUNTS.format(a=2015, b=2015)
    assert [s.text for s in find_stale_sentences(lines(text), 2016)] == []


def _program(number: int, year: int) -> list:
    return [
        f"{number}) Program contoh nomor {number}.",
        f"Adapun capaian sasaran tahun {year} dengan target jangka menengah dalam Renstra "
        "tampak sebagai berikut:",
        [
            ("SASARAN", "INDIKATOR", f"REALISASI\n{year}", "TARGET\nRENSTRA"),
            (f"{number}. Meningkatnya layanan", "Persentase layanan", "100 %", "100"),
        ],
    ]


def _report(tmp_path: Path, years: list[int], name: str) -> Path:
    section = ["3. Realisasi kinerja sampai tahun 2021 dengan target jangka menengah"]
    for number, year in enumerate(years, start=1):
        section += _program(number, year)
    pages = [
        ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2021", "DINAS CONTOH KABUPATEN CONTOH"],
        [
            "KATA PENGANTAR",
            "Laporan Kinerja Instansi Pemerintah Tahun 2021 menyajikan capaian kinerja tahun "
            "2021 Dinas Contoh Kabupaten Contoh.",
        ],
        [ACCOUNTS.format(a=2020, b=2020)],
        section,
    ]
    return write_report(tmp_path / name, pages, "Dinas Contoh Kabupaten Contoh")


def test_the_audit_warns_on_the_sentence_and_on_the_one_stale_table(tmp_path: Path, ruleset):
    report = _report(tmp_path, [2021, 2021, 2020, 2021], "stale.pdf")
    result = audit_file(report, ruleset, use_cache=False)
    found = {f.rule: f for f in result.findings if f.rule in ("PLH003", "PLH004")}
    assert found["PLH003"].page == 3
    assert found["PLH003"].stated == "tahun 2020 ... anggaran DPA TA 2020"
    assert found["PLH004"].page == 4
    assert found["PLH004"].stated == "REALISASI 2020"
    assert "capaian sasaran tahun 2020" in found["PLH004"].message["id"]


def test_tables_about_last_year_more_than_once_or_alone_are_left_alone(tmp_path: Path, ruleset):
    for years in ([2021, 2020, 2020, 2021], [2021, 2020]):
        report = _report(tmp_path, years, f"tables-{len(years)}-{years[1]}.pdf")
        result = audit_file(report, ruleset, use_cache=False)
        assert [f for f in result.findings if f.rule == "PLH004"] == [], years
