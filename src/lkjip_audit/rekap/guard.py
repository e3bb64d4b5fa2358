"""A recap is untrusted input: refuse what is not a regular file, too big, too wide, too long,
or a zip that inflates far beyond its size, before (or while) it is read.

Every refusal is a :class:`RekapError` with one line in Indonesian and English naming the
limit and how to raise it; nothing here ever evaluates a formula.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lkjip_audit.limits import MB, Limits
from lkjip_audit.rekap.model import RekapError

RATIO_FLOOR = MB  # a zip member smaller than this once inflated is never a bomb


def _over(where: str, id_text: str, en_text: str, option: str) -> RekapError:
    return RekapError(f"{where}: {id_text} / {en_text} (--limit {option}=...)")


def _mb(size: float) -> str:
    return f"{size / MB:.1f}"


def regular(path: Path) -> None:
    """Refuse anything but a regular file (a FIFO or a device would be read forever)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise RekapError(f"{path}: tidak dapat dibuka / cannot be opened ({error})") from None
    if not stat.S_ISREG(mode):
        raise RekapError(f"{path}: bukan berkas biasa / not a regular file")


def check_size(path: Path, limits: Limits) -> None:
    """Refuse a file larger than ``recap_mb``."""
    size = path.stat().st_size
    if size > limits.recap_mb * MB:
        raise _over(
            path.name,
            f"berkas {_mb(size)} MB melebihi batas {limits.recap_mb:g} MB",
            f"the file is {_mb(size)} MB, over the limit of {limits.recap_mb:g} MB",
            "recap_mb",
        )


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse an XLSX whose parts, once unzipped, would be larger than ``recap_mb`` in all,
    or inflate more than ``zip_ratio`` times; read from the zip directory, before any part
    is inflated (Python's zipfile never inflates a part past its declared size)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise RekapError(
            f"{path.name}: XLSX tidak dapat dibaca / unreadable XLSX ({error})"
        ) from None
    total = sum(part.file_size for part in parts)
    if total > limits.recap_mb * MB:
        raise _over(
            path.name,
            f"isi XLSX setelah diekstrak {_mb(total)} MB, melebihi batas {limits.recap_mb:g} MB",
            f"the XLSX unzips to {_mb(total)} MB, over the limit of {limits.recap_mb:g} MB",
            "recap_mb",
        )
    for part in parts:
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size >= RATIO_FLOOR and ratio > limits.zip_ratio:
            raise _over(
                path.name,
                f"bagian {part.filename} mengembang {ratio:.0f} kali saat diekstrak, melebihi "
                f"batas {limits.zip_ratio:g} kali",
                f"part {part.filename} inflates {ratio:.0f} times, over the limit of "
                f"{limits.zip_ratio:g} times",
                "zip_ratio",
            )


def bounded(
    rows: Iterable[tuple[int, Sequence[object]]], where: str, limits: Limits
) -> Iterator[tuple[int, Sequence[object]]]:
    """``rows`` as they come, refused at the first one past ``recap_rows`` rows with content
    or with content past ``recap_columns`` columns."""
    count = 0
    for line, cells in rows:
        filled = [i for i, cell in enumerate(cells) if cell not in (None, "")]
        if not filled:
            yield line, cells
            continue
        count += 1
        if count > limits.recap_rows:
            raise _over(
                where,
                f"lebih dari {limits.recap_rows} baris, melebihi batas",
                f"more than {limits.recap_rows} rows, over the limit",
                "recap_rows",
            )
        if filled[-1] >= limits.recap_columns:
            raise _over(
                f"{where} baris/row {line}",
                f"{filled[-1] + 1} kolom, melebihi batas {limits.recap_columns} kolom",
                f"{filled[-1] + 1} columns, over the limit of {limits.recap_columns}",
                "recap_columns",
            )
        yield line, cells[: limits.recap_columns]
