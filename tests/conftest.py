"""Fixtures shared by the whole suite: the seed report (text and PDF), the recap PDF, the bad
inputs and the shipped rule set, each generated once per test session; and the real reports
beside the checkout, for the tests that need them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from corpus.bad_inputs import write_bad_inputs
from corpus.recap_pdf import DATA_DIR, RenderedRecap, render_recap_pdf
from corpus.seed_pdf import DEFAULT_TEXT, SeedLayout, render_seed_pdf
from lkjip_audit.rules.loader import load_ruleset
from lkjip_audit.rules.model import RuleSet

REPO = Path(__file__).resolve().parents[1]
# Real LKjIP PDFs are not ours to redistribute: they stay beside the checkout, never in it.
SHARED_REAL = REPO.parent / "shared" / "real"
NO_SHARED_REAL = "../shared/real is not beside this checkout: real-report tests need it"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The full text of the real report (Kantor Imigrasi Kelas II TPI Belakang Padang, 2023)."""
    return DEFAULT_TEXT.read_text(encoding="utf-8")


def skip_without_shared_real() -> None:
    """Skip the running test, with a visible reason, when ``../shared/real`` is absent."""
    if not SHARED_REAL.is_dir():
        pytest.skip(NO_SHARED_REAL)


@pytest.fixture(scope="session")
def real_reports() -> Path:
    """The folder of real report PDFs beside the checkout; skips the test when it is absent."""
    skip_without_shared_real()
    return SHARED_REAL


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """The shipped default rule set."""
    return load_ruleset()


@dataclass(frozen=True)
class RenderedPdf:
    """A generated PDF, its layout, and the text pdfplumber reads from each page."""

    path: Path
    layout: SeedLayout
    page_texts: tuple[str, ...]


def page_texts(path: Path) -> tuple[str, ...]:
    """The pdfplumber text of every page of ``path``."""
    with pdfplumber.open(path) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
        return tuple(texts)


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> RenderedPdf:
    """The seed report rendered as a PDF."""
    path = tmp_path_factory.mktemp("seed") / "seed.pdf"
    layout = render_seed_pdf(DEFAULT_TEXT, path)
    return RenderedPdf(path=path, layout=layout, page_texts=page_texts(path))


@pytest.fixture(scope="session")
def recap_pdf(tmp_path_factory: pytest.TempPathFactory) -> RenderedRecap:
    """The Ditjen recap rendered from ``corpus/data``."""
    return render_recap_pdf(DATA_DIR, tmp_path_factory.mktemp("recap") / "rekap.pdf")


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The unreadable input files."""
    return write_bad_inputs(tmp_path_factory.mktemp("bad"))


def pytest_configure(config: pytest.Config) -> None:
    """Keep the suite's caches out of the user's cache folder (workers inherit the variable)."""
    import os
    import tempfile

    os.environ.setdefault("LKJIP_AUDIT_CACHE_DIR", tempfile.mkdtemp(prefix="lkjip-audit-cache-"))
    config.addinivalue_line(
        "markers", "requires_shared_real: the test reads the real report PDFs in ../shared/real"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``requires_shared_real`` is skipped when ``../shared/real`` is absent."""
    if item.get_closest_marker("requires_shared_real"):
        skip_without_shared_real()
