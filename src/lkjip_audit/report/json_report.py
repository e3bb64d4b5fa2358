"""The findings-v1 JSON document (contract: shared/contract/findings-v1.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from lkjip_audit import __version__
from lkjip_audit.findings import DocumentResult, Finding, Place, Severity
from lkjip_audit.fingerprint import finding_id
from lkjip_audit.report.safe import clean_data
from lkjip_audit.rules.model import RuleSet

SCHEMA_ID = "lkjip-audit/findings@1"


def _bbox(box: Any) -> list[float] | None:
    return None if box is None else [round(float(v), 2) for v in box]


def finding_json(finding: Finding, lang: str, id: str | None = None) -> dict[str, Any]:
    """One finding as the contract writes it, plus the additive ``title``, ``related``,
    ``places``, ``id`` (the fingerprint, when known) and ``accepted`` (the reviewer's
    acceptance or null)."""
    accepted = finding.accepted
    return {
        **({"id": id} if id is not None else {}),
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "page": finding.page,
        "message": finding.text(lang),
        "stated": finding.stated,
        "expected": finding.expected,
        "evidence": finding.evidence,
        "bbox": _bbox(finding.bbox),
        "title": finding.title.get(lang) or finding.title.get("id"),
        "related": [
            {"page": p.page, "bbox": _bbox(p.bbox), "text": p.text} for p in finding.related
        ],
        "accepted": (
            None
            if accepted is None
            else {"reason": accepted.reason, "who": accepted.who, "until": accepted.until}
        ),
        # Additive: every place of a merged finding, the first one (page, bbox) included.
        "places": [
            {"page": p.page, "bbox": _bbox(p.bbox), "evidence": p.text}
            for p in (Place(finding.page, finding.bbox, finding.evidence or ""), *finding.places)
        ],
    }


def summary(results: Sequence[DocumentResult]) -> dict[str, int]:
    """Counts of documents and of findings by severity (accepted findings included)."""
    findings = [f for r in results for f in r.findings]
    return {
        "documents": len(results),
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "infos": sum(f.severity is Severity.INFO for f in findings),
    }


def report_json(
    results: Sequence[DocumentResult],
    ruleset: RuleSet,
    lang: str,
    *,
    skipped: Sequence[Path] = (),
) -> dict[str, Any]:
    """The whole findings-v1 document for ``results``; ``skipped``: files that are not PDFs."""
    return {
        "schema": SCHEMA_ID,
        "tool": {"name": "lkjip-audit", "version": __version__},
        "rules": {"source": ruleset.source, "sha256": ruleset.sha256},
        "lang": lang,
        "documents": [
            {
                "path": r.path,
                "sha256": r.sha256,
                "status": r.status.value,
                "pages": r.pages,
                "satker": r.satker,
                "year": r.year,
                "profile": r.profile,
                "rekap": r.rekap,
                "kind": r.kind,
                "ocr_pages": r.ocr_pages,
                "findings": [finding_json(f, lang, finding_id(r, f)) for f in r.findings],
            }
            for r in results
        ],
        "summary": summary(results),
        # Additive (contract: fields are only ever added): files in the folders given that
        # were not audited, with why, so a dashboard can tell "not sent" from "not a PDF".
        "skipped": [{"path": str(path), "reason": "not-pdf"} for path in skipped],
    }


def findings_schema() -> dict[str, Any]:
    """The JSON Schema of findings-v1, shipped in the package."""
    schema = resources.files("lkjip_audit.schema").joinpath("findings-v1.schema.json")
    text = schema.read_text(encoding="utf-8")
    return json.loads(text)


def dumps(document: dict[str, Any]) -> str:
    """The JSON text, UTF-8 friendly (Indonesian text unescaped), every string cleaned of
    control characters and lone surrogates (:mod:`lkjip_audit.report.safe`)."""
    return json.dumps(clean_data(document), ensure_ascii=False, indent=2)
