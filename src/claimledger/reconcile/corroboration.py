"""Corroborations: clusters of agreeing claims from independent origins.

Agreement edges join items of one proposition whose origins differ
(:mod:`~claimledger.reconcile.independence`) and whose wording asserts
something (asserted, reported, confirmed, estimated: hedged, alleged,
conditional, predicted and opinion claims support nothing). Each edge merges
two clusters unless a claim of one contradicts a claim of the other, so a
cluster never holds a contradiction (a contradiction is always known before
the later claim's agreements are merged). A cluster with two or more origins
is a corroboration listing those origins. A document's headline and its body
are one origin: a headline claim adds its origin only when no body claim of
its document is in the cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimledger.model import Corroboration
from claimledger.reconcile.facts import source_label
from claimledger.reconcile.grouping import Item
from claimledger.reconcile.ids import derived_id
from claimledger.reconcile.independence import origin_label
from claimledger.reconcile.unionfind import DisjointSets

__all__ = ["SUPPORTING_STATUSES", "Clusters"]

#: Statuses whose claims can support another claim.
SUPPORTING_STATUSES = frozenset({"asserted", "reported", "confirmed", "estimated"})


@dataclass
class _Origins:
    """The origins of one cluster: its body claims' and, apart, its headlines'.

    A headline sums up its document's body, so it only adds its origin when no
    body claim of the same document is in the cluster.
    """

    body: dict[str, Item] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    headlines: dict[str, dict[str, Item]] = field(default_factory=dict)

    @classmethod
    def of(cls, origin: str, item: Item) -> _Origins:
        if item.facts.headline:
            return cls(headlines={origin: {item.facts.document_id: item}})
        return cls(body={origin: item}, documents={item.facts.document_id})

    def merged(self, other: _Origins) -> _Origins:
        headlines = {o: dict(d) for o, d in other.headlines.items()}
        for origin, docs in self.headlines.items():
            headlines[origin] = {**headlines.get(origin, {}), **docs}
        return _Origins({**other.body, **self.body}, self.documents | other.documents, headlines)

    def counted(self) -> dict[str, Item]:
        """Return origin -> one of its items, headlines echoing their body left out."""
        counted = dict(self.body)
        for origin, docs in self.headlines.items():
            alone = [i for d, i in sorted(docs.items()) if d not in self.documents]
            if alone and origin not in counted:
                counted[origin] = alone[0]
        return counted


_State = tuple[DisjointSets, dict[int, set[str]], dict[int, _Origins]]


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
        self._origins: dict[int, _Origins] = {}
        self._item, self._origin = item, origin
        self._contradicting = contradicting

    def __getstate__(self) -> _State:
        # The callables point into the owning index, which rewires them (rebind).
        return self._sets, self._claims, self._origins

    def __setstate__(self, state: _State) -> None:
        self._sets, self._claims, self._origins = state

    def rebind(
        self,
        *,
        item: Callable[[int], Item],
        origin: Callable[[int], str],
        contradicting: Callable[[str], set[str]],
    ) -> None:
        """Point a restored (unpickled) cluster set at its index's items and contradictions."""
        self._item, self._origin, self._contradicting = item, origin, contradicting

    def root(self, number: int) -> int:
        """Return the cluster root of an item."""
        return self._sets.find(number)

    def _claims_of(self, root: int) -> set[str]:
        return self._claims.get(root) or {self._item(root).facts.id}

    def _origins_of(self, root: int) -> _Origins:
        return self._origins.get(root) or _Origins.of(self._origin(root), self._item(root))

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
        origins = self._origins_of(ra).merged(self._origins_of(rb))
        kept, gone = self._sets.union(ra, rb)
        self._claims.pop(gone, None)
        self._origins.pop(gone, None)
        self._claims[kept] = claims_a | claims_b
        self._origins[kept] = origins
        return kept, gone

    def origins(self, root: int) -> set[str]:
        """Return the origins of a cluster (a headline echoing its body not counted)."""
        return set(self._origins_of(root).counted())

    def record(self, root: int, items: Iterable[Item]) -> Corroboration | None:
        """Return the corroboration of a cluster, or None with fewer than two origins."""
        by_origin = self._origins_of(root).counted()
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
