"""The rule set loader: the shipped rules load, profiles extend (a user's file may name a
shipped set as ``lkjip:NAME``), bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_audit.findings import Severity
from lkjip_audit.rules.loader import RuleSetError, load_ruleset

GOOD_RULE = """
  - id: {id}
    category: placeholder
    severity: warning
    title: {{id: Judul, en: Title}}
    check: pattern
    params: {{patterns: ["TBD"]}}
    message: {{id: "Ada {{match}}", en: "Found {{match}}"}}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_rules_load_with_both_languages(ruleset):
    assert ruleset.rules, "the shipped rule set has rules"
    for rule in ruleset.rules:
        assert rule.message["id"] and rule.message["en"], rule.id
        assert rule.title["id"] and rule.title["en"], rule.id
    assert len(ruleset.sha256) == 64


def test_profile_extends_disables_and_overrides(tmp_path):
    base = write(
        tmp_path, "base.yaml", "rules:" + GOOD_RULE.format(id="X001") + GOOD_RULE.format(id="X002")
    )
    profile = write(
        tmp_path,
        "profile.yaml",
        f"extends: {base.name}\nsettings: {{capaian_cap: 100}}\ndisable: [X002]\n"
        "override: {X001: {severity: error, params: {patterns: ['XXX']}}}\n",
    )
    loaded = load_ruleset(profile)
    assert [r.id for r in loaded.rules] == ["X001"]
    assert loaded.rules[0].severity is Severity.ERROR
    assert loaded.rules[0].params.patterns == ("XXX",)
    assert loaded.settings == {"capaian_cap": 100}
    assert loaded.sha256 != load_ruleset(base).sha256


def test_shipped_sets_are_named_by_their_lkjip_name(ruleset):
    assert ruleset.source == "lkjip:default"
    assert ruleset.get("PLH001").source == "lkjip:lkjip/text"
    imigrasi = load_ruleset("lkjip:imigrasi")
    assert imigrasi.source == "lkjip:imigrasi"
    assert {r.id for r in imigrasi.rules} == {r.id for r in ruleset.rules}
    assert imigrasi.settings["lower_is_better"]


def test_user_profile_extends_a_shipped_set_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "mine.yaml", "rules:" + GOOD_RULE.format(id="USR001"))
    profile = write(
        tmp_path,
        "kantor.yaml",
        "extends: lkjip:imigrasi\ninclude: mine.yaml\nsettings: {capaian_cap: 120}\n"
        "disable: [PLH001]\n",
    )
    loaded = load_ruleset(profile)
    ids = {r.id for r in loaded.rules}
    assert "USR001" in ids and "PLH001" not in ids and "NIP001" in ids
    assert loaded.settings["capaian_cap"] == 120
    assert loaded.settings["lower_is_better"], "the imigrasi settings are inherited"
    assert loaded.source == "kantor.yaml"
    assert loaded.get("USR001").source == "mine.yaml"


def test_include_names_one_shipped_file(tmp_path):
    budget = load_ruleset(write(tmp_path, "b.yaml", "include: lkjip:lkjip/budget.yaml\n"))
    assert budget.rules and all(r.id.startswith("BUD") for r in budget.rules)


def test_unknown_shipped_set_is_named(tmp_path):
    with pytest.raises(RuleSetError, match="lkjip:nope: cannot be read"):
        load_ruleset(write(tmp_path, "p.yaml", "extends: lkjip:nope\n"))
    with pytest.raises(RuleSetError, match="lkjip:nope: no such rule file"):
        load_ruleset("lkjip:nope")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("rules:\n  - id: B1\n    category: nope\n", "category must be one of"),
        (
            "rules:" + GOOD_RULE.format(id="B1").replace("check: pattern", "check: magic"),
            "unknown check 'magic'",
        ),
        (
            "rules:" + GOOD_RULE.format(id="B1").replace(', en: "Found {match}"', ""),
            "'message' has no text for en",
        ),
        (
            "rules:" + GOOD_RULE.format(id="B1").replace('["TBD"]', '["(unclosed"]'),
            "not a valid regular expression",
        ),
        ("rules:" + GOOD_RULE.format(id="B1").replace("params:", "parms:"), "unknown key"),
        ("disable: [NOPE]\n", "disable names a rule that is not loaded"),
        ("rules: [\n", "is not valid YAML"),
    ],
)
def test_malformed_rule_sets_name_file_rule_and_problem(tmp_path, body, problem):
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(RuleSetError) as raised:
        load_ruleset(path)
    assert problem in str(raised.value)
    assert "bad.yaml" in str(raised.value)


def test_rule_id_is_named_in_the_error(tmp_path):
    path = write(
        tmp_path, "bad.yaml", "rules:" + GOOD_RULE.format(id="B7").replace("warning", "fatal")
    )
    with pytest.raises(RuleSetError, match="rule B7: severity must be"):
        load_ruleset(path)


def test_extends_cycle_is_refused(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    with pytest.raises(RuleSetError, match="cycle"):
        load_ruleset(tmp_path / "a.yaml")


def test_expression_names_are_checked_when_loading(tmp_path):
    rule = """
rules:
  - id: E1
    category: placeholder
    severity: info
    title: {id: a, en: b}
    check: expression
    params: {table: placeholders, assert: "__import__('os') is None"}
    message: {id: a, en: b}
"""
    with pytest.raises(RuleSetError, match="unknown name"):
        load_ruleset(write(tmp_path, "expr.yaml", rule))
