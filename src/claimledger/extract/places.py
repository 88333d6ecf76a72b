"""Place mentions resolved to gazetteer entries, with their role in the text.

Candidates come from :mod:`claimledger.extract.place_candidates`; a candidate
the gazetteer does not know is dropped (an outlet tagged GPE) unless the text
itself says it is a place ("in X", "the town of X"). Roles come from
:mod:`claimledger.extract.place_roles`.

Choosing among entries: the gazetteer's ranking (see
:mod:`claimledger.extract.gazetteer`) among the entries in countries the
document's other mentions name (directly or through one of their regions);
when there are none, among countries and well-known cities; else among all
("Hamilton" in a report naming Canada is the Canadian city; a bare "Paris" is
the French capital, not a small namesake).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from claimledger.extract.gazetteer import REGION_WORDS, Entry, Gazetteer, name_key
from claimledger.extract.place_candidates import Candidate, candidates, introduces_place, name_like
from claimledger.extract.place_roles import EVENT_PREPS, place_role
from claimledger.model import Place, TextSpan

__all__ = ["places"]

#: Entity labels (or none) an unresolved place may carry: not a person, outlet or group.
_UNRESOLVED_LABELS = frozenset({"", "GPE", "LOC", "FAC"})


def places(doc: Doc, *, gazetteer: Gazetteer) -> Iterator[Place]:
    """Yield one :class:`Place` per place mention in ``doc`` that the gazetteer resolves.

    Example:
        >>> doc = nlp("Shelling hit Kharkiv.")  # doctest: +SKIP
        >>> [p.feature for p in places(doc, gazetteer=Gazetteer())]  # doctest: +SKIP
        ['city']
    """
    found = candidates(doc, gazetteer)
    named = [_country_named(c, gazetteer) for c in found]
    number = 0
    for index, candidate in enumerate(found):
        entry = _choose(candidate, gazetteer, _others_name(named, index))
        if entry is None:
            if _unresolved_place(candidate.span):
                number += 1
                yield _unresolved(candidate, number)
            continue
        number += 1
        span = candidate.span
        yield Place(
            id=f"p{number}",
            span=TextSpan(span.text, span.start_char, span.end_char),
            name=entry.name,
            geonames_id=entry.geonames_id,
            country=entry.country,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
            feature=entry.feature,
            role=place_role(span),
        )


def _unresolved_place(span: Span) -> bool:
    """A name the gazetteer lacks, kept when the text itself says it is a place.

    "in X", "near the town of X": a small village or a place the gazetteer does
    not hold is still where something happened, and two reports can still
    disagree about it by name. An outlet or a person is rarely written that way.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in EVENT_PREPS and before.lower_ != "of":
        return False
    if not introduces_place(before):
        return False
    return all(t.is_title for t in span) and doc[span.start].ent_type_ in _UNRESOLVED_LABELS


def _unresolved(candidate: Candidate, number: int) -> Place:
    span = candidate.span
    return Place(
        id=f"p{number}",
        span=TextSpan(span.text, span.start_char, span.end_char),
        name=span.text,
        country=candidate.hint,
        feature="unresolved",
        role=place_role(span),
    )


def _country_named(candidate: Candidate, gazetteer: Gazetteer) -> str | None:
    """The country a mention names, directly or through one of its regions."""
    entries = gazetteer.lookup(candidate.span.text)
    if entries and entries[0].feature in ("country", "admin1"):
        return entries[0].country
    return candidate.hint


def _others_name(named: list[str | None], index: int) -> frozenset[str]:
    """Countries named by mentions other than the one at ``index`` (none vouches for itself)."""
    return frozenset(c for i, c in enumerate(named) if c is not None and i != index)


def _choose(candidate: Candidate, gazetteer: Gazetteer, named: frozenset[str]) -> Entry | None:
    text = candidate.span.text
    if candidate.region and text.split()[-1].casefold() not in REGION_WORDS:
        text = f"{text} region"
    entries = gazetteer.lookup(text, country_hint=candidate.hint)
    if not entries or (len(name_key(text)) < 3 and entries[0].feature != "country"):
        return None  # two letters ("LA", "St") are abbreviations, not place names
    if candidate.hint:
        return entries[0]
    regions = _following_regions(candidate.span, gazetteer)
    inside = [e for e in entries if any(_inside(e, region) for region in regions)]
    if inside:
        return inside[0]  # "Lodi, California"; "Douglas, Georgia" (the state, not the country)
    in_named = [e for e in entries if e.country in named]
    if entries[0].feature == "country":
        # "Georgia" in a report on the US is the state; "Panama" is not Panama City.
        same = [
            e for e in in_named if e.feature != "country" and name_key(e.name) == name_key(text)
        ]
        return (same or entries)[0]
    famous = [e for e in entries if e.well_known]
    return (in_named or famous or entries)[0]


def _following_regions(span: Span, gazetteer: Gazetteer) -> list[Entry]:
    """The regions and countries "X, Texas" or "X, Ukraine" may name after X."""
    doc, start = span.doc, span.end + 1
    if start >= len(doc) or doc[span.end].text != ",":
        return []
    end = start
    while end < len(doc) and end - start < 3 and name_like(doc[end]):
        end += 1
    for stop in range(end, start, -1):
        entries = gazetteer.lookup(doc[start:stop].text)
        regions = [e for e in entries if e.feature in ("admin1", "country")]
        if regions:
            return regions
    return []


def _inside(entry: Entry, within: Entry) -> bool:
    if entry.geonames_id == within.geonames_id or entry.country != within.country:
        return False
    return within.feature == "country" or entry.admin1 == within.name
