"""Reading the ledger: ``documents``, ``show``, ``claims``, ``stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Annotated

import typer

from claimledger.cli.app import DbOption, JsonOption, app, console, reported_errors
from claimledger.cli.render import (
    STYLES,
    claims_table,
    documents_table,
    figures_table,
    highlighted,
    print_json,
    sources_table,
    stats_table,
)
from claimledger.errors import StoreError
from claimledger.share.export import claim_json, document_json, quantity_json, source_json
from claimledger.store import open_store


@app.command("documents")
def documents_command(
    db: DbOption = None,
    search: Annotated[str | None, typer.Option(help="Only documents containing TEXT.")] = None,
    json_: JsonOption = False,
) -> None:
    """List stored documents."""
    with reported_errors():
        documents = open_store(db).documents(search=search)
    if json_:
        print_json([document_json(d) for d in documents])
    else:
        console.print(documents_table(documents))


@app.command("show")
def show_command(
    document_id: Annotated[str, typer.Argument(metavar="DOC", help="Document id.")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Show a document with its claims, sources, figures and places highlighted."""
    with reported_errors():
        store = open_store(db)
        document = store.document(document_id)
        if document is None:
            raise StoreError(f"no document {document_id!r} in the ledger")
        extraction = store.extraction(document_id)
    if json_:
        print_json(
            {
                "document": document_json(document) | {"text": document.text},
                "extraction": asdict(extraction),
            }
        )
        return
    console.print(
        f"[bold]{document.title or document.external_id}[/]  {document.outlet or ''} "
        f"{document.published or ''}"
    )
    console.print(" ".join(f"[{style}]{kind}[/]" for kind, style in STYLES.items()))
    console.print(highlighted(document, extraction))
    if extraction.claims:
        console.print(claims_table(extraction.claims, canonical={}))
    if extraction.quantities:
        console.print(figures_table(extraction.quantities))


@app.command("claims")
def claims_command(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Canonical source id or name.")] = None,
    status: Annotated[str | None, typer.Option(help="Certainty status.")] = None,
    search: Annotated[str | None, typer.Option(help="Text in the claim's content.")] = None,
    json_: JsonOption = False,
) -> None:
    """List claims: source, cue, status and content."""
    with reported_errors():
        store = open_store(db)
        claims = store.claims(source=source, status=status, search=search)
        sources = {s.id: s for s in store.sources()}
        canonical = {c: sources[s].name for c, s in store.claim_sources().items() if s in sources}
    if json_:
        print_json(
            [
                claim_json(c, canonical=None, quantity_ids=[], place_ids=[])
                | {"source_name": canonical.get(c.id)}
                for c in claims
            ]
        )
    else:
        console.print(claims_table(claims, canonical=canonical))


@app.command("figures")
def figures_command(
    db: DbOption = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    json_: JsonOption = False,
) -> None:
    """List figures: value with bounds, category and subject."""
    with reported_errors():
        quantities = open_store(db).quantities(category=category)
    if json_:
        print_json([quantity_json(q) for q in quantities])
    else:
        console.print(figures_table(quantities))


@app.command("stats")
def stats_command(db: DbOption = None, json_: JsonOption = False) -> None:
    """Count what the ledger holds."""
    with reported_errors():
        stats = open_store(db).stats()
    if json_:
        print_json(asdict(stats))
    else:
        console.print(stats_table(stats))


@app.command("sources")
def sources_command(db: DbOption = None, json_: JsonOption = False) -> None:
    """List canonical sources: aliases, kind, country, reliability and claim counts."""
    with reported_errors():
        store = open_store(db)
        sources = store.sources()
        counts = Counter(store.claim_sources().values())
    if json_:
        print_json([source_json(s, claims=counts[s.id]) for s in sources])
    else:
        console.print(sources_table(sources, counts=counts))
