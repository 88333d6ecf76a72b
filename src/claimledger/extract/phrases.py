"""Phrase boundaries over a dependency parse: noun phrases, clauses, trimmed spans.

Attribution spans follow PolNeAR's conventions: a source is the noun phrase
that names the speaker (without appositions or relative clauses, which describe
rather than name it); a content span is the reported clause without the
punctuation that separates it from the cue.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.model import TextSpan

#: Right dependents that still belong to a name ("spokesman for the ministry").
_NAME_RIGHT_DEPS = frozenset(
    {"compound", "prep", "pobj", "nummod", "amod", "flat", "nmod", "case", "cc", "conj", "poss"}
)
#: Opening and closing quotation marks; kept at span edges when balanced.
QUOTE_CHARS = frozenset('"“”«»„')
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is in, read from its IOB tags: ``Doc.ents`` builds
    every entity of the document on each access, quadratic on long documents."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def span_of(text: str, start: int, end: int) -> TextSpan:
    """Return the TextSpan of characters ``[start, end)`` of ``text``."""
    return TextSpan(text[start:end], start, end)


def chars(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc`` between token-aligned offsets, without reading all of ``doc.text``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return "" if span is None else str(span.text)


def _is_edge_junk(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text not in QUOTE_CHARS)


def trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Return char offsets of tokens ``first..last`` (inclusive) minus edge punctuation.

    A quotation mark at one edge is dropped when the span holds no mark of the
    other kind, so a clause cut out of a quote does not carry a stray mark.
    """
    while first <= last and _is_edge_junk(doc[first]):
        first += 1
    while last >= first and _is_edge_junk(doc[last]):
        last -= 1
    if first > last:
        return None
    marks = [t.text for t in doc[first : last + 1] if t.text in QUOTE_CHARS]
    if len(marks) == 1:
        if doc[first].text in QUOTE_CHARS:
            return trimmed(doc, first + 1, last)
        if doc[last].text in QUOTE_CHARS:
            return trimmed(doc, first, last - 1)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def subtree_span(token: Token) -> tuple[int, int] | None:
    """Return the trimmed char offsets of ``token``'s subtree."""
    return trimmed(token.doc, token.left_edge.i, token.right_edge.i)


def noun_phrase(token: Token) -> tuple[int, int] | None:
    """Return char offsets of the name-like phrase headed by ``token``.

    Appositions, relative and adverbial clauses are left out: "Ann Lee, a
    fellow at the institute, who ..." gives "Ann Lee".
    """
    last = token.i
    for child in token.rights:
        if child.dep_ not in _NAME_RIGHT_DEPS:
            break
        last = child.right_edge.i
    first = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ in {"punct", "cc", "preconj"} and child.i == token.left_edge.i:
            break
        first = child.left_edge.i
    return trimmed(token.doc, first, last)


def name_of(text: str) -> str:
    """Return a mention's text without a leading determiner or trailing possessive."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    name = " ".join(words)
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def outside_run(clause: Token, cut: Token, *, min_tokens: int = 3) -> tuple[int, int] | None:
    """Return the part of ``clause``'s subtree before ``cut``'s subtree, else the part after.

    "X, according to Y" reports X; "According to Y, X" too: the part before
    wins when it has at least ``min_tokens`` tokens. "X, according to Y, Z" reports
    the clause around the aside, both parts.
    """
    doc = clause.doc
    right = trimmed(doc, cut.right_edge.i + 1, clause.right_edge.i)
    if cut.left_edge.i - clause.left_edge.i >= min_tokens:
        left = trimmed(doc, clause.left_edge.i, cut.left_edge.i - 1)
        if left is not None:
            return left if right is None else (left[0], right[1])
    return right
