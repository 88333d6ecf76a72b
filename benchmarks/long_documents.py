"""How extraction time grows with document length, per pipeline component.

Usage:
    python benchmarks/long_documents.py [--sizes 1,4,16]

The text is the packaged example corpus (our own invented reports, no shared
data), joined and repeated N times into one document. Each component runs on
its own with garbage collection off, so a component whose time grows faster
than the text (4x the text, much more than 4x the time) stands out. The first
run pays one-off loads (the gazetteer); compare the larger sizes.
"""

from __future__ import annotations

import argparse
import gc
import time
from importlib.resources import files


def example_text() -> str:
    """The packaged example reports, joined."""
    folder = files("claimledger").joinpath("examples")
    texts = sorted(
        p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".txt")
    )
    return "\n\n".join(texts)


def component_seconds(nlp, text: str) -> dict[str, float]:
    """Seconds each component of ``nlp`` spends on ``text``."""
    doc = nlp.make_doc(text)
    seconds = {}
    gc.disable()
    try:
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            seconds[name] = time.perf_counter() - start
    finally:
        gc.enable()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="repetitions of the example corpus")
    args = parser.parse_args(argv)
    from claimledger.extract import load_pipeline

    nlp = load_pipeline()
    base = example_text()
    sizes = [int(s) for s in args.sizes.split(",")]
    table = {n: component_seconds(nlp, "\n\n".join([base] * n)) for n in sizes}
    print("seconds per component; columns: document size in kB")
    print(f"{'component':<28}" + "".join(f"{len(base) * n / 1000:>9.0f}" for n in sizes))
    for name, _ in nlp.pipeline:
        print(f"{name:<28}" + "".join(f"{table[n][name]:>9.2f}" for n in sizes))
    print(f"{'total':<28}" + "".join(f"{sum(table[n].values()):>9.2f}" for n in sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
