from __future__ import annotations

import pytest

from claimledger.extract.casing import is_upper_case, restore_case
from claimledger.extract.numbers import ACLED, VaguePolicy, bound_of, read_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("11,000", 11_000),
        ("two", 2),
        ("a dozen", 12),
        ("two dozen", 24),
        ("3.5 million", 3_500_000),
        ("1.1k", 1_100),
        ("twenty-one", 21),
        ("twenty - one", 21),
        ("a hundred", 100),
        ("two hundred and five", 205),
        ("one million two hundred thousand", 1_200_000),
        ("zero", 0),
        ("both", 2),
    ],
)
def test_numbers_read_exact(text: str, value: float) -> None:
    reading = read_number(text.split())
    assert reading is not None
    assert (reading.value, reading.low, reading.high, reading.vague) == (value, value, value, False)


@pytest.mark.parametrize(
    "text,value,high",
    [
        ("dozens", 12, 99),
        ("hundreds", 100, 999),
        ("thousands", 1_000, 9_999),
        ("tens", 10, 99),
        ("several", 3, 9),
        ("a few", 3, 9),
        ("tens of thousands", 10_000, 99_000),
        ("several hundred", 300, 900),
    ],
)
def test_numbers_read_vague_under_acled_policy(text: str, value: float, high: float) -> None:
    reading = read_number(text.split(), policy=ACLED)
    assert reading is not None
    assert (reading.value, reading.low, reading.high, reading.vague) == (value, value, high, True)


@pytest.mark.parametrize("text", ["people", "first", "3rd", "$5", "", "a"])
def test_numbers_reject_non_numbers(text: str) -> None:
    assert read_number(text.split()) is None


@pytest.mark.parametrize("words", [["dozens"]])
def test_numbers_policy_is_configurable(words: list[str]) -> None:
    literal = VaguePolicy(name="literal", words={"dozens": (24, 99)})
    reading = read_number(words, policy=literal)
    assert reading is not None and reading.value == 24


@pytest.mark.parametrize(
    "before,expected",
    [
        ("killed more than", ("more_than", 2)),
        ("over", ("more_than", 1)),
        ("losses exceed", ("more_than", 1)),
        ("at least", ("at_least", 2)),
        ("nearly", ("less_than", 1)),
        ("almost", ("less_than", 1)),
        ("about", ("about", 1)),
        ("around", ("about", 1)),
        ("some", ("about", 1)),
        ("roughly", ("about", 1)),
        ("an estimated", ("about", 2)),
        ("up to", ("at_most", 2)),
        ("fewer than", ("less_than", 2)),
        ("less than", ("less_than", 2)),
        ("only", ("exact", 1)),
        ("said the", None),
    ],
)
def test_numbers_bound_cues(before: str, expected: tuple[str, int] | None) -> None:
    assert bound_of(before.split()) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("SIX PEOPLE WERE KILLED. I SAW IT.", "Six people were killed. I saw it."),
        ("THE NINE U.S. SOLDIERS DIED.", "The nine u.s. soldiers died."),
        ("Mixed Case stays.", "Mixed Case stays."),
    ],
)
def test_casing_restores_sentence_case_keeping_offsets(text: str, expected: str) -> None:
    restored = restore_case(text)
    assert restored == expected
    assert len(restored) == len(text)


@pytest.mark.parametrize("text,upper", [("ALL CAPS TEXT", True), ("Normal text", False)])
def test_casing_detects_upper_case(text: str, upper: bool) -> None:
    assert is_upper_case(text) is upper
