"""Rebuild ``src/claimledger/web/static/world.json``, the map page's basemap.

The countries are Natural Earth's 1:110m "Admin 0" boundaries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), taken from the copy that
the geopandas 0.14 wheel ships as ``geopandas/datasets/naturalearth_lowres``.
Nothing is downloaded at run time; to rebuild::

    pip download --no-deps "geopandas==0.14.4" -d /tmp/wheels
    python scripts/build_basemap.py /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

Coordinates are rounded to tenths of a degree and stored as integers
(degrees x 10), which keeps the file near 100 kB.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

_BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
_OUT = Path(__file__).parent.parent / "src/claimledger/web/static/world.json"


def _records(dbf: bytes) -> list[dict[str, str]]:
    count, header, size = struct.unpack("<IHH", dbf[4:12])
    fields: list[tuple[str, int]] = []
    offset = 32
    while dbf[offset] != 0x0D:
        name = dbf[offset : offset + 11].split(b"\0")[0].decode()
        fields.append((name, dbf[offset + 16]))
        offset += 32
    out = []
    for index in range(count):
        row = dbf[header + index * size + 1 : header + (index + 1) * size]
        record, at = {}, 0
        for name, length in fields:
            record[name] = row[at : at + length].decode("utf-8", "replace").strip()
            at += length
        out.append(record)
    return out


def _polygons(shp: bytes) -> list[list[list[int]]]:
    shapes, offset = [], 100
    while offset < len(shp):
        _number, length = struct.unpack(">II", shp[offset : offset + 8])
        body = shp[offset + 8 : offset + 8 + 2 * length]
        offset += 8 + 2 * length
        parts_count, points_count = struct.unpack("<II", body[36:44])
        parts = list(struct.unpack(f"<{parts_count}I", body[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        points = struct.unpack(f"<{2 * points_count}d", body[start : start + 16 * points_count])
        rings = []
        for first, last in zip(parts, [*parts[1:], points_count], strict=True):
            rings.append(_ring(points[2 * first : 2 * last]))
        shapes.append([r for r in rings if len(r) >= 6])
    return shapes


def _ring(flat: tuple[float, ...]) -> list[int]:
    ring: list[int] = []
    for lon, lat in zip(flat[::2], flat[1::2], strict=True):
        point = [round(lon * 10), round(lat * 10)]
        if ring[-2:] != point:
            ring.extend(point)
    return ring


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        records = _records(archive.read(f"{_BASE}.dbf"))
        shapes = _polygons(archive.read(f"{_BASE}.shp"))
    countries = [
        {"iso": r["iso_a3"], "name": r["name"], "rings": rings}
        for r, rings in zip(records, shapes, strict=True)
    ]
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), "
        "via the geopandas 0.14.4 wheel (naturalearth_lowres)",
        "scale": 10,
        "countries": countries,
    }
    _OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {_OUT} ({_OUT.stat().st_size} bytes, {len(countries)} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
