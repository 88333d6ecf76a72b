"""Frames meet quotations: which quote a cue reports, and where a quoted content ends.

A frame whose content is mostly quoted takes the whole quotation (multi-sentence
and multi-paragraph quotes included); a cue with no content of its own takes the
quote next to it ('"...," he said' or 'said: "..."'); a quote closed by a comma
right before the cue is its content; '"A," she said. "B."' is one content from A
to B (PolNeAR), across the speaker's own asides; a content never stops inside a
quote.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from claimledger.extract.frames import Frame

__all__ = ["inside", "overlap", "quote_contents", "whole_quotes"]

_Span = tuple[int, int]
#: Characters allowed between a quote and the clause that attributes it.
_BRIDGE_BEFORE = 4
_BRIDGE_AFTER = 60
#: Characters allowed between the cue of a split quote and its second part.
_BRIDGE_SPLIT = 200
#: A quote shorter than this after the cue is a title or scare quote, not the rest of a split one.
_MIN_SPLIT_QUOTE = 25
#: Share of a content span that must be quoted for the claim to take the whole quote.
_QUOTED_SHARE = 0.8


def overlap(a: _Span, b: _Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def inside(point: _Span | None, span: _Span) -> bool:
    return point is not None and span[0] <= point[0] and point[1] <= span[1]


def quote_contents(text: str, found: Sequence[Frame], quotes: Sequence[_Span]) -> None:
    starts = sorted(f.cue[0] for f in found if f.cue is not None)
    for frame in found:
        before = _continued_quote(text, frame, quotes, starts)
        if before is not None and not _ends_in_quote(frame, quotes):
            frame.content, frame.direct = before, True
        elif frame.content is None:
            frame.content = _adjacent_quote(text, frame, quotes)
            frame.direct = frame.content is not None
        else:
            _take_quote(frame, quotes)
        if frame.direct or _ends_in_quote(frame, quotes):
            _join_split_quote(text, frame, quotes, found)


def _continued_quote(
    text: str, frame: Frame, quotes: Sequence[_Span], cue_starts: Sequence[int]
) -> _Span | None:
    """'"A," he added, "B."': a quote closed by a comma right before the cue is its content.

    The comma says the sentence goes on in the cue clause, so the quote is what
    the cue reports, whatever clause the parser hung on the cue.
    """
    before = _quote_before(text, frame, quotes)
    if before is None or frame.cue is None:
        return None
    if not text[before[0] : before[1]].rstrip("\"'”»").endswith(","):
        return None
    if "\n" in text[before[1] : frame.cue[0]]:
        return None
    return None if any(before[1] <= c < frame.cue[0] for c in cue_starts) else before


def whole_quotes(frame: Frame, quotes: Sequence[_Span]) -> None:
    """'said polls could be "way off," and ...': a content never stops inside a quote.

    The parse may end (or start) the reported clause within the quoted words;
    the speaker's quoted words stay whole, marks included.
    """
    if frame.content is None or frame.direct:
        return
    start, end = frame.content
    for quote in _near(quotes, start, end):
        if inside(frame.cue, quote):
            continue
        if start <= quote[0] < end < quote[1]:
            end = quote[1]
        elif quote[0] < start < quote[1] <= end and start - quote[0] <= 2:
            start = quote[0]
    frame.content = (start, end)


def _other_cues(frame: Frame, found: Sequence[Frame]) -> list[int]:
    """Cue starts of other reports: not "..., she said, pointing out X. ..." (her aside)."""
    return sorted(
        f.cue[0]
        for f in found
        if f.cue is not None
        and f is not frame
        and not (f.cue_token is not None and _aside_of(f.cue_token, frame))
    )


def _aside_of(token: Token, frame: Frame) -> bool:
    """A participle on the frame's cue, or a cue inside the description of its speaker."""
    cue, speaker = frame.cue_token, frame.source_token
    if cue is not None and token.head.i == cue.i and token.tag_ == "VBG" and token.i > cue.i:
        return True
    return speaker is not None and speaker.left_edge.i <= token.i <= speaker.right_edge.i


def _ends_in_quote(frame: Frame, quotes: Sequence[_Span]) -> bool:
    """'X is "Y," said Z. "W."': a partly quoted content whose quote closes before the cue."""
    if frame.content is None:
        return False
    return any(frame.content[0] < q[0] and 0 <= q[1] - frame.content[1] <= 2 for q in quotes)


def _take_quote(frame: Frame, quotes: Sequence[_Span]) -> None:
    """A content that is mostly quoted takes the whole quotation."""
    assert frame.content is not None
    size = frame.content[1] - frame.content[0]
    for quote in quotes:
        if not inside(frame.cue, quote) and overlap(frame.content, quote) >= _QUOTED_SHARE * size:
            frame.content = quote
            frame.direct = True
            return


def _join_split_quote(
    text: str, frame: Frame, quotes: Sequence[_Span], found: Sequence[Frame]
) -> None:
    """'"A," she said. "B."': one claim whose content runs from A to B (PolNeAR)."""
    assert frame.content is not None and frame.cue is not None
    if frame.content[1] > frame.cue[0]:
        return
    end = max(frame.cue[1], frame.source[1] if frame.source else 0)
    for quote in quotes[bisect_right(quotes, end, key=_start) :]:
        if quote[0] <= end or quote[1] - quote[0] < _MIN_SPLIT_QUOTE:
            continue  # a title or scare quote in the aside ('said on "Meet the Press."')
        if quote[0] - end > _BRIDGE_SPLIT:
            return
        between = text[end : quote[0]]
        if "\n" in between or len(between) > _BRIDGE_SPLIT:
            return
        if not any(frame.cue[1] <= c < quote[0] for c in _other_cues(frame, found)):
            frame.content = (frame.content[0], quote[1])
        return


def _quote_before(text: str, frame: Frame, quotes: Sequence[_Span]) -> _Span | None:
    """The quote that ends right before the cue clause: '"...," he said'."""
    if frame.cue is None:
        return None
    edges = [frame.cue] + ([frame.source] if frame.source else [])
    start = min(e[0] for e in edges)
    for quote in _near(quotes, start - _BRIDGE_BEFORE, start):
        if 0 <= start - quote[1] <= _BRIDGE_BEFORE and not text[quote[1] : start].strip(" ,—–-\n"):
            return quote
    return None


def _adjacent_quote(text: str, frame: Frame, quotes: Sequence[_Span]) -> _Span | None:
    """The quote just before the cue clause ("...," he said) or just after ("said: ...")."""
    assert frame.cue is not None
    before = _quote_before(text, frame, quotes)
    if before is not None:
        return before
    end = max(frame.cue[1], frame.source[1] if frame.source else 0)
    for quote in quotes:
        if not 0 <= quote[0] - end <= _BRIDGE_AFTER:
            continue
        gap = text[end : quote[0]]
        if not any(c in gap for c in ".!?\n"):
            if gap.strip() == "" or gap.rstrip().endswith((":", ",")):
                return quote
    return None


def _start(span: _Span) -> int:
    return span[0]


def _near(quotes: Sequence[_Span], start: int, end: int) -> Sequence[_Span]:
    """The quotes (sorted, not overlapping) that may touch ``[start, end]``: a few, not all."""
    first = max(0, bisect_left(quotes, start, key=_start) - 1)
    return quotes[first : bisect_right(quotes, end, key=_start)]
