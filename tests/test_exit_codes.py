"""Exit codes that mean one thing, and outputs that never destroy inputs.

0 clean, 1 findings at or above --fail-on, 2 usage error or nothing readable, 3 internal error
(one line; the traceback only with --debug), 130 Ctrl-C (workers ended, a one-line summary).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli import write_report
from typer.testing import CliRunner

from lkjip_audit.cli import app
from lkjip_audit.extract.cache import ENV_VAR
from lkjip_audit.rules.registry import CHECK_KINDS, load_check_kinds

CLI = Path(sys.executable).with_name("lkjip-audit")
QUICK = ("--workers", "1", "--no-cache")
# The command, with the audit itself replaced by a bug: what the CLI's edge makes of it.
BROKEN = """
import sys
import lkjip_audit.batch as batch
def broken(*args, **kwargs):
    raise RuntimeError("boom")
batch.audit_many = broken
from lkjip_audit.cli import main
sys.argv = ["lkjip-audit", *sys.argv[1:]]
main()
"""


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return write_report(tmp_path_factory.mktemp("exit") / "laporan.pdf")


def _broken(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BROKEN, *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_an_internal_error_is_exit_3_with_one_line(report):
    done = _broken("check", report, *QUICK)
    assert done.returncode == 3
    [line] = done.stderr.splitlines()
    assert "kesalahan internal" in line and "RuntimeError: boom" in line and "--debug" in line
    assert _broken("check", report, "--lang", "en").stderr.startswith("lkjip-audit: internal")


@pytest.mark.parametrize(("option", "env"), [("--debug", {}), (None, {"LKJIP_AUDIT_DEBUG": "1"})])
def test_debug_shows_the_traceback(report, option, env):
    done = _broken(*([option] if option else []), "check", report, *QUICK, env=env)
    assert done.returncode == 3
    assert "Traceback" in done.stderr and "RuntimeError: boom" in done.stderr


def test_a_rule_that_fails_is_an_error_finding(report, monkeypatch):
    load_check_kinds()

    def broken(rule, facts, context):
        raise ZeroDivisionError("division by zero")

    kind = CHECK_KINDS["required-sections"]
    monkeypatch.setitem(CHECK_KINDS, kind.name, dataclasses.replace(kind, fn=broken))
    result = run("check", report, "--format", "json", *QUICK)
    assert result.exit_code == 1  # what the rule checks was not checked: not a pass
    assert '"category": "extraction"' in result.stdout and "division by zero" in result.stdout
    assert "Traceback" not in result.output
    assert run("check", report, "--fail-on", "never", *QUICK).exit_code == 0


def _tree(tmp_path: Path, report: Path) -> tuple[Path, bytes]:
    pdf = tmp_path / "in" / "laporan.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(report.read_bytes())
    return pdf, pdf.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "html", "csv", "xlsx"])
def test_an_output_naming_an_input_is_a_usage_error(report, tmp_path, fmt):
    pdf, before = _tree(tmp_path, report)
    link = tmp_path / "link.pdf"
    link.symlink_to(pdf)
    for output in (pdf, link, tmp_path / "in" / ".." / "in" / "laporan.pdf"):
        result = run("check", pdf.parent, "--format", fmt, "--output", output, *QUICK)
        assert result.exit_code == 2, result.output
        assert "masukan" in result.stderr and "Traceback" not in result.output
    assert pdf.read_bytes() == before


def test_an_output_naming_the_recap_or_the_rules_is_a_usage_error(report, tmp_path):
    pdf, _ = _tree(tmp_path, report)
    recap = tmp_path / "rekap.csv"
    recap.write_text("x", encoding="utf-8")
    result = run("check", pdf, "--rekap", recap, "--format", "json", "--output", recap)
    assert result.exit_code == 2 and recap.read_text(encoding="utf-8") == "x"
    result = run("rekap", recap, "--format", "json", "--output", recap)
    assert result.exit_code == 2 and recap.read_text(encoding="utf-8") == "x"


def test_an_output_into_the_cache_is_a_usage_error(report, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    result = run("check", report, "--output", tmp_path / "cache" / "x.json", *QUICK)
    assert result.exit_code == 2 and "cache" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "html", "csv", "xlsx", "console"])
def test_output_errors_are_one_line(report, tmp_path, fmt):
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    for output in (folder, Path("/dev/full")):
        done = subprocess.run(
            [CLI, "check", report, "--format", fmt, "--output", output, *QUICK],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        [line] = done.stderr.splitlines()  # nothing else, not even at exit
        assert str(output) in line
    assert Path("/dev/full").is_char_device()  # written to, never replaced


def test_extract_pages_are_clamped(report):
    result = run("extract", report, "--pages", "1-100000000", "--format", "json", "--no-cache")
    assert result.exit_code == 0
    result = run("extract", report, "--pages", "50-60", "--no-cache")
    assert result.exit_code == 2 and "7 pages" in result.stderr


def _alive(marker: str) -> list[str]:
    """Processes whose command line names ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_text(errors="replace"):
                found.append(proc.name)
        except OSError:
            continue
    return found


def _children(pid: int) -> list[str]:
    """The process ids of ``pid``'s children (Linux /proc)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [c for t in tasks for c in (t / "children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_ctrl_c_ends_the_batch_with_a_summary(seed_pdf, tmp_path):
    batch = tmp_path / "batch-ctrl-c"
    batch.mkdir()
    for index in range(12):
        (batch / f"laporan-{index:02}.pdf").write_bytes(seed_pdf.path.read_bytes())
    env = {**os.environ, ENV_VAR: str(tmp_path / "cache")}
    process = subprocess.Popen(
        [CLI, "check", batch, "--workers", "2", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    # Ctrl-C once the batch runs (its worker processes exist), however loaded the machine.
    deadline = time.monotonic() + 120
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the workers too
    stopped = time.monotonic()
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - stopped < 10
    assert process.returncode == 130
    [line] = err.splitlines()
    assert "dihentikan (Ctrl-C)" in line and "dari 12 dokumen" in line
    assert "Traceback" not in err and out == ""
    time.sleep(0.5)
    assert _alive(str(batch)) == []
