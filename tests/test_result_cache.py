"""The result cache: an unchanged file with unchanged rules is answered from the cache; a
changed rule set or file is audited again."""

from __future__ import annotations

import shutil

import pytest
from test_cli import write_report

from lkjip_audit import audit as audit_module
from lkjip_audit.audit import audit_file
from lkjip_audit.rules.loader import load_ruleset


def test_second_check_is_answered_from_the_cache(tmp_path, monkeypatch, ruleset):
    pdf = write_report(tmp_path / "r.pdf", {5: ["Nilai sebesar [3,18 (contoh)] indeks."]})
    first = audit_file(pdf, ruleset)
    assert [f.rule for f in first.findings if f.severity.value == "error"] == ["PLH001"]

    def no_audit(*args, **kwargs):
        raise AssertionError("audited again instead of using the cache")

    monkeypatch.setattr(audit_module, "_audit", no_audit)
    copy = tmp_path / "copy.pdf"
    shutil.copy(pdf, copy)
    again = audit_file(copy, ruleset)
    assert again.path == str(copy)
    assert again.findings == first.findings
    # Without the cache, the document is audited (and here the stub says so).
    with pytest.raises(AssertionError, match="audited again"):
        audit_file(pdf, ruleset, use_cache=False)


def test_edited_rules_and_edited_file_miss_the_cache(tmp_path, ruleset):
    pdf = write_report(tmp_path / "r.pdf", {5: ["Nilai sebesar [3,18 (contoh)] indeks."]})
    assert audit_file(pdf, ruleset).findings
    profile = tmp_path / "profile.yaml"
    profile.write_text("extends: lkjip:default\ndisable: [PLH001]\n", encoding="utf-8")
    edited_rules = load_ruleset(profile)
    assert not [f for f in audit_file(pdf, edited_rules).findings if f.rule == "PLH001"]
    write_report(pdf)
    assert not [f for f in audit_file(pdf, ruleset).findings if f.rule == "PLH001"]
