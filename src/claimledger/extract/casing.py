"""Case restoration for all-capitals text (wire copy, old telex reports).

The small English model tags and parses upper-case text poorly: every word
looks like a proper noun. :func:`restore_case` returns a sentence-cased copy of
the *same length*, character for character, so a Doc parsed from the copy has
the same character offsets as the original text and every span still points
into the stored document. It is an ingest-time option for text that is (almost)
all capitals; mixed-case text is returned unchanged.
"""

from __future__ import annotations

import re

__all__ = ["is_upper_case", "restore_case"]

_SENTENCE_START = re.compile(r"(\A\s*|[.!?]\s+|\n\s*\n\s*|\[text\]\s+|--\s+)([a-z])")
_ABBREVIATIONS = set(
    "mr mrs ms dr gen col lt sgt capt st no vs jr sr gov sen rep rev msgr fr maj cpl pvt adm "
    "cmdr mt ft atty supt insp det prof".split()
)
_LONE_I = re.compile(r"\bi\b")


def is_upper_case(text: str, *, threshold: float = 0.9) -> bool:
    """True if at least ``threshold`` of the letters in ``text`` are capitals."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= threshold


def _lower_keep_length(text: str) -> str:
    # str.lower() can change length ("İ" -> "i̇"); keep such characters as they are.
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def _capitalised(match: re.Match[str]) -> str:
    before = match.string[: match.start()].rsplit(None, 1)
    word = before[-1] if before and match.group(1).startswith(".") else ""
    if "." in word or word in _ABBREVIATIONS:
        return match.group(0)  # "u.s. soldiers", "dr. perez": not a sentence end
    return match.group(1) + match.group(2).upper()


def restore_case(text: str) -> str:
    """Return ``text`` sentence-cased if it is all capitals, else unchanged.

    Example:
        >>> restore_case("SIX PEOPLE WERE KILLED. I SAW IT.")
        'Six people were killed. I saw it.'
    """
    if not is_upper_case(text):
        return text
    lowered = _lower_keep_length(text)
    cased = _SENTENCE_START.sub(_capitalised, lowered)
    cased = _LONE_I.sub("I", cased)
    return cased[:1].upper() + cased[1:]
