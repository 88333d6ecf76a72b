"""The example corpus's planted cases, built as engine input from planted.json.

The extractors are not run here: each planted side becomes one ClaimFacts with
the source, status, figures and places the file says the text shows, so this
checks the engine's rules against the corpus's expectations.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest
from reconcile_builders import span

from claimledger.model import Claim, Place, Quantity, SourceRef
from claimledger.reconcile import ClaimFacts, cross_check


def _examples(name: str) -> dict:
    return json.loads(resources.files("claimledger.examples").joinpath(name).read_text("utf-8"))


def _side_facts(item: dict, number: int, side: dict, manifest: dict) -> ClaimFacts:
    meta = manifest[side["file"]]
    cid = f"{side['file']}:{item['id']}:{number}"
    places = [
        Place(id=f"{cid}:p{k}", span=span(name), name=name, role=role)
        for k, (name, role) in enumerate(
            [(side.get("place"), "event"), (side.get("negated_place"), "negated")]
        )
        if name
    ]
    ids = {f["value"]: f"{cid}:q{k}" for k, f in enumerate(side.get("figures", []))}
    quantities = [
        Quantity(
            id=ids[f["value"]],
            span=span(f["text"]),
            value=f["value"],
            bound=f["bound"],
            category=f["category"],
            subject="soldiers" if "soldiers" in side["content"] else None,
            subset_of=ids.get(f["subset_of"]),
            claim_id=cid,
        )
        for f in side.get("figures", [])
    ]
    claim = Claim(
        id=cid,
        content=span(side["content"]),
        document_id=side["file"],
        source=SourceRef(span=span(side["source_text"]), name=side["source"]),
        status=side.get("status", "asserted"),
    )
    return ClaimFacts(
        claim=claim,
        published=date.fromisoformat(meta["published"]),
        outlet=meta["outlet"],
        source_id=f"s:{side['source']}",
        quantities=tuple(quantities),
        places=tuple(places),
    )


KINDS = {
    "numeric_conflict": "numeric",
    "place_conflict": "place",
    "status_conflict": "status",
    "revision": "revision",
}


@pytest.fixture(scope="module")
def planted() -> tuple[dict, list[ClaimFacts]]:
    manifest = {d["file"]: d for d in _examples("manifest.json")["documents"]}
    data = _examples("planted.json")
    facts = [
        _side_facts(item, n, side, manifest)
        for item in data["items"]
        if item["kind"] in {*KINDS, "corroboration"}
        for n, side in enumerate(item["sides"])
    ]
    copy = next(i for i in data["items"] if i["kind"] == "wire_copy")
    originals = [f for f in facts if f.document_id == copy["original"]]
    copies = [
        replace(
            f,
            claim=replace(f.claim, id=f"{f.id}:copy", document_id=copy["copy"]),
            duplicate_of=copy["original"],
            outlet=manifest[copy["copy"]]["outlet"],
        )
        for f in originals
    ]
    return data, facts + copies


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_examples_planted_conflicts_are_found(planted, kind):
    data, facts = planted
    result = cross_check(facts)
    for item in (i for i in data["items"] if i["kind"] == kind):
        wanted = {f.id for f in facts if f":{item['id']}:" in f.id and not f.id.endswith(":copy")}
        assert any(
            c.kind == KINDS[kind] and wanted <= set(c.claim_ids) for c in result.conflicts
        ), item["id"]


def test_examples_no_conflict_beyond_the_planted_ones(planted):
    _, facts = planted
    result = cross_check(facts)
    planted_ids = {i.split(":")[1] for c in result.conflicts for i in c.claim_ids}
    for conflict in result.conflicts:
        items = {i.split(":")[1] for i in conflict.claim_ids}
        assert len(items) == 1, conflict.summary
    assert planted_ids <= {i["id"] for i in planted[0]["items"]}


def test_examples_corroboration_counts_the_wire_copy_once(planted):
    data, facts = planted
    item = next(i for i in data["items"] if i["kind"] == "corroboration")
    result = cross_check(facts)
    (corroboration,) = [
        c for c in result.corroborations if any(f":{item['id']}:" in i for i in c.claim_ids)
    ]
    assert len(corroboration.origins) == 2
    assert {s["source"] for s in item["sides"]} == {
        o.removeprefix("s:") for o in corroboration.origins
    }
