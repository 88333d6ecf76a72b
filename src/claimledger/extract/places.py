"""Place mentions resolved to gazetteer entries, with their role in the text.

Candidates are the model's GPE/LOC/FAC entities, plus entities it mislabelled
(PRODUCT, ORG, PERSON, ...) when the context marks a place: a locative
preposition before ("in X", "near X"), a region word after ("X region",
"X Oblast") or a country's possessive before ("Russia's X region"); plus
capitalised words before a region word that the model missed. A candidate the
gazetteer does not know is dropped (an outlet tagged GPE). Demonyms and
nationalities (NORP, adjectives) are never places.

Choosing among entries: the gazetteer's ranking (see
:mod:`claimledger.extract.gazetteer`) among the entries in countries the
document's other mentions name (directly or through one of their regions);
when there are none, among countries and well-known cities; else among all
("Hamilton" in a report naming Canada is the Canadian city; a bare "Paris" is
the French capital, not a small namesake).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimledger.extract.gazetteer import REGION_WORDS, Entry, Gazetteer, name_key
from claimledger.model import Place, TextSpan

__all__ = ["places"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the small model gives places by mistake; kept only with place context.
_MISLABELS = frozenset({"PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "EVENT"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "around", "across", "into", "from", "to", "toward"}
)
#: Prepositions that place an event ("fighting in X"); "from"/"to" give direction only.
_EVENT_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "into"})
_NEGATORS = frozenset({"not", "never", "n't"})
#: Entity labels (or none) an unresolved place may carry: not a person, outlet or group.
_UNRESOLVED_LABELS = frozenset({"", "GPE", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
#: Verbs of saying: "said in X" places the speaker, not the event.
_SPEECH_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "claim", "report", "write", "add", "warn", "note"}
    | {"allege", "confirm", "deny", "speak", "comment", "post"}
)

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
_VERB_OBJECTS = frozenset({"dobj", "oprd", "attr", "npadvmod"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    span: Span
    hint: str | None  # country named by a possessive before it ("Russia's ...")
    region: bool  # written with a region word ("X region")


def places(doc: Doc, *, gazetteer: Gazetteer) -> Iterator[Place]:
    """Yield one :class:`Place` per place mention in ``doc`` that the gazetteer resolves.

    Example:
        >>> doc = nlp("Shelling hit Kharkiv.")  # doctest: +SKIP
        >>> [p.feature for p in places(doc, gazetteer=Gazetteer())]  # doctest: +SKIP
        ['city']
    """
    candidates = _candidates(doc, gazetteer)
    named = [_country_named(c, gazetteer) for c in candidates]
    number = 0
    for index, candidate in enumerate(candidates):
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
            role=_role(span),
        )


def _unresolved_place(span: Span) -> bool:
    """A name the gazetteer lacks, kept when the text itself says it is a place.

    "in X", "near the town of X": a small village or a place the gazetteer does
    not hold is still where something happened, and two reports can still
    disagree about it by name. An outlet or a person is rarely written that way.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in _EVENT_PREPS and before.lower_ != "of":
        return False
    if not _introduces_place(before):
        return False
    return all(t.is_title for t in span) and doc[span.start].ent_type_ in _UNRESOLVED_LABELS


def _unresolved(candidate: _Candidate, number: int) -> Place:
    span = candidate.span
    return Place(
        id=f"p{number}",
        span=TextSpan(span.text, span.start_char, span.end_char),
        name=span.text,
        country=candidate.hint,
        feature="unresolved",
        role=_role(span),
    )


def _country_named(candidate: _Candidate, gazetteer: Gazetteer) -> str | None:
    """The country a mention names, directly or through one of its regions."""
    entries = gazetteer.lookup(candidate.span.text)
    if entries and entries[0].feature in ("country", "admin1"):
        return entries[0].country
    return candidate.hint


def _others_name(named: list[str | None], index: int) -> frozenset[str]:
    """Countries named by mentions other than the one at ``index`` (none vouches for itself)."""
    return frozenset(c for i, c in enumerate(named) if c is not None and i != index)


def _choose(candidate: _Candidate, gazetteer: Gazetteer, named: frozenset[str]) -> Entry | None:
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
    while end < len(doc) and end - start < 3 and _name_like(doc[end]):
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


def _candidates(doc: Doc, gazetteer: Gazetteer) -> list[_Candidate]:
    found: list[_Candidate] = []
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
    while end < len(doc) and _name_like(doc[end]) and gazetteer.lookup(doc[start : end + 1].text):
        end += 1
    while start < end - 1 and doc[start].lower_ == "the":
        start += 1
    while end > start + 1 and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    if end < len(doc) and doc[end].lower_ in REGION_WORDS and doc[end - 1].is_title:
        end += 1
    return doc[start:end]


def _split_possessive(span: Span, gazetteer: Gazetteer) -> Iterator[_Candidate]:
    """ "Russia's Belgorod region" as one entity: the country, and the region within it."""
    marks = [t.i for t in span if t.text in _POSSESSIVE]
    if marks and marks[0] + 1 < span.end:
        owner = span.doc[span.start : marks[0]]
        inner = span.doc[marks[0] + 1 : span.end]
        yield _Candidate(owner, None, False)
        yield _Candidate(inner, _country_of(owner, gazetteer), _has_region_word(inner))
        return
    owner_hint = _possessor_country(span, gazetteer)
    yield _Candidate(span, owner_hint, _has_region_word(span))


def _has_region_word(span: Span) -> bool:
    return span[-1].lower_ in REGION_WORDS


def _possessor_country(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country in "Russia's X" when "Russia" is a separate entity before ``span``."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in _POSSESSIVE:
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
        _dateline(span)
        or (before is not None and (_introduces_place(before) or before.text in _POSSESSIVE))
        or (after is not None and after.lower_ in REGION_WORDS)
        or span[-1].lower_ in REGION_WORDS
    )


def _demonym(span: Span) -> bool:
    """Nationality and direction words tagged as places ("Ukrainian forces", "NORTHERN")."""
    if len(span) != 1:
        return False
    return span[0].tag_ == "JJ" or span[0].dep_ == "amod" or span[0].lower_ in _NOT_NAMES


def _unlabelled_regions(doc: Doc, covered: set[int], gazetteer: Gazetteer) -> Iterator[_Candidate]:
    """Capitalised words before a region word that no entity covers ("the Sumy region")."""
    for token in doc:
        if token.lower_ not in REGION_WORDS or token.i in covered:
            continue
        start = token.i
        while start > 0 and _name_like(doc[start - 1]) and start - 1 not in covered:
            start -= 1
        if start < token.i:
            span = doc[start : token.i + 1]
            covered.update(range(span.start, span.end))
            yield _Candidate(span, _possessor_country(span, gazetteer), True)


def _unlabelled_after_preposition(
    doc: Doc, covered: set[int], gazetteer: Gazetteer, found: list[_Candidate]
) -> Iterator[_Candidate]:
    """The longest known name after "in", "near", "the town of" or in a list of places.

    The small model misses many places, above all in upper-case wire text.
    """
    continues = {c.span.end for c in found}  # "in X, Y and Z"
    for token in doc:
        if not (_introduces_place(token) or token.i in continues):
            continue
        start = token.i + 1
        while start < len(doc) and (doc[start].lower_ in _SKIPPED or doc[start].text in ",'\""):
            start += 1
        end = start
        while end < len(doc) and end - start < 4 and _name_like(doc[end]) and end not in covered:
            end += 1
        for stop in range(end, start, -1):
            span = doc[start:stop]
            if _known_by_own_name(span, gazetteer):
                covered.update(range(start, stop))
                continues.update(_list_continuations(doc, stop))
                yield _Candidate(span, None, False)
                break


def _introduces_place(token: Token) -> bool:
    """ "in", "near", or "of" after a settlement word ("the town of", "the outskirts of")."""
    if token.lower_ in _LOCATIVE:
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


def _name_like(token: Token) -> bool:
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


def _role(span: Span) -> str | None:
    if _dateline(span):
        return "speaker"
    prep = _governing_preposition(span)
    if prep is None or prep.lower_ not in _EVENT_PREPS:
        return None
    if _negated(prep):
        return "negated"
    if _in_person_apposition(prep):
        return "speaker"
    head = prep.head
    # "taken prisoner in X", "hold a rally in X": the verb's object carries the place.
    while head.dep_ in _VERB_OBJECTS and head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.lemma_ in _SPEECH_LEMMAS:
        return "speaker"
    if head.pos_ in ("VERB", "AUX"):
        return "event"
    return None


def _governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the place is, by the parse or, without one, by position."""
    doc = span.doc
    if doc.has_annotation("DEP"):
        token = span.root
        while token.dep_ in ("compound", "amod", "nmod", "appos") and token.head is not token:
            token = token.head
        return token.head if token.dep_ == "pobj" else None
    index = span.start - 1
    while index >= 0 and (doc[index].lower_ == "the" or doc[index].text in _POSSESSIVE):
        index -= 2 if doc[index].text in _POSSESSIVE else 1
    return doc[index] if index >= 0 and doc[index].lower_ in _LOCATIVE else None


def _negated(prep: Token) -> bool:
    if any(child.dep_ == "neg" for child in prep.children):
        return True
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ in _NEGATORS


def _in_person_apposition(prep: Token) -> bool:
    """ "X, a researcher at an institute in Seoul": the place describes the speaker."""
    token = prep
    for _ in range(8):
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _dateline(span: Span) -> bool:
    """A place opening a line and followed by a date or an outlet: "KYIV, Ukraine (AP) --"."""
    doc = span.doc
    # Doc.text joins every token on each access; read only the characters around the span.
    if span.start > 0 and not doc[span.start - 1].text_with_ws.endswith("\n"):
        return False
    rest = (doc[span.end - 1].whitespace_ + _text_from(doc, span.end, 40))[:40]
    opening = rest.startswith(",") or span.text.isupper()
    return opening and any(mark in rest for mark in ("(", "—", "--", " - "))


def _text_from(doc: Doc, index: int, size: int) -> str:
    """At least ``size`` characters of ``doc``'s text from token ``index`` on (or all there are)."""
    parts: list[str] = []
    length = 0
    while length < size and index < len(doc):
        parts.append(doc[index].text_with_ws)
        length += len(parts[-1])
        index += 1
    return "".join(parts)
