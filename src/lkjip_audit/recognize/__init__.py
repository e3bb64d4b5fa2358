"""Recognizers: find the known parts of an LKjIP in what extraction read, as fact tables.

Each module of this package registers its recognizers with :func:`recognizer`. A recognizer
takes the document's text and what is known of it, and returns fact tables by name; it
never opens the PDF itself.
"""

from __future__ import annotations

import importlib
import pkgutil
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


def recognizer(name: str) -> Callable[[Recognizer], Recognizer]:
    """Register a recognizer under ``name`` (usually the fact table family it produces)."""

    def register(fn: Recognizer) -> Recognizer:
        RECOGNIZERS[name] = fn
        return fn

    return register


def load_recognizers() -> dict[str, Recognizer]:
    """Import every module of this package so that each registers its recognizers."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return RECOGNIZERS
