"""The real-report gate: the checker on real LKjIP/LKIP reports of regional units, scored
against truth written by hand (``tests/real/truth/<report>.json``: every defect a reviewer
verified on the page, and facts checked to be right).

The reports are other people's public documents: they are read from ``../shared/real`` and
never committed; the gate skips with that reason where the folder is absent (CI has it).
Precision is the product: error and warning findings must be right, and few false ones may
reach any one report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_audit.batch import audit_many
from lkjip_audit.evaluate import EvalReport, evaluate, load_truth
from lkjip_audit.extract.ocr_mode import OcrMode
from lkjip_audit.findings import DocumentResult, DocumentStatus, Severity

TRUTH = Path(__file__).resolve().parent / "real" / "truth"
TRUTH_FILES = sorted(TRUTH.glob("*.json"))
MIN_PRECISION = 0.9
MAX_FALSE_ERRORS = 2
# Recall of the hand-annotated defects: issue 13 asks 0.8, and the checker reaches it (68 of 85).
# What it still misses it abstains on rather than guess (see the closing note).
MIN_RECALL = 0.8

pytestmark = pytest.mark.requires_shared_real


def _name(path: Path) -> str:
    return load_truth(path)[0].file


@pytest.fixture(scope="module")
def real_results(real_reports, ruleset) -> dict[str, DocumentResult]:
    paths = [real_reports / _name(t) for t in TRUTH_FILES]
    missing = [p.name for p in paths if not p.is_file()]
    assert not missing, f"truth without its report in {real_reports}: {missing}"
    # Without OCR: reading the 142-page scan takes minutes; it is audited with OCR by hand
    # (issue 16's closing note), and its truth here is that of the scan not read.
    results = audit_many(paths, ruleset, workers=2, use_cache=False, ocr=OcrMode.NEVER)
    return {Path(r.path).name: r for r in results}


@pytest.fixture(scope="module")
def scores(real_results) -> dict[str, EvalReport]:
    return {_name(t): evaluate(t, [real_results[_name(t)]]) for t in TRUTH_FILES}


def _false(report: EvalReport, severity: str | None = None) -> list[str]:
    return [
        f"{fp.file} p{fp.page} {fp.rule}: {fp.message[:160]}"
        for fp in report.false_positives
        if severity is None or fp.severity == severity
    ]


def test_every_real_report_has_its_truth(real_reports):
    on_disk = {p.name for p in real_reports.glob("*.pdf")}
    assert on_disk and on_disk <= {_name(t) for t in TRUTH_FILES}


def test_precision_over_the_real_reports(scores):
    hits = sum(s.true_positives for s in scores.values())
    false = [line for s in scores.values() for line in _false(s)]
    assert hits + len(false) > 0
    assert hits / (hits + len(false)) >= MIN_PRECISION, false


@pytest.mark.parametrize("truth", TRUTH_FILES, ids=lambda p: p.stem)
def test_few_false_errors_per_report(scores, truth):
    false_errors = _false(scores[_name(truth)], Severity.ERROR.value)
    assert len(false_errors) <= MAX_FALSE_ERRORS, false_errors


def test_recall_of_the_annotated_defects(scores):
    truth = sum(c.truth for s in scores.values() for c in s.categories)
    found = sum(c.found for s in scores.values() for c in s.categories)
    assert found / truth >= MIN_RECALL, (found, truth)


@pytest.mark.parametrize("truth", TRUTH_FILES, ids=lambda p: p.stem)
def test_satker_year_and_status(real_results, truth):
    expected = load_truth(truth)[0]
    result = real_results[expected.file]
    assert result.status.value == expected.status
    if result.status is DocumentStatus.AUDITED:
        assert result.year == expected.year
        assert (result.satker or "").casefold() == (expected.satker or "").casefold()
