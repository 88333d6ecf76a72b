"""Corroborations: clusters of agreeing claims from independent origins.

Agreement edges join items of one proposition whose origins differ
(:mod:`~claimledger.reconcile.independence`) and whose wording asserts
something (asserted, reported, confirmed, estimated: hedged, alleged,
conditional, predicted and opinion claims support nothing). Each edge merges
two clusters unless a claim of one contradicts a claim of the other, so a
cluster never holds a contradiction (a contradiction is always known before
the later claim's agreements are merged). A cluster with two or more origins
is a corroboration listing those origins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from claimledger.model import Corroboration
from claimledger.reconcile.facts import source_label
from claimledger.reconcile.grouping import Item
from claimledger.reconcile.ids import derived_id
from claimledger.reconcile.independence import origin_label
from claimledger.reconcile.unionfind import DisjointSets

__all__ = ["SUPPORTING_STATUSES", "Clusters"]

#: Statuses whose claims can support another claim.
SUPPORTING_STATUSES = frozenset({"asserted", "reported", "confirmed", "estimated"})


class Clusters:
    """Agreement clusters over items, kept as edges arrive.

    Args:
        item: Item by number.
        origin: Origin key of an item by number.
        contradicting: Claim ids that contradict a claim id.
    """

    def __init__(
        self,
        *,
        item: Callable[[int], Item],
        origin: Callable[[int], str],
        contradicting: Callable[[str], set[str]],
    ) -> None:
        self._sets = DisjointSets()
        self._claims: dict[int, set[str]] = {}
        self._origins: dict[int, dict[str, Item]] = {}
        self._item, self._origin = item, origin
        self._contradicting = contradicting

    def root(self, number: int) -> int:
        """Return the cluster root of an item."""
        return self._sets.find(number)

    def _claims_of(self, root: int) -> set[str]:
        return self._claims.get(root) or {self._item(root).facts.id}

    def _origins_of(self, root: int) -> dict[str, Item]:
        return self._origins.get(root) or {self._origin(root): self._item(root)}

    def join(self, a: int, b: int) -> tuple[int, int] | None:
        """Merge the clusters of items ``a`` and ``b`` unless they contradict.

        Returns:
            (kept root, absorbed root), or None when nothing was merged.
        """
        ra, rb = self._sets.find(a), self._sets.find(b)
        if ra == rb:
            return None
        claims_a, claims_b = self._claims_of(ra), self._claims_of(rb)
        small, large = sorted((claims_a, claims_b), key=len)
        if any(self._contradicting(c) & large for c in small):
            return None
        origins = {**self._origins_of(rb), **self._origins_of(ra)}
        kept, gone = self._sets.union(ra, rb)
        self._claims.pop(gone, None)
        self._origins.pop(gone, None)
        self._claims[kept] = claims_a | claims_b
        self._origins[kept] = origins
        return kept, gone

    def origins(self, root: int) -> set[str]:
        """Return the origins of a cluster."""
        return set(self._origins_of(root))

    def record(self, root: int, items: Iterable[Item]) -> Corroboration | None:
        """Return the corroboration of a cluster, or None with fewer than two origins."""
        by_origin = self._origins_of(root)
        if len(by_origin) < 2:
            return None
        members = list(items)
        claim_ids = tuple(sorted(self._claims_of(root)))
        quantity_ids = tuple(sorted({i.quantity.id for i in members if i.quantity is not None}))
        first = members[0]
        what = first.quantity.category.replace("_", " ") if first.quantity else first.family
        names = sorted({source_label(i.facts) for i in by_origin.values()})
        return Corroboration(
            # The same claims can agree on two things (a death and an attack):
            # what they agree on is part of the id.
            id=derived_id("k", claim_ids, quantity_ids, [what or ""]),
            kind="corroboration",
            summary=(
                f"{len(by_origin)} independent origins ({', '.join(names)}) support the same "
                f"{what or 'statement'}."
            ),
            claim_ids=claim_ids,
            quantity_ids=quantity_ids,
            origins=tuple(sorted(origin_label(o) for o in by_origin)),
        )

    def members(self, root: int) -> list[int]:
        """Return the item numbers of a cluster."""
        return self._sets.members(root)
