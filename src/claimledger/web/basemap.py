"""The map page's basemap: Natural Earth countries drawn as inline SVG.

``static/world.json`` holds Natural Earth 1:110m country outlines (public
domain), built by ``scripts/build_basemap.py``. Points and outlines use the
same equirectangular projection: x = longitude, y = -latitude.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    """One country outline as an SVG path."""

    iso: str
    name: str
    path: str


@functools.cache
def countries() -> tuple[Country, ...]:
    """Return the basemap's countries (read once, on first use)."""
    raw = resources.files("claimledger.web").joinpath("static/world.json").read_text("utf-8")
    data = json.loads(raw)
    scale = float(data["scale"])
    return tuple(
        Country(iso=c["iso"], name=c["name"], path=_path(c["rings"], scale))
        for c in data["countries"]
    )


def _path(rings: list[list[int]], scale: float) -> str:
    parts = []
    for ring in rings:
        points = [
            f"{x / scale:g} {-y / scale:g}" for x, y in zip(ring[::2], ring[1::2], strict=True)
        ]
        parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def view_box(points: list[tuple[float, float]], *, margin: float = 8.0) -> str:
    """Return an SVG viewBox framing ``points`` (lon, lat), or the whole world.

    Example:
        >>> view_box([(30.0, 50.0)])
        '10 -59 40 18'
    """
    if not points:
        return "-180 -90 360 180"
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    width = max(max(lons) - min(lons) + 2 * margin, 40.0)
    height = max(max(lats) - min(lats) + 2 * margin, width * 0.45)
    left = (min(lons) + max(lons)) / 2 - width / 2
    top = -(min(lats) + max(lats)) / 2 - height / 2
    return f"{left:g} {top:g} {width:g} {height:g}"
