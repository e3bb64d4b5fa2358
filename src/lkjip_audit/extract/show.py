"""Showing what was read: triage, lines and tables as a JSON-able dict or on a rich console.

Backs ``lkjip-audit extract FILE [--pages 3-9] [--format json|console] [--no-cache]``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from lkjip_audit.extract.document import Extraction, read_pdf
from lkjip_audit.extract.model import BBox, Line, PageTriage, Table
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.pdf.opening import load_document
from lkjip_audit.report.safe import clean_data, clean_text, console_text

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$")


def parse_page_range(spec: str, page_count: int) -> list[int]:
    """1-based pages of a spec like "3-9,12" in ascending order, clamped to the document's
    ``page_count`` ("1-100000000" is every page, never a hundred million numbers); ValueError
    when malformed or when no page named is in the document."""
    pages: set[int] = set()
    for part in spec.split(","):
        match = _RANGE.match(part)
        if not match:
            raise ValueError(f"not a page range: {part.strip()!r} (expected e.g. 3-9,12)")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"not a page range: {part.strip()!r} (pages count from 1)")
        pages.update(range(first, min(last, page_count) + 1))
    if not pages:
        raise ValueError(f"no page {spec.strip()!r} in the document: it has {page_count} pages")
    return sorted(pages)


def _box(bbox: BBox | None) -> list[float] | None:
    return None if bbox is None else [round(v, 2) for v in bbox]


def _triage(triage: PageTriage) -> dict[str, Any]:
    data = asdict(triage)
    data["label"] = triage.label.value
    return data


def _line(line: Line, words: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"text": line.text, "bbox": _box(line.bbox)}
    if words:
        data["words"] = [{"text": w.text, "bbox": _box(w.bbox)} for w in line.words]
    return data


def _table(table: Table) -> dict[str, Any]:
    return {
        "pages": list(table.pages),
        "bbox": _box(table.bbox),
        "ruled": table.ruled,
        "header": table.header,
        "rows": [
            [{"text": c.text, "page": c.page, "bbox": _box(c.bbox)} for c in row]
            for row in table.rows
        ],
    }


def to_dict(extraction: Extraction, words: bool = False) -> dict[str, Any]:
    """The extraction as plain data (what ``--format json`` prints)."""
    opened = extraction.opened
    return {
        "path": str(opened.path),
        "sha256": opened.sha256,
        "status": opened.status.value,
        "reason": opened.reason,
        "pages": opened.pages,
        "scanned_pages": list(opened.scanned_pages),
        "garbled_pages": list(opened.garbled_pages),
        "triage": [_triage(t) for t in opened.triage],
        "content": [
            {
                "page": page.page,
                "width": page.width,
                "height": page.height,
                "label": page.triage.label.value,
                "lines": [_line(line, words) for line in page.lines],
            }
            for page in extraction.text.pages
        ],
        "tables": [_table(t) for t in extraction.text.tables],
    }


def render_console(extraction: Extraction, console: Console, lang: str = "id") -> None:
    """Print the status, the triage table, each page's lines and each table."""
    opened = extraction.opened
    console.print(
        f"[bold]{console_text(opened.path)}[/bold]  status: {opened.status.value}  "
        f"pages: {opened.pages}"
    )
    if opened.reason:
        console.print(opened.reason.get(lang) or opened.reason["id"], style="yellow")
    triage = RichTable(title="Triage", show_lines=False)
    for column in ("page", "label", "chars", "images", "invisible", "garbled", "rules"):
        triage.add_column(column)
    for t in opened.triage:
        triage.add_row(
            str(t.page),
            t.label.value,
            str(t.chars),
            f"{t.image_coverage:.0%}",
            f"{t.invisible_text_ratio:.0%}",
            f"{t.garbled_ratio:.0%}",
            "yes" if t.has_rules else "",
        )
    console.print(triage)
    for page in extraction.text.pages:
        console.rule(f"page {page.page} ({page.triage.label.value}, {len(page.lines)} lines)")
        for line in page.lines:
            console.print(
                f"[dim]{line.bbox[1]:6.1f}[/dim] {console_text(line.text)}", highlight=False
            )
    for number, table in enumerate(extraction.text.tables, start=1):
        pages = ", ".join(str(p) for p in table.pages)
        kind = "ruled" if table.ruled else "unruled"
        shown = RichTable(title=f"Table {number} (page {pages}, {kind})", show_lines=True)
        for key in table.header:
            shown.add_column(Text(clean_text(key) or "-"))
        for row in table.rows:
            shown.add_row(*(Text(clean_text(cell.text)) for cell in row))
        console.print(shown)


def _page_count(path: Path) -> int:
    """How many pages the PDF has (0 when it cannot be opened: read_pdf then says why)."""
    opened, document = load_document(path)
    if document is None:
        return 0
    document.close()
    return opened.pages or 0


def run_extract(
    path: Path,
    pages: str | None = None,
    output_format: str = "console",
    use_cache: bool = True,
    console: Console | None = None,
) -> int:
    """What ``lkjip-audit extract`` does; returns the exit code (2 when nothing was read).

    ``pages`` is a range spec ("3-9,12"); ValueError for a malformed spec or format.
    """
    if output_format not in ("console", "json"):
        raise ValueError(f"unknown format {output_format!r}: use console or json")
    page_count = _page_count(path) if pages else 0
    # A file that cannot be opened has no pages to select: read_pdf says why it cannot.
    selected = parse_page_range(pages, page_count) if pages and page_count else None
    extraction = read_pdf(path, selected, use_cache)
    out = console or Console()
    if output_format == "json":
        out.print_json(json.dumps(clean_data(to_dict(extraction, words=True)), ensure_ascii=False))
    else:
        render_console(extraction, out)
    return 0 if extraction.opened.status != DocumentStatus.UNREADABLE else 2
