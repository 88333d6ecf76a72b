"""Places: claim counts per place, on a Natural Earth basemap."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from claimledger.web.basemap import countries, view_box
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.schemas import PlaceCount
from claimledger.web.security import current_user

router = APIRouter(dependencies=[Depends(current_user)])


def _counts(request: Request) -> list[PlaceCount]:
    grouped: dict[tuple[str, str | None], list[tuple[str | None, float | None, float | None]]] = {}
    for place in store_of(request).places():
        key = (place.name, place.country)
        grouped.setdefault(key, []).append((place.claim_id, place.lat, place.lon))
    out = []
    for (name, country), seen in grouped.items():
        lat = next((s[1] for s in seen if s[1] is not None), None)
        lon = next((s[2] for s in seen if s[2] is not None), None)
        claims = len({s[0] for s in seen if s[0]})
        out.append(
            PlaceCount(
                name=name, country=country, lat=lat, lon=lon, mentions=len(seen), claims=claims
            )
        )
    return sorted(out, key=lambda p: (-p.claims, -p.mentions, p.name))


@router.get("/api/places", tags=["places"])
def places_api(request: Request) -> list[PlaceCount]:
    """List places with coordinates, mention and claim counts."""
    return _counts(request)


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request) -> HTMLResponse:
    places = _counts(request)
    located = [p for p in places if p.lat is not None and p.lon is not None]
    points = [(p.lon, p.lat) for p in located if p.lon is not None and p.lat is not None]
    box = view_box(points)
    context = {
        "places": places,
        "located": located,
        "countries": countries(),
        "view_box": box,
        # Point sizes follow the zoom: one unit is 1 % of the visible width.
        "unit": float(box.split()[2]) / 100,
    }
    return render(request, "map.html", context)
