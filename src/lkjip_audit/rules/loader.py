"""Load a YAML rule set: includes, ``extends`` profiles, overrides, and validation.

A rule set file may hold:

    extends: lkjip:imigrasi      # a profile: start from another rule set
    include: [lkjip/*.yaml]      # more rules, relative to this file (globs allowed)
    settings: {capaian_cap: 100} # profile settings the checks read
    disable: [PLH002]            # rules switched off
    override: {NIP002: {severity: warning, params: {...}}}
    rules: [...]                 # rules; a rule with an id already loaded replaces it

A file named in ``extends`` or ``include`` is relative to the file naming it, except that
``lkjip:NAME`` names a shipped rule set (``lkjip:default``, ``lkjip:imigrasi``,
``lkjip:lkjip/budget.yaml``; ``.yaml`` is implied). The shipped sets are the data package
``lkjip_audit.rulesets`` (the repository's ``rules/`` folder), found with importlib.resources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

import yaml

from lkjip_audit.findings import Category, Severity
from lkjip_audit.rules.model import Rule, RuleSet
from lkjip_audit.rules.params import ParamError
from lkjip_audit.rules.registry import CHECK_KINDS, load_check_kinds

SHIPPED = "lkjip:"
SHIPPED_PACKAGE = "lkjip_audit.rulesets"
DEFAULT_RULES = f"{SHIPPED}default"
LANGS = ("id", "en")
RULE_KEYS = {"id", "category", "severity", "title", "message", "check", "params", "why", "example"}
FILE_KEYS = {
    "extends", "include", "settings", "disable", "override", "rules", "name", "applies_to"
}  # fmt: skip
AUTO_PROFILES = (f"{SHIPPED}imigrasi", f"{SHIPPED}pemda")
"""Shipped profiles a document picks by its satker when no rule set is given."""


class RuleSetError(Exception):
    """A rule set that cannot be used: names the file, the rule and the problem."""

    def __init__(self, file: Path, problem: str, rule: str | None = None) -> None:
        self.file, self.rule, self.problem = file, rule, problem
        where = _shown(file) + (f", rule {rule}" if rule else "")
        super().__init__(f"{where}: {problem}")


@cache
def shipped_folder() -> Path:
    """The folder of the shipped rule sets (the package ``lkjip_audit.rulesets``)."""
    # pip installs a package as a folder (wheel or editable), so the resource is a real path;
    # the loader needs one to glob includes and to recognise a cycle of files.
    return Path(str(resources.files(SHIPPED_PACKAGE))).resolve()


def _place(name: str, relative_to: Path) -> tuple[Path, str]:
    """The folder and the file name (or glob) that ``name`` means in a file in ``relative_to``."""
    if not name.startswith(SHIPPED):
        return relative_to, name
    name = name.removeprefix(SHIPPED)
    return shipped_folder(), name if PurePath(name).suffix else f"{name}.yaml"


def _shown(path: Path) -> str:
    """A rule file as a reader names it: ``lkjip:NAME`` for a shipped set, else relative to the
    working folder when inside it."""
    path = path.resolve()
    if path.is_relative_to(shipped_folder()):
        return SHIPPED + path.relative_to(shipped_folder()).with_suffix("").as_posix()
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# libyaml's parser when PyYAML was built with it: ten times faster than the pure-Python one,
# same safe constructors (a rule set is read on every start).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as err:
        raise RuleSetError(path, f"cannot be read ({err.strerror or err})") from err
    except yaml.YAMLError as err:
        raise RuleSetError(path, f"is not valid YAML: {err}") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleSetError(path, "must be a mapping with keys such as 'rules' and 'settings'")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise RuleSetError(path, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(FILE_KEYS)}")
    return data


def _texts(path: Path, rule_id: str, data: Mapping[str, Any], key: str, required: bool):
    value = data.get(key, {})
    if isinstance(value, str):
        value = {"id": value}
    if not isinstance(value, dict):
        raise RuleSetError(path, f"'{key}' must map languages (id, en) to text", rule_id)
    missing = [lang for lang in LANGS if not value.get(lang)]
    if required and missing:
        raise RuleSetError(path, f"'{key}' has no text for {', '.join(missing)}", rule_id)
    return {lang: str(text) for lang, text in value.items()}


def parse_rule(path: Path, data: Any) -> Rule:
    """Build and validate one rule from its YAML mapping.

    Its ``params`` are resolved to the check kind's parameter dataclass: an unknown or
    missing parameter, a wrong type or a value outside the allowed set is a RuleSetError.
    """
    if not isinstance(data, dict) or "id" not in data:
        raise RuleSetError(path, f"every rule needs an 'id'; got {data!r:.80}")
    rule_id = str(data["id"])
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise RuleSetError(path, f"unknown key(s) {sorted(unknown)}", rule_id)
    try:
        category = Category(data.get("category"))
    except ValueError:
        allowed = ", ".join(c.value for c in Category)
        raise RuleSetError(path, f"category must be one of: {allowed}", rule_id) from None
    try:
        severity = Severity(data.get("severity"))
    except ValueError:
        raise RuleSetError(path, "severity must be error, warning or info", rule_id) from None
    kind = CHECK_KINDS.get(data.get("check", ""))
    if kind is None:
        known = ", ".join(sorted(CHECK_KINDS))
        raise RuleSetError(path, f"unknown check {data.get('check')!r}; known: {known}", rule_id)
    params = data.get("params") or {}
    if not isinstance(params, Mapping):
        raise RuleSetError(path, "'params' must be a mapping", rule_id)
    try:
        typed = kind.params.resolve(params)
    except ParamError as err:
        raise RuleSetError(path, f"check {kind.name}: {err}", rule_id) from None
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        title=_texts(path, rule_id, data, "title", required=True),
        message=_texts(path, rule_id, data, "message", required=True),
        check=kind.name,
        params=typed,
        why=_texts(path, rule_id, data, "why", required=False),
        example=_texts(path, rule_id, data, "example", required=False),
        source=_shown(path),
    )


def _included(path: Path, patterns: Any) -> list[Path]:
    if isinstance(patterns, str):
        patterns = [patterns]
    files: list[Path] = []
    for pattern in patterns or []:
        folder, name = _place(str(pattern), path.parent)
        matched = sorted(folder.glob(name))
        if not matched:
            raise RuleSetError(path, f"include {pattern!r} matches no file")
        files.extend(matched)
    return files


def _load(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, Rule], dict[str, Any], bytes]:
    path = path.resolve()
    if path in seen:
        raise RuleSetError(path, "extends itself (a cycle of 'extends')")
    data = _read_yaml(path)
    rules: dict[str, Rule] = {}
    settings: dict[str, Any] = {}
    digest = path.read_bytes()
    if data.get("extends"):
        folder, name = _place(str(data["extends"]), path.parent)
        rules, settings, base = _load(folder / name, (*seen, path))
        digest = base + digest
    for included in _included(path, data.get("include")):
        inner, inner_settings, inner_bytes = _load(included, (*seen, path))
        rules.update(inner)
        settings.update(inner_settings)
        digest += inner_bytes
    for raw in data.get("rules") or []:
        rule = parse_rule(path, raw)
        rules[rule.id] = rule
    settings.update(data.get("settings") or {})
    for rule_id, change in (data.get("override") or {}).items():
        if rule_id not in rules:
            raise RuleSetError(path, "override names a rule that is not loaded", str(rule_id))
        merged = {**_as_yaml(rules[rule_id]), **change}
        merged["params"] = {**rules[rule_id].params.as_dict(), **(change.get("params") or {})}
        rules[rule_id] = replace(parse_rule(path, merged), source=rules[rule_id].source)
    for rule_id in data.get("disable") or []:
        if rules.pop(str(rule_id), None) is None:
            raise RuleSetError(path, "disable names a rule that is not loaded", str(rule_id))
    return rules, settings, digest


def _as_yaml(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "title": dict(rule.title),
        "message": dict(rule.message),
        "check": rule.check,
        "params": rule.params.as_dict(),
        "why": dict(rule.why),
        "example": dict(rule.example),
    }


def _applies_to(path: Path) -> str | None:
    pattern = _read_yaml(path).get("applies_to")
    if pattern is None:
        return None
    try:
        re.compile(str(pattern))
    except re.error as err:
        raise RuleSetError(path, f"'applies_to' is not a valid pattern ({err})") from err
    return str(pattern)


def _load_one(path: Path | str) -> RuleSet:
    folder, name = _place(str(path), Path())
    path = folder / name
    if not path.is_file():
        raise RuleSetError(path, "no such rule file")
    rules, settings, digest = _load(path, ())
    return RuleSet(
        source=_shown(path),
        sha256=hashlib.sha256(digest).hexdigest(),
        rules=tuple(rules.values()),
        settings=settings,
        applies_to=_applies_to(path),
    )


def load_ruleset(path: Path | str | None = None) -> RuleSet:
    """Load the rule set at ``path``: a file, or ``lkjip:NAME`` for a shipped set.

    Without ``path`` each document picks its profile: the shipped ``lkjip:default`` with the
    :data:`AUTO_PROFILES` a satker may match (by their ``applies_to``).
    """
    load_check_kinds()
    if path is not None:
        return _load_one(path)
    fallback = _load_one(DEFAULT_RULES)
    profiles = tuple(_load_one(name) for name in AUTO_PROFILES)
    digest = hashlib.sha256("".join(r.sha256 for r in (fallback, *profiles)).encode())
    return replace(fallback, sha256=digest.hexdigest(), profiles=profiles)
