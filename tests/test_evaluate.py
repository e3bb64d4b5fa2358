"""Scoring the checker against a truth set: matching by category and page, recall, precision,
clean documents and speed, on hand-made truth files and results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from lkjip_audit.evaluate import TruthError, evaluate, load_truth, render_eval
from lkjip_audit.findings import Category, DocumentResult, DocumentStatus, Finding, Severity

TRUTH = {
    "schema": "lkjip-audit/truth@1",
    "documents": [
        {
            "file": "clean.pdf",
            "satker": "A",
            "kode_satker": "1",
            "year": 2023,
            "clean": True,
            "pages": 30,
            "defects": [],
        },
        {
            "file": "bad.pdf",
            "satker": "B",
            "kode_satker": "2",
            "year": 2023,
            "clean": False,
            "pages": 20,
            "defects": [
                {"category": "capaian", "pages": [17], "description": "", "injected": "119,08%"},
                {
                    "category": "duplicate-nip",
                    "pages": [3, 26],
                    "description": "",
                    "injected": "198708252008011001",
                },
                {"category": "capaian", "pages": [5], "description": "", "injected": "99%"},
            ],
        },
        {
            "file": "other.pdf",
            "satker": "C",
            "kode_satker": "3",
            "year": 2023,
            "clean": False,
            "pages": 10,
            "defects": [
                {"category": "placeholder", "pages": [4], "description": "", "injected": "XX"},
            ],
        },
    ],
}


def finding(category: Category, page: int | None, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        rule="R1", category=category, severity=severity, page=page, message={"id": "pesan"}
    )


def result(path: str, pages: int, *findings: Finding) -> DocumentResult:
    return DocumentResult(path, None, DocumentStatus.AUDITED, pages, findings=list(findings))


@pytest.fixture
def truth_path(tmp_path: Path) -> Path:
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(TRUTH))
    return path


def test_match_needs_same_category_and_a_recorded_page(truth_path):
    results = [
        result("clean.pdf", 30),
        result(
            "some/dir/bad.pdf",
            20,
            finding(Category.CAPAIAN, 17),  # matches the first capaian defect
            finding(Category.CAPAIAN, 17),  # a second hit on it: a duplicate, not a hit
            finding(Category.CAPAIAN, 18),  # wrong page: false positive
            finding(Category.PERCENTAGE, 5),  # wrong category on a defect's page
            finding(Category.DUPLICATE_NIP, 26),  # the second recorded page counts
            finding(Category.CAPAIAN, 5, Severity.INFO),  # info: ignored entirely
        ),
        result("other.pdf", 10, finding(Category.PLACEHOLDER, 4, Severity.WARNING)),
    ]
    report = evaluate(truth_path, results, seconds=12.0)
    capaian = report.category("capaian")
    assert (capaian.truth, capaian.found, capaian.false_positives) == (2, 1, 1)
    assert capaian.recall == pytest.approx(0.5)
    assert report.category("duplicate-nip").recall == 1.0
    assert report.category("placeholder").found == 1
    percentage = report.category("percentage")
    assert (percentage.truth, percentage.false_positives, percentage.recall) == (0, 1, None)
    assert report.true_positives == 3
    assert report.duplicates == 1
    assert [(f.file, f.category, f.page) for f in report.false_positives] == [
        ("bad.pdf", "capaian", 18),
        ("bad.pdf", "percentage", 5),
    ]
    assert report.precision == pytest.approx(3 / 5)
    assert report.recall == pytest.approx(3 / 4)
    assert report.clean_documents == 1 and report.clean_findings == 0
    assert report.pages == 60
    assert report.seconds_per_page == pytest.approx(0.2)
    assert report.missing == ()


def stated_finding(page: int | None, stated: str | None) -> Finding:
    return Finding(
        rule="R1",
        category=Category.CAPAIAN,
        severity=Severity.ERROR,
        page=page,
        message={"id": "pesan"},
        stated=stated,
    )


def test_matching_is_one_to_one_and_checks_the_stated_value(tmp_path):
    truth = {
        "schema": "lkjip-audit/truth@1",
        "documents": [
            {
                "file": "r.pdf",
                "clean": False,
                "defects": [
                    {"category": "capaian", "pages": [59], "stated": "143,63%"},
                    {"category": "capaian", "pages": [59, 60], "stated": "106,79 %"},
                    {"category": "structure", "pages": []},
                ],
            }
        ],
    }
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(truth))
    findings = [
        stated_finding(59, "106,79%"),  # fits only the second defect (same number, other spacing)
        stated_finding(59, "143,63%"),  # fits only the first
        stated_finding(59, "99,00%"),  # on a defect's page, but another value: false positive
        stated_finding(60, "106,79%"),  # the second defect again: a duplicate
        Finding("STR001", Category.STRUCTURE, Severity.ERROR, None, {"id": "bab hilang"}),
    ]
    report = evaluate(path, [result("r.pdf", 70, *findings)])
    assert report.true_positives == 3
    assert report.duplicates == 1
    assert [(f.page, f.severity) for f in report.false_positives] == [(59, "error")]
    assert report.recall == 1.0


def test_findings_on_clean_documents_count_against_precision(truth_path):
    results = [
        result("clean.pdf", 30, finding(Category.BUDGET_SUM, 12), finding(Category.NIP_FORMAT, 2)),
        result("bad.pdf", 20),
        result("other.pdf", 10),
    ]
    report = evaluate(truth_path, results)
    assert report.clean_findings == 2
    assert report.precision == 0.0
    assert report.recall == 0.0
    assert report.seconds_per_page is None


def test_missing_results_miss_their_defects_and_no_findings_means_no_precision(truth_path):
    report = evaluate(truth_path, [result("clean.pdf", 30)])
    assert report.missing == ("bad.pdf", "other.pdf")
    assert report.category("capaian").found == 0
    assert report.precision is None
    assert report.pages == 30


def test_categories_follow_the_contract_order(truth_path):
    report = evaluate(truth_path, [])
    order = [str(c) for c in Category]
    names = [c.category for c in report.categories]
    assert names == sorted(names, key=order.index)
    assert set(names) == {"capaian", "duplicate-nip", "placeholder"}


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps({"schema": "other"}), json.dumps({"schema": TRUTH["schema"]})],
)
def test_bad_truth_files_raise_truth_error(tmp_path, content):
    path = tmp_path / "truth.json"
    path.write_text(content)
    with pytest.raises(TruthError):
        load_truth(path)


def test_missing_truth_file_raises_truth_error(tmp_path):
    with pytest.raises(TruthError):
        load_truth(tmp_path / "absent.json")


def test_render_eval_prints_the_table_and_totals(truth_path):
    results = [
        result("clean.pdf", 30, finding(Category.STRUCTURE, 1)),
        result("bad.pdf", 20, finding(Category.CAPAIAN, 17)),
        result("other.pdf", 10),
    ]
    console = Console(record=True, width=120)
    render_eval(evaluate(truth_path, results, seconds=3.0), console)
    text = console.export_text()
    assert "capaian" in text and "duplicate-nip" in text and "structure" in text
    assert "precision 0.50" in text
    assert "error/warning findings on them: 1" in text
    assert "0.050 s/page" in text


def test_a_defect_may_be_found_under_another_of_its_names(tmp_path):
    # A mistyped pagu: reported as the amount differing between places, or as the sentence's
    # percentage that no longer follows from its amounts. Either finding is the one defect.
    defect = {
        "category": "budget-consistency",
        "pages": [54],
        "stated": "Rp.866.800.000",
        "alternatives": [{"category": "budget-percentage", "stated": "99,35%"}],
    }
    truth = {"schema": "lkjip-audit/truth@1", "documents": [
        {"file": "r.pdf", "clean": False, "defects": [defect]}
    ]}  # fmt: skip
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(truth))
    percentage = Finding(
        "BUD003", Category.BUDGET_PERCENTAGE, Severity.ERROR, 54, {"id": "p"}, stated="99,35%"
    )
    consistency = Finding(
        "BUD005", Category.BUDGET_CONSISTENCY, Severity.ERROR, 54, {"id": "k"},
        stated="Rp 866.800.000",
    )  # fmt: skip
    other_value = Finding(
        "BUD003", Category.BUDGET_PERCENTAGE, Severity.ERROR, 54, {"id": "p"}, stated="98%"
    )
    report = evaluate(path, [result("r.pdf", 70, percentage, consistency, other_value)])
    assert (report.true_positives, report.duplicates) == (1, 1)
    assert [f.rule for f in report.false_positives] == ["BUD003"]
