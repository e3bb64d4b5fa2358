"""Scanned pages read with OCR, on generated reports whose pages were scanned (rendered,
turned, speckled, put back as images: :mod:`corpus.scanned`) and scored against the corpus
truth exactly as ``lkjip-audit eval`` scores it.

OCR is slow (seconds a page), so the documents scan only the pages that matter: the pages of
the injected defects, the pages with tables of a clean report, and a clean report's PK
lampiran. The whole-document variants (``python -m corpus.scanned``) are measured by hand.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from corpus.generate import ensure_corpus
from corpus.scanned import Variant, lampiran_pages, scan_pdf, write_variants
from lkjip_audit.audit import audit_file
from lkjip_audit.batch import audit_many
from lkjip_audit.evaluate import evaluate
from lkjip_audit.extract import read_pdf
from lkjip_audit.extract.model import DocumentText, Line, PageContent, PageLabel, PageTriage, Word
from lkjip_audit.extract.ocr import INSTALL_HINT, OcrMode, OcrSettings, tessdata
from lkjip_audit.findings import Category, DocumentStatus, Finding, Severity
from lkjip_audit.ocr_trust import LOW_CONFIDENCE, weigh_ocr_findings
from lkjip_audit.report.json_report import findings_schema, report_json

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "out"
MIN_RECALL, MIN_PRECISION = 0.8, 0.9
# Measured floors: 6 of 9 defects and 6 of 6 findings since doubtful numbers are read again
# and a finding quoting a number read with low confidence abstains (5 of 9 and 5 of 7 before).
FLOOR_RECALL, FLOOR_PRECISION = 0.65, MIN_PRECISION
DEFECT_DOCS = 3
NO_TESSERACT = (
    "Tesseract with its ind and eng models is not installed "
    "(apt install tesseract-ocr tesseract-ocr-ind): the OCR tests need it"
)
ACCUSING = (Severity.ERROR, Severity.WARNING)


def need_tesseract() -> None:
    if tessdata() is None:
        pytest.skip(NO_TESSERACT)


@pytest.fixture(scope="module")
def corpus_truth() -> dict:
    return ensure_corpus(CORPUS, 1)


def _diverse_defective(truth: dict, count: int) -> list[dict]:
    """Defective reports, in corpus order, each bringing at least two categories not yet
    taken: the fewest pages to scan for the most kinds of defect."""
    taken: set[str] = set()
    chosen = []
    # The Kemenkumham reports drawn by reportlab: the material these floors were measured on.
    typed = [
        d
        for d in truth["documents"]
        if d["layout"].get("family", "imigrasi") == "imigrasi"
        and d["layout"].get("renderer", "reportlab") == "reportlab"
    ]
    for doc in typed:
        categories = {d["category"] for d in doc["defects"]}
        if len(categories - taken) >= 2:
            chosen.append(doc)
            taken |= categories
        if len(chosen) == count:
            break
    return chosen


def _table_pages(path: Path) -> tuple[int, ...]:
    """The pages of a text report that hold a table (where the checked numbers are)."""
    opened = read_pdf(path, ocr=OcrSettings(OcrMode.NEVER)).opened
    return tuple(t.page for t in opened.triage if t.label == PageLabel.TABLE_CANDIDATE)


@pytest.fixture(scope="module")
def defect_scans(corpus_truth, tmp_path_factory) -> Path:
    """Defective reports with every page holding an injected defect scanned (150 dpi)."""
    need_tesseract()
    chosen = [
        Variant(
            "scan_defect_pages",
            doc["file"],
            tuple(sorted({p for d in doc["defects"] for p in d["pages"]})),
            150,
        )
        for doc in _diverse_defective(corpus_truth, DEFECT_DOCS)
    ]
    folder = tmp_path_factory.mktemp("scanned-defects")
    write_variants(CORPUS, folder, chosen)
    return folder


@pytest.fixture(scope="module")
def clean_scans(corpus_truth, tmp_path_factory) -> Path:
    """A clean report with its table pages scanned (200 dpi) and another with its PK
    lampiran scanned (300 dpi)."""
    need_tesseract()
    clean = [d["file"] for d in corpus_truth["documents"] if d["clean"]]
    chosen = [
        Variant("scan_table_pages", clean[0], _table_pages(CORPUS / clean[0]), 200),
        Variant("scan_pk_lampiran", clean[1], (), 300),
    ]
    folder = tmp_path_factory.mktemp("scanned-clean")
    write_variants(CORPUS, folder, chosen)
    return folder


def _audit_truth(folder: Path, ruleset):
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    paths = [folder / d["file"] for d in truth["documents"]]
    return truth, audit_many(paths, ruleset, workers=2)


@pytest.fixture(scope="module")
def defect_results(defect_scans, ruleset):
    return _audit_truth(defect_scans, ruleset)


@pytest.fixture(scope="module")
def defect_report(defect_scans, defect_results):
    return evaluate(defect_scans / "truth.json", defect_results[1])


def test_scanned_pages_are_audited(defect_results):
    truth, results = defect_results
    for doc, result in zip(truth["documents"], results, strict=True):
        assert result.status is DocumentStatus.AUDITED
        assert result.ocr_pages == len(doc["scanned_pages"])
        assert result.satker == doc["satker"]
        assert result.year == doc["year"]


def test_defects_on_scanned_pages_are_found(defect_report):
    """Where OCR stands today on 150 dpi scans of the defect pages (a floor against going
    back; the issue's target is the test below)."""
    assert sum(c.truth for c in defect_report.categories) >= 6
    assert defect_report.recall >= FLOOR_RECALL, defect_report
    assert defect_report.precision >= FLOOR_PRECISION, defect_report.false_positives


@pytest.mark.xfail(
    strict=True,
    reason="issue 16 recall target not reached: 6 of 9 (precision 1.0). Chapter order is not "
    "claimed on scanned pages (a heading may be misread); the '%' of '14,2 %' comes back as "
    "'Yo' read sure; a survey value stands in a table with a low-confidence reading, and "
    "abstains",
)
def test_defects_on_scanned_pages_reach_the_target(defect_report):
    assert defect_report.recall >= MIN_RECALL
    assert defect_report.precision >= MIN_PRECISION


def test_findings_on_scanned_pages_say_they_come_from_ocr(defect_results):
    truth, results = defect_results
    on_scans = [
        finding
        for doc, result in zip(truth["documents"], results, strict=True)
        for finding in result.findings
        if finding.page in set(doc["scanned_pages"])
    ]
    assert on_scans  # how many there are is the recall tests' business
    for finding in on_scans:
        assert finding.message["id"].endswith("(dari OCR)")
        assert finding.message["en"].endswith("(from OCR)")
        assert finding.bbox is not None


@pytest.fixture(scope="module")
def clean_results(clean_scans, ruleset):
    truth, results = _audit_truth(clean_scans, ruleset)
    return {
        doc["file"].split("_lkjip")[0]: (doc, result)
        for doc, result in zip(truth["documents"], results, strict=True)
    }


@pytest.mark.parametrize(
    "variant",
    ["scan_pk_lampiran", "scan_table_pages"],
)
def test_scanned_clean_reports_get_no_error_or_warning(clean_results, variant):
    doc, result = clean_results[variant]
    assert doc["scanned_pages"]
    assert result.status is DocumentStatus.AUDITED
    assert result.ocr_pages == len(doc["scanned_pages"])
    assert result.satker == doc["satker"]
    assert result.year == doc["year"]
    assert [f for f in result.findings if f.severity in ACCUSING] == []


def test_ocr_pages_in_json_report(clean_results, ruleset):
    import jsonschema

    documents, results = zip(*clean_results.values(), strict=True)
    report = report_json(list(results), ruleset, "id")
    jsonschema.validate(report, findings_schema())
    counts = [d["ocr_pages"] for d in report["documents"]]
    assert counts == [len(d["scanned_pages"]) for d in documents]


def test_ocr_words_sit_where_the_printed_words_were(corpus_truth, tmp_path):
    """Boxes come back in PDF points at the printed words' places, so evidence images and
    recognizers that look at positions work on scans as on text."""
    need_tesseract()
    source = CORPUS / next(d["file"] for d in corpus_truth["documents"] if d["clean"])
    page = lampiran_pages(source)[0]
    scanned = tmp_path / "one-page.pdf"
    scan_pdf(source, scanned, [page], 200, seed=5)
    printed = read_pdf(source, pages=[page], use_cache=False).text.pages[0]
    read = read_pdf(scanned, pages=[page], use_cache=False).text.pages[0]
    assert read.triage.ocr and not printed.triage.ocr

    def unique(content: PageContent) -> dict[str, Word]:
        words = [w for line in content.lines for w in line.words if len(w.text) >= 5]
        counts = Counter(w.text for w in words)
        return {w.text: w for w in words if counts[w.text] == 1}

    ours, theirs = unique(read), unique(printed)
    shared = set(ours) & set(theirs)
    assert len(shared) >= 20
    for text in shared:
        a, b = ours[text].bbox, theirs[text].bbox
        assert abs((a[0] + a[2]) / 2 - (b[0] + b[2]) / 2) < 6, text
        assert abs((a[1] + a[3]) / 2 - (b[1] + b[3]) / 2) < 6, text
        assert ours[text].conf is not None


@pytest.fixture
def scanned_copies(corpus_truth, tmp_path) -> tuple[Path, Path]:
    """A report scanned whole (3 pages) and one with its PK lampiran scanned (no OCR run)."""
    source = CORPUS / next(d["file"] for d in corpus_truth["documents"] if d["clean"])
    whole, part = tmp_path / "whole.pdf", tmp_path / "part.pdf"
    short = tmp_path / "short.pdf"
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    first = pdfium.PdfDocument.new()
    first.import_pages(document, [0, 1, 2])
    first.save(str(short))
    first.close()
    document.close()
    scan_pdf(short, whole, None, 150, seed=3)
    scan_pdf(source, part, lampiran_pages(source), 150, seed=4)
    return whole, part


def _without_tesseract(monkeypatch, tmp_path: Path) -> None:
    """As on a machine without Tesseract: no ``tesseract`` program on PATH."""
    empty = tmp_path / "no-tesseract"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    assert tessdata() is None


def test_without_tesseract_a_scan_is_reported_with_the_install_hint(
    scanned_copies, ruleset, monkeypatch, tmp_path
):
    _without_tesseract(monkeypatch, tmp_path)
    whole, part = scanned_copies
    result = audit_file(whole, ruleset, use_cache=False)
    assert result.status is DocumentStatus.SCANNED
    assert result.ocr_pages == 0
    [finding] = result.findings
    assert "dibaca dengan OCR" not in finding.message["id"]
    assert INSTALL_HINT["id"] in finding.message["id"]
    assert INSTALL_HINT["en"] in finding.message["en"]
    partly = audit_file(part, ruleset, use_cache=False)
    assert partly.status is DocumentStatus.AUDITED and partly.ocr_pages == 0
    [warning] = [f for f in partly.findings if f.rule == "EXT002"]
    assert "berupa gambar pindaian tanpa teks" in warning.message["id"]
    assert "apt install tesseract-ocr tesseract-ocr-ind" in warning.message["id"]


def test_ocr_never_keeps_the_old_status_without_the_hint(scanned_copies, ruleset):
    whole, _ = scanned_copies
    result = audit_file(whole, ruleset, use_cache=False, ocr=OcrSettings(OcrMode.NEVER))
    assert result.status is DocumentStatus.SCANNED
    [finding] = result.findings
    assert "apt install" not in finding.message["id"]


def _ocr_document(conf: float) -> tuple[DocumentText, Finding]:
    """One OCR'd page with a number read at ``conf``, and an error pointing at it."""
    number = Word("98,49", (100.0, 100.0, 130.0, 112.0), conf)
    label = Word("IKPA", (60.0, 100.0, 90.0, 112.0), 96.0)
    line = Line(5, "IKPA 98,49", (60.0, 100.0, 130.0, 112.0), (label, number))
    triage = PageTriage(page=5, label=PageLabel.TEXT, chars=9, ocr=True)
    doc = DocumentText(pages=[PageContent(5, 595.0, 842.0, triage, [line])])
    finding = Finding(
        rule="PCT001",
        category=Category.PERCENTAGE,
        severity=Severity.ERROR,
        page=5,
        message={"id": "Persentase salah.", "en": "Wrong percentage."},
        bbox=(95.0, 98.0, 135.0, 114.0),
    )
    return doc, finding


def test_a_number_read_with_low_confidence_never_supports_an_error():
    doc, finding = _ocr_document(LOW_CONFIDENCE - 20)
    unverified: Counter[Category] = Counter()
    assert weigh_ocr_findings([finding], doc, unverified) == []
    assert unverified == Counter({Category.PERCENTAGE: 1})


def test_a_missing_chapter_is_not_claimed_in_a_document_read_partly_by_ocr():
    doc, _ = _ocr_document(LOW_CONFIDENCE + 20)
    missing = Finding(
        rule="STR001",
        category=Category.STRUCTURE,
        severity=Severity.ERROR,
        page=None,
        message={"id": "Bab II tidak ditemukan.", "en": "Chapter II not found."},
    )
    unverified: Counter[Category] = Counter()
    assert weigh_ocr_findings([missing], doc, unverified) == []
    assert unverified == Counter({Category.STRUCTURE: 1})


def test_a_number_read_with_confidence_is_reported_as_from_ocr():
    doc, finding = _ocr_document(LOW_CONFIDENCE + 20)
    unverified: Counter[Category] = Counter()
    [kept] = weigh_ocr_findings([finding], doc, unverified)
    assert kept.severity is Severity.ERROR
    assert kept.message == {
        "id": "Persentase salah. (dari OCR)",
        "en": "Wrong percentage. (from OCR)",
    }
    assert not unverified


@pytest.mark.parametrize(
    ("heading", "chapter"),
    [
        ("BABIL PERENCANAAN KINERJA", "bab2"),
        ("BAB Il PERENCANAAN KINERJA", "bab2"),
        ("BAB 111 AKUNTABILITAS KINERJA", "bab3"),
        ("BAB |V PENUTUP", "bab4"),
        ("BAB!", "bab1"),
        ("BAB il", "bab2"),
        ("DAFTAR LAmrinAN", "daftar"),
        ("DAFTAR PUSTAKA", None),
        ("BAB I PENDAHULUAN", "bab1"),
        ("BAB V", "bab-more"),
        ("BAB 12", "bab-more"),
    ],
)
def test_chapter_numerals_garbled_by_ocr_are_read(heading, chapter):
    from lkjip_audit.recognize.chapters import heading_key

    assert heading_key(heading) == chapter


def test_a_finding_quoting_a_number_read_unsure_on_another_page_abstains():
    """A yearly mean on a text page recomputed over a scanned monthly table quotes the
    table's numbers: one read only with low confidence ("143,87", a rule's remnant glued to
    "3,87") makes the finding abstain, though it points at the text page."""
    doc, _ = _ocr_document(LOW_CONFIDENCE - 20)

    def mean_on_page_6(quoted: str) -> Finding:
        return Finding(
            rule="IKM004",
            category=Category.IKM_RECOMPUTE,
            severity=Severity.ERROR,
            page=6,
            message={
                "id": f"Nilai tahunan tertulis 3,91, tetapi ({quoted} × 23 + 3,99 × 30) / 53.",
                "en": f"Stated 3,91, but ({quoted} × 23 + 3,99 × 30) / 53.",
            },
            bbox=(400.0, 200.0, 440.0, 212.0),
        )

    unverified: Counter[Category] = Counter()
    assert weigh_ocr_findings([mean_on_page_6("98,49")], doc, unverified) == []
    assert unverified == Counter({Category.IKM_RECOMPUTE: 1})
    [kept] = weigh_ocr_findings([mean_on_page_6("98,50")], doc, Counter())
    assert kept.message["id"].endswith("/ 53.")
