"""Fuzz: corpus PDFs mutated by hypothesis (bytes flipped, files truncated, objects emptied
or dropped with pikepdf), audited in one batch of up to 100 files per example: no traceback,
a status for every file, no unexpected error, bounded time and memory.

The suite runs LKJIP_FUZZ_MUTATIONS (default 100) mutated files; ``make fuzz`` runs 1,000.
A failing batch is reported as drawn, with its seed to replay it (no shrinking).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_cli import write_report
from tree_memory import run_measured

CLI = Path(sys.executable).with_name("lkjip-audit")
MUTATIONS = int(os.environ.get("LKJIP_FUZZ_MUTATIONS", "100"))
BATCH = min(100, MUTATIONS)  # mutated files per audited batch: one CLI run each
SEED_PAGES = (*range(6), *range(-8, 0))  # the seed's opening and its tables at the end
SECONDS_PER_FILE = 30  # the per-document time limit given to the batch


@dataclass(frozen=True)
class Flip:
    """Overwrite bytes at positions (taken modulo the file's length)."""

    changes: tuple[tuple[int, int], ...]

    def apply(self, data: bytes) -> bytes:
        out = bytearray(data)
        for position, value in self.changes if out else ():
            out[position % len(out)] = value
        return bytes(out)


@dataclass(frozen=True)
class Truncate:
    """Keep only the first ``share`` of the file."""

    share: float

    def apply(self, data: bytes) -> bytes:
        return data[: int(len(data) * self.share)]


@dataclass(frozen=True)
class DropObjects:
    """Empty objects with pikepdf: a key of a dictionary or stream removed, an array
    emptied, a stream's data replaced, or a page deleted (picks taken modulo the counts)."""

    picks: tuple[tuple[int, int], ...]

    def apply(self, data: bytes) -> bytes:
        try:
            return self._dropped(data)
        except (pikepdf.PdfError, RuntimeError, ValueError, KeyError, IndexError, TypeError):
            return data  # too damaged already for qpdf to change: left as it is

    def _dropped(self, data: bytes) -> bytes:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            objects = list(pdf.objects)
            for pick, what in self.picks:
                target = objects[pick % len(objects)]
                if what == 0 and len(pdf.pages) > 1:
                    del pdf.pages[pick % len(pdf.pages)]
                elif what == 1 and isinstance(target, pikepdf.Stream):
                    target.write(bytes(pick % 97))
                elif isinstance(target, pikepdf.Dictionary | pikepdf.Stream) and target.keys():
                    keys = sorted(set(target.keys()) - {"/Length"})  # qpdf keeps /Length
                    if keys:
                        del target[keys[pick % len(keys)]]
                elif isinstance(target, pikepdf.Array) and len(target):
                    del target[pick % len(target)]
            out = io.BytesIO()
            pdf.save(out)
            return out.getvalue()


positions = st.integers(min_value=0, max_value=2**31)
mutations = st.one_of(
    st.builds(
        Flip,
        st.lists(st.tuples(positions, st.integers(0, 255)), min_size=1, max_size=40).map(tuple),
    ),
    st.builds(Truncate, st.floats(min_value=0.0, max_value=1.0)),
    st.builds(
        DropObjects,
        st.lists(st.tuples(positions, st.integers(0, 3)), min_size=1, max_size=6).map(tuple),
    ),
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_pdf) -> list[Path]:
    """The PDFs mutated: a short report with every chapter, and fourteen pages of the seed
    report (its opening, and the tables and recap at its end): small, so that a batch of a
    hundred is audited in about a minute."""
    folder = tmp_path_factory.mktemp("fuzz")
    with pikepdf.open(seed_pdf.path) as seed, pikepdf.new() as excerpt:
        excerpt.pages.extend(seed.pages[index] for index in SEED_PAGES)
        excerpt.save(folder / "seed-petikan.pdf")
    return [write_report(folder / "pendek.pdf"), folder / "seed-petikan.pdf"]


# A mutated file: which corpus PDF, and one to three mutations applied in turn.
mutated_files = st.tuples(st.integers(0, 1), st.lists(mutations, min_size=1, max_size=3))


def _mutate(corpus: list[Path], folder: Path) -> dict[str, str]:
    """Write MUTATIONS files drawn by hypothesis into ``folder``; returns how each was made.

    Hypothesis only draws here: the files are audited afterwards, a hundred per batch (one
    CLI run per batch rather than one per file keeps the suite's share under two minutes).
    """
    made: dict[str, str] = {}

    @settings(
        max_examples=MUTATIONS,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated_files)
    def draw(mutated: tuple[int, list[Flip | Truncate | DropObjects]]) -> None:
        base, steps = mutated
        pdf = corpus[base].read_bytes()
        for step in steps:
            pdf = step.apply(pdf)
        name = f"m{len(made):04}.pdf"
        (folder / name).write_bytes(pdf)
        made[name] = f"{corpus[base].name}: {steps}"

    draw()
    return made


def test_mutated_pdfs_get_a_status_and_no_traceback(corpus, tmp_path):
    made = _mutate(corpus, tmp_path)
    names = sorted(made)
    env = {**os.environ, "LKJIP_AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    statuses: Counter[str] = Counter()
    for start in range(0, len(names), BATCH):
        folder = tmp_path / f"batch-{start // BATCH:02}"
        folder.mkdir()
        for name in names[start : start + BATCH]:
            (tmp_path / name).rename(folder / name)
        out = tmp_path / f"{folder.name}.json"
        done = run_measured(
            [CLI, "check", folder, "--output", out, "--no-cache", "--fail-on", "never",
             "--limit", f"seconds={SECONDS_PER_FILE}"],
            timeout=BATCH * SECONDS_PER_FILE,
            env=env,
        )  # fmt: skip
        assert done.returncode in (0, 2), done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert done.tree_peak_mb < 1536, done
        documents = json.loads(out.read_text())["documents"]
        assert sorted(Path(d["path"]).name for d in documents) == names[start : start + BATCH]
        for document in documents:
            how = made[Path(document["path"]).name]
            assert document["status"] in ("audited", "scanned", "encrypted", "unreadable"), how
            unexpected = [f["message"] for f in document["findings"] if f["rule"] == "EXT003"]
            assert not unexpected, (how, unexpected)
            statuses[document["status"]] += 1
        print(f"{folder.name}: {done.seconds:.0f} s, tree peak {done.tree_peak_mb:.0f} MB")
    print(f"{len(names)} mutated files: {dict(statuses)}")
    assert sum(statuses.values()) == MUTATIONS
