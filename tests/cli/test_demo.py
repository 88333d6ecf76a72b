"""``claimledger demo`` over the packaged example corpus, with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).parents[2] / "src" / "claimledger" / "examples"


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    db = tmp_path_factory.mktemp("demo") / "ledger.db"
    first = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert "stored 0" in again.stdout
    exported = CliRunner().invoke(app, ["export", "--db", str(db)])
    return json.loads(exported.stdout)


def test_demo_stores_every_report_once(demo_export) -> None:
    manifest = json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))
    files = {f"examples/{d['file']}" for d in manifest["documents"]}
    assert {d["external_id"] for d in demo_export["documents"]} == files


def test_demo_links_the_planted_wire_copy(demo_export) -> None:
    planted = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))
    copies = [item for item in planted["items"] if item["kind"] == "wire_copy"]
    assert copies
    by_file = {d["external_id"].removeprefix("examples/"): d for d in demo_export["documents"]}
    for item in copies:
        original, copy = item["original"], item["copy"]
        assert by_file[copy]["duplicate_of"] == by_file[original]["id"]
