from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from claimledger.errors import ConfigError
from claimledger.settings import SETTINGS, Settings, load_settings

DOCS = Path(__file__).parent.parent / "docs" / "settings.md"


def test_settings_are_documented() -> None:
    headings = set(re.findall(r"^## (\w+)$", DOCS.read_text(encoding="utf-8"), flags=re.M))
    assert {s.name for s in SETTINGS} <= headings


def test_settings_table_matches_the_record() -> None:
    assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}
    assert {s.name: s.default for s in SETTINGS} == {f.name: f.default for f in fields(Settings)}


def test_settings_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_MAX_DOCUMENT_BYTES", "100")
    assert load_settings().max_document_bytes == 100
    assert load_settings(max_document_bytes=7).max_document_bytes == 7
    assert load_settings(max_document_bytes=None).max_document_bytes == 100


def test_settings_reject_a_bad_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings()
