"""Analyst review: recorded with who/when/before/after; the extraction is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from webledger import asgi_client, ledger_store

from claimledger.errors import ReviewError
from claimledger.review import (
    apply_review,
    review_claim,
    review_source,
    reviewed_claims,
    reviews,
)
from claimledger.store.search import claim_by_id
from claimledger.web import create_app


@pytest.fixture
def store(tmp_path: Path):
    return ledger_store(tmp_path)


def test_review_correction_keeps_extraction_and_records_before_after(store):
    review_claim(store, "doc1:c1", action="correct", changes={"status": "alleged"}, who="ana")
    second = review_claim(
        store, "doc1:c1", action="correct", changes={"status": "denied", "source": "X"}, who="bo"
    )
    state = reviewed_claims(store)["doc1:c1"]
    assert claim_by_id(store, "doc1:c1").status == "reported"
    assert second.before == {"status": "alleged", "source": "Coastal Ministry"}
    assert second.after == {"status": "denied", "source": "X"}
    assert (state.verdict, state.who, dict(state.values)) == (
        "corrected",
        "bo",
        {"status": "denied", "source": "X"},
    )


def test_review_figure_correction_defaults_to_the_only_figure(store):
    done = review_claim(
        store,
        "doc1:c1",
        action="correct",
        changes={"value": "125", "category": "wounded"},
        who="ana",
    )
    state = reviewed_claims(store)["doc1:c1"]
    assert done.before == {"value": 120.0, "category": "killed", "figure": "doc1:q1"}
    assert dict(state.figures) == {"doc1:q1": {"value": 125.0, "category": "wounded"}}


@pytest.mark.parametrize(
    ("claim_id", "action", "changes", "message"),
    [
        ("nope", "confirm", {}, "no claim"),
        ("doc1:c1", "approve", {}, "unknown action"),
        ("doc1:c1", "correct", {}, "at least one field"),
        ("doc1:c1", "correct", {"status": "certain"}, "unknown status"),
        ("doc1:c1", "correct", {"colour": "red"}, "cannot correct"),
        ("doc1:c1", "correct", {"value": "many"}, "not a number"),
        ("doc1:c1", "correct", {"value": "nan"}, "finite"),
        ("doc1:c2", "correct", {"value": 3}, "0 figures"),
        ("doc1:c1", "correct", {"category": "eaten"}, "unknown figure category"),
    ],
)
def test_review_refuses_bad_reviews(store, claim_id, action, changes, message):
    with pytest.raises(ReviewError, match=message):
        review_claim(store, claim_id, action=action, changes=changes, who="ana")
    assert reviews(store) == []


def test_review_verdicts_fold_in_order(store):
    review_claim(store, "doc2:c1", action="correct", changes={"place": "Elmar Bay"}, who="ana")
    review_claim(store, "doc2:c1", action="note", who="ana", note="check the map")
    review_claim(store, "doc2:c1", action="reject", who="bo")
    state = reviewed_claims(store)["doc2:c1"]
    assert (state.verdict, dict(state.values)) == ("rejected", {"place": "Elmar Bay"})
    assert [r.action for r in reviews(store, target_id="doc2:c1")] == ["correct", "note", "reject"]


def test_review_apply_changes_the_claim_copy(store):
    review_claim(store, "doc1:c2", action="correct", changes={"source": "Front HQ"}, who="ana")
    claim = claim_by_id(store, "doc1:c2")
    changed = apply_review(claim, reviewed_claims(store)["doc1:c2"])
    assert (changed.source.name, changed.source.span) == ("Front HQ", claim.source.span)
    assert apply_review(claim, None) is claim


def test_review_source_reliability(store):
    review_source(store, "northern-front", reliability="E", who="ana", note="often wrong")
    with pytest.raises(ReviewError):
        review_source(store, "northern-front", reliability="Z", who="ana")
    source = next(s for s in store.sources() if s.id == "northern-front")
    [done] = reviews(store, target_kind="source")
    assert (source.reliability, source.reliability_suggested) == ("E", False)
    assert (done.before["reliability"], done.after["reliability"], done.note) == (
        None,
        "E",
        "often wrong",
    )


@pytest.mark.anyio
async def test_review_round_trip_through_api_and_form(store):
    async with asgi_client(create_app(store=store)) as http:
        posted = await http.post(
            "/api/claims/doc1:c1/reviews",
            json={"action": "correct", "changes": {"status": "denied"}, "note": "see denial"},
        )
        page = (await http.get("/claims/doc2:c1")).text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        form = await http.post(
            "/claims/doc2:c1/review", data={"csrf_token": token, "action": "confirm"}
        )
        forged = await http.post(
            "/claims/doc2:c1/review", data={"csrf_token": "no", "action": "reject"}
        )
        plain = await http.post(
            "/api/claims/doc2:c1/reviews",
            content='{"action": "reject"}',
            headers={"content-type": "text/plain"},
        )
        claim = (await http.get("/api/claims/doc1:c1")).json()
        listed = (await http.get("/api/reviews")).json()
        shown = (await http.get("/claims/doc1:c1")).text
    assert posted.status_code == 201
    assert posted.json()["before"] == {"status": "reported"}
    assert form.status_code == 303
    assert (forged.status_code, plain.status_code) == (403, 403)
    assert claim["status"] == "reported"
    assert claim["review"]["values"] == {"status": "denied"}
    assert [(r["target_id"], r["action"], r["who"]) for r in listed] == [
        ("doc1:c1", "correct", "local"),
        ("doc2:c1", "confirm", "local"),
    ]
    assert "see denial" in shown and 'id="extracted"' in shown


@pytest.mark.anyio
async def test_review_api_reports_bad_review_as_400(store):
    async with asgi_client(create_app(store=store)) as http:
        response = await http.post("/api/claims/doc1:c1/reviews", json={"action": "approve"})
    assert response.status_code == 400
    assert "unknown action" in response.json()["detail"]


def test_review_export_carries_reviewed_values_marked(store):
    import json

    from claimledger.share.export import export_ledger

    review_claim(
        store, "doc2:c1", action="correct", changes={"status": "estimated", "value": 45}, who="ana"
    )
    ledger = json.loads(export_ledger(store))
    claims = {c["id"]: c for c in ledger["claims"]}
    figures = {q["id"]: q for q in ledger["quantities"]}
    review = claims["doc2:c1"]["review"]
    assert claims["doc2:c1"]["status"] == "estimated"
    assert (review["verdict"], review["who"], review["original"]) == (
        "corrected",
        "ana",
        {"status": "reported"},
    )
    assert figures["doc2:q1"]["value"] == 45
    assert figures["doc2:q1"]["review"] == {"verdict": "corrected", "original": {"value": 40.0}}
    assert "review" not in claims["doc1:c1"] and "review" not in figures["doc1:q1"]
    assert "estimated" in export_ledger(store, format="csv")


def test_review_export_corrects_source_and_place(store):
    import json

    from claimledger.share.export import export_ledger

    review_claim(
        store,
        "doc2:c1",
        action="correct",
        changes={"source": "Bay Watch", "place": "Elmar Bay"},
        who="ana",
    )
    claim = next(c for c in json.loads(export_ledger(store))["claims"] if c["id"] == "doc2:c1")
    assert (claim["source"]["name"], claim["source"]["id"], claim["place"]) == (
        "Bay Watch",
        None,
        "Elmar Bay",
    )
    assert claim["review"]["original"] == {"source": "Lakeside Monitor", "place": "Port Elmar"}
