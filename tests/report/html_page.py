"""Reading a written HTML report back in tests: tags, text, findings and their highlights."""

from __future__ import annotations

import base64
import io
from html.parser import HTMLParser

from PIL import Image

Box = tuple[float, float, float, float]


class Page(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        """The attributes of every ``tag`` element."""
        return [attrs for name, attrs in self.tags if name == tag]


def findings_with_images(html: str) -> list[tuple[str, list[dict]]]:
    """(article id, its <img> attributes) for every finding, in order."""
    result: list[tuple[str, list[dict]]] = []
    for name, attrs in Page(html).tags:
        if name == "article":
            result.append((attrs["id"], []))
        elif name == "img" and result:
            result[-1][1].append(attrs)
    return result


def picture(img: dict) -> Image.Image:
    """The decoded image of an <img> with a data: URI."""
    return Image.open(io.BytesIO(base64.b64decode(img["src"].split(",", 1)[1]))).convert("RGB")


def is_red(pixel: tuple[int, int, int]) -> bool:
    """A pixel of the highlight outline (after JPEG compression)."""
    r, g, b = pixel
    return r > 170 and g < 110 and b < 110


def _to_pdf(img: dict, x: float, y: float) -> tuple[float, float]:
    scale = float(img["data-scale"])
    x0, top, _, _ = (float(v) for v in img["data-crop"].split(","))
    return x0 + x / scale, top + y / scale


def red_box(img: dict) -> Box:
    """The PDF box (on the image's page) that all red outline pixels of the image span."""
    image = picture(img)
    red = [
        (x, y)
        for y in range(image.height)
        for x in range(image.width)
        if is_red(image.getpixel((x, y)))
    ]
    assert red, "no highlight in the image"
    xs, ys = [p[0] for p in red], [p[1] for p in red]
    return (*_to_pdf(img, min(xs), min(ys)), *_to_pdf(img, max(xs) + 1, max(ys) + 1))


def boxes(img: dict) -> list[Box]:
    """The highlighted boxes the image declares (PDF points)."""
    return [tuple(float(v) for v in part.split(",")) for part in img["data-boxes"].split(";")]


def outline_ratio(img: dict, box: Box) -> float:
    """Share of the points on the rectangle just outside ``box`` that have a red pixel within
    a pixel or two (the outline is drawn a few pixels outside the box it marks)."""
    image = picture(img)
    scale = float(img["data-scale"])
    x0, top, _, _ = (float(v) for v in img["data-crop"].split(","))
    left, right = (box[0] - x0) * scale, (box[2] - x0) * scale
    upper, lower = (box[1] - top) * scale, (box[3] - top) * scale
    xs, ys = range(round(left), round(right)), range(round(upper), round(lower))
    ring = [(x, upper, 0, -1) for x in xs] + [(x, lower, 0, 1) for x in xs]
    ring += [(left, y, -1, 0) for y in ys] + [(right, y, 1, 0) for y in ys]

    def red_near(x: float, y: float, dx: int, dy: int) -> bool:
        for step in range(1, 6):
            px, py = round(x + dx * step), round(y + dy * step)
            if (
                0 <= px < image.width
                and 0 <= py < image.height
                and is_red(image.getpixel((px, py)))
            ):
                return True
        return False

    return sum(red_near(*point) for point in ring) / max(1, len(ring))
