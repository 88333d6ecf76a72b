"""How cross-checking cost grows with the ledger: synthetic ledgers of 10k and 100k claims.

For each size, in a fresh subprocess (so peak memory is that size's alone):

1. generate a synthetic ledger: documents of 20 claims over two years, each on
   5 incidents (half of them already reported in the last 3 days), 4 claims per
   incident: 60 % with the incident's figure (most agree; later reports raise
   it by 40 % in 3 of 10 cases, 7 % triple it), 30 % with an event word, 10 %
   plain statements; places from a made-up gazetteer (30 countries x 8 regions
   x 5 cities), 800 sources, 60 outlets, 5 % wire copies;
2. time a full :func:`claimledger.reconcile.cross_check` over it;
3. time :func:`claimledger.reconcile.cross_check_new` of five new documents
   (~20 claims each), one at a time, against the index of that ledger.

Times are wall clock and process CPU time (the CPU figure is the one to trust
on a shared machine). Peak memory is the process's maximum resident set size (``ru_maxrss``) after
each step, minus the resident size before the ledger was generated.

Run: ``PYTHONPATH=src python benchmarks/crosscheck_scale.py [SIZE ...]``
(default sizes 10000 100000). Nothing here reads ../shared.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta

from claimledger.model import Claim, Place, Quantity, SourceRef, TextSpan, TimeRef
from claimledger.reconcile import ClaimFacts, CrossCheckIndex, cross_check_new

CLAIMS_PER_DOCUMENT = 20
NEW_DOCUMENTS = 5
_START = date(2023, 1, 1)
_DAYS = 730
_CATEGORIES = (
    ["killed"] * 8
    + ["wounded"] * 5
    + ["killed_or_wounded"] * 2
    + [
        "captured",
        "displaced",
        "deployed",
        "missing",
        "attacks",
    ]
)
_BOUNDS = ["exact"] * 6 + ["more_than", "about", "at_least", "range"]
_STATUSES = ["asserted"] * 5 + ["reported"] * 3 + ["confirmed", "denied", "hedged", "alleged"]
_TRIGGERS = ["attacked", "captured", "died", "shelling", "deployed", "wounded", "exchanged"]
_HEADS = ["troops", "civilians", "people", "police"]
_VOCAB = [f"w{n:04d}" for n in range(3000)]
_NATIONS = [f"nation{n:02d}" for n in range(20)]


def _span(text: str) -> TextSpan:
    return TextSpan(text, 0, len(text))


@dataclass(frozen=True)
class _Incident:
    """What a group of synthetic reports is about."""

    number: int
    day: date
    country: int
    admin1: int
    city: int
    category: str
    subject: str | None
    value: float
    trigger: str
    words: str


def _incident(rng: random.Random, number: int, day: date) -> _Incident:
    subject = None if rng.random() < 0.3 else f"{rng.choice(_NATIONS)} {rng.choice(_HEADS)}"
    return _Incident(
        number,
        day,
        rng.randrange(30),
        rng.randrange(8),
        rng.randrange(5),
        rng.choice(_CATEGORIES),
        subject,
        float(int(10 ** rng.uniform(0, 3.7))),
        rng.choice(_TRIGGERS),
        " ".join(rng.choice(_VOCAB) for _ in range(3)),
    )


def _place(rng: random.Random, incident: _Incident, cid: str, role: str) -> Place:
    feature = rng.choice(["country", "admin1", "city", "city"])
    country, admin1, city = incident.country, incident.admin1, incident.city
    if role == "negated":
        country = (country + 1) % 30
    name = {"country": f"C{country}", "admin1": f"C{country}-A{admin1}"}.get(
        feature, f"C{country}-A{admin1}-T{city}"
    )
    gid = {"country": country, "admin1": 1000 + country * 10 + admin1}.get(
        feature, 100000 + country * 100 + admin1 * 10 + city
    )
    return Place(
        id=f"{cid}-p-{role}",
        span=_span(name),
        name=name,
        geonames_id=gid,
        country=f"C{country}",
        admin1=None if feature == "country" else f"{admin1:02d}",
        feature=feature,
        role=role,
        claim_id=cid,
    )


def _figure(rng: random.Random, incident: _Incident, cid: str, later: bool) -> Quantity:
    # Most reports agree; later ones may raise the toll; a few dispute it.
    roll = rng.random()
    value = incident.value * (1.4 if later and roll < 0.3 else 3.0 if roll > 0.93 else 1.0)
    bound = rng.choice(_BOUNDS)
    low, high = (value, value * 1.5) if bound == "range" else (None, None)
    if bound in ("more_than", "at_least"):
        value = float(int(value * 0.8))  # "more than 80" for a toll of 100
    return Quantity(
        id=f"{cid}-q",
        span=_span(f"{value:g}"),
        value=value,
        low=low,
        high=high,
        bound=bound,
        category=incident.category,
        subject=incident.subject,
        claim_id=cid,
    )


def _claim_facts(
    rng: random.Random, incident: _Incident, cid: str, doc: str, published: date, outlet: str
) -> ClaimFacts:
    roll = rng.random()
    words = " ".join(rng.choice(_VOCAB) for _ in range(3))
    later = published > incident.day
    quantities = (_figure(rng, incident, cid, later),) if roll < 0.6 else ()
    text = (
        f"{incident.trigger} {incident.words} {words}"
        if roll < 0.9
        else f"{incident.words} {words}"
    )
    source_n = rng.randrange(800) if rng.random() < 0.8 else None
    source = SourceRef(_span("S"), f"source {source_n}") if source_n is not None else None
    places = tuple(
        _place(rng, incident, cid, role)
        for role in ("event", "negated")
        if rng.random() < (0.85 if role == "event" else 0.02)
    )
    times = ()
    if rng.random() < 0.3:
        times = (TimeRef(f"{cid}-t", _span("then"), incident.day, incident.day, doc, claim_id=cid),)
    claim = Claim(cid, _span(text), doc, source, status=rng.choice(_STATUSES))
    return ClaimFacts(
        claim=claim,
        published=published,
        outlet=outlet,
        source_id=f"s{source_n}" if source_n is not None else None,
        quantities=quantities,
        places=places,
        times=times,
    )


def _document(rng: random.Random, number: int, incidents: list[_Incident]) -> list[ClaimFacts]:
    doc = f"d{number}"
    published = _START + timedelta(days=rng.randrange(_DAYS))
    outlet = f"outlet{rng.randrange(60)}"
    covered = []
    for _ in range(CLAIMS_PER_DOCUMENT // 4):
        recent = [i for i in incidents[-400:] if 0 <= (published - i.day).days <= 3]
        if recent and rng.random() < 0.5:
            covered.append(rng.choice(recent))
        else:
            incidents.append(
                _incident(rng, len(incidents), published - timedelta(rng.randrange(2)))
            )
            covered.append(incidents[-1])
    return [
        _claim_facts(rng, incident, f"{doc}:c{n * 4 + k}", doc, published, outlet)
        for n, incident in enumerate(covered)
        for k in range(4)
    ]


def synthetic_ledger(size: int, *, seed: int = 5) -> list[ClaimFacts]:
    """Return ``size`` synthetic claims: documents of 20 claims on 5 incidents, wire copies."""
    rng = random.Random(seed)
    facts: list[ClaimFacts] = []
    documents: list[list[ClaimFacts]] = []
    incidents: list[_Incident] = []
    while len(facts) < size:
        number = len(documents)
        if documents and rng.random() < 0.05:
            batch = [
                _copy(f, f"d{number}", f"outlet{rng.randrange(60)}") for f in rng.choice(documents)
            ]
        else:
            batch = _document(rng, number, incidents)
        documents.append(batch)
        facts.extend(batch)
    return facts[:size]


def _copy(facts: ClaimFacts, doc: str, outlet: str) -> ClaimFacts:
    from dataclasses import replace

    local = facts.id.split(":", 1)[1]
    claim = replace(facts.claim, id=f"{doc}:{local}", document_id=doc)
    quantities = tuple(replace(q, id=f"{doc}:{q.id.split(':', 1)[1]}") for q in facts.quantities)
    return replace(
        facts,
        claim=claim,
        outlet=outlet,
        duplicate_of=facts.document_id,
        quantities=quantities,
    )


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(size: int) -> None:
    """Measure one ledger size; print one line per step and a ``#`` line for the parent."""
    base = _rss_mb()
    ledger = synthetic_ledger(size + NEW_DOCUMENTS * CLAIMS_PER_DOCUMENT)
    ledger, new = ledger[:size], ledger[size:]
    generated = _rss_mb()
    index = CrossCheckIndex()
    started, cpu = time.perf_counter(), time.process_time()
    result = cross_check_new(ledger, index=index)  # the same work as cross_check(ledger)
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _rss_mb()
    print(
        f"{size:>7} claims  full cross_check {full:7.2f} s wall, {full_cpu:7.2f} s CPU "
        f"({full_cpu / size * 1e6:5.1f} us CPU/claim)  peak RSS +{peak - base:6.0f} MB "
        f"(ledger records {generated - base:.0f} MB)  "
        f"conflicts {len(result.conflicts)}  corroborations {len(result.corroborations)}  "
        f"estimates {len(result.estimates)}"
    )
    timings, cpu_timings = [], []
    for n in range(NEW_DOCUMENTS):
        batch = new[n * CLAIMS_PER_DOCUMENT : (n + 1) * CLAIMS_PER_DOCUMENT]
        started, cpu = time.perf_counter(), time.process_time()
        cross_check_new(batch, index=index)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu)
    print(
        f"{size:>7} claims  incremental, one new document of {CLAIMS_PER_DOCUMENT} claims: "
        f"wall median {sorted(timings)[len(timings) // 2] * 1000:6.1f} ms, "
        f"max {max(timings) * 1000:6.1f} ms; CPU median "
        f"{sorted(cpu_timings)[len(cpu_timings) // 2] * 1000:6.1f} ms, "
        f"max {max(cpu_timings) * 1000:6.1f} ms"
    )
    print(f"# {size} {full_cpu} {sorted(cpu_timings)[len(cpu_timings) // 2]}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        run_size(int(argv[1]))
        return 0
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    measured: list[tuple[float, float, float]] = []
    for size in sizes:
        child = [sys.executable, __file__, "--child", str(size)]
        out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("# "):
                measured.append(tuple(float(x) for x in line[2:].split()))  # type: ignore[arg-type]
            else:
                print(line, flush=True)
    for (n0, full0, new0), (n1, full1, new1) in zip(measured, measured[1:], strict=False):
        print(
            f"growth {n0:.0f} -> {n1:.0f} claims (x{n1 / n0:.0f}): "
            f"full run CPU x{full1 / full0:.1f}, one new document CPU x{new1 / new0:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
