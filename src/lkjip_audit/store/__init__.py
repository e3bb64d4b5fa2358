"""The history store: every ``check --store audit.db`` run in one SQLite file.

:mod:`.schema` opens the file and migrates it, :mod:`.record` writes a run, :mod:`.history`
compares a satker's submissions. The tables are described in ``docs/store.md``.
"""

from lkjip_audit.store.history import history, history_json, load_history, render_history
from lkjip_audit.store.record import record_run
from lkjip_audit.store.schema import StoreError, open_store

__all__ = [
    "StoreError",
    "history",
    "history_json",
    "load_history",
    "open_store",
    "record_run",
    "render_history",
]
