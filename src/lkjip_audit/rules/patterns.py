"""Regular expressions from rule files, run by RE2 (google-re2).

A rule file is untrusted input and the text it is matched against comes from a PDF. With
Python's backtracking ``re`` a pattern such as ``(a+)+$`` takes exponential time on a long
line of ``a``; RE2 matches in time linear in the text and within a memory cap, so no pattern
can hang a run. The price is RE2's syntax: no backreferences and no look-around, which a rule
author learns when the rule file loads.
"""

from __future__ import annotations

from functools import cache

import re2

MAX_PATTERN_MEMORY = 8 << 20
"""RE2's memory cap for one compiled pattern (its default); a larger pattern is refused."""


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message says why in RE2's words."""


@cache
def compile_pattern(pattern: str, ignorecase: bool = False) -> re2._Regexp:
    """``pattern`` compiled by RE2, or a :class:`PatternError` with RE2's reason."""
    options = re2.Options()
    options.case_sensitive = not ignorecase
    options.max_mem = MAX_PATTERN_MEMORY
    options.log_errors = False  # the reason goes into our one-line message, not to stderr
    try:
        return re2.compile(pattern, options)
    except re2.error as err:
        reason = err.args[0] if err.args else err
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None
