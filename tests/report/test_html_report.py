"""The HTML report: self-contained, escaped, and an evidence image on the right place."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from report.conftest import ONERROR, SCRIPT, ReportCase
from report.html_page import Page, boxes, findings_with_images, outline_ratio, red_box

from lkjip_audit.findings import DocumentResult
from lkjip_audit.report.html import CSP, write_html


@pytest.fixture(scope="module")
def reports(report_case: ReportCase, ruleset, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("html")
    return {
        lang: write_html(report_case.results, ruleset, lang, folder / f"{lang}.html").read_text(
            encoding="utf-8"
        )
        for lang in ("id", "en")
    }


def test_report_is_self_contained(reports):
    page = Page(reports["id"])
    assert not page.all("link")
    for tag, attrs in page.tags:
        for attribute in ("src", "href"):
            value = attrs.get(attribute) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, value)
    assert all(img["src"].startswith("data:image/jpeg;base64,") for img in page.all("img"))
    scripts = page.all("script")
    assert len(scripts) == 1 and "src" not in scripts[0]
    assert not page.all("iframe")


def test_content_security_policy_allows_only_inline(reports):
    metas = [m for m in Page(reports["id"]).all("meta") if m.get("http-equiv")]
    assert metas == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert "default-src 'none'" in CSP and "http" not in CSP


def test_text_from_the_pdf_is_escaped(reports):
    html = reports["id"]
    page = Page(html)
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert not any("onerror" in attrs for _, attrs in page.tags)
    text = "".join(page.text)
    assert SCRIPT in text and ONERROR in text


def test_every_located_finding_has_its_images(report_case: ReportCase, reports):
    articles = findings_with_images(reports["id"])
    findings = report_case.results[0].findings + report_case.results[1].findings
    assert len(articles) == len(findings)
    # CAP001: one line; NIP001: two places far apart on page 2 and one on page 1;
    # PLH001: one line; extraction findings have no place.
    assert [len(images) for _, images in articles] == [1, 3, 1, 0, 0]


def test_highlight_surrounds_the_evidence_text(report_case: ReportCase, reports):
    result = report_case.results[0]
    articles = findings_with_images(reports["id"])
    with pdfplumber.open(report_case.pdf) as pdf:
        for finding, (_, images) in zip(result.findings, articles, strict=False):
            texts = [finding.evidence, *(place.text for place in finding.related)]
            boxes = [finding.bbox, *(place.bbox for place in finding.related)]
            for img in images:
                if "stated" not in img["data-roles"].split(","):
                    continue  # reference places only: outlined in blue (labelled pembanding)
                page, box = int(img["data-page"]), red_box(img)
                inside = pdf.pages[page - 1].within_bbox(box).extract_text()
                assert any(text in inside for text in texts if text), (finding.rule, inside)
                # The outline sits just outside the box it marks: a few points at most.
                assert any(
                    all(abs(a - b) < 5 for a, b in zip(box, expected, strict=True))
                    for expected in boxes
                ), (box, boxes)


def test_coverage_never_shows_a_pass_it_did_not_check(reports):
    page = Page(reports["id"])
    rows = [attrs.get("class") for name, attrs in page.tags if name == "tr" and attrs]
    assert "cov-findings" in rows
    assert "cov-not-checked" in rows  # the scanned document
    assert "cov-passed" not in rows  # no coverage attached: unknown, not passed
    assert "cov-unknown" in rows


def test_english_report(reports):
    html = reports["en"]
    assert '<html lang="en">' in html
    assert "Stated achievement 100% but 3.87/3.25 = 119.08%" in html
    assert "What was checked" in html and "could not be checked" in html
    assert "Capaian tertulis" not in html


def test_missing_pdf_costs_only_the_images(report_case: ReportCase, ruleset, tmp_path):
    moved = replace(report_case.results[0], path=str(tmp_path / "gone.pdf"))
    html = write_html([moved], ruleset, "id", tmp_path / "r.html").read_text(encoding="utf-8")
    assert not Page(html).all("img")
    assert html.count('class="no-image"') == 3
    located = write_html(
        [moved], ruleset, "id", tmp_path / "r2.html", pdf_paths={moved.path: report_case.pdf}
    ).read_text(encoding="utf-8")
    assert len(Page(located).all("img")) == 5


def test_report_stays_small(report_case: ReportCase, reports):
    images = Page(reports["id"]).all("img")
    sizes = [len(img["src"]) for img in images]
    assert max(sizes) < 30_000, sizes
    assert len(reports["id"].encode()) < 40_000 + sum(sizes)


def test_empty_batch(ruleset, tmp_path):
    results: list[DocumentResult] = []
    html = write_html(results, ruleset, "id", tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "0 dokumen" in html


def test_javascript_disabled_shows_everything(reports):
    page = Page(reports["id"])
    controls = [attrs for name, attrs in page.tags if attrs.get("id") == "controls"]
    assert controls and "hidden" in controls[0]  # filters appear only with JavaScript
    hidden = [
        attrs for _, attrs in page.tags if "hidden" in attrs and attrs.get("id") != "controls"
    ]
    assert not hidden


def test_written_file_is_utf8(report_case: ReportCase, ruleset, tmp_path):
    out = write_html(report_case.results, ruleset, "id", tmp_path / "sub" / "r.html")
    assert isinstance(out, Path) and out.read_bytes().decode("utf-8").startswith("<!DOCTYPE html>")


def test_declared_boxes_are_outlined_red_when_stated_and_not_red_when_reference(reports):
    seen = set()
    for _, images in findings_with_images(reports["id"]):
        for img in images:
            for box, role in zip(boxes(img), img["data-roles"].split(","), strict=True):
                ratio = outline_ratio(img, box)
                assert ratio > 0.9 if role == "stated" else ratio < 0.1, (role, ratio)
                seen.add(role)
    assert seen == {"stated", "reference"}
    assert "kotak merah = tertulis" in reports["id"] and "kotak biru = pembanding" in reports["id"]


def test_a_pdf_changed_since_the_audit_gets_no_images(report_case: ReportCase, ruleset, tmp_path):
    audited = report_case.results[0]
    digest = hashlib.sha256(report_case.pdf.read_bytes()).hexdigest()
    same = replace(audited, sha256=digest)
    html = write_html([same], ruleset, "id", tmp_path / "same.html").read_text(encoding="utf-8")
    assert len(Page(html).all("img")) == 5 and 'class="pdf-missing"' not in html
    changed = replace(audited, sha256="0" * 64)
    html = write_html([changed], ruleset, "id", tmp_path / "changed.html").read_text(
        encoding="utf-8"
    )
    assert not Page(html).all("img") and 'class="pdf-missing"' in html
