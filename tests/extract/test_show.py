"""What `lkjip-audit extract` shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from lkjip_audit.extract import read_pdf
from lkjip_audit.extract.show import parse_page_range, render_console, run_extract, to_dict


def test_parse_page_range() -> None:
    assert parse_page_range("3-5,12", 20) == [3, 4, 5, 12]
    assert parse_page_range(" 7 ", 20) == [7]
    assert parse_page_range("2,1-2", 20) == [1, 2]
    # Clamped to the document: never a hundred million page numbers.
    assert parse_page_range("1-100000000", 3) == [1, 2, 3]
    assert parse_page_range("2-9,40", 3) == [2, 3]


@pytest.mark.parametrize("spec", ["", "a", "5-3", "0", "1-", "3-9;12", "21-30"])
def test_parse_page_range_rejects(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_page_range(spec, 20)


def test_to_dict_is_json_with_tables_and_triage(pdfs: dict[str, Path]) -> None:
    data = json.loads(json.dumps(to_dict(read_pdf(pdfs["ruled"]), words=True)))
    assert data["status"] == "audited"
    assert data["triage"][0]["label"] == "table-candidate"
    assert data["tables"][0]["header"][3] == "Realisasi 2021"
    assert data["tables"][0]["rows"][0][3]["text"] == "8.538.182.000"
    assert data["content"][0]["lines"][0]["words"][0]["bbox"]


def test_console_shows_lines_literally(pdfs: dict[str, Path]) -> None:
    console = Console(record=True, width=200)
    render_console(read_pdf(pdfs["unruled"]), console)
    out = console.export_text()
    assert "Indeks Kepuasan Masyarakat" in out
    assert "Table 1 (page 1, unruled)" in out


def test_run_extract_exit_codes(pdfs: dict[str, Path]) -> None:
    quiet = Console(file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console
    assert run_extract(pdfs["prose"], "1", "json", console=quiet) == 0
    assert run_extract(pdfs["prose"], "1-100000000", "json", console=quiet) == 0
    assert run_extract(pdfs["not_pdf"], None, "console", console=quiet) == 2
    with pytest.raises(ValueError):
        run_extract(pdfs["prose"], None, "xml", console=quiet)
