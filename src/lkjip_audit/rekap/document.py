"""The recap in a PDF: a recap letter of its own, or its lampiran attached inside an LKjIP."""

from __future__ import annotations

import re
from pathlib import Path

from lkjip_audit.extract.model import BBox, DocumentText
from lkjip_audit.limits import Limits
from lkjip_audit.rekap.model import (
    CELLS,
    IKM,
    IPK,
    Record,
    RekapError,
    RekapFacts,
    build_facts,
    region_label,
    same_region,
)
from lkjip_audit.rekap.tables import rows_from_tables
from lkjip_audit.rekap.text import DASH_TOKEN, REGION_NAME, TextRow, read_rows

MIN_ATTACHED_ROWS = 3
INDEX_SHAPE = re.compile(r"[.,]\d{1,2}$")


def _pair_slots(row: TextRow) -> tuple[int, int]:
    """Where a national row's (respondents, index) pair goes in its lampiran's layout."""
    if row.lampiran == IPK:
        return 4, 5
    if re.search(r"internal|\biki\b", row.name, re.IGNORECASE):
        return 3, 2
    return 1, 0


def _cells(row: TextRow) -> tuple[list[str | None], list[BBox | None]]:
    """The row's cells in its lampiran's layout, "-" as empty. A Rudenim's merged "-" leaves
    internal and external empty; a national row's (respondents, index) pair goes to the
    columns of its survey."""
    cells = row.cells
    width = len(CELLS[row.lampiran])
    raws: list[str | None] = [None] * width
    boxes: list[BBox | None] = [None] * width
    if len(cells) == width:
        slots = list(range(width))
    elif row.national:
        n_at, index_at = _pair_slots(row)
        cells = cells[-2:]
        first_is_index = bool(INDEX_SHAPE.search(cells[0].raw))
        slots = [index_at, n_at] if first_is_index else [n_at, index_at]
    else:  # a Rudenim row: "-" then the total respondents and index
        cells, slots = cells[-2:], [width - 2, width - 1]
    for cell, slot in zip(cells, slots, strict=True):
        if not DASH_TOKEN.match(cell.raw) and cell.raw:
            raws[slot], boxes[slot] = cell.raw, cell.bbox
    return raws, boxes


def _row_type(row: TextRow, region: Record | None) -> str:
    """``region``, ``divisi`` or ``satker``: in LAMPIRAN II, the Divisi row that follows its
    region's "IPK KANWIL" row is a surveyed unit of its own, not the region's total."""
    if row.national:
        return "national"
    if not REGION_NAME.search(row.name):
        return "satker"
    if row.lampiran == IKM or row.name.upper().startswith("IPK"):
        return "region"
    if region is not None and same_region(region_label(row.name), [region.region]):
        return "divisi"
    return "region"


def records_from_rows(rows: list[TextRow]) -> list[Record]:
    """Records with region and row type from text rows read in printed order."""
    records: list[Record] = []
    regions: dict[str, Record | None] = {IKM: None, IPK: None}
    for row in rows:
        region = regions[row.lampiran]
        row_type = _row_type(row, region)
        cells, boxes = _cells(row)
        record = Record(
            lampiran=row.lampiran,
            row_type=row_type,
            region=region_label(row.name) if row_type == "region" else "",
            kode=row.kode,
            name=row.name,
            cells=cells,
            boxes=boxes,
            note=row.note_text,
            page=row.page,
            bbox=row.bbox,
            raw=row.raw,
        )
        if row_type == "region":
            regions[row.lampiran] = record
        elif row_type != "national" and region is not None:
            record.region = region.region
        records.append(record)
    return records


def _from_first_region(records: list[Record]) -> list[Record]:
    """Drop rows of each lampiran before its first region row (report tables above it)."""
    kept, started = [], set()
    for record in records:
        if record.row_type == "region":
            started.add(record.lampiran)
        if record.lampiran in started:
            kept.append(record)
    return kept


def document_rows(doc: DocumentText, *, anchored: bool) -> list[TextRow]:
    """The recap rows of a document: from its recap tables where extraction found them
    (ruled PDFs), from its lines for the rest (text layouts, like the seed's)."""
    from_tables = rows_from_tables(doc.tables)
    units = {r.lampiran for r in from_tables if not r.national}
    national = {r.lampiran for r in from_tables if r.national}
    from_lines = [
        r
        for r in read_rows(doc.lines(), anchored=anchored)
        if r.lampiran not in (national if r.national else units)
    ]
    return from_tables + from_lines


def rekap_from_document(doc: DocumentText, *, source: str, anchored: bool) -> RekapFacts:
    """The recap facts read from a document."""
    records = records_from_rows(document_rows(doc, anchored=anchored))
    if anchored:
        records = _from_first_region(records)
    return build_facts(records, source=source, kind="attached" if anchored else "pdf")


def find_attached_rekap(doc: DocumentText, *, source: str = "") -> RekapFacts | None:
    """The Ditjen recap attached inside an LKjIP (its LAMPIRAN I/II), or None if it has none.

    Only rows after a recap heading ("DAFTAR ... INDEKS KEPUASAN MASYARAKAT ...") and after
    the first region row count, so that the report's own tables are never taken for it.
    """
    facts = rekap_from_document(doc, source=source, anchored=True)
    units = len(facts.table("rekap_ikm_iki")) + len(facts.table("rekap_ipk"))
    return facts if units >= MIN_ATTACHED_ROWS else None


def attached_message(rekap: RekapFacts) -> dict[str, str]:
    """What to tell the reader when the recap attached inside the report is used because no
    recap was given: which pages it was read from and how many rows."""
    pages = sorted(
        {
            int(p)
            for name in ("rekap_ikm_iki", "rekap_ipk")
            for p in rekap.table(name)["page"]
            if p is not None
        }
    )
    where = f"{pages[0]}-{pages[-1]}" if pages else "-"
    ikm, ipk = len(rekap.table("rekap_ikm_iki")), len(rekap.table("rekap_ipk"))
    return {
        "id": (
            f"Tanpa --rekap: rekap Ditjen yang dilampirkan dalam laporan (hal. {where}; "
            f"{ikm} baris IKM/IKI, {ipk} baris IPK) dipakai sebagai pembanding."
        ),
        "en": (
            f"No --rekap given: the Ditjen recap attached to the report (pp. {where}; "
            f"{ikm} IKM/IKI rows, {ipk} IPK rows) is used for comparison."
        ),
    }


def read_pdf(path: Path, limits: Limits | None = None) -> RekapFacts:
    """The recap in a PDF file of its own, refused when its structure is over ``limits``."""
    from lkjip_audit import extract
    from lkjip_audit.findings import DocumentStatus
    from lkjip_audit.pdf import open_pdf
    from lkjip_audit.pdf.preflight import over_limit

    problem = over_limit(path, Limits.resolve(limits))
    if problem is not None:
        raise RekapError(f"{path.name}: {problem['id']} / {problem['en']}")
    opened = open_pdf(path)
    if opened.status is not DocumentStatus.AUDITED and opened.reason:
        raise RekapError(f"{path.name}: {opened.reason['id']} / {opened.reason['en']}")
    try:
        doc = extract.extract_document(path)
    except Exception as error:  # noqa: BLE001 - any unreadable PDF becomes one plain message
        raise RekapError(
            f"{path.name}: PDF tidak dapat dibaca / unreadable PDF ({error})"
        ) from None
    return rekap_from_document(doc, source=str(path), anchored=False)
