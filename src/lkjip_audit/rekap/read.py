"""Read a recap file of any supported kind, chosen by its content first, then its name."""

from __future__ import annotations

from pathlib import Path

from lkjip_audit.limits import Limits
from lkjip_audit.rekap.guard import regular
from lkjip_audit.rekap.model import RekapError, RekapFacts

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"


def _kind(path: Path) -> str:
    """``pdf``, ``xlsx`` or ``csv``: what the file is, whatever its name says."""
    if path.is_dir():
        return "csv"
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if not head:
        raise RekapError(f"{path.name}: berkas kosong / empty file")
    named = path.suffix.lower().lstrip(".")
    if b"\x00" in head or named in ("pdf", "xlsx", "xlsm"):
        raise RekapError(
            f"{path.name}: isinya bukan {named.upper() or 'PDF, XLSX atau CSV'} yang dapat dibaca"
            f" / its content is not a readable {named.upper() or 'PDF, XLSX or CSV'} file"
        )
    return "csv"


def read_rekap(path: Path | str, limits: Limits | None = None) -> RekapFacts:
    """The Ditjen recap in ``path``: a PDF, an XLSX workbook, a CSV file (or a folder with
    the two CSV tables), within ``limits`` (the defaults when None). Raises
    :class:`RekapError` with a plain message when it cannot."""
    from lkjip_audit.rekap.document import read_pdf
    from lkjip_audit.rekap.sheet import read_csv, read_xlsx

    path = Path(path)
    if not path.exists():
        raise RekapError(f"{path}: berkas tidak ada / no such file")
    if not path.is_dir():
        regular(path)
    try:
        kind = _kind(path)
    except OSError as error:
        raise RekapError(f"{path}: tidak dapat dibuka / cannot be opened ({error})") from None
    reader = {"pdf": read_pdf, "xlsx": read_xlsx, "csv": read_csv}[kind]
    facts = reader(path, limits)
    if facts.table("rekap_ikm_iki").empty and facts.table("rekap_ipk").empty:
        raise RekapError(f"{path.name}: tidak ada baris rekap / no recap rows found")
    return facts
