"""The texts of a rule file, checked as untrusted input: plain words, safe templates.

A rule's title, message, why and example reach every report. Every output escapes what it
prints, but a rule file that holds markup (``<script>``, Rich's ``[/bold]``) or control
characters is a mistake or an attack, so it is refused when it loads. A message is also a
template filled with ``str.format``: a field such as ``{match.__class__}`` would read Python
attributes of the values, so a field must be a plain name.
"""

from __future__ import annotations

import re
import string
from typing import Any

from rich.markup import RE_TAGS

FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""A plain name: a message field, a setting."""
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HTML_TAG = re.compile(r"</?[A-Za-z!?][^>]*>")


def kind_of(value: Any) -> str:
    """What a YAML value is, in a rule author's words: "text", "a list", "a mapping"."""
    words = {str: "text", bool: "true/false", int: "a number", float: "a number", dict: "a mapping"}
    if value is None:
        return "nothing"
    return "a list" if isinstance(value, list) else words.get(type(value), type(value).__name__)


def plain_text_problem(text: str) -> str | None:
    """Why ``text`` is not plain text a reviewer reads (markup, control characters), if so."""
    if CONTROL.search(text):
        return "holds control characters"
    tag = HTML_TAG.search(text) or RE_TAGS.search(text)
    if tag:
        return f"holds markup {tag.group(0)!r:.40}; write plain text"
    return None


def template_problem(text: str) -> str | None:
    """Why the message template ``text`` cannot be filled safely, if so: only ``{name}``
    fields (no attribute or index access, conversion or format), braces balanced."""
    try:
        parts = [p for p in string.Formatter().parse(text) if p[1] is not None]
    except ValueError as err:
        return f"is not a valid template ({err}); write {{{{ and }}}} for a brace"
    for _, field, spec, conversion in parts:
        if not FIELD.fullmatch(field) or spec or conversion:
            return f"has field {{{field}}}; a field is a plain name such as {{page}}"
    return None
