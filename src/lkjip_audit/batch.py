"""Many documents: find the PDFs, audit them in worker processes, never stop on one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from lkjip_audit.audit import audit_file, extraction_finding
from lkjip_audit.extract.ocr import OcrMode, OcrSettings
from lkjip_audit.findings import DocumentResult, DocumentStatus
from lkjip_audit.isolation import Lost, run_bounded
from lkjip_audit.limits import Limits, crashed, exceeded
from lkjip_audit.rekap import RekapFacts
from lkjip_audit.rules.model import RuleSet

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the paths given hold: the PDFs to audit and what was left out."""

    pdfs: list[Path]
    missing: list[Path]
    """Paths given that do not exist."""
    not_pdf: list[Path]
    """Files in a given folder that are not PDFs: skipped, and the reports say so."""
    not_regular: list[Path] = field(default_factory=list)
    """PDF names (given, or found in a folder) that are not regular files: a FIFO, a device,
    a link to one of them or to nothing. Skipped: reading one could wait forever."""


def _worth_mentioning(path: Path, folder: Path, ours: set[Path]) -> bool:
    """A file the user may have meant to audit: not hidden, not an Office lock file
    (``~$x.docx``), not the report this run writes."""
    hidden = any(part.startswith((".", "~$")) for part in path.relative_to(folder).parts)
    return path.is_file() and not hidden and path.resolve() not in ours


def find_pdfs(paths: Iterable[Path], *, own: Iterable[Path] = ()) -> Inputs:
    """The PDFs named or found (recursively) under ``paths``, and what was left out.

    ``own`` are the files this run writes (its report): when they sit in a folder being
    audited they are neither inputs nor worth mentioning.
    """
    ours = {p.resolve() for p in own}
    inputs = Inputs([], [], [])
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.suffix.lower() == ".pdf" and not found.is_dir():
                    (inputs.pdfs if found.is_file() else inputs.not_regular).append(found)
                elif _worth_mentioning(found, path, ours):
                    inputs.not_pdf.append(found)
        elif path.is_file():
            inputs.pdfs.append(path)
        elif path.exists() or path.is_symlink():
            inputs.not_regular.append(path)
        else:
            inputs.missing.append(path)
    return inputs


def _failed(path: Path, error: BaseException) -> DocumentResult:
    result = DocumentResult(str(path), None, DocumentStatus.UNREADABLE, None)
    result.findings.append(
        extraction_finding(
            "EXT003",
            {
                "id": f"Dokumen tidak dapat diperiksa karena kesalahan tak terduga ({error}).",
                "en": f"The document could not be checked because of an unexpected error "
                f"({error}).",
            },
        )
    )
    return result


def _lost(path: Path, lost: Lost, limits: Limits) -> DocumentResult:
    """The result of a document whose worker gave none back: over its time or memory, or
    dead (the limit it most likely met is named)."""
    result = DocumentResult(str(path), None, DocumentStatus.UNREADABLE, None)
    if lost.limit == "crash":
        reason = crashed(lost.detail, limits.memory_mb)
    else:
        reason = exceeded(lost.limit, getattr(limits, lost.limit))
    result.findings.append(extraction_finding("EXT001", reason))
    return result


def _audit_safely(
    path: Path,
    ruleset: RuleSet,
    rekap: RekapFacts | None,
    use_cache: bool,
    limits: Limits,
    ocr: OcrSettings,
) -> DocumentResult:
    try:
        return audit_file(path, ruleset, rekap=rekap, use_cache=use_cache, limits=limits, ocr=ocr)
    except MemoryError:  # the worker's memory limit, named by the parent
        raise
    except Exception as error:  # the batch goes on whatever one file does
        log.exception("audit of %s failed", path)
        return _failed(path, error)


def audit_many(
    paths: Sequence[Path],
    ruleset: RuleSet,
    *,
    rekap: RekapFacts | None = None,
    workers: int = 1,
    use_cache: bool = True,
    on_done: Callable[[DocumentResult], None] | None = None,
    limits: Limits | None = None,
    ocr: OcrMode = OcrMode.AUTO,
) -> list[DocumentResult]:
    """Audit every path in input order, each in a worker process (``workers`` at a time)
    bounded by ``limits`` (the defaults when None): a document that overruns its time or
    memory, or kills its worker, is ``unreadable`` and the others are audited. The workers
    left over when there are fewer documents OCR a document's pages in parallel."""
    limits = Limits.resolve(limits)
    settings = OcrSettings(ocr, max(1, workers // max(1, min(workers, len(paths)))))
    # Processes, never threads: pypdfium2 is not thread-safe even across documents.
    work = partial(
        _audit_safely,
        ruleset=ruleset,
        rekap=rekap,
        use_cache=use_cache,
        limits=limits,
        ocr=settings,
    )
    outcomes = run_bounded(
        paths, work, workers=workers, seconds=limits.seconds, memory_mb=limits.memory_mb
    )
    results: list[DocumentResult] = []
    with closing(outcomes):  # interrupted: the workers end before the exception goes on
        for path, outcome in zip(paths, outcomes, strict=True):
            result = _lost(path, outcome, limits) if isinstance(outcome, Lost) else outcome
            results.append(result)
            if on_done:
                on_done(result)
    return results
