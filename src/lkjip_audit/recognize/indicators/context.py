"""A statement of an indicator, and the context it is read in: the stream, names, mentions.

Rows and sentences often do not name their indicator themselves (a comparison table, "Nilai
ini ..."); the mentions found in the whole text say which indicator a position is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_audit.extract.model import BBox
from lkjip_audit.numbers import Stated
from lkjip_audit.recognize.indicators.names import HEAD, HEAD_WORDS, IndicatorNames, normalise
from lkjip_audit.recognize.indicators.places import Placed
from lkjip_audit.recognize.indicators.stream import Stream

# Where a name mentioned in prose stops.
_MENTION_END = re.compile(
    r"[,.;:()\[\]=]|\s\d|\s(?:pada|kantor|sebesar|adalah|yang|telah|memperoleh|dengan|dari|tahun|"
    r"mengalami|sehingga|maka|untuk|sudah|atau|dan|juga|ini|tersebut|merupakan|diperoleh|"
    r"mencapai|sebagai|terealisasi|tercapai|terpenuhi|berada|menempatkan|lebih|sedangkan|"
    r"[A-Z]{2,5}\b)",
)
_MENTION_WORDS = 8
_SENTENCE_BREAK = re.compile(r"[.!?;]\s+(?=[A-Z])")
# A sentence that starts by referring back to the figure of the sentence before.
REFERS_BACK = re.compile(r"(?:Nilai|Angka|Realisasi|Hasil|Capaian)\s+(?:ini|tersebut)\b")
_SENTENCE_REACH = 500
# Words right before a name that say the figures before them are that indicator's.
_NAMED_AFTER = re.compile(r"\b(?:oleh|untuk|pada|dari|bagi)\s+indikator(?:\s+kinerja)?\s*$", re.I)
# A comparison table names only the other units: its indicator is the one mentioned last
# before it, which may be a few pages back.
_COMPARISON_REACH = 4000


@dataclass(slots=True)
class Statement:
    """One statement of an indicator before it becomes a fact row."""

    name: str
    key: str
    place: str
    year: int | None
    page: int
    bbox: BBox | None
    raw: str
    target: Stated | None = None
    realisasi: Stated | None = None
    capaian: Stated | None = None
    unit: str | None = None
    lower_is_better: bool = False
    entity: str | None = None
    reference: Stated | None = None
    rating: str | None = None
    pos: int = 0
    other_year: bool = False
    direction: str | None = None
    # A second pair read from a row already stated (its realisation against the
    # end-of-Renstra target): a claim to check, no fact of its own.
    derived: bool = False

    def row(self) -> dict[str, object]:
        """The fact row of this statement."""
        return {
            "name": self.name,
            "key": self.key,
            "place": self.place,
            "year": self.year,
            "target": self.target,
            "realisasi": self.realisasi,
            "capaian": self.capaian,
            "unit": self.unit,
            "lower_is_better": self.lower_is_better,
            "direction": self.direction,
            "entity": self.entity,
            "reference": self.reference,
            "rating": self.rating,
            "page": self.page,
            "bbox": self.bbox,
            "raw": self.raw,
        }


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back at most 500 characters)."""
    start = max(0, pos - _SENTENCE_REACH)
    for match in _SENTENCE_BREAK.finditer(text, start, pos):
        start = match.end()
    return start


@dataclass(slots=True)
class Context:
    """What the whole document says that helps read one statement."""

    year: int | None
    names: IndicatorNames
    stream: Stream
    mentions: list[tuple[int, str]] = field(default_factory=list)

    def mention_before(self, pos: int, reach: int = 320) -> str | None:
        """The key of the last indicator mentioned before ``pos`` (within ``reach`` chars)."""
        last = self.last_mention(pos, reach)
        return last[1] if last else None

    def last_mention(self, pos: int, reach: int) -> tuple[int, str] | None:
        """Where the last indicator mentioned before ``pos`` (within ``reach`` chars) starts,
        and its key."""
        starts = [m for m in self.mentions if pos - reach <= m[0] < pos]
        return starts[-1] if starts else None

    def mention_in_sentence(self, pos: int) -> str | None:
        """The last indicator named in the sentence holding ``pos`` before it; a sentence that
        refers back ("Nilai ini ...") belongs with the one before."""
        start = sentence_start(self.stream.text, pos)
        if REFERS_BACK.match(self.stream.text, start):
            start = sentence_start(self.stream.text, max(0, start - 2))
        return self.mention_before(pos, reach=pos - start)

    def mention_later_in_sentence(self, pos: int) -> str | None:
        """The first indicator named after ``pos`` in its sentence and introduced as the one
        the figures are of ("Realisasi 76,01 atas target 85,00 dicapai oleh indikator ...").
        A name that merely follows (the next item of a list printed without full stops) is
        another indicator's."""
        text = self.stream.text
        end = _SENTENCE_BREAK.search(text, pos)
        stop = end.start() if end else pos + _SENTENCE_REACH
        return next(
            (
                key
                for start, key in self.mentions
                if pos <= start < stop and _NAMED_AFTER.search(text[pos:start])
            ),
            None,
        )

    def compared_key(self, pos: int) -> str | None:
        """The key of the indicator a comparison table at ``pos`` is about."""
        return self.mention_before(pos, reach=_COMPARISON_REACH)

    def row_year(self, item: Placed) -> int | None:
        """The year a row on ``item`` is for: its PK's year in a PK, else the report's."""
        return item.year if item.section in ("pk", "lampiran-pk") else self.year


def find_mentions(ctx: Context) -> list[tuple[int, str]]:
    """Every indicator mention in the stream, in order, with its key.

    A mention that matches no key read from a table becomes a key of its own when it reads
    like a full name (three words or more, not the generic "Nilai ...").
    """
    found = []
    text = ctx.stream.text
    for match in HEAD.finditer(text):
        tail = text[match.start() : match.start() + 160]
        end = _MENTION_END.search(tail, len(match.group()))
        phrase = " ".join((tail[: end.start()] if end else tail).split()[:_MENTION_WORDS])
        # A name holding one of the words that end a mention ("Persentase Layanan yang
        # Diselesaikan ...") is matched on the words that follow as well.
        key = ctx.names.resolve(phrase) or ctx.names.resolve(
            " ".join(tail.split()[: 2 * _MENTION_WORDS])
        )
        if key is None and match.group() != "Nilai" and len(normalise(phrase).split()) >= 3:
            key = ctx.names.key(phrase)
        if key:
            found.append((match.start(), key))
    for match in re.finditer(r"\b([A-Z]{3,4})\b", text):
        key = ctx.names.resolve(match.group(1))
        if key:
            found.append((match.start(), key))
    found += _headless_mentions(ctx, {start for start, _ in found})
    return sorted(found)


# Heads whose remainder is specific enough to name the indicator alone: prose shortens
# "Rata-rata Waktu Penyelesaian Permohonan Paspor" to "Waktu Penyelesaian". "Indeks ..." and
# "Nilai ..." are left out: "Kepuasan Masyarakat" also names the survey (SKM), not the index.
_DROPPABLE_HEADS = frozenset({"rata-rata", "persentase", "jumlah", "tingkat", "rasio"})
_HEADLESS_WORDS = 2
# A head word right before the words: they belong to that head's indicator ("Jumlah Rumah
# Sakit ..." is not "Persentase Rumah Sakit ...", "Ratio kematian bayi" not "Jumlah kematian
# bayi").
_HEAD_BEFORE = re.compile(
    rf"(?:{HEAD_WORDS}|ratio|rasio|angka|cakupan|prevalensi|proporsi)\s*$", re.I
)


def _headless_mentions(ctx: Context, taken: set[int]) -> list[tuple[int, str]]:
    """Mentions of a known indicator by its name without the head word, not found above."""
    found = []
    text = ctx.stream.text
    for key in ctx.names.keys:
        head, _, body = key.partition(" ")
        words = body.split()[:_HEADLESS_WORDS]
        if head not in _DROPPABLE_HEADS or len(words) < _HEADLESS_WORDS:
            continue
        pattern = r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"\b"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            before = text[max(0, match.start() - 12) : match.start()]
            if match.start() not in taken and not _HEAD_BEFORE.search(before):
                found.append((match.start(), key))
    return found
