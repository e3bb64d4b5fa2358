"""Extraction: pages → lines and words with boxes; tables → cell grids.

The public functions are imported lazily: ``findings`` imports ``extract.model``, and the
extraction code imports ``findings``, so an eager import here would be circular.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lkjip_audit.extract.document import (
        EXTRACTOR_VERSION,
        Extraction,
        extract_document,
        read_pdf,
    )

__all__ = ["EXTRACTOR_VERSION", "Extraction", "extract_document", "read_pdf"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from lkjip_audit.extract import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
