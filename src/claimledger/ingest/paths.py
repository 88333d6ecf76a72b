"""Ingest files, directories and standard input into a ledger: the CLI's one call."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.language import Language

from claimledger.extract import load_pipeline
from claimledger.ingest.dedupe import NearDuplicateIndex
from claimledger.ingest.inputs import read_inputs
from claimledger.ingest.metadata import InputDefaults
from claimledger.ingest.runner import Outcome, SourceResolver, ingest_documents
from claimledger.settings import Settings
from claimledger.sources import load_registry, registry_path
from claimledger.store import Store


def ingest_paths(
    paths: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    defaults: InputDefaults | None = None,
    nlp: Language | None = None,
    sources: SourceResolver | None = None,
) -> Iterator[Outcome]:
    """Read ``paths`` (files, directories, ``-``), extract and store each document.

    Yields one :class:`Outcome` per input document, in input order as far as
    batching allows.
    """
    duplicates = NearDuplicateIndex.from_signatures(store.signatures())
    if sources is None:
        sources = load_registry(registry_path(settings.sources), sources=store.sources())
    items = read_inputs(
        paths, defaults=defaults or InputDefaults(), max_bytes=settings.max_document_bytes
    )
    yield from ingest_documents(
        items,
        store=store,
        nlp=nlp or load_pipeline(),
        duplicates=duplicates,
        sources=sources,
        batch_size=settings.batch_size,
    )
