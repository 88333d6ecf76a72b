"""Place containment over gazetteer codes: is one place inside another?

Places carry GeoNames-style codes: ``country`` (ISO 3166 alpha-2), ``admin1``
(first-level region code within the country) and a ``feature`` ("country",
"admin1", "city"). A city lies in its admin1 region and country; a region in
its country. When codes are missing the engine cannot judge, and says
"compatible" rather than invent a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.model import Place

__all__ = [
    "EVENT_ROLES",
    "asserted_places",
    "compatible",
    "contains",
    "country_key",
    "negated_places",
    "place_label",
    "region_keys",
]

#: Place roles that say where something happened (None: the text does not say).
EVENT_ROLES = frozenset({"event", None})

_LEVEL = {"country": 0, "admin1": 1, "city": 2}


def _level(place: Place) -> int:
    return _LEVEL.get(place.feature, 2)


def _same_entry(outer: Place, inner: Place) -> bool:
    if outer.geonames_id is not None and inner.geonames_id is not None:
        return outer.geonames_id == inner.geonames_id
    return outer.name.casefold() == inner.name.casefold()


def contains(outer: Place, inner: Place) -> bool:
    """Return True if ``inner`` lies within (or is) ``outer``.

    A country contains its regions and cities (same ``country``); a region
    (admin1) contains the cities with its ``country`` and ``admin1``; a city
    contains only itself (same GeoNames id, else same name).
    """
    if _same_entry(outer, inner):
        return True
    level = _level(outer)
    if level >= _level(inner) or outer.country is None or outer.country != inner.country:
        return False
    if level == 0:
        return True
    return outer.admin1 is not None and outer.admin1 == inner.admin1 and level == 1


def _judgeable(place: Place) -> bool:
    return place.country is not None or place.geonames_id is not None


def compatible(a: Place, b: Place) -> bool:
    """Return True unless the two places are known to be apart (neither contains the other)."""
    if not (_judgeable(a) and _judgeable(b)):
        return True
    return contains(a, b) or contains(b, a)


def asserted_places(places: Sequence[Place]) -> tuple[Place, ...]:
    """Return the places a claim puts its event in (not the speaker's, not negated)."""
    return tuple(p for p in places if p.role in EVENT_ROLES)


def negated_places(places: Sequence[Place]) -> tuple[Place, ...]:
    """Return the places a claim says the event was *not* in."""
    return tuple(p for p in places if p.role == "negated")


def country_key(places: Sequence[Place]) -> str:
    """Return the blocking key for a claim's places: its one country, else ``"*"``."""
    countries = {p.country for p in asserted_places(places) if p.country}
    return countries.pop() if len(countries) == 1 else "*"


def region_keys(places: Sequence[Place]) -> frozenset[str]:
    """Return keys of the regions (admin1) a claim puts its event in, for blocking.

    A city counts as its admin1 region. A country alone is too coarse to say
    two tolls count the same dead, so it gives no key. A place the gazetteer
    did not resolve is keyed by its name.
    """
    return frozenset(filter(None, (_region_key(p) for p in asserted_places(places))))


def _region_key(place: Place) -> str | None:
    if place.country is None and place.geonames_id is None:
        return f"name:{place.name.casefold()}"
    if place.feature == "country" or not place.country:
        return None
    if place.admin1:
        return f"{place.country}:{place.admin1}"
    return f"{place.country}:{place.geonames_id or place.name.casefold()}"


def place_label(place: Place) -> str:
    """Return a place's name with its country code ("Kharkiv, UA")."""
    if place.country and place.feature != "country":
        return f"{place.name}, {place.country}"
    return place.name
