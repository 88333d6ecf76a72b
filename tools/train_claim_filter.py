"""Train the claim filter (src/claimledger/extract/data/claim_filter.v1.json) on PolNeAR train.

Usage:
    PYTHONPATH=src python tools/train_claim_filter.py [--cache FILE] [--out FILE]

Reads ``../shared/eval/dev/polnear/train`` (or ``$CLAIMLEDGER_SHARED/...``) at run
time and prints a plain message and exits 0 when it is absent. Every claim
candidate the attribution rules yield (with no filter) is an example; its label
says whether it matches a gold content span under the benchmark's rule (character
Jaccard >= 0.5, greedy one-to-one). An L2-regularised logistic regression is fitted
by Newton's method (deterministic); the keep threshold is the one that maximises
content F1 over out-of-fold probabilities (5 folds by article). Only PolNeAR
train is read; dev stays for measurement.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import attribution_accuracy as bench  # noqa: E402

from claimledger.extract.alternatives import content_alternatives  # noqa: E402
from claimledger.extract.attribution import attributed_claims  # noqa: E402
from claimledger.extract.claim_filter import (  # noqa: E402
    CLAIM_FILTER_V1,
    Neighbours,
    claim_features,
    switch_features,
)  # noqa: E402
from claimledger.extract.cues import load_cues  # noqa: E402
from claimledger.extract.phrases import span_of  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "claimledger" / "extract" / "data"
#: A feature seen in fewer training candidates than this gets no weight.
MIN_COUNT = 5
L2 = 1.0
SWITCH_L2 = 3.0
SWITCH_THRESHOLDS = (0.5, 0.6, 0.7)
FOLDS = 5


def parsed(texts: list[str], cache: Path | None) -> list[object]:
    """Parse ``texts`` with the pipeline's model, through a DocBin cache when given."""
    import spacy
    from spacy.tokens import DocBin

    from claimledger.extract import MODEL
    from claimledger.extract.extensions import register_extensions

    register_extensions()
    nlp = spacy.load(MODEL)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


@dataclass
class Candidate:
    """One claim candidate in one annotation file: its content options and the gold."""

    ann: int
    options: list[tuple[str, frozenset[int]]]
    rows: list[int] = field(default_factory=list)


def _owned(claim: object, golds: list[bench.Gold]) -> list[bench.Gold]:
    """The gold attributions a candidate may stand for: those with its cue (or with no cue)."""
    cue = claim.cue  # type: ignore[attr-defined]
    if cue is None:
        return golds
    chars = bench._chars([(cue.start, cue.end)])
    return [g for g in golds if not g.cue or g.cue & chars]


def examples(
    split_dir: Path, cache: Path | None
) -> tuple[list[dict[str, float]], list[int], list[Candidate], list[list[bench.Gold]]]:
    """Features and labels of every (candidate, content option), the candidates, the golds."""
    data = bench.polnear(split_dir, None)
    base_of = {name: re.sub(r"_[^_]+$", "", name) for name, _, _ in data}
    bases = sorted(set(base_of.values()))
    texts = {base_of[name]: text for name, text, _ in data}
    docs = dict(zip(bases, parsed([texts[b] for b in bases], cache), strict=True))
    cues = load_cues()
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    candidates: list[Candidate] = []
    for ann, (name, _, golds) in enumerate(data):
        doc = docs[base_of[name]]
        claims = list(attributed_claims(doc, cues=cues))  # type: ignore[arg-type]
        neighbours = Neighbours.of(claims)
        for claim in claims:
            if claim.source is None and claim.cue is None:
                continue
            candidate = Candidate(ann=ann, options=[])
            owned = _owned(claim, golds)
            for option, (start, end) in content_alternatives(doc, claim).items():  # type: ignore[arg-type]
                variant = replace(claim, content=span_of(doc.text, start, end))  # type: ignore[attr-defined]
                chars = bench._chars([(start, end)])
                candidate.rows.append(len(rows))
                candidate.options.append((option, chars))
                rows.append(claim_features(doc, variant, neighbours=neighbours, option=option))  # type: ignore[arg-type]
                labels.append(int(any(bench.jaccard(chars, g.content) >= 0.5 for g in owned)))
            candidates.append(candidate)
    return rows, labels, candidates, [golds for _, _, golds in data]


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = L2, steps: int = 25) -> np.ndarray:
    """Weights (bias last) of an L2-regularised logistic regression, by Newton's method."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _greedy_matches(
    preds: list[frozenset[int]], golds: list[bench.Gold]
) -> list[tuple[float, int, int]]:
    """Every (Jaccard, pred, gold) with Jaccard >= 0.5, best first: greedy matching's input."""
    scored = [
        (bench.jaccard(p, g.content), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if p & g.content
    ]
    return sorted((s for s in scored if s[0] >= 0.5), reverse=True)


def content_f1(
    candidates: list[Candidate], golds: list[list[bench.Gold]], p: np.ndarray
) -> dict[float, float]:
    """Benchmark content F1 per threshold when each candidate takes its most probable cut."""
    by_ann: dict[int, list[tuple[float, frozenset[int]]]] = {}
    for c in candidates:
        best = max(c.rows, key=lambda r: p[r])
        by_ann.setdefault(c.ann, []).append((float(p[best]), c.options[c.rows.index(best)][1]))
    thresholds = [round(float(t), 2) for t in np.arange(0.0, 0.8, 0.02)]
    tp = dict.fromkeys(thresholds, 0)
    pred = dict.fromkeys(thresholds, 0)
    for ann, found in by_ann.items():
        scored = _greedy_matches([chars for _, chars in found], golds[ann])
        for t in thresholds:
            kept = {i for i, (q, _) in enumerate(found) if q >= t}
            used_p: set[int] = set()
            used_g: set[int] = set()
            for _, i, j in scored:
                if i in kept and i not in used_p and j not in used_g:
                    used_p.add(i)
                    used_g.add(j)
            tp[t] += len(used_p)
            pred[t] += len(kept)
    gold = sum(len(g) for g in golds)
    return {t: 2 * tp[t] / (pred[t] + gold) for t in thresholds}


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)), dtype=np.float32)
    for row, features in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[row, index[name]] = value
    return x


def _probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x @ w[:-1] + w[-1], -30, 30))))


def _payload(names: list[str], w: np.ndarray) -> dict[str, object]:
    weights = {n: round(float(v), 4) for n, v in zip(names, w[:-1], strict=True) if abs(v) > 1e-4}
    return {"bias": round(float(w[-1]), 4), "weights": weights}


def _names(rows: list[dict[str, float]]) -> list[str]:
    counts = Counter(name for features in rows for name in features)
    return sorted(n for n, c in counts.items() if c >= MIN_COUNT)


def _out_of_fold(
    x: np.ndarray, y: np.ndarray, fold_of: np.ndarray, train: np.ndarray, l2: float
) -> np.ndarray:
    """Probabilities for every row from a model fitted on the other folds' ``train`` rows."""
    p = np.zeros(len(x))
    for fold in range(FOLDS):
        test = fold_of == fold
        p[test] = _probabilities(x[test], fit(x[~test & train], y[~test & train], l2=l2))
    return p


def keep_model(rows, labels, candidates):  # type: ignore[no-untyped-def]
    """The keep model over every (candidate, cut): out-of-fold probabilities and final weights."""
    names = _names(rows)
    x, y = matrix(rows, names), np.array(labels, dtype=np.float32)
    fold_of = _folds(candidates, len(y))
    every = np.ones(len(y), dtype=bool)
    return _out_of_fold(x, y, fold_of, every, L2), _payload(names, fit(x, y))


def _folds(candidates: list[Candidate], n: int) -> np.ndarray:
    fold_of = np.zeros(n, dtype=int)
    for c in candidates:
        fold_of[c.rows] = c.ann % FOLDS
    return fold_of


def switch_models(rows, labels, candidates):  # type: ignore[no-untyped-def]
    """Per kind of cut: out-of-fold switch probabilities of every alternative, and weights.

    A switch model learns from the pairs where exactly one of the original and the
    alternative matches a gold span; it is applied to every alternative of its kind.
    """
    fold_all = _folds(candidates, len(rows))
    by_kind: dict[str, list[int]] = {}
    pairs: dict[int, int] = {}
    for c in candidates:
        for (kind, _), row in zip(c.options[1:], c.rows[1:], strict=True):
            by_kind.setdefault(kind, []).append(row)
            pairs[row] = c.rows[0]
    oof = np.zeros(len(rows))
    models = {}
    for kind, alt_rows in sorted(by_kind.items()):
        features = [switch_features(rows[pairs[r]], rows[r]) for r in alt_rows]
        y = np.array([labels[r] for r in alt_rows], dtype=np.float32)
        differ = np.array([labels[r] != labels[pairs[r]] for r in alt_rows])
        names = _names([f for f, d in zip(features, differ, strict=True) if d])
        x = matrix(features, names)
        fold_of = fold_all[alt_rows]
        oof[alt_rows] = _out_of_fold(x, y, fold_of, differ, SWITCH_L2)
        models[kind] = _payload(names, fit(x[differ], y[differ], l2=SWITCH_L2))
    return oof, models


def chosen(candidates: list[Candidate], keep: np.ndarray, switch: np.ndarray, at: float):  # type: ignore[no-untyped-def]
    """Keep probabilities of each candidate's chosen cut (others -1), for :func:`content_f1`."""
    q = np.full(len(keep), -1.0)
    for c in candidates:
        best, best_p = c.rows[0], at
        for row in c.rows[1:]:
            if switch[row] > best_p:
                best, best_p = row, switch[row]
        q[best] = keep[best]
    return q


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of parsed train texts")
    parser.add_argument("--out", type=Path, default=DATA / CLAIM_FILTER_V1)
    args = parser.parse_args(argv)
    split = bench.shared_root() / "eval" / "dev" / "polnear" / "train"
    if not split.is_dir():
        print(f"PolNeAR train not found under {split}; nothing to train")
        return 0
    rows, labels, candidates, golds = examples(split, args.cache)
    keep_oof, keep = keep_model(rows, labels, candidates)
    switch_oof, switches = switch_models(rows, labels, candidates)
    original = np.zeros(len(rows))
    original[[c.rows[0] for c in candidates]] = 1.0
    print(f"{len(candidates)} candidates, {len(rows)} cuts")
    print(f"train content F1 without filter {content_f1(candidates, golds, original)[0.0]:.3f}")
    best = (0.0, 0.0, 1.0)
    for at in SWITCH_THRESHOLDS:
        f1s = content_f1(candidates, golds, chosen(candidates, keep_oof, switch_oof, at))
        threshold = max(f1s, key=lambda t: (f1s[t], -t))
        print(f"switch at {at}: out-of-fold F1 {f1s[threshold]:.3f}, keep threshold {threshold}")
        best = max(best, (f1s[threshold], threshold, at))
    payload = {
        "version": 1,
        "trained_on": "PolNeAR train (tools/train_claim_filter.py)",
        "out_of_fold_f1": round(best[0], 4),
        "threshold": best[1],
        "switch_threshold": best[2],
        "keep": keep,
        "switches": switches,
    }
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
