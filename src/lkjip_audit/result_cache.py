"""Whole-document results, cached: re-checking an unchanged file with unchanged rules and code
costs a hash and a load.

The key holds the PDF's sha256, the rule set's sha256, the recap file's sha256 (when one was
given) and a fingerprint of the tool's own code, so that any change to what a result depends
on misses. Entries share the extraction cache's folder and its format (checksummed JSON, never
a pickle) and its handling of entries that cannot be trusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cache
from pathlib import Path

from lkjip_audit.extract import cache as store
from lkjip_audit.findings import DocumentResult
from lkjip_audit.rekap import RekapFacts
from lkjip_audit.rules.model import RuleSet

PACKAGE = Path(__file__).resolve().parent


@cache
def code_fingerprint() -> str:
    """A digest of the package's source and data files: any code change misses the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".json", ".j2", ".css", ".js"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def result_key(
    sha256: str | None, ruleset: RuleSet, rekap: RekapFacts | None, ocr: str = ""
) -> str | None:
    """The cache key of auditing the PDF whose hash is ``sha256`` (as sniffing it gave it:
    the file is read once; ``ocr``: the tag of the OCR settings, empty when no page is
    OCR'd), or None when the inputs cannot be fingerprinted."""
    if not sha256:
        return None
    try:
        parts = [sha256, ruleset.sha256[:16], code_fingerprint()]
        if ocr:
            parts.append(ocr)
        if rekap is not None:
            parts.append(_file_digest(Path(rekap.source))[:16])
    except OSError:
        return None
    return "result-" + "-".join(parts)


def load_result(key: str, path: Path) -> DocumentResult | None:
    """The cached result for ``key``, reported under the path it is audited at now."""
    cached = store.load(key, DocumentResult)
    return None if cached is None else replace(cached, path=str(path))


def store_result(key: str, result: DocumentResult) -> None:
    """Keep ``result`` under ``key`` (silently skipped when the cache cannot be written)."""
    store.store(key, result)
