"""Figures accuracy: killed/wounded counts on GVA, MUC-4 and UCDP (dev data).

Reads ``../shared`` (or ``$CLAIMLEDGER_SHARED``) at run time; prints a plain
message and exits 0 when it is absent. Method and results: docs/accuracy.md,
section "Figures".

Usage::

    PYTHONPATH=src python benchmarks/figures_accuracy.py [--limit N] [--only gva,muc,ucdp]
        [--rows all|even|odd] [--cache DIR]

``--rows`` scores every GVA row or only the even (development) or odd (check) ones.
``--cache DIR`` keeps each data set's parse as a spaCy DocBin in DIR and reads it back
on the next run, so that a change to the rules that run after the parse (figures) is
scored in about a minute instead of half an hour. Delete DIR after changing the model
or the parse.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty"}
_ZERO = re.compile(
    r"\b(no one|nobody|none|no other|no (?:deaths?|injuries|fatalities|casualties)|zero)\b", re.I
)
_BASELINE_NUMBER = r"(\d[\d,]*|" + "|".join(_NUMBER_WORDS[1:]) + r")"
_KILLED_WORDS = r"(killed|dead|died)"
_WOUNDED_WORDS = r"(wounded|injured)"


def shared_dir() -> Path | None:
    """The shared evaluation data, or None when it is not there."""
    default = Path(__file__).resolve().parents[1].parent / "shared"
    path = Path(os.environ.get("CLAIMLEDGER_SHARED", default))
    return path if (path / "eval" / "dev").is_dir() else None


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def number_word(n: int) -> str | None:
    if 0 <= n < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[n]
    return _TENS.get(n)


def appears(n: int, text: str) -> bool:
    """True if gold count ``n`` is written in ``text``.

    n >= 1: as digits ("12", "1,100", not inside a larger number) or as a number
    word up to twenty and round tens (case-insensitive, whole word). n == 0:
    when a zero expression is written ("no one", "nobody", "none", "no other",
    "no deaths/injuries/fatalities/casualties", "zero").
    """
    if n == 0:
        return bool(_ZERO.search(text))
    digits = {str(n), f"{n:,}"}
    for form in digits:
        if re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d]|,\d)", text):
            return True
    word = number_word(n)
    return bool(word and re.search(rf"\b{word}\b", text, re.I))


def _word_value(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.index(word) if word in _NUMBER_WORDS else None


def baseline(text: str, cue: str) -> int:
    """The regex baseline: largest number within five words before a cue word."""
    pattern = re.compile(rf"\b{_BASELINE_NUMBER}\b(?:\W+\w+){{0,4}}?\W+{cue}\b", re.I)
    values = [_word_value(m.group(1)) for m in pattern.finditer(text)]
    return max((v for v in values if v is not None), default=0)


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def __str__(self) -> str:
        share = self.right / self.total if self.total else float("nan")
        return f"{share:.3f} ({self.right}/{self.total})"


def largest(quantities: Iterable[object], category: str, *, scoped: bool = False) -> int:
    """The largest figure of ``category``: the issue's scoring rule.

    With ``scoped``, figures marked as a running total or another incident's
    (``claimledger.extract.scope``) are skipped: an extra view, not the rule.
    """
    from claimledger.extract.scope import SCOPE_QUALIFIERS

    values = [
        q.value  # type: ignore[attr-defined]
        for q in quantities
        if q.category == category  # type: ignore[attr-defined]
        and not (scoped and q.qualifier in SCOPE_QUALIFIERS)  # type: ignore[attr-defined]
    ]
    return int(max(values)) if values else 0


#: Where parses are kept between runs (``--cache``); None parses every time.
CACHE: dict[str, Path | None] = {"dir": None}


def extracted(
    nlp, texts: Iterable[str], *, restore: bool = False, name: str = ""
) -> Iterator[list]:
    from claimledger.extract.casing import restore_case
    from claimledger.extract.quantities import quantities

    prepared = (restore_case(t) if restore else t for t in texts)
    for doc in _parsed(nlp, prepared, name=f"{name}_{int(restore)}"):
        yield list(quantities(doc))


def _parsed(nlp, texts: Iterable[str], *, name: str) -> Iterator:
    from spacy.tokens import DocBin

    folder = CACHE["dir"]
    if folder is None:
        yield from nlp.pipe(texts, batch_size=32)
        return
    path = folder / f"{name}.spacy"
    if not path.exists():
        docs = DocBin(store_user_data=False)
        for doc in nlp.pipe(texts, batch_size=32):
            docs.add(doc)
        folder.mkdir(parents=True, exist_ok=True)
        docs.to_disk(path)
    yield from DocBin().from_disk(path).get_docs(nlp.vocab)


#: Which GVA rows are scored (``--rows``): all, even (development) or odd (check).
ROWS = {"which": "all"}


def gva(nlp, root: Path, limit: int | None) -> None:
    rows = read_jsonl(root / "gva" / "articles.jsonl", limit)
    texts = [r["article"]["content"] or "" for r in rows]
    tallies: dict[tuple[str, str, str], Tally] = {}
    scored = zip(rows, texts, extracted(nlp, texts, name="gva"), strict=True)
    for n, (row, text, found) in enumerate(scored):
        if ROWS["which"] != "all" and n % 2 != (ROWS["which"] == "odd"):
            continue
        for label, gold_key, category, cue in (
            ("killed", "num_killed", "killed", _KILLED_WORDS),
            ("wounded", "num_injured", "wounded", _WOUNDED_WORDS),
        ):
            gold = int(row["gva"][gold_key])
            answers = {
                "ours": largest(found, category),
                "scoped": largest(found, category, scoped=True),
                "baseline": baseline(text, cue),
            }
            subsets = ["all"]
            if appears(gold, text):
                subsets.append("appears")
                if gold >= 1:
                    subsets.append("appears, gold>=1")
            for subset in subsets:
                for who, answer in answers.items():
                    tallies.setdefault((label, subset, who), Tally()).add(answer == gold)
    which = "" if ROWS["which"] == "all" else f", {ROWS['which']} rows only"
    print(f"\nGVA ({len(rows)} articles{which}): largest killed/wounded value == gold")
    print("('ours' is the issue's rule; 'ours, scoped' skips figures marked as running totals")
    print(" or other incidents, an extra view)")
    print(f"{'count':<9}{'subset':<18}{'ours':<22}{'ours, scoped':<22}{'regex baseline':<22}")
    for label in ("killed", "wounded"):
        for subset in ("all", "appears", "appears, gold>=1"):
            row = [
                str(tallies.get((label, subset, who), Tally()))
                for who in ("ours", "scoped", "baseline")
            ]
            print(f"{label:<9}{subset:<18}" + "".join(f"{cell:<22}" for cell in row))


def muc_pairs(row: dict) -> list[tuple[str, int]]:
    pairs = []
    for template in row["templates"]:
        for fact in template.get("casualty_facts_derived") or []:
            number = fact.get("number")
            if fact["effect"] in {"DEATH", "INJURY"} and number and str(number).isdigit():
                pairs.append((fact["effect"], int(number)))
    return pairs


def _muc_found(found: list) -> set[tuple[str, int]]:
    names = {"killed": "DEATH", "wounded": "INJURY"}
    return {(names[q.category], int(q.value)) for q in found if q.category in names}


def _muc_baseline(text: str) -> set[tuple[str, int]]:
    out = set()
    for effect, cue in (("DEATH", _KILLED_WORDS), ("INJURY", _WOUNDED_WORDS)):
        pattern = re.compile(rf"\b{_BASELINE_NUMBER}\b(?:\W+\w+){{0,4}}?\W+{cue}\b", re.I)
        for match in pattern.finditer(text):
            value = _word_value(match.group(1))
            if value is not None:
                out.add((effect, value))
    return out


def muc(nlp, root: Path, limit: int | None) -> None:
    print("\nMUC-4: recall of gold (DEATH|INJURY, number) pairs, unique per document")
    print(f"{'split':<7}{'text':<22}{'ours':<22}{'regex baseline':<22}{'ours, all facts':<22}")
    for split in ("tst1", "tst2", "dev"):
        rows = read_jsonl(root / "muc34" / f"muc4_{split}.jsonl", limit)
        upper = sum(r["text"] == r["text"].upper() for r in rows)
        texts = [r["text"] for r in rows]
        for restore in (False, True):
            ours, base, every = Tally(), Tally(), Tally()
            for row, found in zip(
                rows, extracted(nlp, texts, restore=restore, name=f"muc_{split}"), strict=True
            ):
                have, base_have = _muc_found(found), _muc_baseline(row["text"])
                for pair in set(muc_pairs(row)):
                    ours.add(pair in have)
                    base.add(pair in base_have)
                for pair in muc_pairs(row):
                    every.add(pair in have)
            label = "sentence-case" if restore else f"as is ({upper}/{len(rows)} UC)"
            print(f"{split:<7}{label:<22}{ours!s:<22}{base!s:<22}{every!s:<22}")


def ucdp(nlp, root: Path, limit: int | None) -> None:
    rows = read_jsonl(root / "ucdp" / "ucdp_ukraine_events.jsonl", limit)
    headlines = [" ".join(h for h in r["source_headlines"] if h) or "" for r in rows]
    inside, with_figure, with_inside = Tally(), Tally(), Tally()
    for row, found in zip(rows, extracted_each(nlp, rows), strict=True):
        killed = largest(found, "killed")
        ok = int(row["low"]) <= killed <= int(row["high"])
        inside.add(ok)
        if any(q.category == "killed" for q in found):
            with_inside.add(ok)
        with_figure.add(any(q.category == "killed" for q in found))
    del headlines
    print(f"\nUCDP ({len(rows)} events): largest killed figure in the headlines within [low, high]")
    print(f"all events (no figure counts as 0): {inside}")
    print(f"events with a killed figure:       {with_inside}")
    print(f"share of events with a figure:     {with_figure}")


def extracted_each(nlp, rows: list[dict]) -> Iterator[list]:
    """Per event, the figures of all its headlines (each headline parsed alone)."""
    flat = [(n, h) for n, r in enumerate(rows) for h in r["source_headlines"] if h]
    per_event: list[list] = [[] for _ in rows]
    for (n, _), found in zip(flat, extracted(nlp, [h for _, h in flat], name="ucdp"), strict=True):
        per_event[n].extend(found)
    yield from per_event


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="rows per file")
    parser.add_argument("--only", default="gva,muc,ucdp", help="comma-separated sets")
    parser.add_argument("--rows", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--cache", type=Path, default=None, help="keep parses here")
    args = parser.parse_args(argv)
    ROWS["which"], CACHE["dir"] = args.rows, args.cache
    root = shared_dir()
    if root is None:
        print("shared evaluation data not found (set CLAIMLEDGER_SHARED); nothing to do")
        return 0
    import spacy

    from claimledger.extract import MODEL

    nlp = spacy.load(MODEL)
    sets = {"gva": gva, "muc": muc, "ucdp": ucdp}
    for name in args.only.split(","):
        sets[name](nlp, root / "eval" / "dev", args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
