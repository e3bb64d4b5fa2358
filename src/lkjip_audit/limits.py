"""Limits on what one input may cost: a document (pages, page size, streams, images, forms,
time, memory) and a recap (bytes, rows, columns, zip ratio).

A frozen, validated settings object in the manner of pdfplumber's ``TableSettings``: built
with defaults, from a mapping (``--limit pages=5000``), or passed through as it is
(:meth:`Limits.resolve`). A document over a limit is ``unreadable`` with the limit named in
plain words (:func:`exceeded`); a recap over one is a one-line error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from lkjip_audit.pdf.messages import Reason

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document or recap may cost before it is refused (every value above zero)."""

    pages: int = 2_000
    """Pages in a document."""
    page_area: float = 2_500.0
    """Area of one page in square inches (A0 is 1,300; the largest PDF page 40,000)."""
    stream_mb: float = 64.0
    """Size of one stream (page content, form, font) once decompressed, in MB."""
    image_megapixels: float = 100.0
    """Pixels of one image, in millions (a page scanned at 600 dpi on A3 is 70)."""
    xobject_depth: int = 12
    """How deep forms may draw forms that draw forms."""
    xobject_uses: int = 100_000
    """Forms and images drawn on one page, counting every time a nested form is drawn."""
    seconds: float = 600.0
    """Wall time to audit one document, in seconds."""
    memory_mb: float = 1_024.0
    """Address space one document may add to the process auditing it, in MB."""
    recap_mb: float = 20.0
    """Size of a CSV recap, or of an XLSX recap once unzipped, in MB."""
    recap_rows: int = 20_000
    """Rows with content in one table or sheet of a recap, its header row included."""
    recap_columns: int = 100
    """Columns in one table or sheet of a recap."""
    zip_ratio: float = 100.0
    """How many times larger a part of an XLSX recap may be unzipped than zipped."""

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            kind = int if spec.type == "int" else float
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise LimitError(f"{spec.name} must be a number, not {value!r}")
            if kind is int and not float(value).is_integer():
                raise LimitError(f"{spec.name} must be a whole number, not {value!r}")
            if not value > 0 or value == float("inf"):
                raise LimitError(f"{spec.name} must be a finite number above 0, not {value!r}")
            object.__setattr__(self, spec.name, kind(value))

    @classmethod
    def resolve(cls, setting: Limits | Mapping[str, Any] | None = None) -> Limits:
        """The limits from ``setting``: a Limits as it is, a mapping of names to values over
        the defaults, or the defaults for None. Raises :class:`LimitError` on an unknown name
        or a value that is not a positive number."""
        if setting is None:
            return cls()
        if isinstance(setting, Limits):
            return setting
        known = {spec.name for spec in fields(cls)}
        unknown = sorted(set(setting) - known)
        if unknown:
            raise LimitError(
                f"unknown limit {', '.join(unknown)}; known limits: {', '.join(sorted(known))}"
            )
        return replace(cls(), **dict(setting))

    def as_dict(self) -> dict[str, float]:
        """Every limit by name."""
        return asdict(self)


class LimitError(ValueError):
    """A limit setting that cannot be used: an unknown name or a value that is not allowed."""


def parse_limits(items: Iterable[str]) -> Limits:
    """Limits from ``NAME=VALUE`` items (``pages=5000``, ``seconds=120``) over the defaults."""
    values: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        try:
            values[name.strip().replace("-", "_")] = float(text)
        except ValueError:
            raise LimitError(f"--limit {item!r}: expected NAME=NUMBER, e.g. pages=5000") from None
        if not sep:
            raise LimitError(f"--limit {item!r}: expected NAME=NUMBER, e.g. pages=5000")
    return Limits.resolve({k: int(v) if v.is_integer() else v for k, v in values.items()})


def _number(value: float, lang: str) -> str:
    """``value`` with thousands grouped as ``lang`` writes them (1.234,5 or 1,234.5)."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


# What each limit is, in plain words: (Indonesian, English) with the found and allowed values.
WHAT = {
    "pages": ("PDF ini berisi {found} halaman, melebihi batas {limit} halaman per dokumen",
              "the PDF has {found} pages, more than the limit of {limit} pages per document"),
    "page_area": ("halaman {where} berukuran {found} inci persegi, melebihi batas {limit} inci "
                  "persegi per halaman",
                  "page {where} measures {found} square inches, more than the limit of {limit} "
                  "square inches per page"),
    "stream_mb": ("PDF ini memuat aliran data (objek {where}) yang setelah didekompresi lebih "
                  "dari batas {limit} MB",
                  "the PDF holds a data stream (object {where}) larger than the limit of "
                  "{limit} MB once decompressed"),
    "image_megapixels": ("PDF ini memuat gambar (objek {where}) sebesar {found} juta piksel, "
                         "melebihi batas {limit} juta piksel per gambar",
                         "the PDF holds an image (object {where}) of {found} million pixels, "
                         "more than the limit of {limit} million pixels per image"),
    "xobject_depth": ("halaman {where} memuat form XObject bersarang lebih dari {limit} lapis",
                      "page {where} nests form XObjects more than {limit} levels deep"),
    "xobject_uses": ("halaman {where} menggambar form XObject dan gambar lebih dari {limit} kali",
                     "page {where} draws form XObjects and images more than {limit} times"),
    "seconds": ("pemeriksaannya tidak selesai dalam batas waktu {limit} detik per dokumen",
                "checking it did not finish within the time limit of {limit} seconds per "
                "document"),
    "memory_mb": ("membacanya memerlukan lebih dari batas memori {limit} MB per dokumen",
                  "reading it needs more than the memory limit of {limit} MB per document"),
}  # fmt: skip


def exceeded(name: str, limit: float, found: float | None = None, where: object = "") -> Reason:
    """Why a document over the limit ``name`` was not checked, in plain words, with the
    numbers and how to raise the limit when the document is genuine."""
    id_text, en_text = (
        clause.format(found=_number(found or 0, lang), limit=_number(limit, lang), where=where)
        for clause, lang in zip(WHAT[name], ("id", "en"), strict=True)
    )
    option = f"--limit {name}=..."
    return {
        "id": f"Dokumen tidak diperiksa: {id_text}. Jika dokumen ini memang asli, periksa lagi "
        f"dengan batas yang lebih besar ({option}).",
        "en": f"The document was not checked: {en_text}. If the document is genuine, check it "
        f"again with a larger limit ({option}).",
    }


def crashed(detail: str, memory_mb: float) -> Reason:
    """Why a document whose reading process died (``detail``: the signal or exit status) was
    not checked: most often it needed more memory than allowed, which the message names."""
    id_limit, en_limit = _number(memory_mb, "id"), _number(memory_mb, "en")
    return {
        "id": f"Dokumen tidak diperiksa: proses yang membacanya berhenti mendadak ({detail}), "
        f"biasanya karena membacanya memerlukan lebih dari batas memori {id_limit} MB per "
        "dokumen. Ekspor ulang PDF dari dokumen aslinya lalu periksa lagi.",
        "en": f"The document was not checked: the process reading it stopped abruptly "
        f"({detail}), most often because reading it needs more than the memory limit of "
        f"{en_limit} MB per document. Export the PDF again from the original document and "
        "check again.",
    }
