"""End to end on synthetic reports: audit, write every format, and check each evidence image
against the words pdfplumber reads in its highlighted box."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from report.html_page import boxes, findings_with_images, outline_ratio, red_box
from typer.testing import CliRunner

from corpus.generate import build_document, plan_corpus
from lkjip_audit.audit import audit_file
from lkjip_audit.cli import app
from lkjip_audit.findings import DocumentResult
from lkjip_audit.report.html import write_html
from lkjip_audit.report.tables import REVIU_SHEET

CATEGORIES = ("budget-consistency",)
"""Defects whose findings point at several places: the images must show each."""


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    plans = plan_corpus(1)
    paths = []
    for category in CATEGORIES:
        plan = next(p for p in plans if category in {c for c, _ in p.defects})
        path = folder / plan.file
        path.write_bytes(build_document(plan).rendered.pdf)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def audited(corpus_pdfs, ruleset) -> list[DocumentResult]:
    return [audit_file(path, ruleset, use_cache=False) for path in corpus_pdfs]


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _shows(inside: str, text: str) -> bool:
    """The highlighted words are (part of) ``text``, or show its main figure (a place's text
    may be a label plus the figure while the box covers the figure in its sentence)."""
    figures = re.findall(r"\d[\d.,]*\d", text)
    main = max(figures, key=len, default=None)
    return inside in text or text in inside or (main is not None and main in inside)


def _near(a, b, limit: float = 6.0) -> bool:
    """Two boxes closer than ``limit`` points: their outlines run into each other."""
    return not (
        a[2] + limit < b[0] or b[2] + limit < a[0] or a[3] + limit < b[1] or b[3] + limit < a[1]
    )


def test_every_finding_is_shown_on_its_page(audited, ruleset, tmp_path):
    html = write_html(audited, ruleset, "id", tmp_path / "r.html").read_text(encoding="utf-8")
    findings = [f for result in audited for f in result.findings]
    articles = findings_with_images(html)
    assert len(articles) == len(findings) > 0
    located = 0
    pdfs = {result.path: pdfplumber.open(result.path) for result in audited}
    owners = [result.path for result in audited for _ in result.findings]
    try:
        for finding, owner, (_, images) in zip(findings, owners, articles, strict=True):
            if finding.page is None or finding.bbox is None:
                assert not images
                continue
            located += 1
            assert images, finding
            texts = [finding.stated, finding.evidence, *(p.text for p in finding.related)]
            texts += [p.text for p in finding.places]
            texts = [_squash(t) for t in texts if t]
            for img in images:
                page = pdfs[owner].pages[int(img["data-page"]) - 1]
                declared = boxes(img)
                roles = img["data-roles"].split(",")
                for box, role in zip(declared, roles, strict=True):
                    padded = (box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5)
                    # A full stop right after a number may touch its box.
                    inside = _squash(page.within_bbox(padded).extract_text()).strip(".,;:")
                    assert inside, (finding.rule, box)
                    assert any(_shows(inside, t) for t in texts), (finding.rule, inside, texts)
                    alone = not any(_near(box, other) for other in declared if other != box)
                    if alone and role == "stated":  # red; a reference place is blue
                        assert outline_ratio(img, box) > 0.85, (finding.rule, box)
                if roles == ["stated"]:
                    drawn = red_box(img)
                    assert all(abs(a - b) < 5 for a, b in zip(drawn, declared[0], strict=True))
    finally:
        for pdf in pdfs.values():
            pdf.close()
    assert located > 0


def test_related_places_get_images(audited, ruleset, tmp_path):
    html = write_html(audited, ruleset, "id", tmp_path / "r.html").read_text(encoding="utf-8")
    findings = [f for result in audited for f in result.findings]
    with_related = [
        (finding, images)
        for finding, (_, images) in zip(findings, findings_with_images(html), strict=True)
        if any(p.page and p.bbox for p in finding.related)
    ]
    assert with_related, "the chosen defects give findings with two places"
    for finding, images in with_related:
        pages = {p.page for p in finding.related if p.bbox} | {finding.page}
        assert {int(img["data-page"]) for img in images} == pages


def test_cli_writes_every_format(report_case, tmp_path):
    runner = CliRunner()
    options = ["--no-cache", "--workers", "1", "--fail-on", "never"]
    pdf = str(report_case.pdf)
    html_options = ["--format", "html", "--output", str(tmp_path / "r.html"), "--statistics"]
    html = runner.invoke(app, ["check", pdf, *options, *html_options])
    assert html.exit_code == 0, html.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "r.html" in html.output
    assert (
        "Statistik temuan per aturan (1 dokumen)" in html.output
        or "Tidak ada temuan." in html.output
    )
    for format in ("xlsx", "csv"):
        out = tmp_path / f"r.{format}"
        run = runner.invoke(app, ["check", pdf, *options, "--format", format, "--output", str(out)])
        assert run.exit_code == 0, run.output
    assert REVIU_SHEET in load_workbook(tmp_path / "r.xlsx").sheetnames
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig").startswith("Dokumen;Satker")
    plain = tmp_path / "plain.csv"
    run = runner.invoke(
        app, ["check", pdf, *options, "--output", str(plain), "--csv-dialect", "plain"]
    )
    assert run.exit_code == 0, run.output
    assert plain.read_text(encoding="utf-8").startswith("document,satker")
    missing = runner.invoke(app, ["check", pdf, "--format", "html"])
    assert missing.exit_code == 2 and "--output" in missing.output
