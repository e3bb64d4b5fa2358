"""Indicator rules end to end on PDFs: the synthetic corpus against its truth and the seed PDF
against its annotated defects. A finding matches a defect of the same category on one of its
pages (as ``lkjip-audit eval`` counts)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from corpus.generate import ensure_corpus
from lkjip_audit.audit import audit_file
from lkjip_audit.findings import Finding, Severity
from lkjip_audit.rules.model import RuleSet

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "out"
SEED_TRUTH = REPO / "corpus" / "truth" / "seed.json"
CATEGORIES = (
    "capaian",
    "target-consistency",
    "realisasi-consistency",
    "percentage",
    "mutu-category",
)
MIN_RECALL = 0.9
MIN_PRECISION = 0.95


@dataclass
class Score:
    """Defects found and missed per category, and findings that match no defect."""

    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    missed: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    true_findings: int = 0
    false: list[str] = field(default_factory=list)
    clean_findings: list[str] = field(default_factory=list)

    def recall(self, category: str) -> float:
        total = self.found[category] + len(self.missed[category])
        return self.found[category] / total if total else 1.0

    def precision(self) -> float:
        total = self.true_findings + len(self.false)
        return self.true_findings / total if total else 1.0


def indicator_rules(ruleset: RuleSet) -> RuleSet:
    rules = tuple(r for r in ruleset.rules if r.category in CATEGORIES)
    return RuleSet(ruleset.source, ruleset.sha256, rules, ruleset.settings)


def reported(findings: list[Finding]) -> list[Finding]:
    return [
        f
        for f in findings
        if f.category in CATEGORIES and f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def score(documents: list[dict], folder: Path, ruleset: RuleSet) -> Score:
    result = Score()
    rules = indicator_rules(ruleset)
    for doc in documents:
        findings = reported(audit_file(folder / doc["file"], rules).findings)
        if doc["clean"]:
            result.clean_findings += [f"{doc['file']}: {f.rule} p{f.page}" for f in findings]
        defects = [d for d in doc["defects"] if d["category"] in CATEGORIES]
        for defect in defects:
            if any(
                f.category == defect["category"] and f.page in defect["pages"] for f in findings
            ):
                result.found[defect["category"]] += 1
            else:
                result.missed[defect["category"]].append(f"{doc['file']}: {defect['description']}")
        for f in findings:
            if any(f.category == d["category"] and f.page in d["pages"] for d in defects):
                result.true_findings += 1
            else:
                result.false.append(f"{doc['file']}: {f.rule} p{f.page} {f.text('en')[:160]}")
    return result


@pytest.fixture(scope="session")
def indicator_corpus_score(ruleset) -> Score:
    truth = ensure_corpus(CORPUS, 1)
    return score(truth["documents"], CORPUS, ruleset)


@pytest.fixture(scope="session")
def indicator_seed_score(seed_pdf, ruleset) -> Score:
    truth = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
    documents = [dict(d, file=seed_pdf.path.name) for d in truth["documents"]]
    return score(documents, seed_pdf.path.parent, ruleset)


@pytest.mark.parametrize("category", CATEGORIES)
def test_corpus_recall(indicator_corpus_score, category):
    assert indicator_corpus_score.found[category] > 0
    assert indicator_corpus_score.recall(category) >= MIN_RECALL, indicator_corpus_score.missed


def test_corpus_precision(indicator_corpus_score):
    assert indicator_corpus_score.precision() >= MIN_PRECISION, indicator_corpus_score.false


def test_corpus_clean_documents_have_no_indicator_finding(indicator_corpus_score):
    assert indicator_corpus_score.clean_findings == []


def test_seed_pdf_finds_the_annotated_indicator_defects(indicator_seed_score):
    for category in ("capaian", "realisasi-consistency", "percentage"):
        assert indicator_seed_score.recall(category) >= MIN_RECALL, indicator_seed_score.missed
    assert sum(indicator_seed_score.found.values()) >= 15


def test_seed_pdf_indicator_findings_are_all_true(indicator_seed_score):
    assert indicator_seed_score.false == []
