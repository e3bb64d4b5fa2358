"""Opening documents: every kind of bad input gets its status and reason, nothing is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lkjip_audit.extract import read_pdf
from lkjip_audit.extract.model import PageLabel
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.pdf import messages, open_pdf

CASES = [
    ("prose", DocumentStatus.AUDITED, None),
    ("owner_only", DocumentStatus.AUDITED, None),
    ("encrypted", DocumentStatus.ENCRYPTED, messages.ENCRYPTED),
    ("scanned", DocumentStatus.SCANNED, messages.SCANNED),
    ("garbled", DocumentStatus.UNREADABLE, messages.GARBLED),
    ("truncated", DocumentStatus.UNREADABLE, messages.TRUNCATED),
    ("empty", DocumentStatus.UNREADABLE, messages.EMPTY),
    ("not_pdf", DocumentStatus.UNREADABLE, messages.NOT_PDF),
]


@pytest.mark.parametrize(("name", "status", "reason"), CASES)
def test_status_and_reason(pdfs: dict[str, Path], name: str, status, reason) -> None:
    opened = open_pdf(pdfs[name])
    assert opened.status == status
    assert opened.reason == reason
    assert opened.sha256 == hashlib.sha256(pdfs[name].read_bytes()).hexdigest()


def test_encrypted_message_is_plain_words(pdfs: dict[str, Path]) -> None:
    reason = open_pdf(pdfs["encrypted"]).reason
    assert reason is not None
    assert reason["id"].startswith("PDF dilindungi kata sandi")
    assert "without a password" in reason["en"]


def test_scanned_page_inside_text_pdf_is_named(pdfs: dict[str, Path]) -> None:
    opened = open_pdf(pdfs["mixed"])
    assert opened.status == DocumentStatus.AUDITED
    assert opened.pages == 3
    assert opened.scanned_pages == (2,)
    assert opened.reason is not None
    assert "halaman 2" in opened.reason["id"].lower()
    assert "page(s) 2" in opened.reason["en"].lower()


def test_page_labels(pdfs: dict[str, Path]) -> None:
    labels = {name: [t.label for t in open_pdf(pdfs[name]).triage] for name in pdfs}
    assert labels["prose"] == [PageLabel.TEXT]
    assert labels["ruled"] == [PageLabel.TABLE_CANDIDATE]
    assert labels["split"] == [PageLabel.TABLE_CANDIDATE] * 2
    assert labels["scanned"] == [PageLabel.SCANNED]
    assert labels["mixed"] == [PageLabel.TEXT, PageLabel.SCANNED, PageLabel.TEXT]
    assert labels["garbled"] == [PageLabel.GARBLED]


def test_triage_measures(pdfs: dict[str, Path]) -> None:
    scanned = open_pdf(pdfs["scanned"]).triage[0]
    assert scanned.image_coverage > 0.95
    assert scanned.chars == 0
    ruled = open_pdf(pdfs["ruled"]).triage[0]
    assert ruled.has_rules
    assert ruled.garbled_ratio == 0.0
    garbled = open_pdf(pdfs["garbled"]).triage[0]
    assert garbled.garbled_ratio > 0.9


def test_missing_file_does_not_raise(tmp_path: Path) -> None:
    opened = open_pdf(tmp_path / "tidak-ada.pdf")
    assert opened.status == DocumentStatus.UNREADABLE
    assert opened.reason == messages.CANNOT_READ


@pytest.mark.parametrize("name", ["prose", "encrypted", "truncated", "ruled", "scanned"])
def test_file_is_never_modified(pdfs: dict[str, Path], name: str) -> None:
    path = pdfs[name]
    before = (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    open_pdf(path)
    read_pdf(path, use_cache=False)
    after = (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    assert after == before
