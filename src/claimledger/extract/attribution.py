"""Attributed claims: who says what, through whom, how surely.

:func:`attributed_claims` joins three readings of one parsed document: the
attribution frames of the dependency parse (:mod:`.frames`), the quotations of
the raw text (:mod:`.quotes`, joined to frames in :mod:`.quoting`), and certainty
from wording (:mod:`.certainty`). A quote paragraph with no cue goes to the
speaker of the paragraph before. Claims whose cue lies inside another claim's
content are nested under it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from claimledger.extract.certainty import certainty
from claimledger.extract.cues import CueLexicon
from claimledger.extract.frames import Frame, frames
from claimledger.extract.layout import headline_frame, layout_frames
from claimledger.extract.phrases import name_of, span_of
from claimledger.extract.quotes import quote_spans
from claimledger.extract.quoting import inside, overlap, quote_contents, whole_quotes
from claimledger.model import Claim, SourceRef

__all__ = ["attributed_claims"]

_Span = tuple[int, int]
#: A cue-less quote shorter than this is a scare quote, not a claim.
_MIN_UNCUED_QUOTE = 25


def attributed_claims(doc: Doc, *, cues: CueLexicon) -> Iterator[Claim]:
    """Extract attributed claims from a parsed ``doc``, in text order.

    Needs the dependency parse, lemmas, part-of-speech tags and entities.

    Example:
        >>> claims = list(attributed_claims(nlp("Troops advanced, the army said."),
        ...                                 cues=load_cues()))  # doctest: +SKIP
        >>> claims[0].content.text, claims[0].source.name  # doctest: +SKIP
        ('Troops advanced', 'army')

    Yields:
        Claims with local ids ``c1``, ``c2``, ... and ``parent_id`` for nesting.
    """
    text = doc.text  # Doc.text joins every token on each access: read it once
    if not text.strip():
        return
    quotes = quote_spans(text)
    found = [f for f in frames(doc, cues=cues)]
    found = [f for f in found if not _speaker_aside(text, f, quotes, cues)]
    quote_contents(text, found, quotes)
    cue_starts = sorted(f.cue[0] for f in found if f.cue is not None)
    for frame in found:
        whole_quotes(frame, quotes)
        _clip_to_paragraph(text, frame)
        _continue_after_aside(doc, text, frame, cue_starts)
    found = _unique([f for f in found if f.content is not None])
    taken = {f.content for f in found}
    found += [f for f in layout_frames(text, quotes, cues=cues) if f.content not in taken]
    found = _with_headline(doc, found, cues)
    found += _uncued_quotes(text, found, quotes)
    found.sort(key=_position)
    _inherit_participle_channels(found)
    parents = _parents(found)
    for index, frame in enumerate(found):
        yield _claim(doc, text, frame, index, parents, found, cues)


def _with_headline(doc: Doc, found: list[Frame], cues: CueLexicon) -> list[Frame]:
    """The title's report covers the rest of its line, whatever the parser made of it."""
    headline = headline_frame(doc, cues=cues)
    if headline is None or headline.content is None:
        return found
    cue = headline.cue
    same = [f for f in found if f.cue == cue]
    for frame in same:
        frame.content = headline.content
    return found if same else [*found, headline]


def _position(frame: Frame) -> tuple[int, int]:
    assert frame.content is not None
    starts = [frame.content[0]] + ([frame.cue[0]] if frame.cue else [])
    return min(starts), frame.content[0]


def _unique(found: list[Frame]) -> list[Frame]:
    seen: set[tuple[_Span | None, _Span | None]] = set()
    out = []
    for frame in found:
        key = (frame.content, frame.cue)
        if key not in seen:
            seen.add(key)
            out.append(frame)
    return out


# --- quotes ----------------------------------------------------------------


def _speaker_aside(text: str, frame: Frame, quotes: Sequence[_Span], cues: CueLexicon) -> bool:
    """ "I think", "you know" inside a quote: the quoted speaker's own framing, not a claim."""
    if frame.source is None or not any(inside(frame.cue, q) for q in quotes):
        return False
    return text[frame.source[0] : frame.source[1]].lower() in cues.speaker_pronouns


def _continue_after_aside(doc: Doc, text: str, frame: Frame, cue_starts: Sequence[int]) -> None:
    """ "Prices rose, she said, until the war began": the clause resumes after the cue."""
    if frame.content is None or frame.direct or frame.cue_token is None or frame.cue is None:
        return
    if frame.content[1] > frame.cue[0] or (frame.source and frame.source[0] > frame.cue[0]):
        return  # '..., said Ann Lee, a lawyer who ...': what follows describes the speaker
    after = max(frame.cue[1], frame.source[1] if frame.source else 0)
    sent_end = _sentence_end(doc, text, frame.cue_token)
    rest = text[after:sent_end]
    if not rest.lstrip().startswith(",") or any(after <= c < sent_end for c in cue_starts):
        return
    body = rest.strip().strip(",").rstrip(" .!?;:")
    if len(body.split()) >= 3 and "\n" not in body:
        frame.content = (frame.content[0], after + rest.index(body) + len(body))


def _sentence_end(doc: Doc, text: str, token: Token) -> int:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return int(token.sent.end_char)
    newline = text.find("\n", token.idx)
    return len(text) if newline == -1 else newline


def _clip_to_paragraph(text: str, frame: Frame) -> None:
    """Indirect content stays in the cue's paragraph (the parser may run sentences together)."""
    if frame.content is None or frame.direct or frame.cue is None:
        return
    start, end = frame.content
    cue = frame.cue[0]
    before = text.rfind("\n", start, min(cue, end))
    if before != -1:
        start = before + 1
    after = text.find("\n", max(cue, start), end)
    if after != -1:
        end = after
    piece = text[start:end]
    stripped = piece.strip(" \t\n,;:—–-")
    if not stripped:
        frame.content = None
        return
    start += piece.index(stripped)
    frame.content = (start, start + len(stripped))


def _uncued_quotes(text: str, found: Sequence[Frame], quotes: Sequence[_Span]) -> list[Frame]:
    """Quote paragraphs with no cue, given to the speaker of the paragraph before."""
    claimed = [f.content for f in found if f.content is not None]
    speakers = sorted((f for f in found if f.source is not None and f.cue), key=_position)
    out: list[Frame] = []
    for quote in quotes:
        if any(overlap(quote, c) for c in claimed) or quote[1] - quote[0] < _MIN_UNCUED_QUOTE:
            continue
        if not _starts_paragraph(text, quote[0]):
            continue
        before = [f for f in [*speakers, *out] if _position(f)[0] < quote[0]]
        if not before:
            continue
        speaker = max(before, key=_position)
        if _paragraphs_between(text, _position(speaker)[0], quote[0]) > 1:
            continue
        out.append(
            Frame(
                cue=None, cue_token=None, lemma="", status="asserted", content=quote,
                source=speaker.source, source_token=speaker.source_token,
                antecedent=speaker.antecedent, direct=True, vague=speaker.vague,
            )
        )  # fmt: skip
    return out


def _starts_paragraph(text: str, offset: int) -> bool:
    """True if only spaces lie between ``offset`` and the line start (or text start)."""
    i = offset - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _paragraphs_between(text: str, start: int, end: int) -> int:
    return sum(1 for line in text[start:end].split("\n")[1:] if line.strip())


# --- nesting and channels ----------------------------------------------------


def _inherit_participle_channels(found: Sequence[Frame]) -> None:
    """ "Confirming X, the agency said it had it through Y": the participle shares Y."""
    by_cue = {f.cue_token.i: f for f in found if f.cue_token is not None}
    for frame in found:
        token = frame.cue_token
        if token is None or token.dep_ != "advcl" or token.tag_ != "VBG":
            continue
        head = by_cue.get(token.head.i)
        if head is not None:
            frame.via.extend(v for v in head.via if v not in frame.via)


def _parents(found: Sequence[Frame]) -> dict[int, int]:
    """Each frame's innermost holder: the shortest longer content around its cue."""
    contents = [(f.content, j) for j, f in enumerate(found) if f.content is not None]
    contents.sort(key=lambda c: c[0][0])
    starts = [c[0][0] for c in contents]
    longest = max((c[1] - c[0] for c, _ in contents), default=0)
    parents: dict[int, int] = {}
    for i, frame in enumerate(found):
        assert frame.content is not None
        anchor = frame.cue or frame.content
        size = frame.content[1] - frame.content[0]
        # Only contents starting within reach of the anchor can hold it.
        near = contents[bisect_left(starts, anchor[1] - longest) : bisect_right(starts, anchor[0])]
        holders = sorted(
            j
            for content, j in near
            if j != i and inside(anchor, content) and content[1] - content[0] > size
        )
        if holders:
            parents[i] = min(holders, key=lambda j: _length(found[j]))
    return parents


def _length(frame: Frame) -> int:
    assert frame.content is not None
    return frame.content[1] - frame.content[0]


def _via(
    index: int, found: Sequence[Frame], parents: dict[int, int], text: str, cues: CueLexicon
) -> tuple[str, ...]:
    frame = found[index]
    chain: list[str] = []
    parent = parents.get(index)
    if parent is not None:
        chain.extend(_via(parent, found, parents, text, cues))
        outer = found[parent]
        if outer.status in cues.relay_statuses and outer.source is not None:
            chain.append(_source_name(text, outer))
    chain.extend(v for v in frame.via if v not in chain)
    return tuple(chain)


# --- records -------------------------------------------------------------------


def _source_name(text: str, frame: Frame) -> str:
    span = frame.antecedent or frame.source
    assert span is not None
    return name_of(text[span[0] : span[1]])


def _source(text: str, frame: Frame) -> SourceRef | None:
    if frame.source is None:
        return None
    resolved = span_of(text, *frame.antecedent) if frame.antecedent else None
    return SourceRef(
        span=span_of(text, *frame.source), name=_source_name(text, frame), resolved_from=resolved
    )


def _tokens(doc: Doc, span: _Span) -> list[Token]:
    view = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(view) if view is not None else []


def _claim(
    doc: Doc,
    text: str,
    frame: Frame,
    index: int,
    parents: dict[int, int],
    found: Sequence[Frame],
    cues: CueLexicon,
) -> Claim:
    assert frame.content is not None
    status, status_cues = certainty(
        _tokens(doc, frame.content),
        cue=frame.cue_token,
        cue_text=text[frame.cue[0] : frame.cue[1]] if frame.cue else None,
        cue_status=frame.status if frame.cue_token is not None else None,
        direct=frame.direct,
        cues=cues,
    )
    parent = parents.get(index)
    return Claim(
        id=f"c{index + 1}",
        content=span_of(text, *frame.content),
        source=_source(text, frame),
        cue=span_of(text, *frame.cue) if frame.cue else None,
        direct=frame.direct,
        status=status,
        status_cues=status_cues,
        via=_via(index, found, parents, text, cues),
        parent_id=f"c{parent + 1}" if parent is not None else None,
    )
