"""Measure pronoun source resolution on PolNeAR dev (``../shared/eval/dev/polnear/dev``).

PolNeAR marks each attribution's Source span but not coreference, so accuracy is
approximated. Claims are built from the gold attributions (gold source, cue and
content spans), run through :func:`claimledger.extract.sources.resolved_claims`
over the model's parse, and every claim whose gold source is a personal pronoun
(he, she, it, they and their object forms) is scored:

- resolved: the pronoun got a name that is not a pronoun;
- lenient: that name shares a word (titles and glue words ignored) with some
  non-pronoun gold source of the same document, i.e. it is one of the
  document's speakers, not a bystander;
- strict: it shares a word with the nearest preceding non-pronoun gold source
  (the previous named speaker), which is right for most news pronouns but not all.

A baseline (the nearest preceding PERSON entity, or ORG for "it") is scored the
same way. Run::

    PYTHONPATH=src python benchmarks/source_resolution.py [--limit N] [--show N]

``CLAIMLEDGER_SHARED`` overrides the location of ``../shared``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimledger.extract import MODEL
from claimledger.extract.extensions import register_extensions
from claimledger.extract.sources import resolved_claims
from claimledger.model import Claim, SourceRef, TextSpan
from claimledger.sources.names import PRONOUNS, name_key, title_at

_PERSONAL = frozenset(
    p for p, group in PRONOUNS.items() if group in ("male", "female", "thing", "plural")
)
# First-person sources ("I") are neither scored nor counted as named speakers.
_SPEAKERS = frozenset(p for p, group in PRONOUNS.items() if group == "speaker")
_GLUE = frozenset({"the", "of", "and", "for", "a", "an", "s"})


@dataclass(frozen=True)
class Gold:
    source: TextSpan
    cue: TextSpan | None
    content: TextSpan


def _shared() -> Path:
    return Path(os.environ.get("CLAIMLEDGER_SHARED", Path(__file__).parents[1] / ".." / "shared"))


def _attributions(ann: Path, text: str) -> Iterator[Gold]:
    spans: dict[str, tuple[str, TextSpan]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, *offsets = parts[1].replace(";", " ").split()
            start, end = int(offsets[0]), int(offsets[-1])
            spans[parts[0]] = (label, TextSpan(text[start:end], start, end))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    for rel in relations:
        source, content = spans.get(rel.get("Source", "")), spans.get(rel.get("Content", ""))
        cue = spans.get(rel.get("Cue", ""))
        if source and content:
            yield Gold(source[1], cue[1] if cue else None, content[1])


def _words(name: str) -> set[str]:
    words = name_key(name).split()
    return {w for i, w in enumerate(words) if w not in _GLUE and not title_at(words, i)}


def _quoted(text: str, content: TextSpan) -> bool:
    """True for a direct quote (the attribution extractor flags these as ``direct``)."""
    around = text[max(0, content.start - 1) : content.start + 1]
    return any(mark in around for mark in '"\u201c\u201d')


def _is_pronoun(text: str) -> bool:
    return text.strip().lower() in _PERSONAL


def _baseline(doc, pronoun: TextSpan) -> str | None:
    label = "ORG" if pronoun.text.lower() in ("it", "its") else "PERSON"
    before = [e for e in doc.ents if e.label_ == label and e.end_char <= pronoun.start]
    return before[-1].text if before else None


def _score(name: str | None, named: list[TextSpan], pronoun: TextSpan) -> tuple[bool, bool, bool]:
    if name is None or _is_pronoun(name):
        return False, False, False
    mine = _words(name)
    lenient = any(mine & _words(s.text) for s in named)
    previous = [s for s in named if s.end <= pronoun.start]
    strict = bool(previous) and bool(mine & _words(previous[-1].text))
    return True, lenient, strict


def _documents(limit: int | None) -> list[tuple[Path, str]]:
    root = _shared() / "eval" / "dev" / "polnear" / "dev"
    texts = sorted((root / "text").glob("*.txt"))[:limit]
    return [(p, p.read_text(encoding="utf-8")) for p in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument(
        "--show", type=int, default=0, help="print N randomly chosen pronouns (seed 0) to inspect"
    )
    args = parser.parse_args(argv)
    docs = _documents(args.limit) if _shared().is_dir() else []
    if not docs:
        print(f"PolNeAR dev data not found under {_shared()}; nothing to measure.")
        return 0
    import spacy

    register_extensions()
    nlp = spacy.load(MODEL)
    counts: Counter[str] = Counter()
    samples: list[str] = []
    for (path, text), doc in zip(docs, nlp.pipe(t for _, t in docs), strict=True):
        # Annotation files carry a short suffix after the text's stem.
        ann = next((path.parents[1] / "attributions").glob(f"{path.stem}*.ann"), None)
        if ann is None:
            continue
        golds = sorted(_attributions(ann, text), key=lambda g: g.source.start)
        named = [
            g.source
            for g in golds
            if not _is_pronoun(g.source.text) and g.source.text.strip().lower() not in _SPEAKERS
        ]
        claims = [
            Claim(
                f"c{i}",
                g.content,
                source=SourceRef(g.source, g.source.text),
                cue=g.cue,
                direct=_quoted(text, g.content),
            )
            for i, g in enumerate(golds)
        ]
        for claim in resolved_claims(doc, claims):
            assert claim.source is not None
            if not _is_pronoun(claim.source.span.text):
                continue
            counts["pronouns"] += 1
            ours = _score(claim.source.name, named, claim.source.span)
            base = _score(_baseline(doc, claim.source.span), named, claim.source.span)
            for key, ok in zip(("resolved", "lenient", "strict"), ours, strict=True):
                counts[key] += ok
            for key, ok in zip(("base_resolved", "base_lenient", "base_strict"), base, strict=True):
                counts[key] += ok
            before = [s.text for s in named if s.end <= claim.source.span.start][-1:]
            start = claim.source.span.start
            context = re.sub(r"\s+", " ", text[max(0, start - 300) : claim.source.span.end + 30])
            samples.append(
                f"[{path.stem}] ...{context}...\n  -> {claim.source.name!r} (previous: {before})"
            )
    for sample in random.Random(0).sample(samples, min(args.show, len(samples))):
        print(sample)
    total = counts["pronouns"] or 1
    print(f"documents: {len(docs)}  pronoun sources: {counts['pronouns']}")
    for label, prefix in (("claimledger", ""), ("baseline (nearest PERSON/ORG entity)", "base_")):
        figures = "  ".join(
            f"{k} {counts[prefix + k] / total:.3f}" for k in ("resolved", "lenient", "strict")
        )
        print(f"{label}: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
