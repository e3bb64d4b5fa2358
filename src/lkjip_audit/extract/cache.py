"""The cache: extractions and results kept as checksummed JSON in a private folder.

An entry is one line of JSON naming the format version, the entry's key and the sha256 of the
payload, then the payload: the value as plain data (:mod:`lkjip_audit.plain`), never a pickle,
so that whoever can write to the cache folder can at worst make us audit again, never make us
run their code. An entry is used only when it is a regular file owned by the current user and
writable by no one else, its header names this format and its key, and the payload has the
checksum; anything else is a miss, rebuilt by the caller. The folder (``LKJIP_AUDIT_CACHE_DIR``
overrides it) is created private (0700) and used only when it is ours. Writes go through a
temporary file and an atomic rename so that parallel workers never see half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import TypeVar

import platformdirs

from lkjip_audit.plain import DataError, from_data, to_data

ENV_VAR = "LKJIP_AUDIT_CACHE_DIR"
FORMAT = "lkjip-audit/cache"
VERSION = 1
SUFFIX = ".json"
NOT_OURS = stat.S_IWGRP | stat.S_IWOTH
"""Permission bits that would let someone else rewrite an entry."""

T = TypeVar("T")


def cache_dir() -> Path:
    """The folder holding cache entries."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return platformdirs.user_cache_path("lkjip-audit") / "extract"


def entry_path(key: str) -> Path:
    """Where the entry for ``key`` lives."""
    return cache_dir() / f"{key}{SUFFIX}"


def _ours(status: os.stat_result) -> bool:
    """Owned by the current user (always, where the system has no owners: Windows)."""
    return not hasattr(os, "geteuid") or status.st_uid == os.geteuid()


def _private_folder() -> Path | None:
    """The cache folder, created 0700 when missing; None when it is not ours to trust."""
    folder = cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = folder.stat()
    if not stat.S_ISDIR(status.st_mode) or not _ours(status):
        return None
    if stat.S_IMODE(status.st_mode) & 0o077:
        # Ours but open to others (made by an older version or by hand): close it.
        folder.chmod(0o700)
    return folder


def _read_entry(path: Path) -> bytes | None:
    """The entry's bytes, when it is a regular file of ours that no one else can write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as entry:
        # fstat, not stat: the file checked is the file read.
        status = os.fstat(entry.fileno())
        if not stat.S_ISREG(status.st_mode) or not _ours(status) or status.st_mode & NOT_OURS:
            return None
        return entry.read()


def _header(key: str, payload: bytes) -> dict[str, object]:
    """What an entry's first line says: the format, its version, the key and the checksum."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "key": key,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }


def _payload(key: str, raw: bytes) -> bytes | None:
    """The payload of an entry whose header names this format, version and key (an entry
    renamed to another key is not that key's) and whose payload has the header's checksum."""
    head, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        return None
    return payload if header == _header(key, payload) else None


def load(key: str, kind: type[T]) -> T | None:
    """The cached value of type ``kind`` for ``key``, or None (a miss) when there is no
    trustworthy entry."""
    raw = _read_entry(entry_path(key))
    payload = None if raw is None else _payload(key, raw)
    if payload is None:
        return None
    try:
        return from_data(kind, json.loads(payload))
    except (ValueError, RecursionError):  # DataError is a ValueError, as is bad JSON
        return None


def store(key: str, value: object) -> None:
    """Save ``value`` (dataclasses and plain values) under ``key``; a cache that cannot be
    written is silently skipped."""
    try:
        payload = json.dumps(to_data(value), separators=(",", ":")).encode("ascii")
    except DataError:
        return
    header = json.dumps(_header(key, payload)).encode("ascii")
    try:
        folder = _private_folder()
        if folder is None:
            return
        # NamedTemporaryFile creates the file 0600: only we can read or write an entry.
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as out:
            out.write(header + b"\n" + payload)
        os.replace(out.name, folder / f"{key}{SUFFIX}")
    except OSError:
        return
