"""Recognizers: find the known parts of an LKjIP in what extraction read, as fact tables.

Each fact family has its module or folder here and registers its recognizer with
:func:`recognizer`; :data:`DEFAULT_RECOGNIZERS` lists them, in the order they run. A
recognizer takes the document's text and what is known of it, and returns fact tables by
name; it never opens the PDF itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkjip_audit.extract.model import DocumentText

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What is known of a document before the recognizers run."""

    satker: str | None = None
    year: int | None = None
    kode_satker: str | None = None


Recognizer = Callable[[DocumentText, DocumentMeta], Mapping[str, "pd.DataFrame"]]

RECOGNIZERS: dict[str, Recognizer] = {}

DEFAULT_RECOGNIZERS = (
    "lkjip_audit.recognize.budget",
    "lkjip_audit.recognize.budget.malformed",
    "lkjip_audit.recognize.claims",
    "lkjip_audit.recognize.indicators",
    "lkjip_audit.recognize.indicators.malformed",
    "lkjip_audit.recognize.indicators.scale",
    "lkjip_audit.recognize.meta",
    "lkjip_audit.recognize.persons",
    "lkjip_audit.recognize.placeholders",
    "lkjip_audit.recognize.promised_parts",
    "lkjip_audit.recognize.sections",
    "lkjip_audit.recognize.stale_periods",
    "lkjip_audit.recognize.stale_years",
    "lkjip_audit.recognize.survey",
)
"""The modules whose recognizers every audit runs."""


def recognizer(name: str) -> Callable[[Recognizer], Recognizer]:
    """Register a recognizer under ``name`` (the fact table family it produces).

    A name registered twice is a programming error and raises ``ValueError``.
    """

    def register(fn: Recognizer) -> Recognizer:
        if name in RECOGNIZERS and RECOGNIZERS[name] is not fn:
            raise ValueError(f"recognizer {name!r} is registered twice")
        RECOGNIZERS[name] = fn
        return fn

    return register


def load_recognizers() -> dict[str, Recognizer]:
    """Import the modules of :data:`DEFAULT_RECOGNIZERS`, each registering its recognizer."""
    for module in DEFAULT_RECOGNIZERS:
        importlib.import_module(module)
    return RECOGNIZERS
