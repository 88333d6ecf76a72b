"""The JSON API over a small hand-made ledger (httpx against the ASGI app)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from webledger import asgi_client, ledger_store

from claimledger.web import create_app
from claimledger.web.schemas import IngestOut

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(create_app(store=ledger_store(tmp_path))) as http:
        yield http


async def test_api_documents_list_and_search(client):
    everything = (await client.get("/api/documents")).json()
    found = (await client.get("/api/documents", params={"search": "Lakeside"})).json()
    assert [d["id"] for d in everything] == ["doc1", "doc2"]
    assert [d["id"] for d in found] == ["doc2"]


async def test_api_document_carries_its_extraction(client):
    body = (await client.get("/api/documents/doc1")).json()
    text = body["document"]["text"]
    claim = body["extraction"]["claims"][0]
    assert text[claim["content"]["start"] : claim["content"]["end"]] == claim["content"]["text"]
    assert claim["source_id"] == "coastal-ministry"
    assert claim["credibility"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["doc1:c1", "doc1:c2", "doc2:c1", "doc2:c2"]),
        ({"status": "denied"}, ["doc1:c2"]),
        ({"source": "Coastal Ministry"}, ["doc1:c1", "doc2:c2"]),
        ({"source": "lakeside-monitor"}, ["doc2:c1"]),
        ({"category": "killed"}, ["doc1:c1", "doc2:c1", "doc2:c2"]),
        ({"place": "port elmar"}, ["doc1:c1", "doc2:c1"]),
        ({"place": "cm"}, ["doc1:c1", "doc2:c1"]),
        ({"date_from": "2031-03-04"}, ["doc2:c1", "doc2:c2"]),
        ({"date_to": "2031-03-03"}, ["doc1:c1", "doc1:c2"]),
        ({"q": "toll"}, ["doc2:c2"]),
        ({"q": "kill"}, ["doc1:c1", "doc2:c1"]),
        ({"q": "Lakeside"}, ["doc2:c1"]),
        ({"q": '"; DROP TABLE claims; --'}, []),
        ({"q": "soldiers", "status": "reported", "date_from": "2031-03-05"}, ["doc2:c1"]),
    ],
)
async def test_api_claims_filters(client, params, expected):
    body = (await client.get("/api/claims", params=params)).json()
    assert [c["id"] for c in body["items"]] == expected
    assert body["total"] == len(expected)


async def test_api_claims_paginate(client):
    body = (await client.get("/api/claims", params={"limit": 1, "offset": 1})).json()
    assert [c["id"] for c in body["items"]] == ["doc1:c2"]
    assert body["total"] == 4


@pytest.mark.parametrize(
    "path",
    ["/api/claims/nope", "/api/documents/nope", "/api/claims?limit=0", "/api/claims?date_from=x"],
)
async def test_api_refuses_unknown_and_bad_input(client, path):
    response = await client.get(path)
    assert response.status_code in (404, 422)


@pytest.mark.parametrize(
    ("revisions", "expected"), [(None, ["x1", "x2"]), ("true", ["x2"]), ("false", ["x1"])]
)
async def test_api_conflicts_keep_revisions_apart(client, revisions, expected):
    params = {"revisions": revisions} if revisions else {}
    body = (await client.get("/api/conflicts", params=params)).json()
    assert [c["id"] for c in body] == expected


async def test_api_sources_count_claims(client):
    body = (await client.get("/api/sources")).json()
    assert {s["id"]: s["claims"] for s in body} == {
        "coastal-ministry": 2,
        "lakeside-monitor": 1,
        "northern-front": 1,
    }


async def test_api_places_estimates_events_stats(client):
    places = (await client.get("/api/places")).json()
    estimates = (await client.get("/api/estimates")).json()
    events = (await client.get("/api/events")).json()
    stats = (await client.get("/api/stats")).json()
    assert places == [
        {
            "name": "Port Elmar",
            "country": "CM",
            "lat": 46.5,
            "lon": 31.0,
            "mentions": 2,
            "claims": 2,
        }
    ]
    assert [(e["low"], e["best"], e["high"]) for e in estimates] == [(40, 120, 150)]
    assert [e["type"] for e in events] == ["death"]
    assert (stats["documents"], stats["claims"], stats["conflicts"]) == (2, 4, 2)


async def test_api_openapi_lists_every_resource(client):
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    for resource in (
        "documents",
        "claims",
        "conflicts",
        "estimates",
        "sources",
        "places",
        "events",
    ):
        assert f"/api/{resource}" in paths


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/documents",
        "/documents/doc1",
        "/claims",
        "/claims/doc1:c1",
        "/conflicts",
        "/estimates",
        "/sources",
        "/map",
        "/timeline",
        "/ingest",
    ],
)
async def test_pages_render(client, path):
    response = await client.get(path)
    assert response.status_code == 200
    assert "<header" in response.text


async def test_reader_page_escapes_and_marks(client):
    page = (await client.get("/documents/doc1")).text
    assert "&lt;propaganda&gt; &amp; lies" in page
    assert "<propaganda>" not in page
    assert '<mark class="hl hl-figure" data-href="/claims/doc1:c1"' in page


async def test_conflict_page_shows_both_sides_and_revisions_apart(client):
    page = (await client.get("/conflicts")).text
    contradictions, revisions = page.split("Revisions", 1)
    assert "Lakeside Monitor" in contradictions and "Coastal Ministry" in contradictions
    assert "the toll had risen" not in contradictions
    assert "the toll had risen" in revisions


async def test_map_draws_basemap_and_points(client):
    page = (await client.get("/map")).text
    assert page.count("<path d=") > 150
    assert '<circle cx="31.0" cy="-46.5"' in page


async def test_ingest_calls_the_ingester(tmp_path):
    seen = []

    def fake(store, name, data):
        seen.append((name, data))
        return IngestOut(name=name, documents=1, claims=0, message="1 stored")

    app = create_app(store=ledger_store(tmp_path), ingester=fake)
    async with asgi_client(app) as http:
        page = await http.get("/ingest")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        files = {"files": ("a.txt", b"Some text.", "text/plain")}
        ok = await http.post(
            "/api/ingest", data={"csrf_token": token, "text": "Pasted."}, files=files
        )
        forged = await http.post("/api/ingest", data={"csrf_token": "x", "text": "Pasted."})
    assert ok.status_code == 200
    assert seen == [("pasted.txt", b"Pasted."), ("a.txt", b"Some text.")]
    assert forged.status_code == 403


@pytest.mark.model
async def test_ingest_through_the_library_like_the_cli(tmp_path):
    app = create_app(store=ledger_store(tmp_path))
    async with asgi_client(app) as http:
        token = (await http.get("/ingest")).text.split('name="csrf_token" value="')[1].split('"')[0]
        text = "The harbour office said on Friday that two ferries were delayed by the storm."
        files = {"files": ("image.txt", b"\x00\x01\x02binary\x00", "application/octet-stream")}
        response = await http.post(
            "/api/ingest", data={"csrf_token": token, "text": text}, files=files
        )
        documents = (await http.get("/api/documents", params={"search": "ferries"})).json()
    pasted, binary = response.json()
    assert (pasted["name"], pasted["documents"]) == ("pasted.txt", 1)
    assert binary["documents"] == 0 and "image.txt" in binary["message"]
    assert "claimledger-upload" not in binary["message"]
    assert len(documents) == 1
