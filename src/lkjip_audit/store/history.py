"""A satker's submissions compared: which findings are new, fixed and still open.

A submission is a distinct file (by sha256) recorded for a satker and year; auditing the same
file again is not a new submission, and its latest audit stands for it. The last two
submissions of every satker and year are compared by the findings' fingerprints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from lkjip_audit.fingerprint import normalise
from lkjip_audit.report.safe import console_text
from lkjip_audit.store.schema import StoreError, open_store


@dataclass(frozen=True, slots=True)
class Submission:
    """One recorded file of a satker: its latest audit."""

    document_id: int
    path: str
    sha256: str | None
    recorded_at: str


@dataclass(frozen=True, slots=True)
class StoredFinding:
    """A finding as the store holds it."""

    id: str
    rule: str
    severity: str
    page: int | None
    message: dict[str, str]
    accepted: str | None


@dataclass(slots=True)
class Comparison:
    """The last two submissions of one satker and year, and what changed between them."""

    satker: str
    year: int | None
    current: Submission
    previous: Submission | None
    new: list[StoredFinding] = field(default_factory=list)
    fixed: list[StoredFinding] = field(default_factory=list)
    open: list[StoredFinding] = field(default_factory=list)


def _submissions(connection: sqlite3.Connection, key: str, year: int | None) -> list[Submission]:
    rows = connection.execute(
        "SELECT document.id, path, sha256, run.started_at FROM document"
        " JOIN run ON run.id = document.run_id"
        " WHERE satker_key = ? AND year IS ? AND status = 'audited'"
        " ORDER BY run.started_at, document.id",
        (key, year),
    ).fetchall()
    first_seen: dict[str, tuple[int, str]] = {}
    latest: dict[str, Submission] = {}
    for document_id, path, sha256, started in rows:
        # A file audited again is the same submission: its latest audit stands for it, in
        # the place of its first.
        file = sha256 if sha256 is not None else f"#{document_id}"
        first_seen.setdefault(file, (document_id, started))
        latest[file] = Submission(document_id, path, sha256, first_seen[file][1])
    return [latest[file] for file in sorted(latest, key=lambda f: first_seen[f][0])]


def _findings(connection: sqlite3.Connection, document_id: int) -> dict[str, StoredFinding]:
    rows = connection.execute(
        "SELECT fingerprint, rule, severity, page, message_id, message_en, accepted_reason"
        " FROM finding WHERE document_id = ? ORDER BY id",
        (document_id,),
    ).fetchall()
    found: dict[str, StoredFinding] = {}
    for fingerprint, rule, severity, page, message_id, message_en, accepted in rows:
        found.setdefault(
            fingerprint,
            StoredFinding(
                fingerprint, rule, severity, page, {"id": message_id, "en": message_en}, accepted
            ),
        )
    return found


def history(connection: sqlite3.Connection, satker: str | None = None) -> list[Comparison]:
    """The comparison of the last two submissions of every satker and year in the store
    (those whose name contains ``satker``, case and spacing aside, when it is given)."""
    wanted = normalise(satker or "")
    groups = connection.execute(
        "SELECT satker_key, year, MAX(satker) FROM document WHERE status = 'audited'"
        " GROUP BY satker_key, year ORDER BY satker_key, year"
    ).fetchall()
    comparisons = []
    for key, year, name in groups:
        if wanted not in key:
            continue
        submissions = _submissions(connection, key, year)
        current = submissions[-1]
        previous = submissions[-2] if len(submissions) > 1 else None
        now = _findings(connection, current.document_id)
        before = _findings(connection, previous.document_id) if previous else {}
        comparisons.append(
            Comparison(
                satker=name or "-",
                year=year,
                current=current,
                previous=previous,
                new=[f for k, f in now.items() if k not in before],
                fixed=[f for k, f in before.items() if k not in now],
                open=[f for k, f in now.items() if k in before],
            )
        )
    return comparisons


def load_history(path: Path, satker: str | None = None) -> list[Comparison]:
    """:func:`history` of the store at ``path``; :class:`StoreError` when it cannot be
    read."""
    with closing(open_store(path)) as connection:
        try:
            return history(connection, satker)
        except sqlite3.Error as error:
            raise StoreError(f"{path} cannot be read: {error}") from None


WORDS = {
    "id": {
        "new": "Baru",
        "fixed": "Diperbaiki",
        "open": "Masih terbuka",
        "first": "kiriman pertama; belum ada pembanding",
        "versus": "dibandingkan dengan",
        "page": "Hlm.",
        "rule": "Aturan",
        "status": "Status",
        "finding": "Temuan",
        "summary": "{new} baru, {fixed} diperbaiki, {open} masih terbuka",
        "nothing": "Tidak ada satker dalam {store} yang sesuai.",
    },
    "en": {
        "new": "New",
        "fixed": "Fixed",
        "open": "Still open",
        "first": "first submission; nothing to compare with",
        "versus": "compared with",
        "page": "Page",
        "rule": "Rule",
        "status": "Status",
        "finding": "Finding",
        "summary": "{new} new, {fixed} fixed, {open} still open",
        "nothing": "No satker in {store} matches.",
    },
}


def _submission_text(submission: Submission) -> str:
    digest = (submission.sha256 or "-")[:12]
    return f"{submission.path} (sha256 {digest}…, {submission.recorded_at})"


def render_history(
    comparisons: Sequence[Comparison], console: Console, lang: str, store: str
) -> None:
    """Print every comparison: the two submissions, counts, then the findings by status."""
    words = WORDS[lang]
    if not comparisons:
        console.print(console_text(words["nothing"].format(store=store)))
    for comparison in comparisons:
        console.rule(console_text(f"{comparison.satker} · {comparison.year or '-'}"))
        console.print(console_text(_submission_text(comparison.current)))
        if comparison.previous is None:
            console.print(f"[dim]{words['first']}[/dim]")
        else:
            previous = console_text(_submission_text(comparison.previous))
            console.print(f"[dim]{words['versus']}[/dim] {previous}")
        counts = {k: len(getattr(comparison, k)) for k in ("new", "fixed", "open")}
        console.print(f"[bold]{words['summary'].format(**counts)}[/bold]")
        table = Table(show_lines=False, expand=True)
        for column in ("status", "rule", "page", "finding"):
            table.add_column(words[column], ratio=1 if column == "finding" else None)
        for kind, style in (("new", "red"), ("fixed", "green"), ("open", "yellow")):
            for finding in getattr(comparison, kind):
                table.add_row(
                    f"[{style}]{words[kind]}[/{style}]",
                    finding.rule,
                    str(finding.page or "-"),
                    console_text(finding.message.get(lang) or finding.message["id"]),
                )
        if table.row_count:
            console.print(table)


def _finding_json(finding: StoredFinding, lang: str) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "severity": finding.severity,
        "page": finding.page,
        "message": finding.message.get(lang) or finding.message["id"],
        "accepted": finding.accepted,
    }


def _submission_json(submission: Submission | None) -> dict[str, Any] | None:
    if submission is None:
        return None
    return {
        "path": submission.path,
        "sha256": submission.sha256,
        "recorded_at": submission.recorded_at,
    }


def history_json(comparisons: Sequence[Comparison], lang: str) -> dict[str, Any]:
    """The comparisons as a JSON document (``lkjip-audit/history@1``)."""
    return {
        "schema": "lkjip-audit/history@1",
        "satkers": [
            {
                "satker": c.satker,
                "year": c.year,
                "current": _submission_json(c.current),
                "previous": _submission_json(c.previous),
                **{
                    kind: [_finding_json(f, lang) for f in getattr(c, kind)]
                    for kind in ("new", "fixed", "open")
                },
            }
            for c in comparisons
        ],
    }
