"""The user-editable source registry file (TOML), documented in docs/sources.md.

Each ``[[source]]`` table gives one canonical source::

    [[source]]
    name = "Ministry of Examples"
    kind = "government"
    country = "XX"
    aliases = ["MoE", "the examples ministry"]
    reliability = "B"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from claimledger.errors import ConfigError
from claimledger.model import SOURCE_KINDS, Source
from claimledger.sources.registry import SourceRegistry, source_id

__all__ = ["DEFAULT_FILE", "ENV_VAR", "load_registry", "read_registry_file", "registry_path"]

#: Environment variable naming the registry file.
ENV_VAR = "CLAIMLEDGER_SOURCES"
#: File looked for in the working directory when the variable is unset.
DEFAULT_FILE = "claimledger-sources.toml"

_FIELDS = frozenset({"id", "name", "kind", "country", "affiliation", "aliases", "reliability"})
_RELIABILITY = frozenset("ABCDEF")


def registry_path(
    setting: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path | None:
    """Return the registry file to load, or None.

    The ``sources`` setting (``Settings.sources``) if given, else ``$CLAIMLEDGER_SOURCES``;
    the default name ``claimledger-sources.toml`` is used only when that file exists in
    ``cwd``.

    Example:
        >>> registry = load_registry(registry_path(settings.sources))  # doctest: +SKIP
    """
    env = os.environ if environ is None else environ
    chosen = os.fspath(setting) if setting else env.get(ENV_VAR)
    # The settings table's default names the optional file; only a path chosen on
    # purpose must exist (reading a missing one raises ConfigError naming it).
    if chosen and chosen != DEFAULT_FILE:
        return Path(chosen)
    default = (cwd or Path.cwd()) / DEFAULT_FILE
    return default if default.is_file() else None


def _text(entry: Mapping[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    return value.strip() if isinstance(value, str) else None


def _kind(entry: Mapping[str, Any], where: str) -> str:
    kind = (_text(entry, "kind", where) or "unknown").replace(" ", "_")
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    return kind


def _country(entry: Mapping[str, Any], where: str) -> str | None:
    country = _text(entry, "country", where)
    codes = [c.strip().upper() for c in country.split(",")] if country else []
    if any(len(c) != 2 or not c.isalpha() for c in codes):
        raise ConfigError(f"{where}: country {country!r} is not an ISO 3166 alpha-2 code")
    return ",".join(codes) or None


def _aliases(entry: Mapping[str, Any], where: str) -> tuple[str, ...]:
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ConfigError(f"{where}: 'aliases' must be a list of non-empty strings")
    return tuple(a.strip() for a in aliases)


def _source(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected a table")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = _text(entry, "name", where)
    if name is None:
        raise ConfigError(f"{where}: 'name' is required")
    reliability = (_text(entry, "reliability", where) or "").upper() or None
    if reliability is not None and reliability not in _RELIABILITY:
        raise ConfigError(f"{where}: reliability {reliability!r} is not one of A-F")
    return Source(
        id=_text(entry, "id", where) or source_id(name),
        name=name,
        kind=_kind(entry, where),
        country=_country(entry, where),
        affiliation=_text(entry, "affiliation", where),
        aliases=_aliases(entry, where),
        reliability=reliability,
    )


def read_registry_file(path: Path) -> tuple[Source, ...]:
    """Read the sources a registry file defines.

    Raises:
        ConfigError: the file is missing, not TOML, or an entry is invalid; the
            message names the file (and the entry).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read source registry: {exc}") from exc
    entries = data.get("source", [])
    if set(data) - {"source"} or not isinstance(entries, list):
        raise ConfigError(f"{path}: expected only [[source]] tables")
    return tuple(_source(e, f"{path}: source #{i}") for i, e in enumerate(entries, 1))


def load_registry(path: Path | None = None, *, sources: Iterable[Source] = ()) -> SourceRegistry:
    """Return a registry seeded with stored ``sources``, with the file at ``path`` laid over.

    Example:
        >>> registry = load_registry(registry_path())  # doctest: +SKIP
    """
    registry = SourceRegistry.from_sources(sources)
    if path is not None:
        registry.apply(read_registry_file(path))
    return registry
