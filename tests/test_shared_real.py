"""The real reports beside the checkout: reached through the fixture or the marker, and
skipped with a visible reason when ``../shared/real`` is absent (a fresh clone)."""

from __future__ import annotations

import pytest


def test_real_reports_fixture_gives_the_pdf_folder(real_reports):
    assert any(real_reports.glob("*.pdf")), f"{real_reports} holds no PDF"


@pytest.mark.requires_shared_real
def test_marker_runs_only_beside_shared_real(pytestconfig):
    assert (pytestconfig.rootpath.parent / "shared" / "real").is_dir()
