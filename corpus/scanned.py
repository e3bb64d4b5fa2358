"""Scanned variants of generated reports: ``python -m corpus.scanned``.

A page is "scanned" as a flatbed scanner would: rendered at 150-300 dpi in grey, turned by a
fraction of a degree, speckled with noise, stored as a JPEG, and put back as a page holding only
that image (no text layer). Three variants are written from the corpus in ``--corpus``: a clean
and a defective report scanned whole, and a clean report with only its signed Perjanjian
Kinerja lampiran scanned. Their truth (``truth.json`` in ``--out``) is the corpus truth of the
reports they were made from, under their own file names; each document also lists its
``scanned_pages``. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

MAX_SKEW = 0.8  # degrees: a page fed a little crooked, as tesseract must cope with
NOISE_SIGMA = 18.0  # grey levels of scanner noise
SPECKS = 0.0015  # share of pixels turned into dust specks
JPEG_QUALITY = 70


@dataclass(frozen=True, slots=True)
class Variant:
    """One scanned variant: which corpus report, which pages (None: all), at what dpi."""

    name: str
    source: str
    pages: tuple[int, ...] | None
    dpi: int


def scan_image(image: Image.Image, rng: random.Random) -> Image.Image:
    """``image`` (grey) as a scanner gives it back: slightly turned, noisy, with specks."""
    turned = image.rotate(
        rng.uniform(-MAX_SKEW, MAX_SKEW), resample=Image.Resampling.BICUBIC, fillcolor=255
    )
    pixels = np.asarray(turned, dtype=np.float32)
    noise = np.random.default_rng(rng.getrandbits(32))
    pixels = pixels + noise.normal(0.0, NOISE_SIGMA, pixels.shape)
    specks = noise.random(pixels.shape) < SPECKS
    pixels[specks] = 0.0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def _image_page(target: pdfium.PdfDocument, picture: Image.Image, size: tuple[float, float]):
    """Append a page of ``size`` points holding only ``picture`` (as a JPEG)."""
    width, height = size
    page = target.new_page(width, height)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    buffer.seek(0)
    image = pdfium.PdfImage.new(target)
    image.load_jpeg(buffer, inline=False)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    page.close()


def scan_pdf(
    source: Path, out: Path, pages: Iterable[int] | None, dpi: int, seed: int
) -> tuple[int, ...]:
    """Write ``source`` to ``out`` with ``pages`` (1-based; None: every page) scanned; the
    pages scanned, in order."""
    rng = random.Random(seed)
    document = pdfium.PdfDocument(str(source))
    chosen = set(range(1, len(document) + 1)) if pages is None else set(pages)
    target = pdfium.PdfDocument.new()
    try:
        for index in range(len(document)):
            if index + 1 not in chosen:
                target.import_pages(document, [index])
                continue
            page = document[index]
            size = page.get_size()
            picture = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            _image_page(target, scan_image(picture, rng), size)
        target.save(str(out))
    finally:
        target.close()
        document.close()
    return tuple(sorted(chosen))


def lampiran_pages(path: Path) -> tuple[int, ...]:
    """The pages of the Perjanjian Kinerja lampiran: from the page headed LAMPIRAN on."""
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_range()
            if text.lstrip().startswith("LAMPIRAN") and "PERJANJIAN KINERJA" in text:
                return tuple(range(index + 1, len(document) + 1))
        return ()
    finally:
        document.close()


def variants(truth: dict) -> list[Variant]:
    """The variants made from a corpus: its first clean report scanned whole at 200 dpi,
    its first report with defects scanned whole at 150 dpi, and its second clean report
    with only the PK lampiran scanned at 300 dpi."""
    documents = truth["documents"]
    clean = [d["file"] for d in documents if d["clean"]]
    defective = [d["file"] for d in documents if d["defects"]]
    return [
        Variant("scan_clean", clean[0], None, 200),
        Variant("scan_defects", defective[0], None, 150),
        Variant("scan_pk_lampiran", clean[1], (), 300),
    ]


def write_variants(corpus: Path, out: Path, chosen: Sequence[Variant] | None = None) -> dict:
    """Write the scanned variants of the corpus in ``corpus`` (default: :func:`variants`)
    into ``out`` with their truth; returns the truth."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    by_file = {d["file"]: d for d in truth["documents"]}
    out.mkdir(parents=True, exist_ok=True)
    documents = []
    for number, variant in enumerate(chosen if chosen is not None else variants(truth)):
        source = corpus / variant.source
        pages = variant.pages
        if pages == ():
            pages = lampiran_pages(source)
        file = f"{variant.name}_{Path(variant.source).stem}.pdf"
        scanned = scan_pdf(source, out / file, pages, variant.dpi, truth["seed"] * 100 + number)
        documents.append(by_file[variant.source] | {"file": file, "scanned_pages": list(scanned)})
    scanned_truth = {"schema": truth["schema"], "seed": truth["seed"], "documents": documents}
    (out / "truth.json").write_text(json.dumps(scanned_truth, indent=1), encoding="utf-8")
    return scanned_truth


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus/out"))
    parser.add_argument("--out", type=Path, default=Path("corpus/out/scanned"))
    args = parser.parse_args(argv)
    truth = write_variants(args.corpus, args.out)
    for doc in truth["documents"]:
        print(f"{doc['file']}: {len(doc['scanned_pages'])} scanned page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
