"""`lkjip-audit rekap FILE`: the recap as read (rows per region) and its internal findings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lkjip_audit.findings import Category, DocumentResult, DocumentStatus, Finding, Severity
from lkjip_audit.rekap.model import RekapFacts
from lkjip_audit.report.safe import clean_text
from lkjip_audit.rules.model import RuleSet

WORDS = {
    "id": {
        "source": "Rekap",
        "region": "Wilayah",
        "rows": "baris satker LAMPIRAN I / II",
        "national": "Nasional",
        "respondents": "responden",
        "skipped": "Baris dilewati",
        "none": "Tidak ada temuan pada rekap.",
        "page": "hal.",
    },
    "en": {
        "source": "Recap",
        "region": "Region",
        "rows": "satker rows LAMPIRAN I / II",
        "national": "National",
        "respondents": "respondents",
        "skipped": "Rows skipped",
        "none": "No findings in the recap.",
        "page": "p.",
    },
}


@dataclass(frozen=True, slots=True)
class RekapCheck:
    """A recap as read and what its internal checks found."""

    facts: RekapFacts
    findings: list[Finding]


def check_rekap(rekap: RekapFacts, ruleset: RuleSet) -> list[Finding]:
    """Run the ``rekap-internal`` rules of ``ruleset`` over a recap read alone."""
    from lkjip_audit.rules.engine import run_rules
    from lkjip_audit.rules.registry import RuleContext

    rules = tuple(r for r in ruleset.rules if r.category is Category.REKAP_INTERNAL)
    return run_rules(replace(ruleset, rules=rules), rekap, RuleContext(settings=ruleset.settings))


def _national(facts: RekapFacts) -> list[dict[str, Any]]:
    return [
        {
            "survey": r["survey"],
            "label": r["label"],
            "n": r["n"].raw if r["n"] is not None else None,
            "index": r["index"].raw if r["index"] is not None else None,
        }
        for r in facts.table("rekap_national").to_dict("records")
    ]


def rekap_json(result: RekapCheck, lang: str) -> dict[str, Any]:
    """The recap check as a JSON-ready document (``lkjip-audit/rekap@1``)."""
    from lkjip_audit.report.json_report import finding_json

    return {
        "schema": "lkjip-audit/rekap@1",
        "source": result.facts.source,
        "kind": result.facts.kind,
        "regions": [
            {"region": region, "ikm_iki_rows": ikm, "ipk_rows": ipk}
            for region, (ikm, ipk) in result.facts.counts().items()
        ],
        "national": _national(result.facts),
        "skipped": list(result.facts.skipped),
        "findings": [finding_json(f, lang) for f in result.findings],
    }


def rekap_text(result: RekapCheck, lang: str) -> str:
    """The recap check as plain text for the console."""
    words = WORDS.get(lang, WORDS["id"])
    facts = result.facts
    lines = [f"{words['source']}: {facts.source} ({facts.kind})", ""]
    counts = facts.counts()
    width = max((len(r) for r in counts), default=10)
    lines.append(f"{words['region']:<{width}}  {words['rows']}")
    lines += [f"{region:<{width}}  {ikm:>3} / {ipk:>3}" for region, (ikm, ipk) in counts.items()]
    for row in _national(facts):
        lines.append(
            f"{words['national']} {row['survey'].upper()}: {row['index']}"
            f" ({row['n']} {words['respondents']})"
        )
    if facts.skipped:
        lines += ["", f"{words['skipped']}:"] + [f"  {s}" for s in facts.skipped]
    lines.append("")
    if not result.findings:
        lines.append(words["none"])
    for finding in result.findings:
        where = f" {words['page']} {finding.page}" if finding.page else ""
        lines.append(f"[{finding.severity.value}] {finding.rule}{where}: {finding.text(lang)}")
        if finding.evidence:
            lines.append(f"    {finding.evidence}")
    return clean_text("\n".join(lines))


def rekap_command(
    path: Path | str,
    ruleset: RuleSet | None = None,
    *,
    lang: str = "id",
    fmt: str = "console",
    fail_on: str = "error",
) -> tuple[str, int]:
    """Read and check a recap file; returns the text to print and the exit code.

    Exit codes as ``check``: 0 no finding at or above ``fail_on``, 1 some, 2 the file
    cannot be read (the text then says why).
    """
    from lkjip_audit.rekap.model import RekapError
    from lkjip_audit.rekap.read import read_rekap
    from lkjip_audit.report.json_report import dumps
    from lkjip_audit.rules.loader import load_ruleset

    try:
        facts = read_rekap(path)
    except RekapError as error:
        return str(error), 2
    result = RekapCheck(facts, check_rekap(facts, ruleset or load_ruleset()))
    text = dumps(rekap_json(result, lang)) if fmt == "json" else rekap_text(result, lang)
    if fail_on == "never":
        return text, 0
    threshold = Severity(fail_on).rank
    return text, int(any(f.severity.rank >= threshold for f in result.findings))


def recap_result(path: Path, facts: RekapFacts, ruleset: RuleSet) -> DocumentResult:
    """A recap file as an audited document: its ``rekap-internal`` findings, on its pages."""
    result = DocumentResult(str(path), None, DocumentStatus.AUDITED, None)
    result.findings.extend(check_rekap(facts, ruleset))
    return result
