"""Corroborations: agreeing claims from independent origins, clustered.

Agreement edges join items of one proposition whose origins differ
(:mod:`~claimledger.reconcile.independence`) and whose wording asserts
something (asserted, reported, confirmed, estimated: hedged, alleged,
conditional, predicted and opinion claims support nothing). Edges are merged
into clusters greedily in a fixed order, refusing a merge that would put two
contradicting claims in one cluster; a cluster with at least two origins is a
corroboration listing those origins.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from claimledger.model import Corroboration
from claimledger.reconcile.facts import source_label
from claimledger.reconcile.grouping import Item
from claimledger.reconcile.ids import derived_id
from claimledger.reconcile.independence import origin_label

__all__ = ["SUPPORTING_STATUSES", "corroborations"]

#: Statuses whose claims can support another claim.
SUPPORTING_STATUSES = frozenset({"asserted", "reported", "confirmed", "estimated"})


def _find(parent: dict[int, int], x: int) -> int:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _clusters(
    edges: Sequence[tuple[Item, Item]], *, contradict: Callable[[str, str], bool]
) -> list[list[Item]]:
    parent: dict[int, int] = {}
    members: dict[int, list[Item]] = {}
    for a, b in sorted(edges, key=lambda e: (e[0].facts.id, e[1].facts.id, e[0].number)):
        for item in (a, b):
            members.setdefault(_find(parent, item.number), [item])
        ra, rb = _find(parent, a.number), _find(parent, b.number)
        if ra == rb:
            continue
        if any(contradict(x.facts.id, y.facts.id) for x in members[ra] for y in members[rb]):
            continue
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
    return list(members.values())


def corroborations(
    edges: Sequence[tuple[Item, Item]],
    *,
    origins: Callable[[Item], str],
    contradict: Callable[[str, str], bool],
) -> list[Corroboration]:
    """Return one corroboration per cluster of agreeing items with two or more origins."""
    out = []
    for cluster in _clusters(edges, contradict=contradict):
        by_origin: dict[str, Item] = {}
        for item in sorted(cluster, key=lambda i: i.number):
            by_origin.setdefault(origins(item), item)
        if len(by_origin) >= 2:
            out.append(_record(cluster, by_origin))
    return out


def _record(cluster: Collection[Item], by_origin: dict[str, Item]) -> Corroboration:
    claim_ids = tuple(sorted({i.facts.id for i in cluster}))
    quantity_ids = tuple(sorted({i.quantity.id for i in cluster if i.quantity is not None}))
    first = next(iter(cluster))
    what = first.quantity.category.replace("_", " ") if first.quantity else first.family
    names = sorted({source_label(i.facts) for i in by_origin.values()})
    summary = (
        f"{len(by_origin)} independent origins ({', '.join(names)}) support the same "
        f"{what or 'statement'}."
    )
    return Corroboration(
        id=derived_id("k", claim_ids, quantity_ids),
        kind="corroboration",
        summary=summary,
        claim_ids=claim_ids,
        quantity_ids=quantity_ids,
        origins=tuple(sorted(origin_label(o) for o in by_origin)),
    )
