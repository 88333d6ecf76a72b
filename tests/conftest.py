"""The suite's only conftest: shared fixtures.

Unit tests build spaCy Docs by hand (``en_vocab``, ``make_doc``); the few tests
that load the real model take ``nlp`` and are marked ``model``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.extract.extensions import register_extensions


@pytest.fixture(scope="session")
def en_vocab() -> Vocab:
    from spacy.lang.en import English

    return English().vocab


@pytest.fixture
def make_doc(en_vocab: Vocab) -> Callable[..., Doc]:
    """Build a Doc by hand: words plus any of spaces, lemmas, pos, tags, heads, deps, ents."""
    register_extensions()

    def build(words: Sequence[str], **annotations: object) -> Doc:
        return Doc(en_vocab, words=list(words), **annotations)  # type: ignore[arg-type]

    return build


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real pipeline (packaged English model + claimledger components)."""
    from claimledger.extract import load_pipeline

    return load_pipeline()


POSTGRES_URL_ENV = "CLAIMLEDGER_TEST_POSTGRES"


def _empty_postgres(url: str) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: object) -> str:
    """A URL of an empty ledger database: SQLite, and PostgreSQL where CI provides one.

    ``.ci/run`` starts PostgreSQL and sets ``CLAIMLEDGER_TEST_POSTGRES``; elsewhere the
    PostgreSQL case is skipped (and reported as skipped, not passed).
    """
    import os

    if request.param == "sqlite":
        return "sqlite://"
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set: no PostgreSQL server for this run")
    return _empty_postgres(url)


@pytest.fixture
def store(store_url: str) -> Iterator[object]:
    """An empty, migrated ledger (SQLite; PostgreSQL too where CI provides one)."""
    from claimledger.store import open_store

    with open_store(store_url) as opened:
        yield opened
