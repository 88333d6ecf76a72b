"""The cross-checking index: everything the engine keeps between runs.

New claims are compared only with candidates from the blocking index
(:mod:`~claimledger.reconcile.grouping`); propositions are kept as a
union-find over items, with their agreement edges, so an incremental run
recomputes only the propositions new claims touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from claimledger.errors import ConfigError
from claimledger.model import Conflict, Corroboration, Grade, Source
from claimledger.reconcile.contradictions import Verdict, judge
from claimledger.reconcile.corroboration import SUPPORTING_STATUSES, corroborations
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
from claimledger.reconcile.wording import OPPOSED_EVENT_TYPES

__all__ = ["DEFAULT_WINDOW_DAYS", "CrossCheckIndex", "report_order"]

#: Claims whose days lie further apart than this are not compared.
DEFAULT_WINDOW_DAYS = 30


def report_order(facts: ClaimFacts) -> tuple[date, str, int, str]:
    """Sort key putting claims in the order they were reported."""
    return (facts.published or date.min, facts.document_id, facts.claim.content.start, facts.id)


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
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}
        self._edges: dict[int, list[tuple[int, int]]] = {}
        self._emitted: dict[int, set[str]] = {}
        self._corroborations: dict[int, list[Corroboration]] = {}
        self._conflicts: dict[str, Conflict] = {}
        self._opponents: dict[str, set[str]] = {}
        self._contradicting: set[frozenset[str]] = set()
        self._claim_items: dict[str, list[int]] = {}
        self._source_claims: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._claim_items)

    def add(self, new: Sequence[ClaimFacts]) -> CrossCheckResult:
        """Compare new claims with the ledger and return what is new or changed."""
        prepared = [self._with_citations(f) for f in new if f.id not in self._claim_items]
        for facts in prepared:
            self._provenance.add(facts)
        start, conflicts = len(self._items), len(self._conflicts)
        for facts in prepared:
            self._claim_items[facts.id] = []
            if facts.source_id:
                self._source_claims.setdefault(facts.source_id, []).append(facts.id)
            for item in items_of(facts, start=len(self._items)):
                self._insert(item)
        new_conflicts = list(self._conflicts.values())[conflicts:]
        roots = sorted({self._find(n) for n in range(start, len(self._items))})
        return self._outputs(roots, new_conflicts)

    def timeline(self, claim_or_proposition_id: str) -> tuple[TimelineEntry, ...]:
        """Return the story of a claim's propositions (or of one proposition) in report order."""
        roots = {self._find(n) for n in self._claim_items.get(claim_or_proposition_id, ())}
        if not roots:
            roots = {r for r in self._members if self._proposition(r).id == claim_or_proposition_id}
        claims = {
            self._items[n].facts.id: self._items[n].facts for r in roots for n in self._members[r]
        }
        return timeline(claims.values())

    # -- comparing -----------------------------------------------------------------

    def _with_citations(self, facts: ClaimFacts) -> ClaimFacts:
        if facts.cited_source_ids or not facts.claim.via or not self._aliases:
            return facts
        return replace(facts, cited_source_ids=cited_source_ids(facts, aliases=self._aliases))

    def _insert(self, item: Item) -> None:
        origin = self._provenance.origin(item.facts)
        self._items.append(item)
        self._origins.append(origin)
        self._parent.append(item.number)
        self._members[item.number] = [item.number]
        self._edges[item.number] = []
        self._emitted[item.number] = set()
        self._claim_items[item.facts.id].append(item.number)
        families = (item.family, *(b for a, b in OPPOSED_EVENT_TYPES if a == item.family))
        for number in sorted(self._blocks.candidates(item, families=families)):
            other = self._items[number]
            verdict = judge(item, other, same_origin=origin == self._origins[number])
            if verdict is not None:
                self._record(other, item, verdict)
        self._blocks.add(item)

    def _record(self, a: Item, b: Item, verdict: Verdict) -> None:
        same_topic = a.family == b.family and (
            a.quantity is None or b.quantity is None or a.quantity.category == b.quantity.category
        )
        if same_topic:
            self._union(a.number, b.number)
        if verdict.relation == "agree":
            if self._origins[a.number] != self._origins[b.number] and all(
                i.facts.claim.status in SUPPORTING_STATUSES for i in (a, b)
            ):
                self._edges[self._find(a.number)].append((a.number, b.number))
            return
        claim_ids = tuple(sorted({a.facts.id, b.facts.id}))
        quantity_ids = tuple(sorted(q.id for q in (a.quantity, b.quantity) if q is not None))
        conflict_id = derived_id("x", [verdict.kind], claim_ids, quantity_ids)
        self._conflicts.setdefault(
            conflict_id,
            Conflict(conflict_id, verdict.kind, verdict.reason, claim_ids, quantity_ids),
        )
        if verdict.kind != "revision":
            self._contradicting.add(frozenset(claim_ids))
            for x, y in ((a, b), (b, a)):
                self._opponents.setdefault(x.facts.id, set()).add(
                    origin_label(self._origins[y.number])
                )

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        self._edges[ra].extend(self._edges.pop(rb))
        self._emitted[ra] |= self._emitted.pop(rb)
        self._corroborations.pop(rb, None)

    # -- outputs -------------------------------------------------------------------

    def _proposition(self, root: int) -> Proposition:
        items = [self._items[n] for n in self._members[root]]
        claim_ids = tuple(sorted({i.facts.id for i in items}))
        quantity_ids = tuple(sorted(i.quantity.id for i in items if i.quantity is not None))
        first = items[0]
        topic = first.quantity.category if first.quantity is not None else first.family
        pid = derived_id("p", [first.kind, topic], claim_ids, quantity_ids)
        return Proposition(pid, first.kind, topic, claim_ids, quantity_ids)

    def _outputs(self, roots: Sequence[int], conflicts: Sequence[Conflict]) -> CrossCheckResult:
        propositions, found, estimates, retired = [], [], [], set()
        for root in roots:
            proposition = self._proposition(root)
            corrs = self._corroborate(root)
            ids = {proposition.id, *(c.id for c in corrs)}
            if proposition.kind == "figure":
                estimates.append(estimate(self._member_items(root), policy=self.policy))
                ids.add(estimates[-1].id)
            retired |= self._emitted[root] - ids
            self._emitted[root] = ids
            propositions.append(proposition)
            found.extend(corrs)
        touched = {c for p in propositions for c in p.claim_ids} | {
            c for x in conflicts for c in x.claim_ids
        }
        grades = {c: self._grade(c) for c in sorted(touched)}
        return CrossCheckResult(
            conflicts=tuple(conflicts),
            corroborations=tuple(found),
            estimates=tuple(estimates),
            grades=tuple(grades.values()),
            source_grades=tuple(self._source_grades(touched)),
            propositions=tuple(propositions),
            retired_ids=tuple(sorted(retired)),
        )

    def _member_items(self, root: int) -> list[Item]:
        return [self._items[n] for n in sorted(self._members[root])]

    def _corroborate(self, root: int) -> list[Corroboration]:
        edges = [(self._items[a], self._items[b]) for a, b in self._edges[root]]
        found = corroborations(
            edges,
            origins=lambda item: self._origins[item.number],
            contradict=lambda a, b: frozenset((a, b)) in self._contradicting,
        )
        self._corroborations[root] = found
        return found

    def _supporters(self, claim_id: str) -> set[str]:
        own = {origin_label(self._origins[n]) for n in self._claim_items[claim_id]}
        roots = {self._find(n) for n in self._claim_items[claim_id]}
        found = {
            o
            for r in roots
            for c in self._corroborations.get(r, ())
            if claim_id in c.claim_ids
            for o in c.origins
        }
        return found - own

    def _grade(self, claim_id: str) -> Grade:
        status = self._items[self._claim_items[claim_id][0]].facts.claim.status
        return credibility(
            claim_id,
            status=status,
            supporters=self._supporters(claim_id),
            opponents=self._opponents.get(claim_id, set()),
        )

    def _source_grades(self, claims: set[str]) -> Iterator[SourceGrade]:
        first = (self._items[self._claim_items[c][0]].facts for c in claims)
        sources = sorted({f.source_id for f in first if f.source_id})
        for source_id in sources:
            ids = self._source_claims.get(source_id, [])
            corroborated = sum(1 for c in ids if self._supporters(c))
            contradicted = sum(1 for c in ids if self._opponents.get(c))
            yield reliability(
                source_id,
                registry=self._sources.get(source_id),
                corroborated=corroborated,
                contradicted=contradicted,
            )
