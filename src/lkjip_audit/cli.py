"""The ``lkjip-audit`` command line: thin; parses options and calls the library."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lkjip_audit import __version__
from lkjip_audit.extract.ocr_mode import OcrMode
from lkjip_audit.report.safe import clean_text, console_text

app = typer.Typer(
    name="lkjip-audit",
    help="Audit LKjIP reports (Laporan Kinerja Instansi Pemerintah) for internal consistency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List, explain and validate rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
DEBUG_ENV = "LKJIP_AUDIT_DEBUG"
"""Set (to anything but 0) to print the traceback of an internal error, as ``--debug`` does."""


class Interrupted(BaseException):
    """Ctrl-C, raised in place of KeyboardInterrupt: click turns that into exit 1, the code
    for findings."""


class Lang(StrEnum):
    id = "id"
    en = "en"


class Format(StrEnum):
    console = "console"
    json = "json"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"


FILE_FORMATS = (Format.html, Format.csv, Format.xlsx)
EXTENSION_FORMATS = {
    ".html": Format.html,
    ".htm": Format.html,
    ".json": Format.json,
    ".csv": Format.csv,
    ".xlsx": Format.xlsx,
}
"""What an ``--output`` extension says the report is, so that ``--format`` may be left out."""


class CsvDialect(StrEnum):
    id = "id"
    plain = "plain"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


stderr = Console(stderr=True)
log = logging.getLogger(__name__)

CodesOption = Annotated[
    list[str] | None,
    typer.Option(help="Rule ids, id prefixes or categories (e.g. BUD005, NIP, budget-sum)."),
]
RulesOption = Annotated[
    Path | None,
    typer.Option(help="A rule set or profile (YAML), or a shipped one: lkjip:imigrasi."),
]


def say(message: str) -> None:
    """Print a problem in plain words on stderr, on one line however narrow the terminal
    (soft wrap); user text and a path's brackets are text, not markup, and its control
    characters are dropped."""
    stderr.print(f"[bold red]lkjip-audit:[/bold red] {console_text(message)}", soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Print a usage problem in plain words and give the exit for usage errors."""
    say(message)
    return typer.Exit(EXIT_USAGE)


USAGE = {
    "id": {
        "clash": "--format {format} bertentangan dengan --output {output}: samakan, "
        "atau hilangkan --format.",
        "unwritable": "laporan tidak dapat ditulis ke {output}: {reason}.",
        "overwrites": "--output {output} adalah berkas masukan {input}: laporan tidak boleh "
        "menimpa masukan; pilih nama lain.",
        "into_cache": "--output {output} berada di folder cache {cache}: pilih folder lain.",
        "internal": "kesalahan internal ({error}); ini bukan temuan atas laporan. Jalankan "
        "lagi dengan --debug untuk rinciannya.",
        "interrupted": "dihentikan (Ctrl-C).",
        "interrupted_batch": "dihentikan (Ctrl-C): {done} dari {total} dokumen selesai "
        "diperiksa ({errors} kesalahan, {warnings} peringatan, {infos} informasi); "
        "laporan tidak ditulis; hasil yang selesai disimpan di cache dan dipakai lagi saat "
        "dijalankan ulang.",
    },
    "en": {
        "clash": "--format {format} contradicts --output {output}: make them agree, "
        "or leave --format out.",
        "unwritable": "the report cannot be written to {output}: {reason}.",
        "overwrites": "--output {output} is the input file {input}: a report never "
        "overwrites an input; choose another name.",
        "into_cache": "--output {output} is inside the cache folder {cache}: choose another "
        "folder.",
        "internal": "internal error ({error}); this is not a finding about the report. Run "
        "again with --debug for the details.",
        "interrupted": "interrupted (Ctrl-C).",
        "interrupted_batch": "interrupted (Ctrl-C): {done} of {total} documents checked "
        "({errors} errors, {warnings} warnings, {infos} infos); no report was written; "
        "the finished results are cached and reused when run again.",
    },
}


def _report_format(format: Format | None, output: Path | None, lang: Lang) -> Format:
    """The format asked for, else the one ``output``'s extension says, else console."""
    implied = EXTENSION_FORMATS.get(output.suffix.lower()) if output else None
    if format and implied and format is not implied:
        raise fail(USAGE[lang.value]["clash"].format(format=format.value, output=output))
    return format or implied or Format.console


@contextmanager
def _writing_to(output: Path | None, lang: Lang) -> Iterator[None]:
    """A report file that cannot be written (no such folder, no permission, disk full) is a
    one-line usage error; trouble writing to the terminal (a closed pipe) is not ours to
    word."""
    try:
        yield
    except OSError as error:
        if output is None:
            raise
        reason = error.strerror or str(error)
        raise fail(USAGE[lang.value]["unwritable"].format(output=output, reason=reason)) from None


def _same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through symlinks, ``..`` or hard links)."""
    if one.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def _guard_output(output: Path | None, inputs: Iterable[Path | None], lang: Lang) -> None:
    """A usage error when ``output`` would overwrite one of ``inputs`` or land in the cache
    folder (whose entries the next run would read)."""
    from lkjip_audit.extract.cache import cache_dir

    if output is None:
        return
    for path in inputs:
        if path is not None and _same_file(output, path):
            raise fail(USAGE[lang.value]["overwrites"].format(output=output, input=path))
    cache = cache_dir().resolve()
    if cache == output.resolve() or cache in output.resolve().parents:
        raise fail(USAGE[lang.value]["into_cache"].format(output=output, cache=cache))


def _emit(text: str, output: Path | None) -> None:
    """A finished text report to ``output`` (whole or not at all), or to stdout as it is.

    Never through rich: a rich console wraps long lines at the terminal width (80 columns
    when piped), which would break the strings of a JSON document.
    """
    from lkjip_audit.atomic import atomic_file

    if output is None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        return
    with atomic_file(output) as temporary:
        temporary.write_text(text + "\n", encoding="utf-8")


def _load_rules(rules: Path | None):
    from lkjip_audit.rules.loader import RuleSetError, load_ruleset

    try:
        return load_ruleset(rules)
    except RuleSetError as err:
        raise fail(f"rule set cannot be used: {err}") from None


LimitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        metavar="NAME=VALUE",
        help="Raise or lower a limit per document or recap, e.g. --limit pages=5000 "
        "--limit seconds=120 (names and defaults: README, Limits).",
    ),
]


def _limits(items: list[str] | None):
    from lkjip_audit.limits import LimitError, parse_limits

    try:
        return parse_limits(items or [])
    except LimitError as err:
        raise fail(str(err)) from None


def _default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@app.command()
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="PDF files or folders (searched recursively).")
    ],
    rekap: Annotated[Path | None, typer.Option(help="The Ditjen recap (PDF, XLSX or CSV).")] = None,
    rules: RulesOption = None,
    format: Annotated[
        Format | None,
        typer.Option("--format", help="Report format (default: from --output, else console)."),
    ] = None,
    output: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding at or above this severity exists.")
    ] = FailOn.error,
    lang: Annotated[Lang, typer.Option(help="Language of the messages.")] = Lang.id,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: cores, at most 4).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not reuse extractions.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print finding counts per rule.")
    ] = False,
    select: CodesOption = None,
    ignore: CodesOption = None,
    accepted: Annotated[
        Path | None,
        typer.Option(help="Accepted findings (YAML; default: accepted.yaml beside --rules)."),
    ] = None,
    store: Annotated[
        Path | None, typer.Option(help="Record the run in this history store (SQLite).")
    ] = None,
    csv_dialect: Annotated[
        CsvDialect,
        typer.Option(help="CSV for Indonesian Excel (id: ';', BOM) or scripts (plain: ',')."),
    ] = CsvDialect.id,
    limit: LimitOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar on the terminal.")
    ] = False,
    ocr: Annotated[
        OcrMode,
        typer.Option(help="Read scanned pages with OCR (auto: when Tesseract is installed)."),
    ] = OcrMode.AUTO,
) -> None:
    """Audit LKjIP PDFs and report every finding with its page and the numbers."""
    import datetime as dt

    from lkjip_audit.batch import audit_many, find_pdfs
    from lkjip_audit.findings import DocumentStatus, Severity
    from lkjip_audit.pdf.messages import NOT_REGULAR
    from lkjip_audit.progress import progress_bar, wanted
    from lkjip_audit.rekap.inputs import sort_inputs, use_recaps
    from lkjip_audit.report.console import skipped_note
    from lkjip_audit.review import mark_accepted, ready_store, store_run
    from lkjip_audit.run import run_info

    format = _report_format(format, output, lang)
    if format in FILE_FORMATS and output is None:
        raise fail(f"--format {format.value} writes a file: give it with --output.")
    ruleset = _select_rules(_load_rules(rules), select, ignore)
    limits = _limits(limit)
    acceptance = _read_accepted(accepted, rules)
    run = run_info(ruleset, sys.argv[1:], str(rekap) if rekap else None)
    inputs = find_pdfs(paths, own=[output] if output else [])
    accepted_path = acceptance.path if acceptance else None
    _guard_output(output, [*inputs.pdfs, rekap, rules, accepted_path, store], lang)
    if store:
        _with_store(ready_store, store)
    for path in inputs.missing:
        stderr.print(
            f"[yellow]lkjip-audit:[/yellow] {console_text(path)} does not exist; skipped.",
            soft_wrap=True,
        )
    for path in inputs.not_regular:
        stderr.print(
            f"[yellow]lkjip-audit:[/yellow] {console_text(path)} {NOT_REGULAR[lang.value]}",
            soft_wrap=True,
        )
    if not inputs.pdfs:
        raise fail("no PDF found in the paths given.")
    finished: list = []
    try:
        found = sort_inputs(inputs.pdfs, inputs.not_pdf, limits, workers or _default_workers())
        note = skipped_note(found.others, lang.value)
        if note:
            stderr.print(f"[yellow]lkjip-audit:[/yellow] {console_text(note)}", soft_wrap=True)
        given = _read_recap(rekap, limits) if rekap else None
        recaps = use_recaps(found.recaps, rekap, given, ruleset)
        reports = found.reports + recaps.unread
        finished += recaps.entries
        shown = wanted(stderr, len(reports), quiet)
        with progress_bar(reports, stderr, lang.value, enabled=shown) as advance:
            results = recaps.entries + audit_many(
                reports,
                ruleset,
                rekap=recaps.facts,
                workers=workers or _default_workers(),
                use_cache=not no_cache,
                on_done=lambda result: (finished.append(result), advance(result)),
                limits=limits,
                ocr=ocr,
            )
    except Interrupted:
        from lkjip_audit.report.json_report import summary

        counts = summary(finished)
        say(
            USAGE[lang.value]["interrupted_batch"].format(
                done=len(finished), total=len(inputs.pdfs), **counts
            )
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    results, notes = mark_accepted(results, acceptance, ruleset, dt.date.today(), lang.value)
    for note in notes:
        stderr.print(f"[yellow]lkjip-audit:[/yellow] {console_text(note)}", soft_wrap=True)
    if store:
        _with_store(store_run, store, run, results, ruleset)
    with _writing_to(output, lang):
        _write_report(format, results, ruleset, lang, output, found.others, run, csv_dialect)
    if statistics:
        from lkjip_audit.report.statistics import render_statistics

        # JSON on stdout must stay parseable: the table then goes to stderr.
        table_console = stderr if format is Format.json and not output else Console()
        render_statistics(results, table_console, lang.value, ruleset)
    if all(r.status is not DocumentStatus.AUDITED for r in results):
        raise typer.Exit(EXIT_USAGE)
    if fail_on is not FailOn.never:
        threshold = Severity(fail_on.value).rank
        findings = (f for r in results for f in r.findings if f.accepted is None)
        if any(f.severity.rank >= threshold for f in findings):
            raise typer.Exit(EXIT_FINDINGS)


def _select_rules(ruleset, select: list[str] | None, ignore: list[str] | None):
    from lkjip_audit.selection import SelectionError, codes, select_rules

    try:
        return select_rules(ruleset, codes(select), codes(ignore))
    except SelectionError as err:
        raise fail(f"--select/--ignore: {err}; see `lkjip-audit rules list`.") from None


def _read_accepted(accepted: Path | None, rules: Path | None):
    from lkjip_audit.accepted import AcceptedError
    from lkjip_audit.review import read_accepted

    try:
        return read_accepted(accepted, rules)
    except AcceptedError as err:
        raise fail(f"accepted findings cannot be used: {err}.") from None


def _with_store(action, *args) -> None:
    """Run ``action`` on the history store; a store that cannot be used is a usage error."""
    from lkjip_audit.store import StoreError

    try:
        action(*args)
    except StoreError as err:
        raise fail(str(err)) from None


def _write_report(
    format: Format,
    results,
    ruleset,
    lang: Lang,
    output: Path | None,
    skipped: list[Path],
    run=None,
    csv_dialect: CsvDialect = CsvDialect.id,
) -> None:
    """Write the report in ``format`` to ``output``, or to the terminal when there is none."""
    # Each writer is imported only for its own format: a JSON run loads no spreadsheet library.
    from lkjip_audit.atomic import atomic_file
    from lkjip_audit.report.console import render_console

    if format is Format.json:
        from lkjip_audit.report.json_report import dumps, report_json

        _emit(dumps(report_json(results, ruleset, lang.value, skipped=skipped)), output)
    elif format is Format.html:
        from lkjip_audit.report.html import write_html

        _written("HTML", write_html(results, ruleset, lang.value, output, skipped=skipped))
    elif format is Format.csv:
        from lkjip_audit.report.tables import write_csv

        _written("CSV", write_csv(results, lang.value, output, csv_dialect.value))
    elif format is Format.xlsx:
        from lkjip_audit.report.workpaper import write_xlsx

        _written("XLSX", write_xlsx(results, ruleset, lang.value, output, run))
    elif output:
        with atomic_file(output) as temporary, temporary.open("w", encoding="utf-8") as handle:
            render_console(results, Console(file=handle, width=120), lang.value)
    else:
        render_console(results, Console(), lang.value)


def _written(kind: str, path: Path) -> None:
    """Say where a report file was written; a name that is not valid UTF-8 is shown with
    replacement characters."""
    typer.echo(f"{kind}: {clean_text(str(path))}")


def _read_recap(path: Path, limits=None):
    from lkjip_audit.rekap import RekapError, read_rekap

    try:
        return read_rekap(path, limits)
    except RekapError as err:
        raise fail(f"the recap {path} cannot be used: {err}") from None


@rules_app.command("list")
def rules_list(
    rules: RulesOption = None,
    lang: Annotated[Lang, typer.Option(help="Language.")] = Lang.id,
) -> None:
    """List the rules in force: id, category, severity, title."""
    from rich.table import Table

    ruleset = _load_rules(rules)
    table = Table(title=f"{ruleset.source}", title_justify="left")
    for column in (
        "ID",
        "Kategori" if lang is Lang.id else "Category",
        "Severity",
        "Judul" if lang is Lang.id else "Title",
    ):
        table.add_column(column)
    for rule in ruleset.rules:
        table.add_row(
            rule.id,
            rule.category.value,
            rule.severity.value,
            console_text(rule.title.get(lang.value, rule.title["id"])),
        )
    Console().print(table)


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="The rule id, e.g. PLH001.")],
    rules: RulesOption = None,
    lang: Annotated[Lang, typer.Option(help="Language.")] = Lang.id,
) -> None:
    """Explain one rule: what it checks, why, an example, and how the check works."""
    from lkjip_audit.rules.params import explain
    from lkjip_audit.rules.registry import CHECK_KINDS

    ruleset = _load_rules(rules)
    rule = ruleset.get(rule_id)
    if rule is None:
        raise fail(f"no rule {rule_id!r}; see `lkjip-audit rules list`.")
    text = lang.value
    console = Console()
    # A rule file is the user's text: shown, never read as markup.
    console.print(f"[bold]{rule.id}[/bold] · {rule.category.value} · {rule.severity.value}")
    console.print(f"[bold]{console_text(rule.title.get(text, rule.title['id']))}[/bold]")
    if rule.why:
        console.print(console_text(rule.why.get(text, rule.why.get("id", ""))))
    if rule.example:
        example = rule.example.get(text, rule.example.get("id", ""))
        console.print(f"[dim]{console_text(example)}[/dim]")
    console.print(f"\n[bold]check: {rule.check}[/bold]")
    console.print(CHECK_KINDS[rule.check].doc, markup=False)
    console.print("\n[bold]params:[/bold]")
    # Values hold regular expressions and brackets ("\\[Satuan Kerja\\]") that are not markup.
    for line in explain(rule.params):
        console.print(clean_text(line), markup=False, highlight=False)
    console.print(f"\n[dim]{console_text(rule.source)}[/dim]")


@rules_app.command("validate")
def rules_validate(
    rules: Annotated[Path, typer.Argument(help="The rule file to validate.")],
) -> None:
    """Validate a rule file (and what it extends or includes)."""
    ruleset = _load_rules(rules)
    Console().print(f"[green]OK[/green]: {len(ruleset.rules)} rules, sha256 {ruleset.sha256[:12]}")


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="The PDF to read.")],
    pages: Annotated[str | None, typer.Option(help="Pages to read, e.g. 3-9,12.")] = None,
    format: Annotated[Format, typer.Option("--format", help="console or json.")] = Format.console,
    facts: Annotated[
        str | None, typer.Option(help="Show one fact table (e.g. indicators, budget_lines).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not reuse extractions.")] = False,
) -> None:
    """Show what was read from a PDF: page triage, lines, tables, or one fact table."""
    from lkjip_audit.extract.show import run_extract

    if format not in (Format.console, Format.json):
        raise fail("extract writes console or json.")
    if facts:
        raise typer.Exit(_show_facts(path, facts, format, use_cache=not no_cache))
    try:
        code = run_extract(path, pages, format.value, use_cache=not no_cache)
    except ValueError as err:
        raise fail(str(err)) from None
    raise typer.Exit(code)


def _show_facts(path: Path, name: str, format: Format, *, use_cache: bool) -> int:
    from lkjip_audit.audit import read_facts
    from lkjip_audit.extract import read_pdf
    from lkjip_audit.facts import known_tables, view_of
    from lkjip_audit.findings import DocumentStatus
    from lkjip_audit.report.facts_view import fact_records, render_facts

    if name not in known_tables():
        raise fail(f"no fact table {name!r}; known: {', '.join(known_tables())}.")
    extraction = read_pdf(path, use_cache=use_cache)
    if extraction.opened.status is not DocumentStatus.AUDITED:
        stderr.print(extraction.opened.reason.get("id", ""))
        return EXIT_USAGE
    _, facts, _ = read_facts(extraction.text)
    frame = facts.table(name)
    if format is Format.json:
        Console().print_json(data=fact_records(frame))
    else:
        render_facts(name, view_of(name, frame), Console())
    return EXIT_OK


@app.command("eval")
def eval_(
    truth: Annotated[Path, typer.Argument(help="A truth file (lkjip-audit/truth@1).")],
    rekap: Annotated[Path | None, typer.Option(help="The Ditjen recap to check against.")] = None,
    rules: RulesOption = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes.")] = None,
    documents: Annotated[
        Path | None, typer.Option(help="Folder of the documents (default: the truth's folder).")
    ] = None,
) -> None:
    """Accuracy on a truth set: recall per category, precision, seconds per page."""
    import time

    from lkjip_audit.batch import audit_many
    from lkjip_audit.evaluate import TruthError, evaluate, load_truth, render_eval
    from lkjip_audit.rekap import recap_result

    ruleset = _load_rules(rules)
    try:
        truth_documents = load_truth(truth)
    except TruthError as err:
        raise fail(str(err)) from None
    folder = documents or truth.parent
    paths = [folder / d.file for d in truth_documents]
    recap_facts = _read_recap(rekap) if rekap else None
    # The recap itself, when the truth lists it, is scored on its own internal findings.
    recaps = [p for p in paths if rekap is not None and p.resolve() == rekap.resolve()]
    started = time.perf_counter()
    results = audit_many(
        [p for p in paths if p not in recaps],
        ruleset,
        rekap=recap_facts,
        workers=workers or _default_workers(),
        use_cache=False,
    )
    results += [recap_result(p, recap_facts, ruleset) for p in recaps]
    report = evaluate(truth, results, seconds=time.perf_counter() - started)
    render_eval(report, Console())


@app.command()
def rekap(
    path: Annotated[
        Path, typer.Argument(help="The recap (PDF, XLSX or CSV), or the word 'template'.")
    ],
    target: Annotated[
        Path | None, typer.Argument(help="With 'template': where to write (.csv, .xlsx, folder).")
    ] = None,
    rules: RulesOption = None,
    format: Annotated[
        Format | None,
        typer.Option("--format", help="console or json (default: --output's extension)."),
    ] = None,
    output: Annotated[Path | None, typer.Option(help="Write the result to this file.")] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 at or above this severity.")
    ] = FailOn.error,
    lang: Annotated[Lang, typer.Option(help="Language of the messages.")] = Lang.id,
) -> None:
    """Read a Ditjen recap and check it against itself; `rekap template OUT` writes a blank one."""
    from lkjip_audit.rekap import rekap_command, write_template

    if str(path) == "template":
        if target is None:
            raise fail("rekap template needs where to write, e.g. rekap template rekap.xlsx")
        for written in write_template(target):
            typer.echo(clean_text(str(written)))
        return
    format = _report_format(format, output, lang)
    if format not in (Format.console, Format.json):
        raise fail("rekap writes console or json.")
    _guard_output(output, [path, rules], lang)
    text, code = rekap_command(
        path, _load_rules(rules), lang=lang.value, fmt=format.value, fail_on=fail_on.value
    )
    if code == EXIT_USAGE:
        stderr.print(text, markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code)
    with _writing_to(output, lang):
        _emit(text, output)
    raise typer.Exit(code)


@app.command()
def history(
    satker: Annotated[
        str | None, typer.Argument(help="Only satkers whose name contains this.")
    ] = None,
    store: Annotated[Path, typer.Option(help="The history store (SQLite) of check --store.")] = (
        Path("audit.db")
    ),
    format: Annotated[Format, typer.Option("--format", help="console or json.")] = Format.console,
    lang: Annotated[Lang, typer.Option(help="Language of the messages.")] = Lang.id,
) -> None:
    """Per satker and year: findings new, fixed and still open between the last two
    submissions recorded with check --store."""
    from lkjip_audit.report.json_report import dumps
    from lkjip_audit.store import StoreError, history_json, load_history, render_history

    if format not in (Format.console, Format.json):
        raise fail("history writes console or json.")
    if not store.is_file():
        raise fail(f"no history store {store}: record runs with check --store {store}.")
    try:
        comparisons = load_history(store, satker)
    except StoreError as err:
        raise fail(str(err)) from None
    if format is Format.json:
        _emit(dumps(history_json(comparisons, lang.value)), None)
    else:
        render_history(comparisons, Console(), lang.value, str(store))


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def _log_when_debugging() -> None:
    """With ``--debug`` or LKJIP_AUDIT_DEBUG, what is logged (a failing part's traceback)
    goes to stderr; otherwise the package's logger keeps it to itself."""
    if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def _argv_lang() -> str:
    """The ``--lang`` of the command line, for a message given outside any command."""
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else value
        if value in USAGE:
            return value
    return Lang.id.value


def main() -> None:
    """Entry point of the ``lkjip-audit`` script: the one place where what no command
    handled becomes an exit code.

    Exit codes: 0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage
    error or nothing readable, 3 an internal error (one line on stderr; the traceback only
    with ``--debug`` or LKJIP_AUDIT_DEBUG), 130 interrupted with Ctrl-C.
    """
    signal.signal(signal.SIGINT, _interrupt)
    _log_when_debugging()
    try:
        app()
    except Interrupted:
        say(USAGE[_argv_lang()]["interrupted"])
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # the CLI's edge: a bug must not look like a finding (exit 1)
        log.exception("internal error")
        say(USAGE[_argv_lang()]["internal"].format(error=f"{type(error).__name__}: {error}"))
        sys.exit(EXIT_INTERNAL)


@app.callback(invoke_without_command=True)
def _options(
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=f"Print tracebacks of internal errors and of parts that failed "
            f"(also: {DEBUG_ENV}=1).",
        ),
    ] = False,
) -> None:
    if debug:
        # Through the environment: worker processes see it too.
        os.environ[DEBUG_ENV] = "1"
        _log_when_debugging()
    if version:
        typer.echo(__version__)
        raise typer.Exit()
