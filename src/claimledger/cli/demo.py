"""``claimledger demo``: ingest the fictional example corpus and print the report."""

from __future__ import annotations

from claimledger.cli.app import DbOption, app, console, reported_errors
from claimledger.cli.ingest import print_summary
from claimledger.cli.render import (
    claims_table,
    conflicts_tables,
    documents_table,
    estimates_table,
    figures_table,
    stats_table,
)
from claimledger.crosscheck import crosscheck_ingested
from claimledger.demo import ingest_examples
from claimledger.ingest import IngestSummary
from claimledger.store import database_url, open_store


@app.command("demo")
def demo_command(db: DbOption = None) -> None:
    """Ingest the packaged example corpus (a fictional conflict) and print the ledger report.

    Running it again stores nothing new: documents are keyed by their text.
    """
    with reported_errors():
        store = open_store(db)
        print_summary(IngestSummary.of(ingest_examples(store)))
        crosscheck_ingested(store)
        sources = {s.id: s.name for s in store.sources()}
        canonical = {c: sources[s] for c, s in store.claim_sources().items() if s in sources}
        console.print(documents_table(store.documents()))
        console.print(claims_table(store.claims(), canonical=canonical))
        console.print(figures_table(store.quantities()))
        for table in conflicts_tables(store.conflicts()):
            console.print(table)
        console.print(estimates_table(store.estimates()))
        console.print(stats_table(store.stats()))
    console.print(f"\nLedger: {database_url(db)}")
    console.print("Open the workbench: claimledger serve, then http://127.0.0.1:8000/")
