from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimledger.extract.gazetteer import Gazetteer
from claimledger.extract.places import places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _found(doc: Doc, gazetteer: Gazetteer) -> list[tuple[str, int | None, str, str | None]]:
    return [
        (p.span.text, p.geonames_id, p.feature, p.role) for p in places(doc, gazetteer=gazetteer)
    ]


@pytest.mark.parametrize(
    "words,pos,heads,deps,ents,expected",
    [
        (  # a region mislabelled PRODUCT, the region word outside the entity
            ["Troops", "fought", "in", "the", "Sumy", "region", "."],
            ["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT"],
            [1, 1, 1, 5, 5, 2, 1],
            ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
            ["O", "O", "O", "O", "B-PRODUCT", "O", "O"],
            [("Sumy region", 692196, "admin1", "event")],
        ),
        (  # "in X and not in Y's Z region": event place, a country, a negated region
            ["He", "was", "held", "in", "Ukraine", "and", "not", "in", "Russia", "'s"]
            + ["Belgorod", "region", "."],
            ["PRON", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PART", "ADP", "PROPN", "PART"]
            + ["PROPN", "NOUN", "PUNCT"],
            [2, 2, 2, 2, 3, 2, 7, 2, 11, 8, 11, 7, 2],
            ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "cc", "neg", "conj", "poss"]
            + ["case", "compound", "pobj", "punct"],
            ["O", "O", "O", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-ORG", "O", "O"],
            [
                ("Ukraine", 690791, "country", "event"),
                ("Russia", 2017370, "country", None),
                ("Belgorod region", 578071, "admin1", "negated"),
            ],
        ),
        (  # a bare region name after "in" that the model called a person
            ["Shelling", "continued", "in", "Kharkiv", "Oblast", "."],
            ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
            [1, 1, 1, 4, 2, 1],
            ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
            ["O", "O", "O", "B-PERSON", "I-PERSON", "O"],
            [("Kharkiv Oblast", 706482, "admin1", "event")],
        ),
    ],
)
def test_places_resolve_and_role(
    make_doc: Callable[..., Doc],
    gazetteer: Gazetteer,
    words: list[str],
    pos: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    expected: list[tuple[str, int, str, str | None]],
) -> None:
    doc = make_doc(words, pos=pos, heads=heads, deps=deps, ents=ents)
    assert _found(doc, gazetteer) == expected


@pytest.mark.parametrize(
    "words,ents",
    [
        (["Ukrainian", "troops", "advanced", "."], ["B-NORP", "O", "O", "O"]),
        (["North", "Korean", "soldiers", "fought"], ["B-NORP", "I-NORP", "O", "O"]),
        (["Defense", "Express", "reported", "it"], ["B-GPE", "I-GPE", "O", "O"]),  # an outlet
        (["The", "Guardian", "said", "so"], ["O", "B-ORG", "O", "O"]),
    ],
)
def test_places_skips_demonyms_and_outlets(
    make_doc: Callable[..., Doc], gazetteer: Gazetteer, words: list[str], ents: list[str]
) -> None:
    assert _found(make_doc(words, ents=ents), gazetteer) == []


@pytest.mark.parametrize(
    "words,ents,geonames_id",
    [
        (["Canada", "and", "Hamilton"], ["B-GPE", "O", "B-GPE"], 5969782),
        (["Texas", "and", "Odessa"], ["B-GPE", "O", "B-GPE"], 5527554),
        (["Odessa", "was", "quiet"], ["B-GPE", "O", "O"], 698740),
    ],
)
def test_places_prefer_countries_the_document_names(
    make_doc: Callable[..., Doc],
    gazetteer: Gazetteer,
    words: list[str],
    ents: list[str],
    geonames_id: int,
) -> None:
    found = list(places(make_doc(words, ents=ents), gazetteer=gazetteer))
    assert found[-1].geonames_id == geonames_id


@pytest.mark.parametrize(
    "words,pos,heads,deps,ents",
    [
        (
            ["Lee", ",", "an", "analyst", "at", "a", "institute", "in", "Seoul", ",", "said"]
            + ["it", "."],
            ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
            + ["VERB", "PRON", "PUNCT"],
            [10, 0, 3, 0, 3, 6, 4, 6, 7, 0, 10, 10, 10],
            ["nsubj", "punct", "det", "appos", "prep", "det", "pobj", "prep", "pobj", "punct"]
            + ["ROOT", "dobj", "punct"],
            ["B-PERSON"] + ["O"] * 7 + ["B-GPE"] + ["O"] * 4,
        ),
        (
            ["Officials", "said", "in", "Moscow", "that", "talks", "failed"],
            ["NOUN", "VERB", "ADP", "PROPN", "SCONJ", "NOUN", "VERB"],
            [1, 1, 1, 2, 6, 6, 1],
            ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp"],
            ["O", "O", "O", "B-GPE", "O", "O", "O"],
        ),
    ],
)
def test_places_speaker_role(
    make_doc: Callable[..., Doc],
    gazetteer: Gazetteer,
    words: list[str],
    pos: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
) -> None:
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    doc = make_doc(words, pos=pos, heads=heads, deps=deps, ents=ents, lemmas=lemmas)
    assert [p.role for p in places(doc, gazetteer=gazetteer)] == ["speaker"]


@pytest.mark.parametrize("words", [["KYIV", ",", "Ukraine", "(", "AP", ")", "--", "Drones", "hit"]])
def test_places_dateline_is_speaker(
    make_doc: Callable[..., Doc], gazetteer: Gazetteer, words: list[str]
) -> None:
    spaces = [w not in ("KYIV", "(", "AP") for w in words]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-ORG", "O", "O", "O", "O"]
    doc = make_doc(words, spaces=spaces, ents=ents)
    found = list(places(doc, gazetteer=gazetteer))
    assert (found[0].name, found[0].role) == ("Kyiv", "speaker")
    assert found[0].lat is not None and found[0].country == "UA"


@pytest.mark.parametrize(
    "words,pos,expected",
    [
        (  # upper-case wire text: no entities at all
            ["TROOPS", "CLASHED", "IN", "SAN", "SALVADOR", "AND", "NEAR", "GUATEMALA", "."],
            ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "CCONJ", "ADP", "PROPN", "PUNCT"],
            ["San Salvador", "Guatemala"],
        ),
        (  # common words after a preposition are not places, nor are months or directions
            ["THEY", "MET", "AT", "THAT", "TIME", "IN", "MARCH", "IN", "NORTHERN", "AREAS"],
            ["PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "NOUN"],
            [],
        ),
        (["HE", "CAME", "FROM", "LA", "."], ["PRON", "VERB", "ADP", "PROPN", "PUNCT"], []),
        (  # "the town of X", then a list
            ["BOMBS", "HIT", "THE", "TOWN", "OF", "TALCA", ",", "TEMUCO", "AND", "OSORNO"],
            ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"],
            ["Talca", "Temuco", "Osorno"],
        ),
    ],
)
def test_places_found_without_entities(
    make_doc: Callable[..., Doc],
    gazetteer: Gazetteer,
    words: list[str],
    pos: list[str],
    expected: list[str],
) -> None:
    doc = make_doc(words, pos=pos)
    assert [p.name for p in places(doc, gazetteer=gazetteer)] == expected


@pytest.mark.parametrize(
    "town,state",
    [("Lodi", "California"), ("Lodi", "New Jersey"), ("Douglas", "Georgia")],
)
def test_places_city_comma_region_picks_the_city_in_it(
    make_doc: Callable[..., Doc], gazetteer: Gazetteer, town: str, state: str
) -> None:
    words = ["Police", "in", town, ",", *state.split(), "said"]
    ents = ["O", "O", "B-GPE", "O", "B-GPE"] + ["I-GPE"] * (len(state.split()) - 1) + ["O"]
    found = list(places(make_doc(words, ents=ents), gazetteer=gazetteer))
    assert (found[0].name, found[0].admin1, found[0].country) == (town, state, "US")
