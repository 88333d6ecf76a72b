"""Estimates: low / best / high per figure, the claim behind each bound, as a chart."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from claimledger.model import Estimate, Quantity
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.schemas import EstimateOut
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])

_WIDTH = 600.0


@router.get("/api/estimates", tags=["estimates"])
def estimates_api(request: Request) -> list[EstimateOut]:
    """List low/best/high estimates per figure proposition and policy."""
    return [EstimateOut.model_validate(e) for e in store_of(request).estimates()]


@dataclass(frozen=True, slots=True)
class Bar:
    """An estimate drawn on a shared scale: x positions in SVG units."""

    estimate: Estimate
    low_x: float | None
    best_x: float | None
    high_x: float | None
    scale_max: float
    bounds: dict[str, Quantity]


def bars(estimates: list[Estimate], figures: dict[str, Quantity]) -> list[Bar]:
    """Place estimates on one scale per category, from zero to the largest bound."""
    tops: dict[str, float] = {}
    for e in estimates:
        values = [v for v in (e.low, e.best, e.high) if v is not None]
        tops[e.category] = max([tops.get(e.category, 0.0), *values])

    def x(value: float | None, top: float) -> float | None:
        return None if value is None else round(_WIDTH * value / top, 1) if top else 0.0

    out = []
    for e in estimates:
        top = tops[e.category] or 1.0
        sources = {"low": e.low_from, "best": e.best_from, "high": e.high_from}
        bounds = {k: figures[v] for k, v in sources.items() if v in figures}
        out.append(Bar(e, x(e.low, top), x(e.best, top), x(e.high, top), top, bounds))
    return out


@router.get("/estimates", response_class=HTMLResponse, include_in_schema=False)
def estimates_page(request: Request) -> HTMLResponse:
    store = store_of(request)
    figures = {q.id: q for q in store.quantities()}
    return render(
        request, "estimates.html", {"bars": bars(store.estimates(), figures), "width": _WIDTH}
    )
