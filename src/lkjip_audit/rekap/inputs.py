"""A Ditjen recap among the inputs of ``check``: recognised by what it holds, read as the
recap, listed once as its own entry ("Rekap Ditjen") with its internal findings, and never
audited as a satker's report.

A recap PDF is mostly recap rows: a unit's name (Kantor Imigrasi, Rudenim, Divisi
Keimigrasian ...) followed by index values and respondent counts. An LKjIP that attaches the
recap has a few such pages among many pages of chapters; a recap letter has little else.
The plain text of every page (pypdfium2, a few ms a page) is enough to tell them apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from lkjip_audit.findings import Category, Coverage, DocumentResult, DocumentStatus, Finding
from lkjip_audit.isolation import run_bounded
from lkjip_audit.limits import Limits
from lkjip_audit.merge import merge_identical
from lkjip_audit.rekap.model import RekapError, RekapFacts
from lkjip_audit.rules.model import RuleSet

RECAP_NAME = "Rekap Ditjen"
"""How a recap's entry is named where a report's satker would be."""
SHEET_SUFFIXES = frozenset({".csv", ".xlsx", ".xlsm"})
UNIT_ROW = re.compile(
    r"(?:^|\s)(?:KANTOR\s+IMIGRASI|KANIM|RUDENIM|RUMAH\s+DETENSI|DIVISI\s+KEIMIGRASIAN"
    r"|IPK\s+KANWIL|KANWIL)\b.*?\d[.,]\d{2}\b.*\b\d{2,5}\b",
    re.IGNORECASE,
)
"""A recap row as plain text: a unit's name, then an index value and a respondent count."""
ROWS_PER_RECAP_PAGE = 5
FIRST_PAGES = 4
RECAP_SHARE = 0.5
"""A PDF is a recap when at least this share of its pages with text are recap tables."""


@dataclass(slots=True)
class SortedInputs:
    """The inputs of ``check`` sorted: reports to audit, recaps to read, other files."""

    reports: list[Path] = field(default_factory=list)
    recaps: list[Path] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)


def _page_texts(path: Path, limit: int | None = None) -> list[str]:
    """The plain text of every page (of the first ``limit``); nothing when the file cannot be
    opened (the audit of a report says why)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except Exception:  # noqa: BLE001 - an unreadable file is simply not a recap
        return []
    try:
        texts = []
        for index in range(min(len(document), limit or len(document))):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    except Exception:  # noqa: BLE001 - a damaged page: not a recap, the audit will say more
        return []
    finally:
        document.close()


def looks_like_recap(texts: Sequence[str]) -> bool:
    """Whether pages with this text are a recap rather than a report: most pages with text
    are tables of recap rows."""
    with_text = [t for t in texts if t.strip()]
    if not with_text:
        return False
    tables = sum(
        sum(bool(UNIT_ROW.search(line)) for line in text.splitlines()) >= ROWS_PER_RECAP_PAGE
        for text in with_text
    )
    return tables >= RECAP_SHARE * len(with_text)


def is_recap_pdf(path: Path) -> bool:
    """Whether the PDF at ``path`` is a Ditjen recap (by its content, not its name).

    Its first pages decide first: a recap's letter is followed by its tables at once, while a
    report opens with a cover, a foreword and contents, so a report costs a few pages only.
    """
    return looks_like_recap(_page_texts(path, FIRST_PAGES)) and looks_like_recap(_page_texts(path))


def _is_recap_sheet(path: Path) -> bool:
    from lkjip_audit.rekap.read import read_rekap

    try:
        read_rekap(path)
    except (RekapError, OSError, ValueError):
        return False
    return True


def _recap_verdict(path: Path, limits: Limits) -> bool:
    """Whether ``path`` is a recap; a file over the structure limits is none (its audit says
    why it cannot be read)."""
    from lkjip_audit.pdf.preflight import over_limit

    return over_limit(path, limits) is None and is_recap_pdf(path)


def sort_inputs(
    pdfs: Iterable[Path], others: Iterable[Path], limits: Limits | None = None, workers: int = 1
) -> SortedInputs:
    """The PDFs and other files found, with the recaps among them set apart.

    Telling a recap from a report reads the PDF, so it runs in bounded worker processes like
    the audit: a PDF bomb costs its worker, never this process, and is then a report whose
    audit names the limit it met.
    """
    limits = Limits.resolve(limits)
    found = SortedInputs()
    paths = list(pdfs)
    verdicts = run_bounded(
        paths,
        partial(_recap_verdict, limits=limits),
        workers=workers,
        seconds=limits.seconds,
        memory_mb=limits.memory_mb,
    )
    with closing(verdicts):
        for path, verdict in zip(paths, verdicts, strict=True):
            (found.recaps if verdict is True else found.reports).append(path)
    csv_folders: set[Path] = set()
    for path in others:
        recap = path.suffix.lower() in SHEET_SUFFIXES and _is_recap_sheet(path)
        if not recap:
            found.others.append(path)
        elif path.suffix.lower() != ".csv":
            found.recaps.append(path)
        elif path.parent not in csv_folders:
            # The two CSV tables of a recap sit side by side and either reads both: one
            # recap per folder.
            csv_folders.add(path.parent)
            found.recaps.append(path)
    return found


def recap_entry(path: Path | str, facts: RekapFacts, ruleset: RuleSet) -> DocumentResult:
    """The recap as an entry of the results: its internal findings (REK101-106), named
    "Rekap Ditjen", marked as a recap."""
    from lkjip_audit.rekap.command import check_rekap

    findings: list[Finding] = merge_identical(check_rekap(facts, ruleset))
    findings.sort(key=lambda f: (f.page is None, f.page or 0, -f.severity.rank, f.rule))
    return DocumentResult(
        path=str(path),
        sha256=_sha256(Path(path)),
        status=DocumentStatus.AUDITED,
        pages=_page_count(facts),
        satker=RECAP_NAME,
        findings=findings,
        profile=ruleset.source,
        rekap=str(path),
        kind="rekap",
        coverage=[_coverage(facts)],
    )


def _coverage(facts: RekapFacts) -> Coverage:
    """What the recap's checks read: its unit rows (a recap is checked for nothing else)."""
    ikm, ipk = len(facts.table("rekap_ikm_iki")), len(facts.table("rekap_ipk"))
    return Coverage(
        Category.REKAP_INTERNAL,
        ikm + ipk,
        {
            "id": f"{ikm} baris IKM/IKI, {ipk} baris IPK",
            "en": f"{ikm} IKM/IKI rows, {ipk} IPK rows",
        },
    )


def _sha256(path: Path) -> str | None:
    """The recap file's sha256 (None for a folder of CSV tables)."""
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _page_count(facts: RekapFacts) -> int | None:
    pages = [
        int(p)
        for name in ("rekap_ikm_iki", "rekap_ipk")
        for p in facts.table(name)["page"]
        if p is not None and p == p
    ]
    return max(pages) if pages else None


@dataclass(slots=True)
class Recaps:
    """The recap the reports are held against, and the recaps' own entries."""

    facts: RekapFacts | None
    entries: list[DocumentResult]
    unread: list[Path]
    """Files that looked like a recap but could not be read as one: audited as reports, so
    that whatever they are is said."""


def use_recaps(
    found: Sequence[Path], given: Path | None, given_facts: RekapFacts | None, ruleset: RuleSet
) -> Recaps:
    """Read the recaps found among the inputs: the one given with ``--rekap`` is used for
    the reports, else the first found. Each recap (given or found, once per file) gets its
    entry."""
    from lkjip_audit.rekap.read import read_rekap

    recaps = Recaps(given_facts, [], [])
    read: list[tuple[Path, RekapFacts]] = [(given, given_facts)] if given and given_facts else []
    for path in found:
        if any(_same(path, other) for other, _ in read):
            continue
        try:
            read.append((path, read_rekap(path)))
        except RekapError:
            recaps.unread.append(path)
    if recaps.facts is None and read:
        recaps.facts = read[0][1]
    recaps.entries = [recap_entry(path, facts, ruleset) for path, facts in read]
    return recaps


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or one.samefile(other)
    except OSError:
        return False
