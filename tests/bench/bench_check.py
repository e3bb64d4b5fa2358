"""Speed and memory of `check`, against a plain pdfplumber baseline measured in the same run.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_check.py [PDF...]``. Without
arguments it uses ``corpus/out/*.pdf`` when present plus a 50-page and a 100-page synthetic
report.

Baseline = pdfplumber ``extract_text()`` + ``extract_tables()`` on every page (pages closed),
what a straightforward implementation does. Measured: extraction alone (``read_pdf``,
uncached and cached), the full check (``audit_file``: extraction, recognizers, rules),
uncached and re-checked with warm caches, and the peak RSS of a fresh process checking the
largest document. Targets (issue 4): the full check of the 50-page report at <= 0.35x the
baseline, a cached re-check at <= 0.05x an uncached one, peak RSS < 300 MB at 100 pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_report

from lkjip_audit.audit import audit_file
from lkjip_audit.extract import read_pdf
from lkjip_audit.rules.loader import load_ruleset

TARGET_RATIO = 0.35
TARGET_CACHED = 0.05
TARGET_RSS_MB = 300
FIFTY_PAGES = 50
REPEAT = 3  # best of REPEAT runs (the machine is shared); the slow baseline runs once

RSS_SCRIPT = """
import resource, sys
from lkjip_audit.audit import audit_file
from lkjip_audit.rules.loader import load_ruleset
audit_file(sys.argv[1], load_ruleset(), use_cache=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def baseline(path: Path) -> None:
    """What a straightforward implementation does."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()


def best_time(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mb(path: Path) -> float:
    """Peak RSS (MB) of a fresh process checking ``path`` uncached."""
    out = subprocess.run(
        [sys.executable, "-c", RSS_SCRIPT, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def inputs(args: list[str], folder: Path) -> list[Path]:
    """PDFs given, else the corpus (when generated) and synthetic 50- and 100-page reports."""
    if args:
        return [Path(a) for a in args]
    corpus = sorted(Path("corpus/out").glob("lkjip_*.pdf"))
    return corpus + [write_report(folder / f"synthetic{n}.pdf", n) for n in (50, 100)]


def pages_of(path: Path) -> int:
    """Page count (pdfplumber, as the baseline sees it)."""
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main(args: list[str]) -> int:
    """Run the benchmark and print per-document and total numbers; 1 if a target is missed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LKJIP_AUDIT_CACHE_DIR"] = str(folder / "cache")
        pdfs = inputs(args, folder)
        ruleset = load_ruleset()
        totals = dict.fromkeys(("pages", "base", "ours", "cached", "check", "check_cached"), 0.0)
        header = f"{'document':28} {'pages':>5} {'base s/p':>9} {'ours s/p':>9} {'cached s/p':>10}"
        print(header + f" {'check s/p':>9} {'chk-cached':>10}")
        fifty = {}
        for path in pdfs:
            n = pages_of(path)
            base = best_time(lambda p=path: baseline(p), repeat=1)
            ours = best_time(lambda p=path: read_pdf(p, use_cache=False))
            read_pdf(path)  # warm the cache
            cached = best_time(lambda p=path: read_pdf(p))
            row = f"{path.name[:28]:28} {n:5d} {base / n:9.4f} {ours / n:9.4f} {cached / n:10.5f}"
            totals["pages"] += n
            totals["base"] += base
            totals["ours"] += ours
            totals["cached"] += cached
            uncached_check = best_time(lambda p=path: audit_file(p, ruleset, use_cache=False), 1)
            audit_file(path, ruleset)  # warm the caches
            cached_check = best_time(lambda p=path: audit_file(p, ruleset), repeat=1)
            totals["check"] += uncached_check
            totals["check_cached"] += cached_check
            if n == FIFTY_PAGES:
                fifty = {"base": base, "check": uncached_check}
            row += f" {uncached_check / n:9.4f} {cached_check / n:10.5f}"
            print(row)
        sizes = {path: pages_of(path) for path in pdfs}
        largest = max(pdfs, key=sizes.__getitem__)
        rss = peak_rss_mb(largest)
    fifty_ratio = fifty["check"] / fifty["base"] if fifty else None
    cached_ratio = totals["check_cached"] / totals["check"]
    print(f"\npages: {int(totals['pages'])}")
    print(f"extraction / baseline: {totals['ours'] / totals['base']:.3f}x")
    print(f"cached / uncached extraction: {totals['cached'] / totals['ours']:.4f}x")
    print(f"full check / baseline, all documents: {totals['check'] / totals['base']:.3f}x")
    if fifty_ratio is not None:
        print(f"full check / baseline, 50 pages: {fifty_ratio:.3f}x (target <= {TARGET_RATIO}x)")
    print(f"cached / uncached full check: {cached_ratio:.4f}x (target <= {TARGET_CACHED}x)")
    print(
        f"peak RSS checking {largest.name} ({sizes[largest]} pages): {rss:.0f} MB "
        f"(target < {TARGET_RSS_MB} MB)"
    )
    missed = (
        (fifty_ratio is not None and fifty_ratio > TARGET_RATIO)
        or cached_ratio > TARGET_CACHED
        or rss >= TARGET_RSS_MB
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
