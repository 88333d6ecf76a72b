"""Mark records in a document's text as safe HTML.

Spans are character offsets into the text and may overlap (a figure inside a
claim's content, a source inside a quotation). The text is cut at every span
boundary; each piece is escaped and wrapped in one ``<mark>`` per span that
covers it, the longest outermost, so overlapping spans nest cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markupsafe import Markup, escape

from claimledger.model import Extraction


@dataclass(frozen=True, slots=True)
class Highlight:
    """One span to mark: ``kind`` names its CSS class, ``href`` its record."""

    start: int
    end: int
    kind: str
    href: str
    title: str


def extraction_highlights(extraction: Extraction, *, claim_href: str) -> Iterator[Highlight]:
    """Yield the highlights of an extraction: content, source, cue, figures, places.

    ``claim_href`` is a format string with ``{id}`` for a claim's page; figures
    and places link to their claim when they have one.
    """
    for claim in extraction.claims:
        href = claim_href.format(id=claim.id)
        yield Highlight(claim.content.start, claim.content.end, "content", href, claim.status)
        if claim.source:
            span = claim.source.span
            yield Highlight(span.start, span.end, "source", href, claim.source.name)
        if claim.cue:
            yield Highlight(claim.cue.start, claim.cue.end, "cue", href, "cue")
    for quantity in extraction.quantities:
        href = claim_href.format(id=quantity.claim_id) if quantity.claim_id else "#" + quantity.id
        title = f"{quantity.category} {quantity.bound} {quantity.value:g}"
        yield Highlight(quantity.span.start, quantity.span.end, "figure", href, title)
    for place in extraction.places:
        href = claim_href.format(id=place.claim_id) if place.claim_id else "#" + place.id
        title = f"{place.name} ({place.country or '?'})"
        yield Highlight(place.span.start, place.span.end, "place", href, title)


def highlight(
    text: str, highlights: Iterable[Highlight], *, window: tuple[int, int] | None = None
) -> Markup:
    """Return ``text`` (or its ``window`` slice) as escaped HTML, highlights marked.

    Example:
        >>> str(highlight("a <b> c", [Highlight(2, 5, "figure", "/x", "t")]))
        'a <mark class="hl hl-figure" data-href="/x" title="t">&lt;b&gt;</mark> c'
    """
    low, high = window or (0, len(text))
    marks = sorted(
        (
            Highlight(max(h.start, low), min(h.end, high), h.kind, h.href, h.title)
            for h in highlights
            if 0 <= h.start < h.end <= len(text) and h.start < high and low < h.end
        ),
        key=lambda h: (h.start, -(h.end - h.start)),
    )
    cuts = sorted({low, high, *(h.start for h in marks), *(h.end for h in marks)})
    parts: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = str(escape(text[start:end]))
        covering = [h for h in marks if h.start <= start and end <= h.end]
        # Outermost first: the longest span opens first and closes last.
        covering.sort(key=lambda h: (-(h.end - h.start), h.start))
        opening = "".join(_open(h) for h in covering)
        parts.append(f"{opening}{piece}{'</mark>' * len(covering)}")
    return Markup("".join(parts))


def _open(h: Highlight) -> str:
    return (
        f'<mark class="hl hl-{escape(h.kind)}" data-href="{escape(h.href)}" '
        f'title="{escape(h.title)}">'
    )


def sentence_window(text: str, start: int, end: int, *, reach: int = 400) -> tuple[int, int]:
    """Widen ``[start, end)`` to the sentence(s) around it, at most ``reach`` more each side.

    Example:
        >>> sentence_window("One. Two three. Four.", 9, 14)
        (5, 15)
    """
    left = start
    while left > max(0, start - reach) and not _sentence_end(text, left - 1):
        left -= 1
    right = end
    while right < min(len(text), end + reach) and not _sentence_end(text, right - 1):
        right += 1
    while left < start and text[left].isspace():
        left += 1
    return left, right


def _sentence_end(text: str, index: int) -> bool:
    if index < 0 or index >= len(text):
        return True
    if text[index] == "\n":
        return True
    return text[index] in ".!?" and (index + 1 == len(text) or text[index + 1].isspace())
