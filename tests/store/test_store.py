from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import StoreError
from claimledger.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Estimate,
    Extraction,
    Grade,
    Place,
    Quantity,
    Source,
    SourceRef,
    TextSpan,
    TimeRef,
)
from claimledger.store import Store, database_url, open_store
from claimledger.store.migrate import (
    current_revision,
    head_revision,
    include_name,
    pending_revisions,
)
from claimledger.store.schema import metadata

TEXT = "The ministry said 12 soldiers were killed near Harbour Town on Monday."


def span(part: str) -> TextSpan:
    start = TEXT.index(part)
    return TextSpan(part, start, start + len(part))


def sample() -> tuple[Document, Extraction, dict[str, Source]]:
    document = Document(
        id="d1", text=TEXT, external_id="a.txt", outlet="Wire", published=date(2024, 3, 4)
    )
    claim = Claim(
        id="d1:c1",
        document_id="d1",
        content=span("12 soldiers were killed near Harbour Town on Monday"),
        source=SourceRef(
            span=span("The ministry"),
            name="Ministry",
            kind="government",
            resolved_from=span("ministry"),
        ),
        cue=span("said"),
        status="asserted",
        status_cues=("said",),
        via=("Wire",),
    )
    extraction = Extraction(
        claims=(claim,),
        quantities=(
            Quantity(
                id="d1:q1",
                document_id="d1",
                span=span("12"),
                value=12,
                category="killed",
                claim_id="d1:c1",
            ),
        ),
        places=(
            Place(
                id="d1:p1",
                document_id="d1",
                span=span("Harbour Town"),
                name="Harbour Town",
                claim_id="d1:c1",
            ),
        ),
        times=(
            TimeRef(
                id="d1:t1",
                document_id="d1",
                span=span("Monday"),
                start=date(2024, 3, 4),
                end=date(2024, 3, 4),
            ),
        ),
    )
    return (
        document,
        extraction,
        {"d1:c1": Source(id="src-ministry", name="Ministry", aliases=("The ministry",))},
    )


def test_store_migrates_a_new_database_to_head(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "ledger.db")) as store:
        assert current_revision(store.engine) == head_revision()
        assert pending_revisions(store.engine) == []


def test_store_migrations_create_exactly_the_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_store_status_without_migrating_leaves_database_empty(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "ledger.db"), migrate=False) as store:
        assert current_revision(store.engine) is None
        pending = pending_revisions(store.engine)
        assert (pending[0], pending[-1]) == ("0001_initial", head_revision())


def test_store_round_trips_a_document_and_its_records(store: Store) -> None:
    document, extraction, sources = sample()
    assert store.add_document(document, extraction, sources=sources) is True
    assert store.document("d1") == document
    assert store.extraction("d1") == extraction
    assert store.claim_sources() == {"d1:c1": "src-ministry"}
    assert [s.aliases for s in store.sources()] == [("The ministry",)]


def test_store_does_not_store_a_document_twice(store: Store) -> None:
    document, extraction, sources = sample()
    store.add_document(document, extraction, sources=sources)
    assert store.add_document(document, extraction, sources=sources) is False
    assert store.has_document("d1") and not store.has_document("d2")
    assert store.stats().documents == 1
    assert store.stats().claims == 1


def test_store_failure_leaves_nothing_of_the_document(store: Store) -> None:
    document, extraction, sources = sample()
    broken = Extraction(claims=extraction.claims * 2)  # same claim id twice
    with pytest.raises(StoreError, match="a.txt"):
        store.add_document(document, broken, sources=sources)
    assert store.document("d1") is None
    assert store.stats().claims == 0
    assert store.stats().sources == 0


def test_store_filters_claims(store: Store) -> None:
    document, extraction, sources = sample()
    store.add_document(document, extraction, sources=sources)
    assert len(store.claims(source="Ministry")) == 1
    assert len(store.claims(source="src-ministry")) == 1
    assert store.claims(source="Nobody") == []
    assert len(store.claims(status="asserted")) == 1
    assert store.claims(status="denied") == []
    assert len(store.claims(search="harbour")) == 1


def test_store_replaces_crosscheck_results(store: Store) -> None:
    conflict = Conflict(id="x1", kind="numeric", summary="12 vs 40", quantity_ids=("a", "b"))
    corroboration = Corroboration(
        id="k1", kind="corroboration", summary="s", claim_ids=("a", "b"), origins=("s1", "s2")
    )
    estimate = Estimate(
        id="e1", category="killed", policy="ucdp", low=1, best=2, high=3, quantity_ids=("a",)
    )
    grade = Grade(claim_id="a", credibility=2, reasons=("two independent sources",))
    for _ in range(2):
        store.replace_crosscheck(
            conflicts=[conflict],
            corroborations=[corroboration],
            estimates=[estimate],
            grades=[grade],
        )
    assert store.conflicts() == [conflict]
    assert store.corroborations() == [corroboration]
    assert store.estimates() == [estimate]
    assert store.grades() == [grade]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("ledger.db", "sqlite:///ledger.db"), ("postgresql://u@h/db", "postgresql://u@h/db")],
)
def test_store_database_url(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_store_rejects_a_bad_url() -> None:
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x")


_spans = st.builds(
    lambda a, b: TextSpan(TEXT[min(a, b) : max(a, b)], min(a, b), max(a, b)),
    st.integers(0, len(TEXT)),
    st.integers(0, len(TEXT)),
)


@settings(max_examples=40, deadline=None)
@given(
    content=_spans,
    cue=st.none() | _spans,
    direct=st.booleans(),
    status=st.sampled_from(["asserted", "denied", "hedged"]),
    via=st.lists(st.text(max_size=20), max_size=3).map(tuple),
    cues=st.lists(st.text(max_size=10), max_size=3).map(tuple),
)
def test_store_claim_round_trip(content, cue, direct, status, via, cues) -> None:
    with open_store("sqlite://") as store:
        claim = Claim(
            id="d1:c1",
            document_id="d1",
            content=content,
            cue=cue,
            direct=direct,
            status=status,
            via=via,
            status_cues=cues,
        )
        store.add_document(
            Document(id="d1", text=TEXT, external_id="x"), Extraction(claims=(claim,))
        )
        assert store.claims() == [claim]
        with store.engine.connect() as connection:
            assert connection.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


def test_store_updates_what_the_registry_learnt_but_not_reliability(store: Store) -> None:
    document, extraction, _ = sample()
    first = Source(id="src-x", name="Smith", kind="person")
    store.add_document(document, extraction, sources={"d1:c1": first})
    store.set_source_reliability("src-x", "B", suggested=False)
    other = Document(id="d2", text=TEXT, external_id="b.txt")
    claim = extraction.claims[0]
    from dataclasses import replace

    moved = replace(claim, id="d2:c1", document_id="d2")
    fuller = Source(id="src-x", name="Anna Smith", kind="head_of_state", aliases=("Smith",))
    store.add_document(other, Extraction(claims=(moved,)), sources={"d2:c1": fuller})
    (source,) = store.sources()
    assert (source.name, source.kind, source.reliability) == ("Anna Smith", "head_of_state", "B")
