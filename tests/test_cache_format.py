"""The caches hold data, never code: checksummed JSON in a private folder; an entry that
cannot be trusted (tampered, another version, another key, someone else's) is ignored and
rebuilt; a corpus document's extraction and result come back from the cache equal."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_audit.audit import audit_file
from lkjip_audit.extract import cache, read_pdf
from lkjip_audit.extract.document import Extraction
from lkjip_audit.numbers import Stated
from lkjip_audit.plain import DataError, from_data, to_data

PACKAGE = Path(cache.__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own (not yet created)."""
    path = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(path))
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def _read_entry(entry: Path) -> tuple[dict, bytes]:
    head, _, payload = entry.read_bytes().partition(b"\n")
    return json.loads(head), payload


def _rewrite(entry: Path, header: dict, payload: bytes) -> None:
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)


def test_no_pickle_anywhere_in_the_package():
    imports = re.compile(r"^\s*(import|from)\s+c?pickle", re.M)
    assert [p for p in PACKAGE.rglob("*.py") if imports.search(p.read_text())] == []


def test_entries_are_checksummed_json_in_a_private_folder(seed_pdf, ruleset, folder):
    audit_file(seed_pdf.path, ruleset)
    entries = _entries(folder)
    assert len(entries) == 2  # the extraction and the result
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for entry in entries:
        header, payload = _read_entry(entry)
        assert header["format"] == cache.FORMAT and header["version"] == cache.VERSION
        assert header["key"] + cache.SUFFIX == entry.name
        json.loads(payload)  # data, and nothing but data
        assert stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0
    assert sorted(p.name for p in folder.iterdir()) == [e.name for e in entries]


def test_corpus_document_round_trips(seed_pdf, ruleset):
    fresh_extraction = read_pdf(seed_pdf.path)
    fresh_result = audit_file(seed_pdf.path, ruleset)
    cached_extraction = read_pdf(seed_pdf.path)
    assert cached_extraction.opened == fresh_extraction.opened
    assert cached_extraction.text == fresh_extraction.text
    assert audit_file(seed_pdf.path, ruleset) == fresh_result


def _one_extraction(pdf: Path, folder: Path) -> tuple[Extraction, Path]:
    fresh = read_pdf(pdf)
    (entry,) = _entries(folder)
    return fresh, entry


def _tamper_payload(header: dict, payload: bytes) -> tuple[dict, bytes]:
    """A word of the document changed, the checksum left as it was."""
    changed = payload.replace(b"Kinerja", b"Kinerjo", 1)
    assert changed != payload
    return header, changed


def _tamper_checksummed(header: dict, payload: bytes) -> tuple[dict, bytes]:
    """A word of the document changed and the checksum made to match."""
    header, changed = _tamper_payload(header, payload)
    return {**header, "sha256": hashlib.sha256(changed).hexdigest()}, changed


def _moved_from_another_key(header: dict, payload: bytes) -> tuple[dict, bytes]:
    """A consistent entry, but another key's: renamed into place."""
    header, changed = _tamper_checksummed(header, payload)
    return {**header, "key": "another"}, changed


def _other_version(header: dict, payload: bytes) -> tuple[dict, bytes]:
    return {**header, "version": cache.VERSION + 1}, payload


@pytest.mark.parametrize("tamper", [_tamper_payload, _moved_from_another_key, _other_version])
def test_an_untrusted_entry_is_ignored_and_rebuilt(seed_pdf, folder, tamper):
    fresh, entry = _one_extraction(seed_pdf.path, folder)
    _rewrite(entry, *tamper(*_read_entry(entry)))
    again = read_pdf(seed_pdf.path)
    assert again.text == fresh.text
    header, payload = _read_entry(entry)
    assert b"Kinerjo" not in payload and header["version"] == cache.VERSION  # rebuilt


def test_an_entry_others_can_write_is_ignored(seed_pdf, folder):
    fresh, entry = _one_extraction(seed_pdf.path, folder)
    _rewrite(entry, *_tamper_checksummed(*_read_entry(entry)))
    entry.chmod(0o666)
    assert read_pdf(seed_pdf.path).text == fresh.text


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_an_entry_of_another_user_is_ignored(seed_pdf, folder):
    fresh, entry = _one_extraction(seed_pdf.path, folder)
    _rewrite(entry, *_tamper_checksummed(*_read_entry(entry)))
    os.chown(entry, 4242, -1)
    assert read_pdf(seed_pdf.path).text == fresh.text


def test_a_folder_of_ours_open_to_others_is_closed(seed_pdf, folder):
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    read_pdf(seed_pdf.path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_plain_data_round_trips_decimals_and_rejects_other_shapes():
    box = (1.0, 2.0, 3.0, 4.5)
    stated = Stated("99,53 %", Decimal("99.53"), 2, page=3, bbox=box, is_percent=True)
    data = to_data(stated)
    assert data == ["99,53 %", "99.53", 2, 3, [1.0, 2.0, 3.0, 4.5], True]
    assert from_data(Stated, json.loads(json.dumps(data))) == stated
    for bad in (
        ["99,53 %", 99.53, 2, 3, None, True],  # a Decimal must come as text
        ["99,53 %", "99.53", 2, 3, [1.0, 2.0], True],  # a box has four sides
        ["99,53 %", "99.53", 2],  # fields missing
        {"raw": "99,53 %"},  # not the stored shape
        ["99,53 %", "x", 2, 3, None, True],  # not a number
    ):
        with pytest.raises(DataError):
            from_data(Stated, bad)
