"""A page's reading orientation: the quarter turn that makes its text run left to right.

pdfium gives every position in the page's unrotated space, whatever its /Rotate says. Text
laid out upright in that space (a portrait page a viewer shows turned) reads as it is; text
drawn turned a quarter (a landscape lampiran on a portrait page with /Rotate 90, or a table
drawn sideways) would come out one character per line. So each page is read in the space
where most of its characters stand upright: every position (character boxes, ruling edges)
is turned into that space, whose width and height swap for a quarter turn. Boxes in findings
are in that reading space, and evidence images are rendered in it (see :func:`render_rotation`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lkjip_audit.extract.model import BBox
from lkjip_audit.pdf.objects import Edge

MAX_SAMPLED = 200
"""Characters whose angle is asked (spread over the page): enough to find the majority."""


def reading_turns(textpage: pdfium.PdfTextPage) -> int:
    """Clockwise quarter turns (0-3) of the unrotated page after which most of its visible
    characters stand upright; 0 when none leans or on a tie with upright text."""
    raw = textpage.raw
    count = textpage.count_chars()
    votes = [0, 0, 0, 0]
    for index in range(0, count, max(1, count // MAX_SAMPLED)):
        if (
            pdfium_c.FPDFText_IsGenerated(raw, index)
            or chr(pdfium_c.FPDFText_GetUnicode(raw, index) or 32).isspace()
        ):
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(raw, index)
        if angle < 0:
            continue
        # pdfium's angle turns clockwise as seen on the page; reading undoes it.
        votes[-round(math.degrees(angle) / 90) % 4] += 1
    return max(range(4), key=lambda turns: (votes[turns], turns == 0))


@dataclass(frozen=True, slots=True)
class Turn:
    """``quarters`` clockwise quarter turns of an unrotated page of ``width`` × ``height``
    points, in top-left coordinates."""

    quarters: int
    width: float
    height: float

    @property
    def size(self) -> tuple[float, float]:
        """Width and height of the page in reading space."""
        if self.quarters % 2:
            return self.height, self.width
        return self.width, self.height

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A point of the unrotated page (top-left origin) in reading space."""
        quarters = self.quarters % 4
        if quarters == 1:
            return self.height - y, x
        if quarters == 2:
            return self.width - x, self.height - y
        if quarters == 3:
            return y, self.width - x
        return x, y

    def box(self, x0: float, top: float, x1: float, bottom: float) -> BBox:
        """A box of the unrotated page in reading space, as ``(x0, top, x1, bottom)``."""
        (ax, ay), (bx, by) = self.point(x0, top), self.point(x1, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def edge(self, edge: Edge) -> Edge:
        """A ruling edge of the unrotated page in reading space (a quarter turn makes a
        horizontal rule vertical)."""
        orientation = edge.orientation
        if self.quarters % 2:
            orientation = "v" if orientation == "h" else "h"
        return Edge(orientation, *self.box(edge.x0, edge.top, edge.x1, edge.bottom))


def render_rotation(turns: int, page_rotation: int) -> int:
    """The ``rotation`` to give pdfium's renderer, which adds it to the page's /Rotate, for an
    image in reading space."""
    return (turns * 90 - page_rotation) % 360
