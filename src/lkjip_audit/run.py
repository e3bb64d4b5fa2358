"""What one run was: the tool, when, the command line and the rules in force.

The working paper's "Pemeriksaan" sheet and the history store both record it, so that a
finding on file can be traced to the exact tool, rules and files that made it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_audit import __version__
from lkjip_audit.rules.model import RuleSet


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One run of ``check``."""

    started: dt.datetime
    tool_version: str
    args: tuple[str, ...]
    rules_source: str
    rules_sha256: str
    rekap: str | None = None


def run_info(ruleset: RuleSet, args: Sequence[str], rekap: str | None = None) -> RunInfo:
    """The record of a run starting now (UTC) with ``ruleset`` and command-line ``args``."""
    return RunInfo(
        started=dt.datetime.now(dt.UTC).replace(microsecond=0),
        tool_version=__version__,
        args=tuple(args),
        rules_source=ruleset.source,
        rules_sha256=ruleset.sha256,
        rekap=rekap,
    )
