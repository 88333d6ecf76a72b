"""Comparable units of claims and the blocking index that finds candidates.

Each claim yields *items*, the units the engine compares:

- one ``figure`` item per quantity (block: category family, subject head,
  country of the claim's places);
- one ``event`` item per event type (from its :class:`~claimledger.model.Event`
  records, else from trigger words), blocked by type and each subject word;
- one ``content`` item per claim, blocked by each content word; for a claim
  with figures or events it only serves to find denials (``typed``).

Candidates are items in the same blocks whose anchor day lies within a window
(sorted arrays, found by bisection), plus items of the same document. A
missing subject head or country is a wildcard block that matches every value.
So each new item costs the size of its few blocks, not of the ledger.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from claimledger.model import Place, Quantity
from claimledger.reconcile.facts import ClaimFacts, anchor_day
from claimledger.reconcile.geography import asserted_places, country_key, negated_places
from claimledger.reconcile.wording import (
    event_types_in,
    subject_head,
    subject_modifiers,
    subject_tokens,
    tokens,
)

__all__ = ["CATEGORY_FAMILIES", "MAX_WORD_CANDIDATES", "BlockIndex", "Item", "items_of"]

#: Categories that may be compared with each other (killed <= killed_or_wounded).
CATEGORY_FAMILIES = {
    "killed": "casualties",
    "wounded": "casualties",
    "killed_or_wounded": "casualties",
}

#: A word shared by more items than this within the window is too common to say two
#: claims are about the same thing; it finds no candidates (figures are not capped).
MAX_WORD_CANDIDATES = 2000


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """One comparable unit of a claim (see the module docstring)."""

    number: int
    kind: str
    facts: ClaimFacts
    day: int
    country: str
    family: str = ""
    head: str = "*"
    modifiers: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    quantity: Quantity | None = None
    asserted: tuple[Place, ...] = ()
    negated: tuple[Place, ...] = ()
    typed: bool = False

    @property
    def event_type(self) -> str:
        """The event type of an event item (its family)."""
        return self.family


def _place_words(facts: ClaimFacts) -> frozenset[str]:
    return frozenset().union(*(tokens(p.span.text) | tokens(p.name) for p in facts.places))


def items_of(facts: ClaimFacts, *, start: int) -> Iterator[Item]:
    """Yield the items of one claim, numbered from ``start``."""
    day, country = anchor_day(facts), country_key(facts.places)
    here, not_here = asserted_places(facts.places), negated_places(facts.places)
    number = start
    for q in facts.quantities:
        family = CATEGORY_FAMILIES.get(q.category, q.category)
        head, mods = subject_head(q.subject), subject_modifiers(q.subject)
        yield Item(
            number,
            "figure",
            facts,
            day,
            country,
            family,
            head,
            mods,
            quantity=q,
            asserted=here,
            negated=not_here,
        )
        number += 1
    # Trigger words only type claims without figures: a figure's own words ("killed")
    # are compared as a figure, not as a second, looser event.
    types = {e.type for e in facts.events} or (
        set() if facts.quantities else event_types_in(facts.claim.content.text)
    )
    words = subject_tokens(facts.claim.content.text, exclude=_place_words(facts))
    for kind in sorted(types):
        yield Item(
            number, "event", facts, day, country, kind, words=words, asserted=here, negated=not_here
        )
        number += 1
    # Every claim also gets a content item: a denial is found by word overlap even
    # when only one side carries figures or an event type.
    words = tokens(facts.claim.content.text)
    typed = bool(facts.quantities or types)
    yield Item(
        number,
        "content",
        facts,
        day,
        country,
        words=words,
        asserted=here,
        negated=not_here,
        typed=typed,
    )


def _block_keys(item: Item) -> list[tuple[str, ...]]:
    if item.kind == "figure":
        return [("figure", item.family, item.head, item.country)]
    if item.kind == "event":
        return [("event", item.family, w) for w in item.words] or [("event", item.family, "*")]
    return [("content", w) for w in item.words]


class _Postings:
    """Item numbers sorted by anchor day."""

    __slots__ = ("days", "numbers")

    def __init__(self) -> None:
        self.days = array("q")
        self.numbers = array("q")

    def add(self, day: int, number: int) -> None:
        at = bisect.bisect_right(self.days, day)
        self.days.insert(at, day)
        self.numbers.insert(at, number)

    def within(self, low: int, high: int) -> array[int]:
        return self.numbers[
            bisect.bisect_left(self.days, low) : bisect.bisect_right(self.days, high)
        ]


class BlockIndex:
    """Blocks of items for finding comparison candidates in near-constant time."""

    def __init__(self, *, window_days: int) -> None:
        self.window_days = window_days
        self._postings: dict[tuple[str, ...], _Postings] = defaultdict(_Postings)
        self._heads: dict[str, set[str]] = defaultdict(set)
        self._countries: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_document: dict[str, list[int]] = defaultdict(list)

    def add(self, item: Item) -> None:
        """Put ``item`` in its blocks."""
        for key in _block_keys(item):
            self._postings[key].add(item.day, item.number)
        if item.kind == "figure":
            self._heads[item.family].add(item.head)
            self._countries[(item.family, item.head)].add(item.country)
        self._by_document[item.facts.document_id].append(item.number)

    def candidates(self, item: Item, *, families: tuple[str, ...] = ()) -> set[int]:
        """Return numbers of indexed items that may speak about the same thing as ``item``."""
        low, high = item.day - self.window_days, item.day + self.window_days
        found: set[int] = set(self._by_document.get(item.facts.document_id, ()))
        for key in self._query_keys(item, families or (item.family,)):
            postings = self._postings.get(key)
            if postings is None:
                continue
            numbers = postings.within(low, high)
            if item.kind == "figure" or len(numbers) <= MAX_WORD_CANDIDATES:
                found.update(numbers)
        found.discard(item.number)
        return found

    def _query_keys(self, item: Item, families: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if item.kind == "content":
            yield from _block_keys(item)
            return
        for family in families:
            if item.kind == "event":
                # An event without subject words only meets its own document's items.
                yield from (("event", family, w) for w in item.words)
                continue
            heads = self._heads[family] if item.head == "*" else {item.head, "*"}
            for head in heads:
                countries = self._countries.get((family, head), set())
                wanted = countries if item.country == "*" else {item.country, "*"} & countries
                yield from (("figure", family, head, c) for c in wanted)
