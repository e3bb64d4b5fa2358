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

A rule file is untrusted input: it is read within a size and alias budget
(:mod:`lkjip_audit.rules.rule_yaml`), may name only files in its own folder (or below it) and
the shipped sets, and every value of the wrong shape is a :class:`RuleSetError` naming the
file, the rule, the key and what was expected, never a crash later.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from lkjip_audit.findings import Category, Severity
from lkjip_audit.rules.model import Rule, RuleSet
from lkjip_audit.rules.params import ParamError, Params
from lkjip_audit.rules.patterns import PatternError, compile_pattern
from lkjip_audit.rules.registry import CHECK_KINDS, load_check_kinds
from lkjip_audit.rules.rule_text import FIELD, kind_of, plain_text_problem, template_problem
from lkjip_audit.rules.rule_yaml import RuleYamlError, read_rule_yaml

SHIPPED = "lkjip:"
SHIPPED_PACKAGE = "lkjip_audit.rulesets"
DEFAULT_RULES = f"{SHIPPED}default"
LANGS = ("id", "en")
RULE_KEYS = {"id", "category", "severity", "title", "message", "check", "params", "why", "example"}
AUTO_PROFILES = (f"{SHIPPED}imigrasi", f"{SHIPPED}pemda")
"""Shipped profiles a document picks by its satker when no rule set is given."""
MAX_RULE_FILES = 100
"""The most rule files one rule set may load (``include`` of ``include`` could fan out)."""
RULE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,39}")
FILE_KEY_SHAPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "extends": (str, "a rule file name (text)"),
    "include": ((str, list), "a rule file name or a list of them"),
    "settings": (dict, "a mapping of setting names to values"),
    "disable": ((str, list), "a rule id or a list of rule ids"),
    "override": (dict, "a mapping of rule ids to the keys they change"),
    "rules": (list, "a list of rules"),
    "name": (str, "text"),
    "applies_to": (str, "a regular expression (text)"),
    "applies_unless": (str, "a regular expression (text)"),
}
"""Each key a rule file may have, with the shape of its value and that shape in words."""
FILE_KEYS = frozenset(FILE_KEY_SHAPES)


@dataclass(frozen=True, slots=True, kw_only=True)
class KnownSettings(Params):
    """The settings the shipped checks read, typed; a rule set may add others for its
    ``expression`` rules (``settings.NAME``)."""

    capaian_cap: Decimal | None = None
    lower_is_better: tuple[str, ...] = ()


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


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = read_rule_yaml(path)
    except OSError as err:
        raise RuleSetError(path, f"cannot be read ({err.strerror or err})") from None
    except RuleYamlError as err:
        raise RuleSetError(path, str(err)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleSetError(path, "must be a mapping with keys such as 'rules' and 'settings'")
    unknown = set(data) - FILE_KEYS
    if unknown:
        shown = sorted(str(k) for k in unknown)
        raise RuleSetError(path, f"unknown key(s) {shown}; allowed: {sorted(FILE_KEYS)}")
    for key, (shape, expected) in FILE_KEY_SHAPES.items():
        if data.get(key) is not None and not isinstance(data[key], shape):
            raise RuleSetError(path, f"'{key}' must be {expected}; got {kind_of(data[key])}")
    return data


def _text_items(path: Path, data: Mapping[str, Any], key: str, expected: str) -> list[str]:
    """The value of ``key`` as a list of texts (one text stands for a list of one)."""
    value = data.get(key) or []
    items = [value] if isinstance(value, str) else value
    for item in items:
        if not isinstance(item, str) or not item:
            got = f"{kind_of(item)} {item!r:.40}"
            raise RuleSetError(path, f"'{key}' must list {expected}; got {got}")
    return items


def _settings(path: Path, data: Mapping[str, Any]) -> dict[str, Any]:
    settings = data.get("settings") or {}
    for name in settings:
        if not isinstance(name, str) or not FIELD.fullmatch(name):
            raise RuleSetError(path, f"'settings' key {name!r} must be a name like capaian_cap")
    known = {k: v for k, v in settings.items() if k in KnownSettings.__dataclass_fields__}
    try:
        KnownSettings.resolve(known)
    except ParamError as err:
        raise RuleSetError(path, f"'settings': {err}".replace("param ", "setting ")) from None
    return dict(settings)


def _texts(path: Path, rule_id: str, data: Mapping[str, Any], key: str, required: bool):
    value = data.get(key, {})
    if isinstance(value, str):
        value = {"id": value}
    if not isinstance(value, dict):
        raise RuleSetError(path, f"'{key}' must map languages (id, en) to text", rule_id)
    unknown = [str(lang) for lang in value if lang not in LANGS]
    if unknown:
        raise RuleSetError(path, f"'{key}' has language(s) {unknown}; allowed: id, en", rule_id)
    missing = [lang for lang in LANGS if not value.get(lang)]
    if required and missing:
        raise RuleSetError(path, f"'{key}' has no text for {', '.join(missing)}", rule_id)
    for lang, text in value.items():
        if not isinstance(text, str | None):
            raise RuleSetError(path, f"'{key}.{lang}' must be text; got {kind_of(text)}", rule_id)
        problem = plain_text_problem(text or "") or (
            template_problem(text or "") if key == "message" else None
        )
        if problem:
            raise RuleSetError(path, f"'{key}.{lang}' {problem}", rule_id)
    return {lang: text for lang, text in value.items() if text}


def parse_rule(path: Path, data: Any) -> Rule:
    """Build and validate one rule from its YAML mapping.

    Its ``params`` are resolved to the check kind's parameter dataclass: an unknown or
    missing parameter, a wrong type or a value outside the allowed set is a RuleSetError.
    """
    if not isinstance(data, dict) or "id" not in data:
        raise RuleSetError(path, f"every rule needs an 'id'; got {kind_of(data)}")
    if not isinstance(data["id"], str) or not RULE_ID.fullmatch(data["id"]):
        raise RuleSetError(
            path,
            f"rule id {data['id']!r:.40} must be a short name such as USR001 (letters, "
            "digits, '_', '-', '.')",
        )
    rule_id = data["id"]
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


def _confined(referrer: Path | None, key: str, name: str) -> tuple[Path, str]:
    """The folder and file name (or glob) of ``name``, the value of ``key`` in ``referrer``
    (None: the command line), refused unless it stays inside that folder: the rule file's
    own folder (or below), or the shipped sets for ``lkjip:NAME``."""
    folder, pattern = _place(name, referrer.parent if referrer else Path())
    inside_only = referrer is not None or name.startswith(SHIPPED)
    parts = PurePath(pattern).parts
    if inside_only and (PurePath(pattern).is_absolute() or ".." in parts):
        where = "the shipped sets" if name.startswith(SHIPPED) else "the rule file's own folder"
        raise RuleSetError(
            referrer or folder / pattern,
            f"{key} {name!r} points outside {where}; name a file there or lkjip:NAME",
        )
    return folder, pattern


def _inside(path: Path, key: str, name: str, folder: Path, found: Path) -> Path:
    """``found`` (a match of ``name`` in ``folder``) unless a link leads it out of ``folder``."""
    if not found.resolve().is_relative_to(folder.resolve()):
        raise RuleSetError(path, f"{key} {name!r} leads outside its folder (through a link)")
    return found


def _included(path: Path, names: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in names:
        folder, pattern = _confined(path, "include", name)
        matched = sorted(folder.glob(pattern))
        if not matched:
            raise RuleSetError(path, f"include {name!r} matches no file")
        files.extend(_inside(path, "include", name, folder, m) for m in matched)
    return files


def _overridden(path: Path, rules: dict[str, Rule], override: Mapping[Any, Any]) -> None:
    """Apply ``override`` (rule id to the keys it changes) to ``rules`` in place."""
    for rule_id, change in override.items():
        if rule_id not in rules:
            raise RuleSetError(path, "override names a rule that is not loaded", str(rule_id))
        if not isinstance(change, dict):
            raise RuleSetError(
                path, f"'override' must map the rule to the keys it changes; got {kind_of(change)}",
                str(rule_id),
            )  # fmt: skip
        if "id" in change:
            raise RuleSetError(path, "'override' cannot change a rule's 'id'", str(rule_id))
        params = change.get("params") or {}
        if not isinstance(params, dict):
            raise RuleSetError(path, f"'override.params' must be a mapping; got {kind_of(params)}",
                               str(rule_id))  # fmt: skip
        merged = {**_as_yaml(rules[rule_id]), **change}
        merged["params"] = {**rules[rule_id].params.as_dict(), **params}
        rules[rule_id] = replace(parse_rule(path, merged), source=rules[rule_id].source)


def _load(
    path: Path, seen: tuple[Path, ...], loaded: list[Path]
) -> tuple[dict[str, Rule], dict[str, Any], bytes]:
    path = path.resolve()
    if path in seen:
        raise RuleSetError(path, "extends itself (a cycle of 'extends')")
    loaded.append(path)
    if len(loaded) > MAX_RULE_FILES:
        raise RuleSetError(path, f"the rule set loads more than {MAX_RULE_FILES} rule files")
    data = _read_yaml(path)
    rules: dict[str, Rule] = {}
    settings: dict[str, Any] = {}
    digest = path.read_bytes()
    if data.get("extends"):
        folder, name = _confined(path, "extends", data["extends"])
        base_path = _inside(path, "extends", data["extends"], folder, folder / name)
        rules, settings, base = _load(base_path, (*seen, path), loaded)
        digest = base + digest
    for included in _included(path, _text_items(path, data, "include", "rule file names")):
        inner, inner_settings, inner_bytes = _load(included, (*seen, path), loaded)
        rules.update(inner)
        settings.update(inner_settings)
        digest += inner_bytes
    for raw in data.get("rules") or []:
        rule = parse_rule(path, raw)
        rules[rule.id] = rule
    settings.update(_settings(path, data))
    _overridden(path, rules, data.get("override") or {})
    for rule_id in _text_items(path, data, "disable", "rule ids"):
        if rules.pop(rule_id, None) is None:
            raise RuleSetError(path, "disable names a rule that is not loaded", rule_id)
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


def _satker_patterns(path: Path) -> dict[str, str | None]:
    """The profile's ``applies_to`` and ``applies_unless``, each checked to compile."""
    data = _read_yaml(path)
    for key in ("applies_to", "applies_unless"):
        try:
            if data.get(key) is not None:
                compile_pattern(data[key], ignorecase=True)
        except PatternError as err:
            raise RuleSetError(path, f"'{key}' is not a valid RE2 pattern ({err})") from None
    return {key: data.get(key) for key in ("applies_to", "applies_unless")}


def _load_one(path: Path | str) -> RuleSet:
    folder, name = _confined(None, "--rules", str(path))
    path = folder / name
    if not path.is_file():
        raise RuleSetError(path, "no such rule file")
    rules, settings, digest = _load(path, (), [])
    return RuleSet(
        source=_shown(path),
        sha256=hashlib.sha256(digest).hexdigest(),
        rules=tuple(rules.values()),
        settings=settings,
        **_satker_patterns(path),
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
