"""Output discipline: raw JSON on stdout, --format agreeing with --output, non-PDFs named once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from test_cli import write_report
from typer.testing import CliRunner

from lkjip_audit.cli import app
from lkjip_audit.report.json_report import findings_schema

CLI = Path(sys.executable).with_name("lkjip-audit")
QUICK = ("--fail-on", "never", "--workers", "1")


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def piped(*args: object) -> subprocess.CompletedProcess[str]:
    """The installed command with stdout piped and a terminal 40 columns wide."""
    env = {**os.environ, "COLUMNS": "40"}
    return subprocess.run(
        [str(CLI), *map(str, args)], capture_output=True, text=True, env=env, check=False
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return write_report(tmp_path_factory.mktemp("output") / "laporan.pdf")


def _strings(value: object) -> Iterator[str]:
    """Every string in a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for child in value.values() if isinstance(value, dict) else value:
            yield from _strings(child)


def test_check_json_on_a_narrow_pipe_parses(seed_pdf):
    done = piped("check", seed_pdf.path, "--format", "json", *QUICK)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    jsonschema.validate(document, findings_schema())
    assert document["documents"][0]["findings"]
    assert (
        max(map(len, _strings(document))) > 40
    )  # long strings that a 40-column console would wrap


def test_rekap_json_on_a_narrow_pipe_parses(recap_pdf):
    done = piped("rekap", recap_pdf.path, "--format", "json", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["schema"] == "lkjip-audit/rekap@1"
    assert max(map(len, _strings(document))) > 40


def test_format_contradicting_the_extension_is_a_usage_error(report, tmp_path):
    out = tmp_path / "x.xlsx"
    result = run("check", report, "--format", "html", "--output", out, *QUICK)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "--format html" in line and "x.xlsx" in line and "Traceback" not in result.output
    assert not out.exists()
    english = run(
        "rekap", report, "--format", "console", "--output", tmp_path / "r.json", "--lang", "en"
    )
    assert english.exit_code == 2 and "contradicts" in english.stderr
    assert len(english.stderr.splitlines()) == 1


@pytest.mark.parametrize("extension", ["json", "html", "csv", "xlsx"])
def test_the_extension_says_the_format(report, tmp_path, extension):
    out = tmp_path / f"laporan.{extension}"
    result = run("check", report, "--output", out, *QUICK)
    assert result.exit_code == 0, result.output
    if extension == "json":
        jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), findings_schema())
    elif extension == "html":
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    elif extension == "csv":
        assert out.read_text(encoding="utf-8-sig").startswith("Dokumen;Satker")
    else:
        assert load_workbook(out).sheetnames[:2] == ["Ringkasan", "Temuan"]


def test_no_extension_and_no_format_keeps_the_console_report(report, tmp_path):
    out = tmp_path / "laporan"
    result = run("check", report, "--output", out, *QUICK)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Kantor Imigrasi Kelas I TPI Batam" in text and not text.startswith("{")


def test_rekap_output_takes_its_format_from_the_extension(recap_pdf, tmp_path):
    out = tmp_path / "rekap.json"
    result = run("rekap", recap_pdf.path, "--output", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "lkjip-audit/rekap@1"
    assert result.stdout == ""


def test_an_unwritable_output_is_one_line(report, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = run("check", report, "--output", blocker / "r.json", *QUICK)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "r.json" in line and "Traceback" not in result.output


@pytest.fixture()
def mixed_folder(report, tmp_path) -> Path:
    folder = tmp_path / "kanwil"
    folder.mkdir()
    (folder / "laporan.pdf").write_bytes(report.read_bytes())
    (folder / "catatan.docx").write_bytes(b"PK\x03\x04 not a report")
    (folder / ".DS_Store").write_bytes(b"\0")  # hidden: nobody's input
    (folder / "~$catatan.docx").write_bytes(b"\0")  # Word's lock file
    return folder


def test_non_pdfs_in_a_folder_are_named_once(mixed_folder):
    result = run("check", mixed_folder, *QUICK)
    assert result.exit_code == 0, result.output
    note = f"1 berkas bukan PDF dilewati: {mixed_folder / 'catatan.docx'}"
    assert result.stderr.count(note) == 1 and note not in result.stdout
    assert "DS_Store" not in result.output and "~$" not in result.output
    english = run("check", mixed_folder, *QUICK, "--lang", "en")
    assert "1 non-PDF file(s) skipped: " in english.stderr


def test_non_pdfs_are_recorded_in_the_reports(mixed_folder):
    out = mixed_folder / "reviu.json"  # our own report, in the folder audited: not mentioned
    out.write_text("{}", encoding="utf-8")
    assert run("check", mixed_folder, "--output", out, *QUICK).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, findings_schema())
    assert document["skipped"] == [
        {"path": str(mixed_folder / "catatan.docx"), "reason": "not-pdf"}
    ]


def test_non_pdfs_are_named_in_the_html_summary(mixed_folder, tmp_path):
    html = tmp_path / "reviu.html"
    assert run("check", mixed_folder, "--output", html, *QUICK, "--lang", "en").exit_code == 0
    note = f"1 non-PDF file(s) skipped: {mixed_folder / 'catatan.docx'}"
    assert note in html.read_text(encoding="utf-8")
