"""Generate the synthetic LKjIP corpus with ground truth: ``python -m corpus.generate``.

Writes clean and defective reports for real satker of the Ditjen recap (using the recap's IKM,
IKI and IPK values and respondents, so clean reports agree with it) and ``truth.json`` in the
``lkjip-audit/truth@1`` format. Every defect's page is recorded while drawing; afterwards each
PDF is re-opened with pdfplumber and every injected value must be on its recorded page, or the
run fails. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pdfplumber

from corpus.defects import INJECTORS, Defect, NoPlace, inject
from corpus.model import SKM_LAYOUTS, Layout, Report, SatkerRecap, build_report
from corpus.pemda import build_pemda_report
from corpus.plan_pemda import PemdaPlan, plan_pemda, spread
from corpus.recap_defects import RECAP_FILE, RECAP_TRUTH, write_recap
from corpus.render import Rendered, build_pdf, register_fonts
from corpus.render_docx import DocxLook, build_docx, convert, marks_from_pdf, soffice_available
from corpus.render_pemda import PemdaWriter
from corpus.render_sections import Writer

DATA_DIR = Path(__file__).parent / "data"
SCHEMA = "lkjip-audit/truth@1"
YEAR = 2023
CLEAN_DOCS = len(SKM_LAYOUTS)
"""One clean document per SKM layout (each must give no error or warning)."""
PER_CATEGORY = 3
SKM_CATEGORIES = ("ikm-recompute", "mutu-category")
PER_SKM_LAYOUT = 2
"""Defects of each SKM category injected into documents of each SKM layout."""
MIN_PAGES, MAX_PAGES = 25, 60
MIN_PAGES_PEMDA = 15
# Places always watched: first and last row of the long lampiran table (shows the split).
ALWAYS_WATCHED = ("lk.0.amt", "lk.total")
FILE_PREFIX = "lkjip_"


class VerificationError(RuntimeError):
    """A generated PDF does not show an injected value on its recorded page."""


@dataclass(frozen=True, slots=True)
class DocPlan:
    """What one document will be: its satker, layout, (defect category, variant) and seed."""

    index: int
    recap: SatkerRecap
    layout: Layout
    defects: tuple[tuple[str, int], ...]
    lower_better: bool
    seed: int

    @property
    def file(self) -> str:
        """The PDF file name (neutral: it does not say whether the report is clean)."""
        return f"{FILE_PREFIX}{self.index:02d}_{self.recap.kode}.pdf"


@dataclass(frozen=True, slots=True)
class Built:
    """A rendered document and its injected defects."""

    plan: DocPlan
    report: Report
    defects: tuple[Defect, ...]
    rendered: Rendered


def region_title(region: str) -> str:
    """ "KEPULAUAN RIAU" -> "Kepulauan Riau"; short codes (NTB, DKI) stay upper-case."""
    return " ".join(w if len(w) <= 3 and w.isalpha() else w.title() for w in region.split())


def _d(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", "."))


def _q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _clear_of_mutu_edges(*values: Decimal) -> bool:
    """True when no value is near a quality-interval boundary (3,0644 and 3,5324)."""
    return all(abs(v - Decimal("3.5324")) > Decimal("0.03") and v > Decimal("3.1") for v in values)


def load_recap(data_dir: Path = DATA_DIR) -> list[SatkerRecap]:
    """Satker of the recap usable for a clean report, in recap order.

    A satker qualifies when it has IKM/IKI and IPK rows, its IPK total recomputes from the
    internal and external parts, it has enough SKM respondents for twelve months, and no value
    sits on a quality-category boundary (so the stated category is unambiguous).
    """
    with (data_dir / "rekap_ikm_iki.csv").open(encoding="utf-8") as fh:
        ikm_rows = list(csv.DictReader(fh))
    with (data_dir / "rekap_ipk.csv").open(encoding="utf-8") as fh:
        ipk_rows = list(csv.DictReader(fh))
    region_ikm = {r["region"]: r for r in ikm_rows if r["row_type"] == "region"}
    region_ipk = {r["region"]: r for r in ipk_rows if r["row_type"] == "region"}
    ipk_by_name = {(r["region"], r["satker"]): r for r in ipk_rows if r["row_type"] == "satker"}
    out = []
    for row in ikm_rows:
        ipk = ipk_by_name.get((row["region"], row["satker"]))
        if row["row_type"] != "satker" or ipk is None or row["region"] not in region_ipk:
            continue
        try:
            ni, ne = int(ipk["internal_responden"]), int(ipk["eksternal_responden"])
            vi, ve, vt = (
                _d(ipk[k]) for k in ("internal_indeks", "eksternal_indeks", "total_indeks")
            )
            ikm, iki = _d(row["ikm_nilai"]), _d(row["iki_nilai"])
            ikm_n, iki_n = int(row["ikm_responden"]), int(row["iki_responden"])
            region_vals = (
                _d(region_ikm[row["region"]]["ikm_nilai"]),
                _d(region_ikm[row["region"]]["iki_nilai"]),
                _d(region_ipk[row["region"]]["total_indeks"]),
            )
        except (ValueError, KeyError, ArithmeticError):
            continue
        if (
            min(ni, ne) < 1
            or int(ipk["total_responden"]) != ni + ne
            or _q2((ni * vi + ne * ve) / (ni + ne)) != vt
            or ikm_n < 120
            or ikm >= 4
            or not _clear_of_mutu_edges(ikm, iki, vi, ve, vt)
        ):
            continue
        out.append(
            SatkerRecap(
                row["kode_satker"],
                row["satker"],
                region_title(row["region"]),
                ikm,
                ikm_n,
                iki,
                iki_n,
                ni,
                vi,
                ne,
                ve,
                vt,
                *region_vals,
            )
        )
    return out


def make_layout(rng: random.Random, index: int, skm_layout: str) -> Layout:
    """The layout of document ``index``: ruling alternates, the rest varies by ``rng``; the
    SKM is printed as ``skm_layout``."""
    amount_sep = "," if index % 3 == 1 else "."
    return Layout(
        ruled=index % 2 == 0,
        amount_sep=amount_sep,
        decimal_sep="." if amount_sep == "," and index % 2 else ",",
        rp_prefix=("Rp. ", "Rp ", "")[(index // 2) % 3],
        pct_space=rng.random() < 0.5,
        capaian_decimals=rng.choice((1, 2)),
        ikhtisar_as_table=rng.random() < 0.4,
        budget_before_pnbp=rng.random() < 0.6,
        font_size=rng.choice((11.5, 12.0)),
        nip_spaced=rng.random() < 0.4,
        header=rng.random() < 0.5,
        years_as_rows=rng.random() < 0.5,
        months_as_rows=index % 3 == 2,
        rp_suffix=",-" if amount_sep == "." and index % 4 == 3 else "",
        skm_layout=skm_layout,
    )


def schedule(rng: random.Random, defective: int) -> list[tuple[tuple[str, int], ...]]:
    """(category, occurrence) per defective document: each category ``PER_CATEGORY`` times,
    1–3 per document, never twice in one document. Consecutive occurrences of a category land
    in consecutive documents (so in different layouts) and, through the occurrence number, in
    different places of the report. The SKM categories go ``PER_SKM_LAYOUT`` times into the
    documents of every SKM layout (defective document ``d`` prints :func:`skm_layout_of`)."""
    cats = list(INJECTORS)
    rng.shuffle(cats)
    slots = [(c, n) for c in cats if c not in SKM_CATEGORIES for n in range(PER_CATEGORY)]
    docs: list[list[tuple[str, int]]] = [[] for _ in range(defective)]
    for s, slot in enumerate(slots):
        docs[s % (defective - 1)].append(slot)
    docs[-1].append((cats[0], PER_CATEGORY))
    layouts = len(SKM_LAYOUTS)
    for category in (c for c in cats if c in SKM_CATEGORIES):
        for n in range(PER_SKM_LAYOUT * layouts):
            fitting = [
                d
                for d in range(defective)
                if d % layouts == n % layouts and all(c != category for c, _ in docs[d])
            ]
            docs[min(fitting, key=lambda d: (len(docs[d]), d))].append((category, n))
    return [tuple(d) for d in docs]


def skm_layout_of(index: int) -> str:
    """The SKM layout of document ``index``: clean documents take one each, defective ones
    cycle through them (see :func:`schedule`)."""
    position = index if index < CLEAN_DOCS else index - CLEAN_DOCS
    return SKM_LAYOUTS[position % len(SKM_LAYOUTS)]


def plan_corpus(seed: int, data_dir: Path = DATA_DIR) -> list[DocPlan]:
    """The plan of the whole corpus for ``seed``: clean documents first, then defective."""
    rng = random.Random(seed)
    recap = load_recap(data_dir)
    slots = (len(INJECTORS) - len(SKM_CATEGORIES)) * PER_CATEGORY + 1
    slots += len(SKM_CATEGORIES) * PER_SKM_LAYOUT * len(SKM_LAYOUTS)
    defective = -(-slots // 3) + 2
    per_doc = [()] * CLEAN_DOCS + schedule(rng, defective)
    chosen = rng.sample(recap, len(per_doc))
    return [
        DocPlan(i, rec, make_layout(rng, i, skm_layout_of(i)), cats, i % 4 == 1, seed * 1000 + i)
        for i, (rec, cats) in enumerate(zip(chosen, per_doc, strict=True))
    ]


def prepare_document(plan: DocPlan | PemdaPlan) -> tuple[Report, tuple[Defect, ...]]:
    """The planned document's report with its defects injected (not yet rendered)."""
    rng = random.Random(plan.seed)
    if isinstance(plan, PemdaPlan):
        report = build_pemda_report(
            rng,
            plan.unit,
            plan.region,
            YEAR,
            plan.layout,
            plan.seed,
            lower_better=plan.lower_better,
        )
    else:
        report = build_report(
            rng, plan.recap, YEAR, plan.layout, plan.seed, lower_better=plan.lower_better
        )
    defects: list[Defect] = []
    taken: set[str] = set()
    for category, variant in plan.defects:
        defect = _inject_some(report, category, rng, taken, variant)
        defects.append(defect)
        taken.update(defect.keys)
    report.watch.update(ALWAYS_WATCHED)
    return report, tuple(defects)


def _writer(report: Report) -> type[Writer]:
    return PemdaWriter if report.layout.family == "pemda" else Writer


def _header(report: Report) -> str | None:
    return f"LKjIP {report.satker} Tahun {report.year}" if report.layout.header else None


def build_document(plan: DocPlan | PemdaPlan) -> Built:
    """Build, inject and render one planned document with reportlab (no verification)."""
    report, defects = prepare_document(plan)
    writer = _writer(report)
    rendered = build_pdf(lambda toc: writer(report, toc).story(), report, _header(report))
    return Built(plan, report, defects, rendered)


def build_docx_documents(plans: Sequence[DocPlan | PemdaPlan], work: Path) -> list[Built]:
    """Build the planned documents as .docx in ``work``, convert them all in one LibreOffice
    run, and read every watched place's page back from the converted PDFs."""
    register_fonts()  # the writer's paragraph styles name reportlab's fonts
    prepared = []
    for plan in plans:
        report, defects = prepare_document(plan)
        look = DocxLook(
            ("DejaVu Serif", "DejaVu Sans")[plan.index % 2],
            report.layout.font_size - 0.5,
            _header(report),
        )
        document = build_docx(_writer(report)(report, ()).story(), look)
        path = work / Path(plan.file).with_suffix(".docx").name
        path.write_bytes(document.data)
        prepared.append((plan, report, defects, document, path))
    convert([p[-1] for p in prepared], work)
    builts = []
    for plan, report, defects, document, path in prepared:
        pdf = path.with_suffix(".pdf").read_bytes()
        with pdfplumber.open(io.BytesIO(pdf)) as opened:
            pages = len(opened.pages)
        marks = settle_marks(pdf, marks_from_pdf(pdf, document.bookmarks), report)
        builts.append(Built(plan, report, defects, Rendered(pdf, marks, pages, ())))
    return builts


def settle_marks(pdf: bytes, marks: dict[str, list[int]], report: Report) -> dict[str, list[int]]:
    """Each watched place on the page that shows its text: a bookmark's destination can sit
    on the page before the line that holds the value (a table row pushed to the next page),
    so the neighbouring pages are searched in the converted PDF's own text."""
    settled = dict(marks)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        texts: dict[int, str] = {}

        def text(page: int) -> str:
            if page not in texts:
                texts[page] = _squash(opened.pages[page - 1].extract_text() or "")
            return texts[page]

        for key, pages in marks.items():
            shown = _squash(report.overrides.get(key, report.originals.get(key, "")))
            if not shown or any(shown in text(p) for p in pages):
                continue
            near = [p for p in (pages[0] + 1, pages[0] - 1) if 1 <= p <= len(opened.pages)]
            settled[key] = [next((p for p in near if shown in text(p)), pages[0])]
    return settled


def _inject_some(
    report: Report, category: str, rng: random.Random, taken: set[str], variant: int
) -> Defect:
    for attempt in range(20):
        try:
            return inject(report, category, rng, taken, variant + attempt)
        except NoPlace:
            continue
    raise RuntimeError(f"no place to inject {category} into {report.satker}")


def _squash(text: str) -> str:
    return "".join(text.split())


def verify(built: Built) -> None:
    """Re-open the PDF; every injected value must be on its recorded page(s).

    Raises :class:`VerificationError` naming every defect that is not where the truth says.
    """
    marks, report, problems = built.rendered.marks, built.report, []
    pages = built.rendered.pages
    low = MIN_PAGES if report.layout.family == "imigrasi" else MIN_PAGES_PEMDA
    if not low <= pages <= MAX_PAGES:
        problems.append(f"{pages} pages, outside {MIN_PAGES}–{MAX_PAGES}")
    with pdfplumber.open(io.BytesIO(built.rendered.pdf)) as pdf:
        texts: dict[int, str] = {}
        for defect in built.defects:
            missing = [k for k in defect.keys if k not in marks]
            if missing:
                problems.append(f"{defect.category}: places never drawn: {missing}")
                continue
            for page in marks[defect.key]:
                if page not in texts:
                    texts[page] = _squash(pdf.pages[page - 1].extract_text() or "")
            shown = "".join(texts[p] for p in marks[defect.key])
            if defect.category != "structure" and report.originals[defect.key] == defect.injected:
                problems.append(f"{defect.category}: {defect.key} unchanged ({defect.injected!r})")
            if _squash(defect.injected) not in shown:
                problems.append(
                    f"{defect.category}: {defect.injected!r} not on page(s) {marks[defect.key]}"
                )
            if (
                defect.category == "structure"
                and marks[defect.key][0] > marks[defect.related[0]][0]
            ):
                problems.append(f"structure: {defect.key} is not before {defect.related[0]}")
    if problems:
        raise VerificationError(f"{built.plan.file}: " + "; ".join(problems))


def truth_entry(built: Built) -> dict[str, object]:
    """The document's entry of truth.json."""
    marks, report = built.rendered.marks, built.report
    return {
        "file": built.plan.file,
        "satker": report.satker,
        "kode_satker": report.kode_satker,
        "year": report.year,
        "clean": not built.defects,
        "pages": built.rendered.pages,
        "layout": asdict(report.layout),
        "lampiran_table_pages": sorted({p for k in ALWAYS_WATCHED for p in marks[k]}),
        "defects": [
            {
                "category": d.category,
                "pages": sorted({p for k in d.keys for p in marks[k]}),
                "description": d.description,
                "injected": d.injected,
                "place": d.key,
            }
            for d in built.defects
        ],
    }


def generate(out: Path, seed: int = 1, data_dir: Path = DATA_DIR) -> dict[str, object]:
    """Write every planned PDF and truth.json into ``out``; returns the truth document."""
    out.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(seed, data_dir)
    keep = {p.file for p in plans} | {p.file for p in plan_pemda(seed, make_layout)}
    keep |= {p.file for p in plan_typed(seed, {p.recap.kode for p in plans}, data_dir)}
    for stale in out.glob(f"{FILE_PREFIX}*.pdf"):
        if stale.name not in keep:
            stale.unlink()
    documents, builts = [], []
    for plan in plans:
        built = build_document(plan)
        verify(built)
        (out / plan.file).write_bytes(built.rendered.pdf)
        documents.append(truth_entry(built))
        builts.append(built)
    # The recap with its injected defects, and its truth (rekap.pdf, rekap_truth.json).
    write_recap(out, builts, documents, seed, YEAR, data_dir)
    typed = plan_typed(seed, {p.recap.kode for p in plans}, data_dir)
    documents += generate_family(out, typed + plan_pemda(seed, make_layout))
    truth = {"schema": SCHEMA, "seed": seed, "documents": documents}
    (out / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth


TYPED = 6
"""Kemenkumham documents typed in a word processor (one clean, the rest defective)."""
TYPED_FIRST_INDEX = 30


def plan_typed(seed: int, taken: set[str], data_dir: Path = DATA_DIR) -> list[DocPlan]:
    """Kemenkumham documents of satker not in the reportlab part, made through LibreOffice:
    every category once (the recap is not about them: they are checked without it)."""
    rng = random.Random(seed * 11 + 5)
    recap = [r for r in load_recap(data_dir) if r.kode not in taken]
    chosen = rng.sample(recap, TYPED)
    skm_layouts = [SKM_LAYOUTS[i % len(SKM_LAYOUTS)] for i in range(TYPED)]
    per_doc = [(), *spread(rng, list(INJECTORS), 1, [True] * (TYPED - 1))]
    plans = []
    for i, (rec, cats) in enumerate(zip(chosen, per_doc, strict=True)):
        index = TYPED_FIRST_INDEX + i
        layout = replace(make_layout(rng, index, skm_layouts[i]), renderer="docx")
        plans.append(DocPlan(index, rec, layout, cats, i % 4 == 1, seed * 1000 + index))
    return plans


def generate_family(out: Path, plans: Sequence[DocPlan | PemdaPlan]) -> list[dict[str, object]]:
    """Write ``plans`` into ``out``: the reportlab documents, then the word-processor ones in
    one LibreOffice run (left out, with a notice, where LibreOffice is missing). Returns their
    truth entries in plan order."""
    typed = [p for p in plans if p.layout.renderer == "docx"]
    builts = {p.file: build_document(p) for p in plans if p.layout.renderer != "docx"}
    if typed and soffice_available():
        with tempfile.TemporaryDirectory(prefix="lkjip-docx-") as work:
            builts.update((b.plan.file, b) for b in build_docx_documents(typed, Path(work)))
    elif typed:
        print(NO_SOFFICE, file=sys.stderr)
    entries = []
    for plan in plans:
        built = builts.get(plan.file)
        if built is None:
            continue
        verify(built)
        (out / plan.file).write_bytes(built.rendered.pdf)
        entries.append(truth_entry(built))
    return entries


NO_SOFFICE = (
    "LibreOffice (soffice) is not installed: the word-processor documents of the corpus "
    "are left out (Debian: apt-get install libreoffice-writer-nogui)"
)


GENERATOR_SOURCES = (
    "model",
    "render",
    "render_base",
    "render_budget",
    "render_indicators",
    "render_lampiran",
    "render_sections",
    "render_tables",
    "defects",
    "generate",
    "recap_defects",
    "recap_pdf",
    "wording",
    "wording_pemda",
    "pemda",
    "plan_pemda",
    "render_pemda",
    "render_docx",
)


def _newest_source(data_dir: Path) -> float:
    here = Path(__file__).parent
    paths = [here / f"{name}.py" for name in GENERATOR_SOURCES] + list(data_dir.glob("*.csv"))
    return max(p.stat().st_mtime for p in paths)


def ensure_corpus(out: Path, seed: int = 1, data_dir: Path = DATA_DIR) -> dict[str, object]:
    """The corpus in ``out``: reused when its truth.json is newer than the generator and the
    recap data and was made with ``seed``, otherwise generated afresh."""
    truth_path = out / "truth.json"
    if truth_path.exists():
        try:
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
        except ValueError:
            truth = {}
        if (
            truth.get("schema") == SCHEMA
            and truth.get("seed") == seed
            and truth_path.stat().st_mtime >= _newest_source(data_dir)
            and all((out / d["file"]).exists() for d in truth["documents"])
            and all((out / name).exists() for name in (RECAP_FILE, RECAP_TRUTH))
        ):
            return truth
    return generate(out, seed, data_dir)


def summary(truth: dict[str, object]) -> Counter[str]:
    """Number of injected defects per category."""
    return Counter(d["category"] for doc in truth["documents"] for d in doc["defects"])


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; exit 1 when verification fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("corpus/out"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        truth = generate(args.out, args.seed)
    except VerificationError as exc:
        print(f"verification failed: {exc}", file=sys.stderr)
        return 1
    docs = truth["documents"]
    size = sum((args.out / d["file"]).stat().st_size for d in docs)
    print(
        f"{len(docs)} documents ({sum(d['clean'] for d in docs)} clean), "
        f"{sum(d['pages'] for d in docs)} pages, {size / 1e6:.1f} MB, "
        f"{time.perf_counter() - start:.1f} s"
    )
    for category, count in sorted(summary(truth).items()):
        print(f"  {category:<22} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
