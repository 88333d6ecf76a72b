"""Attributions written by layout rather than grammar.

Two news conventions name a speaker without a reporting verb: a pull quote
followed by a dash and the speaker (“…” ― Ann Lee, 34), and a line that opens
with the speaker's label ("LEE: We will …", or a headline "Lee: Rates Will
Rise"). The parser sees neither, so they are read from the characters around
the quote or line. Headlines in title case also defeat the parser when they
do have a verb ("Lee Says Rates, ‘Old Rules’ Must Go"): :func:`headline_frame`
reads them from the tokens of the first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from claimledger.extract.cues import CueLexicon
from claimledger.extract.frames import Frame
from claimledger.extract.phrases import trimmed
from claimledger.model import STORY_LABELS

__all__ = ["headline_frame", "layout_frames"]

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
        if len(body.split()) < 3 or match.group(1).strip().lower() in STORY_LABELS:
            continue
        colon = match.end(1)
        label = (match.start(1), match.start(1) + len(match.group(1).rstrip()))
        yield Frame(
            cue=(colon, colon + 1), cue_token=None, lemma=":", status="asserted",
            content=(match.end(), match.end() + len(body)), source=label, direct=True,
        )  # fmt: skip


def headline_frame(doc: Doc, *, cues: CueLexicon) -> Frame | None:
    """ "Lee Says Rates Will Rise": a cue verb after a capitalised name in the first line.

    Only a first line with more text after it is a title; a one-line text is a sentence.
    """
    first = next((t for t in doc if not t.is_space), None)
    if first is None or not first.is_title:
        return None
    for token in doc[first.i + 1 : first.i + 8]:
        if "\n" in token.text_with_ws or token.is_punct:
            return None
        if token.lemma_.lower() in cues.verbs and token.tag_ in {"VBZ", "VBD"}:
            return _headline(doc, first.i, token)
    return None


def _headline(doc: Doc, first: int, cue: Token) -> Frame | None:
    end = cue.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if not any(not t.is_space for t in doc[end : end + 3]):
        return None  # no text after the line: a one-line sentence, not a title
    source = trimmed(doc, first, cue.i - 1)
    content = trimmed(doc, cue.i + 1, end - 1)
    if source is None or content is None or end - cue.i < 4:
        return None
    return Frame(
        cue=(cue.idx, cue.idx + len(cue.text)), cue_token=cue, lemma=cue.lemma_.lower(),
        status="asserted", content=content, source=source,
    )  # fmt: skip
