"""The sample `make demo` audits: a clean and a flawed synthetic report, and the real seed.

python -m corpus.demo --out corpus/out/demo
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from corpus.generate import build_document, plan_corpus, verify
from corpus.seed_pdf import DEFAULT_TEXT, render_seed_pdf

DEMO_SEED = 1
MIN_DEFECTS = 3


def write_demo(out: Path) -> list[Path]:
    """Write the demo PDFs into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(DEMO_SEED)
    chosen = [
        next(p for p in plans if not p.defects),
        next(p for p in plans if len(p.defects) >= MIN_DEFECTS),
    ]
    written = []
    for plan in chosen:
        built = build_document(plan)
        verify(built)
        path = out / plan.file
        path.write_bytes(built.rendered.pdf)
        written.append(path)
    # The real report is the most instructive sample.
    seed = out / "seed_belakang_padang_2023.pdf"
    render_seed_pdf(DEFAULT_TEXT, seed)
    written.append(seed)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the demo sample."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("corpus/out/demo"))
    args = parser.parse_args(argv)
    for path in write_demo(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
