"""Write a report file whole or not at all.

A report is written to a hidden temporary file beside its target and moved onto the target
only when the writer has finished, so an interrupted or failing run leaves whatever was at
the target before (a previous report, or nothing) and no half-written file.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary path to write; on success it replaces ``target``.

    The temporary file lives in ``target``'s folder because ``os.replace`` is atomic only
    within one file system. It is created empty; the writer may open it or overwrite it
    (openpyxl saves to a path). If the block raises, the temporary file is removed and the
    exception goes on. A target that is a folder is an IsADirectoryError; one that is a device
    or a pipe is yielded itself.
    """
    target = Path(target)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/null, /dev/full, a FIFO) is written in place: replacing it
        # would put a regular file where the device was, and it has no "previous report".
        yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666, not tempfile.mkstemp: mkstemp's 0o600 would survive the replace
    # and make the report unreadable to the colleagues it is written for.
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
