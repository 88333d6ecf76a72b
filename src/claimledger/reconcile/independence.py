"""Who a claim ultimately comes from, so that copies and relays count once.

A claim's *origin* is the end of its attribution chain:

1. a claim that relays another source ("according to reports in X media")
   comes from that source, unless its own source *confirms* it through its own
   channel (status "confirmed": the agency adds its own evidence);
2. otherwise from its own canonical source (or the source's name when the
   registry has no entry);
3. an unattributed claim nested in another claim comes from the parent's origin;
4. an unattributed top-level claim comes from the outlet of its document, and
   a near-duplicate copy (``duplicate_of``) is followed to the document it
   copies, so a wire story republished ten times is one origin.

Two claims are independent when their origins differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimledger.model import Source
from claimledger.reconcile.facts import ClaimFacts

__all__ = ["Provenance", "alias_table", "cited_source_ids", "origin_label"]

_WORD = re.compile(r"\w+")
_MAX_ALIAS_WORDS = 6
#: Words that make a ``via`` hop a citation of another source rather than a channel.
_CITING_WORDS = frozenset(
    "report reports reported reporting citing cited according quoting quoted".split()
)


@dataclass
class Provenance:
    """Documents and claims seen so far, to follow copies and attribution chains."""

    outlets: dict[str, str | None] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)
    parents: dict[str, ClaimFacts] = field(default_factory=dict)

    def add(self, facts: ClaimFacts) -> None:
        """Remember a claim, its document's outlet and its copy link."""
        self.parents[facts.id] = facts
        self.outlets.setdefault(facts.document_id, facts.outlet)
        if facts.duplicate_of and facts.duplicate_of != facts.document_id:
            self.copies[facts.document_id] = facts.duplicate_of

    def root_document(self, document_id: str) -> str:
        """Follow ``duplicate_of`` links to the document a copy was made from."""
        seen = {document_id}
        while document_id in self.copies and self.copies[document_id] not in seen:
            document_id = self.copies[document_id]
            seen.add(document_id)
        return document_id

    def origin(self, facts: ClaimFacts) -> str:
        """Return the origin key of a claim (see the module docstring)."""
        seen: set[str] = set()
        while True:
            own = _own_origin(facts)
            if own is not None:
                return own
            seen.add(facts.id)
            parent = self.parents.get(facts.claim.parent_id or "")
            if parent is None or parent.id in seen:
                break
            facts = parent
        root = self.root_document(facts.document_id)
        outlet = self.outlets.get(root) or (facts.outlet if root == facts.document_id else None)
        return f"outlet:{outlet.casefold()}" if outlet else f"document:{root}"


def _own_origin(facts: ClaimFacts) -> str | None:
    if facts.cited_source_ids and facts.claim.status != "confirmed":
        return f"source:{facts.cited_source_ids[0]}"
    if facts.source_id:
        return f"source:{facts.source_id}"
    if facts.claim.source is not None:
        return f"name:{facts.claim.source.name.casefold()}"
    return None


def origin_label(origin: str) -> str:
    """Return the id or name inside an origin key ("source:s1" -> "s1")."""
    kind, _, value = origin.partition(":")
    return value if kind == "source" else origin


def alias_table(sources: Iterable[Source]) -> dict[str, str]:
    """Return casefolded names and aliases -> source id, for reading ``Claim.via``."""
    table: dict[str, str] = {}
    for source in sources:
        for name in (source.name, *source.aliases):
            table.setdefault(" ".join(_WORD.findall(name.casefold())), source.id)
    return table


def cited_source_ids(facts: ClaimFacts, *, aliases: Mapping[str, str]) -> tuple[str, ...]:
    """Return registry sources named in a claim's ``via`` (not its own source or outlet).

    Used when the store did not fill :attr:`ClaimFacts.cited_source_ids`. Only hops
    that cite ("reports in X", "citing X", "according to X") count; "told X" or
    "in a post on X" name the channel the source itself used.
    """
    own = {facts.source_id, aliases.get((facts.outlet or "").casefold())}
    found: list[str] = []
    for hop in facts.claim.via:
        words = _WORD.findall(hop.casefold())
        if not _CITING_WORDS.intersection(words):
            continue  # "told the BBC", "in a post on X": a channel, not an origin
        for size in range(min(len(words), _MAX_ALIAS_WORDS), 0, -1):
            for start in range(len(words) - size + 1):
                hit = aliases.get(" ".join(words[start : start + size]))
                if hit is not None and hit not in own and hit not in found:
                    found.append(hit)
    return tuple(found)
