"""Admiralty grades: information credibility (1-6) and source reliability (A-F).

Credibility of one claim, first rule that applies:

====  ==========================================================
1     confirmed by two or more other independent origins
2     confirmed by one other independent origin
3     contradicted but also corroborated; or hedged/alleged but corroborated;
      or its source says "confirmed" (no other origin yet)
4     contradicted by one other origin; or hedged / alleged wording
5     contradicted by two or more other origins and supported by none
6     nothing to judge it by
====  ==========================================================

Reliability of a source: the analyst's letter from the registry when set
(``reliability_suggested`` False); otherwise suggested from the track record
in the ledger (claims corroborated vs contradicted): fewer than
:data:`MIN_TRACK_RECORD` judged claims -> F ("cannot be judged"); otherwise by
the corroborated share: >= 0.9 with >= 20 claims A, >= 0.8 B, >= 0.6 C,
>= 0.4 D, else E.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from claimledger.model import Grade, Source

__all__ = ["MIN_TRACK_RECORD", "SourceGrade", "credibility", "reliability"]

#: Judged claims a source needs before the ledger suggests a letter.
MIN_TRACK_RECORD = 3

_WEAK_WORDING = frozenset({"hedged", "alleged"})


@dataclass(frozen=True, slots=True)
class SourceGrade:
    """A source's reliability letter, whether it is only suggested, and why."""

    source_id: str
    reliability: str
    suggested: bool
    corroborated: int = 0
    contradicted: int = 0
    reasons: tuple[str, ...] = ()


def credibility(
    claim_id: str, *, status: str, supporters: Collection[str], opponents: Collection[str]
) -> Grade:
    """Return the credibility grade of a claim from the other origins that support/oppose it."""
    support, oppose = len(supporters), len(opponents)
    reasons = []
    if support:
        reasons.append(
            f"corroborated by {support} other origin(s): {', '.join(sorted(supporters))}"
        )
    if oppose:
        reasons.append(f"contradicted by {oppose} other origin(s): {', '.join(sorted(opponents))}")
    weak = status in _WEAK_WORDING
    if weak or status == "confirmed":
        reasons.append(f"wording: {status}")
    grade = _credibility_value(support, oppose, weak=weak, confirmed=status == "confirmed")
    if grade == 6:
        reasons.append("no corroboration, contradiction or telling wording: cannot be judged")
    return Grade(claim_id=claim_id, credibility=grade, reasons=tuple(reasons))


def _credibility_value(support: int, oppose: int, *, weak: bool, confirmed: bool) -> int:
    if oppose:
        if support:
            return 3
        return 5 if oppose >= 2 else 4
    if support:
        grade = 1 if support >= 2 else 2
        return grade + 1 if weak else grade
    if weak:
        return 4
    return 3 if confirmed else 6


def reliability(
    source_id: str, *, registry: Source | None, corroborated: int, contradicted: int
) -> SourceGrade:
    """Return the analyst's reliability letter, or one suggested from the track record."""
    if registry is not None and registry.reliability and not registry.reliability_suggested:
        return SourceGrade(
            source_id, registry.reliability, False, corroborated, contradicted, ("set by analyst",)
        )
    judged = corroborated + contradicted
    record = f"{corroborated} claim(s) corroborated, {contradicted} contradicted"
    if judged < MIN_TRACK_RECORD:
        reasons = (record, f"fewer than {MIN_TRACK_RECORD} judged claims: cannot be judged")
        return SourceGrade(source_id, "F", True, corroborated, contradicted, reasons)
    share = corroborated / judged
    letter = "E"
    for floor, candidate in ((0.8, "B"), (0.6, "C"), (0.4, "D")):
        if share >= floor:
            letter = candidate
            break
    if share >= 0.9 and judged >= 20:
        letter = "A"
    return SourceGrade(source_id, letter, True, corroborated, contradicted, (record,))
