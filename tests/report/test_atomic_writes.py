"""Reports are written whole or not at all: a failing writer keeps the previous file."""

from __future__ import annotations

import os
import stat

import openpyxl
import pytest
from report.conftest import ReportCase

from lkjip_audit.atomic import atomic_file
from lkjip_audit.report import tables
from lkjip_audit.report.tables import write_csv
from lkjip_audit.report.workpaper import write_xlsx

PREVIOUS = "the report of the previous run\n"


class Interrupted(Exception):
    """Stands for whatever stops a writer half-way (disk full, Ctrl-C, a bug)."""


def _previous(path):
    path.write_text(PREVIOUS, encoding="utf-8")
    return path


def test_a_failing_write_keeps_the_previous_file_and_no_temporary(tmp_path):
    target = _previous(tmp_path / "r.json")
    with pytest.raises(Interrupted), atomic_file(target) as temporary:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write('{"schema": "lkjip-audit/findings@1", "documents": [')
        raise Interrupted
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert os.listdir(tmp_path) == ["r.json"]


def test_a_finished_write_replaces_the_file_readable_as_any_other(tmp_path):
    target = tmp_path / "out" / "r.json"
    with atomic_file(target) as temporary:
        assert temporary.parent == target.parent and temporary.name.startswith(".")
        temporary.write_text("{}\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert os.listdir(target.parent) == ["r.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_csv_writer_failing_mid_way_keeps_the_previous_file(
    report_case: ReportCase, tmp_path, monkeypatch
):
    values = 0

    def fail_in_the_second_row(value):
        nonlocal values
        values += 1
        if values > len(tables.COLUMNS):
            raise Interrupted
        return value

    monkeypatch.setattr(tables, "spreadsheet_cell", fail_in_the_second_row)
    target = _previous(tmp_path / "r.csv")
    with pytest.raises(Interrupted):
        write_csv(report_case.results, "id", target)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert os.listdir(tmp_path) == ["r.csv"]


def test_xlsx_writer_failing_mid_save_keeps_the_previous_file(
    report_case: ReportCase, ruleset, tmp_path, monkeypatch
):
    def half_a_zip(book, workbook):
        workbook.write(b"PK\x03\x04 half a workbook")
        raise Interrupted

    monkeypatch.setattr(openpyxl.Workbook, "save", half_a_zip)
    target = _previous(tmp_path / "r.xlsx")
    with pytest.raises(Interrupted):
        write_xlsx(report_case.results, ruleset, "id", target)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert os.listdir(tmp_path) == ["r.xlsx"]
