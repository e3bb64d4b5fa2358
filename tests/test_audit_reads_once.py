"""Auditing one file reads it once: the hash that identifies it in the result cache is the one
taken while checking that it is a PDF, and a file that is no PDF is answered before the
extraction (pdfplumber, the preflight, OCR) is loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reportlab.pdfgen import canvas

from lkjip_audit import result_cache
from lkjip_audit.audit import audit_file
from lkjip_audit.findings import DocumentStatus
from lkjip_audit.pdf import opening
from lkjip_audit.rules.loader import load_ruleset

# Audits the file named in argv[1] in a fresh interpreter and names the extraction modules
# that were loaded.
PROBE = """
import json, sys
from pathlib import Path
from lkjip_audit.audit import audit_file
from lkjip_audit.rules.loader import load_ruleset
result = audit_file(Path(sys.argv[1]), load_ruleset(None), use_cache=False)
heavy = ("lkjip_audit.extract.document", "pdfplumber", "pikepdf")
loaded = [m for m in heavy if m in sys.modules]
rule = result.findings[0].rule
print(json.dumps({"status": result.status.value, "rule": rule, "loaded": loaded}))
"""


def _report(path: Path) -> None:
    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.drawString(72, 720, "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023")
    pdf.drawString(72, 700, "Capaian kinerja 95,50 % dari target 100 %.")
    pdf.save()


def test_a_pdf_is_hashed_once_per_audit(tmp_path, monkeypatch):
    monkeypatch.setenv("LKJIP_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    report = tmp_path / "laporan.pdf"
    _report(report)
    reads: list[Path] = []
    hash_and_sniff = opening._hash_and_sniff
    file_digest = result_cache._file_digest
    monkeypatch.setattr(
        opening, "_hash_and_sniff", lambda p: (reads.append(p), hash_and_sniff(p))[1]
    )
    monkeypatch.setattr(
        result_cache, "_file_digest", lambda p: (reads.append(p), file_digest(p))[1]
    )

    first = audit_file(report, load_ruleset(None))
    assert first.status is DocumentStatus.AUDITED
    assert reads == [report]

    reads.clear()
    again = audit_file(report, load_ruleset(None))  # from the result cache
    assert reads == [report]
    assert again.sha256 == first.sha256
    assert [f.rule for f in again.findings] == [f.rule for f in first.findings]


def test_a_file_that_is_no_pdf_is_answered_without_the_extraction(tmp_path):
    text = tmp_path / "laporan.pdf"
    text.write_text("Laporan kinerja, disimpan sebagai teks.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(text)], capture_output=True, text=True, check=True
    )
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer == {"status": "unreadable", "rule": "EXT001", "loaded": []}
