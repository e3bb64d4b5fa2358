"""The pemda family of the corpus: regional units, their own words and layout, clean
documents that are clean, and the held-out words and layout kept out of the tuning seed."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from corpus.generate import ensure_corpus, make_layout
from corpus.plan_pemda import TUNING_SEED, plan_pemda
from corpus.wording import PHRASES
from corpus.wording_pemda import HELD_OUT_PHRASES, PEMDA_PHRASES
from lkjip_audit.nip import nip_problems
from lkjip_audit.rules.loader import load_ruleset

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "corpus" / "out"


@pytest.fixture(scope="session")
def pemda_docs() -> list[dict]:
    truth = ensure_corpus(OUT, TUNING_SEED)
    docs = [d for d in truth["documents"] if d["layout"].get("family") == "pemda"]
    assert docs
    return docs


def text_of(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_units_are_regional_and_picked_by_the_pemda_profile(pemda_docs):
    rules = load_ruleset()
    for doc in pemda_docs:
        assert rules.for_document(doc["satker"]).get("IPK001") is None, doc["satker"]
        assert "pemda" in rules.for_document(doc["satker"]).source, doc["satker"]


def test_clean_pemda_documents_have_valid_nips_and_no_template_text(pemda_docs):
    nip_re = re.compile(r"NIP\.\s*(\d{8} ?\d{6} ?\d ?\d{3})(?!\d)")
    clean = [d for d in pemda_docs if d["clean"]]
    assert clean  # three with LibreOffice, one drawn by reportlab without it
    for doc in clean:
        text = text_of(OUT / doc["file"])
        assert "RINGKASAN EKSEKUTIF" in text and "PENUTUP" in text
        assert not re.search(r"\[[^\]]*\]|\bXX\b", text), doc["file"]
        nips = [re.sub(r"\s", "", m) for m in nip_re.findall(text)]
        assert len(nips) >= 6
        assert all(not nip_problems(n, doc["year"]) for n in nips), doc["file"]


def test_pemda_words_are_new_and_at_least_three_per_kind():
    for kind, variants in PEMDA_PHRASES.items():
        assert len(variants) >= 3, kind
        assert not set(variants) & set(PHRASES.get(kind, ())), kind
    for kind, variants in HELD_OUT_PHRASES.items():
        assert not set(variants) & set(PEMDA_PHRASES[kind]), kind


def test_held_out_words_and_layout_only_outside_the_tuning_seed():
    tuning = plan_pemda(TUNING_SEED, make_layout)
    held = plan_pemda(TUNING_SEED + 1, make_layout)
    assert not any(p.layout.held_out_words or p.layout.roman_chapters for p in tuning)
    assert all(p.layout.held_out_words for p in held)
    assert any(p.layout.roman_chapters for p in held)
    assert {p.layout.renderer for p in tuning} == {"docx", "reportlab"}
