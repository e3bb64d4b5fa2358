"""Writing a run, its documents and their findings into the store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from lkjip_audit.findings import DocumentResult
from lkjip_audit.fingerprint import finding_id, normalise
from lkjip_audit.rules.model import RuleSet
from lkjip_audit.run import RunInfo


def record_run(
    connection: sqlite3.Connection,
    run: RunInfo,
    results: Sequence[DocumentResult],
    ruleset: RuleSet,
) -> int:
    """Record ``run`` with every document of ``results`` and their findings, in one
    transaction; the new run's id."""
    with connection:
        cursor = connection.execute(
            "INSERT INTO run (started_at, tool_version, rules_source, rules_sha256, rekap, args)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                run.started.isoformat(),
                run.tool_version,
                run.rules_source,
                run.rules_sha256,
                run.rekap,
                json.dumps(list(run.args), ensure_ascii=False),
            ),
        )
        run_id = cursor.lastrowid
        for result in results:
            document = connection.execute(
                "INSERT INTO document (run_id, path, sha256, status, pages, satker, satker_key,"
                " year, profile, tool_version, rules_sha256)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    result.path,
                    result.sha256,
                    result.status.value,
                    result.pages,
                    result.satker,
                    normalise(result.satker or ""),
                    result.year,
                    result.profile,
                    run.tool_version,
                    ruleset.for_document(result.satker).sha256,
                ),
            ).lastrowid
            connection.executemany(
                "INSERT INTO finding (document_id, fingerprint, rule, category, severity, page,"
                " subject, message_id, message_en, accepted_reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        document,
                        finding_id(result, finding),
                        finding.rule,
                        finding.category.value,
                        finding.severity.value,
                        finding.page,
                        finding.subject,
                        finding.text("id"),
                        finding.text("en"),
                        finding.accepted.reason if finding.accepted else None,
                    )
                    for finding in result.findings
                ],
            )
    return run_id
