"""Claims the text makes in its own voice: sentences with figures no attribution covers.

"At least 12 people were killed on Monday." names no source, but it is still a
claim, the outlet's own; without it the figure would stand outside every claim
and be invisible to cross-checking. Each such sentence becomes one unattributed
claim (``source=None``) whose content is the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from claimledger.model import Claim, Quantity, TextSpan


def unattributed_claims(
    doc: Doc, *, claims: Sequence[Claim], quantities: Sequence[Quantity]
) -> Iterator[Claim]:
    """Yield one unattributed claim (ids "u1", "u2", ...) per uncovered sentence with a figure."""
    covered = [c.content for c in claims]
    sentences: dict[int, TextSpan] = {}
    for quantity in quantities:
        if any(content.contains(quantity.span) for content in covered):
            continue
        sentence = _sentence(doc, quantity.span)
        if sentence is not None:
            sentences.setdefault(sentence.start, sentence)
    for number, start in enumerate(sorted(sentences), start=1):
        yield Claim(id=f"u{number}", content=sentences[start], status="asserted")


def _sentence(doc: Doc, span: TextSpan) -> TextSpan | None:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not doc.has_annotation("SENT_START"):
        return None
    sent = tokens.sent
    text = sent.text.rstrip()
    if not text:
        return None
    return TextSpan(text, sent.start_char, sent.start_char + len(text))
