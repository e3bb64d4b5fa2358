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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_audit.extract import cache as store
from lkjip_audit.extract.model import PageLabel, PageTriage, Word
from lkjip_audit.extract.ocr_mode import OcrMode
from lkjip_audit.extract.ocr_numbers import reread
from lkjip_audit.extract.scan_rules import Rule, erase, find_rules
from lkjip_audit.pdf.objects import Edge
from lkjip_audit.pdf.triage import SCANNED_COVERAGE

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PIL import Image

LANGUAGES = ("ind", "eng")
# Pages are rendered for OCR at this resolution. Measured on the scanned corpus variants
# (150-200 dpi scans): 200 dpi reads 99% of the numbers right where 300 dpi reads 87%, and
# a third faster.
DPI = 200
SPECK_CONFIDENCE = 60.0
MIN_SKEW = 0.0005  # radians (0.03°): a page turned less than this is not straightened
BILINEAR = 2  # PIL.Image.Resampling.BILINEAR (Pillow is imported only where pages are read)
OCR_VERSION = "5"  # part of every cache key: bump it whenever what OCR returns changes
INSTALL_HINT = {
    "id": "Tesseract (OCR) tidak terpasang: pasang dengan "
    "`apt install tesseract-ocr tesseract-ocr-ind` agar halaman pindaian dapat diperiksa.",
    "en": "Tesseract (OCR) is not installed: install it with "
    "`apt install tesseract-ocr tesseract-ocr-ind` so that scanned pages can be checked.",
}
_LANG_FOLDER = re.compile(r'"([^"]+)"')


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
        return f"ocr{OCR_VERSION}-{self.mode.value}" if self.active else ""

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
    """The words OCR read on one page image and the table rules found on it, in the pixels
    of the image straightened (what the cache keeps)."""

    words: list[OcrWord]
    rules: list[Rule]


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


def _speck(text: str, conf: float) -> bool:
    """A "word" of punctuation alone that Tesseract is unsure of: dust, or what is left of a
    rule (``:``, ``|``, ``-``), not text."""
    return conf < SPECK_CONFIDENCE and not any(ch.isalnum() for ch in text)


def _straightened(api, image: Image.Image) -> Image.Image:
    """``image`` turned so that its text rows are level (a scan fed a little crooked): then
    the words of one printed row share one row, and table rules are straight runs."""
    api.SetImage(image)
    layout = api.AnalyseLayout()
    angle = layout.Orientation()[3] if layout is not None else 0.0
    if abs(angle) < MIN_SKEW:
        return image
    return image.rotate(math.degrees(angle), resample=BILINEAR, fillcolor=255)


def recognise(image: Image.Image, folder: Path) -> OcrPage:
    """The words of ``image`` (boxes in its pixels, once straightened), with their
    confidence, and its table rules (erased before OCR so that they are not read as text)."""
    from tesserocr import RIL, iterate_level

    api = _api(folder)
    level = _straightened(api, image)
    rules = find_rules(level)
    read = erase(level, rules) if rules else level
    api.SetImage(read)
    api.Recognize()
    words = []
    for item in iterate_level(api.GetIterator(), RIL.WORD):
        text = (item.GetUTF8Text(RIL.WORD) or "").strip()
        box = item.BoundingBox(RIL.WORD)
        conf = item.Confidence(RIL.WORD)
        if text and box is not None and not _speck(text, conf):
            words.append(OcrWord(text, box, conf))
    api.Clear()
    return OcrPage(reread(read, words, folder, "+".join(LANGUAGES)), rules)


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


@dataclass(slots=True)
class ScannedPage:
    """What OCR read on a page, in PDF points: its words and its table rules."""

    words: list[Word]
    edges: list[Edge]


def in_points(page: OcrPage, scale: float) -> ScannedPage:
    """The OCR words and rules as page words and edges: from image pixels to PDF points."""
    words = []
    for word in page.words:
        x0, top, x1, bottom = (round(v / scale, 2) for v in word.bbox)
        words.append(Word(word.text, (x0, top, x1, bottom), round(word.conf, 1)))
    edges = [
        Edge(r.orientation, r.x0 / scale, r.y0 / scale, r.x1 / scale, r.y1 / scale)
        for r in page.rules
    ]
    return ScannedPage(words, edges)


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
) -> Iterator[tuple[int, ScannedPage]]:
    """The OCR words and rules of each page of ``indexes`` (0-based), in order, ``settings.workers``
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
                yield done, in_points(future.result(), done_scale)
        while pending:
            done, done_scale, future = pending.popleft()
            yield done, in_points(future.result(), done_scale)


def with_install_hint(reason: dict[str, str], settings: OcrSettings) -> dict[str, str]:
    """``reason`` (why scanned pages were not checked) followed by how to install Tesseract,
    when OCR was wanted but Tesseract is missing."""
    if settings.mode is OcrMode.NEVER or settings.active:
        return reason
    hint = INSTALL_HINT
    return {lang: f"{text} {hint.get(lang, hint['id'])}" for lang, text in reason.items()}
