"""Extraction cache: results keyed by the file's sha256 and the extractor version.

Entries are pickles in a user cache folder (``LKJIP_AUDIT_CACHE_DIR`` overrides it). A
missing, unreadable or corrupt entry is a miss; writes go through a temporary file and an
atomic rename so that parallel workers never see half an entry.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

import platformdirs

ENV_VAR = "LKJIP_AUDIT_CACHE_DIR"


def cache_dir() -> Path:
    """The folder holding cache entries."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return platformdirs.user_cache_path("lkjip-audit") / "extract"


def entry_path(key: str) -> Path:
    """Where the entry for ``key`` lives."""
    return cache_dir() / f"{key}.pickle"


def load(key: str, expected: type) -> object | None:
    """The cached value for ``key`` if there is a readable one of type ``expected``."""
    path = entry_path(key)
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except (
        OSError,
        EOFError,
        pickle.UnpicklingError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        KeyError,
    ):
        # Missing, truncated or written by other code: a miss, rebuilt by the caller.
        return None
    return value if isinstance(value, expected) else None


def store(key: str, value: object) -> None:
    """Save ``value`` under ``key``; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, entry_path(key))
    except OSError:
        return
