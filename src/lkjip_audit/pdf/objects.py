"""One walk over a page's objects with pdfium: image coverage, invisible text, ruling edges.

Edges are what pdfplumber's "lines" table strategy calls edges (axis-aligned segments of
stroked paths, and thin filled rectangles that Word draws as borders), read from pdfium so the
page need not be parsed by pdfminer. Shading (wide filled rectangles without a stroke) and
white strokes are dropped because they create edges that are not cell borders.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

# Coordinates in page space (origin bottom-left) as pdfium gives them.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

THIN = 2.0  # a filled rectangle at most this thick is a drawn line, not shading
MIN_EDGE = 3.0  # shorter segments are glyph-like decoration, not table borders
AXIS_SLOP = 0.5  # how far from horizontal/vertical a segment may lean
WHITE = 250  # colour components at or above this on every channel count as white
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Edge:
    """An axis-aligned ruling segment in top-left page coordinates."""

    orientation: str  # "h" or "v"
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class PageObjects:
    """What a walk over a page's objects found."""

    image_area: float = 0.0
    text_chars: int = 0
    invisible_chars: int = 0
    edges: list[Edge] = field(default_factory=list)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _matrix(obj: int) -> Matrix:
    fs = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(fs)):
        return IDENTITY
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def _is_white(getter, obj: int) -> bool:
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not getter(obj, *(ctypes.byref(v) for v in rgba)):
        return False
    r, g, b, a = (v.value for v in rgba)
    return a == 0 or min(r, g, b) >= WHITE


def _path_points(obj: int, matrix: Matrix) -> list[list[tuple[float, float]]]:
    """The path's subpaths as point lists in page space (curves reduced to their end points)."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    # Hoisted out of the loop: a page's rules are thousands of segments.
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    get_segment, get_point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
    get_type, get_close = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = get_segment(obj, i)
        get_point(seg, x_ref, y_ref)
        point = _apply(matrix, x.value, y.value)
        kind = get_type(seg)
        if kind == moveto or not subpaths:
            subpaths.append([point])
        elif kind == lineto:
            subpaths[-1].append(point)
        else:
            # A Bezier curve is never a table border: break the subpath so no edge spans it.
            subpaths.append([point])
        if get_close(seg) and len(subpaths[-1]) > 1:
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _segment_edge(p: tuple[float, float], q: tuple[float, float], height: float) -> Edge | None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= AXIS_SLOP and abs(x1 - x0) >= MIN_EDGE:
        top = height - (y0 + y1) / 2
        return Edge("h", min(x0, x1), top, max(x0, x1), top)
    if abs(x0 - x1) <= AXIS_SLOP and abs(y1 - y0) >= MIN_EDGE:
        x = (x0 + x1) / 2
        return Edge("v", x, height - max(y0, y1), x, height - min(y0, y1))
    return None


def _thin_box_edge(box: tuple[float, float, float, float], height: float) -> Edge | None:
    left, bottom, right, top = box
    if top - bottom <= THIN and right - left >= MIN_EDGE:
        y = height - (top + bottom) / 2
        return Edge("h", left, y, right, y)
    if right - left <= THIN and top - bottom >= MIN_EDGE:
        x = (left + right) / 2
        return Edge("v", x, height - top, x, height - bottom)
    return None


def _path_edges(obj: int, matrix: Matrix, height: float) -> list[Edge]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return []
    # The points are read only for a path that is drawn in a colour (white paths are many).
    edges: list[Edge] = []
    if stroke.value and not _is_white(pdfium_c.FPDFPageObj_GetStrokeColor, obj):
        for points in _path_points(obj, matrix):
            for p, q in itertools.pairwise(points):
                edge = _segment_edge(p, q, height)
                if edge is not None:
                    edges.append(edge)
    elif fill_mode.value and not _is_white(pdfium_c.FPDFPageObj_GetFillColor, obj):
        for points in _path_points(obj, matrix):
            if len(points) < 2:
                continue
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            edge = _thin_box_edge((min(xs), min(ys), max(xs), max(ys)), height)
            if edge is not None:
                edges.append(edge)
    return edges


def _image_area(matrix: Matrix, width: float, height: float) -> float:
    corners = [_apply(matrix, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs = [min(max(c[0], 0.0), width) for c in corners]
    ys = [min(max(c[1], 0.0), height) for c in corners]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


def _text_chars(obj: int, textpage: int) -> int:
    # The returned size is in bytes of UTF-16 including the terminating NUL.
    size = pdfium_c.FPDFTextObj_GetText(obj, textpage, None, 0)
    return max(0, (size - 2) // 2)


def read_objects(page: int, textpage: int, width: float, height: float) -> PageObjects:
    """Walk every object of a raw pdfium page (form XObjects included)."""
    found = PageObjects()
    stack: list[tuple[int, Matrix, int]] = []
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        stack.append((pdfium_c.FPDFPage_GetObject(page, i), IDENTITY, 0))
    while stack:
        obj, parent, depth = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        matrix = _compose(_matrix(obj), parent)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.edges.extend(_path_edges(obj, matrix, height))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.image_area += _image_area(matrix, width, height)
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            chars = _text_chars(obj, textpage)
            found.text_chars += chars
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == (
                pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            ):
                found.invisible_chars += chars
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                stack.append((pdfium_c.FPDFFormObj_GetObject(obj, j), matrix, depth + 1))
    return found
