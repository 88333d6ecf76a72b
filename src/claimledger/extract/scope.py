"""Whose toll a figure is: this story's incident, a running total, or another incident.

Local crime reports and war reports alike give other numbers beside the toll of
the event they are about: a city's count for the year ("312 people have been
shot this year"), an earlier attack ("in a separate shooting, two were hurt").
Those are still figures, but they must not read as this event's toll, so their
``qualifier`` says so:

- ``"cumulative"``: a running total over a period ("this year", "so far this
  month", "to date", "since January", "last year"), or a count over several
  incidents ("in separate shootings", "17 shootings across the city");
- ``"separate"``: another incident ("in a separate shooting", "an unrelated
  attack", "another shooting").

Cues are read in the figure's own sentence; a scope qualifier replaces any
other (an implicit count in a sentence about another shooting is that
shooting's). A period right after a singular incident word dates the story's
own incident ("the shooting last year"), not a total. Dates alone ("last
week", "over the weekend", "in 2015") decide nothing: follow-up stories date
their own incident that way (measured on GVA). Lexicon: ``data/scope.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

__all__ = ["SCOPE_QUALIFIERS", "ScopeCues", "scope_cues", "scope_of"]

#: Qualifiers that put a figure outside the story's own incident.
SCOPE_QUALIFIERS = frozenset({"cumulative", "separate"})
_PHRASE = tuple[tuple[str, ...], str]


@dataclass(frozen=True, slots=True)
class ScopeCues:
    """Lower-case cue words and phrases, see ``data/scope.json``."""

    phrases: dict[str, list[_PHRASE]]  # by first word
    words: dict[str, str]
    incidents: frozenset[str]  # plural incident nouns: "shootings"
    many: frozenset[str]  # words that make them several: "separate shootings"
    events: frozenset[str]  # singular incident nouns: "the shooting last year"
    months: frozenset[str]


@cache
def scope_cues() -> ScopeCues:
    """Load the packaged scope cues once."""
    path = resources.files("claimledger.extract").joinpath("data/scope.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    phrases: dict[str, list[_PHRASE]] = {}
    for scope, items in raw["phrases"].items():
        for phrase in items:
            key = tuple(phrase.split())
            phrases.setdefault(key[0], []).append((key, scope))
    words = {word: scope for scope, items in raw["words"].items() for word in items}
    incidents, many, events, months = (
        frozenset(raw[key]) for key in ("incidents", "many", "events", "months")
    )
    return ScopeCues(phrases, words, incidents, many, events, months)


def scope_of(token: Token, *, cues: ScopeCues | None = None) -> str | None:
    """Return ``"cumulative"`` or ``"separate"`` for a figure's sentence, else None.

    Example:
        >>> scope_of(nlp("So far this year, 312 people were shot.")[5])  # doctest: +SKIP
        'cumulative'
    """
    cues = cues or scope_cues()
    doc = token.doc
    sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
    found = set(_scopes(sentence, cues))
    # A sentence about another incident that also counts the year is about that incident.
    return "separate" if "separate" in found else next(iter(found), None)


def _scopes(sentence: Span, cues: ScopeCues) -> Iterator[str]:
    words = [t.lower_ for t in sentence]
    for n, word in enumerate(words):
        if word in cues.words:
            yield cues.words[word]
        for phrase, scope in cues.phrases.get(word, ()):
            if tuple(words[n : n + len(phrase)]) == phrase and not _dates_event(words, n, cues):
                yield scope
        after = words[n + 1] if n + 1 < len(words) else ""
        if word == "since" and (after in cues.months or _is_year(after)):
            yield "cumulative"  # "since January", "since 2015": a running total
        if word in cues.incidents and _several(sentence[n], cues):
            yield "cumulative"  # "17 shootings across the city"


def _dates_event(words: list[str], n: int, cues: ScopeCues) -> bool:
    """ "a daylight shooting last year": the period dates one incident."""
    return any(w in cues.events for w in words[max(0, n - 2) : n])


def _several(noun: Token, cues: ScopeCues) -> bool:
    """A plural incident noun counted or spread: "three shootings", "shootings across"."""
    for child in noun.children:
        if child.lower_ in cues.many or (child.dep_ == "nummod" and child.lower_ != "one"):
            return True
        if child.dep_ == "amod" and child.lower_ in cues.many:
            return True
    nxt = noun.nbor() if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.lower_ in cues.many


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100
