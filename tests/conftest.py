"""Fixtures shared by the whole suite: the seed report and the shipped rule set."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_audit.rules.loader import load_ruleset
from lkjip_audit.rules.model import RuleSet

REPO = Path(__file__).resolve().parents[1]
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_69e92abe84ac6830.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The full text of the real report (Kantor Imigrasi Kelas II TPI Belakang Padang, 2023)."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """The shipped default rule set."""
    return load_ruleset()
