"""OCR of scanned pages with Tesseract: the page image becomes words with boxes (PDF points,
top-left origin, like pdfium's words) and a confidence each.

Tesseract is found as the ``tesseract`` program on PATH with its Indonesian and English models
(Debian ``tesseract-ocr`` + ``tesseract-ocr-ind``); the binding is tesserocr, which calls the
library in-process and releases the GIL while it recognises, so pages run in threads. Results
are cached by the hash of the rendered page image: a page OCR'd once is never OCR'd again,
whatever file it comes in.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_audit.extract import cache as store
from lkjip_audit.extract.model import PageLabel, PageTriage, Word
from lkjip_audit.pdf.triage import SCANNED_COVERAGE

if TYPE_CHECKING:  # the command line imports OcrMode: it must not load pdfium and Pillow
    import pypdfium2 as pdfium
    from PIL import Image

LANGUAGES = ("ind", "eng")
# Pages are rendered for OCR at this resolution. Measured on the scanned corpus variants
# (150-200 dpi scans): 200 dpi reads 99% of the numbers right where 300 dpi reads 87%, and
# a third faster.
DPI = 200
OCR_VERSION = "1"  # part of every cache key: bump it whenever what OCR returns changes
INSTALL_HINT = {
    "id": "Tesseract (OCR) tidak terpasang: pasang dengan "
    "`apt install tesseract-ocr tesseract-ocr-ind` agar halaman pindaian dapat diperiksa.",
    "en": "Tesseract (OCR) is not installed: install it with "
    "`apt install tesseract-ocr tesseract-ocr-ind` so that scanned pages can be checked.",
}
_LANG_FOLDER = re.compile(r'"([^"]+)"')


class OcrMode(StrEnum):
    """Which pages are read with OCR."""

    AUTO = "auto"
    """Pages triaged as scanned, when Tesseract is installed."""
    ALWAYS = "always"
    """Also pages that are mostly an image but carry some text (a scanner's own, often poor,
    text layer, or a typed header over a scan): their words come from OCR instead."""
    NEVER = "never"
    """No page: scanned pages are reported as not checked."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How a document's scanned pages are read: the mode and how many pages at once."""

    mode: OcrMode = OcrMode.AUTO
    workers: int = 1

    def wants(self, triage: PageTriage) -> bool:
        """Whether the page of ``triage`` is to be read by OCR (when OCR is active)."""
        if triage.label == PageLabel.SCANNED:
            return True
        return self.mode is OcrMode.ALWAYS and triage.image_coverage >= SCANNED_COVERAGE

    @property
    def tag(self) -> str:
        """What the settings add to a cache key: which pages OCR reads, if any."""
        return f"ocr-{self.mode.value}" if self.active else ""

    @property
    def active(self) -> bool:
        """Whether scanned pages will be OCR'd (the mode allows it and Tesseract is here)."""
        return self.mode is not OcrMode.NEVER and tessdata() is not None


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word read by OCR: text, box in PDF points (top-left origin) and confidence 0-100."""

    text: str
    bbox: tuple[float, float, float, float]
    conf: float


@dataclass(slots=True)
class OcrPage:
    """The words OCR read on one page image (what the cache keeps)."""

    words: list[OcrWord]


def _listed_folder() -> Path | None:
    """The model folder ``tesseract --list-langs`` names, when the program is on PATH."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listing = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = _LANG_FOLDER.search(listing.stdout + listing.stderr)
    return Path(found.group(1)) if found else None


@cache
def _tessdata_for(path_env: str | None, prefix_env: str | None) -> Path | None:
    del path_env  # part of the cache key only: a changed PATH may find another Tesseract
    if shutil.which("tesseract") is None:
        return None
    folder = Path(prefix_env) if prefix_env else _listed_folder()
    if folder is None or not all((folder / f"{lang}.traineddata").is_file() for lang in LANGUAGES):
        return None
    try:
        import tesserocr  # noqa: F401  (the binding must load too)
    except ImportError:
        return None
    return folder


def tessdata() -> Path | None:
    """The folder of Tesseract's models when Tesseract and its ind and eng models are
    installed, else None."""
    return _tessdata_for(os.environ.get("PATH"), os.environ.get("TESSDATA_PREFIX"))


def image_key(image: Image.Image) -> str:
    """The cache key of OCR on ``image``: its pixels, the languages and this code's version."""
    digest = hashlib.sha256(image.tobytes())
    digest.update(f"{image.mode}{image.size}".encode())
    return f"ocr{OCR_VERSION}-{'+'.join(LANGUAGES)}-{digest.hexdigest()}"


_local = threading.local()


def _api(folder: Path):  # -> tesserocr.PyTessBaseAPI (imported lazily: an optional library)
    """This thread's Tesseract engine (one per thread: an engine is not thread-safe)."""
    api = getattr(_local, "api", None)
    if api is None:
        from tesserocr import PyTessBaseAPI

        api = PyTessBaseAPI(path=f"{folder}{os.sep}", lang="+".join(LANGUAGES))
        _local.api = api
    return api


def _unskew(
    box: tuple[int, int, int, int], angle: float, center: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The box moved as its centre moves when the page is turned back by ``angle`` radians
    (a scan fed a little crooked): words of one printed row get one row's height again."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2 - center[0], (y0 + y1) / 2 - center[1]
    cos, sin = math.cos(-angle), math.sin(-angle)
    nx, ny = cx * cos - cy * sin + center[0], cx * sin + cy * cos + center[1]
    half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
    return nx - half_w, ny - half_h, nx + half_w, ny + half_h


def recognise(image: Image.Image, folder: Path) -> OcrPage:
    """The words of ``image`` (boxes in its pixels), with their confidence."""
    from tesserocr import RIL, iterate_level

    api = _api(folder)
    api.SetImage(image)
    api.Recognize()
    iterator = api.GetIterator()
    # Tesseract reads a crooked page itself but boxes its words where they are on the image.
    angle = iterator.Orientation()[3] if iterator is not None else 0.0
    center = (image.width / 2, image.height / 2)
    words = []
    for item in iterate_level(iterator, RIL.WORD):
        text = (item.GetUTF8Text(RIL.WORD) or "").strip()
        box = item.BoundingBox(RIL.WORD)
        if text and box is not None:
            words.append(OcrWord(text, _unskew(box, angle, center), item.Confidence(RIL.WORD)))
    api.Clear()
    return OcrPage(words)


def read_image(image: Image.Image, folder: Path, use_cache: bool = True) -> OcrPage:
    """OCR of ``image``, from the cache when this very image was read before."""
    key = image_key(image)
    if use_cache:
        hit = store.load(key, OcrPage)
        if hit is not None:
            return hit
    page = recognise(image, folder)
    if use_cache:
        store.store(key, page)
    return page


def to_words(page: OcrPage, scale: float) -> list[Word]:
    """The OCR words as page words: boxes from image pixels to PDF points."""
    words = []
    for word in page.words:
        x0, top, x1, bottom = (round(v / scale, 2) for v in word.bbox)
        words.append(Word(word.text, (x0, top, x1, bottom), round(word.conf, 1)))
    return words


def render(document: pdfium.PdfDocument, index: int) -> tuple[Image.Image, float]:
    """Page ``index`` (0-based) as a grey image at :data:`DPI`, and its pixels per point."""
    scale = DPI / 72
    page = document[index]
    try:
        bitmap = page.render(scale=scale, grayscale=True)
        return bitmap.to_pil(), scale
    finally:
        page.close()


def read_pages(
    document: pdfium.PdfDocument,
    indexes: Sequence[int],
    settings: OcrSettings,
    use_cache: bool = True,
) -> Iterator[tuple[int, list[Word]]]:
    """The OCR words of each page of ``indexes`` (0-based), in order, ``settings.workers``
    pages at once. pdfium renders one page at a time in this thread (it is not thread-safe);
    Tesseract reads in worker threads. At most two pages per worker wait in memory."""
    folder = tessdata()
    if folder is None:
        return
    window = max(1, settings.workers) * 2
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        pending: deque[tuple[int, float, Future[OcrPage]]] = deque()
        for index in indexes:
            image, scale = render(document, index)
            pending.append((index, scale, pool.submit(read_image, image, folder, use_cache)))
            del image
            if len(pending) >= window:
                done, done_scale, future = pending.popleft()
                yield done, to_words(future.result(), done_scale)
        while pending:
            done, done_scale, future = pending.popleft()
            yield done, to_words(future.result(), done_scale)


def with_install_hint(reason: dict[str, str], settings: OcrSettings) -> dict[str, str]:
    """``reason`` (why scanned pages were not checked) followed by how to install Tesseract,
    when OCR was wanted but Tesseract is missing."""
    if settings.mode is OcrMode.NEVER or settings.active:
        return reason
    hint = INSTALL_HINT
    return {lang: f"{text} {hint.get(lang, hint['id'])}" for lang, text in reason.items()}
