"""Attribution accuracy on PolNeAR and the Gender Gap Tracker, and pipeline throughput.

Usage:
    PYTHONPATH=src python benchmarks/attribution_accuracy.py [--split dev] [--limit N]
        [--no-speed] [--errors FILE]

Reads ``../shared/eval/dev`` (or ``$CLAIMLEDGER_SHARED/eval/dev``) at run time and
prints a plain message and exits 0 when it is absent. Matching (issue #3): a
predicted content span matches a gold one when their character Jaccard is at
least 0.5, pairs taken greedily one-to-one by best overlap; a matched source is
right when the predicted source span overlaps the gold source span; a GGT quote
is found when one predicted content span covers at least half of it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_Chars = frozenset[int]


@dataclass(frozen=True)
class Gold:
    """One gold attribution: content/source/cue as character sets."""

    content: _Chars
    source: _Chars = frozenset()
    cue: _Chars = frozenset()


@dataclass(frozen=True)
class Pred:
    content: _Chars
    source: _Chars = frozenset()
    cue: _Chars = frozenset()
    source_name: str = ""


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    source_n: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    errors: list[str] = field(default_factory=list)


def shared_root() -> Path:
    default = Path(__file__).resolve().parent.parent / ".." / "shared"
    return Path(os.environ.get("CLAIMLEDGER_SHARED", default))


def _chars(spans: Iterable[tuple[int, int]]) -> _Chars:
    return frozenset(i for start, end in spans for i in range(start, end))


def _ann_spans(field_text: str) -> list[tuple[int, int]]:
    _, _, ranges = field_text.partition(" ")
    return [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]


def read_ann(path: Path) -> list[Gold]:
    """Parse a BRAT file into gold attributions (one per ``E`` relation with content)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) > 1:
            spans[parts[0]] = _ann_spans(parts[1])
        elif parts[0].startswith("E") and len(parts) > 1:
            events.append(dict(p.split(":", 1) for p in parts[1].split()))
    out = []
    for event in events:
        roles = {re.sub(r"\d+$", "", k): v for k, v in event.items()}
        if "Content" not in roles:
            continue
        out.append(
            Gold(
                content=_chars(spans.get(roles["Content"], [])),
                source=_chars(spans.get(roles.get("Source", ""), [])),
                cue=_chars(spans.get(roles.get("Cue", ""), [])),
            )
        )
    return out


def polnear(split_dir: Path, limit: int | None) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) per annotation file of a PolNeAR split."""
    out = []
    for ann in sorted((split_dir / "attributions").glob("*.ann"))[:limit]:
        base = re.sub(r"_[^_]+$", "", ann.stem)
        text = (split_dir / "text" / f"{base}.txt").read_text(encoding="utf-8")
        out.append((ann.stem, text, read_ann(ann)))
    return out


def predictions(doc: object, *, outermost: bool = False) -> list[Pred]:
    """Scored claims of ``doc``; with ``outermost``, only claims not nested in another.

    PolNeAR annotates only the outermost of nested attributions (guidelines,
    "No nested attributions"), while the ledger keeps nested claims with a parent.
    """
    out = []
    for claim in doc._.cl_claims or ():  # type: ignore[attr-defined]
        source = claim.source
        if source is None and claim.cue is None:
            # The outlet's own unattributed claims (claimledger_unattributed) are not
            # attributions in PolNeAR's or GGT's sense: they are left out of the score.
            continue
        if outermost and claim.parent_id is not None:
            continue
        out.append(
            Pred(
                content=_chars([(claim.content.start, claim.content.end)]),
                source=_chars([(source.span.start, source.span.end)]) if source else frozenset(),
                cue=_chars([(claim.cue.start, claim.cue.end)]) if claim.cue else frozenset(),
                source_name=source.name if source else "",
            )
        )
    return out


def jaccard(a: _Chars, b: _Chars) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def greedy_pairs(preds: list[Pred], golds: list[Gold]) -> list[tuple[int, int]]:
    """Pairs (pred, gold) with Jaccard >= 0.5, best overlap first, one-to-one."""
    scored = [
        (jaccard(p.content, g.content), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if p.content & g.content
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in sorted(scored, reverse=True):
        if score < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _snippet(text: str, chars: _Chars) -> str:
    return text[min(chars) : max(chars) + 1].replace("\n", " ")[:160] if chars else ""


def score_doc(tally: Tally, text: str, preds: list[Pred], golds: list[Gold]) -> None:
    tally.gold += len(golds)
    tally.pred += len(preds)
    pairs = greedy_pairs(preds, golds)
    tally.matched += len(pairs)
    exact_golds = {g.content for g in golds}
    tally.exact += min(len(golds), sum(1 for p in preds if p.content in exact_golds))
    for i, j in pairs:
        pred, gold = preds[i], golds[j]
        if gold.source:
            tally.source_n += 1
            tally.source_ok += bool(pred.source & gold.source)
            if not pred.source & gold.source:
                tally.errors.append(
                    f"SRC gold={_snippet(text, gold.source)!r} pred={_snippet(text, pred.source)!r}"
                )
        tally.cue_ok += bool(pred.cue & gold.cue)
        tally.errors.append(f"TP [{_snippet(text, pred.cue)}] {_snippet(text, pred.content)!r}")
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for j, gold in enumerate(golds):
        if j not in matched_g:
            best = max((jaccard(p.content, gold.content) for p in preds), default=0.0)
            tally.errors.append(
                f"MISS {best:.2f} [{_snippet(text, gold.cue)}] {_snippet(text, gold.content)!r}"
            )
    for i, pred in enumerate(preds):
        if i not in matched_p:
            tally.errors.append(f"FP [{_snippet(text, pred.cue)}] {_snippet(text, pred.content)!r}")


def ggt(path: Path, limit: int | None) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows[:limit]


def score_ggt(rows: list[dict[str, object]], docs: list[object]) -> dict[str, float]:
    found = quotes = speaker_n = speaker_ok = covered_preds = pred_n = 0
    for row, doc in zip(rows, docs, strict=True):
        preds = predictions(doc)
        pred_n += len(preds)
        golds = [q for q in row["quotations"] if q.get("quote_span_aligned")]  # type: ignore[attr-defined]
        gold_sets = [_chars([tuple(q["quote_span_aligned"])]) for q in golds]
        for q, gold in zip(golds, gold_sets, strict=True):
            quotes += 1
            hits = [p for p in preds if 2 * len(p.content & gold) >= len(gold)]
            if not hits:
                continue
            found += 1
            best = max(hits, key=lambda p: len(p.content & gold))
            speaker = q.get("speaker_span_aligned")
            if speaker:
                speaker_n += 1
                speaker_ok += bool(best.source & _chars([tuple(speaker)]))
        covered_preds += sum(
            1
            for p in preds
            if any(2 * len(p.content & g) >= min(len(g), len(p.content)) for g in gold_sets)
        )
    return {
        "quotes": quotes,
        "recall": found / quotes if quotes else 0.0,
        "precision": covered_preds / pred_n if pred_n else 0.0,
        "speaker_acc": speaker_ok / speaker_n if speaker_n else 0.0,
        "speaker_n": speaker_n,
    }


class PeakRss:
    """Sample the process's resident memory in a thread; ``peak`` in MB."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()

    def __enter__(self) -> PeakRss:
        import psutil

        process = psutil.Process()

        def sample() -> None:
            while not self._stop.is_set():
                self.peak = max(self.peak, process.memory_info().rss / 2**20)
                time.sleep(0.02)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed(run: Iterator[object]) -> tuple[list[object], float, float]:
    with PeakRss() as memory:
        start = time.perf_counter()
        out = list(run)
        seconds = time.perf_counter() - start
    return out, seconds, memory.peak


def throughput(texts: list[str]) -> list[tuple[str, float, float, float]]:
    """Time bare ``nlp.pipe`` and the full claimledger pipeline on the same texts."""
    import spacy

    from claimledger.extract import MODEL, load_pipeline, process
    from claimledger.model import Document

    bare = spacy.load(MODEL)
    full = load_pipeline()
    documents = [Document(id=f"d{i}", text=t, external_id=str(i)) for i, t in enumerate(texts)]
    list(bare.pipe(texts[:5]))
    list(process(full, documents[:5]))
    words = sum(len(t.split()) for t in texts)
    rows = []
    for label, run in (
        ("bare nlp.pipe", lambda: bare.pipe(texts, batch_size=16)),
        ("claimledger pipeline", lambda: process(full, documents, batch_size=16)),
    ):
        _, seconds, peak = _timed(run())
        rows.append((label, len(texts) / seconds, words / seconds, peak))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--errors", type=Path, default=None)
    parser.add_argument(
        "--outermost",
        action="store_true",
        help="on PolNeAR, score only claims not nested in another (its guidelines nest none)",
    )
    args = parser.parse_args(argv)
    root = shared_root() / "eval" / "dev"
    if not (root / "polnear").is_dir():
        print(f"evaluation data not found under {root}; nothing to measure")
        return 0
    from claimledger.extract import load_pipeline

    nlp = load_pipeline()
    data = polnear(root / "polnear" / args.split, args.limit)
    tally = Tally()
    docs = nlp.pipe([text for _, text, _ in data], batch_size=16)
    for (name, text, golds), doc in zip(data, docs, strict=True):
        tally.errors.append(f"== {name}")
        score_doc(tally, text, predictions(doc, outermost=args.outermost), golds)
    rows = ggt(root / "ggt" / "quotes.jsonl", args.limit)
    ggt_docs = list(nlp.pipe([str(r["text"]) for r in rows], batch_size=16))
    ggt_scores = score_ggt(rows, ggt_docs)
    _report(args.split, len(data), tally, ggt_scores)
    if args.errors:
        args.errors.write_text("\n".join(tally.errors), encoding="utf-8")
    if not args.no_speed:
        texts = sorted({text for _, text, _ in data}) + [str(r["text"]) for r in rows]
        _report_speed(throughput(texts), len(texts))
    return 0


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _report(split: str, n_docs: int, tally: Tally, ggt_scores: dict[str, float]) -> None:
    print(f"PolNeAR {split}: {n_docs} annotation files, {tally.gold} gold, {tally.pred} predicted")
    print(f"{'measure':<34}{'P':>7}{'R':>7}{'F1':>7}")
    for label, tp in (
        ("content (Jaccard >= 0.5)", tally.matched),
        ("content (exact)", tally.exact),
    ):
        p, r, f = _prf(tp, tally.pred, tally.gold)
        print(f"{label:<34}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    src = tally.source_ok / tally.source_n if tally.source_n else 0.0
    cue = tally.cue_ok / tally.matched if tally.matched else 0.0
    print(f"{'source accuracy on matched':<34}{src:>21.3f}  (n={tally.source_n})")
    print(f"{'cue accuracy on matched':<34}{cue:>21.3f}  (n={tally.matched})")
    print(f"GGT: {ggt_scores['quotes']:.0f} quotes")
    print(f"{'quote recall (covers >= half)':<34}{ggt_scores['recall']:>21.3f}")
    print(f"{'quote precision (overlaps a quote)':<34}{ggt_scores['precision']:>21.3f}")
    print(
        f"{'speaker accuracy on found':<34}{ggt_scores['speaker_acc']:>21.3f}"
        f"  (n={ggt_scores['speaker_n']:.0f})"
    )


def _report_speed(rows: list[tuple[str, float, float, float]], n: int) -> None:
    print(f"Throughput on {n} texts")
    print(f"{'pipeline':<24}{'docs/s':>9}{'words/s':>10}{'peak RSS MB':>13}")
    for label, docs_s, words_s, peak in rows:
        print(f"{label:<24}{docs_s:>9.1f}{words_s:>10.0f}{peak:>13.0f}")
    print(f"claimledger / bare: {rows[1][1] / rows[0][1]:.0%}")


if __name__ == "__main__":
    sys.exit(main())
