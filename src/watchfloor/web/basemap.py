"""An offline base map: country outlines as SVG paths, from the countryinfo package's GeoJSON.

The workbench must work with no internet, so there are no map tiles. countryinfo (MIT) ships a
low-resolution outline of each country; we project it equirectangularly (x = longitude,
y = -latitude, in degrees) so the map page can place events with no projection code at all, and
drop points closer than a tenth of a degree, which keeps the whole world under 150 kB.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

STEP = 0.1  # degrees: finer detail is invisible at the zoom levels of the map page


@lru_cache(maxsize=1)
def country_paths() -> tuple[tuple[str, str, str], ...]:
    """(ISO3, name, SVG path data) for every country outline countryinfo ships."""
    folder = resources.files("countryinfo") / "data"
    outlines = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        code = ((record.get("ISO") or {}).get("alpha3")) or ""
        geometries = [feature["geometry"] for feature in (record.get("geoJSON") or {}).get("features", [])]
        path = " ".join(_path(geometry) for geometry in geometries if geometry)
        if path:
            outlines.append((code, str(record.get("name", code)), path))
    return tuple(outlines)


def _path(geometry: dict[str, Any]) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return " ".join(_ring(ring) for polygon in polygons for ring in polygon)


def _ring(ring: list[list[float]]) -> str:
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        point = (round(lon, 1), round(-lat, 1))
        if not kept or abs(point[0] - kept[-1][0]) >= STEP or abs(point[1] - kept[-1][1]) >= STEP:
            kept.append(point)
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"
