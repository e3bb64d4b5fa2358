"""Strict rule files: each check kind's parameters are a typed dataclass, checked on load."""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_cli import run

from lkjip_audit.rules import registry
from lkjip_audit.rules.checks.indicators import ClaimParams
from lkjip_audit.rules.loader import RuleSetError, load_ruleset
from lkjip_audit.rules.params import NoParams, Params
from lkjip_audit.rules.patterns import PatternError, compile_pattern
from lkjip_audit.rules.registry import CHECK_KINDS, check_kind, load_check_kinds
from lkjip_audit.rules.safe_expression import ExpressionError, check_expression

RULES = Path(__file__).resolve().parents[1] / "rules"

CLAIM_RULE = """
rules:
  - id: CLM002
    category: percentage
    severity: error
    title: {{id: Klaim, en: Claim}}
    check: claim
    params: {params}
    message: {{id: "{{stated}}", en: "{{stated}}"}}
"""

SCALE_RULE = """
rules:
  - id: MUT009
    category: mutu-category
    severity: error
    title: {id: Mutu, en: Quality}
    check: interval-category
    params:
      scales:
        - min: 1
          max: 4
          bands: [{from: 1, letter: D, name: Tidak Baik}, {from: 2.6, name: Kurang Baik}]
    message: {id: m, en: m}
"""


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def claim_rules(tmp_path: Path, params: str) -> Path:
    return write(tmp_path, CLAIM_RULE.format(params=params))


def one_line(text: str) -> str:
    """CLI output with rich's line wrapping undone."""
    return " ".join(text.split())


def problem(path: Path) -> str:
    with pytest.raises(RuleSetError) as raised:
        load_ruleset(path)
    return str(raised.value)


def test_validate_refuses_a_misspelt_value_and_names_the_allowed_ones(tmp_path):
    path = claim_rules(tmp_path, "{kind: grwoth}")
    result = run("rules", "validate", path)
    assert result.exit_code == 2
    assert (
        "user.yaml, rule CLM002: check claim: param 'kind' is 'grwoth'; "
        "allowed: growth, difference, average" in one_line(result.output)
    )


def test_validate_accepts_the_same_rule_spelt_right(tmp_path):
    result = run("rules", "validate", claim_rules(tmp_path, "{kind: growth}"))
    assert result.exit_code == 0, result.output
    assert "OK: 1 rules" in result.output


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            "{kind: growth, place: [pk]}",
            "param 'place' is not a parameter; known: kind, places, exclude_places, min_indicators",
        ),
        ("{places: [pk]}", "param 'kind' is missing; expected text; allowed: growth, difference"),
        ("{kind: growth, min_indicators: '2'}", "param 'min_indicators' is '2'; expected whole"),
        ("{kind: growth, min_indicators: true}", "param 'min_indicators' is True; expected whole"),
        ("{kind: [growth]}", "param 'kind' is ['growth']; expected text; allowed: growth"),
        ("{kind: growth, places: pk}", "param 'places' is 'pk'; expected list of text; allowed:"),
        (
            "{kind: growth, places: [pk, bab5]}",
            "param 'places[1]' is 'bab5'; allowed: ikhtisar, pk, bab2, bab3-table",
        ),
    ],
)
def test_unknown_missing_and_mistyped_params_are_named(tmp_path, params, message):
    text = problem(claim_rules(tmp_path, params))
    assert "user.yaml, rule CLM002: check claim: " in text
    assert message in text


def test_a_nested_param_is_named_by_its_path(tmp_path):
    text = problem(write(tmp_path, SCALE_RULE))
    assert "param 'scales[0].bands[1].letter' is missing; expected text" in text


def test_numbers_in_text_and_text_in_numbers_are_refused(tmp_path):
    rule = CLAIM_RULE.replace("check: claim", "check: range").format(
        params="{table: skm_values, values: {role: skm}, min: one, max: 4}"
    )
    assert "param 'min' is 'one'; expected number" in problem(write(tmp_path, rule))
    rule = CLAIM_RULE.replace("check: claim", "check: budget-sum").format(
        params="{columns: [pagu, 2024]}"
    )
    assert "param 'columns[1]' is 2024; expected text; allowed: pagu, realisasi, volume" in (
        problem(write(tmp_path, rule))
    )


def test_a_bad_value_in_an_override_names_the_profile(tmp_path):
    base = write(tmp_path, CLAIM_RULE.format(params="{kind: growth}"), "base.yaml")
    profile = write(
        tmp_path,
        f"extends: {base.name}\noverride: {{CLM002: {{params: {{kind: avrage}}}}}}\n",
        "profile.yaml",
    )
    text = problem(profile)
    assert "profile.yaml, rule CLM002" in text and "param 'kind' is 'avrage'" in text


def test_an_override_keeps_the_params_it_does_not_change(tmp_path):
    base = write(
        tmp_path, CLAIM_RULE.format(params="{kind: average, min_indicators: 3}"), "base.yaml"
    )
    profile = write(
        tmp_path,
        f"extends: {base.name}\noverride: {{CLM002: {{params: {{places: [bab4]}}}}}}\n",
        "profile.yaml",
    )
    [rule] = load_ruleset(profile).rules
    assert rule.params == ClaimParams(kind="average", min_indicators=3, places=("bab4",))


def test_every_shipped_rule_holds_its_kinds_params_and_reads_back(ruleset):
    imigrasi = load_ruleset(RULES / "imigrasi.yaml")
    for rule in (*ruleset.rules, *imigrasi.rules):
        kind = CHECK_KINDS[rule.check]
        assert type(rule.params) is kind.params, rule.id
        assert kind.params.resolve(rule.params.as_dict()) == rule.params, rule.id
    # Rule sets travel to the worker processes of a batch.
    assert pickle.loads(pickle.dumps(ruleset)) == ruleset


def test_a_check_kind_name_registered_twice_is_refused():
    load_check_kinds()
    before = dict(CHECK_KINDS)

    def another(rule, facts, context):
        return iter(())

    with pytest.raises(ValueError, match="check kind 'claim' is registered twice"):
        check_kind("claim", ClaimParams)(another)
    assert dict(CHECK_KINDS) == before


def test_params_must_be_a_frozen_params_dataclass():
    @dataclass
    class Loose(Params):
        limit: int = 1

    with pytest.raises(TypeError, match="frozen Params dataclass"):
        registry.check_kind("loose", Loose)
    assert "loose" not in CHECK_KINDS
    assert NoParams.resolve(None) == NoParams()


def test_explain_shows_the_params_in_words():
    result = run("rules", "explain", "PCT001", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    at = lines.index("kind: growth")
    assert lines[at + 1].startswith("text; required; allowed: growth, difference, average")
    assert "min_indicators: 2 (default)" in lines
    assert "whole number; default 2" in lines
    assert "{'kind'" not in result.output


def test_explain_shows_nested_params_as_written():
    result = run("rules", "explain", "IKM003")
    text = one_line(result.output)
    assert "group_by: grid" in text
    assert "or_mean_of: {role: nrr, period: [1, 2, 3," in text
    assert "grid_precision: true true or false; default false" in text


# --- Expressions and patterns: what a rule may hold.


@pytest.mark.parametrize(
    "expression",
    [
        "abs(pagu - realisasi) <= max(1, round(pagu / 100))",
        "nip[14] == '1' and page > 2 ** 3",
        "settings['capaian_cap'] is None or settings['capaian_cap'] >= 100",
        "(1 if page in (1, 2) else 0) == 1",
    ],
)
def test_ordinary_expressions_are_accepted(expression):
    check_expression(expression, {"pagu", "realisasi", "nip", "page", "settings"})


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("f'{nip}' == ''", "an f-string"),
        ("(x := 1) > 0", "an assignment"),
        ("nip.upper() == ''", "calls something else than abs, round, min, max"),
        ("page @ page > 0", "operator MatMult"),
        ("1 / 0 > page", "cannot be computed (ZeroDivisionError"),
        ("'ab' * 60000 == nip", "beyond simpleeval's limits"),
    ],
)
def test_expressions_beyond_simpleevals_limits_are_refused(expression, reason):
    with pytest.raises(ExpressionError, match=re.escape(reason)):
        check_expression(expression, {"nip", "page"})


def test_a_pattern_cannot_backtrack():
    # Python's re needs about 2**50 steps here; RE2 answers at once, whatever the pattern.
    assert compile_pattern("(a+)+$").search("a" * 50 + "!") is None
    assert compile_pattern("(a+)+$").search("x aaa").group(0) == "aaa"
    assert compile_pattern("tbd", ignorecase=True).search("Target TBD").group(0) == "TBD"
    with pytest.raises(PatternError, match="invalid perl operator"):
        compile_pattern("(?<!x)y")
