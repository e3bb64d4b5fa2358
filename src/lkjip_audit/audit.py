"""Audit one document: open, extract, recognize, check. I/O happens here and nowhere later."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_audit.coverage import coverage_from_facts
from lkjip_audit.extract.model import DocumentText
from lkjip_audit.extract.ocr import OcrSettings, with_install_hint
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category, DocumentResult, DocumentStatus, Finding, Severity
from lkjip_audit.limits import Limits
from lkjip_audit.merge import merge_identical
from lkjip_audit.ocr_trust import ocr_note, ocr_pages, weigh_ocr_findings
from lkjip_audit.recognize import DocumentMeta, load_recognizers
from lkjip_audit.rekap import RekapFacts, find_attached_rekap
from lkjip_audit.rekap.document import attached_message
from lkjip_audit.rekap.selfcheck import flag_coverage
from lkjip_audit.rules.engine import run_rules
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.rules.registry import RuleContext

if TYPE_CHECKING:
    import pandas as pd

    from lkjip_audit.pdf.opening import OpenedPdf

log = logging.getLogger(__name__)
RECAP_CATEGORIES = (Category.REKAP_MISMATCH, Category.REKAP_INTERNAL)


def extraction_finding(
    rule: str, message: dict[str, str], severity: Severity = Severity.ERROR
) -> Finding:
    """A finding of category ``extraction``: something could not be read, in plain words."""
    return Finding(
        rule=rule,
        category=Category.EXTRACTION,
        severity=severity,
        page=None,
        message=message,
        title={"id": "Dokumen tidak dapat dibaca", "en": "Document could not be read"},
    )


def lines_table(doc: DocumentText) -> pd.DataFrame:
    """The ``lines`` fact table: every text line with its page and box."""
    import pandas as pd

    rows = [{"page": line.page, "bbox": line.bbox, "raw": line.text} for line in doc.lines()]
    return pd.DataFrame(rows, columns=["page", "bbox", "raw"])


def recognize(doc: DocumentText, meta: DocumentMeta) -> tuple[Facts, list[Finding]]:
    """Run every recognizer; one that fails becomes an ``extraction`` finding."""
    facts = Facts()
    facts.add("lines", lines_table(doc))
    problems = []
    for name, recognizer in load_recognizers().items():
        try:
            facts.update(recognizer(doc, meta))
        except Exception as error:  # one recognizer must not stop the audit
            log.exception("recognizer %s failed", name)
            problems.append(
                extraction_finding(
                    "EXT020",
                    {
                        "id": f"Bagian '{name}' tidak dapat dikenali ({error}); "
                        "pemeriksaan atas bagian itu dilewati.",
                        "en": f"The '{name}' part could not be recognised ({error}); "
                        "its checks were skipped.",
                    },
                    Severity.INFO,
                )
            )
    return facts, problems


def attached_rekap_finding(rekap: RekapFacts) -> Finding:
    """An ``info`` finding saying that the recap attached inside the report is used."""
    return Finding(
        rule="REK000",
        category=Category.EXTRACTION,
        severity=Severity.INFO,
        page=None,
        message=attached_message(rekap),
        title={"id": "Rekap Ditjen terlampir dipakai", "en": "Attached Ditjen recap used"},
    )


def _attached_rekap(doc: DocumentText, path: Path, findings: list[Finding]) -> RekapFacts | None:
    """The recap attached inside the report, announced; a recap that cannot be read is
    skipped with an ``extraction`` note, like a recognizer that fails."""
    try:
        rekap = find_attached_rekap(doc, source=str(path))
    except Exception as error:  # the report's own checks go on without the recap
        log.exception("attached recap of %s could not be read", path)
        findings.append(
            extraction_finding(
                "EXT020",
                {
                    "id": f"Rekap Ditjen yang dilampirkan tidak dapat dibaca ({error}); "
                    "pemeriksaan terhadap rekap dilewati.",
                    "en": f"The attached Ditjen recap could not be read ({error}); "
                    "the recap checks were skipped.",
                },
                Severity.INFO,
            )
        )
        return None
    if rekap is not None:
        findings.append(attached_rekap_finding(rekap))
    return rekap


def read_facts(doc: DocumentText) -> tuple[DocumentMeta, Facts, list[Finding]]:
    """What is known of the document, its fact tables, and the parts that could not be read."""
    from lkjip_audit.recognize.meta import read_meta

    meta = read_meta(doc)
    facts, problems = recognize(doc, meta)
    return meta, facts, problems


def audit_file(
    path: Path,
    ruleset: RuleSet,
    *,
    rekap: RekapFacts | None = None,
    use_cache: bool = True,
    limits: Limits | None = None,
    ocr: OcrSettings | None = None,
) -> DocumentResult:
    """Audit the PDF at ``path`` with ``ruleset``; bad input gives a status, never an exception,
    and a document over ``limits`` (the defaults when None) is ``unreadable``. Scanned pages
    are read by OCR as ``ocr`` says (by default: when Tesseract is installed).

    With ``use_cache``, an unchanged file checked with unchanged rules, recap and code is
    answered from the result cache, and a file checked with changed rules reuses its
    extraction.
    """
    from lkjip_audit.pdf.opening import sniff
    from lkjip_audit.result_cache import load_result, result_key, store_result

    ocr = ocr or OcrSettings()
    opened = sniff(path)
    key = result_key(opened.sha256, ruleset, rekap, ocr.tag) if use_cache else None
    cached = load_result(key, path) if key else None
    if cached is not None:
        return cached
    result = _audit(opened, ruleset, rekap, use_cache, limits, ocr)
    if key and result.status is DocumentStatus.AUDITED:
        store_result(key, result)
    return result


def _unreadable(opened: OpenedPdf, ocr: OcrSettings) -> DocumentResult:
    """The result of a document that cannot be audited: its status and why, in plain words."""
    result = DocumentResult(
        path=str(opened.path), sha256=opened.sha256, status=opened.status, pages=opened.pages
    )
    reason = opened.reason or {}
    if opened.status is DocumentStatus.SCANNED:
        reason = with_install_hint(reason, ocr)
    result.findings.append(extraction_finding("EXT001", reason))
    return result


def _audit(
    opened: OpenedPdf,
    ruleset: RuleSet,
    rekap: RekapFacts | None,
    use_cache: bool,
    limits: Limits | None,
    ocr: OcrSettings,
) -> DocumentResult:
    if opened.status is not DocumentStatus.AUDITED:
        # No PDF at all: answered without loading the extraction (pdfplumber, preflight, OCR).
        return _unreadable(opened, ocr)
    from lkjip_audit.extract import read_pdf
    from lkjip_audit.pdf.messages import pages_reason

    path = opened.path
    try:
        extraction = read_pdf(path, use_cache=use_cache, limits=limits, ocr=ocr, opened=opened)
    except MemoryError:  # the worker's memory limit: the batch names it
        raise
    except Exception as error:  # a damaged page must not stop a batch
        log.exception("extraction failed for %s", path)
        result = DocumentResult(str(path), None, DocumentStatus.UNREADABLE, None)
        result.findings.append(
            extraction_finding(
                "EXT001",
                {
                    "id": f"PDF tidak dapat dibaca ({error}): ekspor ulang PDF lalu periksa lagi.",
                    "en": f"The PDF could not be read ({error}): export it again and re-check.",
                },
            )
        )
        return result
    opened, doc = extraction.opened, extraction.text
    if opened.status is not DocumentStatus.AUDITED:
        return _unreadable(opened, ocr)
    result = DocumentResult(
        path=str(path), sha256=opened.sha256, status=opened.status, pages=opened.pages
    )
    read_by_ocr = ocr_pages(doc)
    result.ocr_pages = len(read_by_ocr)
    if read_by_ocr:
        result.findings.append(ocr_note(read_by_ocr))
    unreadable_pages = pages_reason(opened.scanned_pages, opened.garbled_pages)
    if unreadable_pages:
        if opened.scanned_pages:
            unreadable_pages = with_install_hint(unreadable_pages, ocr)
        result.findings.append(extraction_finding("EXT002", unreadable_pages, Severity.WARNING))
    meta, facts, problems = read_facts(doc)
    result.satker, result.year = meta.satker, meta.year
    ruleset = ruleset.for_document(meta.satker)
    result.profile = ruleset.source
    result.findings.extend(problems)
    result.rekap_checked = any(rule.category in RECAP_CATEGORIES for rule in ruleset.rules)
    if not result.rekap_checked:
        rekap = None
    elif rekap is None:
        rekap = _attached_rekap(doc, path, result.findings)
    result.rekap = rekap.source if rekap is not None else None
    context = RuleContext(
        settings=ruleset.settings,
        year=meta.year,
        satker=meta.satker,
        kode_satker=meta.kode_satker,
        rekap=rekap,
    )
    findings = weigh_ocr_findings(run_rules(ruleset, facts, context), doc, context.unverified)
    result.findings.extend(merge_identical(findings))
    coverage = coverage_from_facts(facts, rekap, context.unverified)
    result.coverage = flag_coverage(coverage, rekap, ruleset, meta.satker, meta.kode_satker)
    result.findings.sort(key=lambda f: (f.page is None, f.page or 0, -f.severity.rank, f.rule))
    return result
