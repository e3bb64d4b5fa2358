"""Many documents: find the PDFs, audit them in worker processes, never stop on one."""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lkjip_audit.audit import audit_file, extraction_finding
from lkjip_audit.extract.ocr import OcrMode, OcrSettings
from lkjip_audit.findings import DocumentResult, DocumentStatus
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
                if found.suffix.lower() == ".pdf":
                    inputs.pdfs.append(found)
                elif _worth_mentioning(found, path, ours):
                    inputs.not_pdf.append(found)
        elif path.exists():
            inputs.pdfs.append(path)
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


def _audit_safely(
    path: Path, ruleset: RuleSet, rekap: RekapFacts | None, use_cache: bool, ocr: OcrSettings
) -> DocumentResult:
    try:
        return audit_file(path, ruleset, rekap=rekap, use_cache=use_cache, ocr=ocr)
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
    ocr: OcrMode = OcrMode.AUTO,
) -> list[DocumentResult]:
    """Audit every path (in ``workers`` processes when more than one) in input order; the
    workers left over when there are fewer documents OCR a document's pages in parallel."""
    results: list[DocumentResult] = []
    settings = OcrSettings(ocr, max(1, workers // max(1, min(workers, len(paths)))))
    for result in _iter_audits(paths, ruleset, rekap, workers, use_cache, settings):
        results.append(result)
        if on_done:
            on_done(result)
    return results


def _iter_audits(
    paths: Sequence[Path],
    ruleset: RuleSet,
    rekap: RekapFacts | None,
    workers: int,
    use_cache: bool,
    ocr: OcrSettings,
) -> Iterator[DocumentResult]:
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield _audit_safely(path, ruleset, rekap, use_cache, ocr)
        return
    # Processes, never threads: pypdfium2 is not thread-safe even across documents.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_leave_interrupts_to_the_parent)
    try:
        futures = [pool.submit(_audit_safely, p, ruleset, rekap, use_cache, ocr) for p in paths]
        for path, future in zip(paths, futures, strict=True):
            try:
                yield future.result()
            except Exception as error:  # a dead worker takes only its file
                log.exception("worker for %s died", path)
                yield _failed(path, error)
    except BaseException:
        # Interrupted (Ctrl-C) or abandoned by the caller: the files in progress are not
        # waited for. The pool's workers are this process's only children.
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in multiprocessing.active_children():
            worker.terminate()
        raise
    finally:
        pool.shutdown(wait=True)


def _leave_interrupts_to_the_parent() -> None:
    """Workers ignore Ctrl-C (the terminal sends it to them too): the parent decides what an
    interruption ends, and a worker never prints a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
