"""Run a command and measure what its whole process tree costs: wall time, the peak of the
tree's summed resident memory (sampled from /proc), and the largest peak of any one process
in it (``getrusage(RUSAGE_CHILDREN)`` in a wrapper that runs nothing else)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
SAMPLE_SECONDS = 0.05
# Runs the command, then reports the largest resident peak of its descendants (in KB).
WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[2:], check=False)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(json.dumps({"code": done.returncode, "peak_kb": peak}))
"""


@dataclass(frozen=True)
class Measured:
    """What a command did and cost."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    tree_peak_mb: float
    """Highest sum of the resident memory of every process in the tree at one moment."""
    process_peak_mb: float
    """Highest resident memory of any one process of the tree (from the kernel)."""


def _resident_kb(pid: str) -> int:
    try:
        for line in (PROC / pid / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def _tree(root: int) -> list[str]:
    """``root`` and its descendants, from every process's parent in /proc."""
    children: dict[str, list[str]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = stat.rsplit(")", 1)[1].split()[1]
        children.setdefault(parent, []).append(entry.name)
    found, todo = [], [str(root)]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def run_measured(args: list[object], timeout: float, env: dict[str, str] | None = None) -> Measured:
    """Run ``args`` (through the wrapper) and measure it; raises on ``timeout``."""
    handle, name = tempfile.mkstemp(suffix=".json")
    os.close(handle)
    report = Path(name)
    process = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, report, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, sum(_resident_kb(pid) for pid in _tree(process.pid)))
            stop.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.monotonic()
    sampler.start()
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        stop.set()
        sampler.join()
    seconds = time.monotonic() - started
    wrapped = json.loads(report.read_text())
    report.unlink()
    return Measured(wrapped["code"], out, err, seconds, peak / 1024, wrapped["peak_kb"] / 1024)
