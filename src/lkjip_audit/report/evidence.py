"""Evidence images: the region of a page around a finding, with its boxes highlighted.

Only the cropped region is rasterised (pypdfium2 renders a crop, not the whole page), each PDF
is opened once and kept open while a report is written, and each crop is encoded as a small
JPEG embedded as a ``data:`` URI. pypdfium2 is not thread-safe: use one renderer per process.
A page is rendered in its reading orientation, the space of its boxes (a landscape lampiran
on a /Rotate page, a table drawn sideways: see :mod:`lkjip_audit.extract.orientation`).
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from lkjip_audit.extract.model import BBox
from lkjip_audit.findings import Finding

log = logging.getLogger(__name__)

SCALE = 1.5
"""Pixels per PDF point: readable body text without large images."""
MARGIN_Y = 42.0
"""Context above and below the highlighted boxes, in points."""
PAGE_MARGIN, PAD = 40.0, 6.0
"""A crop spans the page's width less this margin (so a table cell is shown with its row
label), and always ``PAD`` beyond a box that reaches into the margin."""
MAX_HEIGHT = 420.0
"""Boxes on one page further apart than this get an image each instead of one tall crop."""
JPEG_QUALITY = 62
FILL = (255, 214, 0, 80)
OUTLINE_WIDTH = 2
STATED, REFERENCE = "stated", "reference"
OUTLINES = {STATED: (220, 20, 20, 255), REFERENCE: (20, 90, 220, 255)}
"""Red around the value stated (the one checked), blue around the places it is compared with."""
FILLS = {STATED: FILL, REFERENCE: (120, 170, 255, 60)}
LABEL_FILLS = {STATED: (40, 40, 40, 255), REFERENCE: (40, 40, 40, 255)}
"""Label backgrounds: dark grey (JPEG keeps no red fringe), so the outline alone spans the box
in its colour."""
LABELS = {
    "id": {STATED: "tertulis", REFERENCE: "pembanding"},
    "en": {STATED: "stated", REFERENCE: "reference"},
}


@dataclass(frozen=True, slots=True)
class EvidenceImage:
    """One rendered crop: the page, the region shown and the boxes highlighted on it.

    ``crop`` and ``boxes`` are in PDF points (top-left origin); a box's pixel position in the
    image is ``(x - crop[0]) * scale, (y - crop[1]) * scale``.
    """

    page: int
    crop: BBox
    boxes: tuple[BBox, ...]
    scale: float
    width: int
    height: int
    data_uri: str
    roles: tuple[str, ...] = ()
    """Per box: ``stated`` (red, the value checked) or ``reference`` (blue, compared with)."""


def finding_places(finding: Finding) -> list[tuple[int, BBox]]:
    """The located places of a finding: its own box first, then its related places."""
    return [(page, bbox) for page, bbox, _ in finding_marks(finding)]


def finding_marks(finding: Finding) -> list[tuple[int, BBox, str]]:
    """The located places of a finding with their role: where the value is stated (its own
    box and those of its merged places) and the reference places it is compared with."""
    places = [(finding.page, finding.bbox, STATED)]
    places += [(p.page, p.bbox, STATED) for p in finding.places]
    places += [(p.page, p.bbox, REFERENCE) for p in finding.related]
    return [(pg, box, role) for pg, box, role in places if pg is not None and box is not None]


def normal_box(box) -> BBox | None:
    """``box`` as four finite floats with x0 <= x1 and top <= bottom, or None if it is not one."""
    try:
        x0, top, x1, bottom = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x0, top, x1, bottom)):
        return None
    return (min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom))


def _union(boxes: Sequence[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def group_boxes(boxes: Sequence[BBox], max_height: float = MAX_HEIGHT) -> list[list[BBox]]:
    """Boxes of one page grouped so that each group fits in one crop of ``max_height``."""
    groups: list[list[BBox]] = []
    for box in sorted(boxes, key=lambda b: b[1]):
        if groups and box[3] - groups[-1][0][1] <= max_height:
            groups[-1].append(box)
        else:
            groups.append([box])
    return groups


def crop_region(boxes: Sequence[BBox], width: float, height: float) -> BBox | None:
    """The region to show around ``boxes`` on a page of ``width`` × ``height`` points."""
    x0, top, x1, bottom = _union(boxes)
    x0 = max(0.0, min(x0 - PAD, PAGE_MARGIN))
    x1 = min(width, max(x1 + PAD, width - PAGE_MARGIN))
    top, bottom = max(0.0, top - MARGIN_Y), min(height, bottom + MARGIN_Y)
    if x1 - x0 < 1 or bottom - top < 1:
        return None
    return (x0, top, x1, bottom)


class EvidenceRenderer:
    """Renders evidence crops, keeping each PDF open until :meth:`close`."""

    def __init__(self, scale: float = SCALE, quality: int = JPEG_QUALITY, lang: str = "id") -> None:
        self.scale = scale
        self.quality = quality
        self.labels = LABELS.get(lang, LABELS["id"])
        self._documents: dict[Path, object | None] = {}
        self._images: dict[tuple, EvidenceImage | None] = {}

    def __enter__(self) -> EvidenceRenderer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every open PDF."""
        for document in self._documents.values():
            if document is not None:
                document.close()
        self._documents.clear()
        self._images.clear()

    def open(self, path: Path, sha256: str | None = None) -> bool:
        """Open the PDF at ``path`` for rendering; False when it cannot be used.

        With ``sha256`` (the hash recorded when the document was audited), a file that has
        changed since is refused: its boxes would highlight the wrong words.
        """
        import pypdfium2 as pdfium

        path = Path(path)
        if path not in self._documents:
            document = None
            try:
                if sha256 is None or _sha256(path) == sha256:
                    document = pdfium.PdfDocument(path)
                else:
                    log.warning("no evidence images for %s: changed since the audit", path)
            except (pdfium.PdfiumError, OSError) as error:
                log.warning("no evidence images for %s: %s", path, error)
            self._documents[path] = document
        return self._documents[path] is not None

    def images(self, path: Path, places: Iterable[tuple]) -> list[EvidenceImage]:
        """The crops showing ``places`` of the PDF at ``path``, page by page: (page, bbox),
        or (page, bbox, role) with role ``stated`` (the default) or ``reference``.

        Places that cannot be rendered (no such page, a box off the page, an unreadable PDF,
        a file refused by :meth:`open`) are left out; the report then shows the finding without
        an image.
        """
        by_page: dict[int, dict[BBox, str]] = {}
        for page, bbox, *role in places:
            box = normal_box(bbox)
            boxes = by_page.setdefault(page, {})
            if box is not None and box not in boxes:  # a box both stated and compared: stated
                boxes[box] = role[0] if role else STATED
        result = []
        for page, boxes in by_page.items():
            for group in group_boxes(list(boxes)):
                image = self.image(path, page, group, tuple(boxes[b] for b in group))
                if image is not None:
                    result.append(image)
        return result

    def image(
        self, path: Path, page: int, boxes: Sequence[BBox], roles: Sequence[str] = ()
    ) -> EvidenceImage | None:
        """One crop of ``page`` (1-based) around ``boxes``, each outlined in the colour of its
        role (all ``stated`` by default); cached per call."""
        roles = tuple(roles) or (STATED,) * len(boxes)
        key = (Path(path), page, tuple(boxes), roles)
        if key not in self._images:
            try:
                self._images[key] = self._render(Path(path), page, boxes, roles)
            except Exception:  # one bad crop must cost its image, not the report
                log.exception("evidence image of page %s of %s failed", page, path)
                self._images[key] = None
        return self._images[key]

    def _render(
        self, path: Path, page_number: int, boxes: Sequence[BBox], roles: tuple[str, ...]
    ) -> EvidenceImage | None:
        import pypdfium2 as pdfium

        from lkjip_audit.extract.orientation import Turn, render_rotation
        from lkjip_audit.pdf.opening import page_size

        self.open(path)
        document = self._documents[path]
        if document is None or not 1 <= page_number <= len(document):
            return None
        try:
            page = document[page_number - 1]
            turns = _reading_turns(page)
            width, height = Turn(turns, *page_size(page)).size
            region = crop_region(boxes, width, height)
            if region is None:
                return None
            x0, top, x1, bottom = region
            bitmap = page.render(
                scale=self.scale,
                rotation=render_rotation(turns, page.get_rotation()),
                crop=(x0, height - bottom, width - x1, top),  # margins of the rotated image
            )
            picture = bitmap.to_pil().convert("RGB")
        except pdfium.PdfiumError as error:
            log.warning("page %s of %s cannot be rendered: %s", page_number, path, error)
            return None
        pixels = [self._pixels(b, region) for b in boxes]
        picture = highlight(picture, pixels, roles, self.labels)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=self.quality, optimize=True, subsampling=0)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        return EvidenceImage(
            page=page_number,
            crop=region,
            boxes=tuple(boxes),
            scale=self.scale,
            width=picture.width,
            height=picture.height,
            data_uri=f"data:image/jpeg;base64,{encoded}",
            roles=roles,
        )

    def _pixels(self, box: BBox, region: BBox) -> tuple[float, float, float, float]:
        return (
            (box[0] - region[0]) * self.scale,
            (box[1] - region[1]) * self.scale,
            (box[2] - region[0]) * self.scale,
            (box[3] - region[1]) * self.scale,
        )


def _reading_turns(page) -> int:
    """The page's reading orientation, found as extraction found it: boxes are in that space."""
    from lkjip_audit.extract.orientation import reading_turns

    textpage = page.get_textpage()
    try:
        return reading_turns(textpage)
    finally:
        textpage.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def highlight(
    picture,
    boxes: Sequence[tuple[float, float, float, float]],
    roles: Sequence[str] = (),
    labels: dict[str, str] | None = None,
):
    """``picture`` with each pixel box tinted and outlined in its role's colour (a little
    outside the box, so the outline never covers the text it marks), and labelled with its
    role ("tertulis", "pembanding") just above it."""
    from PIL import Image, ImageDraw

    labels = labels or LABELS["id"]
    roles = tuple(roles) or (STATED,) * len(boxes)
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    pad = OUTLINE_WIDTH + 1
    for (x0, top, x1, bottom), role in zip(boxes, roles, strict=True):
        draw.rectangle(
            (x0 - pad, top - pad, x1 + pad, bottom + pad),
            fill=FILLS[role],
            outline=OUTLINES[role],
            width=OUTLINE_WIDTH,
        )
        text = labels[role]
        left, upper, right, lower = draw.textbbox((0, 0), text)
        x, y = max(0.0, x0 - pad), max(0.0, top - pad - (lower - upper) - 4)
        draw.rectangle((x, y, x + right - left + 4, y + lower - upper + 4), fill=LABEL_FILLS[role])
        draw.text((x + 2 - left, y + 2 - upper), text, fill=(255, 255, 255, 255))
    return Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB")
