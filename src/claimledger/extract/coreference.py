"""Which mentions of a document name the same source: a small rule-based coreference.

Works on :class:`Referent` records (no spaCy), in document order:

- a name joins the latest entity it matches (same key, a surname or other
  suffix of a longer name, an acronym of it), unless country or animacy clash;
- a pronoun joins the entity of the first compatible mention found walking
  back sentence by sentence (its own sentence nearest first, earlier ones
  sources first, then subjects, then others), else the latest compatible source;
- a relative pronoun ("X, which said") joins the mention just before it;
- a definite description ("the agency", "the president") joins the latest
  entity whose name or kind fits its head noun (an organisation that was a
  source will do for an organisation head);
- a national description ("Freedonian intelligence") joins the next named
  source of the same kind within two sentences when their countries agree.

Vague sources ("officials", "a source") stay alone; only "they" may refer to them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimledger.model import TextSpan
from claimledger.sources.names import KIND_PRIORITY, initials, is_acronym, name_key

__all__ = ["Referent", "Resolution", "resolve"]

_SENTENCE_WINDOW = 3
_HEAD_WORDS = {
    "agency": ("agency", "service", "intelligence", "bureau", "directorate"),
    "service": ("service", "agency", "intelligence"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "company": ("company", "corp", "inc", "group"),
    "firm": ("company", "corp", "inc", "group", "firm"),
}
_HEAD_KINDS = {
    **dict.fromkeys(("agency", "service"), "intelligence_agency"),
    **dict.fromkeys(("ministry", "department", "government", "administration"), "government"),
    **dict.fromkeys(("military", "army", "navy", "command"), "military"),
    **dict.fromkeys(
        ("outlet", "newspaper", "paper", "broadcaster", "network", "channel", "magazine", "site"),
        "media",
    ),
    **dict.fromkeys(("website", "publication", "daily", "agency"), "media"),
}


@dataclass(frozen=True, slots=True)
class Referent:
    """One mention that may name a source, with the cues resolution needs.

    ``form`` is "named", "pronoun", "relative", "definite" or "vague";
    ``animacy`` "person", "thing" or None; ``gender`` "male", "female" or None.
    """

    span: TextSpan
    form: str
    name: str
    sentence: int
    proper: bool = False
    kind: str = "unknown"
    countries: tuple[str, ...] = ()
    head: str = ""
    roles: tuple[str, ...] = ()
    animacy: str | None = None
    gender: str | None = None
    plural: bool = False
    subject: bool = False
    is_source: bool = False
    in_quote: bool = False
    affiliation: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a referent resolves to: the entity's name, kind, country and affiliation."""

    name: str
    kind: str
    country: str | None
    affiliation: str | None
    named_by: TextSpan | None
    antecedent: TextSpan | None


class _Entities:
    """Union-find over referent indices that keeps each entity's member list."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.groups: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[a] = b
            self.groups[b] = sorted(self.groups[b] + self.groups.pop(a))

    def members(self, i: int) -> list[int]:
        return self.groups[self.find(i)]


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    return tuple(name_key(name).split())


def _names_match(a: Referent, b: Referent) -> bool:
    wa, wb = _words(a.name), _words(b.name)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if long_[-len(short) :] == short and not (len(short) == 1 and short[0] in _HEAD_WORDS):
        return True
    pairs = ((a.name, b.name), (b.name, a.name))
    return any(is_acronym(x) and x.replace(".", "") == initials(y) for x, y in pairs)


class _Resolver:
    def __init__(self, referents: Sequence[Referent]) -> None:
        self.refs = referents
        self.entities = _Entities(len(referents))
        self.antecedent: dict[int, int] = {}
        self.by_sentence: dict[int, list[int]] = {}
        self.named: dict[str, list[int]] = {}
        for i, r in enumerate(referents):
            self.by_sentence.setdefault(r.sentence, []).append(i)
            if r.form == "named":
                for key in {*_words(r.name)[-1:], initials(r.name).casefold()} - {""}:
                    self.named.setdefault(key, []).append(i)
                if is_acronym(r.name):
                    self.named.setdefault(r.name.replace(".", "").casefold(), []).append(i)

    def animacy(self, i: int) -> str | None:
        found = {self.refs[k].animacy for k in self.entities.members(i)}
        return next((a for a in ("person", "thing") if a in found), None)

    def gender(self, i: int) -> str | None:
        # A name's gender (given name, honorific) outweighs what linked pronouns suggest.
        members = [self.refs[k] for k in self.entities.members(i)]
        for forms in (("named", "definite"), ("pronoun",)):
            found = [m.gender for m in members if m.form in forms and m.gender]
            if found:
                # First-seen wins a tie: a set's order changes with the hash seed.
                return max(found, key=found.count)
        return None

    def countries(self, i: int) -> set[str]:
        members = self.entities.members(i)
        return {c for k in members for c in self.refs[k].countries}

    def agrees(self, r: Referent, j: int) -> bool:
        mine, theirs = set(r.countries), self.countries(j)
        if mine and theirs and not mine & theirs:
            return False
        animacy = self.animacy(j)
        return not (r.animacy and animacy and r.animacy != animacy)

    def link(self, i: int, j: int) -> None:
        self.antecedent[i] = j
        self.entities.join(i, j)

    def run(self) -> None:
        for i, r in enumerate(self.refs):
            j = self.choose(i, r)
            if j is not None:
                self.link(i, j)
        self.link_national_descriptions()

    def choose(self, i: int, r: Referent) -> int | None:
        if r.form == "named":
            return self.named_antecedent(i, r)
        if r.form == "relative":
            return self.relative_antecedent(i, r)
        if r.form == "pronoun":
            return self.pronoun_antecedent(i, r)
        if r.form == "definite":
            return self.definite_antecedent(i, r)
        return None

    def named_antecedent(self, i: int, r: Referent) -> int | None:
        words = _words(r.name)
        # Names that match share their last word or are acronyms of each other.
        keys = {*words[-1:], r.name.replace(".", "").casefold(), initials(r.name).casefold()}
        found = {j for key in keys - {""} for j in self.named.get(key, ()) if j < i}
        for j in sorted(found, reverse=True):
            if _names_match(r, self.refs[j]) and self.agrees(r, j):
                return j
        return None

    def relative_antecedent(self, i: int, r: Referent) -> int | None:
        before = [j for j in range(i) if self.refs[j].span.end <= r.span.start]
        j = max(before, key=lambda k: self.refs[k].span.end, default=None)
        return j if j is not None and r.span.start - self.refs[j].span.end <= 3 else None

    def pronoun_fits(self, r: Referent, j: int) -> bool:
        other = self.refs[j]
        if other.span.end > r.span.start or other.form == "relative" and j not in self.antecedent:
            return False
        if other.in_quote and not other.is_source:
            return False
        if r.plural:
            return other.plural or (self.animacy(j) == "thing" and other.form != "vague")
        if (
            other.form == "vague"
            or other.plural
            or other.form == "pronoun"
            and j not in self.antecedent
        ):
            return False
        if r.gender and self.gender(j) not in (None, r.gender):
            return False
        return self.agrees(r, j)

    def pronoun_antecedent(self, i: int, r: Referent) -> int | None:
        if r.animacy is None and r.gender is None and not r.plural:
            return None  # "I", "we", "you"
        for sentence in range(r.sentence, r.sentence - _SENTENCE_WINDOW - 1, -1):
            found = [j for j in self.by_sentence.get(sentence, ()) if j < i]
            found = [j for j in found if self.pronoun_fits(r, j)]
            if sentence == r.sentence:
                found.reverse()
            ranked = sorted(
                found, key=lambda j: (not self.refs[j].is_source, not self.refs[j].subject)
            )
            if ranked:
                return ranked[0]
        sources = [j for j in range(i) if self.refs[j].is_source and self.pronoun_fits(r, j)]
        return sources[-1] if sources else None

    def definite_score(self, r: Referent, j: int, *, entity: dict[int, tuple[int, bool]]) -> int:
        """2 if ``j`` names what the description ``r`` describes, 1 if it is a source
        thing ``r`` may stand for, else 0. ``entity`` caches the per-entity part."""
        other = self.refs[j]
        if other.form not in ("named", "definite"):
            return 0
        if other.form == "definite" and j not in self.antecedent:
            return 0
        root = self.entities.find(j)
        if root not in entity:
            entity[root] = self.entity_fit(r, j)
        score, thing = entity[root]
        return score or (1 if other.is_source and thing else 0)

    def entity_fit(self, r: Referent, j: int) -> tuple[int, bool]:
        """(2 if ``j``'s entity matches description ``r``, else 0; is it an agreeing thing)."""
        if not self.agrees(r, j):
            return 0, False
        if r.animacy == "person":
            roles = {role for k in self.entities.members(j) for role in self.refs[k].roles}
            return (2 if r.head in roles else 0), False
        name = name_key(self.name_of(j))
        if any(w in name.split() for w in _HEAD_WORDS.get(r.head, (r.head,))):
            return 2, False
        if _HEAD_KINDS.get(r.head) == self.kind_of(j):
            return 2, False
        return 0, self.animacy(j) == "thing"

    def definite_antecedent(self, i: int, r: Referent) -> int | None:
        # The nearest best match: scanning back, a full match ends the search, and
        # entities are scored once each (long documents have thousands of mentions).
        entity: dict[int, tuple[int, bool]] = {}
        fallback = None
        for j in range(i - 1, -1, -1):
            score = self.definite_score(r, j, entity=entity)
            if score == 2:
                return j
            if score == 1 and fallback is None:
                fallback = j
        return fallback

    def link_national_descriptions(self) -> None:
        for i, r in enumerate(self.refs):
            if r.form != "named" or r.proper or not r.countries or not r.is_source:
                continue
            for j in range(i + 1, len(self.refs)):
                other = self.refs[j]
                if other.sentence > r.sentence + 2:
                    break
                if other.proper and other.is_source and other.kind == r.kind and self.agrees(r, j):
                    self.entities.join(i, j)
                    break

    def naming(self, i: int) -> int:
        members = self.entities.members(i)
        named = [k for k in members if self.refs[k].form == "named"]
        proper = [k for k in named if self.refs[k].proper]
        spoken = [k for k in members if self.refs[k].form not in ("pronoun", "relative")]
        pool = proper or named or spoken or [i]
        return max(pool, key=lambda k: (len(_words(self.refs[k].name)), -k))

    def name_of(self, i: int) -> str:
        return self.refs[self.naming(i)].name

    def kind_of(self, i: int) -> str:
        members = [self.refs[k] for k in self.entities.members(i)]
        kinds = {m.kind for m in members}
        kind = next(k for k in KIND_PRIORITY if k in kinds or k == "unknown")
        reported = any((m.cue or "").startswith("report") for m in members)
        if kind in ("unknown", "organisation") and reported and self.animacy(i) != "person":
            return "media"
        return kind

    def resolution(self, i: int) -> Resolution:
        r = self.refs[i]
        if r.form == "vague" and i not in self.antecedent:
            return Resolution(r.name, r.kind, ",".join(r.countries) or None, None, None, None)
        members = [self.refs[k] for k in self.entities.members(i)]
        countries = dict.fromkeys(c for m in members for c in m.countries)
        affiliation = next((m.affiliation for m in members if m.affiliation), None)
        naming = self.naming(i)
        own = r.form == "named" and _words(r.name) == _words(self.refs[naming].name)
        named_by = self.refs[naming].span if naming != i and not own else None
        antecedent = self.refs[self.antecedent[i]].span if i in self.antecedent else None
        return Resolution(
            self.refs[naming].name,
            self.kind_of(i),
            ",".join(countries) or None,
            affiliation,
            named_by,
            antecedent,
        )


def resolve(referents: Sequence[Referent]) -> Iterator[Resolution]:
    """Yield one :class:`Resolution` per referent (in the given document order).

    Example:
        >>> list(resolve([]))
        []
    """
    resolver = _Resolver(referents)
    resolver.run()
    for i in range(len(referents)):
        yield resolver.resolution(i)
