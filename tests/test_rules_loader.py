"""The rule set loader: the shipped rules load, profiles extend (a user's file may name a
shipped set as ``lkjip:NAME``), bad files are named."""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import write_report

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


# --- Hostile rule files: each is refused by `check` with exit 2 and one line, no traceback.

CLI = Path(sys.executable).with_name("lkjip-audit")
RULE_HEAD = """rules:
  - id: H1
    category: placeholder
    severity: warning
    title: {id: Judul, en: Title}
"""
PATTERN_RULE = RULE_HEAD + "    message: {id: M, en: M}\n    check: pattern\n"


def expression_rule(expression: str) -> str:
    return (
        RULE_HEAD + "    message: {id: M, en: M}\n    check: expression\n"
        f"    params: {{table: persons, assert: {json.dumps(expression)}}}\n"
    )


def billion_laughs(levels: int = 9) -> str:
    """Nine levels of nine aliases each: 9**9 'lol's once expanded, in under 1 kB."""
    names = "abcdefghijk"[:levels]
    parts = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    parts += [f"&{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in itertools.pairwise(names)]
    return (
        RULE_HEAD + "    message: {id: M, en: M}\n    check: pattern\n"
        f"    params: {{patterns: [TBD]}}\n    why: {{id: [{', '.join(parts)}], en: x}}\n"
    )


HOSTILE = {
    "billion-laughs": (billion_laughs(), "expands its aliases"),
    "too-large": ("# " + "x" * 1_000_001 + "\n", "at most 1,000,000"),
    "alias-cycle": ("rules:\n  - &a {id: X1, why: *a}\n", "contains itself through an alias"),
    "nested-deep": ("rules: " + "[" * 50_000 + "]" * 50_000 + "\n", "is nested too deeply"),
    "include-absolute": ("include: /etc/passwd\n", "include '/etc/passwd' points outside"),
    "include-parent": ("include: ../../x.yaml\n", "include '../../x.yaml' points outside"),
    "include-shipped-escape": ("include: lkjip:../../../etc/passwd\n", "outside the shipped sets"),
    "extends-absolute": ("extends: /etc/hostname\n", "extends '/etc/hostname' points outside"),
    "include-number": ("include: 5\n", "'include' must be a rule file name or a list"),
    "include-mapping": ("include: [{a: 1}]\n", "'include' must list rule file names"),
    "override-list": ("override: [1, 2]\n", "'override' must be a mapping of rule ids"),
    "override-value": (
        "extends: lkjip:default\noverride: {PLH001: 5}\n",
        "rule PLH001: 'override' must map the rule to the keys it changes; got a number",
    ),
    "override-params": (
        "extends: lkjip:default\noverride: {PLH001: {params: [1]}}\n",
        "rule PLH001: 'override.params' must be a mapping",
    ),
    "disable-number": ("disable: 5\n", "'disable' must be a rule id or a list of rule ids"),
    "disable-mapping": ("disable: [{a: 1}]\n", "'disable' must list rule ids"),
    "settings-list": ("settings: [1]\n", "'settings' must be a mapping"),
    "settings-type": ("settings: {capaian_cap: seratus}\n", "setting 'capaian_cap' is 'seratus'"),
    "rules-number": ("rules: 5\n", "'rules' must be a list of rules"),
    "rule-id-markup": ("rules:\n  - id: '[bold red]X'\n", "rule id '[bold red]X' must be"),
    "message-markup": (
        RULE_HEAD.replace("title: {id: Judul", "title: {id: '<script>x</script>'")
        + "    message: {id: M, en: M}\n    check: pattern\n    params: {patterns: [TBD]}\n",
        "rule H1: 'title.id' holds markup '<script>'",
    ),
    "rich-markup": (
        PATTERN_RULE.replace("message: {id: M,", "message: {id: '[/bold] M',")
        + "    params: {patterns: [TBD]}\n",
        "rule H1: 'message.id' holds markup '[/bold]'",
    ),
    "message-attribute": (
        PATTERN_RULE.replace("message: {id: M,", "message: {id: '{match.__class__}',")
        + "    params: {patterns: [TBD]}\n",
        "rule H1: 'message.id' has field {match.__class__}",
    ),
    "why-not-text": (
        PATTERN_RULE + "    params: {patterns: [TBD]}\n    why: {id: [1, 2], en: x}\n",
        "rule H1: 'why.id' must be text; got a list",
    ),
    "expression-dunder": (
        expression_rule("().__class__.__subclasses__()"),
        "rule H1: check expression: param 'assert' reads '__subclasses__'",
    ),
    "expression-power": (expression_rule("9**9**9 > 0"), "I don't want to evaluate 9 ** 387420489"),
    "expression-string": (
        expression_rule("'a' * 10**10 == nip"),
        "beyond simpleeval's limits (Sorry, I will not evaluate something that long.)",
    ),
    "expression-lambda": (expression_rule("(lambda x: x)(1)"), "'assert' uses a lambda"),
    "expression-comprehension": (
        expression_rule("[c for c in nip] == []"),
        "'assert' uses a comprehension",
    ),
    "expression-long": (expression_rule("1 + " * 600 + "1 > 0"), "at most 2,000 are allowed"),
    "pattern-lookbehind": (
        PATTERN_RULE + "    params: {patterns: ['(?<=a)b']}\n",
        "rule H1: check pattern: param 'patterns[0]' '(?<=a)b' is not a valid regular expression",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return write_report(tmp_path_factory.mktemp("hostile") / "laporan.pdf")


def check_with(report: Path, rules: Path, *extra: str) -> subprocess.CompletedProcess:
    """``lkjip-audit check`` run as a user runs it; its address space is capped at 2 GB so that
    an expansion bomb fails the test instead of the machine."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [CLI, "check", report, "--rules", rules, "--workers", "1", "--no-cache", *extra],
        capture_output=True,
        text=True,
        timeout=300,  # a guard against a hang, not a speed requirement
        preexec_fn=cap_memory,
        check=False,
    )


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_rule_file_is_one_line_and_exit_2(tmp_path, report, case):
    body, problem = HOSTILE[case]
    rules = write(tmp_path, "hostile.yaml", body)
    done = check_with(report, rules)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "hostile.yaml" in done.stderr and problem in done.stderr, done.stderr


def test_links_fifos_and_fan_outs_are_refused(tmp_path):
    (tmp_path / "link.yaml").symlink_to("/etc/passwd")
    with pytest.raises(RuleSetError, match=r"'link\.yaml' leads outside its folder"):
        load_ruleset(write(tmp_path, "a.yaml", "include: link.yaml\n"))
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(RuleSetError, match=r"pipe\.yaml: is not a regular file"):
        load_ruleset(write(tmp_path, "b.yaml", "include: pipe.yaml\n"))
    # Ten files each including the next one ten times: 10**10 loads if nothing counted them.
    for level in range(10):
        write(tmp_path, f"f{level}.yaml", f"include: [{', '.join([f'f{level + 1}.yaml'] * 10)}]\n")
    write(tmp_path, "f10.yaml", "rules:" + GOOD_RULE.format(id="F1"))
    with pytest.raises(RuleSetError, match="loads more than 100 rule files"):
        load_ruleset(tmp_path / "f0.yaml")


def test_a_file_in_a_subfolder_and_a_shipped_set_may_be_named(tmp_path):
    (tmp_path / "mine").mkdir()
    write(tmp_path / "mine", "extra.yaml", "rules:" + GOOD_RULE.format(id="SUB001"))
    loaded = load_ruleset(
        write(tmp_path, "p.yaml", "extends: lkjip:imigrasi\ninclude: mine/*.yaml\n")
    )
    assert loaded.get("SUB001") and loaded.get("PLH001")


def test_a_catastrophic_pattern_runs_in_linear_time(tmp_path, report):
    rules = write(tmp_path, "redos.yaml", PATTERN_RULE + "    params: {patterns: ['(a+)+$']}\n")
    line = "a" * 80 + "!"  # with a backtracking engine: 2**80 steps before "no match"
    long_report = write_report(tmp_path / "long.pdf", {1: [line, "aaaa"]})
    done = check_with(long_report, rules, "--format", "json", "--fail-on", "warning")
    assert done.returncode == 1, done.stderr
    found = [f for f in json.loads(done.stdout)["documents"][0]["findings"] if f["rule"] == "H1"]
    assert [f["stated"] for f in found] == ["aaaa"], "only the line that ends in a's matches"


def test_an_expression_failing_on_a_document_is_an_extraction_error(tmp_path):
    rules = write(tmp_path, "fails.yaml", expression_rule("nip * 10**10 == ''"))
    signed = write_report(tmp_path / "signed.pdf", {1: ["Kepala Kantor,", "Siti Aminah",
                                                       "NIP. 198708252008012001"]})  # fmt: skip
    done = check_with(signed, rules, "--format", "json", "--fail-on", "error")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    [note] = [f for f in json.loads(done.stdout)["documents"][0]["findings"] if f["rule"] == "H1"]
    assert note["category"] == "extraction" and note["severity"] == "error"
    assert "Aturan H1 tidak dapat dijalankan" in note["message"]
