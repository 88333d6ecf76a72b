"""Comparable units of claims and the blocking index that finds candidates.

Each claim yields *items*, the units the engine compares:

- one ``figure`` item per quantity (blocks: category family with subject head
  and country, with each region (admin1) of its places, and with its source;
  a figure with none of these meets only its own document's figures);
- one ``event`` item per event type (from its :class:`~claimledger.model.Event`
  records, else from trigger words), blocked by type and each subject word;
- one ``content`` item per claim, blocked by each content word; for a claim
  with figures or events it only serves to find denials (``typed``).

Candidates are items in the same blocks whose anchor day lies within a window
(sorted arrays, found by bisection), plus items of the same document. A
missing country is a wildcard block that matches every country.
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
from claimledger.reconcile.geography import (
    asserted_places,
    country_key,
    negated_places,
    region_keys,
)
from claimledger.reconcile.wording import (
    event_types_in,
    signatures,
    statement_words,
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
    regions: frozenset[str] = frozenset()

    @property
    def implicit(self) -> bool:
        """Whether this is an implicit count ("the judge was killed": one)."""
        return self.quantity is not None and self.quantity.qualifier == "implicit"

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
    regions = region_keys(facts.places)
    number = start
    statement = statement_words(facts.claim.content.text)
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
            words=statement,
            quantity=q,
            asserted=here,
            negated=not_here,
            regions=regions,
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
        # Figures meet across documents only through a known subject, a shared region
        # or near-identical wording ("toll rises to 3" / "toll rises to 4").
        keys: list[tuple[str, ...]] = [("figure-at", item.family, r) for r in item.regions]
        keys += [("figure-like", item.family, w) for w in signatures(item.words)]
        if item.facts.source_id:
            keys.append(("figure-by", item.family, item.facts.source_id))
        if item.head != "*":
            keys.append(("figure", item.family, item.head, item.country))
        return keys
    if item.kind == "event":
        keys = [("event", item.family, w) for w in item.words]
        keys += [("event-citing", item.family, c) for c in item.facts.cited_source_ids]
        if item.facts.source_id:
            keys.append(("event-by", item.family, item.facts.source_id))
        return keys
    return [(_content_shelf(item), w) for w in item.words]


def _content_shelf(item: Item) -> str:
    # Content items of figure or event claims only serve to find denials, so they
    # sit on shelves a denial looks through and nothing else does.
    if item.facts.claim.status == "denied":
        return "denial"
    return "typed" if item.typed else "content"


def _content_query_shelves(item: Item) -> tuple[str, ...]:
    shelf = _content_shelf(item)
    if shelf == "denial":
        return ("content", "typed") if item.typed else ("content", "typed", "denial")
    return ("denial",) if shelf == "typed" else ("content", "denial")


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
        self._countries: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_document: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, item: Item) -> None:
        """Put ``item`` in its blocks."""
        for key in _block_keys(item):
            self._postings[key].add(item.day, item.number)
        if item.kind == "figure":
            self._countries[(item.family, item.head)].add(item.country)
        self._by_document[(item.facts.document_id, item.kind)].append(item.number)

    def candidates(self, item: Item, *, families: tuple[str, ...] = ()) -> set[int]:
        """Return numbers of indexed items that may speak about the same thing as ``item``."""
        low, high = item.day - self.window_days, item.day + self.window_days
        found: set[int] = set(self._by_document.get((item.facts.document_id, item.kind), ()))
        for key in self._query_keys(item, families or (item.family,)):
            postings = self._postings.get(key)
            if postings is None:
                continue
            numbers = postings.within(low, high)
            capped = item.kind != "figure" or key[0] == "figure-like"
            if not capped or len(numbers) <= MAX_WORD_CANDIDATES:
                found.update(numbers)
        found.discard(item.number)
        return found

    def _query_keys(self, item: Item, families: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if item.kind == "content":
            for shelf in _content_query_shelves(item):
                yield from ((shelf, w) for w in item.words)
            return
        for family in families:
            if item.kind == "event":
                # An event without subject words only meets its own document's items.
                yield from (("event", family, w) for w in item.words)
                # A claim confirming (or relaying) a source meets that source's claims.
                yield from (("event-by", family, c) for c in item.facts.cited_source_ids)
                if item.facts.source_id:
                    yield ("event-citing", family, item.facts.source_id)
                continue
            yield from (("figure-at", family, r) for r in item.regions)
            yield from (("figure-like", family, w) for w in signatures(item.words))
            if item.facts.source_id:  # a source updating its own figure
                yield ("figure-by", family, item.facts.source_id)
            if item.head == "*":
                continue
            countries = self._countries.get((family, item.head), set())
            wanted = countries if item.country == "*" else {item.country, "*"} & countries
            yield from (("figure", family, item.head, c) for c in wanted)
