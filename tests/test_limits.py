"""Limits per document: bombs are refused with the limit named, a worker that dies, overruns
its time or runs out of memory takes only its own document, and what is not a regular file
is skipped without waiting on it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bomb_pdf import fan_out_bomb, flate_bomb, huge_page, pixel_bomb
from test_cli import write_report
from tree_memory import run_measured

from lkjip_audit import batch
from lkjip_audit.audit import audit_file
from lkjip_audit.batch import audit_many, find_pdfs
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.limits import LimitError, Limits, parse_limits

CLI = Path(sys.executable).with_name("lkjip-audit")


def test_defaults_overrides_and_bad_values():
    assert Limits.resolve(None) == Limits()
    custom = Limits.resolve({"pages": 10, "seconds": 1.5})
    assert (custom.pages, custom.seconds, custom.stream_mb) == (10, 1.5, Limits().stream_mb)
    assert Limits.resolve(custom) is custom
    assert parse_limits(["pages=10", "seconds=1.5"]) == custom
    assert isinstance(parse_limits(["memory-mb=512"]).memory_mb, float)
    for bad in ({"pagez": 1}, {"pages": 0}, {"pages": 2.5}, {"seconds": -1}, {"pages": True}):
        with pytest.raises(LimitError):
            Limits.resolve(bad)
    for bad in (["pages"], ["pages=many"], ["seconds=inf"]):
        with pytest.raises(LimitError):
            parse_limits(bad)
    with pytest.raises(AttributeError):  # frozen
        Limits().pages = 1  # type: ignore[misc]


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "page_area": huge_page(folder / "halaman-raksasa.pdf"),
        "stream_mb": flate_bomb(folder / "flate.pdf", size=256 << 20),
        "xobject_uses": fan_out_bomb(folder / "kipas.pdf"),
        "xobject_depth": fan_out_bomb(folder / "sarang.pdf", fan=1, depth=40),
        "image_megapixels": pixel_bomb(folder / "piksel.pdf", side=12_000),
        "pages": write_report(folder / "tujuh-halaman.pdf"),
    }


@pytest.mark.parametrize(
    "limit", ["page_area", "stream_mb", "xobject_uses", "xobject_depth", "image_megapixels"]
)
def test_a_bomb_is_refused_with_its_limit_named(bombs, ruleset, limit):
    result = audit_file(bombs[limit], ruleset, use_cache=False)
    assert result.status is DocumentStatus.UNREADABLE
    [finding] = result.findings
    assert f"--limit {limit}=" in finding.text("id") and "tidak diperiksa" in finding.text("id")
    assert "not checked" in finding.text("en")


def test_a_limit_can_be_lowered_and_raised(bombs, ruleset):
    report = bombs["pages"]
    refused = audit_file(report, ruleset, use_cache=False, limits=Limits(pages=3))
    assert refused.status is DocumentStatus.UNREADABLE
    assert "7 halaman, melebihi batas 3 halaman" in refused.findings[0].text("id")
    assert audit_file(report, ruleset, use_cache=False).status is DocumentStatus.AUDITED
    huge = audit_file(bombs["page_area"], ruleset, use_cache=False, limits=Limits(page_area=5e4))
    assert huge.status is DocumentStatus.AUDITED


def misbehave(path: Path, *args, **kwargs):
    """What the audit of each named file does in the worker (inherited through fork)."""
    if path.stem == "exit":
        os._exit(7)
    if path.stem == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if path.stem == "slow":
        time.sleep(120)
    if path.stem == "hungry":
        return bytearray(4 << 30)
    return audit_file(path, *args, **kwargs)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_that_dies_takes_only_its_own_document(tmp_path, ruleset, monkeypatch, workers):
    good = write_report(tmp_path / "baik.pdf")
    names = ["exit", "baik-1", "kill", "slow", "baik-2", "hungry", "baik-3"]
    paths = []
    for name in names:
        paths.append(tmp_path / f"{name}.pdf")
        paths[-1].write_bytes(good.read_bytes())
    monkeypatch.setattr(batch, "audit_file", misbehave)
    started = time.monotonic()
    limits = Limits(seconds=40, memory_mb=512)  # roomy: a loaded machine is slow
    results = audit_many(paths, ruleset, workers=workers, use_cache=False, limits=limits)
    assert time.monotonic() - started < 110  # the slow one is killed at 40 s, not at 120
    by_name = {Path(r.path).stem: r for r in results}
    assert [Path(r.path).stem for r in results] == names
    for name in ("baik-1", "baik-2", "baik-3"):
        assert by_name[name].status is DocumentStatus.AUDITED
    for name in ("exit", "kill", "slow", "hungry"):
        assert by_name[name].status is DocumentStatus.UNREADABLE
    text = {name: by_name[name].findings[0].text("en") for name in ("exit", "kill", "slow")}
    assert "exit 7" in text["exit"] and "SIGKILL" in text["kill"]
    assert "memory limit of 512 MB" in text["kill"]
    assert "time limit of 40 seconds" in text["slow"]
    hungry = by_name["hungry"].findings[0]
    assert "batas memori 512 MB" in hungry.text("id") and "--limit memory_mb=" in hungry.text("en")


def test_a_real_bomb_past_the_structure_check_meets_the_memory_limit(bombs, ruleset):
    """With the stream limit lifted, the Flate bomb reaches pdfium: the worker's address
    space limit stops it, and the report next to it is audited."""
    limits = Limits(stream_mb=1e5, memory_mb=300)
    paths = [bombs["stream_mb"], bombs["pages"]]
    bomb, report = audit_many(paths, ruleset, workers=1, use_cache=False, limits=limits)
    assert bomb.status is DocumentStatus.UNREADABLE and "300 MB" in bomb.findings[0].text("en")
    assert report.status is DocumentStatus.AUDITED


@pytest.fixture
def odd_folder(tmp_path) -> Path:
    folder = tmp_path / "map"
    folder.mkdir()
    write_report(folder / "laporan.pdf")
    os.mkfifo(folder / "antrean.pdf")
    (folder / "nol.pdf").symlink_to("/dev/zero")
    (folder / "hilang.pdf").symlink_to(folder / "tidak-ada.pdf")
    (folder / "folder.pdf").mkdir()
    return folder


def test_only_regular_files_are_inputs(odd_folder):
    inputs = find_pdfs([odd_folder, odd_folder / "nol.pdf", odd_folder / "antrean.pdf"])
    assert [p.name for p in inputs.pdfs] == ["laporan.pdf"]
    assert sorted(p.name for p in inputs.not_regular) == [
        "antrean.pdf",
        "antrean.pdf",
        "hilang.pdf",
        "nol.pdf",
        "nol.pdf",
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fifo_and_device_are_skipped_without_waiting(odd_folder, lang):
    done = subprocess.run(
        [CLI, "check", odd_folder, odd_folder / "nol.pdf", "--no-cache", "--lang", lang],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stderr.splitlines() if "antrean.pdf" in line]
    word = "bukan berkas biasa" if lang == "id" else "not a regular file"
    assert len(skipped) == 1 and word in skipped[0]
    assert sum("nol.pdf" in line and word in line for line in done.stderr.splitlines()) == 2
    assert "Traceback" not in done.stderr
    assert ("1 dokumen: 0 kesalahan" if lang == "id" else "1 document(s): 0 error") in done.stdout


def test_extract_of_a_fifo_does_not_wait(odd_folder):
    done = subprocess.run(
        [CLI, "extract", odd_folder / "antrean.pdf", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "bukan berkas biasa" in done.stdout + done.stderr


def test_a_bad_limit_is_a_usage_error(tmp_path):
    report = write_report(tmp_path / "laporan.pdf")
    done = subprocess.run(
        [CLI, "check", report, "--limit", "halaman=5"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert "unknown limit halaman" in line and "pages" in line


@pytest.mark.skipif(sys.platform != "linux", reason="measures memory in /proc")
def test_a_batch_with_bombs_stays_small_and_audits_the_good_reports(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    bombs = {
        "a-halaman-raksasa.pdf": (huge_page, "page_area"),
        "b-flate.pdf": (flate_bomb, "stream_mb"),
        "c-kipas.pdf": (fan_out_bomb, "xobject_uses"),
        "d-piksel.pdf": (pixel_bomb, "image_megapixels"),
    }
    for name, (build, _) in bombs.items():
        build(folder / name)
    for index in range(26):  # each report its own file: nothing is answered from a cache
        write_report(folder / f"laporan-{index:02}.pdf", {5: [f"Catatan nomor {index}."]})
    out = tmp_path / "hasil.json"
    env = {**os.environ, "LKJIP_AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    done = run_measured([CLI, "check", folder, "--output", out, "--no-cache"], 600, env)
    print(
        f"30 files: {done.seconds:.1f} s, tree peak {done.tree_peak_mb:.0f} MB, "
        f"largest process {done.process_peak_mb:.0f} MB"
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert done.tree_peak_mb < 1536 and done.process_peak_mb < 1536
    documents = {Path(d["path"]).name: d for d in json.loads(out.read_text())["documents"]}
    assert len(documents) == 30
    for name, (_, limit) in bombs.items():
        assert documents[name]["status"] == "unreadable"
        assert f"--limit {limit}=" in json.dumps(documents[name]["findings"])
    good = [d for name, d in documents.items() if name.startswith("laporan")]
    assert len(good) == 26 and all(d["status"] == "audited" for d in good)
