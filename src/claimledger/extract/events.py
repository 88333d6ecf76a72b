"""Typed events (capture, death, attack, ...) derived from what claims assert.

A claim asserts an event when its own words (not those of a claim nested in
it) hold a trigger from ``data/event_lemmas.json`` ("take prisoner" ->
capture, "die"/"kill" -> death) or a figure of an event category (a killed
count -> death). Each event gets the claim's participants (subjects and objects
of the trigger, else the people, groups and organisations named), the place
where the text says the event happened and the first time in the claim.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from importlib.resources import files
from typing import Generic, TypeVar

from spacy.tokens import Doc, Token

from claimledger.extract.phrases import entity_of
from claimledger.model import Claim, Event, Place, Quantity, TextSpan, TimeRef

__all__ = ["EVENT_TYPES", "event_triggers", "events"]

#: Event types, in the order a claim's triggers are tried.
EVENT_TYPES = ("capture", "exchange", "casualties", "death", "deployment", "attack", "other")

_QUANTITY_TYPES = {
    "killed": "death",
    "wounded": "casualties",
    "killed_or_wounded": "casualties",
    "captured": "capture",
    "deployed": "deployment",
    "attacks": "attack",
    "missing": "other",
    "displaced": "other",
}
_WINDOW = 4
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "poss"})
_PARTICIPANT_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})

_Record = TypeVar("_Record")


class _ByStart(Generic[_Record]):
    """Records found by where their span starts: a long document has thousands of
    claims and figures, and scanning them all per claim was quadratic."""

    def __init__(self, items: Sequence[_Record], span_of: Callable[[_Record], TextSpan]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda n: span_of(items[n]).start)
        self._starts = [span_of(items[n]).start for n in self._order]

    def starting_in(self, start: int, end: int) -> list[_Record]:
        """Records starting in ``[start, end]``, in their given order."""
        found = self._order[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [self._items[n] for n in sorted(found)]


@cache
def event_triggers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return event type -> trigger lemma sequences, loaded once from the package data."""
    path = files("claimledger.extract").joinpath("data", "event_lemmas.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {kind: tuple(tuple(p.split()) for p in raw[kind]) for kind in EVENT_TYPES if kind in raw}


def events(
    doc: Doc,
    *,
    claims: Sequence[Claim],
    quantities: Sequence[Quantity] = (),
    places: Sequence[Place] = (),
    times: Sequence[TimeRef] = (),
) -> Iterator[Event]:
    """Yield the events each claim asserts, with local ids "e1", "e2", ...

    Example:
        >>> [e.type for e in events(doc, claims=claims)]  # doctest: +SKIP
        ['capture', 'death']
    """
    contents = _ByStart(claims, lambda c: c.content)
    figures = _ByStart(quantities, lambda q: q.span)
    where = _ByStart(places, lambda p: p.span)
    when = _ByStart(times, lambda t: t.span)
    number = 0
    for claim in claims:
        start, end = claim.content.start, claim.content.end
        nested = [
            c.content
            for c in contents.starting_in(start, end)
            if c is not claim and _strictly_inside(c.content, claim)
        ]
        own = _own_tokens(doc, claim, nested)
        for kind, trigger in _types(own, figures):
            number += 1
            yield Event(
                id=f"e{number}",
                type=kind,
                claim_id=claim.id,
                participants=_participants(trigger, own),
                place_id=_place(claim, nested, where.starting_in(start, end)),
                time=_time(claim, when.starting_in(start, end)),
            )


def _own_tokens(doc: Doc, claim: Claim, nested: list[TextSpan]) -> list[Token]:
    """Tokens of the claim's content outside any claim nested in it."""
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not any(n.start <= t.idx < n.end for n in nested)]


def _strictly_inside(span: TextSpan, claim: Claim) -> bool:
    return claim.content.contains(span) and span != claim.content


def _types(own: list[Token], figures: _ByStart[Quantity]) -> Iterator[tuple[str, Token | None]]:
    found: dict[str, Token | None] = {}
    # Each token's lemma and form, read once: Token attributes are costly to reach.
    words = [(_lemma(t), t.lower_) for t in own]
    present = {w for pair in words for w in pair}
    for kind, phrases in event_triggers().items():
        possible = [p for p in phrases if p[0] in present]
        trigger = next(
            (own[i] for i in range(len(own)) for p in possible if _matches(words, i, p)), None
        )
        if trigger is not None:
            found[kind] = trigger
    for quantity in _figures_in(own, figures):
        figure_kind = _QUANTITY_TYPES.get(quantity.category)
        if figure_kind is not None:
            found.setdefault(figure_kind, None)
    if "casualties" in found and found.get("death", False) in (None, found["casualties"]):
        del found["death"]  # "killed or wounded" counts casualties, not deaths
    yield from ((k, found[k]) for k in EVENT_TYPES if k in found)


def _figures_in(own: list[Token], figures: _ByStart[Quantity]) -> Iterator[Quantity]:
    """Figures starting inside one of the claim's own tokens."""
    if not own:
        return
    starts = [t.idx for t in own]
    for quantity in figures.starting_in(starts[0], own[-1].idx + len(own[-1])):
        at = bisect_right(starts, quantity.span.start) - 1
        if at >= 0 and quantity.span.start < starts[at] + len(own[at]):
            yield quantity


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).casefold()


def _matches(words: list[tuple[str, str]], position: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` starts at ``position`` of ``words`` (lemma, form), gaps allowed."""
    if phrase[0] not in words[position]:
        return False
    rest = words[position + 1 : position + 1 + _WINDOW * len(phrase[1:])]
    for lemma in phrase[1:]:
        hit = next((i for i, pair in enumerate(rest) if lemma in pair), None)
        if hit is None:
            return False
        rest = rest[hit + 1 :]
    return True


def _participants(trigger: Token | None, own: list[Token]) -> tuple[str, ...]:
    """Subjects and objects of the trigger, else the people and groups the claim names."""
    if trigger is not None and trigger.doc.has_annotation("DEP"):
        indices = {o.i for o in own}
        found = [_phrase(t) for t in _arguments(trigger) if t.i in indices]
        if found:
            return tuple(dict.fromkeys(found))
    names = (_entity(t) for t in own if t.ent_iob_ == "B" and t.ent_type_ in _PARTICIPANT_LABELS)
    return tuple(dict.fromkeys(n for n in names if n))


def _arguments(trigger: Token) -> Iterator[Token]:
    for child in trigger.children:
        if child.dep_ in _PARTICIPANT_DEPS and child.pos_ in ("NOUN", "PROPN", "PRON"):
            yield child
        elif child.dep_ in ("agent", "prep") and child.lower_ == "by":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token``, without relative clauses or prepositions after it."""
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "amod", "nummod") and child.i == right + 1:
            right = child.i
    return token.doc[token.left_edge.i : right + 1].text


def _entity(token: Token) -> str | None:
    span = entity_of(token)
    return span.text if span is not None and span.start == token.i else None


def _place(claim: Claim, nested: list[TextSpan], places: Sequence[Place]) -> str | None:
    inside = [p for p in places if claim.content.contains(p.span) and p.role != "speaker"]
    own = [p for p in inside if not any(n.contains(p.span) for n in nested)] or inside
    for wanted in ("event", None):
        chosen = next((p for p in own if p.role == wanted), None)
        if chosen is not None:
            return chosen.id
    return None


def _time(claim: Claim, times: Sequence[TimeRef]) -> str | None:
    inside = [t for t in times if claim.content.contains(t.span)]
    if inside:
        return min(inside, key=lambda t: t.span.start).iso
    return claim.event_time
