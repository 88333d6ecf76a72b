from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import ConfigError
from claimledger.model import Source, SourceRef, TextSpan
from claimledger.sources import SourceRegistry, load_registry, read_registry_file, registry_path
from claimledger.sources.names import country_code, initials, name_key, name_parts, split_words


def _ref(written: str, name: str | None = None, **fields: object) -> SourceRef:
    return SourceRef(TextSpan(written, 0, len(written)), name or written, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text,key",
    [
        ("The U.S. State Department's", "us state department"),
        ("  the  BORDER-guard ", "border guard"),
    ],
)
def test_names_key_ignores_case_punctuation_and_determiners(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    "words,name,kind,countries",
    [
        ("Latvian Prime Minister Anna Ozola", "Anna Ozola", "head_of_state", ("LV",)),
        ("Chile's Diario Austral", "Diario Austral", "unknown", ("CL",)),
        ("Danish and U.S. officials", "Danish and U.S. officials", "government", ("DK", "US")),
        ("Greek military brass", "Greek military brass", "military", ("GR",)),
        ("the Polish Border Agency", "Polish Border Agency", "unknown", ("PL",)),
    ],
)
def test_names_parts_split_country_title_and_name(words, name, kind, countries):
    parts = name_parts(split_words(words))
    assert (parts.name, parts.kind, parts.countries) == (name, kind, countries)


@pytest.mark.parametrize("phrase,code", [("South Korean", "KR"), ("U.S.", "US"), ("Ukraine", "UA")])
def test_names_country_code_reads_demonyms_and_names(phrase, code):
    assert country_code(phrase) == code


def test_names_initials_skip_glue_words():
    assert initials("Bureau of Border Affairs") == "BBA"


@pytest.mark.parametrize("alias", ["the Border Guard", "BORDER GUARD", "border-guard"])
def test_registry_alias_match_is_case_punctuation_and_determiner_insensitive(alias):
    registry = SourceRegistry.from_sources([Source("src-bg", "Border Guard", kind="military")])
    assert registry.canonical(_ref(alias)).id == "src-bg"
    assert len(registry) == 1


def test_registry_surname_and_title_match_one_person():
    registry = SourceRegistry()
    full = registry.canonical(
        _ref("Latvian Prime Minister Anna Ozola", "Anna Ozola", kind="head_of_state", country="LV")
    )
    assert registry.canonical(_ref("Ozola", kind="person")).id == full.id
    assert registry.canonical(_ref("Prime Minister Anna Ozola", kind="head_of_state")).id == full.id
    assert "Latvian Prime Minister Anna Ozola" in registry.get(full.id).aliases  # type: ignore[union-attr]


def test_registry_surname_is_not_matched_when_ambiguous():
    registry = SourceRegistry.from_sources(
        [
            Source("src-a", "Anna Ozola", kind="person"),
            Source("src-b", "Peteris Ozola", kind="person"),
        ]
    )
    assert registry.canonical(_ref("Ozola", kind="person")).id not in {"src-a", "src-b"}


def test_registry_full_name_upgrades_a_surname_only_source():
    registry = SourceRegistry()
    short = registry.canonical(_ref("Ozola", kind="person"))
    full = registry.canonical(_ref("Anna Ozola", kind="person"))
    assert full.id == short.id
    assert full.name == "Anna Ozola"


@pytest.mark.parametrize(
    "first,second", [("Bureau of Border Affairs", "BBA"), ("BBA", "Bureau of Border Affairs")]
)
def test_registry_acronym_matches_initials(first, second):
    registry = SourceRegistry()
    one = registry.canonical(_ref(first, kind="government"))
    assert registry.canonical(_ref(second, kind="government")).id == one.id


def test_registry_never_matches_across_countries():
    registry = SourceRegistry()
    ua = registry.canonical(_ref("Defense Ministry", kind="government", country="UA"))
    ru = registry.canonical(_ref("Defense Ministry", kind="government", country="RU"))
    assert ua.id != ru.id
    assert registry.canonical(_ref("the Defense Ministry", country="RU")).id == ru.id


def test_registry_definite_descriptions_and_pronouns_are_not_aliases():
    registry = SourceRegistry()
    source = registry.canonical(_ref("it", "Border Guard", kind="military"))
    assert source.name == "Border Guard"
    assert "it" not in source.aliases


def test_registry_seeded_sources_keep_their_ids():
    stored = [Source("src-old-id", "Nordposten", kind="media", aliases=("NP",))]
    registry = SourceRegistry.from_sources(stored)
    assert registry.canonical(_ref("NP")).id == "src-old-id"


EXAMPLE = """
[[source]]
name = "Bureau of Border Affairs"
kind = "intelligence agency"
country = "lv"
aliases = ["the border bureau"]
reliability = "b"
"""


def test_config_file_overrides_stored_sources(tmp_path: Path):
    path = tmp_path / "sources.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    stored = [Source("src-bba", "BBA", kind="government")]
    registry = load_registry(path, sources=stored)
    (source,) = list(registry)
    assert (source.id, source.name, source.kind, source.country, source.reliability) == (
        "src-bba",
        "Bureau of Border Affairs",
        "intelligence_agency",
        "LV",
        "B",
    )
    assert registry.canonical(_ref("the border bureau")).id == "src-bba"


@pytest.mark.parametrize(
    "text,message",
    [
        ("[[source]]\nname = ", "cannot read"),
        ('[[source]]\nkind = "media"', "'name' is required"),
        ('[[source]]\nname = "X"\nreliability = "G"', "reliability"),
        ('[[source]]\nname = "X"\nkind = "spy"', "kind"),
        ('[[source]]\nname = "X"\ncolour = "red"', "unknown key"),
        ('[[source]]\nname = "X"\naliases = "Y"', "aliases"),
    ],
)
def test_config_bad_file_raises_config_error_naming_the_file(tmp_path: Path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        read_registry_file(path)
    assert str(path) in str(caught.value)


def test_config_registry_path_precedence(tmp_path: Path):
    assert registry_path(environ={}, cwd=tmp_path) is None
    (tmp_path / "claimledger-sources.toml").write_text("", encoding="utf-8")
    assert registry_path(environ={}, cwd=tmp_path) == tmp_path / "claimledger-sources.toml"
    assert registry_path(environ={"CLAIMLEDGER_SOURCES": "/x.toml"}, cwd=tmp_path) == Path(
        "/x.toml"
    )
    assert registry_path("/y.toml", environ={"CLAIMLEDGER_SOURCES": "/x.toml"}) == Path("/y.toml")


def test_config_default_setting_is_optional(tmp_path: Path):
    assert registry_path("claimledger-sources.toml", environ={}, cwd=tmp_path) is None
    (tmp_path / "claimledger-sources.toml").write_text("", encoding="utf-8")
    found = registry_path("claimledger-sources.toml", environ={}, cwd=tmp_path)
    assert found == tmp_path / "claimledger-sources.toml"
    assert len(load_registry(found)) == 0


def test_registry_full_name_does_not_match_a_namesake_through_an_alias():
    registry = SourceRegistry()
    anna = registry.canonical(_ref("Anna Ozola", kind="person"))
    registry.canonical(_ref("Ozola", kind="person"))
    assert "Ozola" in registry.get(anna.id).aliases  # type: ignore[union-attr]
    assert registry.canonical(_ref("Peteris Ozola", kind="person")).id != anna.id
