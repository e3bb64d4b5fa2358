"""Look over a PDF's structure before pdfium reads it, and refuse what would cost too much.

pdfium inflates a page's content streams and expands every form it draws when it loads the
page, without a budget: a content stream of a few hundred KB that inflates to gigabytes, or
forms that draw forms ten times over nine levels, exhaust memory. qpdf (through pikepdf)
parses objects lazily, so the structure can be measured first: pages and their size, every
stream decompressed in bounded chunks (Flate only: images are measured by their pixels), and
how many forms and images each page draws once nesting is counted.

What this cannot measure (a stream with another filter, a file qpdf cannot open) is left to
the worker's memory and time limits (:mod:`lkjip_audit.isolation`).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from lkjip_audit.limits import MB, Limits, exceeded
from lkjip_audit.pdf.messages import Reason

INCH = 72.0
CHUNK = 1 << 20
# A form or image drawn by a content stream: "/Name Do" (a name inside a string counts too:
# an overestimate, which a limit can afford).
_DRAWN = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do(?![^\s/\[\]<>(){}%])")


class OverLimit(Exception):
    """A limit the document exceeds, with the plain-words reason."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason["en"])
        self.reason = reason


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    items = value if isinstance(value, pikepdf.Array) else [value]
    return [str(item) for item in items]


def _inflated(raw: bytes, budget: int) -> bytes | None:
    """``raw`` inflated, or None once it grows past ``budget`` bytes. A damaged stream gives
    what inflated before the damage (pdfium reads no more of it either)."""
    inflate = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(raw), CHUNK):
        chunk = raw[start : start + CHUNK]
        while chunk:
            try:
                out += inflate.decompress(chunk, budget + 1 - len(out))
            except zlib.error:
                return bytes(out)
            if len(out) > budget:
                return None
            chunk = inflate.unconsumed_tail
        if inflate.eof:
            break
    return bytes(out)


@dataclass
class _Walk:
    """One pass over a document's structure, with what it has decoded so far."""

    limits: Limits
    contents: dict[tuple[int, int], bytes] = field(default_factory=dict)
    counted: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def budget(self) -> int:
        return int(self.limits.stream_mb * MB)

    def data(self, stream: pikepdf.Stream, keep: bool = True) -> bytes:
        """A stream's decoded bytes, refused past the stream limit; kept for the page being
        walked (a form drawn many times is decoded once)."""
        key = stream.objgen
        if key in self.contents:
            return self.contents[key]
        filters = _filters(stream)
        if filters and all(f == "/FlateDecode" for f in filters):
            data = stream.read_raw_bytes()
            for _ in filters:
                inflated = _inflated(data, self.budget)
                if inflated is None:
                    raise OverLimit(exceeded("stream_mb", self.limits.stream_mb, where=key[0]))
                data = inflated
        else:
            try:
                data = stream.read_bytes()
            except pikepdf.PdfError:  # a filter qpdf cannot decode: pdfium's affair
                data = b""
        if len(data) > self.budget:
            raise OverLimit(exceeded("stream_mb", self.limits.stream_mb, where=key[0]))
        if keep:
            self.contents[key] = data
        return data

    def image(self, stream: pikepdf.Stream) -> None:
        """Refuse an image with more pixels than allowed."""
        try:
            pixels = int(stream.get("/Width", 0)) * int(stream.get("/Height", 0))
        except (TypeError, ValueError):
            return
        if pixels > self.limits.image_megapixels * 1e6:
            reason = exceeded(
                "image_megapixels", self.limits.image_megapixels, pixels / 1e6, stream.objgen[0]
            )
            raise OverLimit(reason)

    def drawn(
        self, content: bytes, resources: object, page: int, depth: int, seen: frozenset
    ) -> int:
        """How many forms and images ``content`` draws, nested forms counted each time."""
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            return 0
        total = 0
        for match in _DRAWN.finditer(content):
            target = xobjects.get("/" + match.group(1).decode("latin-1"))
            total += 1 + self.form(target, resources, page, depth, seen)
            if total > self.limits.xobject_uses:
                raise OverLimit(exceeded("xobject_uses", self.limits.xobject_uses, where=page))
        return total

    def form(self, target: object, outer: object, page: int, depth: int, seen: frozenset) -> int:
        """What drawing ``target`` draws in turn (0 for an image or a missing name)."""
        if not isinstance(target, pikepdf.Stream) or target.get("/Subtype") != "/Form":
            return 0
        if depth >= self.limits.xobject_depth or target.objgen in seen:
            raise OverLimit(exceeded("xobject_depth", self.limits.xobject_depth, where=page))
        if target.objgen not in self.counted:
            resources = target.get("/Resources", outer)
            self.counted[target.objgen] = self.drawn(
                self.data(target), resources, page, depth + 1, seen | {target.objgen}
            )
        return self.counted[target.objgen]


def _page_area(page: pikepdf.Page) -> float:
    box = page.mediabox
    unit = float(page.obj.get("/UserUnit", 1) or 1)
    width = abs(float(box[2]) - float(box[0])) * unit / INCH
    height = abs(float(box[3]) - float(box[1])) * unit / INCH
    return width * height


def _page_contents(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.get("/Contents")
    items = contents if isinstance(contents, pikepdf.Array) else [contents]
    return [item for item in items if isinstance(item, pikepdf.Stream)]


def _check(pdf: pikepdf.Pdf, limits: Limits) -> None:
    if len(pdf.pages) > limits.pages:
        raise OverLimit(exceeded("pages", limits.pages, len(pdf.pages)))
    for number, page in enumerate(pdf.pages, start=1):
        area = _page_area(page)
        if area > limits.page_area:
            raise OverLimit(exceeded("page_area", limits.page_area, area, number))
    walk = _Walk(limits)
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") == "/Image":
            walk.image(obj)
        else:
            walk.data(obj, keep=False)
    for number, page in enumerate(pdf.pages, start=1):
        content = b"\n".join(walk.data(stream) for stream in _page_contents(page))
        walk.drawn(content, page.obj.get("/Resources"), number, 0, frozenset())
        walk.contents.clear()
        walk.counted.clear()


def over_limit(path: Path, limits: Limits) -> Reason | None:
    """Why ``path`` must not be read under ``limits``, or None when it may be (or when qpdf
    cannot make sense of it: pdfium then decides, within the worker's limits)."""
    try:
        with pikepdf.open(path) as pdf:
            _check(pdf, limits)
    except OverLimit as verdict:
        return verdict.reason
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError, KeyError,
            TypeError, AttributeError, RecursionError, NotImplementedError):  # fmt: skip
        return None
    return None
