"""Cross-checking commands over a small hand-built ledger (no model)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.model import Claim, Document, Extraction, Quantity, Source, SourceRef, TextSpan
from claimledger.store import open_store

REPORTS = {
    "da": (
        "The army said more than 3,000 fighters were killed or wounded.",
        "more than 3,000",
        3000.0,
        "more_than",
        "The army",
        date(2025, 1, 2),
    ),
    "db": (
        "The monitors said 1,100 fighters were killed or wounded.",
        "1,100",
        1100.0,
        "exact",
        "The monitors",
        date(2025, 1, 3),
    ),
}


def _span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(part, start, start + len(part))


def _ledger(db: Path) -> None:
    with open_store(str(db)) as store:
        for doc_id, (text, figure, value, bound, source, published) in REPORTS.items():
            content = _span(text, text.split(" said ")[1].rstrip("."))
            claim = Claim(
                id=f"{doc_id}:c1",
                document_id=doc_id,
                content=content,
                cue=_span(text, "said"),
                source=SourceRef(span=_span(text, source), name=source[4:]),
            )
            quantity = Quantity(
                id=f"{doc_id}:q1",
                document_id=doc_id,
                claim_id=claim.id,
                span=_span(text, figure),
                value=value,
                low=value,
                high=None if bound == "more_than" else value,
                bound=bound,
                category="killed_or_wounded",
                subject="fighters",
            )
            store.add_document(
                Document(id=doc_id, text=text, external_id=f"{doc_id}.txt", published=published),
                Extraction(claims=(claim,), quantities=(quantity,)),
                sources={claim.id: Source(id=f"src-{source[4:]}", name=source[4:])},
            )


def test_crosscheck_cli_finds_and_lists_the_numeric_conflict(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    _ledger(db)
    runner = CliRunner()
    result = runner.invoke(app, ["crosscheck", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 conflicts")
    conflicts = json.loads(runner.invoke(app, ["conflicts", "--db", str(db), "--json"]).stdout)
    assert [(c["kind"], sorted(c["quantity_ids"])) for c in conflicts] == [
        ("numeric", ["da:q1", "db:q1"])
    ]
    estimates = json.loads(runner.invoke(app, ["estimates", "--db", str(db), "--json"]).stdout)
    assert len(estimates) == 1
    assert estimates[0]["low"] == 1100 and estimates[0]["low_from"] == "db:q1"
    timeline = runner.invoke(app, ["timeline", "da:c1", "--db", str(db), "--json"])
    assert [e["claim_id"] for e in json.loads(timeline.stdout)] == ["da:c1", "db:c1"]


def test_crosscheck_cli_rejects_an_unknown_policy(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["crosscheck", "--db", str(tmp_path / "l.db"), "--policy", "guess"]
    )
    assert result.exit_code == 1
    assert "guess" in result.stderr


def test_sources_cli_lists_sources_with_claim_counts(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    _ledger(db)
    result = CliRunner().invoke(app, ["sources", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    listed = {s["name"]: s["claims"] for s in json.loads(result.stdout)}
    assert listed == {"army": 1, "monitors": 1}
