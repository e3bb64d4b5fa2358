"""One part that fails never stops the audit: a recognizer, the attached recap, a rule."""

from __future__ import annotations

from dataclasses import replace

from test_cli import write_report

from lkjip_audit import audit as audit_module
from lkjip_audit.audit import audit_file
from lkjip_audit.recognize import load_recognizers
from lkjip_audit.rules import registry


def broken(*args, **kwargs):
    raise ValueError("kolom tidak dikenal")


def test_failing_recognizer_and_recap_become_notes_and_the_rest_is_checked(
    tmp_path, monkeypatch, ruleset
):
    pdf = write_report(tmp_path / "r.pdf", {5: ["Nilai sebesar [3,18 (contoh)] indeks."]})
    monkeypatch.setitem(load_recognizers(), "budget", broken)
    monkeypatch.setattr(audit_module, "find_attached_rekap", broken)
    result = audit_file(pdf, ruleset, use_cache=False)
    notes = [f for f in result.findings if f.rule == "EXT020"]
    assert len(notes) == 2
    assert any("'budget'" in f.text("id") and "kolom tidak dikenal" in f.text("id") for f in notes)
    assert any("rekap" in f.text("id").lower() for f in notes)
    assert [f.rule for f in result.findings if f.severity.value == "error"] == ["PLH001"]


def test_failing_rule_is_reported_and_the_other_rules_run(tmp_path, monkeypatch, ruleset):
    pdf = write_report(tmp_path / "r.pdf", {5: ["Nilai sebesar [3,18 (contoh)] indeks."]})
    kind = registry.CHECK_KINDS["required-sections"]
    monkeypatch.setitem(
        registry.CHECK_KINDS,
        "required-sections",
        replace(kind, fn=broken),
    )
    result = audit_file(pdf, ruleset, use_cache=False)
    [failed] = [f for f in result.findings if f.rule == "STR001"]
    assert failed.category.value == "extraction" and "STR001" in failed.text("en")
    assert any(f.rule == "PLH001" for f in result.findings)
