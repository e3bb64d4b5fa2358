"""Accuracy of the checker on a truth set (``lkjip-audit/truth@1``): recall, precision, speed.

A finding *fits* an injected (or annotated) defect when it has the same category, its page is
one of the defect's recorded pages (a defect with no page is one of the whole document and
fits a finding without a page), and, where the truth records the value as printed
(``stated``), the finding states the same value. Matching is one to one: each defect is
matched by at most one finding and each finding matches at most one defect (a maximum
matching). A further finding that only fits already matched defects is a *duplicate*:
reported, neither a hit nor a false positive. Every other error or warning finding is a false
positive. Info and ``extraction`` findings are ignored. Clean documents should give no
error/warning at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from rich.console import Console
from rich.table import Table

from lkjip_audit.findings import Category, DocumentResult, Finding, Severity
from lkjip_audit.merge import expand_places
from lkjip_audit.numbers import parse_number

TRUTH_SCHEMA = "lkjip-audit/truth@1"


class TruthError(ValueError):
    """The truth file is not a readable ``lkjip-audit/truth@1`` document."""


def _same_stated(truth: str, found: str | None) -> bool:
    """The truth's printed value and the finding's ``stated`` name the same number."""
    if found is None:
        return False
    a, b = parse_number(truth), parse_number(found)
    if a is not None and b is not None:
        return a.value == b.value
    return "".join(truth.split()).lower() == "".join(found.split()).lower()


@dataclass(frozen=True, slots=True)
class TruthDefect:
    """One defect of the truth: category, recorded pages, what was injected or printed."""

    category: str
    pages: frozenset[int]
    description: str
    injected: str | None
    stated: str | None = None
    alternatives: tuple[tuple[str, str | None], ...] = ()
    """Other (category, stated) names of the same defect: a sentence whose pagu is mistyped
    is as truly reported by its percentage that no longer follows from the amounts."""

    def matches(self, finding: Finding) -> bool:
        """Same category, on one of the recorded pages (no page: a document-level defect and
        a finding without page), stating the recorded value where the truth gives one; or
        one of the alternative names of the defect on those pages."""
        on_page = finding.page in self.pages if self.pages else finding.page is None
        return on_page and any(
            str(finding.category) == category
            and (stated is None or _same_stated(stated, finding.stated))
            for category, stated in ((self.category, self.stated), *self.alternatives)
        )


@dataclass(frozen=True, slots=True)
class TruthDocument:
    """A document of the truth set: its defects, and what must be read from it."""

    file: str
    clean: bool
    defects: tuple[TruthDefect, ...]
    pages: int | None
    satker: str | None = None
    year: int | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """Recall of one category and the false positives the checker raised in it."""

    category: str
    truth: int
    found: int
    false_positives: int

    @property
    def recall(self) -> float | None:
        """found / truth, or None when the truth has no defect of this category."""
        return self.found / self.truth if self.truth else None


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """An error/warning finding that matches no defect of its document."""

    file: str
    rule: str
    category: str
    page: int | None
    message: str
    severity: str = "error"


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The result of :func:`evaluate`."""

    categories: tuple[CategoryScore, ...]
    true_positives: int
    false_positives: tuple[FalsePositive, ...]
    duplicates: int
    documents: int
    missing: tuple[str, ...]
    clean_documents: int
    clean_findings: int
    pages: int
    seconds: float | None

    @property
    def precision(self) -> float | None:
        """Matching error/warning findings over all error/warning findings (None if none)."""
        total = self.true_positives + len(self.false_positives)
        return self.true_positives / total if total else None

    @property
    def recall(self) -> float | None:
        """Found defects over all defects (None for a truth without defects)."""
        truth = sum(c.truth for c in self.categories)
        return sum(c.found for c in self.categories) / truth if truth else None

    @property
    def seconds_per_page(self) -> float | None:
        """Checker time per page, when the time was measured."""
        return self.seconds / self.pages if self.seconds is not None and self.pages else None

    def category(self, name: str) -> CategoryScore:
        """The score of category ``name`` (zero counts if it never occurred)."""
        return next(
            (c for c in self.categories if c.category == name), CategoryScore(name, 0, 0, 0)
        )


def load_truth(path: Path) -> tuple[TruthDocument, ...]:
    """The documents of a truth file; raises :class:`TruthError` when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TruthError(f"cannot read truth file {path}: {exc}") from exc
    if not isinstance(data, Mapping) or data.get("schema") != TRUTH_SCHEMA:
        raise TruthError(f"{path} is not a {TRUTH_SCHEMA} document")
    try:
        return tuple(
            TruthDocument(
                file=doc["file"],
                clean=bool(doc["clean"]),
                pages=doc.get("pages"),
                defects=tuple(
                    TruthDefect(
                        d["category"],
                        frozenset(d["pages"]),
                        d.get("description", ""),
                        d.get("injected"),
                        d.get("stated"),
                        tuple((a["category"], a.get("stated")) for a in d.get("alternatives", ())),
                    )
                    for d in doc["defects"]
                ),
                satker=doc.get("satker"),
                year=doc.get("year"),
                status=doc.get("status"),
            )
            for doc in data["documents"]
        )
    except (KeyError, TypeError) as exc:
        raise TruthError(f"{path}: malformed document entry ({exc})") from exc


def _counted(finding: Finding) -> bool:
    """Error and warning findings about the document's content; ``extraction`` findings say
    what could not be read (a status), not that the report is wrong."""
    return (
        Severity(finding.severity) is not Severity.INFO
        and Category(finding.category) is not Category.EXTRACTION
    )


def match_one_to_one(defects: Sequence[TruthDefect], findings: Sequence[Finding]) -> dict[int, int]:
    """A maximum matching of findings to defects they fit: {finding index: defect index}."""
    fits = [[d for d, defect in enumerate(defects) if defect.matches(f)] for f in findings]
    owner: dict[int, int] = {}  # defect index -> finding index

    def augment(f: int, seen: set[int]) -> bool:
        for d in fits[f]:
            if d in seen:
                continue
            seen.add(d)
            if d not in owner or augment(owner[d], seen):
                owner[d] = f
                return True
        return False

    for f in range(len(findings)):
        augment(f, set())
    return {f: d for d, f in owner.items()}


def evaluate(
    truth_path: Path, results: Sequence[DocumentResult], *, seconds: float | None = None
) -> EvalReport:
    """Score ``results`` (one per audited document) against the truth at ``truth_path``.

    Results are paired with truth documents by file name; a truth document without a result
    counts all its defects as missed and is listed in ``missing``. ``seconds`` is the time the
    checker took for all results (for seconds per page).
    """
    documents = load_truth(truth_path)
    by_name = {PurePath(r.path).name: r for r in results}
    truth_n: dict[str, int] = {}
    found_n: dict[str, int] = {}
    fp_n: dict[str, int] = {}
    true_positives, duplicates, false_positives, missing = 0, 0, [], []
    clean_docs = clean_findings = pages = 0
    for doc in documents:
        for d in doc.defects:
            truth_n[d.category] = truth_n.get(d.category, 0) + 1
        result = by_name.get(PurePath(doc.file).name)
        if result is None:
            missing.append(doc.file)
            continue
        pages += result.pages or doc.pages or 0
        # A merged finding counts at each of its places, as it did before merging.
        counted = [p for f in result.findings if _counted(f) for p in expand_places(f)]
        clean_docs += doc.clean
        if doc.clean:
            clean_findings += len(counted)
        matched = match_one_to_one(doc.defects, counted)
        for d in matched.values():
            category = doc.defects[d].category
            found_n[category] = found_n.get(category, 0) + 1
        true_positives += len(matched)
        for i, f in enumerate(counted):
            if i in matched:
                continue
            if any(d.matches(f) for d in doc.defects):
                duplicates += 1
                continue
            fp_n[str(f.category)] = fp_n.get(str(f.category), 0) + 1
            false_positives.append(
                FalsePositive(
                    doc.file, f.rule, str(f.category), f.page, f.text("id"), str(f.severity)
                )
            )
    order = {str(c): i for i, c in enumerate(Category)}
    names = sorted(set(truth_n) | set(fp_n), key=lambda c: (order.get(c, len(order)), c))
    return EvalReport(
        categories=tuple(
            CategoryScore(c, truth_n.get(c, 0), found_n.get(c, 0), fp_n.get(c, 0)) for c in names
        ),
        true_positives=true_positives,
        false_positives=tuple(false_positives),
        duplicates=duplicates,
        documents=len(documents),
        missing=tuple(missing),
        clean_documents=clean_docs,
        clean_findings=clean_findings,
        pages=pages,
        seconds=seconds,
    )


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def render_eval(report: EvalReport, console: Console) -> None:
    """Print the per-category table and the overall figures with rich."""
    table = Table(title="Akurasi pada set kebenaran / accuracy on the truth set")
    for name, justify in (
        ("Kategori", "left"),
        ("Truth", "right"),
        ("Found", "right"),
        ("Recall", "right"),
        ("FP", "right"),
    ):
        table.add_column(name, justify=justify)
    for c in report.categories:
        table.add_row(
            c.category, str(c.truth), str(c.found), _ratio(c.recall), str(c.false_positives)
        )
    table.add_section()
    truth = sum(c.truth for c in report.categories)
    found = sum(c.found for c in report.categories)
    table.add_row(
        "total", str(truth), str(found), _ratio(report.recall), str(len(report.false_positives))
    )
    console.print(table)
    console.print(
        f"precision {_ratio(report.precision)} "
        f"({report.true_positives} matching, {len(report.false_positives)} unmatched "
        f"error/warning, {report.duplicates} duplicates)"
    )
    console.print(
        f"clean documents: {report.clean_documents}, error/warning findings on them: "
        f"{report.clean_findings}"
    )
    spp = report.seconds_per_page
    speed = "not measured" if spp is None else f"{spp:.3f} s/page"
    console.print(f"documents {report.documents}, pages {report.pages}, {speed}")
    if report.missing:
        console.print(f"[yellow]no result for: {', '.join(report.missing)}[/yellow]")
