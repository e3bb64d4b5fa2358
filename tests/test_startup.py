"""What a command imports: the commands a user runs to look around (version, help, the rules)
and the rejection of a file that is no PDF never load the heavy libraries that reading and
checking a report needs (pandas, pandera, pdfplumber, the report writers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

HEAVY = ("pandas", "pandera", "numpy", "pdfplumber", "pdfminer", "jinja2", "openpyxl", "PIL")

# Runs the command line as the installed script does, then names the heavy modules loaded.
PROBE = """
import json, sys
sys.argv = ["lkjip-audit", *sys.argv[1:]]
from lkjip_audit.cli import main
try:
    main()
except SystemExit as end:
    code = end.code
else:
    code = 0
heavy = sorted(name for name in json.loads(HEAVY) if name in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def probe(args: list[str], tmp_path: Path) -> tuple[int, list[str], str]:
    """Exit code, heavy modules imported, and stdout of ``lkjip-audit ARGS`` in a fresh
    interpreter (with its own cache folder)."""
    env = {**os.environ, "LKJIP_AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.replace("HEAVY", repr(json.dumps(HEAVY))), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["heavy"], done.stdout


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--version"], 0, "0."),
        (["--help"], 0, "check"),
        (["rules", "list"], 0, "NIP001"),
        (["rules", "explain", "NIP001"], 0, "NIP001"),
    ],
)
def test_looking_around_loads_no_heavy_library(args, code, says, tmp_path):
    exit_code, heavy, out = probe(args, tmp_path)
    assert exit_code == code
    assert says in out
    assert heavy == []


@pytest.mark.parametrize(
    "content", [b"", b"LAPORAN KINERJA 2023\nberkas teks biasa.\n"], ids=["empty", "text"]
)
def test_rejecting_a_file_that_is_no_pdf_loads_no_heavy_library(content, tmp_path):
    bad = tmp_path / "laporan.pdf"
    bad.write_bytes(content)
    exit_code, heavy, out = probe(["check", str(bad), "--format", "json"], tmp_path)
    assert exit_code == 2  # nothing readable
    assert json.loads(out)["documents"][0]["findings"][0]["rule"] == "EXT001"
    assert heavy == []


def test_checking_a_real_pdf_loads_what_it_needs(tmp_path):
    """The probe sees imports: reading a PDF's tables and facts does load the heavy parts."""
    good = tmp_path / "laporan.pdf"
    pdf = canvas.Canvas(str(good), invariant=1)
    pdf.drawString(72, 780, "LAPORAN KINERJA Kantor Imigrasi Kelas I TPI Batam Tahun 2023")
    pdf.save()
    # `check` audits in worker processes; `extract --facts` reads in this one.
    exit_code, heavy, out = probe(
        ["extract", str(good), "--facts", "indicators", "--format", "json"], tmp_path
    )
    assert exit_code == 0
    assert json.loads(out) == []
    assert {"pandas", "pandera", "pdfplumber"} <= set(heavy)
