"""Canonical sources across documents: one :class:`~claimledger.model.Source` per speaker.

A :class:`SourceRegistry` is an in-memory index from name keys to sources. It is
built incrementally: seed it with what a ledger already stores
(:meth:`SourceRegistry.from_sources`), lay a user's registry file over it
(:meth:`SourceRegistry.apply`), then call :meth:`SourceRegistry.canonical` once
per claim. Sources it creates or changes are what the caller persists.

Matching, in order: the name's key (case, punctuation, determiners and titles
ignored) equals a known name or alias; an acronym equals a known name's initials
(or the reverse); a person's surname alone matches the one person in the ledger
with that surname, and a full name matches an earlier surname-only source.
Candidates whose country or kind contradict the mention are never matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from claimledger.model import Source, SourceRef
from claimledger.sources.names import (
    PRONOUNS,
    initials,
    is_acronym,
    name_key,
    name_parts,
    split_words,
    strip_determiners,
)

__all__ = ["PERSON_KINDS", "SourceRegistry", "source_id"]

#: Kinds that name a single human being.
PERSON_KINDS = frozenset({"person", "head_of_state", "analyst"})
_BODY_KINDS = frozenset({"intelligence_agency", "media", "military", "organisation"})


def source_id(name: str) -> str:
    """Return the id a new source with ``name`` gets: ``"src-<slug>"``.

    Example:
        >>> source_id("Ministry of Défense")
        'src-ministry-of-defense'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    return f"src-{slug or 'unnamed'}"


def _countries(value: str | None) -> set[str]:
    return {c.strip() for c in value.split(",")} if value else set()


def _compatible(source: Source, *, kind: str, country: str | None) -> bool:
    theirs, ours = _countries(source.country), _countries(country)
    if theirs and ours and not theirs & ours:
        return False
    kinds = {source.kind, kind}
    return not (kinds & PERSON_KINDS and kinds & _BODY_KINDS)


def _index(index: dict[str, list[str]], key: str | list[str], source_id: str) -> None:
    for k in [key] if isinstance(key, str) else key:
        ids = index.setdefault(k, []) if k else []
        if k and source_id not in ids:
            ids.append(source_id)


def _personal(source: Source) -> bool:
    return source.kind in PERSON_KINDS or source.kind == "unknown"


# Registry look-ups key the same few hundred names over and over, and name_parts is costly.
@lru_cache(maxsize=16_384)
def _person_key(name: str) -> str:
    """Key of a name with titles and demonyms stripped ("President Ann Lee" -> "ann lee")."""
    return name_key(name_parts(split_words(name)).name)


class SourceRegistry:
    """Canonical sources and the aliases that lead to them.

    Example:
        >>> registry = SourceRegistry()
        >>> ref = SourceRef(TextSpan("Ann Lee", 0, 7), "Ann Lee", kind="person")  # doctest: +SKIP
        >>> registry.canonical(ref).id  # doctest: +SKIP
        'src-ann-lee'
    """

    def __init__(self) -> None:
        self._sources: dict[str, Source] = {}
        self._keys: dict[str, list[str]] = {}
        # Secondary indexes so that acronym and surname look-ups stay cheap in a big ledger.
        self._initials: dict[str, list[str]] = {}
        self._acronyms: dict[str, list[str]] = {}
        self._surnames: dict[str, list[str]] = {}

    @classmethod
    def from_sources(cls, sources: Iterable[Source]) -> SourceRegistry:
        """Return a registry seeded with already stored sources (ids kept)."""
        registry = cls()
        for source in sources:
            registry.add(source)
        return registry

    def __len__(self) -> int:
        return len(self._sources)

    def __iter__(self) -> Iterator[Source]:
        return iter(self._sources.values())

    def get(self, source_id: str) -> Source | None:
        """Return the source with ``source_id``, if registered."""
        return self._sources.get(source_id)

    def add(self, source: Source) -> Source:
        """Register ``source`` as is (replacing one with the same id) and index its names."""
        self._sources[source.id] = source
        for name in (source.name, *source.aliases):
            for key in {name_key(name), _person_key(name)} - {""}:
                _index(self._keys, key, source.id)
            if is_acronym(name):
                _index(self._acronyms, name.replace(".", ""), source.id)
            _index(self._initials, initials(name), source.id)
        _index(self._surnames, _person_key(source.name).split()[-1:], source.id)
        return source

    def apply(self, entries: Iterable[Source]) -> None:
        """Lay user-edited entries over the registry: they win on every field they set."""
        for entry in entries:
            found = next(
                (s for n in (entry.name, *entry.aliases) if (s := self.find(n)) is not None), None
            )
            if found is None:
                self.add(replace(entry, id=self._free_id(entry)))
                continue
            aliases = tuple(dict.fromkeys((*found.aliases, *entry.aliases, found.name)))
            merged = replace(
                found,
                name=entry.name,
                kind=entry.kind if entry.kind != "unknown" else found.kind,
                country=entry.country or found.country,
                affiliation=entry.affiliation or found.affiliation,
                aliases=tuple(a for a in aliases if name_key(a) != name_key(entry.name)),
                reliability=entry.reliability or found.reliability,
                reliability_suggested=False if entry.reliability else found.reliability_suggested,
            )
            self.add(merged)

    def find(
        self, name: str, *, kind: str = "unknown", country: str | None = None
    ) -> Source | None:
        """Return the known source ``name`` refers to, or None if none (or several) fit."""
        for candidates in self._candidates(name, kind=kind):
            fitting = [s for s in candidates if _compatible(s, kind=kind, country=country)]
            same = [s for s in fitting if _countries(s.country) == _countries(country)]
            if len(fitting) == 1 or len(same) == 1:
                return fitting[0] if len(fitting) == 1 else same[0]
            if fitting:
                return None
        return None

    def _candidates(self, name: str, *, kind: str) -> Iterator[list[Source]]:
        keys = dict.fromkeys((name_key(name), _person_key(name)))
        yield [self._sources[i] for key in keys for i in self._keys.get(key, ())]
        yield self._acronym_matches(name)
        if kind in PERSON_KINDS or kind == "unknown":
            yield self._surname_matches(name)

    def _acronym_matches(self, name: str) -> list[Source]:
        if is_acronym(name):
            ids = self._initials.get(name.replace(".", ""), [])
        else:
            ids = self._acronyms.get(initials(name), []) if initials(name) else []
        return [self._sources[i] for i in ids]

    def _surname_matches(self, name: str) -> list[Source]:
        words = _person_key(name).split()
        if not words or len(words) > 4:
            return []
        if len(words) == 1:
            people = [s for s in self._by_ids(self._surnames.get(words[0], [])) if _personal(s)]
            return people if len({_person_key(s.name) for s in people}) == 1 else []
        # A full name matches an earlier source known by the surname alone.
        found = self._by_ids(self._keys.get(words[-1], []))
        return [s for s in found if _personal(s) and _person_key(s.name) == words[-1]]

    def _by_ids(self, ids: Iterable[str]) -> list[Source]:
        return [self._sources[i] for i in ids]

    def canonical(self, ref: SourceRef) -> Source:
        """Return the canonical source of a resolved mention, registering it if new.

        The mention's name (and its wording, when that is itself a name) become
        aliases; a fuller person name replaces a surname-only one. The id of a
        source never changes.
        """
        found = self.find(ref.name, kind=ref.kind, country=ref.country)
        if found is None:
            source = Source(
                id=self._free_id(Source(id="", name=ref.name, country=ref.country)),
                name=ref.name,
                kind=ref.kind,
                country=ref.country,
                affiliation=ref.affiliation,
            )
            return self.add(self._with_aliases(source, ref))
        return self.add(self._with_aliases(self._upgraded(found, ref), ref))

    @staticmethod
    def _upgraded(source: Source, ref: SourceRef) -> Source:
        longer = len(_person_key(ref.name).split()) > len(_person_key(source.name).split())
        person = source.kind in PERSON_KINDS or ref.kind in PERSON_KINDS
        return replace(
            source,
            name=ref.name if longer and person else source.name,
            kind=ref.kind if source.kind == "unknown" else source.kind,
            country=source.country or ref.country,
            affiliation=source.affiliation or ref.affiliation,
        )

    @staticmethod
    def _with_aliases(source: Source, ref: SourceRef) -> Source:
        written = " ".join(strip_determiners(ref.span.text.split()))
        wanted = [ref.name]
        parts = name_parts(split_words(written))
        if written.casefold() not in PRONOUNS and (parts.proper or parts.countries):
            wanted.append(written)
        keys = {name_key(source.name)}
        aliases = list(source.aliases)
        for alias in wanted:
            if name_key(alias) not in keys | {name_key(a) for a in aliases}:
                aliases.append(alias)
        return replace(source, aliases=tuple(aliases))

    def _free_id(self, source: Source) -> str:
        if source.id and source.id not in self._sources:
            return source.id
        base = source_id(source.name)
        if base not in self._sources:
            return base
        if source.country and f"{base}-{source.country.lower()}" not in self._sources:
            return f"{base}-{source.country.lower()}"
        n = 2
        while f"{base}-{n}" in self._sources:
            n += 1
        return f"{base}-{n}"
