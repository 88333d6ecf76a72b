"""Load the workbench: concurrent clients reading claim lists over loopback.

Starts ``claimledger serve`` on 127.0.0.1 (a free port) over a ledger (``--db``,
or a synthetic one of fictional documents built here), then runs ``--clients``
asyncio clients for ``--seconds`` reading ``/api/claims`` pages, with and
without filters and full-text search (``--html`` also reads the ``/claims``
page). Prints requests/s, latency percentiles and the error count.

    python benchmarks/web_load.py                  # 50 clients, 30 s
    python benchmarks/web_load.py --seconds 5 --clients 10
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from claimledger.model import Claim, Document, Extraction, Quantity, Source, SourceRef, TextSpan
from claimledger.store import open_store

_SOURCES = [
    "Harbour Ministry",
    "Lakeside Monitor",
    "Northern Front",
    "Valley Herald",
    "Relief Office",
]
_VERBS = ["said", "reported", "claimed", "denied", "estimated"]
_STATUS = {
    "said": "asserted",
    "reported": "reported",
    "claimed": "alleged",
    "denied": "denied",
    "estimated": "estimated",
}


def _document(index: int, rng: random.Random) -> tuple[Document, Extraction, dict[str, Source]]:
    doc_id = f"bench{index:05d}"
    parts: list[str] = []
    claims, quantities, sources = [], [], {}
    for n in range(5):
        name, verb = rng.choice(_SOURCES), rng.choice(_VERBS)
        count = rng.randint(2, 900)
        start = sum(len(p) + 1 for p in parts)
        sentence = f"{name} {verb} that {count} people were killed near Town {rng.randint(1, 40)}."
        parts.append(sentence)
        content_start = start + len(f"{name} {verb} that ")
        content = sentence[len(f"{name} {verb} that ") : -1]
        claim_id = f"{doc_id}:c{n}"
        figure = f"{count} people"
        claims.append(
            Claim(
                id=claim_id,
                document_id=doc_id,
                content=TextSpan(content, content_start, content_start + len(content)),
                source=SourceRef(span=TextSpan(name, start, start + len(name)), name=name),
                cue=TextSpan(verb, start + len(name) + 1, start + len(name) + 1 + len(verb)),
                status=_STATUS[verb],
            )
        )
        quantities.append(
            Quantity(
                id=f"{doc_id}:q{n}",
                document_id=doc_id,
                value=count,
                category="killed",
                span=TextSpan(figure, content_start, content_start + len(figure)),
                claim_id=claim_id,
            )
        )
        sources[claim_id] = Source(id=name.lower().replace(" ", "-"), name=name)
    document = Document(
        id=doc_id,
        text=" ".join(parts),
        external_id=f"{doc_id}.txt",
        title=f"Synthetic report {index}",
        published=date(2030, 1, 1) + timedelta(days=index % 365),
    )
    return document, Extraction(claims=tuple(claims), quantities=tuple(quantities)), sources


def build_ledger(path: Path, *, documents: int) -> None:
    """Fill a new ledger with ``documents`` fictional documents of five claims each."""
    store = open_store(str(path))
    rng = random.Random(6)
    for index in range(documents):
        document, extraction, sources = _document(index, rng)
        store.add_document(document, extraction, sources=sources)
    store.engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(base + "/api/stats", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the workbench server did not start")


def _paths(html: bool) -> list[str]:
    paths = [
        "/api/claims?limit=50",
        "/api/claims?limit=50&offset=200",
        "/api/claims?status=denied&limit=50",
        "/api/claims?q=killed%20town&limit=50",
        "/api/claims?source=Lakeside%20Monitor&category=killed&limit=50",
        "/api/claims?date_from=2030-03-01&date_to=2030-06-30&limit=50",
    ]
    return paths + ["/claims"] if html else paths


async def _client(
    base: str, until: float, paths: list[str], seed: int, latencies: list[float], errors: list[str]
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            path = rng.choice(paths)
            began = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            latencies.append(time.perf_counter() - began)


async def _load(
    base: str, *, clients: int, seconds: float, html: bool
) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    began = time.monotonic()
    until = began + seconds
    await asyncio.gather(
        *(_client(base, until, _paths(html), seed, latencies, errors) for seed in range(clients))
    )
    return latencies, errors, time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing ledger (default: a synthetic one)")
    parser.add_argument("--documents", type=int, default=400, help="synthetic documents")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--html", action="store_true", help="also read the /claims page")
    args = parser.parse_args()
    seconds = min(args.seconds, 120.0)  # bounded: this shares the machine
    with tempfile.TemporaryDirectory(prefix="claimledger-load-") as folder:
        db = args.db or str(Path(folder) / "ledger.db")
        if not args.db:
            build_ledger(Path(db), documents=args.documents)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "claimledger", "serve", "--db", db, "--port", str(port)]
        server = subprocess.Popen(command, env=os.environ.copy(), stdout=subprocess.DEVNULL)
        try:
            _wait(base, server)
            latencies, errors, elapsed = asyncio.run(
                _load(base, clients=args.clients, seconds=seconds, html=args.html)
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan")
    print(f"clients: {args.clients}  duration: {elapsed:.1f} s  requests: {len(latencies)}")
    print(f"requests/s: {len(latencies) / elapsed:.1f}")
    print(
        f"latency p50: {statistics.median(ordered) * 1000:.0f} ms  p95: {p95 * 1000:.0f} ms  "
        f"max: {ordered[-1] * 1000:.0f} ms"
        if ordered
        else "no requests"
    )
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
