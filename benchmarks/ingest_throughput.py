"""Ingest throughput against bare ``nlp.pipe`` on the same texts, and peak memory.

Usage:
    python benchmarks/ingest_throughput.py [--components seam|all] [--limit N] [--repeat N] [DIR]

DIR defaults to ../shared/eval/dev/polnear/dev/text (read at run time, never copied).
Each mode runs in its own subprocess so that peak memory (max RSS) is its own:
``bare`` is ``spacy.load(model).pipe(texts)``; ``ingest`` is claimledger's whole ingest
(readers, pipeline with the chosen components, SQLite writes, one transaction per document)
into a fresh temporary ledger. ``seam`` uses only the seam's component (entity mentions);
``all`` uses every claimledger component.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(
    os.environ.get("CLAIMLEDGER_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
DEFAULT_DIR = SHARED / "eval" / "dev" / "polnear" / "dev" / "text"


def _texts(directory: Path, limit: int | None) -> list[Path]:
    files = sorted(directory.glob("*.txt"))
    return files[:limit] if limit else files


def _bare(files: list[Path]) -> dict[str, float]:
    import spacy

    from claimledger.extract import MODEL

    nlp = spacy.load(MODEL)
    texts = [f.read_text(encoding="utf-8") for f in files]
    list(nlp.pipe(texts[:5]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - start, "words": sum(len(t.split()) for t in texts)}


def _ingest(files: list[Path], components: str) -> dict[str, float]:
    from claimledger.extract import COMPONENTS, load_pipeline
    from claimledger.ingest.paths import ingest_paths
    from claimledger.settings import load_settings
    from claimledger.store import open_store

    chosen = ("claimledger_mentions",) if components == "seam" else COMPONENTS
    nlp = load_pipeline(components=chosen)
    list(nlp.pipe([f.read_text(encoding="utf-8") for f in files[:5]]))  # warm-up
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        settings = load_settings(db=str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        outcomes = list(
            ingest_paths([str(f) for f in files], store=store, settings=settings, nlp=nlp)
        )
        seconds = time.perf_counter() - start
    stored = sum(o.status == "stored" for o in outcomes)
    return {"seconds": seconds, "words": sum(o.words for o in outcomes), "stored": stored}


def _child(mode: str, directory: Path, limit: int | None, components: str) -> None:
    files = _texts(directory, limit)
    result = _bare(files) if mode == "bare" else _ingest(files, components)
    result["documents"] = len(files)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run(mode: str, args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--components",
        args.components,
        str(args.dir),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="bare/ingest pairs to run")
    parser.add_argument("--components", choices=["seam", "all"], default="seam")
    parser.add_argument("--child", choices=["bare", "ingest"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(
            f"{args.dir} is absent: this benchmark reads ../shared at run time; nothing measured."
        )
        return
    if args.child:
        _child(args.child, args.dir, args.limit, args.components)
        return
    # Alternate the two modes and keep each one's median run: a shared machine's
    # load drifts over minutes, and a single pair can be off by 20% either way.
    pairs = [(_run("bare", args), _run("ingest", args)) for _ in range(args.repeat)]
    bare = _median([b for b, _ in pairs])
    ingest = _median([i for _, i in pairs])
    ratios = sorted(b["seconds"] / i["seconds"] for b, i in pairs)
    print(f"per-pair throughput ratios: {', '.join(f'{r:.0%}' for r in ratios)}")
    print(f"texts: {args.dir} ({int(bare['documents'])} documents, {int(bare['words'])} words)")
    print(f"{'mode':<22}{'docs/s':>10}{'words/s':>12}{'peak MB':>10}")
    for name, r in (("bare nlp.pipe", bare), (f"ingest ({args.components})", ingest)):
        docs_s, words_s = r["documents"] / r["seconds"], r["words"] / r["seconds"]
        print(f"{name:<22}{docs_s:>10.1f}{words_s:>12.0f}{r['peak_rss_mb']:>10.0f}")
    ratio = bare["seconds"] / ingest["seconds"]
    print(f"ingest throughput = {ratio:.0%} of bare nlp.pipe (overhead {1 / ratio - 1:+.0%})")


if __name__ == "__main__":
    main()
