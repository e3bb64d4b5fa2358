"""The plan of the pemda family of the corpus: which regional unit, layout, renderer and
defects each document gets.

Every defect category that applies to a regional unit (all but the immigration security
index) is injected :data:`PER_CATEGORY` times, at most three per document, its occurrences in
consecutive documents so they land in different layouts and renderers (the renderer
alternates: even documents are typed and converted by LibreOffice, odd ones drawn by
reportlab). The survey categories go only to documents of units that run an SKM. Only the
held-out seed prints the held-out family of phrasings and the held-out layout switch (chapters
headed "I. PENDAHULUAN" without "BAB").
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpus.defects import INJECTORS
from corpus.model import Layout
from corpus.pemda import REGIONS, UNITS, pemda_name

TUNING_SEED = 1
"""The seed the recognizers are developed on; every other seed is held out."""
NOT_PEMDA = ("ipk-recompute",)
SKM_CATEGORIES = ("ikm-recompute", "mutu-category")
PER_CATEGORY = 3
PER_DOCUMENT = 3
SKM_CYCLE = ("triwulan9", "tahunan9", "bulan9", "none")
CLEAN = 3
FIRST_INDEX = 50
"""File numbers of the pemda family start here (the Kemenkumham family's are below)."""


@dataclass(frozen=True, slots=True)
class PemdaPlan:
    """What one pemda document will be."""

    index: int
    unit: tuple[str, bool]
    region: tuple[str, str, str]
    layout: Layout
    defects: tuple[tuple[str, int], ...]
    lower_better: bool
    seed: int

    @property
    def file(self) -> str:
        """The PDF file name (neutral: it does not say whether the report is clean)."""
        slug = "".join(w[0] for w in pemda_name(self.unit[0], self.region).split()).lower()
        return f"lkjip_{self.index:02d}_{slug}.pdf"


def pemda_categories() -> list[str]:
    """The defect categories that apply to a regional unit."""
    return [c for c in INJECTORS if c not in NOT_PEMDA]


def spread(
    rng: random.Random, categories: list[str], per_category: int, skm: list[bool]
) -> list[tuple[tuple[str, int], ...]]:
    """(category, occurrence) per defective document: each of ``categories``
    ``per_category`` times, at most :data:`PER_DOCUMENT` per document, consecutive
    occurrences in the next documents that fit (``skm[d]``: document ``d`` has an SKM)."""
    docs: list[list[tuple[str, int]]] = [[] for _ in skm]
    cursor = 0
    categories = list(categories)
    rng.shuffle(categories)
    for category in categories:
        for n in range(per_category):
            for step in range(len(docs)):
                d = (cursor + step) % len(docs)
                fits = len(docs[d]) < PER_DOCUMENT and all(c != category for c, _ in docs[d])
                if fits and (skm[d] or category not in SKM_CATEGORIES):
                    docs[d].append((category, n))
                    cursor = d + 1
                    break
            else:
                raise RuntimeError(f"no document left for {category}")
    return [tuple(d) for d in docs]


def plan_pemda(seed: int, make_layout) -> list[PemdaPlan]:
    """The pemda documents for ``seed``; ``make_layout(rng, index, skm_layout)`` draws the
    number formats and the rest of a layout as for the Kemenkumham family."""
    rng = random.Random(seed * 7 + 3)
    held_out = seed != TUNING_SEED
    slots = len(pemda_categories()) * PER_CATEGORY
    defective = -(-slots // PER_DOCUMENT) + 1
    skm_layouts = [SKM_CYCLE[d % len(SKM_CYCLE)] for d in range(CLEAN + defective)]
    skm = [s != "none" for s in skm_layouts[CLEAN:]]
    per_doc = [()] * CLEAN + spread(rng, pemda_categories(), PER_CATEGORY, skm)
    pairs = [(u, r) for u in UNITS for r in REGIONS]
    chosen = rng.sample(pairs, len(per_doc))
    plans = []
    for i, ((unit, region), cats) in enumerate(zip(chosen, per_doc, strict=True)):
        skm_layout = skm_layouts[i] if unit[1] else "none"
        if not unit[1] and any(c in SKM_CATEGORIES for c, _ in cats):
            unit = next(u for u in UNITS if u[1])
            skm_layout = skm_layouts[i]
        layout = replace(
            make_layout(rng, i, skm_layout),
            family="pemda",
            renderer="docx" if i % 2 == 0 else "reportlab",
            roman_chapters=held_out and i % 3 != 1,
            held_out_words=held_out,
        )
        index = FIRST_INDEX + i
        plans.append(PemdaPlan(index, unit, region, layout, cats, i % 3 == 2, seed * 1000 + index))
    return plans
