"""A progress bar on stderr while many documents are checked: done/total, the file being
waited for, elapsed time and ETA. Only on a terminal: piped or redirected output, or
``--quiet``, stays silent."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from lkjip_audit.findings import DocumentResult
from lkjip_audit.report.safe import console_text

LABEL = {"id": "Memeriksa", "en": "Checking"}


def wanted(console: Console, total: int, quiet: bool) -> bool:
    """Whether a bar is shown: more than one document, not quiet, stderr a terminal."""
    return total > 1 and not quiet and console.is_terminal


@contextmanager
def progress_bar(
    paths: Sequence[Path], console: Console, lang: str, *, enabled: bool
) -> Iterator[Callable[[DocumentResult], None]]:
    """A callback to give each finished document; it moves the bar on (when ``enabled``)."""
    if not enabled:
        yield lambda result: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    names = [console_text(Path(p).name) for p in paths]
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[current]}", markup=True),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(LABEL.get(lang, LABEL["id"]), total=len(paths), current=names[0])

        def done(result: DocumentResult) -> None:
            finished = int(bar.tasks[0].completed) + 1
            current = names[finished] if finished < len(names) else ""
            bar.update(task, advance=1, current=current)

        yield done
