"""Session fixtures: the small test PDFs (see pdf_fixtures) and a private cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_fixtures import Drawn, prose_canvas, write_all


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test document by name."""
    return write_all(tmp_path_factory.mktemp("pdfs"))


@pytest.fixture(scope="session")
def prose_drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Drawn]]:
    """A text page and the phrases drawn on it with their positions."""
    path = tmp_path_factory.mktemp("prose") / "drawn.pdf"
    return path, prose_canvas(path)


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty extraction cache folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LKJIP_AUDIT_CACHE_DIR", str(folder))
    return folder
