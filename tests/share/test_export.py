from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from claimledger.errors import ExportError
from claimledger.model import (
    Claim,
    Conflict,
    Document,
    Estimate,
    Extraction,
    Place,
    Quantity,
    Source,
    SourceRef,
    TextSpan,
)
from claimledger.share import export_ledger, ledger_json
from claimledger.store import Store, open_store

GOLDEN = Path(__file__).parent.parent / "golden" / "export.json"
TEXT_A = "Officials said more than 300 fighters were killed in Eastbury. It was a lie, rivals said."
TEXT_B = "The army put the number killed at 120, of which 20 were officers."


def span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(part, start, start + len(part))


def ledger() -> Store:
    store = open_store("sqlite://")
    a = Document(
        id="da", text=TEXT_A, external_id="a.txt", outlet="Wire A", published=date(2024, 5, 1)
    )
    b = Document(
        id="db", text=TEXT_B, external_id="b.txt", outlet="Wire B", published=date(2024, 5, 2)
    )
    claim_a = Claim(
        id="da:c1",
        document_id="da",
        content=span(TEXT_A, "more than 300 fighters were killed in Eastbury"),
        source=SourceRef(span=span(TEXT_A, "Officials"), name="Officials"),
        cue=span(TEXT_A, "said"),
        status="asserted",
        status_cues=("said",),
        via=("Wire A",),
    )
    claim_b = Claim(
        id="db:c1",
        document_id="db",
        content=span(TEXT_B, "120, of which 20 were officers"),
        source=SourceRef(span=span(TEXT_B, "The army"), name="army", kind="military"),
        cue=span(TEXT_B, "put the number killed at"),
        status="estimated",
    )
    q_a = Quantity(
        id="da:q1",
        document_id="da",
        claim_id="da:c1",
        span=span(TEXT_A, "more than 300"),
        value=300,
        low=300,
        bound="more_than",
        category="killed",
        subject="fighters",
    )
    q_b = Quantity(
        id="db:q1",
        document_id="db",
        claim_id="db:c1",
        span=span(TEXT_B, "120"),
        value=120,
        low=120,
        high=120,
        category="killed",
    )
    q_c = Quantity(
        id="db:q2",
        document_id="db",
        claim_id="db:c1",
        span=span(TEXT_B, "20"),
        value=20,
        low=20,
        high=20,
        category="killed",
        qualifier="officers",
        subset_of="db:q1",
    )
    place = Place(
        id="da:p1",
        document_id="da",
        claim_id="da:c1",
        span=span(TEXT_A, "Eastbury"),
        name="Eastbury",
    )
    store.add_document(
        a,
        Extraction(claims=(claim_a,), quantities=(q_a,), places=(place,)),
        sources={"da:c1": Source(id="src-officials", name="Officials")},
    )
    store.add_document(
        b,
        Extraction(claims=(claim_b,), quantities=(q_b, q_c)),
        sources={
            "db:c1": Source(id="src-army", name="Army", kind="military", aliases=("The army",))
        },
    )
    store.replace_crosscheck(
        conflicts=[
            Conflict(
                id="x1",
                kind="numeric",
                summary="more than 300 vs 120",
                quantity_ids=("da:q1", "db:q1"),
            )
        ],
        corroborations=[],
        estimates=[
            Estimate(
                id="e1",
                category="killed",
                policy="ucdp",
                low=120,
                best=120,
                high=300,
                quantity_ids=("da:q1", "db:q1"),
                low_from="db:q1",
                best_from="db:q1",
                high_from="da:q1",
            )
        ],
        grades=[],
    )
    return store


def test_export_matches_the_golden_file() -> None:
    text = export_ledger(ledger(), format="json")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_export_is_deterministic() -> None:
    assert export_ledger(ledger()) == export_ledger(ledger())


def test_export_has_every_documented_key() -> None:
    data = ledger_json(ledger())
    for key in (
        "documents",
        "claims",
        "quantities",
        "places",
        "conflicts",
        "corroborations",
        "estimates",
    ):
        assert isinstance(data[key], list)
    assert set(data["documents"][0]) >= {
        "id",
        "external_id",
        "title",
        "outlet",
        "url",
        "published",
        "text_sha256",
        "duplicate_of",
    }
    assert set(data["claims"][0]) >= {
        "id",
        "document_id",
        "source",
        "cue",
        "content",
        "direct",
        "status",
        "via",
        "quantity_ids",
        "place_ids",
        "event_time",
    }
    assert set(data["quantities"][0]) >= {
        "id",
        "document_id",
        "claim_id",
        "value",
        "low",
        "high",
        "bound",
        "category",
        "subject",
        "qualifier",
        "subset_of",
        "span",
    }
    assert set(data["places"][0]) >= {
        "id",
        "document_id",
        "text",
        "span",
        "name",
        "geonames_id",
        "country",
        "admin1",
        "lat",
        "lon",
    }


def test_export_spans_point_into_the_documents() -> None:
    store = ledger()
    data = ledger_json(store)
    texts = {d.id: d.text for d in store.documents()}
    for claim in data["claims"]:
        start, end = claim["content"]["span"]
        assert texts[claim["document_id"]][start:end] == claim["content"]["text"]
    for quantity in data["quantities"]:
        start, end = quantity["span"]
        assert texts[quantity["document_id"]][start:end] == quantity["text"]


def test_export_uses_the_canonical_source_name() -> None:
    claims = {c["id"]: c for c in ledger_json(ledger())["claims"]}
    assert claims["db:c1"]["source"]["name"] == "Army"
    assert claims["db:c1"]["source"]["text"] == "The army"
    assert claims["db:c1"]["quantity_ids"] == ["db:q1", "db:q2"]


def test_export_jsonl_has_one_record_a_line() -> None:
    lines = export_ledger(ledger(), format="jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["record"] for r in records].count("claims") == 2
    assert {r["record"] for r in records} >= {
        "documents",
        "claims",
        "quantities",
        "conflicts",
        "estimates",
    }


def test_export_csv_has_one_row_a_claim() -> None:
    rows = list(csv.DictReader(io.StringIO(export_ledger(ledger(), format="csv"))))
    assert [r["claim_id"] for r in rows] == ["da:c1", "db:c1"]
    assert rows[1]["quantities"] == "120 killed; 20 killed"
    assert rows[0]["quantities"] == "more_than 300 killed"


def test_export_rejects_an_unknown_format() -> None:
    with pytest.raises(ExportError, match="xml"):
        export_ledger(ledger(), format="xml")
