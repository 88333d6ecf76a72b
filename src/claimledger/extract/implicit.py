"""Implicit counts: "a mayor was shot dead" is one killed, "no one was hurt" is zero.

Most casualty facts in wire reports are not written as numbers. A singular
person noun (or a person's name, or "he"/"she") that is the victim of a
casualty predicate ("was killed", "died", "was found dead", "was wounded",
"was captured") is a count of one; "no one", "nobody" and "none" as victims,
and "no deaths/injuries/casualties", are counts of zero. These figures carry
``qualifier="implicit"`` so that reconciliation can tell them from written
numbers. Plural nouns without a number ("soldiers were killed") are not
counted, and negated predicates ("was not injured") give nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from claimledger.extract.categories import Lexicons, lemma, merge, predicate_evidence
from claimledger.model import Quantity, TextSpan

__all__ = ["implicit_counts"]

_ROLES = {"nsubj", "nsubjpass", "dobj", "conj"}
_CASUALTY = {"killed", "wounded", "killed_or_wounded", "captured", "missing"}
_PRONOUNS = {"he", "she", "him", "her"}
_NOBODY = {"nobody", "none", "noone"}


def _is_person(token: Token, lex: Lexicons) -> bool:
    if token.lower_ in _PRONOUNS:
        return True
    if token.ent_type_ == "PERSON":
        return True
    return token.pos_ in {"NOUN", "PROPN"} and lemma(token) in lex.persons


def _singular(token: Token) -> bool:
    if token.tag_ in {"NNS", "NNPS"}:
        return False
    return token.morph.to_dict().get("Number", "Sing") == "Sing"


def _zero(token: Token, lex: Lexicons) -> bool:
    det_no = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if token.lower_ in _NOBODY or (token.lower_ == "one" and det_no):
        return True
    return det_no and lemma(token) in lex.nouns


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _victim_category(token: Token, lex: Lexicons) -> str | None:
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ not in _ROLES - {"conj"} or _negated(node.head):
        return None
    category = merge(predicate_evidence(token, lex), lex)
    if category is None and _zero(token, lex) and node.dep_ in {"nsubj", "nsubjpass"}:
        category = lex.nouns.get(lemma(token))  # "no casualties were reported"
    return category if category in _CASUALTY else None


def _phrase(token: Token) -> TextSpan:
    doc = token.doc
    start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ != "punct"])
    if token.ent_type_ == "PERSON":
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            start = min(start, ent.start)
    span = doc[start : token.i + 1]
    return TextSpan(span.text, span.start_char, span.end_char)


def _subject_text(token: Token, *, zero: bool) -> str | None:
    """The victim as a noun phrase without its determiner: "mayor", "Juan Perez"."""
    if zero or token.lower_ in _PRONOUNS:
        return None
    start = token.doc.char_span(*_char_range(token))
    words = [
        t.text
        for t in start or ()
        if t.dep_ not in {"det", "poss", "punct"} and not any(d.like_num for d in t.subtree)
    ]
    return " ".join(words) or token.text


def _char_range(token: Token) -> tuple[int, int]:
    span = _phrase(token)
    return span.start, span.end


def implicit_counts(
    doc: Doc, *, lex: Lexicons, taken: frozenset[int] | set[int] = frozenset()
) -> Iterator[tuple[Quantity, Token]]:
    """Yield (figure, victim token) for victims counted by the predicate alone."""
    for token in doc:
        if token.i in taken or token.dep_ not in _ROLES:
            continue
        if any(c.dep_ == "nummod" for c in token.children):
            continue
        zero = _zero(token, lex)
        if not zero and not (_is_person(token, lex) and _singular(token)):
            continue
        category = _victim_category(token, lex)
        if category is None:
            continue
        value = 0.0 if zero else 1.0
        yield (
            Quantity(
                id="",
                span=_phrase(token),
                value=value,
                low=value,
                high=value,
                category=category,
                subject=_subject_text(token, zero=zero),
                qualifier="implicit",
            ),
            token,
        )
