"""Check the reference article's places and report-relative times against its gold file.

Reads ``$CLAIMLEDGER_SHARED/corpus/seed/*.gold.json`` (default ``../shared``) at
run time. A gold place ``{"text": "Seoul", "resolves_to": "Seoul, KR"}`` is met
when every extracted place with that text resolves to an entry named "Seoul" in
KR (``"UA"`` alone: the country UA). Times: each DATE the pipeline resolves is
printed with the report date from the gold metadata.

Run: ``PYTHONPATH=src python benchmarks/seed_places_time.py``.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from places_time_accuracy import COMPONENTS, shared_dir

from claimledger.extract import load_pipeline
from claimledger.model import Place


def _meets(place: Place, resolves_to: str) -> bool:
    if "," not in resolves_to:
        return place.feature == "country" and place.country == resolves_to
    name, country = (part.strip() for part in resolves_to.rsplit(",", 1))
    return place.name == name and place.country == country


def main() -> int:
    seed = shared_dir() / "corpus/seed"
    golds = sorted(seed.glob("*.gold.json")) if seed.is_dir() else []
    if not golds:
        print(f"reference article not found under {seed}; nothing to check")
        return 0
    nlp = load_pipeline(components=COMPONENTS)
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (seed / gold["document"]).read_text(encoding="utf-8")
        doc = nlp.make_doc(text)
        doc._.published = date.fromisoformat(gold["metadata"]["published"])
        doc = nlp(doc)
        met = 0
        for item in gold["places"]:
            found = [p for p in doc._.cl_places if p.span.text == item["text"]]
            ok = bool(found) and all(_meets(p, item["resolves_to"]) for p in found)
            met += ok
            got = sorted({f"{p.name}, {p.country} ({p.feature}, {p.geonames_id})" for p in found})
            print(f"{'ok ' if ok else 'NO '} {item['text']!r} -> {item['resolves_to']}: {got}")
        print(f"places: {met}/{len(gold['places'])} gold places resolved as the gold says")
        for t in doc._.cl_times:
            print(f"time {t.span.text!r} -> {t.iso} (report date {doc._.published})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
