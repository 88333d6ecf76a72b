"""Settings, declared once as data (docs/settings.md documents each one).

Precedence: defaults < ``CLAIMLEDGER_<NAME>`` environment variables < command-line flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from claimledger.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default and what it does."""

    name: str
    default: int | str
    help: str


SETTINGS = (
    Setting("db", "claimledger.db", "Ledger database: a file path or a SQLAlchemy URL."),
    Setting(
        "max_document_bytes",
        5_000_000,
        "Largest input in bytes (a file, a JSONL line, a whole feed file); larger ones fail.",
    ),
    Setting("batch_size", 16, "Documents per batch through the spaCy pipeline."),
    Setting(
        "sources", "claimledger-sources.toml", "Source registry file (aliases, kinds, reliability)."
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings."""

    db: str = "claimledger.db"
    max_document_bytes: int = 5_000_000
    batch_size: int = 16
    sources: str = "claimledger-sources.toml"


def load_settings(**overrides: int | str | None) -> Settings:
    """Return settings from defaults, environment and ``overrides`` (None = not given)."""
    values: dict[str, int | str] = {}
    for setting in SETTINGS:
        raw: int | str | None = os.environ.get(f"CLAIMLEDGER_{setting.name.upper()}")
        if overrides.get(setting.name) is not None:
            raw = overrides[setting.name]
        if raw is None:
            continue
        values[setting.name] = _coerce(setting, raw)
    return Settings(**values)  # type: ignore[arg-type]


def _coerce(setting: Setting, raw: int | str) -> int | str:
    if not isinstance(setting.default, int):
        return str(raw)
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {setting.name} must be a whole number, not {raw!r}") from exc
