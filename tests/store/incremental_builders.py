"""Small hand-made reports for the incremental cross-checking tests (our own sentences)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st

from claimledger.model import (
    Claim,
    Document,
    Extraction,
    Place,
    Quantity,
    Source,
    SourceRef,
    TextSpan,
)
from claimledger.store import Store

BASE_DAY = date(2025, 5, 1)
SOURCES = ("Army", "Police", "Medics", "Rebels")
OUTLETS = ("Wire", "Courier", "Gazette")
TOWNS = {"Lowtown": ("SY", "07", 4), "Harbourside": ("SY", "09", 5)}


@dataclass(frozen=True)
class ClaimSpec:
    """What one claim says: a toll, an attack, a denial or a relayed report."""

    kind: str  # toll | attack | denial | relayed
    town: str
    value: int
    status: str
    source: str | None


@dataclass(frozen=True)
class ReportSpec:
    """One report: its outlet, its day and its claims."""

    outlet: str
    day: int
    claims: tuple[ClaimSpec, ...]


def _sentence(spec: ClaimSpec) -> str:
    if spec.kind == "toll":
        return f"{spec.value} villagers were killed in {spec.town}"
    if spec.kind == "attack":
        return f"the bridge at {spec.town} was attacked"
    if spec.kind == "relayed":
        return f"{spec.value} villagers were killed in {spec.town} by shelling"
    return f"the bridge at {spec.town} was not attacked"


def _span(text: str, part: str, start: int = 0) -> TextSpan:
    at = text.index(part, start)
    return TextSpan(part, at, at + len(part))


def report(number: int, spec: ReportSpec) -> tuple[Document, Extraction, dict[str, Source]]:
    """Return a document, its extraction and its claims' canonical sources."""
    doc = f"d{number}"
    sentences = [_sentence(c) for c in spec.claims]
    text = ". ".join(sentences) + "."
    claims, quantities, places, sources = [], [], [], {}
    offset = 0
    for n, (claim, sentence) in enumerate(zip(spec.claims, sentences, strict=True)):
        content = _span(text, sentence, offset)
        offset = content.end
        cid = f"{doc}:c{n}"
        ref = None
        if claim.source is not None:
            ref = SourceRef(span=content, name=claim.source)
            sources[cid] = Source(id=f"s-{claim.source.lower()}", name=claim.source)
        via = ("according to reports in Police media",) if claim.kind == "relayed" else ()
        claims.append(Claim(cid, content, doc, ref, status=claim.status, via=via))
        town = _span(text, claim.town, content.start)
        country, admin1, gid = TOWNS[claim.town]
        places.append(Place(f"{cid}-p", town, claim.town, doc, gid, country, admin1, claim_id=cid))
        if claim.kind in ("toll", "relayed"):
            figure = _span(text, str(claim.value), content.start)
            quantities.append(
                Quantity(
                    f"{cid}-q",
                    figure,
                    float(claim.value),
                    doc,
                    category="killed",
                    subject="villagers",
                    claim_id=cid,
                )
            )
    document = Document(
        id=doc,
        text=text,
        external_id=f"{doc}.txt",
        outlet=spec.outlet,
        published=BASE_DAY + timedelta(days=spec.day),
    )
    extraction = Extraction(
        claims=tuple(claims), quantities=tuple(quantities), places=tuple(places)
    )
    return document, extraction, sources


def store_report(store: Store, number: int, spec: ReportSpec) -> None:
    """Store report ``number``."""
    document, extraction, sources = report(number, spec)
    assert store.add_document(document, extraction, sources=sources)


claim_specs = st.builds(
    ClaimSpec,
    kind=st.sampled_from(["toll", "toll", "attack", "denial", "relayed"]),
    town=st.sampled_from(sorted(TOWNS)),
    value=st.sampled_from([10, 12, 40]),
    status=st.sampled_from(["asserted", "reported", "confirmed", "hedged", "denied"]),
    source=st.one_of(st.none(), st.sampled_from(SOURCES)),
)
report_specs = st.builds(
    ReportSpec,
    outlet=st.sampled_from(OUTLETS),
    day=st.integers(0, 4),
    claims=st.lists(claim_specs, min_size=1, max_size=4).map(tuple),
)
