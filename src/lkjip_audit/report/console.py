"""The console report: a header per document, findings by severity, a one-line summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from lkjip_audit.findings import Category, DocumentResult, DocumentStatus, Finding, Severity
from lkjip_audit.merge import page_list
from lkjip_audit.report.coverage import CATEGORY_TEXT
from lkjip_audit.report.json_report import summary
from lkjip_audit.report.labels import accepted_label
from lkjip_audit.report.overview import matrix_categories, overview_rows
from lkjip_audit.report.safe import console_text

WORDS = {
    "id": {
        Severity.ERROR: "Kesalahan",
        Severity.WARNING: "Peringatan",
        Severity.INFO: "Informasi",
        "pages": "halaman",
        "year": "tahun",
        "status": "status",
        "unknown": "satker tidak dikenali",
        "profile": "profil aturan",
        "clean": "Tidak ada temuan.",
        "page": "Hlm.",
        "rule": "Aturan",
        "finding": "Temuan",
        "summary": "{documents} dokumen: {errors} kesalahan, {warnings} peringatan, "
        "{infos} informasi.",
        "accepted": "{count} temuan diterima (tidak dihitung untuk --fail-on).",
        "overview": "Ringkasan per satker (urut kesalahan, lalu peringatan)",
        "document": "Dokumen",
        "file": "Berkas",
        "not_checked": "Tidak dapat diperiksa (tidak ada data yang terbaca): {categories}.",
        "no_rekap": "Pemeriksaan terhadap rekap Ditjen dilewati untuk {count} dokumen: tidak "
        "ada --rekap dan laporan tidak melampirkan rekap.",
        "not_pdf": "{count} berkas bukan PDF dilewati: {names}",
        "more": "dan {count} lainnya",
        DocumentStatus.AUDITED: "diperiksa",
        DocumentStatus.SCANNED: "hasil pindaian",
        DocumentStatus.ENCRYPTED: "terkunci kata sandi",
        DocumentStatus.UNREADABLE: "tidak terbaca",
    },
    "en": {
        Severity.ERROR: "Errors",
        Severity.WARNING: "Warnings",
        Severity.INFO: "Information",
        "pages": "pages",
        "year": "year",
        "status": "status",
        "unknown": "satker not recognised",
        "profile": "rule profile",
        "clean": "No findings.",
        "page": "Page",
        "rule": "Rule",
        "finding": "Finding",
        "summary": "{documents} document(s): {errors} error(s), {warnings} warning(s), "
        "{infos} info.",
        "accepted": "{count} finding(s) accepted (not counted for --fail-on).",
        "overview": "Overview per satker (by errors, then warnings)",
        "document": "Document",
        "file": "File",
        "not_checked": "Could not be checked (nothing to check was read): {categories}.",
        "no_rekap": "Checks against the Ditjen recap were skipped for {count} document(s): no "
        "--rekap was given and the report attaches no recap.",
        "not_pdf": "{count} non-PDF file(s) skipped: {names}",
        "more": "and {count} more",
        DocumentStatus.AUDITED: "audited",
        DocumentStatus.SCANNED: "scanned",
        DocumentStatus.ENCRYPTED: "password-protected",
        DocumentStatus.UNREADABLE: "unreadable",
    },
}
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
EVIDENCE_CHARS = 90
SKIPPED_NAMES = 10
"""The note on skipped files names this many; the JSON report lists them all."""


def _header(result: DocumentResult, words: dict) -> str:
    satker = console_text(result.satker or words["unknown"])
    parts = [
        f"[bold]{satker}[/bold]",
        f"{words['year']} {result.year or '-'}",
        f"{result.pages or 0} {words['pages']}",
        f"{words['status']}: {words[result.status]}",
    ]
    if result.profile:
        parts.append(f"{words['profile']}: {console_text(result.profile)}")
    return " · ".join(parts) + f"\n[dim]{console_text(result.path)}[/dim]"


def _evidence(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    cut = text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"
    return f"\n[dim]“{console_text(cut)}”[/dim]"


def _accepted(finding: Finding, lang: str) -> str:
    """The reviewer's acceptance under the message ("diterima: <reason> (<who>)")."""
    label = accepted_label(finding.accepted, lang)
    return f"\n[cyan]{console_text(label)}[/cyan]" if label else ""


def _not_checked(result: DocumentResult, lang: str) -> str | None:
    """The categories whose checks had nothing to read (the recap's are said once, below)."""
    names = [
        CATEGORY_TEXT[c.category].aspect[lang]
        for c in result.coverage or []
        if c.checked_items == 0
        and c.category not in (Category.REKAP_MISMATCH, Category.REKAP_INTERNAL)
    ]
    return ", ".join(names) if names else None


def _overview(results: Sequence[DocumentResult], words: dict) -> Table:
    """One row per entry, for a batch, ranked by errors then warnings: satker, file, status,
    counts by severity and by category (only the categories with findings)."""
    rows = overview_rows(results)
    categories = matrix_categories(rows)
    table = Table(title=words["overview"], title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(words["document"], overflow="fold")
    table.add_column(words["file"], overflow="fold", style="dim")
    table.add_column(words["status"], overflow="fold")
    for severity in Severity:
        table.add_column(words[severity], justify="right", style=STYLES[severity])
    for category in categories:
        table.add_column(category.value, justify="right", overflow="fold")
    for rank, row in enumerate(rows, start=1):
        table.add_row(
            str(rank),
            console_text(row.name or words["unknown"]),
            console_text(row.file),
            words[row.result.status],
            *(str(row.counts[s]) for s in Severity),
            *(str(row.matrix.get(c, 0) or "·") for c in categories),
        )
    return table


def skipped_note(skipped: Sequence[Path | str], lang: str) -> str | None:
    """One line naming the non-PDF files a folder held, or None when there were none."""
    if not skipped:
        return None
    words = WORDS[lang]
    names = [str(path) for path in skipped[:SKIPPED_NAMES]]
    if len(skipped) > SKIPPED_NAMES:
        names.append(words["more"].format(count=len(skipped) - SKIPPED_NAMES))
    return words["not_pdf"].format(count=len(skipped), names=", ".join(names))


def render_console(results: Sequence[DocumentResult], console: Console, lang: str) -> None:
    """Print every document's findings grouped by severity, then the summary line."""
    words = WORDS[lang]
    if len(results) > 1:
        console.print(_overview(results, words))
        console.print()
    for result in results:
        console.print(Panel(_header(result, words), expand=False))
        not_checked = _not_checked(result, lang)
        if not_checked:
            console.print(
                f"  [yellow]{words['not_checked'].format(categories=not_checked)}[/yellow]"
            )
        if not result.findings:
            console.print(f"  [green]{words['clean']}[/green]\n")
            continue
        for severity in Severity:
            group = [f for f in result.findings if f.severity is severity]
            if not group:
                continue
            table = Table(
                title=f"{words[severity]} ({len(group)})",
                title_style=STYLES[severity],
                title_justify="left",
                show_lines=False,
                expand=True,
            )
            table.add_column(words["page"], justify="right", width=5)
            table.add_column(words["rule"], width=7)
            table.add_column(words["finding"], ratio=1)
            for finding in group:
                table.add_row(
                    page_list(finding) or "-",
                    finding.rule,
                    console_text(finding.text(lang))
                    + _evidence(finding.evidence)
                    + _accepted(finding, lang),
                )
            console.print(table)
        console.print()
    without_rekap = sum(
        r.status is DocumentStatus.AUDITED and r.rekap_checked and r.rekap is None for r in results
    )
    if without_rekap:
        console.print(f"[yellow]{words['no_rekap'].format(count=without_rekap)}[/yellow]")
    console.print(f"[bold]{words['summary'].format(**summary(results))}[/bold]")
    accepted = sum(f.accepted is not None for r in results for f in r.findings)
    if accepted:
        console.print(f"[cyan]{words['accepted'].format(count=accepted)}[/cyan]")
