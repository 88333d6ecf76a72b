"""Wounded counts that include their dead: "six were wounded, two of them mortally".

A wounded figure with killed parts (``subset_of`` it: "two of them mortally",
"one of them later died") counted the dead among the wounded. It becomes
``killed_or_wounded`` and gives a derived wounded figure, the count less its
dead (``qualifier="derived"``, ``subset_of`` the whole, over the same span), as
:func:`claimledger.extract.quantities.survivors` does for "shot" counts.
"""

from __future__ import annotations

from dataclasses import replace

from claimledger.extract.numbers import limits_of
from claimledger.model import Quantity

__all__ = ["wounded_less_dead"]

_COUNTED = {"exact", "more_than", "at_least"}


def wounded_less_dead(found: list[Quantity]) -> list[Quantity]:
    """Split wounded figures that include killed parts; ids renumbered in text order.

    Example:
        >>> text = "Six people were wounded, two of them mortally."
        >>> [(q.category, q.value) for q in quantities(nlp(text))]  # doctest: +SKIP
        [('killed_or_wounded', 6.0), ('wounded', 4.0), ('killed', 2.0)]
    """
    dead: dict[str, float] = {}
    for q in found:
        if q.category == "killed" and q.subset_of is not None:
            dead[q.subset_of] = dead.get(q.subset_of, 0.0) + q.value
    if not dead:
        return found
    out: list[Quantity] = []
    for q in found:
        died = dead.get(q.id)
        if q.category != "wounded" or died is None or q.bound not in _COUNTED or q.qualifier:
            out.append(q)
            continue  # derived and implicit figures are split where they are made
        out.append(replace(q, category="killed_or_wounded"))
        if q.value >= died:
            value = q.value - died
            low, high = limits_of(value, q.bound)
            part = replace(q, id=f"{q.id}.w", value=value, low=low, high=high)
            out.append(replace(part, qualifier="derived", subset_of=q.id))
    return _renumbered(out)


def _renumbered(found: list[Quantity]) -> list[Quantity]:
    ids = {q.id: f"q{n}" for n, q in enumerate(found, start=1)}
    return [
        replace(q, id=ids[q.id], subset_of=ids.get(q.subset_of) if q.subset_of else None)
        for q in found
    ]
