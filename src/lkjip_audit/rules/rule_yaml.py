"""Read a rule file as untrusted input: size-capped, safe YAML, aliases within a budget.

A rule file may come from anyone. PyYAML's safe loader builds only plain values (no Python
objects), but YAML aliases let a few hundred bytes stand for a structure of billions of
nodes ("billion laughs"): the loader shares them cheaply, and the first code that walks or
prints the value expands them. So the file is refused when it is larger than
:data:`MAX_FILE_BYTES`, and when its value, with every alias expanded, would be larger than
:data:`MAX_EXPANDED` units (a unit per container and per character of text), measured on
the shared structure in time linear in the file. A value that contains itself is refused too.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
"""The largest rule file read; the shipped ones are under 40 kB."""
MAX_EXPANDED = 2 * MAX_FILE_BYTES
"""The largest a rule file's value may be with its aliases expanded (units, see module doc)."""


class RuleYamlError(ValueError):
    """A rule file that is not read: too large, not YAML, or aliases beyond the budget."""


def _expanded_size(value: Any, sizes: dict[int, int], open_: set[int]) -> int:
    """Units of ``value`` with aliases expanded; a shared container is measured once."""
    if isinstance(value, str):
        return 1 + len(value)
    if not isinstance(value, dict | list):
        return 1
    key = id(value)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise RuleYamlError("contains itself through an alias")
    open_.add(key)
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    size = 1
    for item in items:
        size += _expanded_size(item, sizes, open_)
        if size > MAX_EXPANDED:
            raise RuleYamlError(
                f"expands its aliases beyond {MAX_EXPANDED:,} units (a 'billion laughs'?)"
            )
    open_.discard(key)
    sizes[key] = size
    return size


# libyaml's parser when PyYAML was built with it: ten times faster than the pure-Python one,
# same safe constructors (a rule set is read on every start).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_rule_yaml(path: Path) -> Any:
    """The YAML value of the rule file at ``path``, read within the budgets of this module.

    Raises :class:`OSError` when the file cannot be read and :class:`RuleYamlError` when it is
    not a regular file (a FIFO would block the read), is too large, is not valid YAML, or
    expands beyond the alias budget.
    """
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise RuleYamlError("is not a regular file")
    size = status.st_size
    if size > MAX_FILE_BYTES:
        raise RuleYamlError(f"is {size:,} bytes; a rule file may have at most {MAX_FILE_BYTES:,}")
    with path.open("rb") as stream:
        # Read one byte past the cap: the file may have grown since stat (or be a device).
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise RuleYamlError(f"is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise RuleYamlError(f"is not UTF-8 text (byte {err.start})") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
        _expanded_size(data, {}, set())
    except yaml.YAMLError as err:
        # libyaml stops a deep nest itself; the Python parser runs into RecursionError.
        if "nesting depth" in str(err):
            raise RuleYamlError("is nested too deeply") from None
        raise RuleYamlError(f"is not valid YAML: {' '.join(str(err).split())}") from None
    except RecursionError:
        raise RuleYamlError("is nested too deeply") from None
    return data
