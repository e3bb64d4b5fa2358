"""How a finding's category, severity and acceptance are named to people (not to scripts,
which read the ids ``budget-sum`` and ``error``)."""

from __future__ import annotations

from lkjip_audit.findings import Acceptance, Category, Severity
from lkjip_audit.report.coverage import CATEGORY_TEXT

SEVERITY_LABEL = {
    "id": {Severity.ERROR: "Galat", Severity.WARNING: "Peringatan", Severity.INFO: "Info"},
    "en": {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"},
}
ACCEPTED = {
    "id": ("diterima: {reason} ({who}, s.d. {until})", "diterima: {reason} ({who})"),
    "en": ("accepted: {reason} ({who}, until {until})", "accepted: {reason} ({who})"),
}


def category_label(category: Category, lang: str) -> str:
    """The category as a reviewer names it ("Jumlah anggaran")."""
    return CATEGORY_TEXT[category].aspect.get(lang) or CATEGORY_TEXT[category].aspect["id"]


def severity_label(severity: Severity, lang: str) -> str:
    """The severity as a reviewer names it (Galat, Peringatan, Info)."""
    return SEVERITY_LABEL.get(lang, SEVERITY_LABEL["id"])[severity]


def accepted_label(accepted: Acceptance | None, lang: str) -> str:
    """ "diterima: <reason> (<who>, s.d. <until>)", or "" for a finding not accepted."""
    if accepted is None:
        return ""
    until, open_ended = ACCEPTED.get(lang, ACCEPTED["id"])
    template = until if accepted.until else open_ended
    return template.format(reason=accepted.reason, who=accepted.who, until=accepted.until)
