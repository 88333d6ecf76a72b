"""Direct quotations: find them in raw text, whatever the marks and however broken.

Quotes are read from characters, not from the parse, so a quote that spans
sentences or paragraphs stays one quote. News style repeats the opening mark
at each paragraph of a long quote and closes only the last one; a mark left
open at a paragraph end without that continuation closes there (unbalanced
input degrades to a shorter quote, it never fails).
"""

from __future__ import annotations

import re

__all__ = ["OPENING", "CLOSING", "quote_spans"]

#: Marks that only open or only close a quote; straight marks are read by context.
OPENING = frozenset({"“", "«", "„", "``"})
CLOSING = frozenset({"”", "»"})
#: Straight marks, one or two characters ('' is a double mark in some wire copy).
_STRAIGHT = ('"', "''")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/")
#: Everything the scanner stops at: marks and line breaks.
_EVENTS = re.compile("''|``|[\"“”«»„\n]")


def _mark(text: str, i: int) -> str:
    """The quotation mark starting at ``i`` ("" if none)."""
    two = text[i : i + 2]
    if two in {"''", "``"}:
        return two
    char = text[i]
    return char if char in OPENING or char in CLOSING or char == '"' else ""


def _opens(text: str, i: int) -> bool:
    mark = _mark(text, i)
    if mark in OPENING:
        return True
    if mark not in _STRAIGHT:
        return False
    after = i + len(mark)
    before_ok = i == 0 or text[i - 1] in _OPEN_BEFORE
    after_ok = after < len(text) and not text[after].isspace()
    return before_ok and after_ok


def _closes(text: str, i: int) -> bool:
    mark = _mark(text, i)
    return mark in CLOSING or (mark in _STRAIGHT and not _opens(text, i))


def _continues(text: str, newline: int) -> bool:
    """True if the paragraph after ``newline`` starts with an opening mark."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and _opens(text, j)


def _last_text(text: str, end: int) -> int:
    """Offset just past the last non-space character before ``end``."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` offsets of each quotation, marks included.

    Example:
        >>> quote_spans('He said: "We won." Then he left.')
        [(9, 18)]
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    skip_to = 0
    for match in _EVENTS.finditer(text):
        i = match.start()
        if i < skip_to:
            continue
        if match.group() == "\n":
            if start is not None and not _continues(text, i):
                spans.append((start, _last_text(text, i)))
                start = None
            elif start is not None:
                j = i
                while j < len(text) and text[j].isspace():
                    j += 1
                skip_to = j + max(1, len(_mark(text, j)))
            continue
        width = len(match.group())
        if start is None:
            if _opens(text, i):
                start = i
                skip_to = i + width
        elif match.group() in OPENING:
            start = i  # a curly quote opened inside an open one: the first was never closed
        elif _closes(text, i):
            spans.append((start, i + width))
            start = None
            skip_to = i + width
    if start is not None:
        spans.append((start, _last_text(text, len(text))))
    return [s for s in spans if s[1] - s[0] > 2]
