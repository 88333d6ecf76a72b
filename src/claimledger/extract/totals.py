"""Sums of listed figures: "three men and two women were hurt" is five hurt.

Which figures form a list is read by :mod:`.enumerations`; a total is one more
figure over its parts (``qualifier="total"``), the parts stay.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from claimledger.extract.casualty_words import Lexicons, lemma
from claimledger.extract.categories import deaths_nearby
from claimledger.extract.enumerations import (
    clause_head,
    is_alternative,
    is_list_member,
    list_head,
    separated,
    total_of,
)
from claimledger.extract.found import CASUALTY, Found

#: Nouns that count people of any kind, which a list after them may break down.
_UMBRELLAS = {"person", "people", "victim", "casualty", "individual"}
#: What named victims are when the text's other figures tell only of this harm.
_SOLE_HARM = {frozenset({"wounded"}): "wounded"}

__all__ = ["named_in_text", "totals"]


def _summable(item: Found, lex: Lexicons) -> bool:
    return (
        item.explicit
        and not item.members
        and (item.anchor.dep_ != "appos" or is_list_member(item.anchor, lex))
        and item.quantity.span.text.lower() != "both"
        and not is_alternative(item.anchor)  # "either the boy or his father"
    )


def _list_groups(items: list[Found], lex: Lexicons) -> dict[tuple[int, str], list[Found]]:
    """Casualty figures by (first list member, category)."""
    groups: dict[tuple[int, str], list[Found]] = {}
    for item in items:
        if item.quantity.category in CASUALTY and _summable(item, lex):
            key = (list_head(item.anchor, lex).i, item.quantity.category)
            groups.setdefault(key, []).append(item)
    return groups


def _clause_groups(
    groups: dict[tuple[int, str], list[Found]], lex: Lexicons
) -> dict[tuple[int, str], list[Found]]:
    """Surviving implicit victims, joined across coordinated clauses: "a man was shot
    in the leg and a woman in the arm" (see :func:`.enumerations.clause_head`)."""
    merged: dict[tuple[int, str], list[Found]] = {}
    for (head, category), group in sorted(groups.items()):
        if not _survived(group):
            continue
        if deaths_nearby(group[0].anchor, lex):
            merged[(head, category)] = group
            continue
        verb = clause_head(group[0].anchor.doc[head], lex)
        key = (verb.i if verb is not None else head, category)
        if key in merged and separated(merged[key][-1].anchor, group[0].anchor):
            key = (head, category)  # a headline's victim told again below it
        merged.setdefault(key, []).extend(group)
    return merged


def _breakdown(parts: list[Found]) -> bool:
    """ "six people, three men and three women, were shot": the parts after an umbrella
    count and a comma add up to it, so they split it rather than add to it."""
    first, rest = parts[0], parts[1:]
    if len(rest) < 2 or lemma(first.anchor) not in _UMBRELLAS:
        return False
    after = first.anchor.doc[first.anchor.i + 1 : first.anchor.i + 2]
    return after.text == "," and first.quantity.value == sum(p.quantity.value for p in rest)


def _survived(parts: list[Found]) -> bool:
    implicit = all(p.quantity.qualifier == "implicit" for p in parts)
    return implicit and parts[0].quantity.category == "wounded"


def totals(items: list[Found], lex: Lexicons, *, late: bool) -> Iterator[Found]:
    """ "three men and two women were hurt", "A, 24, B, 25 and C were shot" (see
    :mod:`.enumerations`): one more figure, the sum, over its parts.

    ``late``, after :func:`.survivors.survivors` has said which implicit victims may have
    died, sums those who did not: "A, B and C were shot ... A died" has one more
    figure, B and C wounded."""
    groups = _list_groups(items, lex)
    if late:
        groups = _clause_groups(groups, lex)
    summed = {(f.members, f.quantity.category) for f in items if f.members}
    for group in groups.values():
        parts = sorted(group, key=lambda p: p.quantity.span.start)
        if len(parts) < 2 or len({p.anchor.i for p in parts}) < len(parts):
            continue
        if (late and not _survived(parts)) or _breakdown(parts):
            continue
        total = total_of([p.quantity for p in parts], parts[0].anchor.doc.text)
        anchors = frozenset(p.anchor.i for p in parts)
        if (anchors, total.category) not in summed:
            yield replace(parts[0], quantity=total, members=anchors)


def named_in_text(named: list[Found], items: list[Found]) -> Iterator[Found]:
    """ "The victims are A, B and C" (see :func:`.enumerations.named_victims`): a count
    whose plural says no harm takes the text's, when its figures tell of one harm only
    ("four were wounded ... nobody died"); otherwise it is no casualty figure."""
    harms = frozenset(
        f.quantity.category for f in items if f.quantity.category in CASUALTY and f.quantity.value
    )
    for item in named:
        category = item.quantity.category
        if category == "other":
            category = _SOLE_HARM.get(harms, "other")
        if category != "other":
            yield replace(item, quantity=replace(item.quantity, category=category))
