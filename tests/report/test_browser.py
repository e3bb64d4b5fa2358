"""The HTML report in a real browser: Debian's headless Chromium, never a downloaded one.

Chromium renders the report, runs its script and dumps the resulting DOM: every finding must be
listed, a filter given in the URL must hide the others, every evidence image must decode, and
the browser must log no script error or blocked resource. A screenshot is kept in
``reports/test-artifacts/``. Without ``/usr/bin/chromium`` (``.ci/run`` installs it) the tests
are skipped with that reason.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from report.conftest import ReportCase
from report.html_page import Page

from lkjip_audit.report.html import write_html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "reports" / "test-artifacts"
TROUBLE = (":CONSOLE", "Uncaught", "Content Security Policy", "Failed to load")
"""Chromium log lines that mean the page logged, failed or was blocked from something."""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"
)


def chromium(url: str, profile: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``url`` with ``options``; returns the finished process."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=3000",
        *options,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report(report_case: ReportCase, ruleset, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    return write_html(report_case.results, ruleset, "id", folder / "report.html")


def _findings(dom: str) -> list[dict]:
    return [
        attrs
        for name, attrs in Page(dom).tags
        if name == "article" and "finding" in (attrs.get("class") or "")
    ]


def test_report_runs_cleanly_in_chromium(report: Path, report_case: ReportCase, tmp_path):
    run = chromium(report.as_uri(), tmp_path / "profile", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    findings = _findings(dom)
    assert len(findings) == sum(len(r.findings) for r in report_case.results)
    assert not any("hidden" in attrs for attrs in findings)
    controls = next(attrs for _, attrs in Page(dom).tags if attrs.get("id") == "controls")
    assert "hidden" not in controls  # the script ran and showed the filters
    html = next(attrs for name, attrs in Page(dom).tags if name == "html")
    assert html.get("data-broken-images") == "0"
    problems = [line for line in run.stderr.splitlines() if any(t in line for t in TROUBLE)]
    assert not problems


def test_filter_hides_and_shows_findings(report: Path, report_case: ReportCase, tmp_path):
    severities = [f.severity.value for r in report_case.results for f in r.findings]
    assert {"error"} < set(severities)
    run = chromium(report.as_uri() + "#severity=error", tmp_path / "profile", "--dump-dom")
    findings = _findings(run.stdout)
    assert [("hidden" not in a) for a in findings] == [s == "error" for s in severities]
    search = chromium(report.as_uri() + "#q=NIP001", tmp_path / "profile2", "--dump-dom")
    visible = [a["data-category"] for a in _findings(search.stdout) if "hidden" not in a]
    assert visible == ["duplicate-nip"]


def test_screenshot_is_kept(report: Path, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report-chromium.png"
    shot.unlink(missing_ok=True)
    started = time.monotonic()
    run = chromium(
        report.as_uri(), tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2400"
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 20_000
    assert time.monotonic() - started < 60


def _sections(dom: str) -> dict[str, bool]:
    """Each document section's id and whether it is shown."""
    return {
        attrs["id"]: "hidden" not in attrs
        for name, attrs in Page(dom).tags
        if name == "section" and "document" in (attrs.get("class") or "")
    }


def test_filters_hide_sections_with_nothing_left_and_their_overview_rows(
    report: Path, report_case: ReportCase, tmp_path
):
    with_nip = {
        f"doc-{i}": any(f.rule == "NIP001" for f in r.findings)
        for i, r in enumerate(report_case.results, start=1)
    }
    assert any(with_nip.values()) and not all(with_nip.values())
    unfiltered = chromium(report.as_uri(), tmp_path / "p1", "--dump-dom").stdout
    assert all(_sections(unfiltered).values())
    filtered = chromium(report.as_uri() + "#q=NIP001", tmp_path / "p2", "--dump-dom").stdout
    assert _sections(filtered) == with_nip
    page = Page(filtered)
    rows = {a["data-doc"]: "hidden" not in a for a in page.all("tr") if "data-doc" in a}
    assert rows == with_nip
    links = {(a.get("href") or "")[1:] for a in page.all("a")}
    assert links >= set(with_nip)  # each overview row links to its section
