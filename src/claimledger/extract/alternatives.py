"""Other places a claim's content could start or end, for the claim filter to choose among.

The grammar rules cut one content per cue; where the parse is wrong, or where
PolNeAR's annotators take more (the rest of a quoted paragraph) or less (the
clause before a trailing ", which ...") than the parse gives, a nearby boundary
is often the right one. Each alternative is named by how it was made, so the
learned model (:mod:`.claim_filter`) can weigh the kinds differently.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.phrases import trimmed
from claimledger.model import Claim

__all__ = ["ORIGINAL", "content_alternatives"]

#: The name of the content as the rules cut it.
ORIGINAL = "original"

_Offsets = tuple[int, int]


def content_alternatives(doc: Doc, claim: Claim, *, text: str | None = None) -> dict[str, _Offsets]:
    """Return named alternative ``(start, end)`` offsets for ``claim``'s content.

    The original content is always there under :data:`ORIGINAL`; an alternative
    equal to it, or empty, is left out. ``text`` is ``doc.text`` when the caller
    has it already (reading it joins every token).
    """
    original = (claim.content.start, claim.content.end)
    view = doc.char_span(*original, alignment_mode="expand")
    out: dict[str, _Offsets | None] = {}
    if view is not None and len(view):
        cue = _cue_token(doc, claim)
        if cue is not None:
            out.update(_sentence_alternatives(doc, view, cue))
        out.update(_comma_alternatives(doc, view))
        out.update(_line_alternatives(doc.text if text is None else text, claim))
    found = {k: v for k, v in out.items() if v is not None and v != original and v[0] < v[1]}
    return {ORIGINAL: original, **found}


def _cue_token(doc: Doc, claim: Claim) -> Token | None:
    if claim.cue is None:
        return None
    view = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
    return view[0] if view is not None and len(view) else None


def _sentence_alternatives(doc: Doc, view: Span, cue: Token) -> dict[str, _Offsets | None]:
    """Content after the cue: on to its sentence or phrase end; before the cue: from the start."""
    sent = cue.sent
    if cue.i < view.start:
        return {
            "sentence_end": trimmed(doc, view.start, sent.end - 1),
            "cue_subtree": trimmed(doc, view.start, cue.right_edge.i),
        }
    if cue.i >= view.end:
        return {"sentence_start": trimmed(doc, sent.start, view.end - 1)}
    return {}


def _comma_alternatives(doc: Doc, view: Span) -> dict[str, _Offsets | None]:
    """Cut before the first or the last comma (a trailing aside or a second clause)."""
    commas = [t.i for t in view[3:-1] if t.text == ","]
    if not commas:
        return {}
    return {
        "first_comma": trimmed(doc, view.start, commas[0] - 1),
        "last_comma": trimmed(doc, view.start, commas[-1] - 1),
    }


def _line_alternatives(text: str, claim: Claim) -> dict[str, _Offsets | None]:
    """On to the end of the paragraph; from its start when the cue is not before the content."""
    start, end = claim.content.start, claim.content.end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    while line_end > end and text[line_end - 1].isspace():
        line_end -= 1
    out: dict[str, _Offsets | None] = {}
    if line_end > end + 2:
        out["line_end"] = (start, line_end)
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < start and text[line_start].isspace():
        line_start += 1
    if line_start < start - 2 and (claim.cue is None or claim.cue.start >= start):
        out["line_start"] = (line_start, end)
    return out
