"""Text on its way out: what a PDF, a rule file or a file name holds is shown, never obeyed.

Every reporter (console, JSON, HTML, CSV, XLSX) and every command that prints read text passes
it through here. Control characters (C0 and C1 but tab and newline) are removed: an escape
sequence in a PDF's text must not recolour or rewrite the reviewer's terminal, and XLSX cannot
hold them at all. Lone surrogates (a file name that is not valid UTF-8, as Python decodes it)
become the replacement character, so that it is shown as "laporan�.pdf" and every encoder can
write it. Characters outside the BMP (emoji) are characters like any other and pass.
"""

from __future__ import annotations

import re
from typing import TypeVar

from rich.markup import escape

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"
FORMULA_START = re.compile(r"^[=+\-@\t]")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection); the carriage
return OWASP also names is a control character, already removed by :func:`clean_text`."""
NUMBER = re.compile(r"^[+-]?[\d.,]+\s*%?$")
"""A signed number ("-5", "+3,5 %") is a value, not a formula: it keeps its sign."""

T = TypeVar("T")


def _replace(match: re.Match[str]) -> str:
    return REPLACEMENT if "\ud800" <= match.group() <= "\udfff" else ""


def clean_text(text: str) -> str:
    """``text`` without control characters, and with lone surrogates replaced by U+FFFD."""
    return UNSAFE.sub(_replace, text) if UNSAFE.search(text) else text


def clean_data(value: T) -> T:
    """``value`` (JSON-able: dicts, lists, tuples, strings, numbers) with every string and
    key passed through :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return type(value)(clean_data(v) for v in value)  # type: ignore[return-value]
    return value


def console_text(value: object) -> str:
    """``value`` as text for a rich console: cleaned, and its brackets shown, not read as
    markup ("[Satuan Kerja]" from a template, "[/bold]" from a hostile PDF)."""
    return escape(clean_text(str(value)))


def spreadsheet_cell(value: T) -> T | str:
    """A CSV or XLSX cell's value: cleaned text, with a leading apostrophe when a spreadsheet
    would run it as a formula (``=``, ``+``, ``-``, ``@``, tab); numbers and signed numbers as
    they are."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    if FORMULA_START.match(text) and not NUMBER.match(text):
        return "'" + text
    return text
