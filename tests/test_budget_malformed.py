"""Mistyped amounts (BUD008): a four-digit thousands group on a budget page is reported;
well-formed amounts, codes and figures on pages without budget words are not."""

from __future__ import annotations

from lkjip_audit.extract.model import Line
from lkjip_audit.recognize.budget.malformed import find_malformed


def lines(*texts: str, page: int = 1) -> list[Line]:
    return [Line(page, t, (0.0, 10.0 * i, 300.0, 10.0 * i + 8), ()) for i, t in enumerate(texts)]


def found(*texts: str) -> list[str]:
    return [hit.text for hit in find_malformed(lines(*texts))]


def test_a_four_digit_group_under_a_budget_header_is_malformed():
    table = ("NO. PROGRAM ANGGARAN (Rp) SUMBER DANA", "Kegiatan Administrasi Keuangan",
             "9.871.1466.000 APBD", "Kegiatan Administrasi Umum", "2.8766.522.000")  # fmt: skip
    assert found(*table) == ["9.871.1466.000", "2.8766.522.000"]


def test_well_formed_amounts_are_not_reported():
    assert found("Pagu anggaran Rp 9.871.146.000,- dan realisasi 1.234.567,89") == []


def test_a_dotted_code_on_a_page_without_budget_words_is_no_amount():
    assert found("Nomor register 1.2345.678.901 tanggal 5 Januari") == []


def test_budget_words_on_another_page_do_not_count():
    budget = lines("Realisasi anggaran tahun 2021", page=1)
    other = lines("Kode 1.2345.678.901", page=2)
    assert list(find_malformed(budget + other)) == []
