"""Recaps are untrusted input: bounded in bytes, rows, columns and zip ratio, streamed, quoted
fields read by the csv module's rules, formulas never evaluated; a refusal is one line and
exit 2, never a traceback. The oversized files are made cheaply in the test (sparse files,
zeros compressed)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_cli import write_report

from lkjip_audit.limits import Limits
from lkjip_audit.rekap import RekapError, read_rekap
from lkjip_audit.rekap.sheet import IKM_HEADER

CLI = Path(sys.executable).with_name("lkjip-audit")
ROW = ["satker", "JAWA BARAT", "123456", "Kantor Imigrasi Bogor", "3,18", "120", "3,50", "40"]


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(IKM_HEADER)
        writer.writerows(rows)
    return path


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLI, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def huge_csv(tmp_path) -> Path:
    """A 200 MB CSV recap: a real header and rows, then a sparse hole (no disk used)."""
    path = _write_csv(tmp_path / "rekap.csv", [ROW] * 40)
    with path.open("r+b") as handle:
        handle.truncate(200 * (1 << 20))
    return path


def _zip_bomb(path: Path, size: int) -> Path:
    """An XLSX-looking zip whose sheet inflates to ``size`` bytes of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = bytes(1 << 24)
            for _ in range(size // len(block)):
                sheet.write(block)
    return path


def test_a_huge_csv_is_refused_before_it_is_read(huge_csv):
    with pytest.raises(RekapError, match=r"200\.0 MB.*recap_mb"):
        read_rekap(huge_csv)


@pytest.mark.parametrize("command", ["check", "rekap"])
def test_oversized_recaps_are_one_line_and_exit_2(huge_csv, tmp_path, command):
    bomb = _zip_bomb(tmp_path / "bom.xlsx", 256 << 20)
    for recap in (huge_csv, bomb):
        if command == "check":
            done = _cli("check", write_report(tmp_path / "l.pdf"), "--rekap", recap, "--no-cache")
        else:
            done = _cli("rekap", recap)
        assert done.returncode == 2, done.stderr
        [line] = done.stderr.strip().splitlines() or [""]
        assert "recap_mb" in line and recap.name in line and "Traceback" not in done.stderr


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path):
    bomb = _zip_bomb(tmp_path / "bom.xlsx", 16 << 20)  # under the size limit, not the ratio
    with pytest.raises(RekapError, match=r"sheet1\.xml.*zip_ratio"):
        read_rekap(bomb)
    with pytest.raises(RekapError, match="recap_mb"):
        read_rekap(bomb, Limits(recap_mb=10))


def test_rows_and_columns_are_bounded_while_streaming(tmp_path):
    long = _write_csv(tmp_path / "panjang.csv", [ROW] * 50)
    with pytest.raises(RekapError, match=r"more than 40 rows.*recap_rows"):
        read_rekap(long, Limits(recap_rows=40))
    assert len(read_rekap(long, Limits(recap_rows=51)).table("rekap_ikm_iki")) == 50
    wide = _write_csv(tmp_path / "lebar.csv", [[*ROW, *["x"] * 200]])
    with pytest.raises(RekapError, match=r"row 2.*208 columns.*recap_columns"):
        read_rekap(wide)


def test_a_quoted_field_is_read_not_skipped(tmp_path):
    rows = [
        ["satker", "JAWA BARAT", "123456", 'Kantor Imigrasi "Bogor",\nKelas I', "3,18", "120"],
        ["satker", "JAWA BARAT", "123457", "Kantor Imigrasi Depok", "3,21", "80"],
    ]
    for delimiter in (",", ";"):
        path = _write_csv(tmp_path / f"kutip{ord(delimiter)}.csv", rows, delimiter)
        facts = read_rekap(path)
        table = facts.table("rekap_ikm_iki")
        assert facts.skipped == []
        assert list(table["satker"]) == [
            'Kantor Imigrasi "Bogor",\nKelas I',
            "Kantor Imigrasi Depok",
        ]
        assert [str(cell.value) for cell in table["ikm"]] == ["3.18", "3.21"]


def test_a_formula_is_never_evaluated(tmp_path):
    path = tmp_path / "rumus.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(IKM_HEADER))
    sheet.append(["satker", "JAWA BARAT", "123456", "Kantor Imigrasi Bogor", "=1+2", 120])
    sheet.append(["satker", "JAWA BARAT", "123457", '=HYPERLINK("http://x","y")', 3.2, 80])
    book.save(path)
    facts = read_rekap(path)
    # No value was saved with the formulas: nothing is computed, nothing is run, and a
    # formula is not taken for the text it computes.
    assert facts.table("rekap_ikm_iki")[["satker", "ikm"]].to_dict("records") == [
        {"satker": "Kantor Imigrasi Bogor", "ikm": None}
    ]
    assert facts.skipped == ["rumus.xlsx[Sheet] baris/row 3: nama satker kosong / no satker name"]


def test_a_fifo_recap_does_not_hang(tmp_path):
    fifo = tmp_path / "rekap.csv"
    os.mkfifo(fifo)
    with pytest.raises(RekapError, match="not a regular file"):
        read_rekap(fifo)
    done = _cli("rekap", fifo)
    assert done.returncode == 2 and "not a regular file" in done.stderr
