"""Attributions written by layout rather than grammar.

Two news conventions name a speaker without a reporting verb: a pull quote
followed by a dash and the speaker (“…” ― Ann Lee, 34), and a transcript line
that opens with the speaker's label ("LEE: We will …"). The parser sees
neither, so they are read from the characters around the quote or line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from claimledger.extract.cues import CueLexicon
from claimledger.extract.frames import Frame

__all__ = ["layout_frames"]

#: A speaker label opening a transcript line: one to four capitalised words.
_LABEL = re.compile(r"(?m)^[ \t]*((?:[A-Z][\w.'’-]*\s?){1,4}):[ \t]+(?=\S)")
#: A name after an attribution dash, up to a comma, bracket or line end.
_DASH_NAME = re.compile(r"[ \t]*([A-Z][^,\n(]{1,60})")


def layout_frames(
    text: str, quotes: Sequence[tuple[int, int]], *, cues: CueLexicon
) -> Iterator[Frame]:
    """Yield frames for dash-attributed quotes and labelled transcript lines."""
    yield from _dash_frames(text, quotes, cues)
    yield from _label_frames(text)


def _dash_frames(text: str, quotes: Sequence[tuple[int, int]], cues: CueLexicon) -> Iterator[Frame]:
    for start, end in quotes:
        rest = text[end : end + 3]
        offset = len(rest) - len(rest.lstrip(" \t"))
        dash = end + offset
        if dash >= len(text) or text[dash] not in cues.attribution_dashes:
            continue
        name = _DASH_NAME.match(text, dash + 1)
        if name is None:
            continue
        yield Frame(
            cue=(dash, dash + 1), cue_token=None, lemma=text[dash], status="asserted",
            content=(start, end), source=(name.start(1), name.end(1)), direct=True,
        )  # fmt: skip


def _label_frames(text: str) -> Iterator[Frame]:
    for match in _LABEL.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end == -1 else line_end
        body = text[match.end() : line_end].rstrip()
        if len(body.split()) < 3 or _is_headline(text, match.start(1)):
            continue
        colon = match.end(1)
        label = (match.start(1), match.start(1) + len(match.group(1).rstrip()))
        yield Frame(
            cue=(colon, colon + 1), cue_token=None, lemma=":", status="asserted",
            content=(match.end(), match.end() + len(body)), source=label, direct=True,
        )  # fmt: skip


def _is_headline(text: str, start: int) -> bool:
    """The first line of a document is its title, whatever its punctuation."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    return end == -1 or start < end
