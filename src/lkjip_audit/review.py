"""The reviewer's side of a ``check`` run: the accepted findings read before the audit and
marked after it (with notes on stale and expired entries), and the run recorded in the
history store. The CLI calls these and words their errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lkjip_audit.accepted import AcceptedEntry, accepted_file, apply_accepted, load_accepted
from lkjip_audit.findings import DocumentResult
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.run import RunInfo

NOTES = {
    "id": {
        "stale": "entri diterima {fingerprint} ({who}) tidak cocok dengan temuan mana pun: "
        "temuannya sudah diperbaiki atau sidik jarinya salah; hapus dari {file}.",
        "expired": "entri diterima {fingerprint} ({who}) berakhir {until}: tidak berlaku lagi.",
    },
    "en": {
        "stale": "accepted entry {fingerprint} ({who}) matches no finding: it was fixed or its "
        "fingerprint is wrong; remove it from {file}.",
        "expired": "accepted entry {fingerprint} ({who}) expired on {until}: it no longer applies.",
    },
}


@dataclass(frozen=True, slots=True)
class AcceptedFile:
    """An accepted-findings file, read before the audit so that a bad one stops the run
    at once."""

    path: Path
    entries: tuple[AcceptedEntry, ...]


def read_accepted(given: Path | None, rules: Path | None) -> AcceptedFile | None:
    """The accepted-findings file (``--accepted``, else ``accepted.yaml`` beside ``rules``),
    or None; raises :class:`~lkjip_audit.accepted.AcceptedError` for one that cannot be
    used."""
    path = accepted_file(given, rules)
    return None if path is None else AcceptedFile(path, tuple(load_accepted(path)))


def mark_accepted(
    results: Sequence[DocumentResult],
    accepted: AcceptedFile | None,
    ruleset: RuleSet,
    today: dt.date,
    lang: str,
) -> tuple[list[DocumentResult], list[str]]:
    """``results`` with the accepted findings marked, and one note per stale or expired
    entry of the file (an entry of a rule ``ruleset`` does not run is not stale)."""
    if accepted is None:
        return list(results), []
    in_force = {rule.id for rules in (ruleset, *ruleset.profiles) for rule in rules.rules}
    marked, outcome = apply_accepted(results, accepted.entries, today, in_force)
    words = NOTES[lang]
    notes = [
        words["stale"].format(fingerprint=e.fingerprint, who=e.who, file=accepted.path)
        for e in outcome.stale
    ]
    notes += [
        words["expired"].format(fingerprint=e.fingerprint, who=e.who, until=e.until)
        for e in outcome.expired
    ]
    return marked, notes


def ready_store(store: Path) -> None:
    """Open (create, migrate) the history store once before the audit, so that a store that
    cannot be used stops the run before the work; :class:`~lkjip_audit.store.StoreError`."""
    from lkjip_audit.store import open_store

    open_store(store).close()


def store_run(
    store: Path, run: RunInfo, results: Sequence[DocumentResult], ruleset: RuleSet
) -> int:
    """Record the run in the history store at ``store``; raises
    :class:`~lkjip_audit.store.StoreError` when it cannot be used."""
    import sqlite3

    from lkjip_audit.store import StoreError, open_store, record_run

    connection = open_store(store)
    try:
        return record_run(connection, run, results, ruleset)
    except sqlite3.Error as error:
        raise StoreError(f"{store} cannot be written: {error}") from None
    finally:
        connection.close()
