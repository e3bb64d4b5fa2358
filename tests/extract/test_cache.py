"""The extraction cache: hits equal fresh reads, corrupt entries are rebuilt."""

from __future__ import annotations

from pathlib import Path

from lkjip_audit.extract import read_pdf
from lkjip_audit.extract.cache import ENV_VAR, cache_dir


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_cache_folder_comes_from_env(_cache_in_tmp: Path, monkeypatch) -> None:
    assert cache_dir() == _cache_in_tmp
    monkeypatch.delenv(ENV_VAR)
    assert cache_dir().name == "extract"
    assert "lkjip-audit" in cache_dir().parts


def test_cached_result_equals_fresh_one(pdfs: dict[str, Path], _cache_in_tmp: Path) -> None:
    fresh = read_pdf(pdfs["ruled"])
    assert len(_entries(_cache_in_tmp)) == 1
    cached = read_pdf(pdfs["ruled"])
    assert cached.text.lines() == fresh.text.lines()
    assert cached.text.tables == fresh.text.tables
    assert cached.opened == fresh.opened


def test_cached_result_takes_the_new_path(pdfs: dict[str, Path], tmp_path: Path) -> None:
    read_pdf(pdfs["prose"])
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(pdfs["prose"].read_bytes())
    assert read_pdf(copy).opened.path == copy


def test_corrupt_entry_is_ignored_and_rebuilt(pdfs: dict[str, Path], _cache_in_tmp: Path) -> None:
    fresh = read_pdf(pdfs["unruled"])
    (entry,) = _entries(_cache_in_tmp)
    entry.write_bytes(b"\x80\x05 not an entry")
    again = read_pdf(pdfs["unruled"])
    assert again.text.tables == fresh.text.tables
    assert entry.read_bytes() != b"\x80\x05 not an entry"


def test_no_cache_writes_nothing(pdfs: dict[str, Path], _cache_in_tmp: Path) -> None:
    read_pdf(pdfs["prose"], use_cache=False)
    assert not _cache_in_tmp.exists() or not _entries(_cache_in_tmp)


def test_bad_inputs_are_not_cached(pdfs: dict[str, Path], _cache_in_tmp: Path) -> None:
    for name in ("encrypted", "truncated", "empty", "not_pdf"):
        assert read_pdf(pdfs[name]).text.pages == []
    assert not _cache_in_tmp.exists() or not _entries(_cache_in_tmp)
