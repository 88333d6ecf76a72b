"""Terminal rendering of ledger records (rich), shared by the reading commands."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from claimledger.model import (
    Claim,
    Conflict,
    Document,
    Estimate,
    Extraction,
    Quantity,
    Source,
    TextSpan,
)
from claimledger.store import LedgerStats

#: Highlight style per kind of span in ``claimledger show``.
STYLES = {
    "source": "bold cyan",
    "cue": "bold magenta",
    "content": "underline",
    "figure": "bold yellow",
    "place": "bold green",
}


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout."""
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def documents_table(documents: Sequence[Document]) -> Table:
    table = Table("id", "published", "outlet", "title", "words", title="Documents")
    for d in documents:
        title = (d.title or d.external_id)[:60]
        dup = f" (copy of {d.duplicate_of})" if d.duplicate_of else ""
        published = d.published.isoformat() if d.published else "-"
        table.add_row(d.id, published, d.outlet or "-", title + dup, str(len(d.text.split())))
    return table


def claims_table(claims: Sequence[Claim], *, canonical: dict[str, str]) -> Table:
    table = Table("id", "source", "cue", "status", "content", title="Claims")
    for c in claims:
        source = canonical.get(c.id) or (c.source.name if c.source else "(unattributed)")
        cue = c.cue.text if c.cue else ("quote" if c.direct else "-")
        table.add_row(c.id, source, cue, c.status, _short(c.content.text, 90))
    return table


def figures_table(quantities: Sequence[Quantity]) -> Table:
    table = Table("id", "value", "bound", "category", "subject", "text", title="Figures")
    for q in quantities:
        table.add_row(q.id, f"{q.value:g}", q.bound, q.category, q.subject or "-", q.span.text)
    return table


def stats_table(stats: LedgerStats) -> Table:
    table = Table("records", "count", title="Ledger")
    for name in stats.__dataclass_fields__:
        table.add_row(name, str(getattr(stats, name)))
    return table


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def highlighted(document: Document, extraction: Extraction) -> Text:
    """Return the document text with sources, cues, content, figures and places styled."""
    text = Text(document.text)
    spans: list[tuple[TextSpan, str]] = []
    for claim in extraction.claims:
        spans.append((claim.content, "content"))
        if claim.cue:
            spans.append((claim.cue, "cue"))
        if claim.source:
            spans.append((claim.source.span, "source"))
    spans += [(q.span, "figure") for q in extraction.quantities]
    spans += [(p.span, "place") for p in extraction.places]
    for span, kind in spans:
        text.stylize(STYLES[kind], span.start, span.end)
    return text


def conflicts_tables(conflicts: Sequence[Conflict]) -> list[Table]:
    """Return two tables: contradictions, and revisions apart from them."""
    tables = []
    for title, chosen in (
        ("Contradictions", [c for c in conflicts if c.kind != "revision"]),
        ("Revisions", [c for c in conflicts if c.kind == "revision"]),
    ):
        table = Table("id", "kind", "claims", "why", title=title)
        for c in chosen:
            table.add_row(c.id, c.kind, "\n".join(c.claim_ids), c.summary)
        tables.append(table)
    return tables


def estimates_table(estimates: Sequence[Estimate]) -> Table:
    """Return low / best / high per figure with the figure behind each bound."""
    columns = ("id", "category", "subject", "low", "best", "high", "policy", "from")
    table = Table(*columns, title="Estimates")
    for e in estimates:
        bounds = [f"{v:g}" if v is not None else "-" for v in (e.low, e.best, e.high)]
        origin = f"low {e.low_from}\nbest {e.best_from}\nhigh {e.high_from}"
        table.add_row(e.id, e.category, e.subject or "-", *bounds, e.policy, origin)
    return table


def sources_table(sources: Sequence[Source], *, counts: Mapping[str, int]) -> Table:
    """Return canonical sources with aliases, kind, country, reliability and claim counts."""
    table = Table(
        "id", "name", "kind", "country", "reliability", "claims", "aliases", title="Sources"
    )
    for s in sources:
        reliability = s.reliability or "-"
        if s.reliability and s.reliability_suggested:
            reliability += " (suggested)"
        aliases = "; ".join(a for a in s.aliases if a != s.name)
        table.add_row(
            s.id, s.name, s.kind, s.country or "-", reliability, str(counts.get(s.id, 0)), aliases
        )
    return table
