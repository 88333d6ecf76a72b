"""The demo: the packaged fictional example corpus, ingested into a ledger.

The corpus (``claimledger/examples``) is package data; its ``manifest.json``
gives each report's outlet, date, URL and title, which take precedence over
what the text's dateline says (a republished wire copy keeps the wire's
dateline but has its own outlet).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path

from spacy.language import Language

from claimledger.errors import InputError
from claimledger.extract import load_pipeline
from claimledger.ingest.dedupe import NearDuplicateIndex
from claimledger.ingest.inputs import read_inputs
from claimledger.ingest.metadata import InputDefaults
from claimledger.ingest.runner import Outcome, SourceResolver, ingest_documents
from claimledger.model import Document
from claimledger.sources import load_registry, registry_path
from claimledger.store import Store


def example_documents(directory: Path) -> Iterator[Document | InputError]:
    """Yield the example corpus in ``directory`` with the manifest's metadata."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        for item in read_inputs([str(directory / entry["file"])], defaults=InputDefaults()):
            if isinstance(item, InputError):
                yield item
                continue
            yield replace(
                item,
                external_id=f"examples/{entry['file']}",
                outlet=entry["outlet"],
                published=date.fromisoformat(entry["published"]),
                url=entry["url"],
                title=entry["title"],
            )


def ingest_examples(
    store: Store, *, nlp: Language | None = None, sources: SourceResolver | None = None
) -> list[Outcome]:
    """Ingest the packaged example corpus into ``store``; return one outcome per report."""
    with as_file(files("claimledger") / "examples") as directory:
        items = list(example_documents(Path(directory)))
    return list(
        ingest_documents(
            items,
            store=store,
            nlp=nlp or load_pipeline(),
            duplicates=NearDuplicateIndex.from_signatures(store.signatures()),
            sources=sources or load_registry(registry_path(), sources=store.sources()),
        )
    )
