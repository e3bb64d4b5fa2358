"""Survey rules end to end on PDFs: the synthetic corpus against its truth, and the seed PDF
against its annotated defects. Recall per category, precision over both, clean documents
without a single survey error or warning."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_survey_helpers import SURVEY_CATEGORIES, survey_rules

from corpus.generate import ensure_corpus
from lkjip_audit.extract import extract_document
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Finding, Severity
from lkjip_audit.recognize import DocumentMeta
from lkjip_audit.recognize.survey import recognize_survey
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.rules.registry import RuleContext

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "out"
SEED_TRUTH = REPO / "corpus" / "truth" / "seed.json"
MIN_RECALL = 0.9
MIN_PRECISION = 0.95


@dataclass
class Score:
    """Defects found and missed per category, and findings that match no defect."""

    found: dict[str, int]
    missed: dict[str, list[str]]
    false: list[str]
    clean_findings: list[str]

    def recall(self, category: str) -> float:
        total = self.found[category] + len(self.missed[category])
        return self.found[category] / total if total else 1.0

    def precision(self) -> float:
        true = sum(self.found.values())
        return true / (true + len(self.false)) if true + len(self.false) else 1.0


def reported(findings: list[Finding]) -> list[Finding]:
    return [
        f
        for f in findings
        if f.category in SURVEY_CATEGORIES and f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def audit(path: Path, year: int, ruleset: RuleSet) -> list[Finding]:
    """The survey findings of one PDF: extraction, the survey recognizer, the survey rules."""
    facts = Facts()
    facts.update(recognize_survey(extract_document(path), DocumentMeta(year=year)))
    return reported(run_rules(ruleset, facts, RuleContext(year=year)))


def score(documents: list[dict], folder: Path, ruleset: RuleSet, *, exact: bool) -> Score:
    """Match findings to the truth: same category, on one of the defect's pages, and with
    ``exact`` the stated value is the injected one."""
    result = Score({c: 0 for c in SURVEY_CATEGORIES}, {c: [] for c in SURVEY_CATEGORIES}, [], [])
    rules = survey_rules(ruleset)
    for doc in documents:
        findings = audit(folder / doc["file"], doc["year"], rules)
        if doc["clean"]:
            result.clean_findings += [f"{doc['file']}: {f.rule} p{f.page}" for f in findings]
        used: set[int] = set()
        for defect in (d for d in doc["defects"] if d["category"] in SURVEY_CATEGORIES):
            matches = {
                i
                for i, f in enumerate(findings)
                if f.category == defect["category"]
                and f.page in defect["pages"]
                and (f.stated == defect["injected"] or not exact)
            }
            if matches:
                result.found[defect["category"]] += 1
                used |= matches
            else:
                result.missed[defect["category"]].append(f"{doc['file']}: {defect['description']}")
        result.false += [
            f"{doc['file']}: {f.rule} p{f.page} {f.text('en')[:120]}"
            for i, f in enumerate(findings)
            if i not in used
        ]
    return result


@pytest.fixture(scope="session")
def corpus_score(ruleset) -> Score:
    truth = ensure_corpus(CORPUS, 1)
    return score(truth["documents"], CORPUS, ruleset, exact=False)


@pytest.fixture(scope="session")
def seed_score(seed_pdf, ruleset) -> Score:
    truth = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
    documents = [dict(d, file=seed_pdf.path.name) for d in truth["documents"]]
    return score(documents, seed_pdf.path.parent, ruleset, exact=True)


@pytest.mark.parametrize("category", sorted(SURVEY_CATEGORIES))
def test_corpus_recall(corpus_score, category):
    assert corpus_score.found[category] > 0
    assert corpus_score.recall(category) >= MIN_RECALL, corpus_score.missed[category]


def test_corpus_precision(corpus_score):
    assert corpus_score.precision() >= MIN_PRECISION, corpus_score.false


def test_clean_documents_have_no_survey_finding(corpus_score):
    assert corpus_score.clean_findings == []


def test_seed_pdf_defects_found_and_nothing_else(seed_score):
    # December's SKM, the annual 3,18 twice, and 25 impossible (GRIM) monthly unsur values
    assert seed_score.found == {"ikm-recompute": 28, "ipk-recompute": 0}
    assert seed_score.missed == {"ikm-recompute": [], "ipk-recompute": []}
    assert seed_score.false == []
