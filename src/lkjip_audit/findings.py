"""Findings: what the rules say about a document, in the shape of contract findings-v1."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lkjip_audit.extract.model import BBox


class Severity(StrEnum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Category(StrEnum):
    """The closed set of finding categories of findings-v1."""

    CAPAIAN = "capaian"
    TARGET_CONSISTENCY = "target-consistency"
    REALISASI_CONSISTENCY = "realisasi-consistency"
    BUDGET_SUM = "budget-sum"
    BUDGET_PERCENTAGE = "budget-percentage"
    BUDGET_CONSISTENCY = "budget-consistency"
    IKM_RECOMPUTE = "ikm-recompute"
    IPK_RECOMPUTE = "ipk-recompute"
    PERCENTAGE = "percentage"
    MUTU_CATEGORY = "mutu-category"
    PLACEHOLDER = "placeholder"
    DUPLICATE_NIP = "duplicate-nip"
    NIP_FORMAT = "nip-format"
    REKAP_MISMATCH = "rekap-mismatch"
    REKAP_INTERNAL = "rekap-internal"
    STRUCTURE = "structure"
    EXTRACTION = "extraction"


class DocumentStatus(StrEnum):
    """Whether a document could be audited, and if not, why."""

    AUDITED = "audited"
    SCANNED = "scanned"
    ENCRYPTED = "encrypted"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Place:
    """Another place a finding points at (the other side of a disagreement)."""

    page: int | None
    bbox: BBox | None
    text: str


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A finding the reviewer accepted: why, who, and until when (ISO date)."""

    reason: str
    who: str
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found, with the place and the numbers behind it.

    ``message`` holds the text in every language the rule speaks (``{"id": ..., "en": ...}``);
    reporters pick one with :meth:`text`.
    """

    rule: str
    category: Category
    severity: Severity
    page: int | None
    message: dict[str, str]
    stated: str | None = None
    expected: str | None = None
    evidence: str | None = None
    bbox: BBox | None = None
    title: dict[str, str] = field(default_factory=dict)
    related: tuple[Place, ...] = ()
    subject: str = ""
    """What the finding is about (indicator, budget line, person), normalised: with the rule,
    satker and year it makes the finding's fingerprint (:mod:`lkjip_audit.fingerprint`)."""
    accepted: Acceptance | None = None
    """The reviewer's acceptance of this finding, when an accepted-findings file has it."""
    places: tuple[Place, ...] = ()
    """Further places where the very same finding occurs (identical findings merged); the
    first place is ``page``/``bbox``/``evidence``."""

    def text(self, lang: str) -> str:
        """The message in ``lang``, falling back to Indonesian."""
        return self.message.get(lang) or self.message["id"]


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many items a category's checks had, and what they were ("12 bulan SKM")."""

    category: Category
    checked_items: int
    description: dict[str, str]
    unverified: int = 0
    """Comparisons the checks abstained from ("tidak dapat diverifikasi"): they were not sure
    what they compared, so they neither pass nor fail."""
    flagged: int = 0
    """Findings elsewhere that concern this document's items: the Ditjen recap's own
    inconsistencies on the satker's rows (listed under the recap's entry)."""


@dataclass(slots=True)
class DocumentResult:
    """The audit of one document."""

    path: str
    sha256: str | None
    status: DocumentStatus
    pages: int | None
    satker: str | None = None
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    coverage: list[Coverage] | None = None
    profile: str | None = None
    """The rule set the document was checked with (a profile picked by its satker, or the one
    given with ``--rules``)."""
    rekap_checked: bool = True
    """Whether the document's rule set checks the Ditjen recap at all: a regional unit's
    profile has no recap, so its missing recap is nothing to mention."""
    rekap: str | None = None
    """Where the recap the report was held against came from (a file, or the report's own
    attachment), or None when no recap was available and its checks were skipped."""
    kind: str = "report"
    """``report`` (an LKjIP audited), or ``rekap`` (the Ditjen recap checked against itself,
    listed once as its own entry)."""
    ocr_pages: int = 0
    """How many scanned pages were read by OCR (their findings say "dari OCR")."""
