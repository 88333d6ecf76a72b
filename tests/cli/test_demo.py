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


def _files_of(demo_export) -> dict[str, str]:
    """Claim or quantity id -> example file name."""
    files = {d["id"]: d["external_id"].removeprefix("examples/") for d in demo_export["documents"]}
    return {c["id"]: files[c["document_id"]] for c in demo_export["claims"]} | {
        q["id"]: files[q["document_id"]] for q in demo_export["quantities"]
    }


PLANTED_CONFLICTS = {
    "numeric_conflict": "numeric",
    "place_conflict": "place",
    "status_conflict": "status",
    "revision": "revision",
}


def _planted(kind: str) -> list[dict[str, object]]:
    planted = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))
    return [item for item in planted["items"] if item["kind"] == kind]


@pytest.mark.parametrize("planted_kind", sorted(PLANTED_CONFLICTS))
def test_demo_finds_every_planted_conflict_and_revision(demo_export, planted_kind: str) -> None:
    files_of = _files_of(demo_export)
    kind = PLANTED_CONFLICTS[planted_kind]
    for item in _planted(planted_kind):
        wanted = set(item["files"])
        found = [
            c
            for c in demo_export["conflicts"]
            if c["kind"] == kind
            and wanted <= {files_of[i] for i in c["claim_ids"] + c["quantity_ids"]}
        ]
        assert found, (item["id"], [c["summary"] for c in demo_export["conflicts"]])


def test_demo_reports_no_contradiction_that_was_not_planted(demo_export) -> None:
    files_of = _files_of(demo_export)
    planted = [set(item["files"]) for kind in PLANTED_CONFLICTS for item in _planted(kind)]
    copies = {item["copy"]: item["original"] for item in _planted("wire_copy")}
    for conflict in demo_export["conflicts"]:
        files = {
            copies.get(f, f)
            for f in (files_of[i] for i in conflict["claim_ids"] + conflict["quantity_ids"])
        }
        assert any(files <= p for p in planted), conflict["summary"]


def test_demo_finds_the_planted_corroboration_counting_the_copy_once(demo_export) -> None:
    files_of = _files_of(demo_export)
    items = _planted("corroboration")
    assert items
    for item in items:
        wanted = set(item["files"])
        found = [
            c
            for c in demo_export["corroborations"]
            if wanted <= {files_of[i] for i in c["claim_ids"]}
        ]
        assert found, (item["id"], [c["summary"] for c in demo_export["corroborations"]])
        # The wire copy repeats the first report: the same origins, not one more.
        assert all(len(c["origins"]) == len(item["sides"]) for c in found), found
