"""Spans of a parsed Doc that may name a place, before the gazetteer chooses an entry.

Candidates are the model's GPE/LOC/FAC entities, plus entities it mislabelled
(PRODUCT, ORG, PERSON, ...) when the context marks a place: a locative
preposition before ("in X", "near X"), a region word after ("X region",
"X Oblast") or a country's possessive before ("Russia's X region"); plus
capitalised words before a region word that the model missed, and known names
after a locative preposition. Demonyms and nationalities (NORP, adjectives)
are never places.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.extract.gazetteer import REGION_WORDS, Gazetteer, name_key

__all__ = [
    "LOCATIVE",
    "POSSESSIVE",
    "Candidate",
    "candidates",
    "dateline",
    "introduces_place",
    "name_like",
]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the small model gives places by mistake; kept only with place context.
_MISLABELS = frozenset({"PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "EVENT"})
#: Prepositions before a place name ("in X", "from X").
LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "around", "across", "into", "from", "to", "toward"}
)
POSSESSIVE = frozenset({"'s", "’s", "'"})
#: Words that name no place on their own: months, weekdays, compass directions.
_SIDES = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
_NOT_NAMES = frozenset(
    [name.casefold() for name in (*calendar.month_name, *calendar.day_name) if name]
    + [f"{side}ern" for side in _SIDES]
    + ["central"]
)
_UNTAGGED_TOWN = 15_000
#: Words between a preposition and a place name: "in the northern X", "in downtown X".
_SKIPPED = frozenset({"the", "downtown", "central", *(f"{side}ern" for side in _SIDES)})
#: Nouns whose "of" introduces a place name: "the town of X".
_SETTLEMENT_WORDS = frozenset(
    {"city", "town", "village", "municipality", "province", "department", "district"}
    | {"region", "county", "state", "capital", "outskirts", "suburbs", "port", "area"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name a place, with what its context says about it."""

    span: Span
    hint: str | None  # country named by a possessive before it ("Russia's ...")
    region: bool  # written with a region word ("X region")


def candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    """Return the spans of ``doc`` that may name a place, in text order."""
    found: list[Candidate] = []
    upper = cache(lambda: _upper_case_text(doc))  # read on the first acronym, then kept
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS or (_mislabelled(ent, upper) and _place_context(ent)):
            trimmed = _split_possessive(_trim(ent, gazetteer), gazetteer)
            found.extend(c for c in trimmed if not _demonym(c.span))
    # Any entity (a date, a person) keeps its words from the scans for missed places.
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    covered |= {i for c in found for i in range(c.span.start, c.span.end)}
    found.extend(_unlabelled_regions(doc, covered, gazetteer))
    found.extend(list(_unlabelled_after_preposition(doc, covered, gazetteer, found)))
    return sorted(found, key=lambda c: c.span.start)


def _trim(span: Span, gazetteer: Gazetteer) -> Span:
    """Drop a leading "the"; take in a region word, or words completing a known name ("LA" PAZ)."""
    doc, start, end = span.doc, span.start, span.end
    while end < len(doc) and name_like(doc[end]) and gazetteer.lookup(doc[start : end + 1].text):
        end += 1
    while start < end - 1 and doc[start].lower_ == "the":
        start += 1
    while end > start + 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    if end < len(doc) and doc[end].lower_ in REGION_WORDS and doc[end - 1].is_title:
        end += 1
    return doc[start:end]


def _split_possessive(span: Span, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """ "Russia's Belgorod region" as one entity: the country, and the region within it."""
    marks = [t.i for t in span if t.text in POSSESSIVE]
    if marks and marks[0] + 1 < span.end:
        owner = span.doc[span.start : marks[0]]
        inner = span.doc[marks[0] + 1 : span.end]
        yield Candidate(owner, None, False)
        yield Candidate(inner, _country_of(owner, gazetteer), _has_region_word(inner))
        return
    owner_hint = _possessor_country(span, gazetteer)
    yield Candidate(span, owner_hint, _has_region_word(span))


def _has_region_word(span: Span) -> bool:
    return span[-1].lower_ in REGION_WORDS


def _possessor_country(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country in "Russia's X" when "Russia" is a separate entity before ``span``."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in POSSESSIVE:
        owner = doc[span.start - 2]
        return _country_of(doc[owner.i : owner.i + 1], gazetteer)
    return None


def _country_of(span: Span, gazetteer: Gazetteer) -> str | None:
    entries = gazetteer.lookup(span.text)
    return entries[0].country if entries and entries[0].feature == "country" else None


def _mislabelled(span: Span, upper_case_text: Callable[[], bool]) -> bool:
    """A label the model gives places by mistake; an acronym ("NATO") stays an organisation."""
    acronym = len(span) == 1 and span.text.isupper() and len(span.text) <= 5
    return span.label_ in _MISLABELS and not (acronym and not upper_case_text())


def _upper_case_text(doc: Doc) -> bool:
    """Wire text in capitals (old telex copy), where capitals mark no acronym."""
    letters = [c for c in _text_from(doc, 0, 2000)[:2000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _place_context(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool(
        dateline(span)
        or (before is not None and (introduces_place(before) or before.text in POSSESSIVE))
        or (after is not None and after.lower_ in REGION_WORDS)
        or span[-1].lower_ in REGION_WORDS
    )


def _demonym(span: Span) -> bool:
    """Nationality and direction words tagged as places ("Ukrainian forces", "NORTHERN")."""
    if len(span) != 1:
        return False
    return span[0].tag_ == "JJ" or span[0].dep_ == "amod" or span[0].lower_ in _NOT_NAMES


def _unlabelled_regions(doc: Doc, covered: set[int], gazetteer: Gazetteer) -> Iterator[Candidate]:
    """Capitalised words before a region word that no entity covers ("the Sumy region")."""
    for token in doc:
        if token.lower_ not in REGION_WORDS or token.i in covered:
            continue
        start = token.i
        while start > 0 and name_like(doc[start - 1]) and start - 1 not in covered:
            start -= 1
        if start < token.i:
            span = doc[start : token.i + 1]
            covered.update(range(span.start, span.end))
            yield Candidate(span, _possessor_country(span, gazetteer), True)


def _unlabelled_after_preposition(
    doc: Doc, covered: set[int], gazetteer: Gazetteer, found: list[Candidate]
) -> Iterator[Candidate]:
    """The longest known name after "in", "near", "the town of" or in a list of places.

    The small model misses many places, above all in upper-case wire text.
    """
    continues = {c.span.end for c in found}  # "in X, Y and Z"
    for token in doc:
        if not (introduces_place(token) or token.i in continues):
            continue
        start = token.i + 1
        while start < len(doc) and (doc[start].lower_ in _SKIPPED or doc[start].text in ",'\""):
            start += 1
        end = start
        while end < len(doc) and end - start < 4 and name_like(doc[end]) and end not in covered:
            end += 1
        for stop in range(end, start, -1):
            span = doc[start:stop]
            if _known_by_own_name(span, gazetteer):
                covered.update(range(start, stop))
                continues.update(_list_continuations(doc, stop))
                yield Candidate(span, None, False)
                break


def introduces_place(token: Token) -> bool:
    """ "in", "near", or "of" after a settlement word ("the town of", "the outskirts of")."""
    if token.lower_ in LOCATIVE:
        return True
    before = token.nbor(-1) if token.i > 0 else None
    return token.lower_ == "of" and before is not None and before.lower_ in _SETTLEMENT_WORDS


def _list_continuations(doc: Doc, stop: int) -> set[int]:
    """Positions after which the next place of a list may start: ", Y", "and Z", ", and Z"."""
    out = set()
    for index in (stop, stop + 1):
        if index < len(doc) and doc[index].lower_ in (",", "and", "or"):
            out.add(index)
        else:
            break
    return out


def name_like(token: Token) -> bool:
    """A capitalised word that may be (part of) a place name: not a month or a direction."""
    return token.is_alpha and (token.is_title or token.is_upper) and token.lower_ not in _NOT_NAMES


def _known_by_own_name(span: Span, gazetteer: Gazetteer) -> bool:
    """Without the model's word for it, a country, or a place's own name the tagger calls a name."""
    if len(span) == 1 and span[0].is_stop:
        return False  # "US" in "FROM US"
    key = name_key(span.text)
    entries = gazetteer.lookup(span.text)
    if any(e.feature == "country" for e in entries):
        return True
    proper = all(t.pos_ == "PROPN" for t in span) or not span.doc.has_annotation("POS")
    # Small towns share their names with too many words to be taken untagged.
    return proper and any(
        name_key(e.name) == key and (e.feature == "admin1" or e.population >= _UNTAGGED_TOWN)
        for e in entries
    )


def dateline(span: Span) -> bool:
    """A place opening a line and followed by a date or an outlet: "KYIV, Ukraine (AP) --"."""
    doc = span.doc
    # Doc.text joins every token on each access; read only the characters around the span.
    if span.start > 0 and not doc[span.start - 1].text_with_ws.endswith("\n"):
        return False
    rest = (doc[span.end - 1].whitespace_ + _text_from(doc, span.end, 40))[:40]
    opening = rest.startswith(",") or span.text.isupper()
    return opening and any(mark in rest for mark in ("(", "—", "--", " - ", " -\n"))


def _text_from(doc: Doc, index: int, size: int) -> str:
    """At least ``size`` characters of ``doc``'s text from token ``index`` on (or all there are)."""
    parts: list[str] = []
    length = 0
    while length < size and index < len(doc):
        parts.append(doc[index].text_with_ws)
        length += len(parts[-1])
        index += 1
    return "".join(parts)
