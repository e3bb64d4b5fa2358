"""The recap categories on the corpus: every report held against a Ditjen recap with injected
defects (``corpus/out/rekap.pdf``), and that recap checked against itself, scored by
``lkjip_audit.evaluate`` against ``corpus/out/rekap_truth.json``.

Floors: recall >= 0.9 for ``rekap-mismatch`` and ``rekap-internal``, precision >= 0.95 over
those two categories (and over everything, since the recap truth lists every report defect
too), no recap finding on a clean report, and the transcribed recap alone shows exactly its
four known real defects.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.generate import YEAR, ensure_corpus
from corpus.recap_defects import (
    INTERNAL,
    MISMATCH,
    RECAP_FILE,
    RECAP_TRUTH,
    ReportRef,
    check_places,
    known_defects,
    plan_recap,
)
from corpus.recap_pdf import DATA_DIR, load_recap, render_recap_pdf
from lkjip_audit.batch import audit_many
from lkjip_audit.cli import app
from lkjip_audit.evaluate import EvalReport, evaluate, load_truth
from lkjip_audit.findings import Category, DocumentResult, Severity
from lkjip_audit.rekap import check_rekap, read_rekap, recap_result
from lkjip_audit.report.coverage import CoverageStatus, coverage_panel

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "out"
TRUTH = CORPUS / RECAP_TRUTH
SEED = 1
MIN_RECALL = 0.9
MIN_PRECISION = 0.95
RECAP_CATEGORIES = (MISMATCH, INTERNAL)


@pytest.fixture(scope="session")
def recap_truth() -> dict:
    """The corpus (generated once when out of date) and its recap truth."""
    ensure_corpus(CORPUS, SEED)
    return json.loads(TRUTH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def results(recap_truth, ruleset) -> list[DocumentResult]:
    """Every report audited against the corpus recap, and the recap checked alone."""
    facts = read_rekap(CORPUS / RECAP_FILE)
    reports = [CORPUS / d.file for d in load_truth(TRUTH) if d.file != RECAP_FILE]
    audited = audit_many(reports, ruleset, rekap=facts, workers=2)
    return [*audited, recap_result(CORPUS / RECAP_FILE, facts, ruleset)]


def only_recap_categories(results: list[DocumentResult]) -> list[DocumentResult]:
    return [
        replace(r, findings=[f for f in r.findings if str(f.category) in RECAP_CATEGORIES])
        for r in results
    ]


@pytest.fixture(scope="session")
def recap_report(results) -> EvalReport:
    return evaluate(TRUTH, only_recap_categories(results))


def false_positives(report: EvalReport) -> list[str]:
    return [f"{fp.file} p{fp.page} {fp.rule}: {fp.message}" for fp in report.false_positives]


def refs(recap_truth: dict) -> list[ReportRef]:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    return [
        ReportRef(d["file"], d["kode_satker"], frozenset(x["category"] for x in d["defects"]))
        for d in truth["documents"]
        if d["layout"].get("family", "imigrasi") == "imigrasi"
        and d["layout"].get("renderer") != "docx"
    ]


@pytest.mark.parametrize("category", RECAP_CATEGORIES)
def test_recall_per_recap_category(recap_report, category):
    score = recap_report.category(category)
    assert score.truth >= 3, f"{category} must be injected at least 3 times"
    assert score.found / score.truth >= MIN_RECALL, (score, false_positives(recap_report))


def test_precision_over_recap_categories(recap_report):
    assert recap_report.precision >= MIN_PRECISION, false_positives(recap_report)


def test_clean_reports_agree_with_the_recap(recap_report):
    assert recap_report.clean_documents >= 2
    assert recap_report.clean_findings == 0, false_positives(recap_report)


def test_recap_truth_lists_every_report_defect(results):
    # The recap truth holds the reports' own defects too, so `eval --rekap` on it is complete.
    report = evaluate(TRUTH, results)
    assert report.precision >= MIN_PRECISION, false_positives(report)
    assert not report.missing


def test_injected_defects_sit_in_different_reports_and_regions(recap_truth):
    defects = plan_recap(SEED, refs(recap_truth), YEAR)
    mismatched = [d.report for d in defects if d.report]
    assert len(mismatched) >= 3 and len(set(mismatched)) == len(mismatched)
    tables = load_recap(DATA_DIR)
    region_of = {
        (t, r["satker"]): r["region"] for t in ("ikm_iki", "ipk") for r in getattr(tables, t)
    }
    internal = [d for d in defects if d.rows and not d.report]
    regions = {region_of[d.rows[0]] for d in internal}
    assert len(internal) >= 3 and len(regions) == len(internal)
    clean = {d["file"] for d in recap_truth["documents"] if d["clean"]}
    assert not clean & set(mismatched)


def test_recap_truth_pages_are_in_the_documents(recap_truth):
    for doc in recap_truth["documents"]:
        for defect in doc["defects"]:
            assert defect["pages"], (doc["file"], defect)
            assert all(1 <= p <= doc["pages"] for p in defect["pages"]), (doc["file"], defect)
    recap = next(d for d in recap_truth["documents"] if d["file"] == RECAP_FILE)
    assert {d["category"] for d in recap["defects"]} == {INTERNAL}


def test_recap_is_deterministic(recap_truth, tmp_path):
    first = plan_recap(SEED, refs(recap_truth), YEAR)
    assert plan_recap(SEED, refs(recap_truth), YEAR) == first
    again = render_recap_pdf(
        DATA_DIR, tmp_path / RECAP_FILE, defects=[o for d in first for o in d.overrides]
    )
    assert again.path.read_bytes() == (CORPUS / RECAP_FILE).read_bytes()


def test_check_places_names_a_value_not_on_its_page(recap_truth):
    recap = next(d for d in recap_truth["documents"] if d["file"] == RECAP_FILE)
    kr = next(d for d in recap["defects"] if d["injected"] == "3,63")
    pdf = (CORPUS / RECAP_FILE).read_bytes()
    assert check_places(pdf, {"kr": ("3,63", kr["pages"])}) == []
    wrong = check_places(pdf, {"kr": ("3,63", [1])})
    assert len(wrong) == 1 and "not on page(s) [1]" in wrong[0]


def test_transcribed_recap_shows_only_its_known_defects(recap_pdf, ruleset):
    findings = [
        f
        for f in check_rekap(read_rekap(recap_pdf.path), ruleset)
        if f.severity is not Severity.INFO
    ]
    known = [
        {recap_pdf.row_pages[row] for row in k.rows} for k in known_defects(load_recap(DATA_DIR))
    ]
    assert len(findings) == len(known) == 4, [f.text("id") for f in findings]
    assert all(any(f.page in pages for pages in known) for f in findings)
    assert all(any(f.page in pages for f in findings) for pages in known)
    described = " ".join(f.text("id") for f in findings)
    assert "3,63" in described and "KALIMANTAN TIMUR" in described


def test_eval_command_scores_the_recap_itself(recap_truth, tmp_path):
    recap = next(d for d in recap_truth["documents"] if d["file"] == RECAP_FILE)
    truth = tmp_path / "truth.json"
    entry = {**recap, "file": str(CORPUS / RECAP_FILE)}
    truth.write_text(json.dumps({"schema": recap_truth["schema"], "documents": [entry]}))
    out = CliRunner().invoke(
        app, ["eval", str(truth), "--rekap", str(CORPUS / RECAP_FILE), "--workers", "1"]
    )
    assert out.exit_code == 0, out.output
    row = next(line for line in out.output.splitlines() if INTERNAL in line)
    n = str(len(recap["defects"]))
    assert re.findall(r"[\w.-]+", row) == [INTERNAL, n, n, "1.00", "0"], out.output
    assert "no result for" not in out.output


def test_a_mismatch_the_recap_contradicts_blames_the_recap(recap_truth, results, ruleset):
    """The corpus recap's IPK total of one report satker no longer follows from its own
    internal and external parts; the report states what those parts give. Its REK001 says
    the recap is at fault, as a warning, never an error asking the satker to change."""
    ipk = [
        d
        for d in recap_truth["documents"]
        for defect in d["defects"]
        if defect["category"] == MISMATCH and "internal dan eksternal" in defect["description"]
    ]
    assert ipk, "the corpus recap has an IPK total mismatch"
    by_file = {Path(r.path).name: r for r in results}
    for document in ipk:
        [finding] = [
            f
            for f in by_file[document["file"]].findings
            if f.rule == "REK001" and "IPK" in f.text("id")
        ]
        assert finding.severity is Severity.WARNING
        assert "bukan laporan" in finding.text("id") and "not the report" in finding.text("en")
        # Its recap row is inconsistent: the recap-consistency line says temuan, not lulus.
        result = by_file[document["file"]]
        panel = coverage_panel(result, ruleset, result.coverage)
        [internal] = [row for row in panel if row.category is Category.REKAP_INTERNAL]
        assert internal.status is CoverageStatus.FINDINGS and internal.findings >= 1
        assert "Rekap Ditjen" in internal.description["id"]
    others = [f for r in results for f in r.findings if f.rule == "REK001"]
    assert any(f.severity is Severity.ERROR and "bukan laporan" not in f.text("id") for f in others)
