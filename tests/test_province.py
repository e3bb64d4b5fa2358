"""A Kanwil's province folder: several corpus reports and the Ditjen recap inside the folder,
checked in one run. The recap is read as the recap (not audited as a report), its own
inconsistencies are listed once under "Rekap Ditjen", no report is named after the
Direktorat Jenderal, the overview comes first and ranked, and a progress bar shows on a
terminal only."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from corpus.generate import YEAR, build_document, plan_corpus, truth_entry
from corpus.recap_defects import RECAP_FILE, write_recap
from corpus.recap_pdf import DATA_DIR
from lkjip_audit.cli import app
from lkjip_audit.rekap.inputs import sort_inputs
from lkjip_audit.report.json_report import findings_schema

REPORTS = 3
CLI = [sys.executable, "-c", "from lkjip_audit.cli import main; main()"]


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three defective corpus reports and the recap written for them, in one folder."""
    folder = tmp_path_factory.mktemp("kanwil")
    plans = [p for p in plan_corpus(1) if p.defects][:REPORTS]
    builts = [build_document(plan) for plan in plans]
    for built in builts:
        (folder / built.plan.file).write_bytes(built.rendered.pdf)
    write_recap(folder, builts, [truth_entry(b) for b in builts], 1, YEAR)
    (folder / "rekap_truth.json").unlink()
    return folder


@pytest.fixture(scope="module")
def checked(province: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out")
    json_path, xlsx_path = out / "r.json", out / "r.xlsx"
    runner = CliRunner()
    for target in (json_path, xlsx_path):
        result = runner.invoke(app, ["check", str(province), "--output", str(target)])
        assert result.exit_code == 1, result.output
    console = runner.invoke(app, ["check", str(province)])
    return {
        "json": json.loads(json_path.read_text(encoding="utf-8")),
        "xlsx": load_workbook(xlsx_path),
        "console": console.output,
    }


def test_the_recap_in_the_folder_is_read_as_the_recap(checked, province):
    document = checked["json"]
    jsonschema.validate(document, findings_schema())
    recaps = [d for d in document["documents"] if d["kind"] == "rekap"]
    reports = [d for d in document["documents"] if d["kind"] == "report"]
    assert [Path(d["path"]).name for d in recaps] == [RECAP_FILE]
    assert recaps[0]["satker"] == "Rekap Ditjen"
    assert len(reports) == REPORTS
    recap_path = str(province / RECAP_FILE)
    # Every report was held against the recap found beside it; none was audited as the recap.
    assert all(d["rekap"] == recap_path for d in reports)
    assert not any(d["satker"].startswith("Direktorat Jenderal") for d in reports)
    assert not any(f["rule"].startswith("STR") for f in recaps[0]["findings"])


def test_recap_errors_are_listed_once_under_their_own_entry(checked):
    documents = checked["json"]["documents"]
    internal = [
        (d["kind"], f["rule"])
        for d in documents
        for f in d["findings"]
        if f["category"] == "rekap-internal"
    ]
    assert internal and {kind for kind, _ in internal} == {"rekap"}
    assert {rule for _, rule in internal} <= {f"REK10{n}" for n in range(1, 7)}
    console = checked["console"]
    assert console.count("Rekap Ditjen ·") == 1  # one section, headed by its name
    assert console.count("REK10") == len(internal)


def test_overview_comes_first_ranked_by_errors_then_warnings(checked):
    documents = checked["json"]["documents"]
    counts = {
        Path(d["path"]).name: (
            sum(f["severity"] == "error" for f in d["findings"]),
            sum(f["severity"] == "warning" for f in d["findings"]),
        )
        for d in documents
    }
    sheet = checked["xlsx"].worksheets[0]
    assert checked["xlsx"].sheetnames[0] == "Ringkasan"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == list(range(1, len(documents) + 1))
    ranked = [counts[Path(r[3]).name] for r in rows]
    assert ranked == sorted(ranked, reverse=True)
    assert all((r[5], r[6]) == counts[Path(r[3]).name] for r in rows)
    console = checked["console"]
    assert console.index("Ringkasan per satker") < console.index(Path(documents[0]["path"]).name)


@pytest.mark.skipif(shutil.which("script") is None, reason="`script` (util-linux) is not installed")
def test_a_progress_bar_on_a_terminal_only(province, tmp_path):
    command = " ".join([*CLI[:2], f"'{CLI[2]}'", "check", str(province), "--format", "json"])
    command += f" --output {tmp_path / 'r.json'} --workers 1"
    typescript = tmp_path / "typescript"
    subprocess.run(
        ["script", "-qec", command, str(typescript)],
        check=False,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    shown = typescript.read_text(encoding="utf-8", errors="replace")
    assert "Memeriksa" in shown and f"/{REPORTS}" in shown and "ETA" in shown
    piped = subprocess.run(
        [*CLI, "check", str(province), "--format", "json", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert piped.returncode == 1
    assert "Memeriksa" not in piped.stderr and "ETA" not in piped.stderr
    json.loads(piped.stdout)


def test_ctrl_c_under_the_bar_keeps_finished_results_and_exits_130(province, tmp_path):
    """On a terminal, Ctrl-C after the first document: the bar goes, exit 130, one summary
    line that says the finished results are cached, no traceback."""
    import os
    import signal
    import time

    leader, follower = os.openpty()
    env = {**os.environ, "LKJIP_AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [*CLI, "check", str(province), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 300
    while f"1/{REPORTS}".encode() not in seen and time.monotonic() < deadline:
        try:
            seen += os.read(leader, 4096)
        except OSError:
            break
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=60) == 130
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", errors="replace"))
    assert "Memeriksa" in text and "Traceback" not in text
    assert "dihentikan (Ctrl-C)" in text and "disimpan di cache" in text


def test_a_recap_as_csv_tables_in_the_folder_is_the_recap(province, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    report = next(p for p in sorted(province.glob("*.pdf")) if p.name != RECAP_FILE)
    shutil.copy(report, folder / report.name)
    for name in ("rekap_ikm_iki.csv", "rekap_ipk.csv"):
        shutil.copy(DATA_DIR / name, folder / name)
    (folder / "catatan.txt").write_text("bukan rekap", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["check", str(folder), "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    documents = json.loads(out.read_text(encoding="utf-8"))
    [recap] = [d for d in documents["documents"] if d["kind"] == "rekap"]
    [audited] = [d for d in documents["documents"] if d["kind"] == "report"]
    assert recap["satker"] == "Rekap Ditjen" and Path(recap["path"]).suffix == ".csv"
    assert audited["rekap"] == recap["path"]
    assert [Path(s["path"]).name for s in documents["skipped"]] == ["catatan.txt"]


def test_recognised_by_content_a_report_with_the_recap_attached_is_a_report(
    seed_pdf, recap_pdf, province, tmp_path
):
    """The seed report attaches the recap (LAMPIRAN I/II) and stays a report; the recap
    renamed like a report is still the recap."""
    disguised = tmp_path / "laporan_kanim.pdf"
    shutil.copy(province / RECAP_FILE, disguised)
    found = sort_inputs([seed_pdf.path, disguised, recap_pdf.path], [])
    assert found.reports == [seed_pdf.path]
    assert found.recaps == [disguised, recap_pdf.path]
