"""Check the ledger built from the reference article against its hand-written gold.

Usage:
    python benchmarks/seed_acceptance.py [--verbose]

Reads ../shared/corpus/seed/ (or $CLAIMLEDGER_SHARED/corpus/seed) at run time; nothing
of it is copied into the repository. The article is ingested with the gold's own
metadata (outlet, published) into a fresh temporary ledger, cross-checked, exported,
and compared with the gold using the gold's matching rules: a source matches when the
canonical source or its mention equals one of ``source_any`` (case-insensitive); a claim
matches when its content contains ``content_contains`` (whitespace- and
quote-normalised).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

SHARED = Path(
    os.environ.get("CLAIMLEDGER_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
SEED = SHARED / "corpus" / "seed"
PRONOUNS = {"he", "she", "it", "they", "the agency", "him", "her", "them", "who", "which"}

Json = dict[str, Any]


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    return re.sub(r"\s+", " ", text.replace("\u201d", '"')).strip().lower()


def _export(article: Path, gold: Json) -> Json:
    from claimledger.crosscheck import crosscheck_ledger
    from claimledger.ingest.metadata import InputDefaults
    from claimledger.ingest.paths import ingest_paths
    from claimledger.settings import load_settings
    from claimledger.share import ledger_json
    from claimledger.store import open_store

    meta = gold["metadata"]
    defaults = InputDefaults(outlet=meta["outlet"], published=date.fromisoformat(meta["published"]))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seed.db")
        with open_store(db) as store:
            settings = load_settings(db=db)
            list(ingest_paths([str(article)], store=store, settings=settings, defaults=defaults))
            crosscheck_ledger(store)
            return ledger_json(store)


def _source_names(claim: Json) -> set[str]:
    source = claim.get("source") or {}
    return {_norm(source.get("name") or ""), _norm(source.get("text") or "")}


def _claim_for(gold_claim: Json, claims: list[Json]) -> Json | None:
    wanted = _norm(gold_claim["content_contains"])
    names = {_norm(n) for n in gold_claim["source_any"]}
    found = [c for c in claims if wanted in _norm(c["content"]["text"])]
    sourced = [c for c in found if _source_names(c) & names]
    pool = sourced or found
    return min(pool, key=lambda c: len(c["content"]["text"])) if pool else None


def _check_claims(gold: Json, ledger: Json, verbose: bool) -> dict[str, str]:
    matched: dict[str, str] = {}
    counts = {"found": 0, "source": 0, "status": 0, "cue": 0, "direct": 0}
    for g in gold["claims"]:
        c = _claim_for(g, ledger["claims"])
        if c is None:
            print(f"  {g['id']}: MISSING ({g['content_contains']!r})") if verbose else None
            continue
        matched[g["id"]] = c["id"]
        counts["found"] += 1
        ok_source = bool(_source_names(c) & {_norm(n) for n in g["source_any"]})
        cue = _norm((c.get("cue") or {}).get("text") or "")
        ok_cue = (g["cue"] is None and not cue) or (g["cue"] is not None and _norm(g["cue"]) in cue)
        checks = {
            "source": ok_source,
            "status": c["status"] == g["status"],
            "cue": ok_cue,
            "direct": c["direct"] == g["direct"],
        }
        for key, ok in checks.items():
            counts[key] += ok
        if verbose and not all(checks.values()):
            bad = [k for k, ok in checks.items() if not ok]
            source = (c.get("source") or {}).get("name")
            print(f"  {g['id']}: wrong {bad}: source={source!r} status={c['status']} cue={cue!r}")
    total = len(gold["claims"])
    print("claims: " + ", ".join(f"{k} {v}/{total}" for k, v in counts.items()))
    bad_sources = [
        c["id"]
        for c in ledger["claims"]
        if _norm((c.get("source") or {}).get("name") or "") in PRONOUNS
    ]
    print(f"claims whose canonical source is a pronoun or 'the agency': {len(bad_sources)}")
    return matched


def _check_quantities(gold: Json, ledger: Json) -> dict[str, str]:
    matched: dict[str, str] = {}
    for g in gold["quantities"]:
        found = [
            q for q in ledger["quantities"] if q["value"] == g["value"] and q["bound"] == g["bound"]
        ]
        q = next((q for q in found if q["category"] == g["category"]), found[0] if found else None)
        if q is None:
            print(f"  {g['id']}: MISSING value {g['value']} {g['bound']}")
            continue
        matched[g["id"]] = q["id"]
        status = "ok" if q["category"] == g["category"] else f"category {q['category']}"
        print(f"  {g['id']}: {q['text']!r} {q['bound']} {q['category']} -> {status}")
    for g in gold["quantities"]:
        if g.get("subset_of") and g["id"] in matched:
            q = next(q for q in ledger["quantities"] if q["id"] == matched[g["id"]])
            ok = q["subset_of"] == matched.get(g["subset_of"])
            print(f"  {g['id']} subset_of {g['subset_of']}: {'ok' if ok else 'MISSING'}")
    return matched


def _check_places(gold: Json, ledger: Json) -> None:
    for g in gold["places"]:
        seen = {
            f"{p['name']}, {p['country']}" if p["feature"] != "country" else p["country"]
            for p in ledger["places"]
            if p["text"].startswith(g["text"])
        }
        ok = g["resolves_to"] in seen
        print(f"  {g['text']} -> {g['resolves_to']}: {'ok' if ok else sorted(seen) or 'MISSING'}")


def _pairs(links: list[Json], key: str) -> list[set[str]]:
    return [set(link[key]) for link in links]


def _check_links(
    gold: Json, ledger: Json, claims: dict[str, str], quantities: dict[str, str]
) -> None:
    for g in gold["conflicts"]:
        ids = {claims.get(x) or quantities.get(x) for x in g["between"]}
        found = any(
            ids <= (set(c["claim_ids"]) | set(c["quantity_ids"])) for c in ledger["conflicts"]
        )
        print(f"  conflict {g['id']} ({g['kind']}): {'found' if found else 'MISSING'}")
    for g in gold["not_conflicts"]:
        ids = {quantities.get(x) for x in g["between"]}
        wrong = any(
            ids <= set(c["quantity_ids"]) for c in ledger["conflicts"] if c["kind"] != "revision"
        )
        print(f"  not a conflict {g['between']}: {'WRONGLY REPORTED' if wrong else 'ok'}")
    for g in gold["corroborations"]:
        ids = {claims.get(x) for x in g["between"]}
        found = any(ids <= set(c["claim_ids"]) for c in ledger["corroborations"])
        print(f"  corroboration {g['between']}: {'found' if found else 'MISSING'}")
    print(f"  all conflicts reported: {len(ledger['conflicts'])}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    golds = sorted(SEED.glob("*.gold.json")) if SEED.is_dir() else []
    if not golds:
        print(f"{SEED} is absent: this check reads ../shared at run time; nothing measured.")
        return
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ledger = _export(gold_path.parent / gold["document"], gold)
        print(f"{gold['document']}: {len(ledger['claims'])} claims extracted")
        claims = _check_claims(gold, ledger, args.verbose)
        print("quantities:")
        quantities = _check_quantities(gold, ledger)
        print("places:")
        _check_places(gold, ledger)
        print("cross-checks:")
        _check_links(gold, ledger, claims, quantities)
        friday = [t for t in ledger.get("times", []) if t.get("text") == "Friday"]
        print(f"time: {friday[0] if friday else 'see event_time of claims'}")


if __name__ == "__main__":
    main()
