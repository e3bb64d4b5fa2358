"""Garbage detection used by triage."""

from __future__ import annotations

from lkjip_audit.pdf.triage import garbled_count, is_garbage


def test_real_text_is_not_garbage() -> None:
    text = "Capaian 99,53 % — Rp. 8.538.182.000,- (dua) “kutipan” é\r\n\t"
    assert garbled_count(text) == 0


def test_controls_private_use_and_replacement_are_garbage() -> None:
    for char in ("\x01", "\x1f", "\ue000", "\uf8ff", "\ufffd"):
        assert is_garbage(char), repr(char)


def test_cid_sequences_count_whole() -> None:
    assert garbled_count("(cid:12)(cid:3) ok") == len("(cid:12)(cid:3)")


def test_pdfium_map_errors_win_when_larger() -> None:
    assert garbled_count("abc", map_errors=3) == 3
