"""Direct quotations: find them in raw text, whatever the marks and however broken.

Quotes are read from characters, not from the parse, so a quote that spans
sentences or paragraphs stays one quote. News style repeats the opening mark
at each paragraph of a long quote and closes only the last one; a mark left
open at a paragraph end without that continuation closes there (unbalanced
input degrades to a shorter quote, it never fails).
"""

from __future__ import annotations

__all__ = ["OPENING", "CLOSING", "quote_spans"]

#: Marks that only open or only close a quote; straight marks are read by context.
OPENING = frozenset({"“", "«", "„", "``"})
CLOSING = frozenset({"”", "»"})
#: Straight marks, one or two characters ('' is a double mark in some wire copy).
_STRAIGHT = ('"', "''")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/")


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


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` offsets of each quotation, marks included.

    Example:
        >>> quote_spans('He said: "We won." Then he left.')
        [(9, 18)]
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last_text = 0
    i = 0
    while i < len(text):
        char = text[i]
        width = max(1, len(_mark(text, i)))
        if start is None:
            if _opens(text, i):
                start = i
                i += width
                last_text = i - 1
                continue
        elif char == "\n":
            if not _continues(text, i):
                spans.append((start, last_text + 1))
                start = None
            else:
                while i < len(text) and text[i].isspace():
                    i += 1
                i += max(1, len(_mark(text, i)))
                continue
        elif char in OPENING:
            start = i  # a curly quote opened inside an open one: the first was never closed
        elif _closes(text, i):
            spans.append((start, i + width))
            start = None
            i += width
            continue
        if not char.isspace():
            last_text = i
        i += 1
    if start is not None:
        spans.append((start, last_text + 1))
    return [s for s in spans if s[1] - s[0] > 2]
