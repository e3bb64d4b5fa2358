"""Extraction benchmark: ours against a plain pdfplumber baseline, in the same run.

Run: ``.venv/bin/python tests/bench/bench_check.py [PDF...]``. Without arguments it uses
``corpus/out/*.pdf`` when present plus a 50-page and a 100-page synthetic report.

Baseline = pdfplumber ``extract_text()`` + ``extract_tables()`` on every page (pages closed).
Ours = ``read_pdf`` uncached; cached = ``read_pdf`` again with a warm cache (temp folder).
When the audit pipeline imports, the full ``audit_file`` check is timed too. Peak RSS of the
largest document's extraction is measured in a fresh subprocess.
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

from lkjip_audit.extract import read_pdf

TARGET_RATIO = 0.35
TARGET_CACHED = 0.05
TARGET_RSS_MB = 300
REPEAT = 3  # best of REPEAT runs (the machine is shared); the slow baseline runs once

RSS_SCRIPT = """
import resource, sys
from lkjip_audit.extract import read_pdf
read_pdf(sys.argv[1], use_cache=False)
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
    """Peak RSS (MB) of a fresh process extracting ``path`` uncached."""
    out = subprocess.run(
        [sys.executable, "-c", RSS_SCRIPT, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def full_check() -> Callable[[Path, bool], object] | None:
    """``audit_file`` with the default rules, or None when the pipeline does not import."""
    try:
        from lkjip_audit.audit import audit_file
        from lkjip_audit.rules.loader import load_ruleset

        ruleset = load_ruleset()
    except Exception as error:  # noqa: BLE001 - the pipeline is optional here: report, go on
        print(f"(full check not timed: {type(error).__name__}: {error})")
        return None
    return lambda path, cached: audit_file(path, ruleset, use_cache=cached)


def inputs(args: list[str], folder: Path) -> list[Path]:
    """PDFs given, else the corpus (when generated) and synthetic 50- and 100-page reports."""
    if args:
        return [Path(a) for a in args]
    corpus = sorted(Path("corpus/out").glob("*.pdf"))
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
        check = full_check()
        totals = dict.fromkeys(("pages", "base", "ours", "cached", "check", "check_cached"), 0.0)
        header = f"{'document':28} {'pages':>5} {'base s/p':>9} {'ours s/p':>9} {'cached s/p':>10}"
        print(header + (f" {'check s/p':>9} {'chk-cached':>10}" if check else ""))
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
            if check:
                uncached_check = best_time(lambda p=path: check(p, False), repeat=1)
                check(path, True)  # warm the cache
                cached_check = best_time(lambda p=path: check(p, True), repeat=1)
                totals["check"] += uncached_check
                totals["check_cached"] += cached_check
                row += f" {uncached_check / n:9.4f} {cached_check / n:10.5f}"
            print(row)
        sizes = {path: pages_of(path) for path in pdfs}
        largest = max(pdfs, key=sizes.__getitem__)
        rss = peak_rss_mb(largest)
    ratio = totals["ours"] / totals["base"]
    cached_ratio = totals["cached"] / totals["ours"]
    print(f"\npages: {int(totals['pages'])}")
    print(f"extraction / baseline: {ratio:.3f}x (target <= {TARGET_RATIO}x)")
    print(f"cached / uncached extraction: {cached_ratio:.4f}x (target <= {TARGET_CACHED}x)")
    if check:
        print(f"full check / baseline: {totals['check'] / totals['base']:.3f}x")
        print(f"cached / uncached full check: {totals['check_cached'] / totals['check']:.4f}x")
    print(
        f"peak RSS extracting {largest.name} ({sizes[largest]} pages): {rss:.0f} MB "
        f"(target < {TARGET_RSS_MB} MB)"
    )
    missed = ratio > TARGET_RATIO or cached_ratio > TARGET_CACHED or rss >= TARGET_RSS_MB
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
