"""Media and intermediaries named around a cue: "told the BBC", "in a post on X".

These become a claim's ``via`` chain. Only what the text itself says is read
here; the outlet that published the document is added by whoever knows it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimledger.extract.cues import CueLexicon
from claimledger.extract.phrases import chars, noun_phrase, subtree_span

__all__ = ["channels", "clause_channels"]

#: Entity labels that can name a medium or an intermediary.
_CHANNEL_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "PERSON", "NORP", "FAC", ""})
#: Prepositions that introduce an addressee or a platform ("to Reuters", "on X").
_ADDRESS_PREPS = frozenset({"to", "with", "on"})


def channels(cue: Token, *, cues: CueLexicon) -> Iterator[str]:
    """Yield the names of media and intermediaries attached to ``cue``, in text order."""
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and cue.lemma_.lower() in cues.recipient_verbs:
            if _is_medium_name(child, cues):
                yield _phrase_text(child)
        elif child.dep_ == "prep":
            yield from _prep_channels(child, cues)
        elif child.dep_ == "dobj":
            yield from _report_channels(child, cues)


def clause_channels(clause: Token, *, cues: CueLexicon) -> Iterator[str]:
    """Yield "through X" / "via X" channels of a reported clause ("obtained it through X")."""
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ in cues.channel_preps:
            yield from _prep_channels(child, cues)


def _phrase_text(token: Token) -> str:
    span = noun_phrase(token)
    if span is None:
        return token.text
    text = chars(token.doc, *span)
    return text[4:] if text.lower().startswith("the ") else text


def _is_medium_name(token: Token, cues: CueLexicon, *, loose: bool = False) -> bool:
    """A named organisation or a media noun, never a date or a place.

    ``loose`` also takes a capitalised noun the tagger missed (a platform after
    "a post on ...").
    """
    if token.lemma_.lower() in cues.media_nouns:
        return True
    named = token.pos_ == "PROPN" or (loose and token.text[:1].isupper())
    return named and token.ent_type_ in _CHANNEL_LABELS


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _prep_channels(prep: Token, cues: CueLexicon, *, loose: bool = False) -> Iterator[str]:
    obj = _pobj(prep)
    if obj is None:
        return
    word = prep.lower_
    if word in cues.channel_preps:
        span = subtree_span(obj)
        if span is not None:
            yield chars(prep.doc, *span)
    elif word in _ADDRESS_PREPS and _is_medium_name(obj, cues, loose=loose):
        yield _phrase_text(obj)
    elif word in {"in", "on", "during"} and obj.lemma_.lower() in cues.medium_nouns:
        for inner in obj.children:
            if inner.dep_ == "prep":
                yield from _prep_channels(inner, cues, loose=True)


def _report_channels(obj: Token, cues: CueLexicon) -> Iterator[str]:
    """ "Confirming reports in local media that ...": the media the reports came from."""
    if obj.lemma_.lower() not in cues.nouns:
        return
    for prep in obj.children:
        inner = _pobj(prep) if prep.dep_ == "prep" else None
        if inner is not None and prep.lower_ in {"in", "from", "by", "on"}:
            if inner.lemma_.lower() in cues.media_nouns or inner.pos_ == "PROPN":
                yield _phrase_text(inner)
