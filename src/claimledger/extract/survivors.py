"""Shot counts that include the dead: "four people were shot, one fatally".

A count only "shot" categorised becomes killed or wounded when the text counts
deaths, and gives a derived wounded figure, the count less its dead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from claimledger.extract.casualty_words import Lexicons, lemma
from claimledger.extract.categories import deaths_nearby
from claimledger.extract.found import Found
from claimledger.extract.numbers import limits_of
from claimledger.model import TextSpan

__all__ = ["survivors"]

_SHOT_CATEGORIES = {"wounded", "killed_or_wounded"}
_LIVING = {"survive", "recover"}
_ANONYMOUS_DEAD = ""  # among the victims' words: someone died who is named only "he"/"she"


def survivors(items: list[Found], lex: Lexicons) -> list[Found]:
    """ "Four people were shot ... one died": 4 killed or wounded, so 3 wounded.

    A count that only "shot" categorised includes the dead when the text also
    counts deaths: it becomes ``killed_or_wounded`` and, less the largest killed
    figure not above it, gives a derived wounded figure over the same phrase,
    ``subset_of`` the shot count. Without deaths in the text "shot" stays wounded.
    """
    deaths = {f.quantity.value for f in items if f.quantity.category == "killed"}
    if not deaths:
        return items
    parts = {i for f in items for i in f.members}  # "two men and a woman were shot"
    victims = {
        w.lower()
        for f in items
        if f.quantity.category == "killed" and f.quantity.subject
        for w in f.quantity.subject.split()
    }
    if any(_pronoun_death(f) for f in items):
        victims.add(_ANONYMOUS_DEAD)
    out: list[Found] = []
    for item in items:
        q = item.quantity
        dead = _dead_among(item, items)
        if not item.shot or q.category not in _SHOT_CATEGORIES or dead is None:
            out.append(item)
            continue
        if q.qualifier == "implicit" and not _died(item, victims):
            out.append(item)  # "A was killed and B was shot": B is wounded
            continue
        if _will_survive(item, lex):
            out.append(item)  # "A, B and C were shot but are expected to survive"
            continue
        total = replace(item, quantity=replace(q, category="killed_or_wounded"))
        out.append(replace(total, members=item.members | {item.anchor.i}))
        is_part = not item.members and item.anchor.i in parts
        if dead < q.value and q.qualifier != "implicit" and not is_part:
            out.extend(_wounded_part(total, q.value - dead, lex))
    return out


def _will_survive(item: Found, lex: Lexicons) -> bool:
    """True if the clause that says ``item``'s victims were shot says they will live
    ("... were shot but are expected to survive") and its sentence tells of no death."""
    verb = next((t for t in item.anchor.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or deaths_nearby(item.anchor, lex):
        return False
    return any(
        lemma(t) in _LIVING and not any(c.dep_ == "neg" for c in t.children) for t in verb.subtree
    )


def _dead_among(item: Found, items: list[Found]) -> float | None:
    """The deaths a shot count includes: its own sentence's ("four shot, one fatally")
    before the largest of the text's."""
    value = item.quantity.value
    dead = [f for f in items if f.quantity.category == "killed" and f.quantity.value <= value]
    own = [f.quantity.value for f in dead if f.sentence == item.sentence]
    return max(own or [f.quantity.value for f in dead], default=None)


def _pronoun_death(item: Found) -> bool:
    q = item.quantity
    return q.category == "killed" and q.qualifier == "implicit" and not q.subject


def _died(item: Found, victims: set[str]) -> bool:
    """Is the victim of an implicit "X was shot" counted dead elsewhere in the text?"""
    subject = item.quantity.subject
    if subject is None:
        return True  # "he was shot": the victim the text is about
    if _ANONYMOUS_DEAD in victims:
        return True  # "X was shot ... He died at the hospital": a pronoun's death is X's
    return any(w.lower() in victims for w in subject.split())


def _wounded_part(total: Found, value: float, lex: Lexicons) -> Iterator[Found]:
    q = total.quantity
    if q.bound not in {"exact", "more_than", "at_least", "less_than", "at_most"}:
        return  # "dozens were shot, two died": no count of the wounded to read
    low, high = limits_of(value, q.bound)
    anchor = total.anchor
    verbs = [t for t in (*anchor.children, *anchor.ancestors) if t.i > anchor.i]
    verb = next((t for t in verbs if lex.victim_verbs.get(lemma(t)) == "shot"), None)
    end = max(q.span.end, verb.idx + len(verb)) if verb is not None else q.span.end
    text = anchor.doc.text[q.span.start : end]
    span = TextSpan(text, q.span.start, end)
    part = replace(q, span=span, value=value, low=low, high=high, category="wounded")
    yield replace(total, quantity=replace(part, qualifier="derived"), derived=True)
