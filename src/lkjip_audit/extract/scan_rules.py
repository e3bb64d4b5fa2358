"""Table rules on a scanned page image: found as long straight runs of dark pixels, then
erased, so that OCR reads the cells' text and not the rules (which it reads as ``|``, ``]``
or ``-``), and the ruled-table reader gets the rules as edges, as on a printed page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

# numpy and Pillow are loaded only when a page is OCR'd, not by every command that imports
# the OCR settings.
if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

DARK = 140  # grey level below which a pixel is ink
MIN_RULE = 0.04  # a rule is at least this share of the page's width (or height) long
MAX_THICKNESS = 8  # pixels: thicker dark bands are pictures or bold text, not rules
MARGIN = 2  # pixels erased around a rule
GAP = 3  # pixels: a rule broken by scanner noise for up to this many pixels is still one rule


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule found on an image, in its pixels: ``h`` spans x0..x1 at y0..y1, ``v`` the
    other way."""

    orientation: str
    x0: int
    y0: int
    x1: int
    y1: int


def _bridge(ink: np.ndarray) -> np.ndarray:
    """``ink`` with gaps of up to GAP pixels along each row filled (ink on both sides)."""
    import numpy as np

    left = np.zeros_like(ink)
    right = np.zeros_like(ink)
    for shift in range(1, GAP + 1):
        left[:, shift:] |= ink[:, :-shift]
        right[:, :-shift] |= ink[:, shift:]
    return ink | (left & right)


def _runs(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Runs of ink along rows at least ``min_length`` long: (row, start, end)."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    found = []
    for row in np.flatnonzero(ink.sum(axis=1) >= min_length):
        starts = np.flatnonzero(steps[row] == 1)
        ends = np.flatnonzero(steps[row] == -1)
        found.extend(
            (int(row), int(s), int(e))
            for s, e in zip(starts, ends, strict=True)
            if e - s >= min_length
        )
    return found


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs on adjacent rows that overlap joined into bands: (start, row0, end, row1)."""
    done: list[list[int]] = []
    active: list[list[int]] = []
    for row, start, end in sorted(runs):
        done.extend(band for band in active if band[3] < row - 1)
        active = [band for band in active if band[3] >= row - 1]
        for band in active:
            if start < band[2] and end > band[0]:
                band[0], band[2], band[3] = min(band[0], start), max(band[2], end), row
                break
        else:
            active.append([start, row, end, row])
    return [(b[0], b[1], b[2], b[3]) for b in done + active if b[3] - b[1] < MAX_THICKNESS]


def _find(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int, int]]:
    return _merge(_runs(_bridge(ink), min_length))


def find_rules(image: Image.Image) -> list[Rule]:
    """The horizontal and vertical rules of a grey page image."""
    import numpy as np

    ink = np.asarray(image.convert("L")) < DARK
    height, width = ink.shape
    rules = [Rule("h", x0, y0, x1, y1 + 1) for x0, y0, x1, y1 in _find(ink, int(MIN_RULE * width))]
    rules += [
        Rule("v", y0, x0, y1 + 1, x1) for x0, y0, x1, y1 in _find(ink.T, int(MIN_RULE * height))
    ]
    return rules


def erase(image: Image.Image, rules: list[Rule]) -> Image.Image:
    """A copy of ``image`` with the rules painted white, MARGIN pixels wider on each side
    (what is left of a rule is read as a ``1`` or ``|`` glued to the cell's number)."""
    import numpy as np
    from PIL import Image

    pixels = np.array(image.convert("L"))
    for rule in rules:
        top, left = max(0, rule.y0 - MARGIN), max(0, rule.x0 - MARGIN)
        pixels[top : rule.y1 + MARGIN, left : rule.x1 + MARGIN] = 255
    return Image.fromarray(pixels, mode="L")
