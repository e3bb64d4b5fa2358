"""Person names as printed in reports: titles stripped, initials and typos tolerated."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

# Academic titles are dotted groups ("S.H.", "A.Md.Im", "M.Si."); a lone "M." is an initial.
DOTTED_TITLE = re.compile(r"^(?:[A-Za-z]{1,4}\.){1,4}[A-Za-z]{0,4}\.?$")
INITIAL = re.compile(r"^[A-Za-z]\.$")
# A title glued to an initial ("Dr.R. Haryanto", "dr.H. Dodo") is a title and an initial.
GLUED_INITIAL = re.compile(r"\b((?:[A-Za-z]{2,4}\.)+)([A-Z]\.)(?=\s|$)")
HONORIFICS = frozenset({"dr", "drs", "dra", "ir", "prof", "hj", "h", "sh", "mh", "mm", "se"})
# Close enough for a typo ("Muhamad"), not for another name ("Saputra" / "Syahputra",
# "Hendra" / "Hendri": 83–88).
TYPO_SIMILARITY = 90


def name_tokens(name: str) -> list[str]:
    """The words of a name without titles and punctuation, lower-cased.

    Indonesian names put degrees after a comma ("Hendra S, S.Komp" → hendra s); dotted
    titles and honorifics without a comma ("Dr. Budi Santoso S.H.") are dropped too.
    """
    leading = GLUED_INITIAL.sub(r"\1 \2", name.split(",")[0])
    words = [w for w in leading.split() if INITIAL.match(w) or not DOTTED_TITLE.match(w)]
    tokens = [t for t in re.split(r"[\s.]+", " ".join(words).lower()) if t]
    return [t for t in tokens if t not in HONORIFICS or len(tokens) == 1]


def _token_match(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or fuzz.ratio(a, b) >= TYPO_SIMILARITY


def same_person(a: str, b: str) -> bool:
    """Whether two printed names can be the same person.

    "M. Asyrodi Maulana P." and "Muhammad Asyrodi Maulana Putra, A.Md.Im" are: each word
    matches the word in the same position, as an initial, exactly, or with a small typo;
    at least one full word agrees; a missing trailing word is allowed.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    shorter, longer = sorted((ta, tb), key=len)
    if len(longer) - len(shorter) > 1:
        return False
    pairs = list(zip(shorter, longer, strict=False))
    full_words_agree = any(len(x) > 1 and len(y) > 1 and _token_match(x, y) for x, y in pairs)
    return full_words_agree and all(_token_match(x, y) for x, y in pairs)
