"""Text hygiene: characters are read as code points, and what a PDF or a file name holds is
shown in every report format, never obeyed (terminal escapes, formulas) and never fatal to an
encoder (lone surrogates, control characters).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_pdf import hostile_pdf
from openpyxl import load_workbook
from test_cli import CHAPTERS

from lkjip_audit.extract import read_pdf
from lkjip_audit.report.safe import clean_data, clean_text, spreadsheet_cell

CLI = Path(sys.executable).with_name("lkjip-audit")
OLD_ITALIC = "\U00010300"  # outside the BMP: a surrogate pair in pdfium's UTF-16
EMOJI = "\U0001f600"
ESCAPE = "\x1b[31m"  # a terminal escape sequence: recolours the reviewer's terminal
C1 = "\x85"
LONE = "\ud800"
# Characters drawn in the PDF (DejaVu has their glyphs) whose Unicode map is rewritten.
REMAP = {"¤": ESCAPE, "¶": C1, "§": LONE}
INJECTED = "=HYPERLINK(1)"
# A non-UTF-8 byte in a file name: Python holds it as the lone surrogate U+DCFF.
NOT_UTF8 = os.fsdecode(b"lapor\xffan")
MARKUP = "Catatan [/bold] [red]merah"  # rich markup: must print as it is


def _unsafe(text: str) -> list[str]:
    """The characters of ``text`` no report may contain."""
    return [c for c in text if c not in "\t\n" and clean_text(c) != c]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A report whose template leftover sits in a line full of hostile text, saved under a
    file name that is not valid UTF-8."""
    folder = tmp_path_factory.mktemp("hostile")
    pages = [list(lines) for lines in CHAPTERS]
    pages[0][1] += f" {EMOJI}"
    pages[4].append(f"{INJECTED} ¤ Nilai {OLD_ITALIC} ¶ sebesar [3,18 (contoh)] indeks §.")
    pages[4].append(MARKUP)
    built = hostile_pdf(folder / "built.pdf", pages, REMAP)
    return built.rename(folder / f"{NOT_UTF8}.pdf")


def test_characters_are_code_points(hostile: Path) -> None:
    lines = read_pdf(hostile, use_cache=False).text.lines()
    text = "\n".join(line.text for line in lines)
    assert OLD_ITALIC in text and EMOJI in text  # surrogate pairs joined
    assert not any("\ud800" <= c <= "\udfff" for c in text)  # lone surrogates dropped
    words = [word.text for line in lines for word in line.words]
    assert OLD_ITALIC in words and EMOJI in words


def test_clean_text_keeps_tab_newline_and_non_bmp() -> None:
    assert clean_text(f"a\tb\nc{ESCAPE}d{C1}e\x7f\r{EMOJI}") == f"a\tb\nc[31mde{EMOJI}"
    assert clean_text(NOT_UTF8) == "lapor\ufffdan"
    assert clean_data({"k\x07": [("x\x00",), 3, None]}) == {"k": [("x",), 3, None]}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r="])
def test_spreadsheet_cells_starting_a_formula_are_text(start: str) -> None:
    cell = spreadsheet_cell(f"{start}SUM(A1:A9)")
    assert cell.startswith("'") and "\r" not in cell
    assert spreadsheet_cell("-3,5") == "-3,5" and spreadsheet_cell("+12 %") == "+12 %"
    assert spreadsheet_cell(7) == 7


def _run(*args: object) -> subprocess.CompletedProcess[bytes]:
    """The installed command, with non-UTF-8 names passed as the bytes they are."""
    argv = [os.fsencode(str(a)) for a in (CLI, *args)]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(argv, capture_output=True, env=env, check=False)


def _report_text(fmt: str, out: Path) -> str:
    """Every text the report file holds."""
    if fmt == "xlsx":
        book = load_workbook(out)
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "html", "csv", "xlsx"])
def test_report_files_show_hostile_text_safely(hostile: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"{NOT_UTF8}.{fmt}"
    done = _run("check", hostile, "--output", out, "--workers", "1")
    assert done.returncode == 1, done.stderr  # the template leftover, nothing else
    assert b"Traceback" not in done.stderr
    assert os.listdir(tmp_path) == [out.name]  # written under the name asked for
    text = _report_text(fmt, out)
    assert not _unsafe(text)
    assert OLD_ITALIC in text  # a non-BMP character is a character: it passes
    assert "lapor\ufffdan.pdf" in text  # the input's name, shown with a replacement character
    said = done.stdout.decode("utf-8").strip()
    assert said in ("", f"{fmt.upper()}: {tmp_path}/lapor\ufffdan.{fmt}")


def test_json_report_is_valid_and_clean(hostile: Path, tmp_path: Path) -> None:
    done = _run("check", hostile, "--format", "json", "--workers", "1")
    document = json.loads(done.stdout.decode("utf-8"))
    evidence = [f["evidence"] for f in document["documents"][0]["findings"] if f["evidence"]]
    assert any(e.startswith(INJECTED) and "[31m" in e for e in evidence)
    assert not _unsafe(json.dumps(document, ensure_ascii=False))


def test_console_report_cannot_steer_the_terminal(hostile: Path) -> None:
    done = _run("check", hostile, "--workers", "1")
    assert done.returncode == 1
    out = done.stdout.decode("utf-8")  # decodes: no lone surrogate reached it
    assert "\x1b" not in out and C1 not in out  # piped: rich adds no colour either
    assert OLD_ITALIC in out and "lapor\ufffdan.pdf" in out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheets_neutralise_formulas(hostile: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    assert _run("check", hostile, "--output", out, "--workers", "1").returncode == 1
    if fmt == "csv":
        with out.open(encoding="utf-8-sig", newline="") as handle:
            evidence = [row["evidence"] for row in csv.DictReader(handle)]
    else:
        sheet = load_workbook(out)["Temuan"]
        column = [cell.value for cell in sheet[1]].index("Teks sumber")
        evidence = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(value.startswith("'" + INJECTED) for value in evidence if value)
    assert not any(value.startswith("=") for value in evidence if value)


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_extract_prints_text_as_text(hostile: Path, fmt: str) -> None:
    done = _run("extract", hostile, "--format", fmt, "--no-cache")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert MARKUP in out and OLD_ITALIC in out and not _unsafe(out)
