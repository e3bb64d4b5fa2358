"""An accepted finding reads "diterima" with its reason in every format, and stays a finding."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from openpyxl import load_workbook
from report.conftest import ReportCase
from rich.console import Console

from lkjip_audit.findings import Acceptance
from lkjip_audit.report.console import render_console
from lkjip_audit.report.html import write_html
from lkjip_audit.report.json_report import dumps, report_json
from lkjip_audit.report.tables import write_csv
from lkjip_audit.report.workpaper import write_xlsx

REASON = "Dua pegawai <b>berbeda</b>; dikonfirmasi BKN"
SHOWN = "diterima: Dua pegawai <b>berbeda</b>; dikonfirmasi BKN (Ani, s.d. 2027-06-30)"


def _accepted(case: ReportCase):
    audited, scanned = case.results
    findings = [
        replace(f, accepted=Acceptance(REASON, "Ani", "2027-06-30")) if f.rule == "NIP001" else f
        for f in audited.findings
    ]
    return [replace(audited, findings=findings), scanned]


def test_every_format_says_diterima_with_the_reason(report_case: ReportCase, ruleset, tmp_path):
    results = _accepted(report_case)

    console = Console(file=io.StringIO(), width=400)
    render_console(results, console, "id")
    text = console.file.getvalue()
    assert SHOWN in text and "1 temuan diterima" in text

    document = json.loads(dumps(report_json(results, ruleset, "id")))
    findings = {f["rule"]: f for f in document["documents"][0]["findings"]}
    assert findings["NIP001"]["accepted"] == {"reason": REASON, "who": "Ani", "until": "2027-06-30"}
    assert findings["CAP001"]["accepted"] is None
    assert document["summary"]["errors"] == 3  # still a finding, counted as one

    html = write_html(results, ruleset, "id", tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<p class="accepted">diterima: Dua pegawai &lt;b&gt;berbeda&lt;/b&gt;' in html

    with write_csv(results, "id", tmp_path / "r.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [r["Diterima"] for r in rows if r["Aturan"] == "NIP001"] == [SHOWN]
    assert all(r["Diterima"] == "" for r in rows if r["Aturan"] != "NIP001")

    book = load_workbook(write_xlsx(results, ruleset, "id", tmp_path / "r.xlsx"))
    sheet = book["Temuan"]
    heading = [c.value for c in sheet[1]]
    accepted = [
        row[heading.index("Diterima")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert SHOWN in accepted
