"""Speed and memory of `lkjip-audit check` where users feel it, against a plain pdfplumber pass
measured in the same run.

Run: ``make bench`` or ``.venv/bin/python tests/bench/bench_check.py [--reports N]``.

Every number comes from the installed command run as a user runs it (a fresh process). The
baseline is what a straightforward implementation does: one process that opens each report
with pdfplumber and calls ``extract_text()`` and ``extract_tables()`` on every page (pages
closed). The two are run in alternating rounds and the best round of each is kept, because
the machine may be shared; CPU seconds (user + system of the process and its workers) are
reported beside wall seconds, as they move less when other work competes for the cores: the
ratios and the cold start are judged on CPU seconds (wall is printed beside them), the
province on wall seconds (two workers share the cores as a user's would).

Reported, with the targets of issue 19:

- one call: ``check`` over the sample reports, one worker, cache off, / baseline (<= 0.35x);
- per-report calls: one ``check`` process per sample report, cache off, / baseline (<= 0.5x);
- cold start: ``--version``, ``--help``, ``rules list`` and rejecting a file that is no PDF,
  best wall time (<= 0.4 s), and the import time ``python -X importtime`` counts for each;
- peak RSS of any process (parent or worker) checking the province (< 300 MB);
- a province: the first ``--reports`` generated reports (125) with ``--workers 2``, cache
  empty (<= 5 min), then again from the cache (<= 20 s).

The reports are the corpus generator's (``corpus.generate``) with seeds 1, 2, ...; they are
generated once into ``LKJIP_AUDIT_BENCH_DIR`` (default: the user cache folder), outside the
repository, and reused while the generator is unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from corpus.generate import ensure_corpus  # noqa: E402

BIN = Path(sys.executable).parent
COMMAND = str(BIN / "lkjip-audit")
SAMPLE = 5  # reports in the one-call and per-report comparisons
ROUNDS = 2
COLD_RUNS = 5
TARGETS = {
    "one_call": 0.35,
    "per_report": 0.5,
    "cold_start": 0.4,
    "rss_mb": 300,
    "province_uncached": 300.0,
    "province_cached": 20.0,
}
BASELINE = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
"""
# Runs a command and prints the peak RSS (KiB) of its process tree's largest process.
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall and CPU (user + system, children included) seconds of one measured run."""

    wall: float
    cpu: float


def environment(cache: Path) -> dict[str, str]:
    """What the measured processes run with: their own cache folder and compiled bytecode
    kept (as an installed package has it; some shells switch it off)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["LKJIP_AUDIT_CACHE_DIR"] = str(cache)
    return env


def timed(args: Sequence[str], env: dict[str, str]) -> Timing:
    """Run ``args`` to the end (any exit code) and time it."""
    return _timed_run(args, env)[0]


def _timed_run(args: Sequence[str], env: dict[str, str]) -> tuple[Timing, str]:
    """Run ``args`` to the end; its timing (its whole process tree's CPU) and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu), done.stdout.decode(errors="replace")


def best(timings: Sequence[Timing]) -> Timing:
    """The fastest run by wall time and the smallest CPU time: the least disturbed."""
    return Timing(min(t.wall for t in timings), min(t.cpu for t in timings))


def bench_dir() -> Path:
    """Where the generated reports are kept between runs, outside the repository."""
    override = os.environ.get("LKJIP_AUDIT_BENCH_DIR")
    return Path(override) if override else platformdirs.user_cache_path("lkjip-audit-bench")


def province(count: int) -> list[Path]:
    """``count`` generated reports: the corpus of seed 1, then of seed 2, ... (generated once)."""
    reports: list[Path] = []
    seed = 1
    while len(reports) < count:
        folder = bench_dir() / f"seed-{seed}"
        truth = ensure_corpus(folder, seed)
        reports += [folder / d["file"] for d in truth["documents"]]
        seed += 1
    return reports[:count]


def check_args(paths: Sequence[Path], output: Path, *extra: str) -> list[str]:
    """``lkjip-audit check`` of ``paths`` writing JSON to ``output``, never failing on findings."""
    return [
        COMMAND,
        "check",
        *map(str, paths),
        "--format",
        "json",
        "--output",
        str(output),
        "--fail-on",
        "never",
        *extra,
    ]


def compare(sample: Sequence[Path], env: dict[str, str], out: Path) -> dict[str, Timing]:
    """Baseline, one check call, and one check call per report, in alternating rounds."""
    runs: dict[str, list[Timing]] = {"baseline": [], "one_call": [], "per_report": []}
    one_call = check_args(sample, out / "one.json", "--workers", "1", "--no-cache")
    for _ in range(ROUNDS):
        runs["baseline"].append(timed([sys.executable, "-c", BASELINE, *map(str, sample)], env))
        runs["one_call"].append(timed(one_call, env))
        each = [timed(check_args([p], out / "each.json", "--no-cache"), env) for p in sample]
        runs["per_report"].append(Timing(sum(t.wall for t in each), sum(t.cpu for t in each)))
    return {name: best(timings) for name, timings in runs.items()}


def import_seconds(args: Sequence[str], env: dict[str, str]) -> float:
    """Seconds ``python -X importtime`` counts for the imports of the command ``args``."""
    code = "import sys; from lkjip_audit.cli import main; sys.argv[0] = 'lkjip-audit'; main()"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
    )
    total = 0
    for line in done.stderr.splitlines():
        # "import time: self | cumulative | name": top-level imports are not indented.
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit() and not name.startswith("  "):
                total += int(cumulative)
    return total / 1e6


def cold_start(env: dict[str, str], folder: Path) -> dict[str, tuple[Timing, float]]:
    """Best wall/CPU time and import seconds of the commands that must answer at once."""
    not_pdf = folder / "laporan.pdf"
    not_pdf.write_text("Laporan kinerja, disimpan sebagai teks.\n", encoding="utf-8")
    commands = {
        "--version": ["--version"],
        "--help": ["--help"],
        "rules list": ["rules", "list"],
        "reject a non-PDF": ["check", str(not_pdf)],
    }
    results = {}
    for name, args in commands.items():
        timed([COMMAND, *args], env)  # compiles the bytecode once, as an install does
        timing = best([timed([COMMAND, *args], env) for _ in range(COLD_RUNS)])
        results[name] = (timing, import_seconds(args, env))
    return results


def peak_rss_mb(args: Sequence[str], env: dict[str, str]) -> tuple[float, Timing]:
    """Peak RSS (MB) of the largest process (the parent or a worker) running ``args``, and
    the run's timing."""
    timing, out = _timed_run([sys.executable, "-c", PEAK_RSS, *args], env)
    return int(out.strip().splitlines()[-1]) / 1024, timing


def pages(report: Path) -> int:
    """Pages of the documents of a JSON report, as the checker counted them."""
    documents = json.loads(report.read_text(encoding="utf-8"))["documents"]
    return sum(d["pages"] or 0 for d in documents)


def verdict(value: float, target: float) -> str:
    return f"(target <= {target:g}: {'ok' if value <= target else 'MISSED'})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print every number; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=125, help="reports in the province")
    args = parser.parse_args(argv)
    reports = province(max(args.reports, SAMPLE))
    # The table-densest reports (most pages) make the one-call sample.
    sample = sorted(reports[:24], key=lambda p: -p.stat().st_size)[:SAMPLE]
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = environment(folder / "cache")
        timings = compare(sample, env, folder)
        print(f"sample: {SAMPLE} generated reports, {pages(folder / 'one.json')} pages")
        base = timings["baseline"]
        print(f"{'':28} {'wall s':>8} {'cpu s':>8} {'wall x':>7} {'cpu x':>7}")
        for name, label in (
            ("baseline", "plain pdfplumber pass"),
            ("one_call", "one check call, 1 worker"),
            ("per_report", "one check call per report"),
        ):
            t = timings[name]
            print(
                f"{label:28} {t.wall:8.2f} {t.cpu:8.2f} {t.wall / base.wall:7.3f} "
                f"{t.cpu / base.cpu:7.3f}"
            )
        for name in ("one_call", "per_report"):
            ratio = timings[name].cpu / base.cpu
            wall = timings[name].wall / base.wall
            print(
                f"{name} ratio (cpu): {ratio:.3f}x {verdict(ratio, TARGETS[name])}"
                f"; wall {wall:.3f}x"
            )
            missed += [name] if ratio > TARGETS[name] else []

        print("\ncold start (best of 5)     wall s   cpu s  imports s")
        for name, (timing, imports) in cold_start(env, folder).items():
            ok = verdict(timing.cpu, TARGETS["cold_start"])
            print(f"{name:24} {timing.wall:8.3f} {timing.cpu:7.3f} {imports:9.3f}  cpu {ok}")
            missed += [name] if timing.cpu > TARGETS["cold_start"] else []

        chosen = reports[: args.reports]
        cached_env = environment(folder / "province-cache")
        run = check_args(chosen, folder / "province.json", "--workers", "2")
        rss, uncached = peak_rss_mb(run, cached_env)
        print(
            f"\nprovince: {len(chosen)} reports, {pages(folder / 'province.json')} pages, 2 workers"
        )
        cached = timed(run, cached_env)
        for name, timing in (("province_uncached", uncached), ("province_cached", cached)):
            seconds = timing.wall
            print(
                f"{name}: {seconds:.1f} s wall, {timing.cpu:.1f} s CPU (both workers) "
                f"{verdict(seconds, TARGETS[name])}"
            )
            missed += [name] if seconds > TARGETS[name] else []
        print(f"peak RSS of one process: {rss:.0f} MB {verdict(rss, TARGETS['rss_mb'])}")
        missed += ["rss"] if rss > TARGETS["rss_mb"] else []
    print(f"\nload average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("targets missed: " + (", ".join(missed) if missed else "none"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
