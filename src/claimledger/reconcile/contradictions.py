"""Pairwise verdicts: do two items agree, contradict, or revise each other?

Rules (docs/accuracy.md, "Cross-checking"):

- figures are compared when they share category family, a compatible subject,
  compatible places and time; across documents they must also share a known
  subject head or a region (admin1, directly or through a city in it), or come
  from one origin (which can only revise, never contradict, itself);
- figures of one category contradict when their intervals
  (:mod:`~claimledger.reconcile.intervals`) are disjoint; killed or wounded
  alone contradict "killed or wounded" only when they must exceed it; a figure
  that is ``subset_of`` the other is never compared;
- a disjoint figure that is *later and higher* for a cumulative category (a
  rising toll), or any later different figure by the same origin ("at least
  12" then "31"), is a ``revision``;
- claims about one event contradict on place when one says "not in N" and the
  other puts it inside N, or when their places are apart (neither contains the
  other) and the claims are known to speak of one event (same document, a
  capture, or shared named participants: attacks in two cities on one day are
  two attacks, not a dispute);
- "denied" against an affirming or alleging status, and "died" against
  "alive", are ``status`` contradictions; a denial is matched by word overlap
  (at least two shared words, covering 60 % of the shorter claim's words).

Contradictions are only reported between different origins; predictions,
opinions and conditional claims never contradict anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from claimledger.model import Place
from claimledger.reconcile.facts import ClaimFacts, report_day, source_label
from claimledger.reconcile.geography import (
    asserted_places,
    compatible,
    contains,
    negated_places,
    place_label,
)
from claimledger.reconcile.grouping import Item
from claimledger.reconcile.intervals import Interval, interval_of
from claimledger.reconcile.wording import OPPOSED_EVENT_TYPES, jaccard

__all__ = ["CUMULATIVE_CATEGORIES", "Verdict", "judge"]

#: Categories whose totals only grow as reports come in.
CUMULATIVE_CATEGORIES = frozenset(
    {"killed", "wounded", "killed_or_wounded", "captured", "missing", "displaced", "attacks"}
)

#: Statuses that make no claim about what happened.
NON_FACTUAL = frozenset({"opinion", "predicted", "conditional"})

#: Statuses a denial contradicts (an allegation denied is the classic dispute).
_AFFIRMING = frozenset({"asserted", "reported", "confirmed", "estimated", "alleged"})
_PARTS = frozenset({"killed", "wounded"})
_PLACE_SPECIFIC_EVENTS = frozenset({"capture"})
_CONTENT_OVERLAP = 0.5
#: A shorter claim all of whose (at least this many) words occur in a longer one restates it.
_CONTAINED_MIN_WORDS = 4
_DENIAL_MIN_SHARED = 3
_DENIAL_OVERLAP = 0.6


@dataclass(frozen=True, slots=True)
class Verdict:
    """How two items relate: ``agree``, ``conflict`` or ``revision`` (with a kind and reason),
    or ``related`` (one proposition, nothing to say about it)."""

    relation: str
    kind: str = ""
    reason: str = ""


_AGREE = Verdict("agree")
#: Same proposition, neither agreeing nor disputing.
_RELATED = Verdict("related")


def judge(a: Item, b: Item, *, same_origin: bool) -> Verdict | None:
    """Return how ``a`` and ``b`` relate, or None when they speak of different things."""
    if a.facts is b.facts or a.kind != b.kind or a.facts.id == b.facts.id:
        return None
    if not _times_overlap(a.facts, b.facts):
        return None
    if a.kind == "figure":
        return _judge_figures(a, b, same_origin=same_origin)
    if a.kind == "event":
        return _judge_events(a, b, same_origin=same_origin)
    return _judge_content(a, b, same_origin=same_origin)


def _same_statement(a: Item, b: Item) -> bool:
    """Whether two untyped claims say the same thing: most words shared, or one restating
    the other with details added ("the bridge was destroyed" within "the bridge was
    destroyed by artillery overnight, leaving one road open")."""
    if jaccard(a.words, b.words) >= _CONTENT_OVERLAP:
        return True
    smaller, larger = sorted((a.words, b.words), key=len)
    return len(smaller) >= _CONTAINED_MIN_WORDS and smaller <= larger


def _judge_content(a: Item, b: Item, *, same_origin: bool) -> Verdict | None:
    shared = len(a.words & b.words)
    if a.typed or b.typed or not _same_statement(a, b):
        # A denial restates what it denies in fewer or other words: looser overlap.
        # Three shared words at least: a bare name ("the X Highlands") that two
        # claims both mention is a topic, not a statement one of them denies.
        smaller = min(len(a.words), len(b.words))
        if shared < _DENIAL_MIN_SHARED or shared < _DENIAL_OVERLAP * smaller:
            return None
        return _status_clash(a.facts, b.facts, same_origin=same_origin, what="this")
    return _status_clash(a.facts, b.facts, same_origin=same_origin, what="this") or _AGREE


def _times_overlap(a: ClaimFacts, b: ClaimFacts) -> bool:
    if not a.times or not b.times:
        return True
    a_start, a_end = min(t.start for t in a.times), max(t.end for t in a.times)
    b_start, b_end = min(t.start for t in b.times), max(t.end for t in b.times)
    return a_start <= b_end and b_start <= a_end


def _factual(facts: ClaimFacts) -> bool:
    return facts.claim.status not in NON_FACTUAL


def _subjects_compatible(a: Item, b: Item) -> bool:
    if "*" not in (a.head, b.head) and a.head != b.head:
        return False
    return a.modifiers <= b.modifiers or b.modifiers <= a.modifiers


def _same_evidence(a: Item, b: Item) -> bool:
    """Whether two figures share a known subject head or a region (admin1).

    Unknown subject and place are compatible with anything, but across
    documents "12 killed" alone, or "12 killed in <country>", says too little
    to dispute "40 killed in <city>". Two statements worded alike but for the
    figure ("three killed as bus hits mine" / "four killed as bus hits mine")
    speak of one thing.
    """
    if "*" not in (a.head, b.head) or a.regions & b.regions:
        return True
    return jaccard(a.words, b.words) >= _CONTENT_OVERLAP  # near-identical statements


def _places_compatible(a: Item, b: Item) -> bool:
    if _negation_clash(a, b) or _negation_clash(b, a):
        return False
    pa, pb = a.asserted, b.asserted
    return not pa or not pb or any(compatible(x, y) for x in pa for y in pb)


def _negation_clash(a: Item, b: Item) -> tuple[Place, Place] | None:
    """Return (negated by ``a``, asserted by ``b`` inside it), if any."""
    for negated in a.negated:
        for place in b.asserted:
            if contains(negated, place):
                return negated, place
    return None


def _judge_figures(a: Item, b: Item, *, same_origin: bool) -> Verdict | None:
    qa, qb = a.quantity, b.quantity
    assert qa is not None and qb is not None
    if qa.subset_of == qb.id or qb.subset_of == qa.id or a.family != b.family:
        return None
    if not _subjects_compatible(a, b) or not _places_compatible(a, b):
        return None
    if a.facts.document_id != b.facts.document_id and not (same_origin or _same_evidence(a, b)):
        return None
    if a.implicit != b.implicit:
        return _with_implicit(a, b)
    ia, ib = interval_of(qa), interval_of(qb)
    if qa.category == qb.category:
        if ia.disjoint(ib):
            return _disjoint(a, b, ia, ib, same_origin=same_origin)
        return _own_update(a, b) if same_origin else _AGREE
    if {qa.category, qb.category} - _PARTS != {"killed_or_wounded"}:
        return None
    whole, part = (ia, ib) if qa.category == "killed_or_wounded" else (ib, ia)
    return _disjoint(a, b, ia, ib, same_origin=same_origin) if whole.below(part) else None


def _with_implicit(a: Item, b: Item) -> Verdict | None:
    """An implicit count ("the judge was killed") against a written toll.

    It names at least that victim, not a toll: it joins the toll's proposition
    when the toll can include it, and neither supports nor disputes the toll.
    """
    implicit, written = (a, b) if a.implicit else (b, a)
    assert implicit.quantity is not None and written.quantity is not None
    if implicit.quantity.category != written.quantity.category:
        return None
    victims = replace(implicit.quantity, bound="at_least", low=None, high=None)
    return None if interval_of(victims).disjoint(interval_of(written.quantity)) else _RELATED


def _disjoint(a: Item, b: Item, ia: Interval, ib: Interval, *, same_origin: bool) -> Verdict | None:
    (early, i_early), (late, i_late) = sorted(
        [(a, ia), (b, ib)], key=lambda pair: report_day(pair[0].facts)
    )
    later = report_day(late.facts) > report_day(early.facts)
    assert early.quantity is not None and late.quantity is not None
    rising = i_early.below(i_late) and late.quantity.category in CUMULATIVE_CATEGORIES
    if later and (rising or same_origin):
        return Verdict("revision", "revision", _revision_reason(early, late))
    if same_origin:
        # One origin's reports of one day, order unknown: an update, no dispute. In
        # one document, two figures of one origin count two things.
        return None if a.facts.document_id == b.facts.document_id else _RELATED
    if not (_factual(a.facts) and _factual(b.facts)):
        return None
    return Verdict("conflict", "numeric", _numeric_reason(a, b, ia, ib))


def _own_update(a: Item, b: Item) -> Verdict:
    """A source's later, different figure is a revision even when the wordings overlap."""
    early, late = sorted((a, b), key=lambda i: report_day(i.facts))
    assert early.quantity is not None and late.quantity is not None
    if (
        report_day(late.facts) > report_day(early.facts)
        and late.quantity.value != early.quantity.value
    ):
        return Verdict("revision", "revision", _revision_reason(early, late))
    return _AGREE


def _figure_words(item: Item) -> str:
    q = item.quantity
    assert q is not None
    what = q.category.replace("_", " ")
    return f'"{q.span.text}" {what}' + (f" ({q.subject})" if q.subject else "")


def _day(facts: ClaimFacts) -> str:
    return facts.published.isoformat() if isinstance(facts.published, date) else "undated"


def _numeric_reason(a: Item, b: Item, ia: Interval, ib: Interval) -> str:
    return (
        f"{source_label(a.facts)} gives {_figure_words(a)} and {source_label(b.facts)} gives "
        f"{_figure_words(b)}: {ia.describe()} and {ib.describe()} cannot both hold."
    )


def _revision_reason(early: Item, late: Item) -> str:
    return (
        f"The figure moved from {_figure_words(early)} ({source_label(early.facts)}, "
        f"{_day(early.facts)}) to {_figure_words(late)} ({source_label(late.facts)}, "
        f"{_day(late.facts)}): a revision between reports, not a contradiction."
    )


def _judge_events(a: Item, b: Item, *, same_origin: bool) -> Verdict | None:
    opposed = (a.family, b.family) in OPPOSED_EVENT_TYPES
    if a.family != b.family and not opposed:
        return None
    clash = _negation_clash(a, b) or _negation_clash(b, a)
    same_document = a.facts.document_id == b.facts.document_id
    if not (a.words & b.words or _cites(a, b) or (same_document and clash)):
        return None
    apart = _places_apart(a, b)
    one_event = same_document or a.family in _PLACE_SPECIFIC_EVENTS or _shared_actors(a, b)
    if apart and not clash and not one_event:
        return None
    if same_origin or not (_factual(a.facts) and _factual(b.facts)):
        return None if (clash or apart or opposed) else _AGREE
    if opposed:
        return Verdict("conflict", "status", _opposed_reason(a, b))
    if clash or apart:
        return Verdict("conflict", "place", _place_reason(a, b))
    return _status_clash(a.facts, b.facts, same_origin=False, what=f"the {a.family}") or _AGREE


def _cites(a: Item, b: Item) -> bool:
    """Whether one claim names the other's source as what it relies on or confirms."""
    return bool(
        (b.facts.source_id and b.facts.source_id in a.facts.cited_source_ids)
        or (a.facts.source_id and a.facts.source_id in b.facts.cited_source_ids)
    )


def _places_apart(a: Item, b: Item) -> bool:
    pa, pb = a.asserted, b.asserted
    return bool(pa and pb) and not any(compatible(x, y) for x in pa for y in pb)


def _shared_actors(a: Item, b: Item) -> bool:
    actors_a = {p for e in a.facts.events for p in e.participants}
    return bool(actors_a & {p for e in b.facts.events for p in e.participants})


def _where(facts: ClaimFacts) -> str:
    places = asserted_places(facts.places)
    said = ", ".join(place_label(p) for p in places) or "no place"
    negated = ", ".join(place_label(p) for p in negated_places(facts.places))
    return f"{said} (not {negated})" if negated else said


def _place_reason(a: Item, b: Item) -> str:
    return (
        f"{source_label(a.facts)} puts the {a.family} in {_where(a.facts)} but "
        f"{source_label(b.facts)} puts it in {_where(b.facts)}, and the places exclude each other."
    )


def _opposed_reason(a: Item, b: Item) -> str:
    return (
        f"{source_label(a.facts)} reports {a.family} where {source_label(b.facts)} reports "
        f"{b.family} of the same subject."
    )


def _status_clash(a: ClaimFacts, b: ClaimFacts, *, same_origin: bool, what: str) -> Verdict | None:
    statuses = {a.claim.status, b.claim.status}
    if same_origin or "denied" not in statuses or not statuses & _AFFIRMING:
        return None
    denier, affirmer = (a, b) if a.claim.status == "denied" else (b, a)
    return Verdict(
        "conflict",
        "status",
        f"{source_label(affirmer)} reports {what} as {affirmer.claim.status} while "
        f"{source_label(denier)} denies it.",
    )
