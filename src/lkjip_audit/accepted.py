"""Accepted findings: a reviewer's decision that a finding stands as it is, with a reason.

The file is YAML, a list of entries::

    - fingerprint: BUD005-3f2a9c1d0e4b5a6c   # the finding's ``id`` in the JSON report
      reason: Pagu direvisi setelah laporan disusun; dijelaskan di catatan kaki.
      who: Reviewer Inspektorat
      until: 2027-06-30                      # optional; after this date it no longer applies

An accepted finding is still reported, marked "diterima" with the reason, but does not count
for ``--fail-on``. An entry whose ``until`` has passed is expired and applies no more; an entry
that matches no finding of the run is stale (the finding was fixed, or the fingerprint is
wrong), and both are listed so that the file is kept tidy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from lkjip_audit.findings import Acceptance, DocumentResult
from lkjip_audit.fingerprint import finding_id

FILE_NAME = "accepted.yaml"
"""The accepted-findings file looked for beside a rule file given with ``--rules``."""
REQUIRED = ("fingerprint", "reason", "who")
KEYS = {*REQUIRED, "until"}


class AcceptedError(Exception):
    """An accepted-findings file that cannot be used; the message names the file and why."""


@dataclass(frozen=True, slots=True)
class AcceptedEntry:
    """One entry of the file."""

    fingerprint: str
    reason: str
    who: str
    until: dt.date | None = None

    def applies_on(self, day: dt.date) -> bool:
        """Whether the entry is still in force on ``day``."""
        return self.until is None or day <= self.until


@dataclass(frozen=True, slots=True)
class AcceptedOutcome:
    """What the file did to a run: entries that matched nothing, and entries that expired."""

    stale: tuple[AcceptedEntry, ...] = ()
    expired: tuple[AcceptedEntry, ...] = ()


def _date(value: object, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise AcceptedError(f"{where}: until {value!r} is not a date (YYYY-MM-DD)") from None


def _entry(item: object, number: int, path: Path) -> AcceptedEntry:
    where = f"{path}, entry {number}"
    if not isinstance(item, dict):
        raise AcceptedError(f"{where}: an entry has fingerprint, reason, who and until")
    missing = [key for key in REQUIRED if not str(item.get(key) or "").strip()]
    if missing:
        raise AcceptedError(f"{where}: {', '.join(missing)} missing")
    unknown = sorted(set(item) - KEYS)
    if unknown:
        raise AcceptedError(f"{where}: unknown key {', '.join(map(str, unknown))}")
    return AcceptedEntry(
        fingerprint=str(item["fingerprint"]).strip(),
        reason=str(item["reason"]).strip(),
        who=str(item["who"]).strip(),
        until=_date(item.get("until"), where),
    )


def load_accepted(path: Path) -> list[AcceptedEntry]:
    """The entries of the accepted-findings file at ``path``; :class:`AcceptedError` when it
    cannot be read or is not a list of entries with fingerprint, reason and who."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise AcceptedError(f"{path}: {error.strerror or error}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise AcceptedError(f"{path}{where}: not YAML ({problem})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise AcceptedError(f"{path}: expected a list of accepted findings")
    return [_entry(item, number, path) for number, item in enumerate(data, start=1)]


def rule_of(fingerprint: str) -> str:
    """The rule id a fingerprint starts with ("BUD005-3f2a…" → "BUD005")."""
    return fingerprint.rpartition("-")[0]


def accepted_file(given: Path | None, rules: Path | None) -> Path | None:
    """The file to use: the one given, else ``accepted.yaml`` beside a rule file, if any."""
    if given is not None:
        return given
    if rules is None or not rules.is_file():
        return None
    beside = rules.parent / FILE_NAME
    return beside if beside.is_file() else None


def apply_accepted(
    results: Sequence[DocumentResult],
    entries: Sequence[AcceptedEntry],
    today: dt.date,
    rules_in_force: Collection[str] | None = None,
) -> tuple[list[DocumentResult], AcceptedOutcome]:
    """``results`` with every finding an entry in force accepts marked as accepted, and what
    was stale or expired. An entry of a rule not in ``rules_in_force`` (left out with
    ``--select``/``--ignore``) is not stale: its rule did not run."""
    in_force = {e.fingerprint: e for e in entries if e.applies_on(today)}
    used: set[str] = set()
    marked = []
    for result in results:
        findings = []
        for finding in result.findings:
            entry = in_force.get(finding_id(result, finding))
            if entry is not None:
                used.add(entry.fingerprint)
                acceptance = Acceptance(
                    entry.reason, entry.who, entry.until.isoformat() if entry.until else None
                )
                finding = replace(finding, accepted=acceptance)
            findings.append(finding)
        marked.append(replace(result, findings=findings))
    outcome = AcceptedOutcome(
        stale=tuple(
            e
            for e in in_force.values()
            if e.fingerprint not in used
            and (rules_in_force is None or rule_of(e.fingerprint) in rules_in_force)
        ),
        expired=tuple(e for e in entries if not e.applies_on(today)),
    )
    return marked, outcome
