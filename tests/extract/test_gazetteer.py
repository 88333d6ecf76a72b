from __future__ import annotations

import pytest

from claimledger.extract.gazetteer import Gazetteer, name_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    "name,geonames_id,country,feature",
    [
        ("Ukraine", 690791, "UA", "country"),
        ("Russia", 2017370, "RU", "country"),
        ("North Korea", 1873107, "KP", "country"),
        ("U.S.", 6252001, "US", "country"),
        ("Britain", 2635167, "GB", "country"),
        ("Seoul", 1835848, "KR", "city"),
        ("Moscow", 524901, "RU", "city"),
        ("Pyongyang", 1871859, "KP", "city"),
        ("Kyiv", 703448, "UA", "city"),
        ("Kiev", 703448, "UA", "city"),
        ("Kharkiv", 706483, "UA", "city"),
        ("Kharkiv Oblast", 706482, "UA", "admin1"),
        ("Kharkiv region", 706482, "UA", "admin1"),
        ("the Kursk region", 538555, "RU", "admin1"),
        ("Kursk Oblast", 538555, "RU", "admin1"),
        ("Kursk", 538555, "RU", "admin1"),
        ("Belgorod", 578071, "RU", "admin1"),
        ("Sumy", 692196, "UA", "admin1"),
        ("Texas", 4736286, "US", "admin1"),
    ],
)
def test_gazetteer_best_entry(
    gazetteer: Gazetteer, name: str, geonames_id: int, country: str, feature: str
) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.geonames_id, best.country, best.feature) == (geonames_id, country, feature)


@pytest.mark.parametrize("name", ["Ukrainian", "North Korean", "Russians", "BBC"])
def test_gazetteer_demonyms_and_outlets_are_not_places(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == []


@pytest.mark.parametrize("name,feature", [("Kursk city", "city"), ("city of Kharkiv", "city")])
def test_gazetteer_city_form_returns_cities_only(
    gazetteer: Gazetteer, name: str, feature: str
) -> None:
    entries = gazetteer.lookup(name)
    assert entries and {e.feature for e in entries} == {feature}


@pytest.mark.parametrize("name,hint,country", [("Georgia", "US", "US"), ("Georgia", None, "GE")])
def test_gazetteer_country_hint_wins(
    gazetteer: Gazetteer, name: str, hint: str | None, country: str
) -> None:
    assert gazetteer.lookup(name, country_hint=hint)[0].country == country


@pytest.mark.parametrize("code,name", [("KR", "South Korea"), ("ua", "Ukraine")])
def test_gazetteer_country_by_code_has_capital_coordinates(
    gazetteer: Gazetteer, code: str, name: str
) -> None:
    entry = gazetteer.country(code)
    assert entry is not None and entry.name == name
    assert entry.lat is not None and entry.lon is not None


@pytest.mark.parametrize("name", ["Kharkiv Oblast", "Seoul"])
def test_gazetteer_entries_have_coordinates_and_region(gazetteer: Gazetteer, name: str) -> None:
    entry = gazetteer.lookup(name)[0]
    assert entry.lat is not None and entry.lon is not None and entry.admin1


@pytest.mark.parametrize(
    "text,key", [("U. S.", "us"), ("The Hague", "hague"), ("Kharkiv’s", "kharkiv's")]
)
def test_gazetteer_name_key(text: str, key: str) -> None:
    assert name_key(text) == key
