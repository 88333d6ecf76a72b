"""Claim search: SQLite FTS5 when the ledger has it, LIKE otherwise."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from webledger import ledger_store

from claimledger.store import open_store
from claimledger.store.search import ClaimQuery, count_claims, fts_expression, search_claims


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("killed", '"killed"*'),
        ('a "b" OR c*', '"a"* "b"* "OR"* "c"*'),
        ("NEAR(x y)", '"NEAR"* "x"* "y"*'),
        ("  -- ; ", None),
    ],
)
def test_search_fts_expression_quotes_every_word(search, expected):
    assert fts_expression(search) == expected


def test_search_index_follows_new_documents(tmp_path):
    store = ledger_store(tmp_path)
    from webledger import _first

    document, extraction, sources = _first()
    moved = document.__class__(id="doc3", text=document.text, external_id="third.txt")
    claims = tuple(
        c.__class__(id=c.id.replace("doc1", "doc3"), content=c.content, document_id="doc3")
        for c in extraction.claims
    )
    store.add_document(moved, extraction.__class__(claims=claims))
    found = search_claims(store, ClaimQuery(search="soldiers killed"))
    assert [c.id for c in found] == ["doc1:c1", "doc2:c1", "doc3:c1"]


def test_search_falls_back_to_like_without_the_index(tmp_path):
    store = ledger_store(tmp_path)
    with store.engine.begin() as connection:
        for trigger in ("insert", "delete", "update"):
            connection.execute(sa.text(f"DROP TRIGGER claims_fts_{trigger}"))
        connection.execute(sa.text("DROP TABLE claims_fts"))
    fresh = open_store(str(tmp_path / "ledger.db"), migrate=False)
    assert [c.id for c in search_claims(fresh, ClaimQuery(search="toll had"))] == ["doc2:c2"]
    assert count_claims(fresh, ClaimQuery(search="Monitor")) == 1
