"""The role a place plays in its sentence: where the event was, or the speaker, or neither."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.place_candidates import LOCATIVE, POSSESSIVE, dateline

__all__ = ["EVENT_PREPS", "place_role"]

#: Prepositions that place an event ("fighting in X"); "from"/"to" give direction only.
EVENT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "into"})
_NEGATORS = frozenset({"not", "never", "n't"})
#: Verbs of saying: "said in X" places the speaker, not the event.
_SPEECH_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "claim", "report", "write", "add", "warn", "note"}
    | {"allege", "confirm", "deny", "speak", "comment", "post"}
)
_VERB_OBJECTS = frozenset({"dobj", "oprd", "attr", "npadvmod"})


def place_role(span: Span) -> str | None:
    """Return "event", "speaker" or "negated" for a place mention, or None when unclear.

    "Shelling in X" places the event; a dateline, "said in X" or "a researcher
    in X" places the speaker; "not in X" denies the place.
    """
    if dateline(span):
        return "speaker"
    prep = _governing_preposition(span)
    if prep is None or prep.lower_ not in EVENT_PREPS:
        return None
    if _negated(prep):
        return "negated"
    if _in_person_apposition(prep):
        return "speaker"
    head = prep.head
    # "taken prisoner in X", "hold a rally in X": the verb's object carries the place.
    while head.dep_ in _VERB_OBJECTS and head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.lemma_ in _SPEECH_LEMMAS:
        return "speaker"
    if head.pos_ in ("VERB", "AUX"):
        return "event"
    return None


def _governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the place is, by the parse or, without one, by position."""
    doc = span.doc
    if doc.has_annotation("DEP"):
        token = span.root
        while token.dep_ in ("compound", "amod", "nmod", "appos") and token.head is not token:
            token = token.head
        return token.head if token.dep_ == "pobj" else None
    index = span.start - 1
    while index >= 0 and (doc[index].lower_ == "the" or doc[index].text in POSSESSIVE):
        index -= 2 if doc[index].text in POSSESSIVE else 1
    return doc[index] if index >= 0 and doc[index].lower_ in LOCATIVE else None


def _negated(prep: Token) -> bool:
    if any(child.dep_ == "neg" for child in prep.children):
        return True
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ in _NEGATORS


def _in_person_apposition(prep: Token) -> bool:
    """ "X, a researcher at an institute in Seoul": the place describes the speaker."""
    token = prep
    for _ in range(8):
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return True
        if token.head is token:
            return False
        token = token.head
    return False
