"""The cross-checking index: everything the engine keeps between runs.

New claims are compared only with candidates from the blocking index
(:mod:`~claimledger.reconcile.grouping`). Propositions and agreement clusters
are union-find sets over items that only grow, so an incremental run touches
only the propositions and clusters its new claims join.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from claimledger.errors import ConfigError
from claimledger.model import Conflict, Corroboration, Grade, Source
from claimledger.reconcile.contradictions import Verdict, judge
from claimledger.reconcile.corroboration import SUPPORTING_STATUSES, Clusters
from claimledger.reconcile.estimates import DEFAULT_POLICY, POLICIES, estimate
from claimledger.reconcile.facts import ClaimFacts
from claimledger.reconcile.grades import SourceGrade, credibility, reliability
from claimledger.reconcile.grouping import BlockIndex, Item, items_of
from claimledger.reconcile.ids import derived_id
from claimledger.reconcile.independence import (
    Provenance,
    alias_table,
    cited_source_ids,
    origin_label,
)
from claimledger.reconcile.results import CrossCheckResult, Proposition
from claimledger.reconcile.timeline import TimelineEntry, timeline
from claimledger.reconcile.unionfind import DisjointSets
from claimledger.reconcile.wording import OPPOSED_EVENT_TYPES

__all__ = ["DEFAULT_WINDOW_DAYS", "CrossCheckIndex", "report_order"]

#: Claims about days further apart than this are not compared. Reports of one
#: event come within days; a month-long window would join a city's separate
#: tolls into one "rising" figure.
DEFAULT_WINDOW_DAYS = 7


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def report_order(facts: ClaimFacts) -> tuple[date, int, str, int, str]:
    """Sort key putting claims in the order they were reported.

    Reports of one day go in the order the ledger stored them, so the saved
    index can take a new report of a day it already covers without a full
    run. An undated report was out by the day it was stored at the latest, so
    that day stands in for its report date (and facts built without an ingest
    time, as in tests, sort undated reports first, by document id).
    """
    if facts.published is not None:
        day = facts.published
    elif facts.ingested:
        day = (_EPOCH + timedelta(microseconds=facts.ingested)).date()
    else:
        day = date.min
    return (day, facts.ingested, facts.document_id, facts.claim.content.start, facts.id)


@dataclass
class _Batch:
    """What one call to :meth:`CrossCheckIndex.add` changed."""

    conflicts: list[Conflict] = field(default_factory=list)
    clusters: set[int] = field(default_factory=set)
    retired: set[str] = field(default_factory=set)
    # Claims that gained an opponent, even through a conflict not reported
    # again (a wire copy's): their grades change.
    opposed: set[str] = field(default_factory=set)


class CrossCheckIndex:
    """The ledger's cross-checking state; feed it with :meth:`add`.

    Args:
        window_days: Claims about days further apart are never compared.
        policy: Estimate policy (see :mod:`~claimledger.reconcile.estimates`).
        sources: The source registry: analyst reliability, and names for
            reading ``Claim.via`` when ``cited_source_ids`` is empty.
    """

    def __init__(
        self,
        *,
        window_days: int = DEFAULT_WINDOW_DAYS,
        policy: str = DEFAULT_POLICY,
        sources: Iterable[Source] = (),
    ) -> None:
        if policy not in POLICIES:
            raise ConfigError(f"unknown estimate policy {policy!r}; choose from {sorted(POLICIES)}")
        self.policy = policy
        self._sources = {s.id: s for s in sources}
        self._aliases = alias_table(self._sources.values())
        self._provenance = Provenance()
        self._blocks = BlockIndex(window_days=window_days)
        self._items: list[Item] = []
        self._origins: list[str] = []
        self._propositions = DisjointSets()
        # Ids returned per proposition / cluster root, to retire when it changes.
        self._emitted: dict[int, tuple[str, ...]] = {}
        self._clusters = Clusters(
            item=self._items.__getitem__,
            origin=self._origins.__getitem__,
            contradicting=self._contradicting,
        )
        self._cluster_emitted: dict[int, tuple[str, ...]] = {}
        # Ids only: a conflict is reported once, when first found; keeping the
        # records too would make a saved index a sixth larger and slower to load.
        self._conflict_ids: set[str] = set()
        self._copy_keys: set[tuple[str, frozenset[tuple[str, str, str]]]] = set()
        self._contradicts: dict[str, set[str]] = {}
        self._opponents: dict[str, set[str]] = {}
        self._supporters: dict[str, set[str]] = {}
        self._claim_items: dict[str, list[int]] = {}
        self._source_claims: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._claim_items)

    def __setstate__(self, state: dict[str, object]) -> None:
        # Restored from a saved state (claimledger.reconcile.state): the clusters'
        # callables are not saved, so point them at this index's lists again.
        self.__dict__.update(state)
        self._clusters.rebind(
            item=self._items.__getitem__,
            origin=self._origins.__getitem__,
            contradicting=self._contradicting,
        )

    def _contradicting(self, claim_id: str) -> set[str]:
        return self._contradicts.get(claim_id, set())

    def add(self, new: Sequence[ClaimFacts]) -> CrossCheckResult:
        """Compare new claims with the ledger and return what is new or changed."""
        prepared = [self._with_citations(f) for f in new if f.id not in self._claim_items]
        for facts in prepared:
            self._provenance.add(facts)
        start, batch = len(self._items), _Batch()
        for facts in prepared:
            self._claim_items[facts.id] = []
            if facts.source_id:
                self._source_claims.setdefault(facts.source_id, []).append(facts.id)
            for item in items_of(facts, start=len(self._items)):
                self._insert(item, batch)
        roots = sorted({self._propositions.find(n) for n in range(start, len(self._items))})
        return self._outputs(roots, batch, {f.id for f in prepared})

    def refresh_sources(self, sources: Iterable[Source]) -> bool:
        """Take a newer source registry; return False (and keep the old) if it changes citations.

        Names and aliases decide which sources a claim's ``via`` cites, and so its
        origin: when they would read an indexed claim differently the index is
        stale and the ledger must be cross-checked again from scratch.
        """
        registry = {s.id: s for s in sources}
        aliases = alias_table(registry.values())
        if aliases != self._aliases:
            for facts in self._provenance.parents.values():
                if facts.claim.via and cited_source_ids(facts, aliases=aliases) != (
                    facts.cited_source_ids
                ):
                    return False
        self._sources, self._aliases = registry, aliases
        return True

    def timeline(self, claim_or_proposition_id: str) -> tuple[TimelineEntry, ...]:
        """Return the story of a claim's propositions (or of one proposition) in report order."""
        find, members = self._propositions.find, self._propositions.members
        roots = {find(n) for n in self._claim_items.get(claim_or_proposition_id, ())}
        if not roots:
            every = {find(n) for n in range(len(self._items))}
            roots = {r for r in every if self._proposition(r).id == claim_or_proposition_id}
        claims = {self._items[n].facts.id: self._items[n].facts for r in roots for n in members(r)}
        return timeline(claims.values())

    # -- comparing -----------------------------------------------------------------

    def _with_citations(self, facts: ClaimFacts) -> ClaimFacts:
        if facts.cited_source_ids or not facts.claim.via or not self._aliases:
            return facts
        return replace(facts, cited_source_ids=cited_source_ids(facts, aliases=self._aliases))

    def _insert(self, item: Item, batch: _Batch) -> None:
        origin = self._provenance.origin(item.facts)
        self._items.append(item)
        self._origins.append(origin)
        self._claim_items[item.facts.id].append(item.number)
        families = (item.family, *(b for a, b in OPPOSED_EVENT_TYPES if a == item.family))
        verdicts = []
        for number in sorted(self._blocks.candidates(item, families=families)):
            verdict = judge(item, self._items[number], same_origin=origin == self._origins[number])
            if verdict is not None:
                verdicts.append((self._items[number], verdict))
        # Contradictions first, so that no agreement merges a cluster across one.
        verdicts.sort(key=lambda pair: pair[1].relation == "agree")
        for other, verdict in verdicts:
            self._record(other, item, verdict, batch)
        self._blocks.add(item)

    def _record(self, a: Item, b: Item, verdict: Verdict, batch: _Batch) -> None:
        if a.family == b.family and (a.quantity is None) == (b.quantity is None):
            if (
                a.quantity is None
                or b.quantity is None
                or a.quantity.category == b.quantity.category
            ):
                kept, gone = self._propositions.union(a.number, b.number)
                if kept != gone:
                    self._merge_emitted(self._emitted, kept, gone)
        if verdict.relation == "related":
            return
        if verdict.relation == "agree":
            self._agree(a, b, batch)
            return
        claim_ids = tuple(sorted({a.facts.id, b.facts.id}))
        quantity_ids = tuple(sorted(q.id for q in (a.quantity, b.quantity) if q is not None))
        conflict_id = derived_id("x", [verdict.kind], claim_ids, quantity_ids)
        if conflict_id in self._conflict_ids:
            return
        conflict = Conflict(conflict_id, verdict.kind, verdict.reason, claim_ids, quantity_ids)
        self._conflict_ids.add(conflict_id)
        # A wire copy's claim repeats the original's dispute: grade it, report it once.
        copy_key = (verdict.kind, frozenset(self._copy_key(i) for i in (a, b)))
        if copy_key not in self._copy_keys:
            self._copy_keys.add(copy_key)
            batch.conflicts.append(conflict)
        if verdict.kind != "revision":
            batch.opposed.update((a.facts.id, b.facts.id))
            for x, y in ((a, b), (b, a)):
                self._contradicts.setdefault(x.facts.id, set()).add(y.facts.id)
                self._opponents.setdefault(x.facts.id, set()).add(
                    origin_label(self._origins[y.number])
                )

    def _agree(self, a: Item, b: Item, batch: _Batch) -> None:
        if self._origins[a.number] == self._origins[b.number]:
            return
        if not all(i.facts.claim.status in SUPPORTING_STATUSES for i in (a, b)):
            return
        joined = self._clusters.join(a.number, b.number)
        if joined is not None:
            kept, gone = joined
            self._merge_emitted(self._cluster_emitted, kept, gone)
            batch.clusters.add(kept)

    def _copy_key(self, item: Item) -> tuple[str, str, str]:
        root = self._provenance.root_document(item.facts.document_id)
        return (self._origins[item.number], root, item.facts.claim.content.text)

    @staticmethod
    def _merge_emitted(emitted: dict[int, tuple[str, ...]], kept: int, gone: int) -> None:
        moved = emitted.pop(gone, ())
        if moved:
            emitted[kept] = (*emitted.get(kept, ()), *moved)

    # -- outputs -------------------------------------------------------------------

    def _proposition(self, root: int) -> Proposition:
        items = [self._items[n] for n in self._propositions.members(root)]
        claim_ids = tuple(sorted({i.facts.id for i in items}))
        quantity_ids = tuple(sorted(i.quantity.id for i in items if i.quantity is not None))
        first = items[0]
        topic = first.quantity.category if first.quantity is not None else first.family
        pid = derived_id("p", [first.kind, topic], claim_ids, quantity_ids)
        return Proposition(pid, first.kind, topic, claim_ids, quantity_ids)

    def _outputs(self, roots: Sequence[int], batch: _Batch, new: set[str]) -> CrossCheckResult:
        propositions, estimates = [], []
        for root in roots:
            members = self._propositions.members(root)
            if len(members) == 1 and self._items[members[0]].typed:
                continue  # a figure or event claim's lone content item proposes nothing
            propositions.append(self._proposition(root))
            ids = {propositions[-1].id}
            if propositions[-1].kind == "figure":
                members = sorted(self._propositions.members(root))
                estimates.append(estimate([self._items[n] for n in members], policy=self.policy))
                ids.add(estimates[-1].id)
            batch.retired |= set(self._emitted.get(root, ())) - ids
            self._emitted[root] = tuple(ids)
        corroborations, supported = self._corroborations(batch)
        touched = (
            new | supported | batch.opposed | {c for x in batch.conflicts for c in x.claim_ids}
        )
        return CrossCheckResult(
            conflicts=tuple(batch.conflicts),
            corroborations=tuple(corroborations),
            estimates=tuple(estimates),
            grades=tuple(self._grade(c) for c in sorted(touched)),
            source_grades=tuple(self._source_grades(touched)),
            propositions=tuple(propositions),
            retired_ids=tuple(sorted(batch.retired)),
        )

    def _corroborations(self, batch: _Batch) -> tuple[list[Corroboration], set[str]]:
        found: list[Corroboration] = []
        claims: set[str] = set()
        for root in sorted({self._clusters.root(n) for n in batch.clusters}):
            members = self._clusters.members(root)
            record = self._clusters.record(root, (self._items[n] for n in sorted(members)))
            ids = {record.id} if record is not None else set()
            batch.retired |= set(self._cluster_emitted.get(root, ())) - ids
            if ids:
                self._cluster_emitted[root] = tuple(ids)
            else:
                self._cluster_emitted.pop(root, None)
            if record is not None:
                found.append(record)
                claims.update(record.claim_ids)
        for claim_id in claims:
            self._supporters[claim_id] = self._supporting_origins(claim_id)
        return found, claims

    def _supporting_origins(self, claim_id: str) -> set[str]:
        numbers = self._claim_items[claim_id]
        own = {self._origins[n] for n in numbers}
        roots = {self._clusters.root(n) for n in numbers}
        origins = {o for r in roots for o in self._clusters.origins(r)}
        return {origin_label(o) for o in origins - own}

    def _grade(self, claim_id: str) -> Grade:
        status = self._items[self._claim_items[claim_id][0]].facts.claim.status
        return credibility(
            claim_id,
            status=status,
            supporters=self._supporters.get(claim_id, set()),
            opponents=self._opponents.get(claim_id, set()),
        )

    def _source_grades(self, claims: set[str]) -> Iterator[SourceGrade]:
        first = (self._items[self._claim_items[c][0]].facts for c in claims)
        for source_id in sorted({f.source_id for f in first if f.source_id}):
            ids = self._source_claims.get(source_id, [])
            yield reliability(
                source_id,
                registry=self._sources.get(source_id),
                corroborated=sum(1 for c in ids if self._supporters.get(c)),
                contradicted=sum(1 for c in ids if self._opponents.get(c)),
            )
