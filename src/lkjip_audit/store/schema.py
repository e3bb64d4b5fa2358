"""Opening the store and bringing its schema up to date.

The schema version is SQLite's ``PRAGMA user_version``: migration N (1-based) moves a store
from version N-1 to N, in one transaction, so that a store is never left half-migrated. A
store written by a newer tool (a version this one does not know) is refused rather than
guessed at.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MIGRATIONS = (
    """
    CREATE TABLE run (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        rules_source TEXT NOT NULL,
        rules_sha256 TEXT NOT NULL,
        rekap TEXT,
        args TEXT NOT NULL
    );
    CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        sha256 TEXT,
        status TEXT NOT NULL,
        pages INTEGER,
        satker TEXT,
        satker_key TEXT NOT NULL,
        year INTEGER,
        profile TEXT,
        tool_version TEXT NOT NULL,
        rules_sha256 TEXT NOT NULL
    );
    CREATE INDEX document_satker ON document (satker_key, year);
    CREATE TABLE finding (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        rule TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        page INTEGER,
        subject TEXT NOT NULL,
        message_id TEXT NOT NULL,
        message_en TEXT NOT NULL,
        accepted_reason TEXT
    );
    CREATE INDEX finding_document ON finding (document_id);
    """,
)
"""The migrations, oldest first; the store's ``user_version`` is how many have run."""
VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A store that cannot be used (not SQLite, written by a newer tool, not writable)."""


def open_store(path: Path) -> sqlite3.Connection:
    """The store at ``path`` (created when missing), migrated to :data:`VERSION`."""
    try:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA foreign_keys = ON")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            connection.close()
            raise StoreError(
                f"{path} has schema version {version}; this lkjip-audit knows up to {VERSION}"
            )
        for number in range(version, VERSION):
            # One transaction per migration, its version included: all of it or none.
            connection.executescript(
                f"BEGIN; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;"
            )
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} cannot be used as a store: {error}") from None
    return connection
